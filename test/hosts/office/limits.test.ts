/**
 * Excel's documented rules, as the fake enforces them, against the Excel host (issue 12): payload bytes,
 * merged areas, the last visible sheet, failures in the middle of a batch, names before dropdowns,
 * events after a failure, stale formulas, case-insensitive names.
 */
import { generateReports } from "../../../src/app/report";
import { fiscalYear } from "../../../src/domain/units";
import { OfficeWorkbook } from "../../../src/hosts/office/office-workbook";
import type { SheetSpec, WorkbookSpec } from "../../../src/workbook/grid";
import { readPlanWorkbook } from "../../../src/workbook/read";
import { describeWorkbook } from "../../../src/workbook/write";
import { loadSeed000, sampleModel } from "../../../tools/build-sample";
import { expectWithinBudget, SYNC_LIMIT_BYTES } from "../../support/budget";
import { FakeExcel, setsUpTo } from "../../support/fake-excel";

const createdAt = new Date("2026-11-23T00:00:00Z");
const sample = sampleModel(loadSeed000());

function sheet(name: string, rows: SheetSpec["rows"], extra: Partial<SheetSpec> = {}): SheetSpec {
  return { name, visibility: "visible", rows, columns: [{ width: 10 }], formattedRows: 0, freeze: { rows: 0, columns: 0 }, rowStyles: [], validations: [], cellFormats: [], ...extra };
}

async function sampleInExcel(): Promise<{ excel: FakeExcel; port: OfficeWorkbook }> {
  const excel = new FakeExcel();
  const port = new OfficeWorkbook(excel.run, excel.supports);
  await port.writeSheets(describeWorkbook(sample, { createdAt }), "refuse");
  return { excel, port };
}

describe("the fake holds Excel's rules", () => {
  it("refuses a request over 5 MB in web mode, and does none of it", async () => {
    const excel = new FakeExcel();
    excel.addSheet("Sheet1");
    const big = Array.from({ length: 60_000 }, (_, i) => [`แถวที่ ${i} ข้อความภาษาไทยยาวพอสมควร`]);
    await expect(excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange(`A1:A${big.length}`).formulas = big;
      await ctx.sync();
    })).rejects.toThrow(/RequestPayloadSizeLimitExceeded/);
    expect(excel.sheet("Sheet1")?.cells.size).toBe(0);
  });

  it("refuses to list more than 512 merged areas, and to delete or hide the last visible sheet", async () => {
    const excel = new FakeExcel();
    excel.supported = setsUpTo("1.13");
    const s = excel.addSheet("Sheet1");
    for (let r = 1; r <= 513; r++) s.merges.push(`A${r}:B${r}`);
    await expect(excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange().getMergedAreasOrNullObject().load("areas/items/address");
      await ctx.sync();
    })).rejects.toThrow(/more than 512/);
    await expect(excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("sheet1").delete(); // names ignore case
      await ctx.sync();
    })).rejects.toThrow(/last visible sheet/);
  });

  it("keeps what ran before a failing action (a batch is not a transaction)", async () => {
    const excel = new FakeExcel();
    excel.addSheet("Sheet1");
    excel.injectFailure(3);
    await expect(excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1"); // 1
      ws.getRange("A1").formulas = [["kept"]]; // 2 (getRange), then the write fails as action 3
      ws.getRange("A2").formulas = [["never"]];
      await ctx.sync();
    })).rejects.toThrow(/injected/);
    expect(excel.sheet("Sheet1")?.cells.get("A1")).toBeUndefined();
    excel.injectFailure(4);
    await expect(excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A1").formulas = [["kept"]];
      ws.getRange("A2").formulas = [["never"]];
      await ctx.sync();
    })).rejects.toThrow(/injected/);
    expect(excel.sheet("Sheet1")?.cells.get("A1")?.value).toBe("kept");
    expect(excel.sheet("Sheet1")?.cells.get("A2")).toBeUndefined();
  });

  it("treats requirement sets as 'at least' and fails members above them", async () => {
    const excel = new FakeExcel();
    excel.supported = setsUpTo("1.7");
    expect([excel.supports("1.6"), excel.supports("1.7"), excel.supports("1.8"), excel.supports("1.10")]).toEqual([true, true, false, false]);
    excel.supported = new Set(["1.13"]);
    expect([excel.supports("1.9"), excel.supports("1.13"), excel.supports("1.14")]).toEqual([true, true, false]);
    excel.supported = setsUpTo("1.7");
    excel.addSheet("Sheet1");
    await expect(excel.run(async (ctx) => {
      ctx.runtime.enableEvents = false;
      await ctx.sync();
    })).rejects.toThrow(/ApiNotFound: runtime.enableEvents needs ExcelApi 1.8/);
  });
});

describe("the Excel host within those rules", () => {
  it("reads a workbook whose report sheets hold thousands of merged areas (ExcelApi 1.13), merges of input sheets included", async () => {
    const { excel, port } = await sampleInExcel();
    excel.supported = setsUpTo("1.13");
    // the project cards (off by default since issue 13) are the sheet with thousands of merged areas
    await generateReports(port, { fy: fiscalYear(2567), round: 6 }, { now: createdAt, contents: { cards: true } });
    const cards = excel.sheets.find((s) => s.name === "บัตรโครงการ");
    expect(cards?.merges.length).toBeGreaterThan(512);
    excel.sheet("แผนปฏิบัติการ")?.merges.push("B2:B5");
    // every sheet, report sheets included: the one over 512 is read without merges, the others with theirs
    const from = excel.syncLog.length;
    const grids = await port.readGrids();
    expect(grids.sheets.find((g) => g.name === "บัตรโครงการ")?.merges).toEqual([]);
    expect(readPlanWorkbook(grids).findings.map((f) => [f.rule, f.location.cell])).toEqual([["X3", "B2"]]);
    expectWithinBudget(excel, from);
  });

  it("a write that fails half-way leaves the sheets it replaces as they were, removes what it added, and turns events back on", async () => {
    const { excel, port } = await sampleInExcel();
    await generateReports(port, { fy: fiscalYear(2567), round: 6 }, { now: createdAt });
    const before = JSON.stringify(excel.toJSON().sheets.map((s) => [s.name, s.cells]));
    excel.injectFailure(400);
    await expect(generateReports(port, { fy: fiscalYear(2567), round: 12 }, { now: createdAt })).rejects.toThrow(/injected/);
    expect(JSON.stringify(excel.toJSON().sheets.map((s) => [s.name, s.cells]))).toBe(before);
    expect(excel.sheets.some((s) => s.name.startsWith("~sujarit-"))).toBe(false);
    expect(excel.enableEvents).toBe(true);
  });

  it("replaces the only visible sheet by building the new one first", async () => {
    const excel = new FakeExcel();
    const port = new OfficeWorkbook(excel.run, excel.supports);
    await port.writeSheets({ sheets: [sheet("รายงาน", [["เก่า"]])], names: [] }, "refuse");
    excel.sheets.splice(0, excel.sheets.length, ...excel.sheets.filter((s) => s.name === "รายงาน"));
    await port.writeSheets({ sheets: [sheet("รายงาน", [["ใหม่"]])], names: [] }, "replace");
    expect(excel.sheets.map((s) => [s.name, s.cells.get("A1")?.value])).toEqual([["รายงาน", "ใหม่"]]);
  });

  it("refuses a sheet that exists under another case, as Excel's names ignore case", async () => {
    const excel = new FakeExcel();
    const port = new OfficeWorkbook(excel.run, excel.supports);
    excel.addSheet("Report");
    await expect(port.writeSheets({ sheets: [sheet("REPORT", [["x"]])], names: [] }, "refuse")).rejects.toThrow(/already exist/);
  });

  it("defines names before the dropdowns that point at them, recalculates after writing, and keeps every sync under 4 MB", async () => {
    const { excel } = await sampleInExcel();
    expect(excel.staleFormulas).toBe(false);
    // dropdowns are ExcelApi 1.8; where they are written, the fake refused any that named a missing name
    if (excel.supports("1.8")) expect(excel.sheets.flatMap((s) => s.validations).length).toBeGreaterThan(0);
    expect(Math.max(...excel.syncLog.map((r) => Math.max(r.requestBytes, r.responseBytes)))).toBeLessThanOrEqual(SYNC_LIMIT_BYTES);
  });

  it("writes and reads a plan too big for one request in several syncs, each within the budget", async () => {
    const excel = new FakeExcel();
    const port = new OfficeWorkbook(excel.run, excel.supports);
    const rows = Array.from({ length: 40_000 }, (_, i) => [`แถวที่ ${i} ข้อความภาษาไทยยาวพอสมควรสำหรับการทดสอบขนาด`, i]);
    const spec: WorkbookSpec = { sheets: [sheet("ข้อมูล", rows, { columns: [{ width: 40 }, { width: 10 }] })], names: [] };
    const steps: [number, number][] = [];
    await port.writeSheets(spec, "refuse", { progress: (done, total) => steps.push([done, total]) });
    expect(excel.syncLog.length).toBeGreaterThan(3);
    // progress: one step per sync of the write, counting up, never past the total it gives
    expect(steps.length).toBeGreaterThan(2);
    expect(steps.map(([d]) => d)).toEqual(steps.map((_, i) => i + 2));
    for (const [done, total] of steps) expect(done).toBeLessThanOrEqual(total);
    expectWithinBudget(excel);
    const from = excel.syncLog.length;
    const grids = await port.readGrids();
    expect(grids.sheets.find((g) => g.name === "ข้อมูล")?.rows).toEqual(rows);
    expect(excel.syncLog.length - from).toBeGreaterThan(3);
    expectWithinBudget(excel, from);
  });
});
