/**
 * `แผนรายปี e-PlanNACC`: the list e-PlanNACC prints for one fiscal year (seed 003, L2998–3417: one list per
 * year 2566–2570; the 2569 one L3256–3336), landscape, for the report's fiscal year:
 *
 *   แผนปฏิบัติการป้องกันการทุจริต พ.ศ. 2569 ของ เทศบาลนครนครศรีธรรมราช              (L3256, again on every page)
 *   ลำดับ | รายการโครงการ (ตั้งต้น) | มิติ | งบประมาณ (บาท) | ดำเนินการไตรมาส | หมายเหตุ   (L3258)
 *                                                          |  1  2  3  4 |            (L3259)
 *   1 | โครงการ… | 2 | 0.00 | ☑ ☑ ☑ ☑ |                                              (L3260…)
 *   รวมทั้งสิ้น | 750,000.00 | 47 47 47 45                                            (L3322)
 *   ** ข้อมูล ณ วันที่ 15 พฤศจิกายน 2565 · ชื่อ - สกุล ผู้ออกรายงาน … · คำอธิบาย + มิติ 1 … มิติ 4 …   (L3324–3336)
 *
 * One row per plan item active in the year, in the plan table's order, named as the plan names it (the
 * list carries no codes: e-PlanNACC has none). Budgets are the plan's for the year, so the list's total is
 * the plan table's column for that year — seed 003's 2569 list says 750,100.00 against the plan's 750,000
 * (a 100.00 typed on L3266), the error this sheet exists to prevent. The total row is live: SUM of the
 * budgets and COUNTIF of the ticks per quarter (seed 003's stated 46 for quarter 4 where 47 rows are ticked).
 *
 * The layout is the printout's, which the annual-list reader (workbook/annual-list.ts, `sujarit annual-list`)
 * was built from: the reader reads this sheet back and finds it equal to the plan (tested).
 */
import { formatThaiDate } from "../../domain/calendar";
import type { PlanItem } from "../../domain/plan";
import { normalizeSpace } from "../../domain/thai";
import { rangeAddress } from "../a1";
import type { CellStyle, SheetSpec } from "../grid";
import { charsToFit, linesFor, rowHeightPt } from "../text-size";
import { SheetBuilder } from "./builder";
import { footerOf, noteRow, type ReportContext } from "./context";
import { REPORT_SHEETS } from "./names";
import { balanced, pageCapacity, PageFlow } from "./paging";
import { nodeName } from "./labels";
import { orderedItems } from "./part1-plan";
import { REPORT_FONT, STYLE } from "./style";
import { sumBaht, ZERO_BAHT } from "../../domain/units";

/** The mark e-PlanNACC prints in a planned quarter's cell (seed 003 L3260). */
export const TICK = "☑";

const COL = { seq: 1, name: 2, dimension: 3, budget: 4, q1: 5, note: 9 } as const;
/**
 * A name column where names take one line (at 66 characters most took two: 5 rows a page; at 102, 11 of the
 * sample's 39 took two and three pages could not hold its list with the notes under it; issue 13).
 */
const WIDTH = { seq: 8, name: 125, dimension: 7, budget: 16, quarter: 5, note: 21 } as const;
/** The item rows in 14 pt, as the system's printout is set smaller than the report's 16 pt (seed 003 L3260: 14 rows a page). */
const ROW_SIZE = 14;

/**
 * The sheet's columns; the budget's at least as wide as the list's total needs in the report's digits (seed 001's
 * ๓๘๕,๐๐๐.๐๐ wrapped after its first decimal in 16: Thai digits are a quarter wider than Arabic ones).
 */
function columnWidths(ctx: ReportContext, total: number): number[] {
  const text = ctx.num(total.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 }));
  const budget = charsToFit([text], REPORT_FONT.size, WIDTH.budget);
  return [WIDTH.seq, WIDTH.name, WIDTH.dimension, budget, WIDTH.quarter, WIDTH.quarter, WIDTH.quarter, WIDTH.quarter, WIDTH.note];
}

/** The items of the list: every plan item active in the fiscal year (it has a budget entry for it), in plan order. */
export function annualItems(ctx: ReportContext): PlanItem[] {
  return orderedItems(ctx).filter((it) => ctx.fy in it.budgets);
}

/** When the list was made, as the printout says it: the day in Thailand (UTC+7), BE. */
export function dataDate(ctx: ReportContext): string {
  return ctx.num(formatThaiDate(new Date(ctx.now.getTime() + 7 * 3_600_000)));
}

export function annualListSheet(ctx: ReportContext): SheetSpec {
  const b = new SheetBuilder();
  const size = REPORT_FONT.size;
  const line = rowHeightPt(1, size);
  const last = COL.note;
  const { printFrom } = noteRow(b, ctx, last);
  const s = ctx.model.settings;
  const count: CellStyle = { ...STYLE.body, horizontal: "center", numFmt: ctx.formats.count };
  const items = annualItems(ctx);
  const sum = sumBaht(items.map((it) => it.budgets[ctx.fy] ?? ZERO_BAHT));
  const widths = columnWidths(ctx, sum);
  const allWidth = widths.reduce((x, w) => x + w, 0);

  // the title, repeated on every page as the printout repeats it (L3256, L3275, L3293, L3314)
  const TITLE = 2;
  b.area(TITLE, 1, TITLE, last, `แผนปฏิบัติการป้องกันการทุจริต พ.ศ. ${ctx.num(ctx.fy)} ของ ${s.orgName || "-"}`, STYLE.title);
  b.height(TITLE, rowHeightPt(linesFor(String(b.rows[TITLE - 1]?.[0] ?? ""), allWidth, 18), 18));
  b.height(TITLE + 1, 6);
  const H1 = TITLE + 2;
  const H2 = H1 + 1;
  b.area(H1, COL.seq, H2, COL.seq, "ลำดับ", STYLE.header);
  b.area(H1, COL.name, H2, COL.name, "รายการโครงการ (ตั้งต้น)", STYLE.header);
  b.area(H1, COL.dimension, H2, COL.dimension, "มิติ", STYLE.header);
  b.area(H1, COL.budget, H2, COL.budget, "งบประมาณ (บาท)", STYLE.header);
  b.area(H1, COL.q1, H1, COL.q1 + 3, "ดำเนินการไตรมาส", STYLE.header);
  // the quarters as numbers (shown in the digits of the setting), as the reader expects a 1–4 row
  for (let q = 0; q < 4; q++) b.area(H2, COL.q1 + q, H2, COL.q1 + q, q + 1, { ...STYLE.header, numFmt: ctx.formats.count });
  b.area(H1, COL.note, H2, COL.note, "หมายเหตุ", STYLE.header);
  b.height(H1, rowHeightPt(linesFor("งบประมาณ (บาท)", widths[COL.budget - 1] ?? WIDTH.budget, size), size));
  b.height(H2, line);

  const first = H2 + 1;
  const heights = items.map((it) => Math.min(409, Math.max(
    rowHeightPt(linesFor(normalizeSpace(it.name), WIDTH.name, ROW_SIZE), ROW_SIZE),
    rowHeightPt(linesFor(normalizeSpace(it.note), WIDTH.note, ROW_SIZE), ROW_SIZE),
  )));
  const small: CellStyle = { ...STYLE.body, fontSize: ROW_SIZE };
  const smallCount: CellStyle = { ...count, fontSize: ROW_SIZE };
  items.forEach((it, i) => {
    const r = first + i;
    b.area(r, COL.seq, r, COL.seq, i + 1, smallCount);
    b.area(r, COL.name, r, COL.name, normalizeSpace(it.name) || "(ไม่มีชื่อ)", small);
    b.area(r, COL.dimension, r, COL.dimension, it.dimension ?? "-", smallCount);
    b.area(r, COL.budget, r, COL.budget, it.budgets[ctx.fy] ?? 0, { ...small, horizontal: "right", numFmt: ctx.formats.amount2 });
    for (let q = 0; q < 4; q++) {
      const planned = it.quarters.includes((q + 1) as 1 | 2 | 3 | 4);
      b.area(r, COL.q1 + q, r, COL.q1 + q, planned ? TICK : null, { ...small, horizontal: "center" });
    }
    b.area(r, COL.note, r, COL.note, normalizeSpace(it.note) || null, small);
    b.height(r, heights[i] ?? line);
  });
  let row = first + items.length;
  if (items.length === 0) {
    // one merged cell: the reader places it as a note, not as an item
    b.area(row, 1, row, last, `ไม่มีโครงการ/กิจกรรม/มาตรการในแผนสำหรับปีงบประมาณ พ.ศ. ${ctx.num(ctx.fy)}`, { ...STYLE.body, italic: true, horizontal: "center" });
    b.height(row, line);
    heights.push(line);
    row++;
  }
  const lastItem = row - 1;

  // รวมทั้งสิ้น: the budget's SUM and the ticks' COUNTIF per quarter, over the rows above (L3322)
  const total = row;
  const totalStyle: CellStyle = { ...STYLE.total, horizontal: "center" };
  b.area(total, COL.seq, total, COL.dimension, "รวมทั้งสิ้น", totalStyle);
  b.area(total, COL.budget, total, COL.budget, { formula: `SUM(${rangeAddress(first, COL.budget, lastItem, COL.budget)})`, result: sum }, { ...STYLE.total, horizontal: "right", numFmt: ctx.formats.amount2 });
  for (let q = 0; q < 4; q++) {
    const ticks = items.filter((it) => it.quarters.includes((q + 1) as 1 | 2 | 3 | 4)).length;
    const c = COL.q1 + q;
    b.area(total, c, total, c, { formula: `COUNTIF(${rangeAddress(first, c, lastItem, c)},"${TICK}")`, result: ticks }, { ...totalStyle, numFmt: ctx.formats.count });
  }
  b.area(total, COL.note, total, COL.note, null, STYLE.total);
  b.height(total, line);

  // under the table (L3324–3336): the date of the data, who issued it, the legend of the four มิติ
  const under: { text: string; style?: CellStyle; height?: number }[] = [
    { text: "", height: 10 },
    { text: `** ข้อมูล ณ วันที่ ${dataDate(ctx)}` },
    { text: `ชื่อ - สกุล ผู้ออกรายงาน ${s.reporter || "-"}` },
    { text: "", height: 10 },
    { text: "คำอธิบาย", style: { bold: true } },
    ...[1, 2, 3, 4].map((d) => ({ text: `มิติ ${ctx.num(d)} ${nodeName(ctx, String(d)) ?? "-"}` })),
  ];
  under.forEach((u, i) => {
    const r = total + 1 + i;
    // in the rows' 14 pt, as the printout sets its notes (L3324–3336)
    if (u.text) b.area(r, 1, r, last, u.text, { vertical: "top", fontSize: ROW_SIZE, ...u.style });
    b.height(r, u.height ?? rowHeightPt(linesFor(u.text, allWidth, ROW_SIZE), ROW_SIZE));
  });
  const end = total + under.length;

  // pages (issue 13): a manual break wherever a page is full, the last two rows kept with the total and the notes
  // under the table (the legend printed alone on a fourth page before), and the pages evenly filled (paging.ts
  // `balanced`). Heights are the ones written: the rows' are measured at 14 pt; the title and header repeat.
  const repeated = [TITLE, TITLE + 1, H1, H2].reduce((x, r) => x + b.heightOf(r), 0);
  const banner = printFrom === 1 ? b.heightOf(1) : 0;
  const tail = [total, ...under.map((_, i) => total + 1 + i)].map((r) => b.heightOf(r));
  const together = Math.min(2, heights.length);
  const layOut = (fill: number) => {
    const flow = new PageFlow(fill, banner + repeated, repeated);
    heights.slice(0, heights.length - together).forEach((h, i) => flow.keep(first + i, [h]));
    flow.keep(first + heights.length - together, [...heights.slice(heights.length - together), ...tail]);
    return { pages: flow.pages, lastUsed: flow.used, breaks: flow.breaks };
  };
  const capacity = pageCapacity("landscape", widths);
  const { breaks } = balanced(capacity, layOut);

  return b.toSpec({
    name: REPORT_SHEETS.annualList,
    columns: widths,
    font: REPORT_FONT,
    print: {
      orientation: "landscape", paper: "A4", fitToWidth: true, printTitleRows: `${TITLE}:${H2}`,
      printArea: rangeAddress(printFrom, 1, end, last), footer: footerOf(ctx),
      ...(breaks.length > 0 ? { pageBreaks: breaks } : {}),
    },
  });
}
