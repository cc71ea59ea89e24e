/**
 * The สารบัญ sheet (seed 001, L74–81): เรื่อง · หน้า, with a link to every part of the report — ส่วนที่ ๑, ส่วนที่ ๒
 * with one line per มิติ, ส่วนที่ ๓ — and to the annexes. The seed's own mistakes ("มิตินที่", L77–80) are not
 * copied: the dimension names come from the workbook's framework sheet.
 *
 * Page numbers are estimated from the other sheets' SheetSpecs the way a spreadsheet prints them: the
 * scale that fits the columns on one page wide, the rows' heights, the manual page breaks and the print
 * titles repeated on every page. They count the report's pages in print order, the memo being page ๑, so
 * that they agree with the "หน้า &P จาก &N" footers when the report sheets are printed together.
 */
import { type Area, parseArea } from "../a1";
import type { CellInput, SheetSpec } from "../grid";
import { linesFor, rowHeightPt } from "../text-size";
import { SheetBuilder } from "./builder";
import { footerOf, noteRow, planPeriod, type ReportContext } from "./context";
import { REPORT_SHEETS } from "./names";
import { DEFAULT_ROW_PT, pageRowsPt, printScale } from "./paging";
import { REPORT_FONT, STYLE } from "./style";

/** The first row of every page a sheet prints on, as a spreadsheet paginates it (manual breaks, then rows that do not fit). */
export function pageStarts(spec: SheetSpec): number[] {
  const area = printedArea(spec);
  const p = spec.print;
  if (!p || area.bottom < area.top) return [area.top];
  const widths = spec.columns.slice(area.left - 1, area.right).map((c) => c.width);
  const capacity = pageRowsPt(p.orientation, printScale(p.orientation, widths));
  const heights = new Map((spec.rowHeights ?? []).map((h) => [h.row, h.height]));
  const heightOf = (r: number) => heights.get(r) ?? DEFAULT_ROW_PT;
  const titles = p.printTitleRows ? parseTitleRows(p.printTitleRows) : undefined;
  let titlesHeight = 0;
  if (titles) for (let r = titles[0]; r <= titles[1]; r++) titlesHeight += heightOf(r);
  const breaks = new Set(p.pageBreaks ?? []);
  const starts = [area.top];
  // rows repeated above a page that starts below them
  const repeatedAt = (row: number) => (titles && row > titles[1] ? titlesHeight : 0);
  let used = 0;
  let rowsOnPage = 0;
  for (let r = area.top; r <= area.bottom; r++) {
    const h = heightOf(r);
    if (r > area.top && (breaks.has(r) || (used + h > capacity && rowsOnPage > 0))) {
      starts.push(r);
      used = repeatedAt(r);
      rowsOnPage = 0;
    }
    used += h;
    rowsOnPage++;
  }
  return starts;
}

/** The page (1-based, within the sheet) a row prints on. */
export function pageOfRow(spec: SheetSpec, row: number): number {
  const starts = pageStarts(spec);
  let page = 1;
  starts.forEach((s, i) => {
    if (row >= s) page = i + 1;
  });
  return page;
}

export function pageCount(spec: SheetSpec): number {
  return pageStarts(spec).length;
}

function printedArea(spec: SheetSpec): Area {
  const p = spec.print;
  const area = p?.printArea ? parseArea(p.printArea) : undefined;
  return area ?? { top: 1, left: 1, bottom: spec.rows.length, right: spec.columns.length };
}

function parseTitleRows(rows: string): [number, number] | undefined {
  const m = /^\$?(\d+):\$?(\d+)$/.exec(rows.trim());
  return m ? [Number(m[1]), Number(m[2])] : undefined;
}

/* ---------- the contents sheet ---------- */

/** One line of the contents: its text, the sheet and row it links to, whether it is indented under a part. */
export interface ContentsLine {
  readonly text: string;
  readonly sheet: string;
  readonly row: number;
  readonly page: number;
  readonly indent: boolean;
}

/**
 * Columns: an indent, เรื่อง, หน้า — 98 characters: A4 portrait at 100 %. A dimension's line is written in the
 * second column alone, so that its wrapped lines hang under its first (spaces before the text indented only the
 * first line: "ปกครองส่วนท้องถิ่น" printed at the margin); a part's line spans both.
 */
const COLUMNS = [5, 81, 12] as const;
const SUBJECT_WIDTH = COLUMNS[0] + COLUMNS[1];
const PAGE_COL = 3;

/** The sheet's first cell whose text starts with "มิติที่ d" (Thai or Arabic digit), or undefined. */
export function dimensionRow(spec: SheetSpec, d: number): number | undefined {
  const heading = new RegExp(`^\\s*มิติที่\\s*(${d}|${String.fromCharCode(0x0e50 + d)})(?![0-9๐-๙])`);
  const at = spec.rows.findIndex((cells) => cells.some((v) => typeof v === "string" && heading.test(v)));
  return at >= 0 ? at + 1 : undefined;
}

/** The lines of the contents, with the page each starts on when the report sheets print together (the memo is page 1). */
export function contentsLines(ctx: ReportContext, sheets: readonly SheetSpec[], contentsPages = 1): ContentsLine[] {
  // the pages before each sheet: the memo, the title page and the foreword come before the contents, the rest after it
  const firstPage = new Map<string, number>();
  let page = 1;
  const order = [...sheets];
  const before = new Set<string>([REPORT_SHEETS.memo, REPORT_SHEETS.title, REPORT_SHEETS.foreword]);
  const contentsAt = order.findIndex((s) => !before.has(s.name));
  for (let i = 0; i < order.length; i++) {
    if (i === (contentsAt < 0 ? order.length : contentsAt)) page += contentsPages;
    const s = order[i] as SheetSpec;
    firstPage.set(s.name, page);
    page += pageCount(s);
  }
  const byName = new Map(sheets.map((s) => [s.name, s]));
  const lines: ContentsLine[] = [];
  const add = (text: string, sheet: string, indent = false, row?: number) => {
    const spec = byName.get(sheet);
    if (!spec) return;
    const start = printedArea(spec).top;
    const at = row ?? start;
    lines.push({ text, sheet, row: at, page: (firstPage.get(sheet) ?? 1) + pageOfRow(spec, at) - 1, indent });
  };
  const s = ctx.model.settings;
  add(`ส่วนที่ ${ctx.num(1)} แผนปฏิบัติการป้องกันการทุจริต ${ctx.num(s.years)} ปี (${planPeriod(ctx)})`, REPORT_SHEETS.part1);
  add("ส่วนที่ " + ctx.num(2) + " แบบรายงานความคืบหน้าและผลการดำเนินงานตามแผนปฏิบัติการป้องกันการทุจริต", REPORT_SHEETS.part2);
  const part2 = byName.get(REPORT_SHEETS.part2);
  for (const node of ctx.model.framework.filter((n) => n.level === "dimension")) {
    const d = Number(node.code);
    const row = part2 ? dimensionRow(part2, d) : undefined;
    add(`มิติที่ ${ctx.num(d)} ${node.name}`, REPORT_SHEETS.part2, true, row);
  }
  add(`ส่วนที่ ${ctx.num(3)} บทสรุป/ข้อเสนอแนะ/แนวทางแก้ไขปรับปรุง`, REPORT_SHEETS.part3);
  const annexes: readonly [string, string][] = [
    [REPORT_SHEETS.ita, "ผลการดำเนินงานตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส (ITA)"],
    [REPORT_SHEETS.risk, "การประเมินความเสี่ยงการทุจริต"],
    [REPORT_SHEETS.cards, "รายละเอียดโครงการ/กิจกรรม/มาตรการ (บัตรโครงการ)"],
    // a line of its own for the system's name: wrapped where it falls, it broke at its hyphen ("e-|PlanNACC")
    [REPORT_SHEETS.annualList, "แผนปฏิบัติการป้องกันการทุจริตประจำปี\n(ตามระบบ e-PlanNACC)"],
    [REPORT_SHEETS.eplan, "สรุปผลการดำเนินงานตามระบบ e-PlanNACC"],
    [REPORT_SHEETS.dashboard, "สรุปภาพรวมผลการดำเนินงาน"],
  ];
  // annexes lettered ก, ข, … in the order they are in the workbook
  let letter = 0;
  for (const [sheet, text] of annexes) {
    if (!byName.has(sheet)) continue;
    add(`ภาคผนวก ${"กขคงจฉชซฌญ"[letter] ?? ""} ${text}`, sheet);
    letter++;
  }
  return lines;
}

/** A link to a cell of another sheet of this workbook, showing `text` (the formula's value). */
export function linkTo(sheet: string, row: number, text: string): CellInput {
  const target = `#'${sheet.replace(/'/g, "''")}'!A${row}`;
  // a line break in the text is CHAR(10) in the formula: a string literal holds no line break
  const shown = text.split("\n").map((part) => `"${part.replace(/"/g, '""')}"`).join("&CHAR(10)&");
  return { formula: `HYPERLINK("${target.replace(/"/g, '""')}",${shown})`, result: text };
}

/** The contents page lists the other sheets (their specs, to estimate the page each one starts on). */
export function contentsSheet(ctx: ReportContext, sheets: readonly SheetSpec[]): SheetSpec {
  // the contents itself is one page unless it is not: build, count, and build again with its own count
  let spec = buildContents(ctx, sheets, 1);
  const pages = pageCount(spec);
  if (pages > 1) spec = buildContents(ctx, sheets, pages);
  return spec;
}

function buildContents(ctx: ReportContext, sheets: readonly SheetSpec[], ownPages: number): SheetSpec {
  const b = new SheetBuilder();
  const last = COLUMNS.length;
  const { firstRow, printFrom } = noteRow(b, ctx, last);
  const size = REPORT_FONT.size;
  const line = rowHeightPt(1, size);
  let row = firstRow;
  b.area(row, 1, row, last, "สารบัญ", { ...STYLE.title, fontSize: 20 });
  b.height(row, rowHeightPt(1, 20) + 8);
  row++;
  b.height(row, 10);
  row++;
  const header = row;
  b.area(row, 1, row, 2, "เรื่อง", { bold: true, vertical: "middle" });
  b.area(row, PAGE_COL, row, PAGE_COL, "หน้า", { bold: true, horizontal: "center", vertical: "middle" });
  b.height(row, line);
  row++;
  const lines = contentsLines(ctx, sheets, ownPages);
  for (const l of lines) {
    const link = linkTo(l.sheet, l.row, l.text);
    if (l.indent) b.area(row, 2, row, 2, link, { vertical: "top", wrap: true });
    else b.area(row, 1, row, 2, link, { vertical: "top", wrap: true, bold: true });
    b.area(row, PAGE_COL, row, PAGE_COL, l.page, { horizontal: "center", vertical: "top", numFmt: ctx.formats.count });
    b.height(row, rowHeightPt(linesFor(l.text, l.indent ? (COLUMNS[1] as number) : SUBJECT_WIDTH, size), size));
    row++;
  }
  if (lines.length === 0) {
    b.area(row, 1, row, last, "ยังไม่มีส่วนของรายงาน", { italic: true, horizontal: "center" });
    b.height(row, line);
    row++;
  }
  const lastRow = row - 1;
  // on screen only (below the print area): how the pages are counted
  b.height(row, 12);
  b.area(row + 1, 1, row + 1, last, `เลขหน้านับบันทึกข้อความเป็นหน้า ${ctx.num(1)} ตามลำดับเมื่อพิมพ์แผ่นงานรายงานทั้งชุดต่อกัน`, STYLE.note);
  b.height(row + 1, rowHeightPt(1, 12));
  b.defaultHeights(line);
  return b.toSpec({
    name: REPORT_SHEETS.contents,
    columns: COLUMNS,
    font: REPORT_FONT,
    print: {
      orientation: "portrait", paper: "A4", fitToWidth: true, printTitleRows: `${header}:${header}`,
      printArea: `A${printFrom}:${String.fromCharCode(64 + last)}${lastRow}`, footer: footerOf(ctx),
    },
  });
}
