/**
 * `ส่วนที่1 แผน`: the plan table as the plans and the report print it (seed 000 L283–339, seed 001 L83–170,
 * seed 003 L111–191), landscape:
 *
 *   รายละเอียดแผนปฏิบัติการป้องกันการทุจริต ๔ ปี                                 (seed 001 L83)
 *   (พ.ศ. ๒๕๖๑ - ๒๕๖๔) ของเทศบาลตำบลก้อ อำเภอลี้ จังหวัดลำพูน                      (seed 001 L84)
 *   มิติ | ภารกิจตามมิติ | โครงการ/กิจกรรม/มาตรการ | ปี ๒๕๖๑ … | หมายเหตุ           (seed 001 L86)
 *                                                 | งบประมาณ (บาท) …           (seed 001 L87)
 *   dimension and mission cells merged down their items, one item per row
 *   มิติที่ ๑ | รวม | ๑๒ โครงการ ๒ กิจกรรม ๔ มาตรการ | yearly sums                  (seed 001 L105, seed 000 L298)
 *   รวมทั้งสิ้น | counts | yearly sums                                              (seed 003 L191)
 *
 * Unlike the seeds: never several items packed into one cell (seed 001 L110, L115), and the รวม rows are
 * live formulas — COUNTIF over a kind column beside the table (outside the print area) and SUM over the
 * dimension's item rows — so their counts and sums cannot be wrong the way seed 001's four and seed 000's
 * (B7) are. Each count is its own cell, a number whose format adds the kind word ("๑๒ โครงการ"), so that it
 * is a number for the formula and reads like the seeds on paper.
 *
 * Also exported for the annual list and the cards: the plan's items grouped and ordered the way this table
 * prints them, and their labels.
 */
import { KIND_WORD, type ItemKind, stripNumbering } from "../../domain/kinds";
import type { PlanItem } from "../../domain/plan";
import { normalizeSpace } from "../../domain/thai";
import { type DimensionNo, sumBaht, ZERO_BAHT } from "../../domain/units";
import { absoluteRange, columnLetter, rangeAddress } from "../a1";
import type { CellInput, CellStyle, SheetSpec } from "../grid";
import { linesFor, rowHeightPt, textWidthPx } from "../text-size";
import { SheetBuilder } from "./builder";
import { footerOf, noteRow, orgLine, placeOf, planPeriod, type ReportContext } from "./context";
import { missionLabel, nodeName } from "./labels";
import { REPORT_SHEETS } from "./names";
import { balanced, pageCapacity, type PagedLayout, PageFlow } from "./paging";
import { REPORT_FONT, STYLE, THAI_DIGITS } from "./style";

/* ---------- the plan's items, grouped as the table prints them ---------- */

export interface MissionGroup {
  /** The mission's code, undefined for items without one. */
  readonly code: string | undefined;
  /** "๑.๑ การเสริมสร้างจิตสำนึก…", or an honest word where the framework has no such mission. */
  readonly label: string;
  readonly items: readonly PlanItem[];
}

export interface DimensionGroup {
  readonly dimension: DimensionNo | undefined;
  /** "๑. การสร้างวัฒนธรรมสุจริต" (seed 000 L287), "ไม่ระบุมิติ" for items without one. */
  readonly label: string;
  /** "มิติที่ ๑" (the รวม row, seed 001 L105). */
  readonly shortLabel: string;
  /** The dimension's name alone ("การสร้างวัฒนธรรมสุจริต"), "" when the framework does not name it. */
  readonly name: string;
  readonly missions: readonly MissionGroup[];
}

const byCode = (a: string, b: string) => {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? -1) - (pb[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
};


/**
 * Every dimension of the framework (an empty one too: a plan shows all four), then dimensions the plan uses
 * that the framework lacks, then the items without a dimension; within one, missions in the framework's
 * order, then mission codes the framework lacks, then the items without a mission; items in plan order.
 */
export function planGroups(ctx: ReportContext): DimensionGroup[] {
  const items = ctx.model.items;
  const fromFramework = ctx.model.framework.filter((n) => n.level === "dimension").map((n) => Number(n.code));
  const used = items.map((it) => it.dimension).filter((d): d is DimensionNo => d !== undefined);
  const numbers = [...new Set([...fromFramework.filter((d): d is DimensionNo => d >= 1 && d <= 4), ...used])].sort((a, b) => a - b);
  const keys: (DimensionNo | undefined)[] = [...numbers];
  if (items.some((it) => it.dimension === undefined)) keys.push(undefined);
  return keys.map((d) => {
    const mine = items.filter((it) => it.dimension === d);
    const codes = [...new Set(mine.map((it) => it.mission as string | undefined))];
    const known = codes.filter((c): c is string => c !== undefined && nodeName(ctx, c) !== undefined).sort(byCode);
    const unknown = codes.filter((c): c is string => c !== undefined && nodeName(ctx, c) === undefined);
    const order: (string | undefined)[] = [...known, ...unknown, ...(codes.includes(undefined) ? [undefined] : [])];
    const name = d === undefined ? "" : (nodeName(ctx, String(d)) ?? "");
    return {
      dimension: d,
      label: d === undefined ? "ไม่ระบุมิติ" : name ? `${ctx.num(d)}. ${name}` : `มิติที่ ${ctx.num(d)}`,
      shortLabel: d === undefined ? "ไม่ระบุมิติ" : `มิติที่ ${ctx.num(d)}`,
      name,
      missions: order.map((code) => ({ code, label: code === undefined ? "-" : missionLabel(ctx, code), items: mine.filter((it) => (it.mission as string | undefined) === code) })),
    };
  });
}

/** The plan's items in the order the plan table prints them. */
export function orderedItems(ctx: ReportContext): PlanItem[] {
  return planGroups(ctx).flatMap((g) => g.missions.flatMap((m) => m.items));
}

/** "2.2.1(1)" → "๒.๒.๑ (๑)", the numbering as the seeds print it (seed 001 L110). */
export function printedCode(ctx: ReportContext, code: string): string {
  return ctx.num(code.replace(/\s*\(/g, " ("));
}

/** The item's name with its numbering in front, as the plan table prints it ("๑.๑.๓ โครงการ…", seed 000 L289). */
export function itemTitle(ctx: ReportContext, item: PlanItem): string {
  const name = normalizeSpace(item.name) || "(ไม่มีชื่อ)";
  const numbered = stripNumbering(name) !== name;
  return item.code && !numbered ? `${printedCode(ctx, item.code)} ${name}` : name;
}

/* ---------- the sheet ---------- */

/** The kinds counted in the รวม rows, in the order they are printed, with the word the kind column holds. */
interface CountKind {
  readonly kind: ItemKind | undefined;
  readonly word: string;
}
const UNKNOWN_KIND = "ไม่ระบุประเภท";

function countKinds(items: readonly PlanItem[]): CountKind[] {
  const base: CountKind[] = (["project", "activity", "measure"] as const).map((k) => ({ kind: k, word: KIND_WORD[k] }));
  if (items.some((it) => it.kind === "guideline")) base.push({ kind: "guideline", word: KIND_WORD.guideline });
  if (items.some((it) => it.kind === undefined)) base.push({ kind: undefined, word: UNKNOWN_KIND });
  return base;
}

const kindWord = (item: PlanItem) => (item.kind ? KIND_WORD[item.kind] : UNKNOWN_KIND);

/**
 * Official density (issue 13): the name and ภารกิจ columns wide enough that most names take one or two lines
 * and a mission's label rarely makes its first item's row taller than the item needs (at 48 and 25
 * characters the sample's names took 2–3 lines and its labels 8–9: 5 item rows a page). Fit to one page
 * wide, the sheet prints at about 70 %.
 */
const WIDTH = { dimension: 18, mission: 32, name: 84, year: 12, note: 22, kind: 14 } as const;
/**
 * The item rows in 14 pt, the headings and totals in the report's 16 pt: official plan tables set their rows in
 * the 14–16 pt class (the e-PlanNACC printout 14 pt, seed 003 L3260), and at 16 pt the sample's names took two
 * lines where 14 pt takes one — 11/15/10/3 item rows on four pages where three pages of 13 fit (issue 13).
 */
const ROW_SIZE = 14;
const BODY: CellStyle = { ...STYLE.body, fontSize: ROW_SIZE };
const TOTAL: CellStyle = STYLE.total;

/** The sheet laid out at a page fill, with what `balanced` needs to know of its pages. */
interface Part1Layout extends PagedLayout {
  readonly spec: SheetSpec;
  /** A full page's points of rows at this sheet's print scale. */
  readonly capacity: number;
}

/** Part 1 with its pages evenly filled (paging.ts `balanced`): never a last page holding three rows and the totals. */
export function part1Sheet(ctx: ReportContext): SheetSpec {
  const full = layOutPart1(ctx);
  return balanced(full.capacity, (fill) => (fill === full.capacity ? full : layOutPart1(ctx, fill))).spec;
}

/** Part 1 with pages of `fill` points of rows (a full page when not given); every page ends at a manual break. */
function layOutPart1(ctx: ReportContext, fill?: number): Part1Layout {
  const b = new SheetBuilder();
  const size = REPORT_FONT.size;
  const line = rowHeightPt(1, size);
  const groups = planGroups(ctx);
  const kinds = countKinds(ctx.model.items);
  const years = ctx.planYears;

  // columns: มิติ · ภารกิจ · the name over one column per counted kind · one per year · หมายเหตุ · ประเภท (not printed)
  const C = { dimension: 1, mission: 2, name: 3 } as const;
  const nameLast = C.name + kinds.length - 1;
  const yearCol = (i: number) => nameLast + 1 + i;
  const noteCol = nameLast + 1 + years.length;
  const kindCol = noteCol + 1;
  // a count is a number, and numbers never wrap (they show ### when too wide): each count column is as wide
  // as its "๑๒ โครงการ" needs, the name spanning them all
  const most = Math.max(1, ...kinds.map((k) => ctx.model.items.filter((it) => it.kind === k.kind).length));
  const countWidths = kinds.map((k) => Math.ceil((textWidthPx(`${ctx.num(most)} ${k.word}`, size) * 1.1 + 14) / 7));
  const spare = Math.max(0, WIDTH.name - countWidths.reduce((x, w) => x + w, 0)) / kinds.length;
  const kindWidths = countWidths.map((w) => Math.round((w + spare) * 10) / 10);
  const nameWidth = kindWidths.reduce((x, w) => x + w, 0);
  // amounts print with satang: a year column is as wide as its largest figure (the grand total) needs
  const largest = Math.max(0, ...years.map((y) => ctx.model.items.reduce((x, it) => x + (it.budgets[y] ?? 0), 0)));
  const largestText = ctx.num(largest.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 }));
  const yearWidth = Math.max(WIDTH.year, Math.ceil((textWidthPx(largestText, size) * 1.1 + 16) / 7));
  const widths = [WIDTH.dimension, WIDTH.mission, ...kindWidths, ...years.map(() => yearWidth), WIDTH.note, WIDTH.kind];
  const printedWidths = widths.slice(0, noteCol);

  const { printFrom } = noteRow(b, ctx, noteCol);
  const s = ctx.model.settings;
  // seed 001 L83–84: the title over two lines
  b.area(2, 1, 2, noteCol, `รายละเอียดแผนปฏิบัติการป้องกันการทุจริต ${ctx.num(years.length)} ปี`, STYLE.title);
  const whose = s.orgName ? ` ของ${orgLine(ctx)}` : placeOf(ctx) ? ` ${placeOf(ctx)}` : "";
  b.area(3, 1, 3, noteCol, `(${planPeriod(ctx)})${whose}`, STYLE.title);
  const titleWidth = printedWidths.reduce((x, w) => x + w, 0);
  b.height(2, rowHeightPt(linesFor(String(b.rows[1]?.[0] ?? ""), titleWidth, 18), 18));
  b.height(3, rowHeightPt(linesFor(String(b.rows[2]?.[0] ?? ""), titleWidth, 18), 18));
  b.height(4, 6);

  // the header, repeated on every page (seed 001 L86–87, repeated L102–103 …)
  const H1 = 5;
  const H2 = 6;
  b.area(H1, C.dimension, H2, C.dimension, "มิติ", STYLE.header);
  b.area(H1, C.mission, H2, C.mission, "ภารกิจตามมิติ", STYLE.header);
  b.area(H1, C.name, H2, nameLast, "โครงการ/กิจกรรม/มาตรการ", STYLE.header);
  years.forEach((y, i) => {
    b.area(H1, yearCol(i), H1, yearCol(i), `ปี ${ctx.num(y)}`, STYLE.header);
    b.area(H2, yearCol(i), H2, yearCol(i), "งบประมาณ\n(บาท)", STYLE.header);
  });
  b.area(H1, noteCol, H2, noteCol, "หมายเหตุ", STYLE.header);
  b.area(H1, kindCol, H2, kindCol, "ประเภท (สำหรับสูตรนับ ไม่พิมพ์)", { ...STYLE.note, wrap: true, vertical: "middle", horizontal: "center" });
  b.height(H1, line);
  b.height(H2, rowHeightPt(2, size));
  const headerHeight = b.heightOf(H1) + b.heightOf(H2);
  const banner = printFrom === 1 ? b.heightOf(1) : 0; // the draft banner prints on the first page
  const capacity = pageCapacity("landscape", printedWidths);
  const pager = new PageFlow(fill ?? capacity, banner + b.heightOf(2) + b.heightOf(3) + b.heightOf(4) + headerHeight, headerHeight);

  const amountStyle: CellStyle = { ...BODY, horizontal: "right", numFmt: ctx.formats.amount };
  const countFormat = (word: string) => `${ctx.digits === "thai" ? THAI_DIGITS : ""}0" ${word}";;""`;
  const totalHeight = rowHeightPt(1, size);

  let row = H2 + 1;
  const dimensionTotals: number[] = [];
  for (const g of groups) {
    const first = row;
    const items = g.missions.flatMap((m) => m.items);
    if (items.length === 0) {
      // a dimension the plan has nothing in still shows, honestly (seeds always print all four)
      b.area(row, C.dimension, row, C.dimension, g.label, BODY);
      b.area(row, C.mission, row, C.mission, "-", BODY);
      b.area(row, C.name, row, nameLast, "ไม่มีโครงการ/กิจกรรม/มาตรการในมิตินี้", { ...BODY, italic: true });
      years.forEach((_, i) => b.area(row, yearCol(i), row, yearCol(i), null, amountStyle));
      b.area(row, noteCol, row, noteCol, null, BODY);
      const h = Math.max(rowHeightPt(linesFor(g.label, WIDTH.dimension, ROW_SIZE), ROW_SIZE), rowHeightPt(1, ROW_SIZE));
      b.height(row, h);
      const tail = g === groups[groups.length - 1] ? 2 * totalHeight : totalHeight;
      if (!pager.fits(h + tail) && pager.rowsOnPage > 0) pager.newPage(row);
      pager.add(h);
      row++;
    } else {
      // the last dimension's last item keeps its รวม row and the รวมทั้งสิ้น row on its page
      const tail = g === groups[groups.length - 1] ? 2 * totalHeight : totalHeight;
      row = itemRows(ctx, b, pager, g, row, { C, nameLast, yearCol, noteCol, kindCol, nameWidth, tailHeight: tail, amountStyle });
    }
    // the dimension's รวม row: counts by kind and the yearly sums, over its own item rows
    const last = row - 1;
    const t = row;
    b.area(t, C.dimension, t, C.dimension, g.shortLabel, { ...TOTAL, horizontal: "center" });
    b.area(t, C.mission, t, C.mission, "รวม", { ...TOTAL, horizontal: "center" });
    kinds.forEach((k, i) => {
      const n = items.filter((it) => it.kind === k.kind).length;
      const range = absoluteRange(first, kindCol, last, kindCol);
      b.area(t, C.name + i, t, C.name + i, { formula: `COUNTIF(${range},"${k.word}")`, result: n }, { ...TOTAL, horizontal: "center", numFmt: countFormat(k.word) });
    });
    years.forEach((y, i) => {
      const sum = sumBaht(items.map((it) => it.budgets[y] ?? ZERO_BAHT));
      b.area(t, yearCol(i), t, yearCol(i), { formula: `SUM(${rangeAddress(first, yearCol(i), last, yearCol(i))})`, result: sum }, { ...TOTAL, horizontal: "right", numFmt: ctx.formats.amount });
    });
    b.area(t, noteCol, t, noteCol, null, TOTAL);
    b.height(t, totalHeight);
    pager.keep(t, [totalHeight]);
    dimensionTotals.push(t);
    row++;
  }

  // รวมทั้งสิ้น: the sum of the dimensions' รวม rows (seed 003 L191)
  const grand = row;
  b.area(grand, C.dimension, grand, C.mission, "รวมทั้งสิ้น", { ...TOTAL, horizontal: "center" });
  const refs = (col: number) => dimensionTotals.map((r) => `${columnLetter(col)}${r}`).join(",");
  kinds.forEach((k, i) => {
    const n = ctx.model.items.filter((it) => it.kind === k.kind).length;
    b.area(grand, C.name + i, grand, C.name + i, dimensionTotals.length > 0 ? { formula: `SUM(${refs(C.name + i)})`, result: n } : n, { ...TOTAL, horizontal: "center", numFmt: countFormat(k.word) });
  });
  years.forEach((y, i) => {
    const sum = sumBaht(ctx.model.items.map((it) => it.budgets[y] ?? ZERO_BAHT));
    b.area(grand, yearCol(i), grand, yearCol(i), dimensionTotals.length > 0 ? { formula: `SUM(${refs(yearCol(i))})`, result: sum } : sum, { ...TOTAL, horizontal: "right", numFmt: ctx.formats.amount });
  });
  b.area(grand, noteCol, grand, noteCol, null, TOTAL);
  b.height(grand, totalHeight);
  pager.keep(grand, [totalHeight]);

  const spec = b.toSpec({
    name: REPORT_SHEETS.part1,
    columns: widths,
    font: REPORT_FONT,
    print: {
      orientation: "landscape", paper: "A4", fitToWidth: true, printTitleRows: `${H1}:${H2}`,
      printArea: rangeAddress(printFrom, 1, grand, noteCol), footer: footerOf(ctx),
      ...(pager.breaks.length > 0 ? { pageBreaks: pager.breaks } : {}),
    },
  });
  return { spec, capacity, pages: pager.pages, lastUsed: pager.used };
}


interface Layout {
  readonly C: { readonly dimension: number; readonly mission: number; readonly name: number };
  readonly nameLast: number;
  readonly yearCol: (i: number) => number;
  readonly noteCol: number;
  readonly kindCol: number;
  readonly nameWidth: number;
  /** What must follow the dimension's last item on its page: its รวม row (and รวมทั้งสิ้น after the last dimension). */
  readonly tailHeight: number;
  readonly amountStyle: CellStyle;
}

/**
 * One dimension's item rows from `first`; returns the next free row. The dimension and mission cells are
 * merged down their rows on each page — a merged cell cut by a page break prints its text on one side only,
 * as the seeds' scans show (seed 001 L102–104: the mission cell left blank after the break) — so on a new
 * page the labels start again. The last row of a label's run grows where the label needs more height than
 * its rows have, and the dimension's last item stays on the page of its รวม row.
 */
function itemRows(ctx: ReportContext, b: SheetBuilder, pager: PageFlow, g: DimensionGroup, first: number, l: Layout): number {
  const need = (text: string, width: number) => Math.min(409, rowHeightPt(linesFor(text, width, ROW_SIZE), ROW_SIZE));
  const rows = g.missions.flatMap((m) => m.items.map((item) => ({
    item, mission: m,
    height: Math.max(need(itemTitle(ctx, item), l.nameWidth), need(normalizeSpace(item.note), WIDTH.note)),
  })));
  const heights = rows.map((r) => r.height);
  const dimNeed = need(g.label, WIDTH.dimension);
  const missionNeed = (m: MissionGroup) => need(m.label, WIDTH.mission);
  const dimRuns: [number, number][] = [];
  const missionRuns: [number, number, MissionGroup][] = [];
  /** First row of the open runs (a run is open while its start is at or above the row being placed). */
  let dimStart = first;
  let missionStart = first;
  const sum = (from: number, to: number) => heights.slice(from - first, to - first + 1).reduce((x, h) => x + h, 0);
  /** What the open runs would still need if they ended with row `end`. */
  const deficit = (end: number) => Math.max(
    0,
    missionStart <= end ? missionNeed((rows[end - first] as (typeof rows)[number]).mission) - sum(missionStart, end) : 0,
    dimStart <= end ? dimNeed - sum(dimStart, end) : 0,
  );
  const close = (end: number, dimensionToo: boolean) => {
    const mission = (rows[end - first] as (typeof rows)[number]).mission;
    const grow = Math.max(
      0,
      missionStart <= end ? missionNeed(mission) - sum(missionStart, end) : 0,
      dimensionToo && dimStart <= end ? dimNeed - sum(dimStart, end) : 0,
    );
    if (grow > 0) {
      heights[end - first] = Math.min(409, (heights[end - first] ?? 0) + grow);
      pager.add(grow, 0);
    }
    if (missionStart <= end) missionRuns.push([missionStart, end, mission]);
    missionStart = end + 1;
    if (dimensionToo) {
      dimRuns.push([dimStart, end]);
      dimStart = end + 1;
    }
  };

  rows.forEach((r, i) => {
    const at = first + i;
    const lastOfMission = rows[i + 1]?.mission !== r.mission;
    const lastOfDimension = i === rows.length - 1;
    const required = () => r.height + deficit(at) + (lastOfDimension ? l.tailHeight : 0);
    if (!pager.fits(required()) && pager.rowsOnPage > 0) {
      // end the labels' runs on the page before, start them again on this one
      if (at > first) close(at - 1, true);
      pager.newPage(at);
      missionStart = at;
      dimStart = at;
    }
    pager.add(r.height);
    if (lastOfDimension) close(at, true);
    else if (lastOfMission) close(at, false);
  });

  rows.forEach((r, i) => {
    const at = first + i;
    b.area(at, l.C.name, at, l.nameLast, itemTitle(ctx, r.item), BODY);
    ctx.planYears.forEach((y, k) => {
      const v: CellInput = y in r.item.budgets ? (r.item.budgets[y] ?? 0) : null;
      b.area(at, l.yearCol(k), at, l.yearCol(k), v, l.amountStyle);
    });
    b.area(at, l.noteCol, at, l.noteCol, normalizeSpace(r.item.note) || null, BODY);
    b.area(at, l.kindCol, at, l.kindCol, kindWord(r.item), { ...STYLE.note, vertical: "top" });
    b.height(at, heights[i] ?? r.height);
  });
  for (const [top, bottom] of dimRuns) b.area(top, l.C.dimension, bottom, l.C.dimension, g.label, BODY);
  for (const [top, bottom, m] of missionRuns) b.area(top, l.C.mission, bottom, l.C.mission, m.label, BODY);
  return first + rows.length;
}
