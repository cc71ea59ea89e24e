/**
 * The สรุป e-PlanNACC sheet: what the NACC's web system shows for a fiscal year and round, and what an
 * officer keys into it (REPORTS.md; DOMAIN.md "e-PlanNACC"). e-PlanNACC has no import: officers re-key every
 * figure, so this sheet holds, per item, the fields of its round report in the order of its form — plan
 * amount (วงเงินตามแผนพัฒนาท้องถิ่น), ordinance amount (วงเงินตามข้อบัญญัติ/เทศบัญญัติ), disbursed, the
 * in-ordinance flag, status, the reason when not possible, remark — and above them the four summaries the
 * system shows per มิติที่ ๑–๔ and "รวม ๔ มิติ":
 *   (๑) items and budget in the local development plan, (๒) the same in the ordinance, (๓) disbursement,
 *   (๔) statuses, with the implementation score (แล้วเสร็จ × ๑ + ระหว่างดำเนินการ × ๐.๕) ÷ จำนวนโครงการ × ๑๐๐.
 * Every summary figure is a COUNTIFS/SUMIF over the item rows (so it follows the rows and provably agrees
 * with them), written with the value domain/progress/round.ts computes.
 *
 * e-PlanNACC reports three statuses. An item whose monthly rows say ยังไม่ดำเนินการ, or that has none in the
 * round, is still waiting for its report there: both count as รอรายงานผล, and รวมทั้งสิ้น is the items with
 * one of the three statuses, so that รวมทั้งสิ้น + รอรายงานผล = the number of items the score divides by.
 */
import { KIND_WORD } from "../../domain/kinds";
import { BUDGET_TYPES, labelOf, lookup, NOT_POSSIBLE_REASONS } from "../../domain/lists";
import { type ItemRound, type RoundStatus, type RoundTotals, totalsOf } from "../../domain/progress/round";
import { normalizeSpace } from "../../domain/thai";
import type { DimensionNo } from "../../domain/units";
import { absoluteRange, columnLetter, rangeAddress } from "../a1";
import type { CellInput, CellStyle, SheetSpec } from "../grid";
import { linesFor, rowHeightPt } from "../text-size";
import { SheetBuilder } from "./builder";
import { footerOf, noteRow, type ReportContext, roundEnd, roundStart } from "./context";
import { balanced, pageCapacity, PageFlow } from "./paging";
import { digitsInText } from "./ita";
import { REPORT_SHEETS } from "./names";
import { REPORT_FONT, STYLE } from "./style";

/**
 * The per-item block's columns, in the order of e-PlanNACC's round report after the item's identity: 184
 * characters, so that A4 landscape prints them at about 80 % — at 100 % a 16-pt table of twelve columns
 * wraps every name into four lines and 80 items take twenty pages; this way most rows take two. The item
 * rows are in 14 pt (as Part 1's and Part 2's); amount columns hold 9,999,999.99 in 14-pt Thai digits
 * (๐–๙ are a quarter wider than 0–9: at 15 characters "๒๐,๐๐๐.๐๐" wrapped in LibreOffice, and a number
 * too wide for its column prints as "####" in Excel). ลำดับ fits its header on one line.
 */
const FIELDS = [
  { key: "no", header: "ลำดับ", width: 8 },
  { key: "code", header: "รหัส", width: 9 },
  { key: "dimension", header: "มิติ", width: 5 },
  { key: "kind", header: "ประเภท", width: 11 },
  { key: "name", header: "โครงการ/กิจกรรม/มาตรการ", width: 48 },
  // the amounts' headers broken where the printed form breaks them: left to wrap, "วงเงินตามข้อ|บัญญัติ/" took
  // a line more than measured and the header's last line was cut off
  { key: "planned", header: "วงเงินตามแผน\nพัฒนาท้องถิ่น\n(บาท)", width: 20 },
  { key: "ordinance", header: "วงเงินตาม\nข้อบัญญัติ/\nเทศบัญญัติ\n(บาท)", width: 20 },
  { key: "disbursed", header: "เบิกจ่ายจริง\n(บาท)", width: 20 },
  { key: "inOrdinance", header: "บรรจุในข้อบัญญัติ", width: 10 },
  { key: "status", header: "สถานะ", width: 18 },
  { key: "reason", header: "เหตุที่ดำเนินการไม่ได้", width: 16 },
  { key: "remark", header: "หมายเหตุ", width: 20 },
] as const;
type Field = (typeof FIELDS)[number]["key"];
const COLUMNS: readonly number[] = FIELDS.map((f) => f.width);
const LAST = FIELDS.length;
const col = (key: Field): number => FIELDS.findIndex((f) => f.key === key) + 1;
/** The summaries' label ("มิติที่ ๑", as e-PlanNACC labels its rows) spans ลำดับ … ประเภท; their figures the columns to the right. */
const LABEL_TO = col("kind");
const SIZE = REPORT_FONT.size;
/** The item block's rows. */
const ITEM_SIZE = 14;

/** The status words of the item block: e-PlanNACC's three, and the two states it shows as waiting. */
export const STATUS_TEXT: Readonly<Record<RoundStatus, string>> = {
  inProgress: "อยู่ระหว่างดำเนินการ",
  done: "ดำเนินการแล้วเสร็จ",
  notPossible: "ไม่สามารถดำเนินการได้",
  notStarted: "ยังไม่ดำเนินการ",
  notReported: "รอรายงานผล",
};
export const UNPLACED = "ไม่ระบุ";
/** Table (๔)'s count of the items with one of e-PlanNACC's three statuses: a subtotal, never headed รวมทั้งสิ้น. */
export const REPORTED_HEADER = "รวมที่รายงานสถานะแล้ว";
export const YES = "ใช่";
export const NO = "ไม่";

/** Where the item block is, for formulas of other sheets (the dashboard) over it. */
export interface ItemBlock {
  readonly sheet: string;
  readonly firstRow: number;
  readonly lastRow: number;
  /** An absolute range of one field's cells over the item rows, e.g. "$C$40:$C$119". */
  range(field: Field): string;
}

/** The dimensions a summary lists: the framework's, and any an item names that the framework sheet lacks. */
export function summaryDimensions(ctx: ReportContext): DimensionNo[] {
  const ds = new Set<DimensionNo>();
  for (const n of ctx.model.framework) if (n.level === "dimension" && /^[1-4]$/.test(n.code)) ds.add(Number(n.code) as DimensionNo);
  if (ds.size === 0) [1, 2, 3, 4].forEach((d) => ds.add(d as DimensionNo));
  for (const r of ctx.summary.items) if (r.item.dimension !== undefined) ds.add(r.item.dimension);
  return [...ds].sort();
}

export function dimensionName(ctx: ReportContext, d: DimensionNo): string {
  return ctx.model.framework.find((n) => n.level === "dimension" && n.code === String(d))?.name ?? "";
}

/** A summary's row: a dimension, the items with none, or the total. */
export interface SummaryRow {
  readonly label: string;
  /** The dimension criterion of COUNTIFS/SUMIF: the number, or the word the item block shows. */
  readonly criterion: number | string;
  readonly totals: RoundTotals;
}

export function summaryRows(ctx: ReportContext): { readonly rows: readonly SummaryRow[]; readonly total: RoundTotals } {
  const items = ctx.summary.items;
  const rows: SummaryRow[] = summaryDimensions(ctx).map((d) => {
    const name = dimensionName(ctx, d);
    return { label: `มิติที่ ${ctx.num(d)}${name ? ` ${name}` : ""}`, criterion: d, totals: totalsOf(items.filter((r) => r.item.dimension === d)) };
  });
  const unplaced = items.filter((r) => r.item.dimension === undefined);
  if (unplaced.length > 0) rows.push({ label: "ไม่ระบุมิติ", criterion: UNPLACED, totals: totalsOf(unplaced) });
  return { rows, total: ctx.summary.total };
}

/** "รวม ๔ มิติ" (e-PlanNACC's word), or "รวมทั้งสิ้น" when the framework sheet lists another number of dimensions. */
function totalLabel(ctx: ReportContext, rows: readonly SummaryRow[]): string {
  const dims = rows.filter((r) => typeof r.criterion === "number").length;
  return dims === 4 ? `รวม ${ctx.num(4)} มิติ` : "รวมทั้งสิ้น";
}

/** "ไม่ได้รับงบประมาณ", "อื่นๆ: …" — the reason when an item could not be carried out. */
function reasonOf(r: ItemRound): string {
  if (r.status !== "notPossible") return "";
  const label = r.reason ? labelOf(NOT_POSSIBLE_REASONS, r.reason) : "";
  const text = normalizeSpace(r.reasonText);
  return [label, text].filter(Boolean).join(": ") || "ไม่ได้ระบุเหตุ";
}

function remarkOf(ctx: ReportContext, r: ItemRound): string {
  const parts: string[] = [];
  if (r.status === "inProgress" && r.progressPct !== undefined) parts.push(`ความก้าวหน้าร้อยละ ${ctx.num(r.progressPct)}`);
  // the plan's note, with the seeds' misspelling of ไม่ใช้งบประมาณ (ไม่ใช่, seed 001 L90) written correctly
  const note = normalizeSpace(r.item.note);
  if (note) parts.push(lookup(BUDGET_TYPES, note)?.key === "none" ? labelOf(BUDGET_TYPES, "none") : note);
  return parts.join("; ");
}

/** The sheet, and where its item rows are. */
export function eplanSummary(ctx: ReportContext): { readonly spec: SheetSpec; readonly block: ItemBlock } {
  const s = ctx.model.settings;
  const f = ctx.formats;
  const b = new SheetBuilder();
  const { firstRow, printFrom } = noteRow(b, ctx, LAST);
  const width = (from: number, to: number) => COLUMNS.slice(from - 1, to).reduce((x, w) => x + w, 0);
  const all = width(1, LAST);
  const line = rowHeightPt(1, SIZE);
  const { rows: sumRows, total } = summaryRows(ctx);
  const items = ctx.summary.items;

  // the item block's place is known before it is written: the summaries' formulas point at it
  const tableRows = 3 + sumRows.length + 1; // title, header, rows, total, space
  let row = firstRow;
  const titleRow = row;
  const subtitleRow = row + 1;
  const firstTable = row + 3;
  const tables = [0, 1, 2, 3].map((i) => firstTable + i * tableRows);
  const legendRow = firstTable + 4 * tableRows;
  const blockTitle = legendRow + 2;
  const header = blockTitle + 1;
  const first = header + 1;
  const last = first + Math.max(1, items.length) - 1;
  const range = (field: Field) => absoluteRange(first, col(field), last, col(field));
  const block: ItemBlock = { sheet: REPORT_SHEETS.eplan, firstRow: first, lastRow: last, range };

  // title
  const title = "สรุปผลการดำเนินงานตามแผนปฏิบัติการป้องกันการทุจริต ตามระบบ e-PlanNACC";
  b.area(titleRow, 1, titleRow, LAST, title, STYLE.title);
  b.height(titleRow, rowHeightPt(linesFor(title, all, 18), 18));
  const subtitle = [s.orgName.trim(), `ประจำปีงบประมาณ พ.ศ. ${ctx.num(ctx.fy)} รอบ ${ctx.num(ctx.round)} เดือน (ระหว่างวันที่ ${roundStart(ctx)} ถึง ${roundEnd(ctx)})`].filter(Boolean).join(" ");
  b.area(subtitleRow, 1, subtitleRow, LAST, subtitle, STYLE.subtitle);
  b.height(subtitleRow, rowHeightPt(linesFor(subtitle, all, SIZE), SIZE));
  b.height(subtitleRow + 1, 8);
  row = firstTable;

  const capacity = pageCapacity("landscape", COLUMNS);
  let used = 0;
  for (let r = printFrom; r < firstTable; r++) used += b.heightOf(r);
  const flow = new PageFlow(capacity, used);

  /** One summary table: its title, a header of [columns, text] spans, a row per dimension and the total. */
  const table = (top: number, heading: string, spans: readonly Span[]) => {
    b.area(top, 1, top, LAST, heading, { bold: true, vertical: "middle", wrap: true });
    b.height(top, rowHeightPt(linesFor(heading, all, SIZE), SIZE));
    const h = top + 1;
    b.area(h, 1, h, LABEL_TO, "มิติ", STYLE.header);
    for (const sp of spans) b.area(h, sp.from, h, sp.to, sp.header, STYLE.header);
    b.height(h, Math.max(line, ...spans.map((sp) => rowHeightPt(linesFor(sp.header, width(sp.from, sp.to), SIZE), SIZE))));
    let r = h + 1;
    for (const sr of sumRows) {
      b.area(r, 1, r, LABEL_TO, shortLabel(sr), STYLE.body);
      for (const sp of spans) b.area(r, sp.from, r, sp.to, sp.value(sr, r), { ...STYLE.body, horizontal: "right", numFmt: sp.format });
      b.height(r, rowHeightPt(linesFor(shortLabel(sr), width(1, LABEL_TO), SIZE), SIZE));
      r++;
    }
    b.area(r, 1, r, LABEL_TO, totalLabel(ctx, sumRows), { ...STYLE.total, horizontal: "center" });
    for (const sp of spans) {
      const c = columnLetter(sp.from);
      const sum = sp.value({ label: "", criterion: "", totals: total }, r);
      const result = typeof sum === "object" && sum !== null && !(sum instanceof Date) ? sum.result : undefined;
      // the total of a column is the sum of its rows; a share is computed again from the total row's figures
      const formula = sp.derived ? sum : { formula: `SUM(${c}${h + 1}:${c}${r - 1})`, ...(result !== undefined ? { result } : {}) };
      b.area(r, sp.from, r, sp.to, formula, { ...STYLE.total, horizontal: "right", numFmt: sp.format });
    }
    b.height(r, line);
    b.height(r + 1, 12);
    const heights: number[] = [];
    for (let x = top; x <= r; x++) heights.push(b.heightOf(x));
    flow.keep(top, heights);
    flow.keep(r + 1, [12]);
  };
  const dim = range("dimension");
  const countIf = (sr: SummaryRow, criteria: string, value: number): CellInput => ({
    formula: `COUNTIFS(${dim},${crit(sr.criterion)},${criteria})`, result: value,
  });
  const sumIf = (sr: SummaryRow, field: Field, value: number): CellInput => ({ formula: `SUMIF(${dim},${crit(sr.criterion)},${range(field)})`, result: value });
  const c = col;
  const [E, F, G, H, I, J, K, L] = [c("name"), c("planned"), c("ordinance"), c("disbursed"), c("inOrdinance"), c("status"), c("reason"), c("remark")] as const;
  // e-PlanNACC counts only the items with a budget here: the heading says so, beside the plan's count
  const ofAll = `จากทั้งหมด ${ctx.num(total.items)} รายการในแผน`;
  table(tables[0] as number, `(${ctx.num(1)}) จำนวนโครงการและงบประมาณตามแผนพัฒนาท้องถิ่น (ระบบ e-PlanNACC นับเฉพาะรายการที่มีงบประมาณตามแผน ${ofAll})`, [
    { from: E, to: G, header: "จำนวนโครงการ", value: (sr) => countIf(sr, `${range("planned")},">0"`, sr.totals.plannedItems), format: f.count },
    { from: H, to: L, header: "งบประมาณ (บาท)", value: (sr) => sumIf(sr, "planned", sr.totals.planned), format: f.amount },
  ]);
  table(tables[1] as number, `(${ctx.num(2)}) จำนวนโครงการและงบประมาณตามข้อบัญญัติ/เทศบัญญัติ/แผนการดำเนินงาน (นับเฉพาะรายการที่บรรจุในข้อบัญญัติ ${ofAll})`, [
    { from: E, to: G, header: "จำนวนโครงการ", value: (sr) => countIf(sr, `${range("inOrdinance")},"${YES}"`, sr.totals.ordinanceItems), format: f.count },
    { from: H, to: L, header: "งบประมาณ (บาท)", value: (sr) => sumIf(sr, "ordinance", sr.totals.ordinance), format: f.amount },
  ]);
  table(tables[2] as number, `(${ctx.num(3)}) การเบิกจ่ายงบประมาณ`, [
    { from: E, to: E, header: "ตามแผนพัฒนาท้องถิ่น (บาท)", value: (sr) => sumIf(sr, "planned", sr.totals.planned), format: f.amount },
    { from: F, to: H, header: "ตามข้อบัญญัติ/เทศบัญญัติ (บาท)", value: (sr) => sumIf(sr, "ordinance", sr.totals.ordinance), format: f.amount },
    { from: I, to: L, header: "เบิกจ่ายจริง (บาท)", value: (sr) => sumIf(sr, "disbursed", sr.totals.disbursed), format: f.amount },
  ]);
  const status = range("status");
  const byStatus = (sr: SummaryRow, st: RoundStatus) => countIf(sr, `${status},"${STATUS_TEXT[st]}"`, sr.totals.byStatus[st]);
  const reported = (t: RoundTotals) => t.byStatus.inProgress + t.byStatus.done + t.byStatus.notPossible;
  const waiting = (t: RoundTotals) => t.byStatus.notStarted + t.byStatus.notReported;
  // (๔): บรรจุ · ระหว่าง · เสร็จ · ไม่สามารถ · รวมทั้งสิ้น · รอรายงานผล · ผลการนำแผนไปปฏิบัติ
  const [doing, done, total4, wait] = [F, G, I, J].map(columnLetter);
  table(tables[3] as number, `(${ctx.num(4)}) สถานะการดำเนินงาน`, [
    { from: E, to: E, header: "บรรจุในข้อบัญญัติ", value: (sr) => countIf(sr, `${range("inOrdinance")},"${YES}"`, sr.totals.ordinanceItems), format: f.count },
    { from: F, to: F, header: STATUS_TEXT.inProgress, value: (sr) => byStatus(sr, "inProgress"), format: f.count },
    { from: G, to: G, header: STATUS_TEXT.done, value: (sr) => byStatus(sr, "done"), format: f.count },
    { from: H, to: H, header: STATUS_TEXT.notPossible, value: (sr) => byStatus(sr, "notPossible"), format: f.count },
    { from: I, to: I, header: REPORTED_HEADER, value: (sr, r) => ({ formula: `SUM(${doing}${r}:${columnLetter(H)}${r})`, result: reported(sr.totals) }), format: f.count },
    {
      from: J, to: J, header: "รอรายงานผล",
      value: (sr) => ({
        formula: `COUNTIFS(${dim},${crit(sr.criterion)},${status},"${STATUS_TEXT.notStarted}")+COUNTIFS(${dim},${crit(sr.criterion)},${status},"${STATUS_TEXT.notReported}")`,
        result: waiting(sr.totals),
      }),
      format: f.count,
    },
    {
      from: K, to: L, header: "ผลการนำแผนไปปฏิบัติ (ร้อยละ)",
      value: (sr, r) => ({
        formula: `IF(${total4}${r}+${wait}${r}=0,0,ROUND((${done}${r}+${doing}${r}*0.5)/(${total4}${r}+${wait}${r})*100,2))`,
        result: sr.totals.implementationScore,
      }),
      format: f.percent, derived: true,
    },
  ]);
  const legend = `ผลการนำแผนไปปฏิบัติ = (ดำเนินการแล้วเสร็จ × ${ctx.num(1)} + อยู่ระหว่างดำเนินการ × ${ctx.num("0.5")}) ÷ จำนวนโครงการ × ${ctx.num(100)} ` +
    `โดยจำนวนโครงการ = ${REPORTED_HEADER} + รอรายงานผล = ทุกรายการในแผนของปีนี้ (ตัวเลขเดียวกับส่วนที่ ${ctx.num(3)} และสรุปภาพรวม) · รอรายงานผล คือ รายการที่ยังไม่ดำเนินการหรือยังไม่มีผลการดำเนินงานในรอบนี้`;
  b.area(legendRow, 1, legendRow, LAST, legend, { ...STYLE.text, fontSize: 14 });
  b.height(legendRow, rowHeightPt(linesFor(legend, all, 14), 14));
  flow.keep(legendRow, [b.heightOf(legendRow)]);
  b.height(legendRow + 1, 12);

  // the item block, for keying into e-PlanNACC: on a page of its own, its header on every page
  const blockHeading = `รายการสำหรับบันทึกผลในระบบ e-PlanNACC รอบ ${ctx.num(ctx.round)} เดือน (เรียงตามแผนปฏิบัติการ)`;
  b.area(blockTitle, 1, blockTitle, LAST, blockHeading, { bold: true, vertical: "middle" });
  b.height(blockTitle, line);
  FIELDS.forEach((fd, i) => b.area(header, i + 1, header, i + 1, fd.header, STYLE.header));
  b.height(header, Math.max(...FIELDS.map((fd) => rowHeightPt(linesFor(fd.header, fd.width, SIZE), SIZE))));
  flow.newPage(blockTitle);
  flow.keep(blockTitle, [b.heightOf(blockTitle), b.heightOf(header)]);
  flow.repeat(b.heightOf(header));
  const body: CellStyle = { ...STYLE.body, fontSize: ITEM_SIZE };
  const center: CellStyle = { ...body, horizontal: "center" };
  const money: CellStyle = { ...body, horizontal: "right", numFmt: f.amount };
  items.forEach((r, i) => {
    const at = first + i;
    const texts: Record<Field, CellInput> = {
      no: i + 1,
      code: r.item.code ? digitsInText(ctx, r.item.code) : "-",
      dimension: r.item.dimension ?? UNPLACED,
      kind: r.item.kind ? KIND_WORD[r.item.kind] : UNPLACED,
      name: normalizeSpace(r.item.name) || "-",
      planned: r.planned,
      ordinance: r.ordinance ?? 0,
      disbursed: r.disbursed,
      inOrdinance: r.inOrdinance ? YES : NO,
      status: STATUS_TEXT[r.status],
      reason: digitsInText(ctx, reasonOf(r)),
      remark: digitsInText(ctx, remarkOf(ctx, r)),
    };
    let lines = 1;
    FIELDS.forEach((fd, c0) => {
      const v = texts[fd.key];
      const style = fd.key === "no" || fd.key === "dimension" ? { ...center, numFmt: f.count }
        : fd.key === "code" || fd.key === "kind" || fd.key === "inOrdinance" ? center
          : fd.key === "planned" || fd.key === "ordinance" || fd.key === "disbursed" ? money : body;
      b.area(at, c0 + 1, at, c0 + 1, v, style);
      if (typeof v === "string") lines = Math.max(lines, linesFor(v, fd.width, ITEM_SIZE));
    });
    b.height(at, rowHeightPt(lines, ITEM_SIZE));
    flow.keep(at, [b.heightOf(at)]);
  });
  if (items.length === 0) {
    b.area(first, 1, first, LAST, "ไม่มีรายการในแผนปฏิบัติการสำหรับปีงบประมาณนี้", { ...STYLE.body, horizontal: "center", italic: true });
    b.height(first, line);
  }
  let lastRow = last;
  // rows of the round whose code is no plan item (M1) are said, never dropped silently
  const unmatched = ctx.summary.unmatched;
  if (unmatched.length > 0) {
    const codes = [...new Set(unmatched.map((p) => p.code ?? "(ไม่มีรหัส)"))].join(", ");
    const text = `หมายเหตุ: ผลการดำเนินงานรายเดือน ${ctx.num(unmatched.length)} รายการ มีรหัสที่ไม่มีในแผนปฏิบัติการ (${codes}) จึงไม่ได้นับในสรุปนี้`;
    lastRow = last + 1;
    // the codes as typed (as the item block shows them), so that the rows can be found
    b.area(lastRow, 1, lastRow, LAST, text, { ...STYLE.text, fontSize: 14, italic: true });
    b.height(lastRow, rowHeightPt(linesFor(text, all, 14), 14));
    flow.keep(lastRow, [b.heightOf(lastRow)]);
  }
  b.defaultHeights(line);
  // the item block's pages evenly filled (paging.ts `balanced`): its rows flowed onto full pages left the last
  // one with a remnant; the block starts its own page, so only its breaks are laid out again
  const blockRows: number[] = [];
  for (let r = first; r <= lastRow; r++) blockRows.push(r);
  const blockLayout = (fill: number) => {
    const f2 = new PageFlow(fill, b.heightOf(blockTitle) + b.heightOf(header), b.heightOf(header));
    blockRows.forEach((r) => f2.keep(r, [b.heightOf(r)]));
    return { pages: f2.pages, lastUsed: f2.used, breaks: f2.breaks };
  };
  const pageBreaks = [...flow.breaks.filter((r) => r <= blockTitle), ...balanced(capacity, blockLayout).breaks].sort((x, y) => x - y);
  const spec = b.toSpec({
    name: REPORT_SHEETS.eplan,
    columns: COLUMNS,
    font: REPORT_FONT,
    print: {
      orientation: "landscape", paper: "A4", fitToWidth: true, printTitleRows: `${header}:${header}`,
      printArea: rangeAddress(printFrom, 1, lastRow, LAST), footer: footerOf(ctx),
      ...(pageBreaks.length > 0 ? { pageBreaks } : {}),
    },
  });
  return { spec, block };
}

/** A column (or merged columns) of a summary table: its header, each row's figure, its number format. */
interface Span {
  readonly from: number;
  readonly to: number;
  readonly header: string;
  readonly value: (r: SummaryRow, row: number) => CellInput;
  readonly format: string;
  /** Computed from the other figures of its row (the total row too), not summed down the column. */
  readonly derived?: boolean;
}

/** "มิติที่ ๑" (e-PlanNACC's row label), "ไม่ระบุมิติ". */
export function shortLabel(sr: SummaryRow): string {
  return /^มิติที่ \S+/.exec(sr.label)?.[0] ?? sr.label;
}

/** A COUNTIFS/SUMIF criterion: a number as it is, a word quoted. */
function crit(c: number | string): string {
  return typeof c === "number" ? String(c) : `"${c.replace(/"/g, '""')}"`;
}

export function eplanSummarySheet(ctx: ReportContext): SheetSpec {
  return eplanSummary(ctx).spec;
}
