/** The Excel session's capabilities over the counting fake: reveal, highlight (conditional formats), watch. */
import { cellMarks, cellText } from "../../../src/app/checks";
import type { CellMark } from "../../../src/app/session";
import type { Finding } from "../../../src/domain/findings";
import { base64Of, MARK_FILL, MARK_TAG, markFormula, newWorkbook, NewWorkbookTooLargeError, officeSession } from "../../../src/hosts/office/office-session";
import { XlsxWorkbook } from "../../../src/hosts/xlsx/xlsx-workbook";
import type { WorkbookGrids } from "../../../src/workbook/grid";
import { FakeExcel, setsUpTo } from "../../support/fake-excel";
import { trips } from "../../support/budget";

const SHEET = "แผนปฏิบัติการ";
const TAGGED = `=${MARK_TAG}`;

function excelWithCells(): FakeExcel {
  const excel = new FakeExcel();
  excel.setCell(SHEET, "A1", { value: "รหัส" });
  excel.setCell(SHEET, "A2", { value: "1.1.1", numberFormat: "@" });
  excel.setCell(SHEET, "G2", { value: -500, numberFormat: "#,##0", fill: "#00FF00" });
  excel.setCell("ผลรายเดือน", "C2", { value: "9.9.9" });
  excel.syncCount = 0;
  return excel;
}

const mark = (range: string, severity: CellMark["severity"], value?: CellMark["value"], sheet = SHEET): CellMark =>
  value === undefined ? { sheet, range, severity } : { sheet, range, severity, value };

const ours = (excel: FakeExcel, sheet = SHEET) =>
  (excel.sheet(sheet)?.conditionalFormats ?? []).filter((cf) => cf.formula.includes(MARK_TAG)).map((cf) => ({ range: cf.range, fill: cf.fill, formula: cf.formula }));

describe("markFormula: the tag, and 'the cell still holds what was checked' where that can be written exactly", () => {
  it.each<[CellMark, string]>([
    [mark("A4", "error", "1.1.1"), `=AND(${MARK_TAG},EXACT(A4,"1.1.1"))`],
    [mark("E5", "warning", 'ชื่อ "ในเครื่องหมาย"'), `=AND(${MARK_TAG},EXACT(E5,"ชื่อ ""ในเครื่องหมาย"""))`],
    [mark("G6", "error", -500), `=AND(${MARK_TAG},G6=-500)`],
    [mark("G6", "error", 1234.5), `=AND(${MARK_TAG},G6=1234.5)`],
    [mark("B10", "error", null), `=AND(${MARK_TAG},LEN(TRIM(B10))=0)`],
    [mark("C3", "error", { error: "#REF!" }), `=AND(${MARK_TAG},ISERROR(C3))`],
    [mark("D2", "info", true), `=AND(${MARK_TAG},D2=TRUE)`],
    // no exact literal: 17 significant digits, an exponent, a text too long for Excel's 255 characters
    [mark("G6", "error", 0.1 + 0.2), TAGGED],
    [mark("G6", "error", 1e-9), TAGGED],
    [mark("F2", "warning", "ก".repeat(260)), TAGGED],
    // an area, or no value: the tag alone
    [mark("A2:A9", "warning"), TAGGED],
    [mark("A2", "warning"), TAGGED],
  ])("case %# → %s", (m, formula) => {
    expect(markFormula(m)).toBe(formula);
  });
});

describe("cellMarks", () => {
  const grids: WorkbookGrids = {
    sheets: [{ name: SHEET, visibility: "visible", rows: [["รหัส"], ["1.1.1", null, null, null, null, null, -500]], merges: [] }],
    names: [],
  };
  const f = (rule: string, severity: Finding["severity"], cell?: string, row?: number): Finding => ({
    rule, severity, message: { th: rule, en: rule }, location: { sheet: SHEET, ...(cell ? { cell } : {}), ...(row ? { row } : {}) },
  });

  it("marks each located cell once, with the worst severity and the value read; rows and sheets are not marked", () => {
    const marks = cellMarks([f("M10", "warning", "A2"), f("P7", "error", "A2"), f("B2", "error", "G2"), f("X3", "warning", "A2:B3"), f("P1", "error", undefined, 5), f("S1", "error")], grids);
    expect(marks).toEqual([
      { sheet: SHEET, range: "A2", severity: "error", value: "1.1.1" },
      { sheet: SHEET, range: "G2", severity: "error", value: -500 },
      { sheet: SHEET, range: "A2:B3", severity: "warning" },
    ]);
  });

  it("cellText gives the value read, '' for an empty cell, undefined for a row or a missing sheet", () => {
    expect(cellText(grids, { sheet: SHEET, cell: "G2" })).toBe("-500");
    expect(cellText(grids, { sheet: SHEET, cell: "B2" })).toBe("");
    expect(cellText(grids, { sheet: SHEET, row: 2 })).toBeUndefined();
    expect(cellText(grids, { sheet: "ไม่มี", cell: "A1" })).toBeUndefined();
  });
});

describe("officeSession", () => {
  it("offers highlight from ExcelApi 1.6 and watch from 1.7; reveal always", () => {
    const excel = new FakeExcel();
    excel.supported = new Set(["1.1", "1.2", "1.3", "1.4", "1.5"]);
    const old = officeSession(excel.run, excel.supports);
    expect([typeof old.reveal, old.highlight, old.watch]).toEqual(["function", undefined, undefined]);
    excel.supported.add("1.6");
    expect([officeSession(excel.run, excel.supports).highlight !== undefined, officeSession(excel.run, excel.supports).watch]).toEqual([true, undefined]);
    excel.supported.add("1.7");
    expect(officeSession(excel.run, excel.supports).watch).toBeDefined();
  });

  it("reveal activates the sheet and selects the cell (or the row) in one sync", async () => {
    const excel = excelWithCells();
    const session = officeSession(excel.run, excel.supports);
    await session.reveal?.({ sheet: "ผลรายเดือน", cell: "C2" });
    expect([excel.activeSheet, excel.selection, excel.syncCount]).toEqual(["ผลรายเดือน", { sheet: "ผลรายเดือน", address: "C2" }, 1]);
    await session.reveal?.({ sheet: SHEET, row: 7 });
    expect([excel.activeSheet, excel.selection, excel.syncCount]).toEqual([SHEET, { sheet: SHEET, address: "7:7" }, 2]);
    await expect(session.reveal?.({ sheet: "ไม่มีแผ่นนี้", cell: "A1" })).rejects.toThrow(/ItemNotFound/);
  });

  it("highlight: two syncs for any number of marks; replaces only its own conditional formats; values and formats untouched", async () => {
    const excel = excelWithCells();
    const userCf = excel.addConditionalFormat(SHEET, { type: "Custom", range: "G2:G40", formula: "=G2<0", fill: "#FF00FF" });
    const userCellValue = excel.addConditionalFormat(SHEET, { type: "CellValue", range: "A2:A40", formula: "", fill: "#EEEEEE" });
    const cellsBefore = JSON.stringify([...(excel.sheet(SHEET)?.cells ?? [])]);
    const session = officeSession(excel.run, excel.supports);
    const sheets = [SHEET, "ผลรายเดือน"];

    await session.highlight?.([mark("A2", "warning", "1.1.1"), mark("G2", "error", -500), mark("C2", "info", "9.9.9", "ผลรายเดือน")], sheets);
    expect(excel.syncCount).toBe(trips(excel).highlight);
    expect(ours(excel)).toEqual([
      { range: "A2", fill: MARK_FILL.warning, formula: `=AND(${MARK_TAG},EXACT(A2,"1.1.1"))` },
      { range: "G2", fill: MARK_FILL.error, formula: `=AND(${MARK_TAG},G2=-500)` },
    ]);
    expect(ours(excel, "ผลรายเดือน")).toEqual([{ range: "C2", fill: MARK_FILL.info, formula: `=AND(${MARK_TAG},EXACT(C2,"9.9.9"))` }]);
    expect(excel.enableEvents).toBe(true);

    // again with 300 marks: the same syncs, the old marks gone, the user's conditional formats kept
    excel.syncCount = 0;
    const many = Array.from({ length: 300 }, (_, i) => mark(`B${i + 2}`, "warning"));
    await session.highlight?.(many, sheets);
    expect(excel.syncCount).toBe(trips(excel).highlight);
    expect(ours(excel).map((m) => m.range)).toEqual(many.map((m) => m.range));
    expect(ours(excel, "ผลรายเดือน")).toEqual([]);
    expect(excel.sheet(SHEET)?.conditionalFormats).toEqual(expect.arrayContaining([userCf, userCellValue]));

    excel.syncCount = 0;
    await session.highlight?.([], sheets);
    expect(excel.syncCount).toBe(trips(excel).highlight);
    expect(excel.sheet(SHEET)?.conditionalFormats).toEqual([userCf, userCellValue]);
    expect(JSON.stringify([...(excel.sheet(SHEET)?.cells ?? [])])).toBe(cellsBefore);
  });

  it("watch with ExcelApi 1.9: one workbook-wide handler (one sync), calls back on each change, unsubscribes in one sync", async () => {
    const excel = excelWithCells();
    excel.supported = setsUpTo("1.9");
    const session = officeSession(excel.run, excel.supports);
    const changes: number[] = [];
    const stop = session.watch?.(() => changes.push(excel.syncCount));
    await flush();
    expect([excel.handlers.length, excel.syncCount]).toEqual([1, 1]);
    await excel.fireChange(SHEET, "G2");
    await excel.fireChange("ผลรายเดือน", "C2");
    expect(changes).toHaveLength(2);
    // events switched off (Sujarit's own writes): no call
    excel.enableEvents = false;
    await excel.fireChange(SHEET, "G2");
    excel.enableEvents = true;
    expect(changes).toHaveLength(2);
    stop?.();
    await flush();
    expect([excel.handlers.length, excel.syncCount]).toEqual([0, 2]);
    await excel.fireChange(SHEET, "G2");
    expect(changes).toHaveLength(2);
  });

  it("watch with ExcelApi 1.7 only: a handler on every sheet (two syncs)", async () => {
    const excel = excelWithCells();
    excel.supported = new Set(["1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7"]);
    const session = officeSession(excel.run, excel.supports);
    let changes = 0;
    const stop = session.watch?.(() => changes++);
    await flush();
    expect([excel.handlers.length, excel.syncCount]).toEqual([excel.sheets.length, 2]);
    await excel.fireChange("ผลรายเดือน", "C2");
    expect(changes).toBe(1);
    stop?.();
    await flush();
    expect(excel.handlers).toEqual([]);
  });
});

/** Lets the fake's promise chains (no timers) run to the end. */
async function flush(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

describe("newWorkbook: a second workbook handed to Excel whole (Excel.createWorkbook)", () => {
  const fill = async (port: Parameters<Parameters<typeof newWorkbook>[0]>[0]) => {
    await port.writeSheets({ sheets: [{ name: "ปก", visibility: "visible", rows: [["รายงาน"]], columns: [{ width: 20 }], formattedRows: 0, freeze: { rows: 0, columns: 0 }, rowStyles: [], validations: [], cellFormats: [] }], names: [] }, "replace");
  };

  it("builds the .xlsx and gives it to Excel in Base64, once", async () => {
    const given: string[] = [];
    expect(await newWorkbook(fill, async (b) => { given.push(b); })).toBe("opened");
    expect(given).toHaveLength(1);
    const grids = await (await XlsxWorkbook.open(new Uint8Array(Buffer.from(given[0] as string, "base64")))).readGrids();
    expect(grids.sheets.map((x) => [x.name, x.rows[0]?.[0]])).toEqual([["ปก", "รายงาน"]]);
  });

  it("refuses, in both languages, a file larger than one request of Excel on the web may carry, before calling Excel", async () => {
    const given: string[] = [];
    const refused = newWorkbook(fill, async (b) => { given.push(b); }, 1_000);
    await expect(refused).rejects.toBeInstanceOf(NewWorkbookTooLargeError);
    await expect(refused).rejects.toThrow(/เกินกว่าที่ Excel รับได้ในครั้งเดียว .* more than Excel takes in one request/);
    expect(given).toEqual([]);
  });

  it("encodes Base64 as Node does, across its chunks", () => {
    const bytes = new Uint8Array(70_001).map((_, i) => (i * 31) % 256);
    expect(base64Of(bytes)).toBe(Buffer.from(bytes).toString("base64"));
  });
});
