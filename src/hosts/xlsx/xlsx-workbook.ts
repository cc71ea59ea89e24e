/** The .xlsx host: exceljs over a workbook in memory (CLI, standalone browser mode, tests). */
import ExcelJS from "exceljs";
import type { ExistingSheetPolicy, SheetInfo, WorkbookPort } from "../../app/port";
import { SheetConflictError } from "../../app/port";
import { parseArea, sheetRef } from "../../workbook/a1";
import type { CellValue, DefinedName, SheetGrid, SheetSpec, WorkbookGrids, WorkbookSpec } from "../../workbook/grid";
import { isFormula } from "../../workbook/grid";
import { fromExcelJs, toExcelJs } from "./cells";

export class WorkbookOpenError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = "WorkbookOpenError";
  }
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

export class XlsxWorkbook implements WorkbookPort {
  private constructor(readonly book: ExcelJS.Workbook) {}

  static empty(): XlsxWorkbook {
    const book = new ExcelJS.Workbook();
    book.creator = "Sujarit";
    return new XlsxWorkbook(book);
  }

  /** Opens .xlsx bytes; anything that is not one becomes a WorkbookOpenError with the reason. */
  static async open(data: Uint8Array): Promise<XlsxWorkbook> {
    if (data.byteLength === 0) throw new WorkbookOpenError("empty file / ไฟล์ว่าง");
    if (!ZIP_MAGIC.every((b, i) => data[i] === b)) {
      const ole = [0xd0, 0xcf, 0x11, 0xe0].every((b, i) => data[i] === b);
      const kind = ole ? "old .xls or encrypted file / ไฟล์ .xls รุ่นเก่าหรือไฟล์ที่ใส่รหัสผ่าน" : "not a zip-based .xlsx / ไม่ใช่ไฟล์ .xlsx";
      throw new WorkbookOpenError(kind);
    }
    const book = new ExcelJS.Workbook();
    try {
      await book.xlsx.load(data as unknown as ArrayBuffer);
    } catch (e) {
      throw new WorkbookOpenError(`damaged .xlsx / ไฟล์เสียหาย: ${(e as Error).message}`);
    }
    return new XlsxWorkbook(book);
  }

  async toBytes(): Promise<Uint8Array> {
    const out = await this.book.xlsx.writeBuffer();
    return new Uint8Array(out as ArrayBuffer);
  }

  async listSheets(): Promise<SheetInfo[]> {
    return this.book.worksheets.map((ws) => ({ name: ws.name, visibility: ws.state ?? "visible" }));
  }

  async readGrids(): Promise<WorkbookGrids> {
    return { sheets: this.book.worksheets.map(gridOf), names: definedNames(this.book) };
  }

  async writeSheets(spec: WorkbookSpec, policy: ExistingSheetPolicy): Promise<void> {
    const existing = spec.sheets.map((s) => s.name).filter((n) => this.book.getWorksheet(n));
    if (existing.length > 0 && policy === "refuse") throw new SheetConflictError(existing);
    for (const name of existing) this.book.removeWorksheet((this.book.getWorksheet(name) as ExcelJS.Worksheet).id);
    for (const sheet of spec.sheets) renderSheet(this.book, sheet);
    for (const n of spec.names) {
      this.book.definedNames.remove(`${sheetRef(n.sheet, n.range)}`, n.name);
      this.book.definedNames.add(sheetRef(n.sheet, n.range), n.name);
    }
  }
}

function gridOf(ws: ExcelJS.Worksheet): SheetGrid {
  const rows: CellValue[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      // exceljs repeats a merged area's value in every cell of it; Excel (and the office host) keeps it
      // in the top-left cell only, and so do we, so that both hosts return the same grid
      values[col - 1] = cell.isMerged && cell.master.address !== cell.address ? null : fromExcelJs(cell.value);
    });
    for (let i = 0; i < values.length; i++) if (values[i] === undefined) values[i] = null;
    rows[rowNumber - 1] = values;
  });
  for (let i = 0; i < rows.length; i++) if (rows[i] === undefined) rows[i] = [];
  // exceljs keeps merges in a private map; the public `model` getter would serialise the whole sheet
  const merges = Object.values((ws as unknown as { _merges: Record<string, { range: string }> })._merges ?? {}).map((m) => m.range);
  return { name: ws.name, visibility: ws.state ?? "visible", rows, merges };
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
  for (const rs of spec.rowStyles) {
    for (let r = rs.from; r <= rs.to; r++) {
      const row = ws.getRow(r);
      for (let c = 1; c <= spec.columns.length; c++) {
        const cell = row.getCell(c);
        if (rs.style.bold || rs.style.fontColor) cell.font = { bold: !!rs.style.bold, ...(rs.style.fontColor ? { color: argb(rs.style.fontColor) } : {}) };
        if (rs.style.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: argb(rs.style.fill) };
        if (rs.style.wrap) cell.alignment = { wrapText: true, vertical: "middle" };
      }
    }
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
