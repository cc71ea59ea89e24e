/**
 * `ส่วนที่3 บทสรุป` — the summary that closes the report (seed 001, L454–514), portrait:
 * - "แบบรายงานผลการดำเนินงานเกี่ยวกับการป้องกันและปราบปรามการทุจริตของ อปท." (L454) /
 *   "บทสรุป/ข้อเสนอแนะ/แนวทางแก้ไขปรับปรุง" (L456) / the organization (L458; from the settings — the seed
 *   writes อำเภอสี there for อำเภอลี้);
 * - the paragraph walking มิติ → ภารกิจ → items (L462–499: "{org} ได้จัดส่งรายงานผลการดำเนินการตาม
 *   แผนปฏิบัติการป้องกันการทุจริต… โดยสรุป ในภาพรวมได้ดังนี้ มิติที่ ๑ … ภารกิจที่ ๑.๑ … ประกอบด้วย ๑. … ๒. …").
 *   The labels the seed sets in bold are rows of their own (a cell is bold or not), and every item is a row, so
 *   a long mission never runs into Excel's 409-point row limit. The seed lists items it never reported (L472
 *   โครงการปรับปรุงภูมิทัศน์…, L474 โครงการส่งเสริมและพัฒนาศักยภาพสภาเด็ก…) among what was "ดำเนินการ": here an
 *   item that was not done says so after its name;
 * - a table per มิติ (REPORTS.md; the seed has none): items planned, done, %, budget planned, allocated,
 *   disbursed, % disbursed, and a total row. Counts and sums are COUNTIF/COUNTIFS/SUMIF over the item rows of
 *   `ส่วนที่2 ผลการดำเนินงาน` (its key columns H–J and amount columns E–G), the percentages ROUND(…, 2) over this
 *   table's cells, each written with the core's figure (summary.byDimension);
 * - ปัญหาอุปสรรค and ข้อเสนอแนะ (L505, L507) gathered from the round's monthly rows, repeats removed, "-" when none;
 * - the sign-off (L509–514): ผู้รายงาน, name and position, date, telephone, fax and website from the settings.
 */
import { formatThaiDate } from "../../domain/calendar";
import { type ItemRound, type RoundTotals, totalsOf } from "../../domain/progress/round";
import { foldForMatch, normalizeSpace } from "../../domain/thai";
import type { DimensionNo } from "../../domain/units";
import { columnLetter, rangeAddress, sheetRef } from "../a1";
import type { CellInput, CellStyle, SheetSpec } from "../grid";
import { charsToFit, lineHeightPt, linesFor } from "../text-size";
import { SheetBuilder } from "./builder";
import { footerOf, noteRow, orgLine, planPeriod, type ReportContext, roundEnd, roundStart } from "./context";
import { REPORT_SHEETS } from "./names";
import { dimensionLabel, inDigits, missionLabel } from "./labels";
import { heightFor, MAX_ROW_PT, pageCapacity, PageFlow } from "./paging";
import {
  buildPart2, dimensionBlocks, NO_DIMENSION_KEY, PART2_COL, STATUS_WORD, takeLines, unmatchedRounds,
} from "./part2-progress";
import { REPORT_FONT, STYLE } from "./style";

const SIZE = REPORT_FONT.size;
const LAST_COL = 10;
/** Lines of one row of the paragraph: well under Excel's 409-point row limit. */
const PARAGRAPH_LINES = 6;
/** The report's one "% done": e-PlanNACC's implementation score (RoundTotals.implementationScore), on every sheet under this name. */
export const SCORE_HEADER = "ผลการนำแผนไปปฏิบัติ (ร้อยละ)";

/** The word for the local budget act: เทศบัญญัติ for municipalities, ข้อบัญญัติ for อบต./อบจ. */
export function ordinanceWord(ctx: ReportContext): string {
  const t = ctx.model.settings.orgType;
  if (t === "subdistrictMunicipality" || t === "townMunicipality" || t === "cityMunicipality") return "เทศบัญญัติ";
  if (t === "sao" || t === "pao") return "ข้อบัญญัติ";
  return "ข้อบัญญัติ/เทศบัญญัติ";
}

/** What the paragraph says after an item's name when it was not done in the round. */
export function statusNote(r: ItemRound): string {
  switch (r.status) {
    case "done":
      return "";
    case "inProgress":
      return ` (${STATUS_WORD.inProgress})`;
    case "notStarted":
      return " (ยังไม่ได้ดำเนินการ)";
    case "notPossible":
      return ` (${STATUS_WORD.notPossible})`;
    case "notReported":
      return " (ยังไม่ได้รายงานผล)";
  }
}

/** Texts of the round's rows, repeats removed (spacing and digit script aside), in order of first appearance. */
export function gathered(texts: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const t of texts) {
    const text = normalizeSpace(t);
    const key = foldForMatch(text);
    if (text === "" || seen.has(key)) continue;
    seen.add(key);
    out.push(text);
  }
  return out;
}

/** Round half away from zero to 2 decimals, as ROUND(x, 2) does in Excel and LibreOffice. */
export function round2(x: number): number {
  return Math.sign(x) * Math.round(Math.abs(x) * 100 + 1e-9) / 100;
}

/** The percentage the table shows: `part` of `whole`, 0 when there is no whole. */
export function percentOf(part: number, whole: number): number {
  return whole === 0 ? 0 : round2((part / whole) * 100);
}

export function part3Sheet(ctx: ReportContext): SheetSpec {
  const b = new SheetBuilder();
  const num = (v: string | number) => inDigits(ctx, v);
  const s = ctx.model.settings;
  const { firstRow, printFrom } = noteRow(b, ctx, LAST_COL);

  // columns: an indent, the มิติ column of the table, then its figures; amounts as wide as the largest
  const t = ctx.summary.total;
  const largest = Math.max(t.planned, t.ordinance, t.disbursed);
  const amountW = charsToFit([num(largest.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 }))], SIZE, 13);
  // the disbursement rate can pass 100 % ("๑๐๐.๒๔" wrapped in a column of 10): room for up to 999.99 %
  const pctW = charsToFit([num("999.99")], SIZE, 10);
  const widths = [5, 20, 8, 9, 10, 11, amountW, amountW, amountW, pctW];
  const indentedWidth = widths.slice(1).reduce((x, w) => x + w, 0);

  /** Row heights and which rows must stay on the page of the next one (headings, table rows, the sign-off). */
  const keepWithNext = new Set<number>();
  let row = firstRow;
  /** A text row (or several, when it is taller than Excel's row limit: cut between lines and words). */
  const text = (value: string, style: CellStyle, opts: { indent?: boolean; keep?: boolean; size?: number; from?: number } = {}) => {
    const from = opts.from ?? (opts.indent ? 2 : 1);
    const width = widths.slice(from - 1).reduce((x, w) => x + w, 0);
    const size = opts.size ?? SIZE;
    const maxLines = Math.floor((MAX_ROW_PT - 4) / lineHeightPt(size));
    const first = row;
    let rest = value;
    do {
      const [head, tail] = takeLines(rest, width, maxLines, size);
      b.area(row, from, row, LAST_COL, head, style);
      b.height(row, Math.min(MAX_ROW_PT, heightFor(head, width, size)));
      if (opts.keep || tail !== "") keepWithNext.add(row);
      row++;
      rest = tail;
    } while (rest !== "");
    return first;
  };
  const gap = (height = 10) => {
    b.height(row, height);
    return row++;
  };
  const body: CellStyle = { vertical: "top", wrap: true };
  const bold: CellStyle = { ...body, bold: true };

  // the heading (L454–458), and the period the report covers
  text("แบบรายงานผลการดำเนินงานเกี่ยวกับการป้องกันและปราบปรามการทุจริตของ อปท.", STYLE.title, { size: 18 });
  text("บทสรุป/ข้อเสนอแนะ/แนวทางแก้ไขปรับปรุง", STYLE.subtitle);
  text(orgLine(ctx) || "-", STYLE.subtitle);
  text(`ประจำปีงบประมาณ พ.ศ. ${num(ctx.fy)} รอบ ${num(ctx.round)} เดือน (${roundStart(ctx)} ถึง ${roundEnd(ctx)})`, { ...STYLE.subtitle, bold: false });
  gap();

  // the paragraph, มิติ by มิติ (L462–499)
  text("ผลการดำเนินงานโดยสรุป", bold, { keep: true });
  const org = s.orgName || "องค์กรปกครองส่วนท้องถิ่น";
  text(
    `${org} ได้จัดส่งรายงานผลการดำเนินการตามแผนปฏิบัติการป้องกันการทุจริต ${num(s.years)} ปี (${planPeriod(ctx)}) ` +
      `ประจำปีงบประมาณ พ.ศ. ${num(ctx.fy)} รอบ ${num(ctx.round)} เดือน โดยสรุปในภาพรวมได้ดังนี้`,
    body,
  );
  const blocks = dimensionBlocks(ctx.summary.items);
  for (const block of blocks) {
    text(dimensionLabel(ctx, block.dimension), bold, { keep: true });
    text("ได้ดำเนินการตามภารกิจ ดังนี้", body, { keep: true });
    const missions = new Map<string | undefined, ItemRound[]>();
    for (const g of block.groups) missions.set(g.mission, [...(missions.get(g.mission) ?? []), ...g.rounds]);
    for (const [mission, rounds] of missions) {
      text(mission === undefined ? "รายการที่ไม่ระบุภารกิจ" : `ภารกิจที่ ${missionLabel(ctx, mission)}`, bold, { indent: true, keep: true });
      // "ประกอบด้วย ๑. … ๒. …" as the seed runs it (L466–470), cut between items into rows of at most
      // PARAGRAPH_LINES lines: Excel does not show more than 409 points of one row
      const entries = rounds.map((r, i) => `${num(i + 1)}. ${num(normalizeSpace(r.item.name) || "(ไม่มีชื่อรายการ)")}${statusNote(r)}`);
      let paragraph = "ประกอบด้วย";
      for (const entry of entries) {
        const next = `${paragraph} ${entry}`;
        if (linesFor(next, indentedWidth, SIZE) > PARAGRAPH_LINES) {
          text(paragraph, body, { indent: true });
          paragraph = entry;
        } else paragraph = next;
      }
      text(paragraph, body, { indent: true });
    }
  }
  if (blocks.length === 0) text(`ไม่มีรายการในแผนปฏิบัติการที่อยู่ในปีงบประมาณ พ.ศ. ${num(ctx.fy)}`, body);
  const unmatched = unmatchedRounds(ctx);
  if (unmatched.length > 0) {
    const codes = unmatched.map((r) => (r.item.code ? num(r.item.code) : "(ไม่มีรหัส)")).join(", ");
    text(`นอกจากนี้ มีผลการดำเนินงานที่รายงานด้วยรหัสที่ไม่พบในแผนปฏิบัติการ ${num(unmatched.length)} รหัส (${codes}) ซึ่งไม่ได้นับรวมในบทสรุปและตารางนี้`, body);
  }
  gap();

  // the table per มิติ, over Part 2's item rows
  const part2 = buildPart2(ctx);
  const ref = (col: number) => sheetRef(REPORT_SHEETS.part2, `$${columnLetter(col)}$${part2.firstRow}:$${columnLetter(col)}$${Math.max(part2.lastRow, part2.firstRow)}`);
  const keys = ref(PART2_COL.dimension);
  const statuses = ref(PART2_COL.status);
  const ordinance = ordinanceWord(ctx);
  text(`สรุปผลการดำเนินงานและการใช้จ่ายงบประมาณ ประจำปีงบประมาณ พ.ศ. ${num(ctx.fy)} จำแนกตามมิติ`, bold, { keep: true });
  const header = (r: number, c1: number, r2: number, c2: number, value: string) => b.area(r, c1, r2, c2, value, STYLE.header);
  const h1 = row;
  const h2 = row + 1;
  header(h1, 1, h2, 2, "มิติ");
  header(h1, 3, h1, 6, "จำนวนโครงการ/กิจกรรม/มาตรการ");
  header(h2, 3, h2, 3, "ตามแผน");
  header(h2, 4, h2, 4, STATUS_WORD.done);
  header(h2, 5, h2, 5, STATUS_WORD.inProgress);
  header(h2, 6, h2, 6, SCORE_HEADER);
  header(h1, 7, h1, 10, "งบประมาณ (บาท)");
  header(h2, 7, h2, 7, "ตามแผน");
  header(h2, 8, h2, 8, `ตาม${ordinance}`);
  header(h2, 9, h2, 9, "เบิกจ่าย");
  header(h2, 10, h2, 10, "ร้อยละการเบิกจ่าย");
  const subTexts: readonly [string, number][] = [
    ["ตามแผน", 3], [STATUS_WORD.done, 4], [STATUS_WORD.inProgress, 5], [SCORE_HEADER, 6], ["ตามแผน", 7], [`ตาม${ordinance}`, 8], ["เบิกจ่าย", 9], ["ร้อยละการเบิกจ่าย", 10],
  ];
  b.height(h1, Math.max(heightFor("จำนวนโครงการ/กิจกรรม/มาตรการ", 38), heightFor("งบประมาณ (บาท)", amountW * 3 + 10)));
  b.height(h2, Math.max(...subTexts.map(([v, c]) => heightFor(v, widths[c - 1] as number))));
  keepWithNext.add(h1);
  keepWithNext.add(h2);
  row = h2 + 1;

  const count: CellStyle = { ...STYLE.body, horizontal: "center", numFmt: ctx.formats.count };
  const pct: CellStyle = { ...STYLE.body, horizontal: "center", numFmt: ctx.formats.percent };
  const pctDash: CellStyle = { ...pct, numFmt: `${ctx.formats.percent};-${ctx.formats.percent};"-"` };
  const money: CellStyle = { ...STYLE.body, horizontal: "right", numFmt: ctx.formats.amount };
  const totalOf = (style: CellStyle): CellStyle => ({ ...style, bold: true, fill: STYLE.total.fill });
  const figures = (r: number, t: RoundTotals, cells: {
    planned: CellInput; done: CellInput; inProgress: CellInput; budget: CellInput; ordinance: CellInput; disbursed: CellInput;
  }, total: boolean) => {
    const st = (x: CellStyle) => (total ? totalOf(x) : x);
    const at = (c: number) => `${columnLetter(c)}${r}`;
    b.area(r, 3, r, 3, cells.planned, st(count));
    b.area(r, 4, r, 4, cells.done, st(count));
    b.area(r, 5, r, 5, cells.inProgress, st(count));
    // the one % done of the report: e-PlanNACC's ผลการนำแผนไปปฏิบัติ, as สรุป e-PlanNACC and สรุปภาพรวม show it
    b.area(r, 6, r, 6, { formula: `IF(${at(3)}=0,0,ROUND((${at(4)}+${at(5)}*0.5)/${at(3)}*100,2))`, result: t.implementationScore }, st(pct));
    b.area(r, 7, r, 7, cells.budget, st(money));
    b.area(r, 8, r, 8, cells.ordinance, st(money));
    b.area(r, 9, r, 9, cells.disbursed, st(money));
    b.area(r, 10, r, 10, { formula: `IF(${at(8)}=0,0,ROUND(${at(9)}/${at(8)}*100,2))`, result: percentOf(t.disbursed, t.ordinance) }, st(pctDash));
  };
  const rows: { key: DimensionNo | typeof NO_DIMENSION_KEY; totals: RoundTotals; label: string }[] = ctx.summary.byDimension.map((d) => ({
    key: d.dimension, totals: d.totals, label: dimensionLabel(ctx, d.dimension),
  }));
  // summary.byDimension leaves out items without a มิติ (P2): the table shows them on a row of their own
  const undimensioned = blocks.find((x) => x.dimension === undefined);
  if (undimensioned) rows.push({ key: NO_DIMENSION_KEY, label: "ไม่ระบุมิติ", totals: totalsOf(undimensioned.rounds) });
  const firstData = row;
  for (const d of rows) {
    const crit = typeof d.key === "number" ? String(d.key) : `"${d.key}"`;
    const sumIf = (col: number) => `SUMIF(${keys},${crit},${ref(col)})`;
    b.area(row, 1, row, 2, d.label, STYLE.body);
    figures(row, d.totals, {
      planned: { formula: `COUNTIF(${keys},${crit})`, result: d.totals.items },
      done: { formula: `COUNTIFS(${keys},${crit},${statuses},"${STATUS_WORD.done}")`, result: d.totals.byStatus.done },
      inProgress: { formula: `COUNTIFS(${keys},${crit},${statuses},"${STATUS_WORD.inProgress}")`, result: d.totals.byStatus.inProgress },
      budget: { formula: sumIf(PART2_COL.planned), result: d.totals.planned },
      ordinance: { formula: `${sumIf(PART2_COL.integrated)}+${sumIf(PART2_COL.agency)}`, result: d.totals.ordinance },
      disbursed: { formula: sumIf(PART2_COL.disbursed), result: d.totals.disbursed },
    }, false);
    b.height(row, heightFor(d.label, (widths[0] as number) + (widths[1] as number)));
    keepWithNext.add(row);
    row++;
  }
  const lastData = row - 1;
  b.area(row, 1, row, 2, "รวม", { ...STYLE.total, horizontal: "center" });
  /** The total of a column: a SUM over the rows above it (a plain 0 when there are none). */
  const total = (c: number, value: number): CellInput => (rows.length === 0 ? value : { formula: `SUM(${rangeAddress(firstData, c, lastData, c)})`, result: value });
  figures(row, t, {
    planned: total(3, t.items), done: total(4, t.byStatus.done), inProgress: total(5, t.byStatus.inProgress),
    budget: total(7, t.planned), ordinance: total(8, t.ordinance), disbursed: total(9, t.disbursed),
  }, true);
  b.height(row, heightFor("รวม", 27));
  keepWithNext.add(row);
  row++;
  text(
    `หมายเหตุ: นับทุกรายการในส่วนที่ ${num(2)} · ${SCORE_HEADER} = (${STATUS_WORD.done} × ${num(1)} + ${STATUS_WORD.inProgress} × ${num("0.5")}) ÷ จำนวนตามแผน × ${num(100)} ตามเกณฑ์ของระบบ e-PlanNACC · ร้อยละการเบิกจ่าย = เบิกจ่าย ÷ งบประมาณตาม${ordinance} × ${num(100)}` +
      (t.disbursed > t.ordinance && t.ordinance > 0 ? ` · ร้อยละเกิน ${num(100)} หมายถึงเบิกจ่ายเกินวงเงินที่ได้รับจัดสรร` : ""),
    { ...body, fontSize: 13, italic: true },
    { size: 13 },
  );
  gap();

  // ปัญหาอุปสรรค, ข้อเสนอแนะ (L505, L507)
  const monthly = [...ctx.summary.items.flatMap((r) => r.rows), ...ctx.summary.unmatched];
  /** A titled list; returns its last line's row. */
  const list = (title: string, items: readonly string[]): number => {
    text(title, bold, { keep: true });
    if (items.length === 0) text("-", body, { indent: true });
    items.forEach((x, i) => text(num(items.length > 1 ? `${i + 1}. ${x}` : x), body, { indent: true }));
    const lastLine = row - 1;
    gap(6);
    return lastLine;
  };
  const problemsLast = list("ปัญหาอุปสรรค", gathered(monthly.map((p) => p.problems)));
  // ปัญหาอุปสรรค's last line goes with ข้อเสนอแนะ (as the seed prints them, L505–507, one closing block above the
  // signature): a page never begins with ข้อเสนอแนะ and the sign-off alone (the sample's Part 3 did)
  for (let r = problemsLast; r < row; r++) keepWithNext.add(r);
  const adviceLast = list("ข้อเสนอแนะ", gathered(monthly.map((p) => p.recommendations)));
  gap();
  // the sign-off signs the section above it: it never starts a page of its own (issue 13: the sample's sign-off
  // printed alone on Part 3's fifth page) — the last line of ข้อเสนอแนะ and the gaps go with it
  for (let r = adviceLast; r < row; r++) keepWithNext.add(r);

  // the sign-off (L509–514)
  // dots are narrow on paper but text-size.ts counts them as letters: 24 keep each line on one line
  const dots = "........................";
  const signOff = [
    `ลงชื่อ ${dots} ผู้รายงาน`,
    `(${normalizeSpace(s.reporter) || dots})`,
    normalizeSpace(s.reporterPosition) || `ตำแหน่ง ${dots}`,
    s.reportDate ? num(formatThaiDate(s.reportDate)) : `วันที่ ${dots}`,
    `โทรศัพท์ ${num(normalizeSpace(s.phone)) || dots}`,
    `โทรสาร ${num(normalizeSpace(s.fax)) || dots}`,
    normalizeSpace(s.website) || `เว็บไซต์ ${dots}`,
  ];
  signOff.forEach((x, i) => {
    const r = text(x, { vertical: "top", wrap: true, horizontal: "center" }, { from: 5 });
    if (i < signOff.length - 1) keepWithNext.add(r);
  });
  const last = row - 1;

  // pages: rows chained by keepWithNext stay together where they fit on one page
  const flow = new PageFlow(pageCapacity("portrait", widths));
  for (let r = printFrom; r <= last;) {
    let end = r;
    while (keepWithNext.has(end) && end < last) end++;
    const heights: number[] = [];
    for (let x = r; x <= end; x++) heights.push(b.heightOf(x));
    flow.keep(r, heights);
    r = end + 1;
  }
  const breaks = flow.breaks;

  b.defaultHeights(heightFor("-", 10));
  return b.toSpec({
    name: REPORT_SHEETS.part3,
    columns: widths,
    font: REPORT_FONT,
    print: {
      orientation: "portrait", paper: "A4", fitToWidth: true,
      printArea: rangeAddress(printFrom, 1, last, LAST_COL),
      footer: footerOf(ctx),
      ...(breaks.length > 0 ? { pageBreaks: breaks } : {}),
    },
    tabColor: "FF2E75B6",
  });
}
