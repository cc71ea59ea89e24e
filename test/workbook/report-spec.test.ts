/**
 * Report sheets on both hosts: a spec with merged titles, a bordered table, fonts, fills, Thai-digit
 * number formats, row heights, conditional fills and an A4 landscape print setup is rendered by exceljs
 * and by the Excel adapter (on the counting fake); both read back the same cells, and each host holds
 * what was asked. Writing stays two syncs however much formatting there is.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { OfficeWorkbook } from "../../src/hosts/office/office-workbook";
import { XlsxWorkbook } from "../../src/hosts/xlsx/xlsx-workbook";
import type { CellInput, SheetSpec, WorkbookSpec } from "../../src/workbook/grid";
import { FakeExcel, setsUpTo } from "../support/fake-excel";
import { expectWithinBudget, trips } from "../support/budget";

const THAI_DIGITS = "[$-D000000]0";
const SHEET = "รายงานทดสอบ";

function reportSpec(bodyRows = 3): SheetSpec {
  const rows: CellInput[][] = [
    ["การประเมินความเสี่ยงการทุจริต", null, null, null],
    ["ของ อบต.ตัวอย่าง", null, null, null],
    ["ลำดับที่", "ประเด็นความเสี่ยง", "Risk Score", null],
    [null, null, "ระดับ", "คะแนน"],
  ];
  for (let i = 0; i < bodyRows; i++) rows.push([i + 1, `ประเด็นที่ ${i + 1} ซึ่งยาวพอที่จะต้องตัดบรรทัดในเซลล์`, i % 2 === 0 ? "สูง" : "ต่ำ", { formula: `${i + 2}*3` }]);
  const last = rows.length;
  return {
    name: SHEET,
    visibility: "visible",
    rows,
    columns: [{ width: 8 }, { width: 40 }, { width: 12 }, { width: 9 }],
    formattedRows: 0,
    freeze: { rows: 0, columns: 0 },
    rowStyles: [],
    validations: [],
    cellFormats: [],
    font: { name: "TH SarabunPSK", size: 16 },
    merges: ["A1:D1", "A2:D2", "A3:A4", "B3:B4", "C3:D3"],
    areaStyles: [
      { range: "A1:D2", style: { bold: true, fontSize: 18, horizontal: "center" } },
      { range: `A3:D${last}`, style: { border: "thin", vertical: "top", wrap: true } },
      { range: "A3:D4", style: { bold: true, fill: "FFD9D9D9", horizontal: "center", vertical: "middle" } },
      { range: `A5:A${last}`, style: { numFmt: THAI_DIGITS, horizontal: "center" } },
      { range: `D5:D${last}`, style: { numFmt: THAI_DIGITS, italic: true, fontColor: "FF1F4E79" } },
    ],
    rowHeights: [{ row: 1, height: 30 }, { row: 5, height: 48 }],
    print: { orientation: "landscape", paper: "A4", fitToWidth: true, printTitleRows: "3:4", printArea: `A2:D${last}`, footer: "หน้า &P จาก &N", pageBreaks: [6] },
    conditionalFills: [{ range: `C5:C${last}`, formula: 'C5="สูง"', fill: "FFFF9400" }],
  };
}

const spec = (bodyRows = 3): WorkbookSpec => ({ sheets: [reportSpec(bodyRows)], names: [] });

/** The values every host must read back: merged areas keep their value in the top-left cell only. */
const expectedRows = [
  ["การประเมินความเสี่ยงการทุจริต"],
  ["ของ อบต.ตัวอย่าง"],
  ["ลำดับที่", "ประเด็นความเสี่ยง", "Risk Score"],
  [null, null, "ระดับ", "คะแนน"],
  [1, "ประเด็นที่ 1 ซึ่งยาวพอที่จะต้องตัดบรรทัดในเซลล์", "สูง"],
  [2, "ประเด็นที่ 2 ซึ่งยาวพอที่จะต้องตัดบรรทัดในเซลล์", "ต่ำ"],
  [3, "ประเด็นที่ 3 ซึ่งยาวพอที่จะต้องตัดบรรทัดในเซลล์", "สูง"],
];
/** Formulas have no cached value until a spreadsheet calculates them; the hosts read them as empty. */
const trim = (rows: readonly (readonly unknown[])[]) => rows.map((r) => {
  const out = [...r];
  while (out.length > 0 && out[out.length - 1] === null) out.pop();
  return out;
});

describe("report sheets on the xlsx host (exceljs)", () => {
  let ws: ExcelJS.Worksheet;
  let book: XlsxWorkbook;

  beforeAll(async () => {
    book = XlsxWorkbook.empty();
    await book.writeSheets(spec(), "refuse");
    // what a file holds: written out and opened again by exceljs itself
    const reopened = new ExcelJS.Workbook();
    await reopened.xlsx.load((await book.toBytes()) as unknown as ArrayBuffer);
    ws = reopened.getWorksheet(SHEET) as ExcelJS.Worksheet;
  });

  it("reads back the cells, merged areas holding their value in the top-left cell", async () => {
    const again = await XlsxWorkbook.open(await book.toBytes());
    const grid = (await again.readGrids()).sheets.find((s) => s.name === SHEET);
    expect(trim(grid?.rows ?? [])).toEqual(expectedRows);
    expect([...(grid?.merges ?? [])].sort()).toEqual(["A1:D1", "A2:D2", "A3:A4", "B3:B4", "C3:D3"]);
  });

  it("keeps fonts, fills, borders, alignment, number formats and row heights", () => {
    expect(ws.getCell("B6").font).toMatchObject({ name: "TH SarabunPSK", size: 16 });
    expect(ws.getCell("A1").font).toMatchObject({ name: "TH SarabunPSK", size: 18, bold: true });
    expect(ws.getCell("A1").alignment).toMatchObject({ horizontal: "center" });
    expect(ws.getCell("B3").fill).toMatchObject({ type: "pattern", pattern: "solid", fgColor: { argb: "FFD9D9D9" } });
    expect(ws.getCell("B3").alignment).toMatchObject({ horizontal: "center", vertical: "middle", wrapText: true });
    for (const edge of ["top", "left", "bottom", "right"] as const) expect(ws.getCell("D7").border[edge]).toMatchObject({ style: "thin" });
    expect(ws.getCell("A5").numFmt).toBe(THAI_DIGITS);
    expect(ws.getCell("D5").font).toMatchObject({ italic: true, color: { argb: "FF1F4E79" }, name: "TH SarabunPSK" });
    expect(ws.getCell("D5").value).toEqual({ formula: "2*3" });
    expect(ws.getRow(1).height).toBe(30);
    expect(ws.getRow(5).height).toBe(48);
  });

  it("prints on A4 landscape, one page wide, with the header rows on every page", () => {
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "3:4" });
    expect(String(ws.pageSetup.printArea).replace(/\$/g, "")).toBe("A2:D7");
    expect(ws.headerFooter.oddFooter).toBe("&Cหน้า &P จาก &N");
  });

  it("breaks the page before the rows asked (exceljs writes <brk> after the row above)", async () => {
    const zip = await JSZip.loadAsync(await book.toBytes());
    const sheets = Object.keys(zip.files).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f));
    const xml = (await Promise.all(sheets.map((f) => (zip.file(f) as JSZip.JSZipObject).async("string")))).join("");
    expect(/<rowBreaks[^>]*>(.*?)<\/rowBreaks>/.exec(xml)?.[1]).toMatch(/^<brk id="5"[^>]*man="1"\/>$/);
  });

  it("colours by conditional formats", () => {
    const cfs = (ws as unknown as { conditionalFormattings: { ref: string; rules: { type: string; formulae: string[]; style: { fill: { bgColor: { argb: string } } } }[] }[] }).conditionalFormattings;
    expect(cfs.map((cf) => ({ ref: cf.ref, formula: cf.rules[0]?.formulae[0], fill: cf.rules[0]?.style.fill.bgColor.argb }))).toEqual([
      { ref: "C5:C7", formula: 'C5="สูง"', fill: "FFFF9400" },
    ]);
  });
});

describe("report sheets on the Excel host (counting fake)", () => {
  const write = async (bodyRows = 3, configure: (excel: FakeExcel) => void = () => undefined) => {
    const excel = new FakeExcel();
    excel.supported.add("1.13");
    configure(excel);
    const port = new OfficeWorkbook(excel.run, excel.supports);
    await port.writeSheets(spec(bodyRows), "refuse");
    return { excel, port, writeSyncs: excel.syncCount };
  };

  it("reads back the same cells and merged areas as the xlsx host", async () => {
    const { port, excel } = await write();
    const before = excel.syncCount;
    const grid = (await port.readGrids()).sheets.find((s) => s.name === SHEET);
    expect(excel.syncCount - before).toBe(trips(excel).read);
    expect(trim(grid?.rows ?? [])).toEqual(expectedRows);
    expect([...(grid?.merges ?? [])].sort()).toEqual(["A1:D1", "A2:D2", "A3:A4", "B3:B4", "C3:D3"]);
    expect(excel.sheet(SHEET)?.cells.get("D5")?.formula).toBe("=2*3");
  });

  it("formats by range: fonts, fills, borders, alignment, number formats, row heights", async () => {
    const { excel } = await write();
    const f = (cell: string, key: string) => excel.formatOf(SHEET, cell, key);
    expect([f("B6", "font.name"), f("B6", "font.size")]).toEqual(["TH SarabunPSK", 16]);
    expect([f("A1", "font.size"), f("A1", "font.bold"), f("A1", "horizontalAlignment")]).toEqual([18, true, "Center"]);
    expect([f("B3", "fill.color"), f("B3", "verticalAlignment"), f("B3", "wrapText")]).toEqual(["#D9D9D9", "Center", true]);
    for (const edge of ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideHorizontal", "InsideVertical"]) {
      expect([f("C6", `borders.${edge}.style`), f("C6", `borders.${edge}.weight`)]).toEqual(["Continuous", "Thin"]);
    }
    expect(excel.sheet(SHEET)?.cells.get("A5")?.numberFormat).toBe(THAI_DIGITS);
    expect([f("D5", "font.italic"), f("D5", "font.color")]).toEqual([true, "#1F4E79"]);
    expect([...(excel.sheet(SHEET)?.rowHeights ?? [])]).toEqual([[1, 30], [5, 48]]);
  });

  it("sets up printing (ExcelApi 1.9) and conditional fills (1.6)", async () => {
    const { excel } = await write();
    expect(excel.sheet(SHEET)?.pageLayout).toEqual({
      orientation: "Landscape", paperSize: "A4", zoom: { horizontalFitToPages: 1 }, printTitleRows: "$3:$4", printArea: "A2:D7",
      centerFooter: "หน้า &P จาก &N", pageBreaks: [6],
    });
    expect(excel.sheet(SHEET)?.conditionalFormats.map((cf) => ({ range: cf.range, formula: cf.formula, fill: cf.fill }))).toEqual([
      { range: "C5:C7", formula: '=C5="สูง"', fill: "#FF9400" },
    ]);
  });

  it("without ExcelApi 1.9 the sheet is written all the same, with Excel's print defaults", async () => {
    const { excel, writeSyncs } = await write(3, (x) => { x.supported = setsUpTo("1.8"); });
    expect(writeSyncs).toBe(trips(excel).write);
    expect(excel.sheet(SHEET)?.pageLayout).toEqual({});
    expect(excel.sheet(SHEET)?.merges).toHaveLength(5);
  });

  it("writes in its fixed round trips, however many rows and formats, each sync within the budget", async () => {
    const small = await write(3);
    const big = await write(400);
    expect(small.writeSyncs).toBe(trips(small.excel).write);
    expect(big.writeSyncs).toBe(trips(big.excel).write);
    expectWithinBudget(big.excel);
  });
});
