/**
 * Merged areas registered in bulk (src/hosts/xlsx/merges.ts, issue 13): the same sheets as exceljs's own
 * `mergeCells` called once per area, and overlaps refused before anything is merged.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { previewFrom } from "../../../src/app/report";
import type { PlanWorkbook } from "../../../src/domain/plan";
import { fiscalYear } from "../../../src/domain/units";
import { exceljsParseMergeCells, mergeAll, MergeOverlapError } from "../../../src/hosts/xlsx/merges";
import { WorkbookOpenError, XlsxWorkbook } from "../../../src/hosts/xlsx/xlsx-workbook";
import type { SheetSpec } from "../../../src/workbook/grid";
import { reportSheets } from "../../../src/workbook/reports";
import { describeWorkbook } from "../../../src/workbook/write";
import { bigPlan } from "../../../bench/validate";
import { loadSeed000, sampleModel } from "../../../tools/build-sample";

type Merges = Record<string, { range: string }>;
const mergesOf = (ws: ExcelJS.Worksheet): string[] => Object.values((ws as unknown as { _merges: Merges })._merges).map((m) => m.range);
const sheet = () => new ExcelJS.Workbook().addWorksheet("s");

describe("mergeAll", () => {
  it("merges as mergeCells does: the same areas in the same order, the cells marked with their master", () => {
    const ranges = ["A1:B2", "C1:C3", "A4:D4", "E1:E1", "B6:C7"];
    const bulk = sheet();
    const oneByOne = sheet();
    bulk.getCell("A1").value = "a";
    oneByOne.getCell("A1").value = "a";
    mergeAll(bulk, ranges);
    for (const r of ranges) oneByOne.mergeCells(r);
    expect(mergesOf(bulk)).toEqual(mergesOf(oneByOne));
    expect(mergesOf(bulk)).toEqual(["A1:B2", "C1:C3", "A4:D4", "E1:E1", "B6:C7"]);
    expect(bulk.getCell("B2").isMerged).toBe(true);
    expect(bulk.getCell("B2").master.address).toBe("A1");
    expect(bulk.getCell("B2").value).toBe("a");
    expect(bulk.getCell("D4").master.address).toBe("A4");
    expect(bulk.getCell("C2").master.address).toBe("C1");
    expect(bulk.getCell("D1").isMerged).toBe(false);
    // exceljs's own check still sees every area afterwards
    expect(() => bulk.mergeCells("B2:C2")).toThrow("Cannot merge already merged cells");
  });

  it("refuses areas that overlap each other, naming both, and merges nothing", () => {
    const ws = sheet();
    expect(() => mergeAll(ws, ["A1:B2", "D1:E1", "B2:C3"])).toThrow(new MergeOverlapError("s", "B2:C3", "A1:B2"));
    expect(mergesOf(ws)).toEqual([]);
    expect(ws.getCell("B2").isMerged).toBe(false);
    expect(ws.getCell("E1").isMerged).toBe(false);
  });

  it("refuses the same area twice, an area over one the sheet already has, and what is not a range", () => {
    expect(() => mergeAll(sheet(), ["A1:B2", "A1:B2"])).toThrow(MergeOverlapError);
    const ws = sheet();
    ws.mergeCells("E5:F6");
    expect(() => mergeAll(ws, ["A1:A2", "F6:G7"])).toThrow(new MergeOverlapError("s", "F6:G7", "E5:F6"));
    expect(mergesOf(ws)).toEqual(["E5:F6"]);
    expect(ws.getCell("A2").isMerged).toBe(false);
    // touching corners and edges are not overlaps
    mergeAll(ws, ["D4:D4", "G7:H8", "E7:F7", "D5:D6"]);
    expect(mergesOf(ws)).toEqual(["E5:F6", "D4:D4", "G7:H8", "E7:F7", "D5:D6"]);
    expect(() => mergeAll(sheet(), ["A1:B2", "nonsense"])).toThrow(/not a cell range/);
  });
});

/** The report's sheets saved by the host with the merges registered in bulk, or with `mergeCells` per area (jest module mock). */
async function savedSheets(specs: SheetSpec[], oneByOne: boolean): Promise<{ parts: Record<string, string>; calls: number }> {
  let calls = 0;
  let Xlsx: typeof XlsxWorkbook | undefined;
  jest.isolateModules(() => {
    if (oneByOne) {
      jest.doMock("../../../src/hosts/xlsx/merges", () => ({
        mergeAll: (ws: ExcelJS.Worksheet, ranges: readonly string[]) => {
          calls++;
          for (const r of ranges) ws.mergeCells(r);
        },
      }));
    }
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a fresh copy of the host, with or without the mock
    Xlsx = (require("../../../src/hosts/xlsx/xlsx-workbook") as typeof import("../../../src/hosts/xlsx/xlsx-workbook")).XlsxWorkbook;
  });
  jest.dontMock("../../../src/hosts/xlsx/merges");
  const book = (Xlsx as typeof XlsxWorkbook).empty();
  await book.writeSheets({ sheets: specs, names: [] }, "refuse");
  const zip = await JSZip.loadAsync(await book.toBytes());
  const parts: Record<string, string> = {};
  for (const name of Object.keys(zip.files).filter((n) => n.startsWith("xl/")).sort()) parts[name] = await (zip.files[name] as JSZip.JSZipObject).async("string");
  return { parts, calls };
}

async function reportSpecs(model: PlanWorkbook): Promise<SheetSpec[]> {
  const book = XlsxWorkbook.empty();
  await book.writeSheets(describeWorkbook(model, { createdAt: new Date("2026-11-23T00:00:00Z") }), "refuse");
  const grids = await (await XlsxWorkbook.open(await book.toBytes())).readGrids();
  const preview = previewFrom(grids, { fy: fiscalYear(2567), round: 12 }, new Date("2026-11-23T00:00:00Z"));
  return reportSheets(preview.context, { cards: true });
}

describe.each([
  ["the sample", () => sampleModel(loadSeed000())],
  ["a plan of 150 items", () => bigPlan(150, 1800)],
])("the report of %s saved with merges in bulk", (_, model) => {
  it("is the same workbook, part for part, as with mergeCells per area", async () => {
    const specs = await reportSpecs(model());
    const merges = specs.reduce((n, s) => n + (s.merges?.length ?? 0), 0);
    expect(merges).toBeGreaterThan(500);
    const bulk = await savedSheets(specs, false);
    const reference = await savedSheets(specs, true);
    expect(bulk.calls).toBe(0);
    expect(reference.calls).toBe(specs.length);
    expect(Object.keys(bulk.parts)).toEqual(Object.keys(reference.parts));
    expect(Object.keys(bulk.parts).filter((p) => p.startsWith("xl/worksheets/sheet")).length).toBe(specs.length);
    for (const [name, xml] of Object.entries(bulk.parts)) expect({ name, xml }).toEqual({ name, xml: reference.parts[name] });
    const mergeCount = Object.values(bulk.parts).reduce((n, xml) => n + (xml.match(/<mergeCell /g)?.length ?? 0), 0);
    expect(mergeCount).toBe(merges);
  }, 120_000);
});

/** exceljs's loader with its own one-by-one merge step put back for the duration of `f`. */
async function withExcelJsLoader<T>(f: () => Promise<T>): Promise<T> {
  const proto = Object.getPrototypeOf(sheet()) as { _parseMergeCells: unknown };
  const bulk = proto._parseMergeCells;
  proto._parseMergeCells = exceljsParseMergeCells;
  try {
    return await f();
  } finally {
    proto._parseMergeCells = bulk;
  }
}

/** Every sheet's merges, and every merged cell's master and style, as exceljs holds them after a load. */
function loaded(book: ExcelJS.Workbook): unknown[] {
  return book.worksheets.map((ws) => {
    const cells: string[] = [];
    ws.eachRow({ includeEmpty: true }, (row) => row.eachCell({ includeEmpty: true }, (cell) => {
      if (cell.isMerged) cells.push(`${cell.address}→${cell.master.address} ${JSON.stringify(cell.style)}`);
    }));
    return { name: ws.name, merges: mergesOf(ws), cells };
  });
}

describe("opening a workbook with merged areas", () => {
  it("loads through mergeAll: the same merges, masters and styles as exceljs's own loader, and saves the same parts", async () => {
    expect(exceljsParseMergeCells).toBeInstanceOf(Function);
    expect((Object.getPrototypeOf(sheet()) as { _parseMergeCells: unknown })._parseMergeCells).not.toBe(exceljsParseMergeCells);
    const specs = await reportSpecs(sampleModel(loadSeed000()));
    const book = XlsxWorkbook.empty();
    await book.writeSheets({ sheets: specs, names: [] }, "refuse");
    const bytes = await book.toBytes();
    const bulk = new ExcelJS.Workbook();
    await bulk.xlsx.load(Buffer.from(bytes));
    const reference = new ExcelJS.Workbook();
    await withExcelJsLoader(() => reference.xlsx.load(Buffer.from(bytes)));
    const [a, b] = [loaded(bulk), loaded(reference)];
    expect(a).toEqual(b);
    expect(a.reduce((n: number, s) => n + (s as { merges: string[] }).merges.length, 0)).toBe(specs.reduce((n, s) => n + (s.merges?.length ?? 0), 0));
    const zips = await Promise.all([bulk, reference].map(async (w) => JSZip.loadAsync(await w.xlsx.writeBuffer())));
    for (const name of Object.keys(zips[1]!.files).filter((n) => n.startsWith("xl/"))) {
      expect({ name, xml: await zips[0]!.file(name)?.async("string") }).toEqual({ name, xml: await zips[1]!.file(name)?.async("string") });
    }
  }, 60_000);

  it("still refuses a file whose merged areas overlap, as exceljs did", async () => {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet("s");
    ws.getCell("A1").value = "x";
    ws.mergeCells("A1:B2");
    const zip = await JSZip.loadAsync(await book.xlsx.writeBuffer());
    const path = "xl/worksheets/sheet1.xml";
    const xml = (await zip.file(path)?.async("string")) as string;
    expect(xml).toContain('<mergeCells count="1"><mergeCell ref="A1:B2"/></mergeCells>');
    zip.file(path, xml.replace('<mergeCells count="1"><mergeCell ref="A1:B2"/></mergeCells>', '<mergeCells count="2"><mergeCell ref="A1:B2"/><mergeCell ref="B2:C3"/></mergeCells>'));
    const bytes = await zip.generateAsync({ type: "uint8array" });
    await expect(withExcelJsLoader(() => new ExcelJS.Workbook().xlsx.load(Buffer.from(bytes)))).rejects.toThrow("Cannot merge already merged cells");
    await expect(new ExcelJS.Workbook().xlsx.load(Buffer.from(bytes))).rejects.toThrow(new MergeOverlapError("s", "B2:C3", "A1:B2"));
    await expect(XlsxWorkbook.open(bytes)).rejects.toThrow(WorkbookOpenError);
  });
});
