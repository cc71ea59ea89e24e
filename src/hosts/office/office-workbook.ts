/**
 * The Excel host (office-js). Reading the whole workbook is one batch and one context.sync();
 * writing any number of sheets is two (one to learn which sheets exist, one to write).
 */
import type { ExistingSheetPolicy, SheetInfo, WorkbookPort } from "../../app/port";
import { SheetConflictError } from "../../app/port";
import { toExcelSerial } from "../../domain/calendar";
import { type Area, columnLetter, parseArea, rangeAddress, sheetRef } from "../../workbook/a1";
import type {
  CellInput, CellStyle, CellValue, DefinedName, SheetGrid, SheetSpec, SheetVisibility, WorkbookGrids, WorkbookSpec,
} from "../../workbook/grid";
import { isFormula } from "../../workbook/grid";
import type { BatchRunner, RequirementCheck, XBorderIndex, XContext, XRange, XRangeAreas, XWorksheet } from "./excel-subset";

/** More sheets than this are read in a second batch (rare: a plan workbook has about ten). */
export const SHEETS_PER_BATCH = 64;

const VISIBILITY_IN: Readonly<Record<string, SheetVisibility>> = { Visible: "visible", Hidden: "hidden", VeryHidden: "veryHidden" };
const VISIBILITY_OUT: Readonly<Record<SheetVisibility, string>> = { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" };

/** Excel's column width unit is points; specs give characters of the default font. */
const POINTS_PER_CHAR = 5.6;

export class OfficeWorkbook implements WorkbookPort {
  constructor(
    private readonly run: BatchRunner,
    private readonly supports: RequirementCheck,
  ) {}

  async appendRows(sheet: string, firstRow: number, rows: readonly (readonly CellInput[])[]): Promise<void> {
    if (rows.length === 0) return;
    const width = Math.max(...rows.map((r) => r.length));
    await this.run(async (ctx) => {
      if (this.supports("1.8")) ctx.runtime.enableEvents = false;
      ctx.workbook.worksheets.getItem(sheet).getRange(rangeAddress(firstRow, 1, firstRow + rows.length - 1, width)).formulas =
        rows.map((r) => Array.from({ length: width }, (_, c) => toFormulaCell(r[c] ?? null)));
      if (this.supports("1.8")) ctx.runtime.enableEvents = true;
      await ctx.sync();
    });
  }

  async listSheets(): Promise<SheetInfo[]> {
    return this.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets.load("items/name,items/visibility");
      await ctx.sync();
      return sheets.items.map((s) => ({ name: s.name, visibility: VISIBILITY_IN[s.visibility] ?? "visible" }));
    });
  }

  async readGrids(): Promise<WorkbookGrids> {
    return this.run(async (ctx) => {
      const names = ctx.workbook.names.load("items/name,items/formula");
      const withMerges = this.supports("1.13");
      // Walk the sheets with getFirst/getNext so that every sheet is queued before the one sync.
      const queued: { sheet: XWorksheet; used: XRange; merges: XRangeAreas | undefined }[] = [];
      let sheet = ctx.workbook.worksheets.getFirst();
      for (let i = 0; i < SHEETS_PER_BATCH; i++) {
        sheet.load("name,visibility");
        const used = sheet.getUsedRangeOrNullObject(true).load("values,valueTypes,rowIndex,columnIndex");
        const merges = withMerges ? used.getMergedAreasOrNullObject().load("areas/items/address") : undefined;
        queued.push({ sheet, used, merges });
        sheet = sheet.getNextOrNullObject();
      }
      // loaded so that, after the sync, it tells whether sheets remain beyond this batch
      const overflow = sheet.load("name");
      await ctx.sync();
      const grids = queued.filter((q) => !q.sheet.isNullObject).map((q) => gridOf(q.sheet, q.used, q.merges));
      if (!overflow.isNullObject) grids.push(...(await this.readRest(ctx, grids.length)));
      return { sheets: grids, names: names.items.flatMap((n) => parseNameFormula(n.name, n.formula)) };
    });
  }

  /** Workbooks with more than SHEETS_PER_BATCH sheets: the rest in one more batch. */
  private async readRest(ctx: XContext, already: number): Promise<SheetGrid[]> {
    const sheets = ctx.workbook.worksheets.load("items/name");
    await ctx.sync();
    const rest = sheets.items.slice(already).map((s) => ({
      sheet: s.load("name,visibility"),
      used: s.getUsedRangeOrNullObject(true).load("values,valueTypes,rowIndex,columnIndex"),
    }));
    await ctx.sync();
    return rest.map((q) => gridOf(q.sheet, q.used, undefined));
  }

  async writeSheets(spec: WorkbookSpec, policy: ExistingSheetPolicy): Promise<void> {
    await this.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets.load("items/name,items/visibility");
      const names = ctx.workbook.names.load("items/name");
      await ctx.sync();
      const wanted = new Set(spec.sheets.map((s) => s.name));
      const existing = sheets.items.filter((s) => wanted.has(s.name));
      if (existing.length > 0 && policy === "refuse") throw new SheetConflictError(existing.map((s) => s.name));

      ctx.workbook.application.suspendApiCalculationUntilNextSync();
      if (this.supports("1.9")) ctx.workbook.application.suspendScreenUpdatingUntilNextSync();
      if (this.supports("1.8")) ctx.runtime.enableEvents = false;
      for (const s of existing) {
        // Excel refuses to delete a very hidden sheet (by design): make it merely hidden first
        if (s.visibility === "VeryHidden") s.visibility = "Hidden";
        s.delete();
      }
      const specNames = new Set(spec.names.map((n) => n.name.toUpperCase()));
      for (const n of names.items) if (specNames.has(n.name.toUpperCase())) n.delete();
      for (const s of spec.sheets) this.renderSheet(ctx.workbook.worksheets.add(s.name), s);
      for (const n of spec.names) ctx.workbook.names.add(n.name, `=${sheetRef(n.sheet, n.range)}`);
      if (this.supports("1.8")) ctx.runtime.enableEvents = true;
      await ctx.sync();
    });
  }

  private renderSheet(ws: XWorksheet, spec: SheetSpec): void {
    const width = Math.max(spec.columns.length, ...spec.rows.map((r) => r.length));
    const height = Math.max(spec.rows.length, spec.formattedRows + 1);
    spec.columns.forEach((c, i) => {
      const letter = columnLetter(i + 1);
      const col = ws.getRange(`${letter}:${letter}`);
      col.format.columnWidth = c.width * POINTS_PER_CHAR;
      col.format.verticalAlignment = "Top";
      if (c.wrap) col.format.wrapText = true;
      // formats first, so that text-formatted columns keep "1.10" as text when the values land
      if (c.numFmt) ws.getRange(rangeAddress(1, i + 1, height, i + 1)).numberFormat = Array.from({ length: height }, () => [c.numFmt]);
    });
    for (const f of spec.cellFormats) ws.getRange(f.cell).numberFormat = [[f.numFmt]];
    // number formats of styled areas before the values too (a text format keeps "009900" text)
    for (const as of spec.areaStyles ?? []) {
      const area = as.style.numFmt ? parseArea(as.range) : undefined;
      if (area) ws.getRange(as.range).numberFormat = formatArray(area, as.style.numFmt as string);
    }
    if (spec.rows.length > 0 && width > 0) {
      ws.getRange(rangeAddress(1, 1, spec.rows.length, width)).formulas = spec.rows.map((r) =>
        Array.from({ length: width }, (_, c) => toFormulaCell(r[c] ?? null)),
      );
    }
    for (const m of spec.merges ?? []) ws.getRange(m).merge(false);
    if (spec.font) {
      const all = ws.getRange().format.font;
      all.name = spec.font.name;
      all.size = spec.font.size;
    }
    for (const rs of spec.rowStyles) {
      const r = ws.getRange(rangeAddress(rs.from, 1, rs.to, Math.max(1, spec.columns.length)));
      if (rs.style.bold !== undefined) r.format.font.bold = rs.style.bold;
      if (rs.style.fontColor) r.format.font.color = `#${rs.style.fontColor.slice(2)}`;
      if (rs.style.fill) r.format.fill.color = `#${rs.style.fill.slice(2)}`;
      if (rs.style.wrap) r.format.wrapText = true;
    }
    for (const as of spec.areaStyles ?? []) {
      const area = parseArea(as.range);
      if (area) styleRange(ws.getRange(as.range), as.style, area);
    }
    for (const h of spec.rowHeights ?? []) ws.getRange(`${h.row}:${h.row}`).format.rowHeight = h.height;
    // page layout is ExcelApi 1.9; without it the sheet is right on screen and prints with Excel's defaults
    if (spec.print && this.supports("1.9")) {
      const layout = ws.pageLayout;
      layout.orientation = spec.print.orientation === "landscape" ? "Landscape" : "Portrait";
      layout.paperSize = "A4";
      layout.zoom = { horizontalFitToPages: 1 };
      if (spec.print.printTitleRows) layout.setPrintTitleRows(absoluteRows(spec.print.printTitleRows));
      if (spec.print.printArea) layout.setPrintArea(spec.print.printArea);
      if (spec.print.footer) layout.headersFooters.defaultForAllPages.centerFooter = spec.print.footer;
      for (const r of spec.print.pageBreaks ?? []) ws.horizontalPageBreaks.add(`A${r}`);
    }
    if (this.supports("1.6")) {
      for (const cf of spec.conditionalFills ?? []) {
        const made = ws.getRange(cf.range).conditionalFormats.add("Custom");
        made.custom.rule.formula = `=${cf.formula}`;
        made.custom.format.fill.color = `#${cf.fill.slice(2)}`;
        if (cf.fontColor) made.custom.format.font.color = `#${cf.fontColor.slice(2)}`;
      }
    }
    if (this.supports("1.8")) {
      for (const v of spec.validations) {
        if (!parseArea(v.range)) continue;
        const dv = ws.getRange(v.range).dataValidation;
        dv.rule = { list: { inCellDropDown: true, source: `=${v.listName}` } };
        dv.errorAlert = { showAlert: true, style: "Warning", title: "ค่าไม่อยู่ในรายการ / Not in the list", message: "กรุณาเลือกจากรายการ — Please pick a value from the list" };
      }
    }
    if (spec.freeze.rows > 0 && spec.freeze.columns === 0) ws.freezePanes.freezeRows(spec.freeze.rows);
    else if (spec.freeze.rows > 0 || spec.freeze.columns > 0) ws.freezePanes.freezeAt(rangeAddress(1, 1, Math.max(1, spec.freeze.rows), Math.max(1, spec.freeze.columns)));
    if (spec.tabColor) ws.tabColor = `#${spec.tabColor.slice(2)}`;
    ws.visibility = VISIBILITY_OUT[spec.visibility];
  }
}

const H_ALIGN = { left: "Left", center: "Center", right: "Right" } as const;
const V_ALIGN = { top: "Top", middle: "Center" } as const;

/** A CellStyle on a range, as format properties (its number format is set before the values, see renderSheet). */
function styleRange(r: XRange, style: CellStyle, area: Area): void {
  const f = r.format;
  if (style.fontName) f.font.name = style.fontName;
  if (style.fontSize) f.font.size = style.fontSize;
  if (style.bold !== undefined) f.font.bold = style.bold;
  if (style.italic !== undefined) f.font.italic = style.italic;
  if (style.fontColor) f.font.color = `#${style.fontColor.slice(2)}`;
  if (style.fill) f.fill.color = `#${style.fill.slice(2)}`;
  if (style.wrap) f.wrapText = true;
  if (style.horizontal) f.horizontalAlignment = H_ALIGN[style.horizontal];
  if (style.vertical) f.verticalAlignment = V_ALIGN[style.vertical];
  if (style.border === "thin") {
    const edges: XBorderIndex[] = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"];
    // inside lines exist only where the area has more than one row or column
    if (area.bottom > area.top) edges.push("InsideHorizontal");
    if (area.right > area.left) edges.push("InsideVertical");
    for (const edge of edges) {
      const b = f.borders.getItem(edge);
      b.style = "Continuous";
      b.weight = "Thin";
      b.color = "#000000";
    }
  }
}

function formatArray(area: Area, fmt: string): string[][] {
  return Array.from({ length: area.bottom - area.top + 1 }, () => Array.from({ length: area.right - area.left + 1 }, () => fmt));
}

/** "1:3" → "$1:$3", as setPrintTitleRows takes it. */
function absoluteRows(rows: string): string {
  return rows.split(":").map((r) => `$${r.replace(/\$/g, "")}`).join(":");
}

/**
 * Values as Excel's `formulas` property takes them. Text that Excel would read as a formula or a
 * number sign (=, +, -, @) gets the apostrophe prefix, so it stays the text the user typed.
 */
export function toFormulaCell(v: CellInput): unknown {
  if (v === null) return "";
  if (isFormula(v)) return `=${v.formula}`;
  if (v instanceof Date) return toExcelSerial(v);
  if (typeof v === "string" && /^[=+\-@]/.test(v)) return `'${v}`;
  return v;
}

function gridOf(sheet: XWorksheet, used: XRange, merges: XRangeAreas | undefined): SheetGrid {
  const rows: CellValue[][] = [];
  if (!used.isNullObject) {
    used.values.forEach((row, r) => {
      const out: CellValue[] = Array.from({ length: used.columnIndex }, () => null);
      row.forEach((v, c) => out.push(cellOf(v, used.valueTypes[r]?.[c])));
      rows[used.rowIndex + r] = out;
    });
  }
  for (let i = 0; i < rows.length; i++) if (rows[i] === undefined) rows[i] = [];
  return {
    name: sheet.name,
    visibility: VISIBILITY_IN[sheet.visibility] ?? "visible",
    rows,
    merges: merges && !merges.isNullObject ? merges.areas.items.map((a) => a.address.replace(/^.*!/, "").replace(/\$/g, "")) : [],
  };
}

function cellOf(v: unknown, type: string | undefined): CellValue {
  if (type === "Error") return { error: String(v) };
  if (v === "" || v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  return String(v);
}

/** "='แผนปฏิบัติการ'!$A$1" → the sheet and range it points into. */
export function parseNameFormula(name: string, formula: string): DefinedName[] {
  const m = /^=?'?(.*?)'?!(\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?)$/.exec(formula);
  return m ? [{ name, sheet: (m[1] as string).replace(/''/g, "'"), range: m[2] as string }] : [];
}
