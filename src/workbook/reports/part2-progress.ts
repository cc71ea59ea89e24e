/**
 * `ส่วนที่2 ผลการดำเนินงาน` — the progress report form of the 12-month report (seed 001, L172–452), for the
 * report's fiscal year and round:
 * - the title block (L172 title, L174 "(monitoring & Review Evaluation Report)", L176 org line, L178 round);
 * - the มิติ → ภารกิจ → ภารกิจย่อย headings (L180, L182, L224) with the framework sheet's labels, and under each
 *   lowest group the two-row table header (L184–185): โครงการ/กิจกรรม/มาตรการ · ตัวชี้วัด · เป้าหมาย ·
 *   ผลการดำเนินงาน ผลลัพธ์/ผลสัมฤทธิ์ · งบประมาณ (ถ้ามี) over {งบบูรณาการ|งบบุคลากร} · งบหน่วยงาน · ผลการเบิกจ่าย;
 * - one row per plan item active in the year, numbered (๑), (๒)… afresh in each group (L186–L190). The seed
 *   silently dropped 15 items (M10): here every item appears, and one without progress says so;
 * - after each มิติ a total row and at the end a grand total (SUM formulas; the seed prints no totals);
 * - the round's rows whose code is no plan item (M1; the seed's L443 row) under their own band, outside the totals.
 *
 * The seed's budget sub-header alternates between งบบุคลากร and งบบูรณาการ from table to table (L185, L209):
 * here it is the one setting. Amounts: งบหน่วยงาน/{งบบูรณาการ} hold the round's allocation (วงเงินตาม
 * ข้อบัญญัติ/เทศบัญญัติ) by the budget type last stated — seed 001 prints the allocation there (L355: 13,500
 * against 30,000 planned) — and ผลการเบิกจ่าย the sum of the round's monthly disbursements.
 *
 * Columns H–J, outside the print area, hold each item's dimension, status and planned budget, so that Part 3's
 * table counts and sums this sheet's rows with live formulas (COUNTIFS/SUMIF).
 *
 * Spreadsheets do not fit rows with merged cells and cap a row at 409 pt, so heights are estimated from the
 * wrapped text (text-size.ts), an item taller than one row spans merged rows, and an item taller than a page is
 * continued on the next (the seed's L196 does the same); page breaks are placed here, with the table header
 * repeated at the top of every page the table runs on.
 */
import { THAI_MONTHS_FULL } from "../../domain/calendar";
import { BUDGET_COLUMN_LABELS, labelOf, NOT_POSSIBLE_REASONS, PROGRESS_STATUSES } from "../../domain/lists";
import type { PlanItem, ProgressEntry } from "../../domain/plan";
import { type ItemRound, itemRound, type RoundStatus } from "../../domain/progress/round";
import { normalizeSpace, toThaiDigits } from "../../domain/thai";
import type { DimensionNo } from "../../domain/units";
import { columnLetter, rangeAddress } from "../a1";
import type { CellInput, CellStyle, SheetSpec } from "../grid";
import { charsToFit, lineHeightPt, linesFor } from "../text-size";
import { SheetBuilder } from "./builder";
import { footerOf, noteRow, orgLine, type ReportContext } from "./context";
import { indicatorOf, targetOf } from "./gaps";
import { dimensionLabel, inDigits, missionLabel, subMissionLabel } from "./labels";
import { REPORT_SHEETS } from "./names";
import { heightFor, MAX_ROW_PT, pageCapacity, PageFlow, printScale, textHeightPt, widthForScale } from "./paging";
import { REPORT_FONT, STYLE } from "./style";

/* ---------- texts ---------- */


/** The status word each item's key cell holds (column I), which Part 3 counts. */
export const STATUS_WORD: Readonly<Record<RoundStatus, string>> = {
  done: labelOf(PROGRESS_STATUSES, "done"),
  inProgress: labelOf(PROGRESS_STATUSES, "inProgress"),
  notPossible: labelOf(PROGRESS_STATUSES, "notPossible"),
  notStarted: labelOf(PROGRESS_STATUSES, "notStarted"),
  notReported: "ยังไม่ได้รายงานผล",
};

/** What an item's dimension key cell holds when it has no dimension (P2): counted apart from มิติ 1–4. */
export const NO_DIMENSION_KEY = "ไม่ระบุ";

/**
 * A text as lines: the user's line breaks kept, spaces collapsed, and a numbered list run into one line by the
 * PDF-to-text conversion ("๑. … ๒. …", "(๑) … (๒) …", "- … - …", as the seeds' cells read, e.g. L186) broken
 * before each next number — only the next number in sequence, so "ข้อ ๒.๑" or "มาตรา ๙ วรรคหนึ่ง (๘)" stay.
 */
export function listLines(text: string): string {
  return text.split(/\r?\n/).map(normalizeSpace).filter((l) => l !== "").flatMap(splitNumbered).join("\n");
}

function splitNumbered(line: string): string[] {
  const first = /^(\()?([1๑])([.)])/.exec(line);
  if (first) {
    const paren = first[1] === "(";
    const close = first[3] as string;
    const thai = first[2] === "๑";
    const parts: string[] = [];
    let rest = line;
    let from = first[0].length;
    for (let n = 2; ; n++) {
      const digits = thai ? toThaiDigits(String(n)) : String(n);
      const marker = paren ? `(${digits})` : `${digits}${close}`;
      const at = markerAt(rest, marker, from);
      if (at < 0) break;
      parts.push(rest.slice(0, at).trim());
      rest = rest.slice(at);
      from = marker.length;
    }
    parts.push(rest.trim());
    return parts.filter((p) => p !== "");
  }
  if (/^-\s/.test(line)) return line.split(/\s+-\s+/).map((p, i) => (i === 0 ? p : `- ${p}`));
  return [line];
}

/** Where `marker` starts a list entry: not inside a number, a code ("๑.๒.") or "(๒)" when looking for "๒)". */
function markerAt(s: string, marker: string, from: number): number {
  for (let i = s.indexOf(marker, from); i >= 0; i = s.indexOf(marker, i + 1)) {
    const before = s[i - 1] ?? " ";
    const after = s[i + marker.length] ?? " ";
    if (!/[0-9๐-๙.(/]/.test(before) && !/[0-9๐-๙]/.test(after)) return i;
  }
  return -1;
}

function lastText(rows: readonly ProgressEntry[], pick: (p: ProgressEntry) => string): ProgressEntry | undefined {
  return [...rows].reverse().find((p) => normalizeSpace(pick(p)) !== "");
}

/** The status line of the result cell, in e-PlanNACC's words. */
export function statusLine(ctx: ReportContext, r: ItemRound): string {
  switch (r.status) {
    case "done":
      return `สถานะ: ${STATUS_WORD.done}`;
    case "inProgress":
      return `สถานะ: ${STATUS_WORD.inProgress}${r.progressPct === undefined ? "" : ` (ร้อยละ ${inDigits(ctx, r.progressPct)})`}`;
    case "notStarted":
      return "สถานะ: ยังไม่ได้ดำเนินการ";
    case "notPossible": {
      const text = normalizeSpace(r.reasonText);
      const reason = r.reason && r.reason !== "other" ? labelOf(NOT_POSSIBLE_REASONS, r.reason) : "";
      const why = [reason, text].filter(Boolean).join(" ");
      return `สถานะ: ${STATUS_WORD.notPossible}${why ? ` เนื่องจาก${why}` : ""}`;
    }
    case "notReported":
      // the status as it is: no row in the round is no report, never "not carried out" (the report is a draft)
      return `สถานะ: ${STATUS_WORD.notReported}ในรอบ ${inDigits(ctx, ctx.round)} เดือน`;
  }
}

/** ผลการดำเนินงาน: the round's results (month order, repeats removed), the indicator result and output, the status. */
export function resultText(ctx: ReportContext, r: ItemRound, sharedBy = 1): string {
  const lines: string[] = [];
  const results = r.results.map(listLines).filter((x) => x !== "");
  for (const x of results) lines.push(results.length > 1 ? `- ${x}` : x);
  const indicator = lastText(r.rows, (p) => p.indicatorResult);
  if (indicator) lines.push(`ผลตามตัวชี้วัด: ${listLines(indicator.indicatorResult)}`);
  const output = lastText(r.rows, (p) => p.output);
  if (output) lines.push(`ผลผลิต: ${normalizeSpace(`${output.output} ${output.unit}`)}`);
  lines.push(statusLine(ctx, r));
  if (sharedBy > 1 && r.item.code) {
    // summarizeRound gives every item of a duplicated code (P7) all of that code's rows
    lines.push(`หมายเหตุ: รหัส ${r.item.code} ใช้กับ ${sharedBy} รายการในแผน ผลข้างต้นจึงรวมผลรายเดือนของทุกรายการที่ใช้รหัสนี้`);
  }
  return inDigits(ctx, lines.join("\n"));
}

/** The amounts of an item's row. */
export interface RowAmounts {
  /** The allocation when the budget type last stated is งบบูรณาการ (shown under the setting's label). */
  readonly integrated: number;
  /** The allocation otherwise (งบหน่วยงาน). */
  readonly agency: number;
  readonly disbursed: number;
  readonly planned: number;
}

export function amountsOf(r: ItemRound): RowAmounts {
  const allocation = r.ordinance ?? 0;
  const type = [...r.rows].reverse().find((p) => p.budgetType !== undefined)?.budgetType;
  const integrated = type === "integrated";
  return { integrated: integrated ? allocation : 0, agency: integrated ? 0 : allocation, disbursed: r.disbursed, planned: r.planned };
}

/* ---------- grouping: มิติ → ภารกิจ → ภารกิจย่อย ---------- */

export interface ItemGroup {
  readonly mission: string | undefined;
  /** "" for items filed directly under the mission. */
  readonly sub: string;
  readonly firstOfMission: boolean;
  readonly rounds: readonly ItemRound[];
}

export interface DimensionBlock {
  readonly dimension: DimensionNo | undefined;
  readonly groups: readonly ItemGroup[];
  readonly rounds: readonly ItemRound[];
}

/** "2.10" after "2.9"; missing codes last. */
export function compareCodes(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? -1) - (pb[i] ?? -1);
    if (d !== 0 && !Number.isNaN(d)) return d;
  }
  return a.localeCompare(b);
}

/** The active items by dimension, mission and sub-mission, each group in plan order. */
export function dimensionBlocks(rounds: readonly ItemRound[]): DimensionBlock[] {
  const dims = new Map<DimensionNo | undefined, Map<string | undefined, Map<string, ItemRound[]>>>();
  for (const r of rounds) {
    const missions = dims.get(r.item.dimension) ?? new Map<string | undefined, Map<string, ItemRound[]>>();
    dims.set(r.item.dimension, missions);
    const subs = missions.get(r.item.mission) ?? new Map<string, ItemRound[]>();
    missions.set(r.item.mission, subs);
    const sub = r.item.subMission && r.item.subMission !== r.item.mission ? r.item.subMission : "";
    subs.set(sub, [...(subs.get(sub) ?? []), r]);
  }
  const dimKey = (d: DimensionNo | undefined) => d ?? 99;
  return [...dims.entries()].sort(([a], [b]) => dimKey(a) - dimKey(b)).map(([dimension, missions]) => {
    const groups: ItemGroup[] = [];
    for (const [mission, subs] of [...missions.entries()].sort(([a], [b]) => compareCodes(a, b))) {
      const ordered = [...subs.entries()].sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : compareCodes(a, b)));
      ordered.forEach(([sub, rs], i) => groups.push({ mission, sub, firstOfMission: i === 0, rounds: rs }));
    }
    return { dimension, groups, rounds: groups.flatMap((g) => g.rounds) };
  });
}


/* ---------- the sheet ---------- */

const SIZE = REPORT_FONT.size;
/**
 * The items' cells in 14 pt, the headings, table header and totals in 16 pt: the official form's rows are in the
 * 14–16 pt class, and at 16 pt seed 001's 47 items took 46 pages where its own report takes 25 (issue 13).
 */
const ROW_SIZE = 14;
const ROW_STYLE: CellStyle = { ...STYLE.body, fontSize: ROW_SIZE };
/**
 * The table's header in the rows' size too: in 16 pt its budget labels (ผลการเบิกจ่าย) wrapped in their columns
 * and the header, repeated on every page and under every group, took 89 pt where 56 do (issue 13).
 */
const HEADER_STYLE: CellStyle = { ...STYLE.header, fontSize: ROW_SIZE };
/** 1-based columns: the seven printed ones, then the keys Part 3 counts. */
export const PART2_COL = { name: 1, indicator: 2, target: 3, result: 4, integrated: 5, agency: 6, disbursed: 7, dimension: 8, status: 9, planned: 10 } as const;
const PRINTED = 7;
type TextCol = "name" | "indicator" | "target" | "result";
const TEXT_COLS: readonly TextCol[] = ["name", "indicator", "target", "result"];
/** The four text columns share at least this many characters, each at least MIN_TEXT_WIDTH. */
const TEXT_TOTAL = 150;
/**
 * The scale the table prints at (its 14 pt rows at 9.8 pt, as since they were set in 14 pt), smaller only where
 * TEXT_TOTAL and wide amount columns need it: the text columns take the rest of the page's width at that scale.
 */
const PRINT_SCALE = 0.7;
const MIN_TEXT_WIDTH: Readonly<Record<TextCol, number>> = { name: 26, indicator: 26, target: 22, result: 30 };
/** A name or target column wider than this reads badly even when the other columns are nearly empty. */
const MAX_TEXT_WIDTH: Readonly<Record<TextCol, number>> = { name: 44, indicator: 70, target: 40, result: 70 };
type TextWidths = Readonly<Record<TextCol, number>>;

/**
 * Widths for the text columns that make the table shortest for this plan's texts: an item's row is as tall as
 * its tallest cell, so characters go to the column whose texts wrap most (seed 001's indicators run to 450
 * characters, its targets to 100). Coordinate descent in steps of two characters from equal shares.
 */
export function textWidths(items: readonly Readonly<Record<TextCol, string>>[], textTotal: number = TEXT_TOTAL): TextWidths {
  const sample = items.slice(0, 400);
  // widths move in steps of two, each text asked for at a few dozen widths: linesFor measures a text once and
  // keeps its width (text-size.ts), so no memo here (a `${width}\0${text}` key cost 0.6 s at 400 items, issue 13)
  const lines = (text: string, width: number) => linesFor(text, width, ROW_SIZE);
  const total = (w: TextWidths) => sample.reduce((s, t) => s + Math.max(...TEXT_COLS.map((c) => lines(t[c], w[c]))), 0);
  let w: Record<TextCol, number> = { name: 0, indicator: 0, target: 0, result: 0 };
  const minSum = TEXT_COLS.reduce((s, c) => s + MIN_TEXT_WIDTH[c], 0);
  for (const c of TEXT_COLS) w[c] = MIN_TEXT_WIDTH[c] + Math.floor((textTotal - minSum) / TEXT_COLS.length);
  w.result += textTotal - TEXT_COLS.reduce((s, c) => s + w[c], 0);
  let best = total(w);
  for (let step = 0; step < 60; step++) {
    let move: { w: Record<TextCol, number>; cost: number } | undefined;
    for (const from of TEXT_COLS) {
      if (w[from] - 2 < MIN_TEXT_WIDTH[from]) continue;
      for (const to of TEXT_COLS) {
        if (to === from || w[to] + 2 > MAX_TEXT_WIDTH[to]) continue;
        const next = { ...w, [from]: w[from] - 2, [to]: w[to] + 2 };
        const cost = total(next);
        if (cost < (move?.cost ?? best)) move = { w: next, cost };
      }
    }
    if (!move) break;
    w = move.w;
    best = move.cost;
  }
  return w;
}

/** Where Part 3 finds each item's row: the rows holding item keys, first to last. */
export interface Part2Layout {
  readonly spec: SheetSpec;
  /** First and last row of the item table (bands, headers and totals included; their key cells are empty). */
  readonly firstRow: number;
  readonly lastRow: number;
}

type ItemTexts = Readonly<Record<TextCol, string>>;

/**
 * The width (characters) an amount column needs for the largest figure it shows (a total, in bold), in the rows'
 * 14 pt and the digits set: in the totals' 16 pt the columns were a character wider each, for "-" in most rows.
 */
function amountWidth(ctx: ReportContext, largest: number): number {
  const text = inDigits(ctx, largest.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 }));
  return charsToFit([text], ROW_SIZE, 12);
}

/** The head of a text that fits in `maxLines` lines of a column, and the rest (split between lines, words, then characters). */
export function takeLines(text: string, width: number, maxLines: number, size: number = ROW_SIZE): [string, string] {
  if (text === "" || linesFor(text, width, size) <= maxLines) return [text, ""];
  const paras = text.split("\n");
  const head: string[] = [];
  let i = 0;
  while (i < paras.length && linesFor([...head, paras[i] as string].join("\n"), width, size) <= maxLines) head.push(paras[i++] as string);
  const room = maxLines - (head.length === 0 ? 0 : linesFor(head.join("\n"), width, size));
  if (i < paras.length && room >= 1) {
    const [part, rest] = takeWords(paras[i] as string, width, room, size, head.length > 0);
    if (part !== "") {
      head.push(part);
      paras[i] = rest;
      if (rest === "") i++;
    }
  }
  return [head.join("\n"), paras.slice(i).join("\n")];
}

/** A list entry's number or dash ("๓.", "(๒)", "1)", "-"): never the last word of a piece, apart from its entry. */
const LIST_MARK = /^(\(?[0-9๐-๙]{1,3}[.)]|-)$/;

function takeWords(para: string, width: number, room: number, size: number, mayTakeNone = false): [string, string] {
  const words = para.split(" ");
  let n = 0;
  while (n < words.length && linesFor(words.slice(0, n + 1).join(" "), width, size) <= room) n++;
  while (n > 1 && LIST_MARK.test(words[n - 1] as string)) n--;
  // only the number fits: the piece takes none of the entry, or (nothing before it) the number and what of its text fits
  const markOnly = n === 1 && words.length > 1 && LIST_MARK.test(words[0] as string);
  if (markOnly && mayTakeNone) return ["", para];
  if (n > 0 && !markOnly) return [words.slice(0, n).join(" "), words.slice(n).join(" ")];
  // one "word" longer than the room (Thai runs without spaces): cut between characters, never before a mark
  const joined = markOnly ? 2 : 1;
  const word = words.slice(0, joined).join(" ");
  let cut = 1;
  while (cut < word.length && linesFor(word.slice(0, cut + 1), width, size) <= room) cut++;
  while (cut > 1 && /[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]/.test(word[cut] ?? "")) cut--;
  return [word.slice(0, cut), [word.slice(cut), ...words.slice(joined)].join(" ")];
}

export function part2Sheet(ctx: ReportContext): SheetSpec {
  return buildPart2(ctx).spec;
}

/** Part 2 once per context: Part 3 counts Part 2's rows, so both sheets of one report ask for it (it was laid out twice, issue 13). */
const part2Of = new WeakMap<ReportContext, Part2Layout>();

export function buildPart2(ctx: ReportContext): Part2Layout {
  let layout = part2Of.get(ctx);
  if (layout === undefined) part2Of.set(ctx, (layout = layOutPart2(ctx)));
  return layout;
}

function layOutPart2(ctx: ReportContext): Part2Layout {
  const b = new SheetBuilder();
  const num = (v: string | number) => inDigits(ctx, v);
  const { firstRow, printFrom } = noteRow(b, ctx, PRINTED);
  const blocks = dimensionBlocks(ctx.summary.items);
  const unmatched = unmatchedRounds(ctx);

  // every row's texts first: the column widths are chosen for them
  const codeUse = new Map<string, number>();
  for (const r of ctx.summary.items) if (r.item.code) codeUse.set(r.item.code, (codeUse.get(r.item.code) ?? 0) + 1);
  const texts = new Map<ItemRound, ItemTexts>();
  for (const block of blocks) {
    for (const g of block.groups) {
      g.rounds.forEach((r, i) => {
        const no = `(${num(i + 1)})`;
        texts.set(r, {
          name: `${no} ${num(normalizeSpace(r.item.name)) || "(ไม่มีชื่อรายการ)"}`,
          // the plan table's, else the project details' (ผลผลิต / กลุ่มเป้าหมาย): seed 001 fills both for every item (L184–186)
          indicator: num(listLines(indicatorOf(ctx, r.item))) || "-",
          target: num(listLines(targetOf(ctx, r.item))) || "-",
          result: resultText(ctx, r, r.item.code ? codeUse.get(r.item.code) ?? 1 : 1),
        });
      });
    }
  }
  unmatched.forEach((r, i) => texts.set(r, {
    name: `(${num(i + 1)}) รหัส ${r.item.code ? num(r.item.code) : "(ไม่มีรหัส)"} — ไม่พบในแผนปฏิบัติการ`,
    indicator: "-",
    target: "-",
    result: resultText(ctx, r),
  }));
  const textsOf = (r: ItemRound): ItemTexts => texts.get(r) as ItemTexts;

  // column widths: amount columns as wide as their largest figure (a total), text columns shared by need
  const all = [...ctx.summary.items, ...unmatched];
  const sumOf = (pick: (a: RowAmounts) => number) => all.reduce((s, r) => s + pick(amountsOf(r)), 0);
  const budgetLabel = labelOf(BUDGET_COLUMN_LABELS, ctx.model.settings.budgetColumnLabel);
  // …and each budget label on one line of the header
  const amountW = Math.max(
    amountWidth(ctx, Math.max(sumOf((a) => a.integrated), sumOf((a) => a.agency), sumOf((a) => a.disbursed))),
    charsToFit([budgetLabel, "งบหน่วยงาน", "ผลการเบิกจ่าย"], ROW_SIZE),
  );
  const scale = Math.min(PRINT_SCALE, printScale("landscape", [TEXT_TOTAL + 3 * amountW]));
  const tw = textWidths([...texts.values()], Math.floor(widthForScale(scale, "landscape")) - 3 * amountW);
  const widths = [tw.name, tw.indicator, tw.target, tw.result, amountW, amountW, amountW, 7, 20, 14];
  const heightOf = (t: ItemTexts) => Math.max(...TEXT_COLS.map((c) => heightFor(t[c], tw[c], ROW_SIZE)));
  const printedWidth = widths.slice(0, PRINTED).reduce((s, w) => s + w, 0);
  const pager = new PageFlow(pageCapacity("landscape", widths.slice(0, PRINTED)));
  const amountStyle: CellStyle = { ...ROW_STYLE, numFmt: ctx.formats.amount, horizontal: "right" };
  const totalAmountStyle: CellStyle = { ...STYLE.total, fontSize: ROW_SIZE, numFmt: ctx.formats.amount, horizontal: "right" };
  const keyStyle: CellStyle = { fontSize: 12, fontColor: "FF7F7F7F", vertical: "top" };

  let row = firstRow;
  if (printFrom === 1) pager.add(b.heightOf(1)); // the draft banner prints
  /** A row across the printed columns. */
  const line = (text: string, style: CellStyle, size: number = style.fontSize ?? SIZE): number => {
    b.area(row, 1, row, PRINTED, text, style);
    const h = Math.min(MAX_ROW_PT, heightFor(text, printedWidth, size));
    b.height(row, h);
    pager.add(h);
    return row++;
  };

  // the title block (L172–178)
  const ys = ctx.planYears;
  const period = ys.length > 0 ? `${num(ys[0] as number)}-${num(ys[ys.length - 1] as number)}` : "";
  line(`แบบรายงานความคืบหน้าและผลการดำเนินงานตามแผนปฏิบัติการป้องกันการทุจริตปี พ.ศ.${period}`, STYLE.title, 18);
  line("(monitoring & Review Evaluation Report)", STYLE.subtitle);
  line(orgLine(ctx) || "-", STYLE.subtitle);
  const lastMonth = ctx.round === 6 ? THAI_MONTHS_FULL[3] : THAI_MONTHS_FULL[9];
  line(`รอบ ${num(ctx.round)} เดือน ${THAI_MONTHS_FULL[10]} ${num(ctx.fy - 1)}-${lastMonth} ${num(ctx.fy)}`, STYLE.subtitle);
  b.height(row, 8);
  pager.add(8);
  row++;
  b.area(2, PART2_COL.dimension, 2, PART2_COL.planned, `H–J: ใช้คำนวณตารางในส่วนที่ ${num(3)} (ไม่พิมพ์)`, keyStyle);

  // the two header rows (L184–185) and their heights
  // row 1: the four merged titles share both rows' height; row 2: the budget sub-headers
  const subHeader = Math.max(...[budgetLabel, "งบหน่วยงาน", "ผลการเบิกจ่าย"].map((t) => heightFor(t, amountW, ROW_SIZE)));
  const merged = Math.max(...(["โครงการ/กิจกรรม/มาตรการ", "ตัวชี้วัด", "เป้าหมาย", "ผลการดำเนินงาน ผลลัพธ์/ผลสัมฤทธิ์"] as const).map((t, i) => heightFor(t, widths[i] as number, ROW_SIZE)));
  const headerHeights = [Math.max(heightFor("งบประมาณ (ถ้ามี)", amountW * 3, ROW_SIZE), merged - subHeader), subHeader];
  const headerHeight = (headerHeights[0] as number) + (headerHeights[1] as number);
  const header = () => {
    const top = row;
    b.area(top, 1, top + 1, 1, "โครงการ/กิจกรรม/มาตรการ", HEADER_STYLE);
    b.area(top, 2, top + 1, 2, "ตัวชี้วัด", HEADER_STYLE);
    b.area(top, 3, top + 1, 3, "เป้าหมาย", HEADER_STYLE);
    b.area(top, 4, top + 1, 4, "ผลการดำเนินงาน ผลลัพธ์/ผลสัมฤทธิ์", HEADER_STYLE);
    b.area(top, 5, top, 7, "งบประมาณ (ถ้ามี)", HEADER_STYLE);
    b.area(top + 1, 5, top + 1, 5, budgetLabel, HEADER_STYLE);
    b.area(top + 1, 6, top + 1, 6, "งบหน่วยงาน", HEADER_STYLE);
    b.area(top + 1, 7, top + 1, 7, "ผลการเบิกจ่าย", HEADER_STYLE);
    b.area(top + 1, PART2_COL.dimension, top + 1, PART2_COL.dimension, "มิติ", keyStyle);
    b.area(top + 1, PART2_COL.status, top + 1, PART2_COL.status, "สถานะ", keyStyle);
    b.area(top + 1, PART2_COL.planned, top + 1, PART2_COL.planned, `งบตามแผนปี ${num(ctx.fy)}`, keyStyle);
    b.height(top, headerHeights[0] as number);
    b.height(top + 1, headerHeights[1] as number);
    pager.add(headerHeight);
    row += 2;
  };
  const continuedHeight = textHeightPt(1, ROW_SIZE);
  /** A new page in the middle of a group: what it continues, then the header again. */
  const newPage = (continues: string) => {
    pager.breakAt(row);
    line(`${continues} (ต่อ)`, { italic: true, vertical: "top", wrap: true, fontSize: ROW_SIZE });
    header();
  };
  const pageRoom = pager.capacity - continuedHeight - headerHeight;
  const minPiece = textHeightPt(3, ROW_SIZE);

  /** One piece of an item: its cells, over as many merged rows as its height needs. */
  const piece = (texts: ItemTexts, first: { amounts: RowAmounts; key: CellInput; status: string } | undefined): number => {
    const h = heightOf(texts);
    const k = Math.ceil(h / MAX_ROW_PT);
    const top = row;
    const bottom = row + k - 1;
    TEXT_COLS.forEach((c) => b.area(top, PART2_COL[c], bottom, PART2_COL[c], texts[c] === "" ? null : texts[c], ROW_STYLE));
    const money: CellInput[] = first ? [first.amounts.integrated, first.amounts.agency, first.amounts.disbursed] : [null, null, null];
    money.forEach((v, i) => b.area(top, PART2_COL.integrated + i, bottom, PART2_COL.integrated + i, v, amountStyle));
    if (first) {
      b.area(top, PART2_COL.dimension, top, PART2_COL.dimension, first.key, keyStyle);
      b.area(top, PART2_COL.status, top, PART2_COL.status, first.status, keyStyle);
      b.area(top, PART2_COL.planned, top, PART2_COL.planned, first.amounts.planned, { ...keyStyle, numFmt: ctx.formats.amount });
    }
    for (let r = top; r <= bottom; r++) b.height(r, Math.ceil(h / k));
    pager.add(Math.ceil(h / k) * k);
    row = bottom + 1;
    return h;
  };

  /**
   * Whether an item starts on the current page (after `before` points of bands and header): when it fits;
   * a long one (over a quarter of a page) also when a quarter of the page is left and at least three lines go over,
   * continued on the next as the seed's cells are (L186→L196); one taller than a page whenever a piece with its
   * whole name fits.
   */
  const startsHere = (texts: ItemTexts, before = 0, tail = 0): boolean => {
    const h = heightOf(texts);
    const left = pager.capacity - pager.used - before;
    if (h + tail <= left) return true;
    // an item that fits whole but not with the total row after it goes to the next page with it
    if (h <= left && h + tail <= pageRoom) return false;
    const nameHeight = heightFor(texts.name, tw.name, ROW_SIZE);
    const need = Math.max(minPiece, nameHeight <= pageRoom ? nameHeight : 0);
    if (h > pageRoom) return left >= need;
    // …a long one (over a quarter of a page) where a quarter of the page is left: the split below carries at
    // least three lines over, so a continuation is never a line or two (issue 13: moving such items whole left
    // pages half empty, and seed 001's first page held its title alone)
    return h > 0.25 * pager.capacity && left >= Math.max(need, pager.capacity / 4) && h - minPiece >= need;
  };

  /** An item: whole on this page or the next, or in pieces with the header repeated above each continuation. */
  /** `after`: the total rows that must follow the item on its page (its block's last item; issue 13: a total alone on the last page). */
  const item = (r: ItemRound, data: { amounts: RowAmounts; key: CellInput; status: string }, no: string, continues: string, after = 0) => {
    const texts = textsOf(r);
    const h = heightOf(texts);
    if (!startsHere(texts, 0, after)) newPage(continues);
    if (pager.fits(h + after) || (pager.fits(h) && h + after > pageRoom)) {
      piece(texts, data);
      return;
    }
    let rest: ItemTexts = texts;
    let first = true;
    // the first piece holds the whole name (and number) when a page can: a name is not read across pages
    const nameHeight = heightFor(texts.name, tw.name, ROW_SIZE);
    while (TEXT_COLS.some((c) => rest[c] !== "")) {
      const need = first && nameHeight <= pageRoom ? Math.max(minPiece, nameHeight) : minPiece;
      if (pager.capacity - pager.used < need) newPage(continues);
      const room = Math.max(1, Math.floor((pager.capacity - pager.used - 4) / lineHeightPt(ROW_SIZE)));
      // a piece leaves at least three lines of its tallest column for the next one, or takes it all
      const tallest = Math.max(...TEXT_COLS.map((c) => linesFor(rest[c], tw[c], ROW_SIZE)));
      const last = room - Math.ceil(after / lineHeightPt(ROW_SIZE)) >= tallest;
      const maxLines = last ? room : Math.max(1, Math.min(room, tallest - 3));
      const head: Record<TextCol, string> = { name: "", indicator: "", target: "", result: "" };
      const tail: Record<TextCol, string> = { name: "", indicator: "", target: "", result: "" };
      for (const c of TEXT_COLS) [head[c], tail[c]] = takeLines(rest[c], tw[c], maxLines);
      if (!first && head.name === "") head.name = `${no} (ต่อ)`;
      piece(head, first ? data : undefined);
      rest = tail;
      first = false;
    }
  };

  // the table, group by group
  const tableFirst = row;
  const totalRows: { row: number; amounts: RowAmounts }[] = [];
  const sumAmounts = (rs: readonly ItemRound[]): RowAmounts => rs.map(amountsOf).reduce(
    (s, a) => ({ integrated: s.integrated + a.integrated, agency: s.agency + a.agency, disbursed: s.disbursed + a.disbursed, planned: s.planned + a.planned }),
    { integrated: 0, agency: 0, disbursed: 0, planned: 0 },
  );
  const totalHeight = (label: string) => Math.min(MAX_ROW_PT, heightFor(label, widths.slice(0, 4).reduce((s, w) => s + w, 0)));
  const blockLabel = (block: DimensionBlock) => `รวม${block.dimension === undefined ? "รายการที่ไม่ระบุมิติ" : `มิติที่ ${num(block.dimension)}`} (${num(block.rounds.length)} รายการ)`;
  const grandLabel = `รวมทั้งสิ้น (${num(ctx.summary.items.length)} รายการ)`;
  const totalRow = (label: string, values: RowAmounts, formula: (col: number) => string) => {
    const h = totalHeight(label);
    if (!pager.fits(h)) pager.breakAt(row);
    b.area(row, 1, row, 4, label, STYLE.total);
    [values.integrated, values.agency, values.disbursed].forEach((v, i) => {
      b.area(row, PART2_COL.integrated + i, row, PART2_COL.integrated + i, { formula: formula(PART2_COL.integrated + i), result: v }, totalAmountStyle);
    });
    b.height(row, h);
    pager.add(h);
    return row++;
  };
  /** The lead of a group (its bands and header) stays on one page with the start of its first item. */
  const lead = (bands: readonly { text: string; style: CellStyle }[], first: ItemRound | undefined) => {
    const bandHeight = bands.reduce((s, x) => s + Math.min(MAX_ROW_PT, heightFor(x.text, printedWidth, x.style.fontSize ?? SIZE)), 0);
    if (first ? !startsHere(textsOf(first), bandHeight + headerHeight) : !pager.fits(bandHeight + headerHeight)) pager.breakAt(row);
    for (const x of bands) line(x.text, x.style);
  };

  for (const block of blocks) {
    const dimFirst = row;
    block.groups.forEach((g, gi) => {
      const bands: { text: string; style: CellStyle }[] = [];
      if (gi === 0) bands.push({ text: dimensionLabel(ctx, block.dimension), style: { ...STYLE.band, fontSize: 17 } });
      if (g.firstOfMission) bands.push({ text: missionLabel(ctx, g.mission), style: { bold: true, wrap: true, vertical: "top" } });
      if (g.sub !== "") bands.push({ text: subMissionLabel(ctx, g.sub), style: { wrap: true, vertical: "top" } });
      const continues = [block.dimension === undefined ? "ไม่ระบุมิติ" : `มิติที่ ${num(block.dimension)}`, g.mission && `ภารกิจ ${num(g.mission)}`, g.sub && `ภารกิจย่อย ${num(g.sub)}`].filter(Boolean).join(" ");
      lead(bands, g.rounds[0]);
      header();
      g.rounds.forEach((r, i) => {
        const key = block.dimension ?? NO_DIMENSION_KEY;
        // the block's last item keeps its total row (and after the last block the grand total) on its page
        const lastOfBlock = gi === block.groups.length - 1 && i === g.rounds.length - 1;
        const tail = !lastOfBlock ? 0 : totalHeight(blockLabel(block)) + (block === blocks[blocks.length - 1] ? totalHeight(grandLabel) : 0);
        item(r, { amounts: amountsOf(r), key, status: STATUS_WORD[r.status] }, `(${num(i + 1)})`, continues, tail);
      });
    });
    const label = blockLabel(block);
    const last = row - 1;
    totalRows.push({ row: totalRow(label, sumAmounts(block.rounds), (c) => `SUM(${rangeAddress(dimFirst, c, last, c)})`), amounts: sumAmounts(block.rounds) });
  }
  if (blocks.length > 0) {
    totalRow(grandLabel, sumAmounts(ctx.summary.items), (c) => `SUM(${totalRows.map((t) => `${columnLetter(c)}${t.row}`).join(",")})`);
  } else {
    line(`ไม่มีรายการในแผนปฏิบัติการที่อยู่ในปีงบประมาณ พ.ศ. ${num(ctx.fy)}`, { ...STYLE.body, italic: true, horizontal: "center" });
  }
  const tableLast = row - 1;

  // rows of the round whose code is no plan item (M1): shown, outside the totals above
  if (unmatched.length > 0) {
    b.height(row, 12);
    pager.add(12);
    row++;
    const first = row;
    const band = "รายการที่รายงานแต่ไม่พบในแผน: รหัสในผลการดำเนินงานรายเดือนไม่ตรงกับรายการใดในแผนปฏิบัติการ (ไม่นับรวมในยอดข้างต้น)";
    lead([{ text: band, style: { ...STYLE.band, fontColor: "FFC00000" } }], unmatched[0]);
    header();
    unmatched.forEach((r, i) => item(r, { amounts: amountsOf(r), key: null, status: "" }, `(${num(i + 1)})`, "รายการที่รายงานแต่ไม่พบในแผน"));
    const last = row - 1;
    totalRow(`รวมรายการที่ไม่พบในแผน (${num(unmatched.length)} รหัส)`, sumAmounts(unmatched), (c) => `SUM(${rangeAddress(first, c, last, c)})`);
  }

  b.defaultHeights(textHeightPt(1));
  const spec = b.toSpec({
    name: REPORT_SHEETS.part2,
    columns: widths,
    font: REPORT_FONT,
    print: {
      orientation: "landscape", paper: "A4", fitToWidth: true,
      printArea: rangeAddress(printFrom, 1, Math.max(row - 1, printFrom), PRINTED),
      footer: footerOf(ctx),
      ...(pager.breaks.length > 0 ? { pageBreaks: pager.breaks } : {}),
    },
    tabColor: "FF2E75B6",
  });
  return { spec, firstRow: tableFirst, lastRow: tableLast };
}

/** The round's rows whose code is no active plan item, one entry per code in order of appearance. */
export function unmatchedRounds(ctx: ReportContext): ItemRound[] {
  const byCode = new Map<string, ProgressEntry[]>();
  for (const p of ctx.summary.unmatched) {
    const key = p.code ?? "";
    byCode.set(key, [...(byCode.get(key) ?? []), p]);
  }
  return [...byCode.entries()].map(([code, rows]) => {
    const placeholder: PlanItem = {
      code: (code || undefined) as PlanItem["code"], dimension: undefined, mission: undefined, subMission: undefined, kind: undefined,
      name: "", budgets: {}, note: "", owner: "", indicator: "", target: "", targetGroups: [], quarters: [], itaIndicator: "",
    };
    return itemRound(placeholder, rows, ctx.fy);
  });
}
