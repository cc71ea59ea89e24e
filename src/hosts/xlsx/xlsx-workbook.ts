/** The .xlsx host: exceljs over a workbook in memory (CLI, standalone browser mode, tests). */
import ExcelJS from "exceljs";
import type { ExistingSheetPolicy, ExpectedRow, ReadOptions, RewriteCell, SheetInfo, WorkbookPort, WriteOptions } from "../../app/port";
import { RowChangedError, sameRow, SheetConflictError } from "../../app/port";
import { parseArea, sheetRef } from "../../workbook/a1";
import type { CellInput, CellStyle, CellValue, DefinedName, GridFormula, SheetFont, SheetGrid, SheetSpec, WorkbookGrids, WorkbookSpec } from "../../workbook/grid";
import { isFormula } from "../../workbook/grid";
import { shiftFormulaRows } from "../../workbook/shift-rows";
import { fromExcelJs, toExcelJs } from "./cells";
import { mergeAll } from "./merges";
import { type BoundedInflate, checkActualSizes, checkDeclaredSizes, notXlsxReason, PackageError, type SheetFeature, zipEntries, type ZipEntry } from "./package";

export class WorkbookOpenError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = "WorkbookOpenError";
  }
}

/** Set by the CLI (Node's zlib): actual entry sizes, cells and text lengths are then checked before exceljs unpacks. */
let boundedInflate: BoundedInflate | undefined;
export function useBoundedInflate(inflate: BoundedInflate): void {
  boundedInflate = inflate;
}

/** What an open found in the package beyond what exceljs reads: kept for the in-place write's checks. */
export interface PackageFacts {
  readonly entries: readonly ZipEntry[];
  /** what the sheets' XML holds that exceljs does not write back (known only when the CLI's inflate is set) */
  readonly sheetFeatures: readonly SheetFeature[];
}

export class XlsxWorkbook implements WorkbookPort {
  private constructor(readonly book: ExcelJS.Workbook, readonly pkg?: PackageFacts) {}

  static empty(): XlsxWorkbook {
    const book = new ExcelJS.Workbook();
    book.creator = "Sujarit";
    return new XlsxWorkbook(book);
  }

  /**
   * Opens .xlsx bytes; anything that is not one becomes a WorkbookOpenError with the reason, a sentence
   * (what the file is when it is an .ods, .xls, encrypted workbook, .docx …; sizes above PACKAGE_LIMITS
   * refused before exceljs unpacks anything).
   */
  static async open(data: Uint8Array): Promise<XlsxWorkbook> {
    const notXlsx = notXlsxReason(data);
    if (notXlsx) throw new WorkbookOpenError(notXlsx);
    let entries: ZipEntry[];
    let sheetFeatures: SheetFeature[] = [];
    try {
      entries = zipEntries(data);
      checkDeclaredSizes(entries);
      if (boundedInflate) sheetFeatures = checkActualSizes(data, entries, boundedInflate);
    } catch (e) {
      if (e instanceof PackageError) throw new WorkbookOpenError(e.reason);
      throw e;
    }
    const book = new ExcelJS.Workbook();
    try {
      await book.xlsx.load(data as unknown as ArrayBuffer);
    } catch (e) {
      throw new WorkbookOpenError(damagedSentence(e));
    }
    return new XlsxWorkbook(book, { entries, sheetFeatures });
  }

  async toBytes(): Promise<Uint8Array> {
    const out = await this.book.xlsx.writeBuffer();
    return new Uint8Array(out as ArrayBuffer);
  }

  async appendRows(sheet: string, firstRow: number, rows: readonly (readonly CellInput[])[]): Promise<void> {
    const ws = this.book.getWorksheet(sheet);
    if (!ws) throw new Error(`no sheet "${sheet}"`);
    rows.forEach((cells, r) => {
      const row = ws.getRow(firstRow + r);
      cells.forEach((v, c) => {
        if (v !== null) row.getCell(c + 1).value = toExcelJs(v);
      });
    });
  }

  async rewriteRow(sheet: string, row: number, cells: readonly RewriteCell[], expect: ExpectedRow): Promise<void> {
    const ws = this.checkedRow(sheet, row, expect);
    const target = ws.getRow(row);
    cells.forEach((v, c) => {
      if (v === undefined) return;
      target.getCell(c + 1).value = toExcelJs(v);
    });
  }

  async removeRow(sheet: string, row: number, expect: ExpectedRow): Promise<void> {
    const ws = this.checkedRow(sheet, row, expect);
    // a shared formula names its master's address, which moves: every formula of the book as plain text first
    for (const other of this.book.worksheets) unshareFormulas(other);
    ws.spliceRows(row, 1);
    // exceljs moves the cells but not what their formulas point at; Excel would move those too
    for (const other of this.book.worksheets) {
      other.eachRow({ includeEmpty: false }, (r) => r.eachCell({ includeEmpty: false }, (cell) => {
        const v = cell.value as ExcelJS.CellFormulaValue | null;
        if (cell.type !== ExcelJS.ValueType.Formula || !v || typeof v.formula !== "string") return;
        const moved = shiftFormulaRows(v.formula, ws.name, other.name, row);
        if (moved !== v.formula) cell.value = { ...v, formula: moved };
      }));
    }
    shiftSheetRanges(ws, row);
  }

  /** The sheet, once its row `row` is found to hold `expect` (as readGrids would give it); else RowChangedError. */
  private checkedRow(sheet: string, row: number, expect: ExpectedRow): ExcelJS.Worksheet {
    const ws = this.book.getWorksheet(sheet);
    if (!ws) throw new Error(`no sheet "${sheet}"`);
    const found = rowValues(ws, row, expect.length);
    if (!sameRow(found, expect)) throw new RowChangedError(ws.name, row, found);
    return ws;
  }

  async listSheets(): Promise<SheetInfo[]> {
    return this.book.worksheets.map((ws) => ({ name: ws.name, visibility: ws.state ?? "visible" }));
  }

  async readGrids(options: ReadOptions = {}): Promise<WorkbookGrids> {
    const wanted = options.cellsOf ?? (() => true);
    const sheets = this.book.worksheets.map((ws) => {
      const visibility = ws.state ?? "visible";
      return wanted({ name: ws.name, visibility }) ? gridOf(ws) : { name: ws.name, visibility, rows: [], merges: [] };
    });
    options.progress?.(1, 1);
    return { sheets, names: definedNames(this.book) };
  }

  async writeSheets(spec: WorkbookSpec, policy: ExistingSheetPolicy, options: WriteOptions = {}): Promise<void> {
    const existing = spec.sheets.map((s) => s.name).filter((n) => this.book.getWorksheet(n));
    if (existing.length > 0 && policy === "refuse") throw new SheetConflictError(existing);
    for (const name of existing) this.book.removeWorksheet((this.book.getWorksheet(name) as ExcelJS.Worksheet).id);
    for (const sheet of spec.sheets) renderSheet(this.book, sheet);
    for (const n of spec.names) {
      this.book.definedNames.remove(`${sheetRef(n.sheet, n.range)}`, n.name);
      this.book.definedNames.add(sheetRef(n.sheet, n.range), n.name);
    }
    options.progress?.(1, 1);
  }
}

/**
 * A damaged package in a sentence: what exceljs's error lets us say (a zip problem, an XML part that does not
 * parse), never its raw JavaScript message ("Cannot read properties of undefined …").
 */
function damagedSentence(e: unknown): string {
  const msg = String((e as Error)?.message ?? e);
  const advice = "open it in Excel and save it again, or use a backup / เปิดใน Excel แล้วบันทึกใหม่ หรือใช้ไฟล์สำรอง";
  if (/zip|central directory|end of data|corrupted|invalid (code|distance|stored|block)|crc/i.test(msg)) return `damaged .xlsx: the zip package is broken — ${advice} / ไฟล์เสียหาย: ไฟล์ zip ชำรุด`;
  const part = /(xl\/[\w./-]+\.xml|\[Content_Types\]\.xml)/.exec(msg)?.[1];
  if (/xml|unclosed|unexpected|non-whitespace|attribute|tag|sax/i.test(msg)) return `damaged .xlsx: ${part ? `the part ${part}` : "an XML part"} is not well-formed — ${advice} / ไฟล์เสียหาย: ${part ?? "ส่วน XML"} อ่านไม่ได้`;
  return `damaged .xlsx: a part of the workbook is missing or does not hold what Excel writes — ${advice} / ไฟล์เสียหาย: ส่วนประกอบของสมุดงานขาดหายหรือไม่ถูกต้อง`;
}

function gridOf(ws: ExcelJS.Worksheet): SheetGrid {
  const rows: CellValue[][] = [];
  const formulas: GridFormula[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      // exceljs repeats a merged area's value in every cell of it; Excel (and the office host) keeps it
      // in the top-left cell only, and so do we, so that both hosts return the same grid
      values[col - 1] = cell.isMerged && cell.master.address !== cell.address ? null : fromExcelJs(cell.value);
      // a formula cell: its text as Excel shows it (shared formulas translated to this cell by exceljs)
      if (cell.type === ExcelJS.ValueType.Formula && !(cell.isMerged && cell.master.address !== cell.address)) {
        formulas.push({ row: rowNumber - 1, col: col - 1, formula: `=${cell.formula ?? ""}` });
      }
    });
    for (let i = 0; i < values.length; i++) if (values[i] === undefined) values[i] = null;
    rows[rowNumber - 1] = values;
  });
  for (let i = 0; i < rows.length; i++) if (rows[i] === undefined) rows[i] = [];
  // exceljs keeps merges in a private map; the public `model` getter would serialise the whole sheet
  const merges = Object.values((ws as unknown as { _merges: Record<string, { range: string }> })._merges ?? {}).map((m) => m.range);
  return { name: ws.name, visibility: ws.state ?? "visible", rows, merges, ...(formulas.length > 0 ? { formulas } : {}) };
}

/** The values of a row's first `width` cells as gridOf gives them (a merged area's value in its top-left cell only). */
function rowValues(ws: ExcelJS.Worksheet, row: number, width: number): CellValue[] {
  const out: CellValue[] = Array.from({ length: width }, () => null);
  ws.getRow(row).eachCell({ includeEmpty: false }, (cell, col) => {
    if (col <= width) out[col - 1] = cell.isMerged && cell.master.address !== cell.address ? null : fromExcelJs(cell.value);
  });
  return out;
}

/**
 * The sheet's dropdowns and conditional formats after row `row` is deleted, as Excel moves them: those
 * below move up, a range that held the row shrinks, one on the row alone goes. exceljs's spliceRows moves
 * neither (dropdowns are kept per cell once a file is read, by range as this host adds them).
 */
function shiftSheetRanges(ws: ExcelJS.Worksheet, row: number): void {
  const shift = (address: string) => {
    const moved = shiftFormulaRows(address, ws.name, ws.name, row);
    return moved.includes("#REF!") ? undefined : moved;
  };
  // exceljs 4.4 has worksheet.dataValidations and conditionalFormattings but its typings omit them
  const validations = (ws as unknown as { dataValidations?: { model: Record<string, unknown> } }).dataValidations;
  if (validations) {
    const next: Record<string, unknown> = {};
    for (const [address, dv] of Object.entries(validations.model)) {
      const moved = shift(address);
      if (moved) next[moved] = dv;
    }
    validations.model = next;
  }
  const formats = (ws as unknown as { conditionalFormattings?: { ref: string; rules: { formulae?: string[] }[] }[] }).conditionalFormattings;
  if (formats) {
    const kept = formats.flatMap((cf) => {
      const ref = shift(cf.ref);
      if (!ref) return [];
      // a rule's formula is relative to the range's top-left cell: it moves only when the whole range moves
      if (!rangeBelow(cf.ref, row)) return [{ ...cf, ref }];
      return [{ ...cf, ref, rules: cf.rules.map((r) => (r.formulae ? { ...r, formulae: r.formulae.map((f) => shiftFormulaRows(f, ws.name, ws.name, row)) } : r)) }];
    });
    formats.splice(0, formats.length, ...kept);
  }
}

/** Whether every area of an address ("I2:I1001", "A3 C3:C9") starts below row `row`. */
function rangeBelow(address: string, row: number): boolean {
  const tops = [...address.matchAll(/[A-Z]+\$?(\d+)(?::\$?[A-Z]+\$?\d+)?/g)].map((m) => Number(m[1]));
  return tops.length > 0 && tops.every((top) => top > row);
}

/** Every shared formula of the sheet as its own formula text (exceljs translates a clone's formula to its cell). */
function unshareFormulas(ws: ExcelJS.Worksheet): void {
  ws.eachRow({ includeEmpty: false }, (r) => r.eachCell({ includeEmpty: false }, (cell) => {
    const v = cell.value as (ExcelJS.CellSharedFormulaValue & { shareType?: string; ref?: string }) | ExcelJS.CellFormulaValue | null;
    if (cell.type !== ExcelJS.ValueType.Formula || !v) return;
    if ("sharedFormula" in v || ("shareType" in v && v.shareType !== undefined)) {
      const formula = cell.formula;
      cell.value = (v.result === undefined ? { formula } : { formula, result: v.result }) as ExcelJS.CellFormulaValue;
    }
  }));
}

function definedNames(book: ExcelJS.Workbook): DefinedName[] {
  const model = book.definedNames.model as { name: string; ranges: string[] }[];
  return model.flatMap((n) =>
    n.ranges.map((ref) => {
      const m = /^'?(.*?)'?!(.+)$/.exec(ref);
      return { name: n.name, sheet: (m?.[1] ?? "").replace(/''/g, "'"), range: m?.[2] ?? ref };
    }),
  );
}

const argb = (hex: string): { argb: string } => ({ argb: hex });

function renderSheet(book: ExcelJS.Workbook, spec: SheetSpec): void {
  const ws = book.addWorksheet(spec.name, {
    state: spec.visibility,
    views: spec.freeze.rows || spec.freeze.columns
      ? [{ state: "frozen", xSplit: spec.freeze.columns, ySplit: spec.freeze.rows }]
      : [],
    ...(spec.tabColor ? { properties: { tabColor: argb(spec.tabColor) } } : {}),
  });
  spec.columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = c.width;
    if (c.numFmt) col.numFmt = c.numFmt;
    col.alignment = c.wrap ? { wrapText: true, vertical: "top" } : { vertical: "top" };
  });
  spec.rows.forEach((cells, r) => {
    const row = ws.getRow(r + 1);
    cells.forEach((v, c) => {
      if (v === null) return;
      const cell = row.getCell(c + 1);
      cell.value = toExcelJs(v);
      if (v instanceof Date && !spec.columns[c]?.numFmt) cell.numFmt = "[$-107041E]d mmm yyyy";
      if (isFormula(v)) cell.protection = { locked: true };
    });
  });
  for (const f of spec.cellFormats) ws.getCell(f.cell).numFmt = f.numFmt;
  // one overlap check for the sheet, not exceljs's per-merge scan of every earlier merge (quadratic: merges.ts)
  mergeAll(ws, spec.merges ?? []);
  if (spec.font) {
    const font = spec.font;
    spec.columns.forEach((_, i) => { ws.getColumn(i + 1).font = { name: font.name, size: font.size }; });
    spec.rows.forEach((cells, r) => cells.forEach((_, c) => styleCell(ws.getRow(r + 1).getCell(c + 1), {}, font)));
  }
  for (const rs of spec.rowStyles) {
    const style: CellStyle = rs.style.wrap && !rs.style.vertical ? { ...rs.style, vertical: "middle" } : rs.style;
    for (let r = rs.from; r <= rs.to; r++) for (let c = 1; c <= spec.columns.length; c++) styleCell(ws.getRow(r).getCell(c), style, spec.font);
  }
  for (const as of spec.areaStyles ?? []) {
    const area = parseArea(as.range);
    if (!area) continue;
    for (let r = area.top; r <= area.bottom; r++) for (let c = area.left; c <= area.right; c++) styleCell(ws.getRow(r).getCell(c), as.style, spec.font);
  }
  for (const h of spec.rowHeights ?? []) ws.getRow(h.row).height = h.height;
  if (spec.print) {
    const p = spec.print;
    Object.assign(ws.pageSetup, {
      paperSize: 9, // A4
      orientation: p.orientation,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      ...(p.printTitleRows ? { printTitlesRow: p.printTitleRows } : {}),
      // exceljs writes `$${part}` for each end: "A$2" becomes the absolute "$A$2" Excel and LibreOffice need
      ...(p.printArea ? { printArea: p.printArea.replace(/\$/g, "").replace(/([A-Z]+)(\d+)/g, "$1$$$2") } : {}),
    });
    if (p.footer) ws.headerFooter = { ...ws.headerFooter, oddFooter: `&C${p.footer}` };
    // exceljs breaks after a row
    for (const r of p.pageBreaks ?? []) if (r > 1) ws.getRow(r - 1).addPageBreak();
  }
  for (const cf of spec.conditionalFills ?? []) {
    ws.addConditionalFormatting({
      ref: cf.range,
      rules: [{
        type: "expression",
        priority: 1,
        formulae: [cf.formula],
        style: {
          fill: { type: "pattern", pattern: "solid", bgColor: argb(cf.fill) },
          ...(cf.fontColor ? { font: { color: argb(cf.fontColor) } } : {}),
        },
      }],
    });
  }
  for (const v of spec.validations) {
    const area = parseArea(v.range);
    if (!area) continue;
    // exceljs 4.4 has worksheet.dataValidations but its typings omit it
    (ws as unknown as { dataValidations: { add(range: string, dv: ExcelJS.DataValidation): void } }).dataValidations.add(v.range, {
      type: "list",
      allowBlank: true,
      formulae: [v.listName],
      showErrorMessage: true,
      errorStyle: "warning",
      errorTitle: "ค่าไม่อยู่ในรายการ / Not in the list",
      error: "กรุณาเลือกจากรายการ — Please pick a value from the list",
      ...(v.prompt ? { showInputMessage: true, prompt: v.prompt } : {}),
    });
  }
}

const H_ALIGN = { left: "left", center: "center", right: "right" } as const;
const V_ALIGN = { top: "top", middle: "middle" } as const;
const THIN: ExcelJS.Border = { style: "thin", color: { argb: "FF000000" } };

/** Applies a style on top of what the cell has, with the sheet's font underneath. */
function styleCell(cell: ExcelJS.Cell, style: CellStyle, font: SheetFont | undefined): void {
  if (font || style.bold !== undefined || style.italic !== undefined || style.fontColor || style.fontName || style.fontSize) {
    cell.font = {
      ...(font ? { name: font.name, size: font.size } : {}),
      ...cell.font,
      ...(style.fontName ? { name: style.fontName } : {}),
      ...(style.fontSize ? { size: style.fontSize } : {}),
      ...(style.bold !== undefined ? { bold: style.bold } : {}),
      ...(style.italic !== undefined ? { italic: style.italic } : {}),
      ...(style.fontColor ? { color: argb(style.fontColor) } : {}),
    };
  }
  if (style.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: argb(style.fill) };
  if (style.wrap || style.horizontal || style.vertical) {
    cell.alignment = {
      ...cell.alignment,
      ...(style.wrap ? { wrapText: true } : {}),
      ...(style.horizontal ? { horizontal: H_ALIGN[style.horizontal] } : {}),
      ...(style.vertical ? { vertical: V_ALIGN[style.vertical] } : {}),
    };
  }
  if (style.border === "thin") cell.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
  if (style.numFmt) cell.numFmt = style.numFmt;
}
