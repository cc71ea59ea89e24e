/**
 * Import of a plan table as the documents lay it out (the seeds' ส่วนที่ ๒): มิติ | ภารกิจตามมิติ |
 * โครงการ/กิจกรรม/มาตรการ | ปี … งบประมาณ (บาท) | หมายเหตุ or หน่วยงานรับผิดชอบ, with merged or
 * written-once dimension and mission cells, Thai digits, "-" for nil, numbering before names, several
 * items in one cell, page-break header rows and "รวม" rows that state counts and sums.
 *
 * Pure: grid in, plan items + findings + an account of every non-empty source row out.
 */
import type { Finding } from "../domain/findings";
import { ITEM_KINDS, type ItemKind, kindOfName, KIND_WORD, stripNumbering } from "../domain/kinds";
import type { PlanItem } from "../domain/plan";
import { foldForMatch, formatAmount, normalizeSpace, parseAmount, toArabicDigits } from "../domain/thai";
import { baht, type Baht, type DimensionNo, type FiscalYear, fiscalYear, isDimensionNo, isFiscalYear, isNodeCode, nodeCode, planCode } from "../domain/units";
import { address } from "./a1";
import { heldNumbering, splitLine, startsWithNumbering } from "./packed-items";
import { cellText, displayCell } from "./cells";
import { type CellValue, isBlank, isCellError, type SheetGrid, type WorkbookGrids } from "./grid";
import { ORG_NAME_IN_TEXT } from "../domain/org-types";

export type RowDisposition = "title" | "header" | "item" | "total" | "unplaced";

export interface RowAccount {
  readonly row: number;
  readonly disposition: RowDisposition;
  /** Items made from this row (several when one cell packs several items). */
  readonly items: number;
}

export interface StatedTotal {
  readonly cell: string;
  readonly scope: { readonly dimension: DimensionNo } | "all";
  readonly counts: Partial<Record<ItemKind, number>> & { readonly total?: number };
  readonly sums: Readonly<Record<number, number>>;
}

export interface LegacyColumns {
  readonly dimension: number | undefined;
  readonly mission: number | undefined;
  readonly items: number;
  readonly years: readonly { readonly year: FiscalYear; readonly col: number }[];
  readonly note: number | undefined;
  readonly owner: number | undefined;
}

export interface LegacyImport {
  readonly sheet: string;
  /** Where the table's columns are (0-based), to point findings about an item at its source cell. */
  readonly columns: LegacyColumns;
  readonly years: readonly FiscalYear[];
  readonly items: readonly PlanItem[];
  readonly totals: readonly StatedTotal[];
  readonly rows: readonly RowAccount[];
  readonly findings: readonly Finding[];
  /** Rows whose one yearly amount is shared by the items packed in the row (kept on the first item, X8). */
  readonly sharedBudgets: readonly { readonly row: number; readonly codes: readonly string[] }[];
  /** The missions as the document words them: code → title, with the cell it was read from. */
  readonly missions: readonly { readonly code: string; readonly title: string; readonly cell: string }[];
  /** Texts above the table that name the organization and the period, for the settings. */
  readonly title: { readonly orgName?: string; readonly firstYear?: number; readonly lastYear?: number };
}

interface Columns {
  dimension: number | undefined;
  mission: number | undefined;
  items: number;
  years: { year: FiscalYear; col: number }[];
  note: number | undefined;
  owner: number | undefined;
}

const is = (text: string, ...words: string[]) => words.some((w) => text.includes(foldForMatch(w)));
const DIMENSION_WORDS = ["มิติ", "มติ", "มิตี"];

/** A header row: a dimension word and the item-column title (โครงการ/กิจกรรม/มาตรการ). */
function headerColumns(row: readonly CellValue[]): Columns | undefined {
  const folded = row.map((c) => (typeof c === "string" ? foldForMatch(c) : ""));
  const items = folded.findIndex((t) => is(t, "โครงการ/กิจกรรม", "โครงการ/ กิจกรรม", "โครงการกิจกรรม") || (is(t, "โครงการ") && is(t, "มาตรการ")));
  const dimension = folded.findIndex((t, i) => i !== items && is(t, ...DIMENSION_WORDS) && !is(t, "ภารกิจ"));
  if (items < 0 || dimension < 0) return undefined;
  const mission = folded.findIndex((t) => is(t, "ภารกิจ"));
  const years: { year: FiscalYear; col: number }[] = [];
  row.forEach((c, col) => {
    const m = /(?:ปี|พ\.ศ\.)?\s*(2[45]\d\d)/.exec(toArabicDigits(cellText(c)));
    if (m && col !== items && isFiscalYear(Number(m[1]))) years.push({ year: fiscalYear(Number(m[1])), col });
  });
  const note = folded.findIndex((t) => is(t, "หมายเหตุ"));
  const owner = folded.findIndex((t) => is(t, "หน่วยงานรับผิดชอบ", "ผู้รับผิดชอบ"));
  return {
    dimension, mission: mission < 0 ? undefined : mission, items, years,
    note: note < 0 ? undefined : note, owner: owner < 0 ? undefined : owner,
  };
}

/** "งบประมาณ (บาท)" rows under the header, or a repeat of the header after a page break. */
function isSubHeader(row: readonly CellValue[], cols: Columns): boolean {
  const texts = row.map((c) => foldForMatch(cellText(c))).filter((t) => t !== "");
  return texts.length > 0 && texts.every((t) => is(t, "งบประมาณ", "บาท", ...DIMENSION_WORDS, "ภารกิจ", "โครงการ", "หมายเหตุ", "หน่วยงานรับผิดชอบ") || /^ปี?\d{4}$/.test(t)) && !row.some((c, i) => i === cols.items && /^[\d๐-๙]/.test(cellText(c)));
}

const TOTAL_WORD = /^\s*(รวมทั้งสิ้น|รวมทั้งหมด|รวม)/;
const COUNT_PATTERN = /(\d+)\s*(โครงการ|กิจกรรม|มาตรการ|แนวปฏิบัติงาน)/g;
const HAS_COUNT = /\d+\s*(โครงการ|กิจกรรม|มาตรการ|แนวปฏิบัติงาน)/;

/** "๘ โครงการ ๑ มาตรการ ๒ กิจกรรม", "จำนวน 23 โครงการ" → counts by kind. */
export function statedCounts(text: string): Partial<Record<ItemKind, number>> {
  const out: Partial<Record<ItemKind, number>> = {};
  for (const m of toArabicDigits(text).matchAll(COUNT_PATTERN)) {
    const kind = (Object.keys(KIND_WORD) as ItemKind[]).find((k) => KIND_WORD[k] === m[2]);
    if (kind) out[kind] = (out[kind] ?? 0) + Number(m[1]);
  }
  return out;
}

/** The numbering at the start of an item line: "๑.๑.๒", "2.2.1 (1)", "1)", "๕." → Arabic code text. */
function numberingOf(line: string): string | undefined {
  const m = /^\s*(\(?[0-9๐-๙]+(?:\.[0-9๐-๙]+)*\)?\.?(?:\s*\([0-9๐-๙]+\))?)\s*/.exec(line);
  if (!m) return undefined;
  return toArabicDigits(m[1] as string).replace(/\s+/g, "").replace(/\.$/, "");
}

/** Numbering that starts an item line: "๒.๒.๑ (๑)", "1.1.3", "๑)", "(2)", "๕." followed by text. */
const ITEM_NUMBERING = /^\s*(?:[0-9๐-๙]+(?:\.[0-9๐-๙]+)+(?:\s*\([0-9๐-๙]+\))?|[0-9๐-๙]+[).]|\([0-9๐-๙]+\))\s*\S/;

/**
 * A cell that packs several items: a new item starts on each line that begins with item numbering.
 * A first line without numbering or a kind word is the end of the previous item's name, cut by a page
 * break (seed 001, C55): it is returned apart as `fragment`.
 */
function splitItems(text: string): { parts: string[]; fragment: string | undefined } {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== "");
  const out: string[] = [];
  let fragment: string | undefined;
  let prev: ReturnType<typeof splitLine>["last"];
  for (const line of lines) {
    const startsItem = ITEM_NUMBERING.test(line) || startsWithNumbering(line);
    // several items on one line (text copied out of a PDF or a Word cell): cut where the next one starts
    const { parts, last } = splitLine(line, prev);
    prev = last;
    const [head, ...rest] = parts;
    if (head === undefined) continue;
    // the end of the previous item's name cut by a page break: on a line of its own, or (text copied
    // out of a PDF) before numbered items on the same line
    if (out.length === 0 && fragment === undefined && !startsItem && kindOfName(head) === undefined && ((lines.length > 1 && rest.length === 0) || (rest.length > 0 && rest.every((p) => startsWithNumbering(p))))) fragment = head;
    else if (out.length === 0 || startsItem) out.push(head);
    else out[out.length - 1] += ` ${head}`;
    out.push(...rest);
  }
  return { parts: out, fragment };
}

function leadingNumber(text: string): number | undefined {
  const m = /^\s*(?:มิติที่|มิติ|มติ)?\s*([0-9๐-๙]+)/.exec(text);
  return m ? Number(toArabicDigits(m[1] as string)) : undefined;
}

function leadingNodeCode(text: string): string | undefined {
  const m = /^\s*(?:ภารกิจที่)?\s*([0-9๐-๙]+(?:\.[0-9๐-๙]+){1,2})/.exec(text);
  return m ? toArabicDigits(m[1] as string) : undefined;
}

export function findLegacySheet(grids: WorkbookGrids): { grid: SheetGrid; headerRow: number; cols: Columns } | undefined {
  for (const grid of grids.sheets) {
    for (let r = 0; r < Math.min(grid.rows.length, 60); r++) {
      const cols = headerColumns(grid.rows[r] ?? []);
      if (cols && cols.years.length > 0) return { grid, headerRow: r, cols };
    }
  }
  return undefined;
}

export function importLegacyTable(grids: WorkbookGrids): LegacyImport | undefined {
  const found = findLegacySheet(grids);
  if (!found) return undefined;
  const { grid } = found;
  let cols = found.cols;
  const years = cols.years.map((y) => y.year);
  const findings: Finding[] = [];
  const items: PlanItem[] = [];
  const totals: StatedTotal[] = [];
  const rows: RowAccount[] = [];
  let dimension: DimensionNo | undefined;
  let mission: string | undefined;
  const seqInMission = new Map<string, number>();
  /** Rows whose one yearly amount stands for several packed items, and cells whose items may be mis-split. */
  const shared: { row: number; codes: string[] }[] = [];
  const suspicious: string[] = [];
  const missions: { code: string; title: string; cell: string }[] = [];
  /** Rows below an item cell merged over them: each holds the budgets of the next item of that cell. */
  const consumed = new Set<number>();
  const mergedBelow = new Map<string, number>();
  for (const m of grid.merges) {
    const [from, to] = m.split(":");
    const a = from ? /^([A-Z]+)(\d+)$/.exec(from) : null;
    const b = to ? /^([A-Z]+)(\d+)$/.exec(to) : null;
    if (a && b && a[1] === b[1]) mergedBelow.set(from as string, Number(b[2]) - Number(a[2]) + 1);
  }
  /**
   * A packed cell whose merge was lost (PDF-copied text): the rows right below it with amounts and
   * nothing else, one for each further item, carry those items' budgets as the merged rows did.
   */
  const budgetRowsBelow = (r: number, parts: number): number => {
    if (parts < 2) return 1;
    for (let k = 1; k < parts; k++) {
      const below = grid.rows[r + k] ?? [];
      const onlyAmounts = below.every((c, i) => isBlank(c) || cols.years.some((y) => y.col === i) || i === cols.note || i === cols.owner);
      if (!onlyAmounts || !cols.years.some((y) => !isBlank(below[y.col]))) return 1;
    }
    const after = grid.rows[r + parts] ?? [];
    return after.every((c, i) => isBlank(c) || cols.years.some((y) => y.col === i) || i === cols.note || i === cols.owner) && cols.years.some((y) => !isBlank(after[y.col])) ? 1 : parts;
  };
  const text = (row: readonly CellValue[], col: number | undefined) => (col === undefined ? "" : cellText(row[col] ?? null));
  const at = (r: number, c: number) => address(r + 1, c + 1);
  const located = (r: number, c: number) => ({ sheet: grid.name, cell: at(r, c) });

  for (let r = 0; r < grid.rows.length; r++) {
    const row = grid.rows[r] ?? [];
    if (row.every((c) => isBlank(c))) continue;
    if (consumed.has(r)) {
      rows.push({ row: r + 1, disposition: "item", items: 0 });
      continue;
    }
    for (const [c, v] of row.entries()) {
      if (isCellError(v)) findings.push({ rule: "X2", severity: "error", message: { th: `เซลล์มีค่าผิดพลาดจากสูตร ${v.error}`, en: `The cell holds a formula error ${v.error}` }, location: located(r, c), found: v.error });
    }
    if (r < found.headerRow) {
      rows.push({ row: r + 1, disposition: "title", items: 0 });
      continue;
    }
    const header = headerColumns(row);
    if (header && header.years.length > 0) {
      cols = header; // a page break may repeat the header: same layout, re-read to be safe
      rows.push({ row: r + 1, disposition: "header", items: 0 });
      continue;
    }
    if (isSubHeader(row, cols)) {
      rows.push({ row: r + 1, disposition: "header", items: 0 });
      continue;
    }

    const dimText = text(row, cols.dimension);
    const missionText = text(row, cols.mission);
    const itemText = text(row, cols.items);

    const totalCell = [cols.dimension, cols.mission, cols.items].find((c) => c !== undefined && TOTAL_WORD.test(text(row, c)));
    if (totalCell !== undefined) {
      const all = /รวมทั้งสิ้น|รวมทั้งหมด/.test(text(row, totalCell));
      const countsText = row.map((c) => cellText(c)).join(" ");
      const all2 = /(\d+)\s*รายการ/.exec(toArabicDigits(countsText));
      const counts = { ...statedCounts(countsText), ...(all2 ? { total: Number(all2[1]) } : {}) };
      const sums: Record<number, number> = {};
      for (const y of cols.years) {
        const p = parseAmount(typeof row[y.col] === "number" ? (row[y.col] as number) : cellText(row[y.col] ?? null));
        if (p.kind === "amount") sums[y.year] = p.value;
      }
      const countCol = row.findIndex((c) => HAS_COUNT.test(toArabicDigits(cellText(c))));
      const cell = at(r, countCol >= 0 ? countCol : totalCell);
      totals.push({ cell, scope: all || dimension === undefined ? "all" : { dimension }, counts, sums });
      rows.push({ row: r + 1, disposition: "total", items: 0 });
      continue;
    }

    if (dimText) {
      const d = leadingNumber(dimText);
      if (d !== undefined && isDimensionNo(d)) {
        if (d !== dimension) mission = undefined;
        dimension = d;
      } else {
        findings.push({ rule: "P2", severity: "error", message: { th: "อ่านเลขมิติไม่ได้", en: "Cannot read the dimension number" }, location: located(r, cols.dimension as number), found: dimText });
      }
    }
    if (missionText) {
      const m = leadingNodeCode(missionText);
      if (m) {
        mission = m;
        const title = normalizeSpace(missionText.replace(/^\s*(?:ภารกิจที่)?\s*[0-9๐-๙]+(?:\.[0-9๐-๙]+){1,2}\.?\s*/, ""));
        if (title !== "" && !missions.some((x) => x.code === m)) missions.push({ code: m, title, cell: at(r, cols.mission as number) });
      }
    }
    if (!itemText) {
      // a dimension or mission heading row on its own is placed; anything else is not
      const onlyHeadings = row.every((c, i) => isBlank(c) || i === cols.dimension || i === cols.mission);
      if (onlyHeadings && (dimText || missionText)) rows.push({ row: r + 1, disposition: "title", items: 0 });
      else {
        rows.push({ row: r + 1, disposition: "unplaced", items: 0 });
        const c = row.findIndex((v) => !isBlank(v));
        findings.push({ rule: "X6", severity: "warning", message: { th: "แถวนี้ไม่มีชื่อโครงการ/กิจกรรม/มาตรการ จึงนำเข้าไม่ได้", en: "This row has no project/activity/measure name and was not imported" }, location: located(r, c), found: displayCell(row[c] ?? null) });
      }
      continue;
    }

    const { parts, fragment } = splitItems(itemText);
    const previous = items[items.length - 1];
    if (fragment && previous) items[items.length - 1] = { ...previous, name: normalizeSpace(`${previous.name}${fragment}`) };
    // an item cell merged down over rows that each carry one item's budgets (seed 001, C55:C57)
    const span = mergedBelow.get(at(r, cols.items)) ?? budgetRowsBelow(r, parts.length);
    const budgetRows = span > 1 ? Array.from({ length: span }, (_, k) => r + k) : [r];
    for (const k of budgetRows.slice(1)) consumed.add(k);
    const amountLines = cols.years.map((y) => splitAmounts(row[y.col] ?? null));
    if (parts.length > 1) {
      findings.push({
        rule: "X7", severity: "info",
        message: { th: `เซลล์เดียวมี ${parts.length} รายการ — แยกเป็น ${parts.length} แถวแล้ว`, en: `One cell holds ${parts.length} items; imported as ${parts.length} rows` },
        location: located(r, cols.items), found: itemText.slice(0, 60),
      });
    }
    const sharedYears: number[] = [];
    const firstOfPack = items.length;
    parts.forEach((part, k) => {
      const numbering = numberingOf(part);
      const name = stripNumbering(part.replace(/^\s*[•●▪◦·*\-–]\s*(?=\S)/, "").replace(/^\s*[0-9๐-๙().\s]+(?=\S)/, ""));
      const key = mission ?? String(dimension ?? "?");
      const seq = (seqInMission.get(key) ?? 0) + 1;
      seqInMission.set(key, seq);
      const code = numbering && numbering.includes(".") && !/^\d+$/.test(numbering) ? numbering : `${key}.${seq}`;
      const budgets: Record<number, Baht> = {};
      const sourceRow = span > 1 ? budgetRows[k] : r;
      cols.years.forEach((y, i) => {
        let raw: CellValue;
        let rowOfAmount = r;
        if (span > 1) {
          rowOfAmount = sourceRow ?? r;
          raw = sourceRow === undefined ? null : (grid.rows[sourceRow]?.[y.col] ?? null);
        } else {
          const lines = amountLines[i] as readonly CellValue[];
          // one amount per item line when the cell lists them; a column of "-" per printed line is nil for all
          raw = lines.length === parts.length ? (lines[k] ?? null) : lines.every((l) => parseAmount(cellText(l)).kind === "nil") ? null : k === 0 ? (row[y.col] ?? null) : null;
          if (parts.length > 1 && lines.length !== parts.length && k === 0 && !lines.every((l) => parseAmount(cellText(l)).kind === "nil")) sharedYears.push(y.year);
        }
        const p = parseAmount(typeof raw === "number" ? raw : cellText(raw));
        if (p.kind === "invalid") {
          findings.push({ rule: "B1", severity: "error", message: { th: "งบประมาณไม่ใช่ตัวเลข", en: "The budget is not a number" }, location: located(rowOfAmount, y.col), found: displayCell(raw), expected: { th: "ตัวเลขจำนวนเงิน หรือ -", en: "an amount, or -" } });
        }
        budgets[y.year] = baht(p.kind === "amount" ? p.value : 0);
      });
      const noteRow = span > 1 ? (grid.rows[sourceRow ?? r] ?? []) : row;
      const kind = kindOfName(name);
      // "2.2.1(1)": the item is the first of sub-mission 2.2.1 (the 2561–2564 framework numbers items so)
      const sub = /^(\d+\.\d+\.\d+)\(\d+\)$/.exec(code)?.[1];
      items.push({
        code: planCode(code),
        dimension,
        mission: mission !== undefined && isNodeCode(mission) ? nodeCode(mission) : undefined,
        subMission: sub !== undefined && isNodeCode(sub) ? nodeCode(sub) : undefined,
        kind,
        name: normalizeSpace(name),
        budgets,
        note: span > 1 ? normalizeSpace(text(noteRow, cols.note)) : noteFor(text(row, cols.note), k, parts.length),
        owner: normalizeSpace(text(span > 1 ? noteRow : row, cols.owner)),
        indicator: "", target: "", targetGroups: [], quarters: [], itaIndicator: "",
        at: { sheet: grid.name, row: r + 1 },
      });
    });
    if (sharedYears.length > 0) {
      const pack = items.slice(firstOfPack);
      shared.push({ row: r + 1, codes: pack.map((it) => it.code ?? "") });
      findings.push({
        rule: "X8", severity: "warning",
        message: {
          th: `งบประมาณปี ${sharedYears.join(", ")} ของแถวนี้เป็นยอดเดียวของ ${pack.length} รายการ (${pack.map((it) => it.code).join(", ")}) — นำเข้าไว้ที่รายการแรก ${pack[0]?.code ?? ""} โปรดแยกงบให้แต่ละรายการ`,
          en: `The ${sharedYears.join(", ")} budget of this row is one amount for ${pack.length} items (${pack.map((it) => it.code).join(", ")}); it was put on the first, ${pack[0]?.code ?? ""}: split it among them`,
        },
        location: located(r, cols.years.find((y) => y.year === sharedYears[0])?.col ?? cols.items), found: displayCell(row[cols.years.find((y) => y.year === sharedYears[0])?.col ?? cols.items] ?? null),
      });
    }
    for (const it of items.slice(firstOfPack)) {
      const held = heldNumbering(it.name);
      const twoKinds = held === undefined ? /\s(?:โครงการ|กิจกรรม|มาตรการ)/.exec(it.name.slice(1)) : null;
      if (held === undefined && !twoKinds) continue;
      suspicious.push(at(r, cols.items));
      findings.push({
        rule: "X9", severity: "warning",
        message: held !== undefined
          ? { th: `ชื่อ ${it.code} ยังมีเลขลำดับของรายการอื่นอยู่ข้างใน ("${held}") อาจเป็นหลายรายการในชื่อเดียว`, en: `The name of ${it.code} still holds another item's numbering ("${held}"): it may be several items in one name` }
          : { th: `ชื่อ ${it.code} มีคำว่าโครงการ/กิจกรรม/มาตรการ สองครั้ง อาจเป็นหลายรายการในชื่อเดียว`, en: `The name of ${it.code} holds two kind words: it may be several items in one name` },
        location: located(r, cols.items), found: it.name.slice(0, 80),
      });
    }
    rows.push({ row: r + 1, disposition: "item", items: parts.length });
  }

  findings.push(...checkTotals(grid.name, items, totals, years, new Set(suspicious)));
  return { sheet: grid.name, columns: found.cols, years, items, totals, rows, findings, sharedBudgets: shared, missions, title: titleOf(grid, found.headerRow) };
}

/** A packed cell's note: one per item when the lines match, otherwise the first line speaks for all ("ไม่ใช้งบประมาณ"). */
function noteFor(note: string, k: number, items: number): string {
  const lines = note.split(/\r?\n/).map((l) => normalizeSpace(l)).filter((l) => l !== "");
  if (lines.length === items) return lines[k] ?? "";
  return items > 1 ? (lines[0] ?? "") : normalizeSpace(note);
}

function splitAmounts(v: CellValue): CellValue[] {
  if (typeof v !== "string") return [v];
  if (!v.includes("\n")) {
    // "10,000 - 5,000" on one line (copied from a PDF): one amount per packed item, when every word is one
    const words = v.replace(/บาท/g, " ").trim().split(/\s+/).filter((w) => w !== "");
    return words.length > 1 && words.every((w) => parseAmount(w).kind !== "invalid") ? words : [v];
  }
  return v.split(/\r?\n/).map((s) => s.trim()).filter((s) => s !== "");
}

/** B7 (stated counts) and B6 (stated sums) against the items actually in scope. */
function checkTotals(sheet: string, items: readonly PlanItem[], totals: readonly StatedTotal[], years: readonly FiscalYear[], suspicious: ReadonlySet<string>): Finding[] {
  const out: Finding[] = [];
  for (const t of totals) {
    const scoped = t.scope === "all" ? items : items.filter((it) => it.dimension === (t.scope as { dimension: number }).dimension);
    const where = t.scope === "all" ? { th: "ทั้งแผน", en: "The whole plan" } : { th: `มิติที่ ${t.scope.dimension}`, en: `Dimension ${t.scope.dimension}` };
    const actual: Partial<Record<ItemKind, number>> = {};
    for (const it of scoped) if (it.kind) actual[it.kind] = (actual[it.kind] ?? 0) + 1;
    const kinds = (Object.keys(KIND_WORD) as ItemKind[]).filter((k) => (t.counts[k] ?? 0) > 0 || (actual[k] ?? 0) > 0);
    const byKind = ITEM_KINDS.filter((k) => t.counts[k] !== undefined);
    const statedAny = byKind.some((k) => (t.counts[k] ?? 0) > 0) || (t.counts.total ?? 0) > 0;
    if (statedAny) {
      const onlyProjects = byKind.length === 1 && t.counts.project !== undefined && t.counts.total === undefined;
      // "จำนวน 23 โครงการ" (seed 003) counts every item, whatever its kind; "36 รายการ" states the whole
      const statedTotal = t.counts.total ?? byKind.reduce((s, k) => s + (t.counts[k] ?? 0), 0);
      // items whose name starts with no kind word count in the total even though no kind states them
      const differs = onlyProjects ? t.counts.project !== scoped.length : statedTotal !== scoped.length || (byKind.length > 0 && kinds.some((k) => (t.counts[k] ?? 0) !== (actual[k] ?? 0)));
      if (differs && suspicious.size > 0) {
        // the import itself may have mis-split the items: the document's totals may well be right
        const cells = [...suspicious].join(", ");
        out.push({
          rule: "B7", severity: "error", location: { sheet, cell: t.cell },
          message: {
            th: `${where.th}: ตารางระบุ ${statedTotal} รายการ แต่อ่านได้ ${scoped.length} รายการ — การนำเข้าอาจแยกรายการในเซลล์ ${cells} ไม่ครบ ตรวจเซลล์เหล่านี้ก่อน อย่าเพิ่งแก้ยอดที่ระบุในเอกสาร`,
            en: `${where.en}: the table states ${statedTotal} items but ${scoped.length} were read; the import may have mis-split the items of ${cells}: check those cells before changing the document's totals`,
          },
          found: onlyProjects ? `${t.counts.project} โครงการ` : [...byKind.map((k) => `${t.counts[k] ?? 0} ${KIND_WORD[k]}`), ...(t.counts.total !== undefined ? [`${t.counts.total} รายการ`] : [])].join(" "),
          expected: { th: `อ่านได้ ${scoped.length} รายการ`, en: `${scoped.length} items read` },
        });
      } else if (differs) {
        const noKind = scoped.length - Object.values(actual).reduce((s, n) => s + (n ?? 0), 0);
        const sayActual = (lang: "th" | "en") => `${say(actual)}${noKind > 0 ? (lang === "th" ? ` และไม่ระบุประเภท ${noKind}` : ` and ${noKind} with no kind word`) : ""}`;
        const say = (c: Partial<Record<ItemKind, number>>) => kinds.map((k) => `${c[k] ?? 0} ${KIND_WORD[k]}`).join(" ");
        out.push({
          rule: "B7", severity: "error", location: { sheet, cell: t.cell },
          message: { th: `${where.th}: จำนวนรายการที่ระบุในแถวรวมไม่ตรงกับรายการในตาราง`, en: `${where.en}: the counts stated in the total row disagree with the items` },
          found: onlyProjects ? `${t.counts.project} โครงการ` : say(t.counts),
          expected: { th: onlyProjects ? `${scoped.length} รายการ` : sayActual("th"), en: onlyProjects ? `${scoped.length} items` : sayActual("en") },
          suggestion: onlyProjects ? `จำนวน ${scoped.length} โครงการ` : say(actual),
        });
      }
    }
    for (const y of years) {
      if (!(y in t.sums)) continue;
      const sum = scoped.reduce((s, it) => s + (it.budgets[y] ?? 0), 0);
      const stated = t.sums[y] as number;
      if (Math.abs(sum - stated) > 0.005) {
        out.push({
          rule: "B6", severity: "error", location: { sheet, cell: t.cell },
          message: { th: `${where.th}: ยอดรวมปี ${y} ไม่ตรงกับผลรวมของรายการ`, en: `${where.en}: the stated ${y} total is not the sum of its items` },
          found: formatAmount(stated), expected: { th: formatAmount(sum), en: formatAmount(sum) }, suggestion: formatAmount(sum),
        });
      }
    }
  }
  return out;
}

/** The organization and period from the title rows: "…(พ.ศ. ๒๕๖๑ - ๒๕๖๔)ของเทศบาลตำบลก้อ". */
function titleOf(grid: SheetGrid, headerRow: number): LegacyImport["title"] {
  const lines = grid.rows.slice(0, headerRow).map((r) => normalizeSpace(toArabicDigits(r.map((c) => cellText(c)).find((t) => t !== "") ?? "")));
  return titleFromText(lines.join(" "));
}

/** The organization and the plan period named in a title's text. */
export function titleFromText(text: string): LegacyImport["title"] {
  const joined = normalizeSpace(toArabicDigits(text));
  const period = /(25\d\d)\s*[-–]\s*(25\d\d)/.exec(joined);
  const org = ORG_NAME_IN_TEXT.exec(joined);
  return {
    ...(org ? { orgName: org[0] } : {}),
    ...(period ? { firstYear: Number(period[1]), lastYear: Number(period[2]) } : {}),
  };
}
