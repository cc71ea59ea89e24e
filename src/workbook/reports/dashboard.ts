/**
 * The สรุปภาพรวม sheet: the round at a glance, per มิติ and in total — items by kind, their state at the end
 * of the round (done, in progress, not started, not possible, not reported), the budget planned, in the
 * ordinance and disbursed with the shares disbursed, and the implementation score; the figures the task
 * pane shows, from the same RoundSummary. Four headline figures above the tables.
 *
 * Every figure is a formula: counts and sums are COUNTIFS/SUMIF over the item rows of the สรุป e-PlanNACC
 * sheet (one set of item rows for both sheets, so they cannot disagree), totals are sums of the rows above,
 * shares are computed from the figures of their row — each written with the value the core computes.
 */
import { ITEM_KINDS, type ItemKind, KIND_WORD } from "../../domain/kinds";
import { formatThaiDate } from "../../domain/calendar";
import type { RoundStatus, RoundTotals } from "../../domain/progress/round";
import { columnLetter, rangeAddress, sheetRef } from "../a1";
import type { CellInput, CellStyle, SheetSpec } from "../grid";
import { linesFor, rowHeightPt } from "../text-size";
import { SheetBuilder } from "./builder";
import { footerOf, noteRow, type ReportContext, roundEnd, roundStart } from "./context";
import { pageCapacity, PageFlow } from "./paging";
import { eplanSummary, type ItemBlock, shortLabel, STATUS_TEXT, type SummaryRow, summaryRows, UNPLACED } from "./eplan-summary";
import { REPORT_SHEETS } from "./names";
import { REPORT_FONT, STYLE } from "./style";

/**
 * A label column (มิติที่ ๑ …; the names are in a legend below), then twelve equal columns the tables'
 * figures span: 158 characters, so that A4 landscape prints at about 92 % and the headline figures and
 * the counts fit the first page, the budget and the legends the second.
 */
const LABEL_WIDTH = 14;
const UNIT = 12;
const UNITS = 12;
const COLUMNS: readonly number[] = [LABEL_WIDTH, ...Array.from({ length: UNITS }, () => UNIT)];
const LAST = COLUMNS.length;
const SIZE = REPORT_FONT.size;

/** Percent of a part in a whole, rounded as the sheet's ROUND(…, 2). */
export function share(part: number, whole: number): number {
  return Math.round((part / whole) * 100 * 100) / 100;
}

interface Figure {
  /** The column header. */
  readonly header: string;
  /** Grid units it spans. */
  readonly units: number;
  readonly format: string;
  /** The formula for a dimension row (criterion), and the core's value. */
  readonly value: (r: SummaryRow) => { formula: string; result: number | string };
  /** Computed again from its row's other figures (cells of the row) instead of summed down the column. */
  readonly fromRow?: (cells: (header: string) => string, t: RoundTotals) => { formula: string; result: number | string };
}

export function dashboardSheet(ctx: ReportContext): SheetSpec {
  const s = ctx.model.settings;
  const f = ctx.formats;
  const b = new SheetBuilder();
  const { firstRow, printFrom } = noteRow(b, ctx, LAST);
  const all = COLUMNS.reduce((x, w) => x + w, 0);
  const line = rowHeightPt(1, SIZE);
  const block: ItemBlock = eplanSummary(ctx).block;
  const { rows: sumRows, total } = summaryRows(ctx);
  const items = ctx.summary.items;
  const ref = (field: Parameters<ItemBlock["range"]>[0]) => sheetRef(block.sheet, block.range(field));
  const crit = (c: number | string) => (typeof c === "number" ? String(c) : `"${c}"`);
  const inDim = (sr: SummaryRow) => (sr.criterion === "" ? (_: unknown) => true : (d: unknown) => d === (sr.criterion === UNPLACED ? undefined : sr.criterion));
  const kindCount = (sr: SummaryRow, k: ItemKind | undefined) => items.filter((r) => inDim(sr)(r.item.dimension) && r.item.kind === k).length;
  const countIfs = (sr: SummaryRow, field: "kind" | "status", word: string, result: number) => ({
    formula: `COUNTIFS(${ref("dimension")},${crit(sr.criterion)},${ref(field)},"${word}")`, result,
  });
  const sumIf = (sr: SummaryRow, field: "planned" | "ordinance" | "disbursed", result: number) => ({
    formula: `SUMIF(${ref("dimension")},${crit(sr.criterion)},${ref(field)})`, result,
  });

  // ---- table 1: items by kind and their state at the end of the round ----
  // the three kinds plans use, แนวปฏิบัติงาน (rare) and "no kind" only when an item is one
  const kinds: (ItemKind | undefined)[] = ITEM_KINDS.filter((k) => k !== "guideline" || items.some((r) => r.item.kind === k));
  if (items.some((r) => r.item.kind === undefined)) kinds.push(undefined);
  const statuses: readonly [RoundStatus, string][] = [
    ["done", "ดำเนินการแล้วเสร็จ"], ["inProgress", "อยู่ระหว่างดำเนินการ"], ["notStarted", "ยังไม่ดำเนินการ"],
    ["notPossible", "ไม่สามารถดำเนินการได้"], ["notReported", "ยังไม่รายงานผล"],
  ];
  const kindHeader = (k: ItemKind | undefined) => (k ? KIND_WORD[k] : "ไม่ระบุประเภท");
  const countFigures: Figure[] = [
    ...kinds.map((k): Figure => ({
      header: kindHeader(k), units: 1, format: f.count,
      value: (sr) => countIfs(sr, "kind", k ? KIND_WORD[k] : UNPLACED, kindCount(sr, k)),
    })),
    {
      header: "รวม", units: 1, format: f.count, value: () => ({ formula: "", result: 0 }),
      fromRow: (cell, t) => ({ formula: `SUM(${cell(kindHeader(kinds[0]))}:${cell(kindHeader(kinds[kinds.length - 1]))})`, result: t.items }),
    },
    ...statuses.map(([st, header]): Figure => ({
      header, units: 1, format: f.count, value: (sr) => countIfs(sr, "status", STATUS_TEXT[st], sr.totals.byStatus[st]),
    })),
  ];
  const used = countFigures.reduce((x, fg) => x + fg.units, 0);
  countFigures.push({
    header: "ผลการนำแผนไปปฏิบัติ (ร้อยละ)", units: UNITS - used, format: f.percent, value: () => ({ formula: "", result: 0 }),
    fromRow: (cell, t) => ({
      formula: `IF(${cell("รวม")}=0,0,ROUND((${cell("ดำเนินการแล้วเสร็จ")}+${cell("อยู่ระหว่างดำเนินการ")}*0.5)/${cell("รวม")}*100,2))`,
      result: t.implementationScore,
    }),
  });

  // ---- table 2: budget ----
  const pct = (part: number, whole: number) => (whole === 0 ? "-" : share(part, whole));
  const budgetFigures: Figure[] = [
    { header: "งบประมาณตามแผนพัฒนาท้องถิ่น (บาท)", units: 2, format: f.amount, value: (sr) => sumIf(sr, "planned", sr.totals.planned) },
    { header: "งบประมาณตามข้อบัญญัติ/เทศบัญญัติ (บาท)", units: 2, format: f.amount, value: (sr) => sumIf(sr, "ordinance", sr.totals.ordinance) },
    { header: "เบิกจ่ายจริง (บาท)", units: 2, format: f.amount, value: (sr) => sumIf(sr, "disbursed", sr.totals.disbursed) },
    {
      header: "ร้อยละการเบิกจ่าย เทียบงบตามข้อบัญญัติ/เทศบัญญัติ", units: 3, format: f.percent, value: () => ({ formula: "", result: 0 }),
      fromRow: (cell, t) => ({ formula: percentOf(cell("เบิกจ่ายจริง (บาท)"), cell("งบประมาณตามข้อบัญญัติ/เทศบัญญัติ (บาท)")), result: pct(t.disbursed, t.ordinance) }),
    },
    {
      header: "ร้อยละการเบิกจ่าย เทียบงบตามแผนพัฒนาท้องถิ่น", units: 3, format: f.percent, value: () => ({ formula: "", result: 0 }),
      fromRow: (cell, t) => ({ formula: percentOf(cell("เบิกจ่ายจริง (บาท)"), cell("งบประมาณตามแผนพัฒนาท้องถิ่น (บาท)")), result: pct(t.disbursed, t.planned) }),
    },
  ];

  let row = firstRow;
  const title = "สรุปภาพรวมผลการดำเนินงานตามแผนปฏิบัติการป้องกันการทุจริต";
  b.area(row, 1, row, LAST, title, STYLE.title);
  b.height(row, rowHeightPt(linesFor(title, all, 18), 18));
  row++;
  const subtitle = [s.orgName.trim(), `ประจำปีงบประมาณ พ.ศ. ${ctx.num(ctx.fy)} รอบ ${ctx.num(ctx.round)} เดือน (ระหว่างวันที่ ${roundStart(ctx)} ถึง ${roundEnd(ctx)})`].filter(Boolean).join(" ");
  b.area(row, 1, row, LAST, subtitle, STYLE.subtitle);
  b.height(row, rowHeightPt(linesFor(subtitle, all, SIZE), SIZE));
  row++;
  b.height(row, 6);
  row++;

  // the headline figures: tiles that refer to the tables' total rows (placed once those are known)
  const tileLabel = row;
  const tileValue = row + 1;
  row += 3;
  b.height(tileLabel, line);
  b.height(tileValue, rowHeightPt(1, 26));
  b.height(tileValue + 1, 12);

  const flow = new PageFlow(pageCapacity("landscape", COLUMNS), 0);
  const table = (heading: string, figures: readonly Figure[]) => {
    const top = row;
    b.area(top, 1, top, LAST, heading, { bold: true, vertical: "middle" });
    b.height(top, line);
    const h = top + 1;
    b.area(h, 1, h, 1, "มิติ", STYLE.header);
    const spans: { fg: Figure; from: number; to: number }[] = [];
    let c = 2;
    for (const fg of figures) {
      spans.push({ fg, from: c, to: c + fg.units - 1 });
      b.area(h, c, h, c + fg.units - 1, fg.header, STYLE.header);
      c += fg.units;
    }
    b.height(h, Math.max(line, ...spans.map((sp) => rowHeightPt(linesFor(sp.fg.header, (sp.to - sp.from + 1) * UNIT, SIZE), SIZE))));
    const cellOf = (r: number) => (header: string) => {
      const sp = spans.find((x) => x.fg.header === header);
      return `${columnLetter(sp ? sp.from : 1)}${r}`;
    };
    let r = h + 1;
    const figureStyle = (fg: Figure, base: CellStyle): CellStyle => ({ ...base, horizontal: "right", numFmt: fg.format });
    for (const sr of sumRows) {
      b.area(r, 1, r, 1, shortLabel(sr), STYLE.body);
      for (const sp of spans) {
        const v = sp.fg.fromRow ? sp.fg.fromRow(cellOf(r), sr.totals) : sp.fg.value(sr);
        b.area(r, sp.from, r, sp.to, v, figureStyle(sp.fg, STYLE.body));
      }
      b.height(r, rowHeightPt(linesFor(shortLabel(sr), LABEL_WIDTH, SIZE), SIZE));
      r++;
    }
    const totalRow = r;
    b.area(r, 1, r, 1, sumRows.filter((x) => typeof x.criterion === "number").length === 4 ? `รวม ${ctx.num(4)} มิติ` : "รวมทั้งสิ้น", { ...STYLE.total, horizontal: "center" });
    for (const sp of spans) {
      const col = columnLetter(sp.from);
      const v: CellInput = sp.fg.fromRow
        ? sp.fg.fromRow(cellOf(r), total)
        : { formula: `SUM(${col}${h + 1}:${col}${r - 1})`, result: sp.fg.value({ label: "", criterion: "", totals: total }).result };
      b.area(r, sp.from, r, sp.to, v, figureStyle(sp.fg, STYLE.total));
    }
    b.height(r, line);
    b.height(r + 1, 12);
    row = r + 2;
    return { top, totalRow, cell: cellOf(totalRow) };
  };
  const counts = table("จำนวนโครงการ/กิจกรรม/มาตรการ และสถานะ ณ สิ้นรอบ", countFigures);
  const budget = table("งบประมาณและการเบิกจ่าย", budgetFigures);

  // the tiles: total items, done, disbursed, the implementation score
  const tiles: { from: number; to: number; label: string; value: CellInput; format: string }[] = [
    { from: 1, to: 3, label: "จำนวนโครงการ/กิจกรรม/มาตรการ", value: { formula: counts.cell("รวม"), result: total.items }, format: f.count },
    { from: 4, to: 6, label: "ดำเนินการแล้วเสร็จ", value: { formula: counts.cell("ดำเนินการแล้วเสร็จ"), result: total.byStatus.done }, format: f.count },
    { from: 7, to: 10, label: "เบิกจ่ายจริง (บาท)", value: { formula: budget.cell("เบิกจ่ายจริง (บาท)"), result: total.disbursed }, format: f.amount },
    { from: 11, to: LAST, label: "ผลการนำแผนไปปฏิบัติ (ร้อยละ)", value: { formula: counts.cell("ผลการนำแผนไปปฏิบัติ (ร้อยละ)"), result: total.implementationScore }, format: f.percent },
  ];
  for (const t of tiles) {
    b.area(tileLabel, t.from, tileLabel, t.to, t.label, { ...STYLE.header, fill: "FFDEEAF6" });
    b.area(tileValue, t.from, tileValue, t.to, t.value, { bold: true, fontSize: 26, horizontal: "center", vertical: "middle", border: "thin", numFmt: t.format, fontColor: "FF1F4E79" });
  }
  const legendTop = row;
  // the dimensions' names, as the e-PlanNACC list's คำอธิบาย gives them
  const names = sumRows.filter((sr) => typeof sr.criterion === "number").map((sr) => sr.label);
  if (names.length > 0) {
    b.area(row, 1, row, LAST, "คำอธิบาย", { bold: true, fontSize: 14, vertical: "top" });
    b.height(row, rowHeightPt(1, 14));
    row++;
    for (const name of names) {
      b.area(row, 1, row, LAST, name, { ...STYLE.text, fontSize: 14 });
      b.height(row, rowHeightPt(linesFor(name, all, 14), 14));
      row++;
    }
  }
  const legend = `ผลการนำแผนไปปฏิบัติ = (ดำเนินการแล้วเสร็จ × ${ctx.num(1)} + อยู่ระหว่างดำเนินการ × ${ctx.num("0.5")}) ÷ จำนวนรายการ × ${ctx.num(100)} ` +
    "ตามเกณฑ์ของสำนักงาน ป.ป.ช. · ยังไม่รายงานผล คือ รายการที่ยังไม่มีผลการดำเนินงานในรอบนี้ · ร้อยละการเบิกจ่ายแสดง \"-\" เมื่อไม่มีงบประมาณให้เทียบ · " +
    `ข้อมูลจากแผนปฏิบัติการและผลการดำเนินงานรายเดือน ณ วันที่ ${ctx.num(formatThaiDate(ctx.now))}`;
  b.area(row, 1, row, LAST, legend, { ...STYLE.text, fontSize: 14 });
  b.height(row, rowHeightPt(linesFor(legend, all, 14), 14));
  const lastRow = row;
  b.defaultHeights(line);
  // two pages: the headline figures with the counts, then the budget with the legends — never a table cut
  const rowsOf = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => b.heightOf(from + i));
  flow.keep(printFrom, rowsOf(printFrom, budget.top - 1));
  if (flow.fits(rowsOf(budget.top, lastRow).reduce((x, h) => x + h, 0))) flow.keep(budget.top, rowsOf(budget.top, lastRow));
  else {
    flow.newPage(budget.top);
    flow.keep(budget.top, rowsOf(budget.top, legendTop - 1));
    flow.keep(legendTop, rowsOf(legendTop, lastRow));
  }
  return b.toSpec({
    name: REPORT_SHEETS.dashboard,
    columns: COLUMNS,
    font: REPORT_FONT,
    print: {
      orientation: "landscape", paper: "A4", fitToWidth: true, printArea: rangeAddress(printFrom, 1, lastRow, LAST), footer: footerOf(ctx),
      ...(flow.breaks.length > 0 ? { pageBreaks: flow.breaks } : {}),
    },
  });
}

/** IF(whole=0,"-",ROUND(part/whole*100,2)): a share, or "-" where there is nothing to compare with. */
function percentOf(part: string, whole: string): string {
  return `IF(${whole}=0,"-",ROUND(${part}/${whole}*100,2))`;
}
