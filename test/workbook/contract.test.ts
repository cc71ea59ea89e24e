/**
 * One contract, two hosts: whatever the writer describes, each host renders, and reading it back gives
 * the same plan. The Excel host runs against the counting fake, so sync counts are asserted too.
 */
import fc from "fast-check";
import type { WorkbookPort } from "../../src/app/port";
import { KEEP_CELL, RowChangedError, SheetConflictError } from "../../src/app/port";
import type { SheetSpec, WorkbookGrids } from "../../src/workbook/grid";
import { OfficeWorkbook } from "../../src/hosts/office/office-workbook";
import { XlsxWorkbook } from "../../src/hosts/xlsx/xlsx-workbook";
import type { PlanWorkbook } from "../../src/domain/plan";
import { readPlanWorkbook } from "../../src/workbook/read";
import { describeWorkbook } from "../../src/workbook/write";
import { loadSeed000, sampleModel } from "../../tools/build-sample";
import { FakeExcel } from "../support/fake-excel";
import { randomPlan, withoutRows } from "../support/plans";
import { expectWithinBudget, syncBound, trips } from "../support/budget";

const createdAt = new Date("2026-11-23T00:00:00Z");

interface Host {
  name: string;
  /** Writes the model into a fresh workbook and reads it back through the same host. */
  roundTrip(model: PlanWorkbook): Promise<ReturnType<typeof readPlanWorkbook>>;
  fresh(): { port: WorkbookPort; reopen: () => Promise<WorkbookPort> };
}

const xlsxHost: Host = {
  name: "xlsx (exceljs)",
  fresh() {
    const book = XlsxWorkbook.empty();
    return { port: book, reopen: async () => XlsxWorkbook.open(await book.toBytes()) };
  },
  async roundTrip(model) {
    const { port, reopen } = this.fresh();
    await port.writeSheets(describeWorkbook(model, { createdAt }), "refuse");
    return readPlanWorkbook(await (await reopen()).readGrids());
  },
};

const officeHost: Host = {
  name: "office (Excel.run fake)",
  fresh() {
    const excel = new FakeExcel();
    const port = new OfficeWorkbook(excel.run, excel.supports);
    return { port, reopen: async () => port };
  },
  async roundTrip(model) {
    const { port } = this.fresh();
    await port.writeSheets(describeWorkbook(model, { createdAt }), "refuse");
    return readPlanWorkbook(await port.readGrids());
  },
};

const sample = sampleModel(loadSeed000());

describe.each([xlsxHost, officeHost])("host contract: $name", (host) => {
  it("writes the seed-000 sample and reads back the same plan, without findings", async () => {
    const read = await host.roundTrip(sample);
    expect(read.findings).toEqual([]);
    expect(withoutRows(read.workbook)).toEqual(withoutRows(sample));
    expect(read.workbook.items).toHaveLength(39);
    expect(read.templateVersion).toBe("1.1.0");
  });

  it("tells a formula typed into an input cell (X11, quoting it), and not the register's formula columns (issue 18)", async () => {
    const { port, reopen } = host.fresh();
    await port.writeSheets(describeWorkbook(sample, { createdAt }), "refuse");
    const grids = await port.readGrids();
    const planRows = grids.sheets.find((g) => g.name === "แผนปฏิบัติการ")?.rows.length ?? 0;
    // a row typed below the plan: the code as text, the name as a formula
    await port.appendRows("แผนปฏิบัติการ", planRows + 1, [["4.3.9", 4, "4.3", null, "โครงการ", { formula: "1+1" }]]);
    const read = readPlanWorkbook(await (await reopen()).readGrids());
    const x11 = read.findings.filter((f) => f.rule === "X11");
    expect(x11.map((f) => [f.location.sheet, f.location.cell, f.found])).toEqual([["แผนปฏิบัติการ", `F${planRows + 1}`, "=1+1"]]);
    // the register's score and level columns are formulas the template wrote: no X11 there
    expect(read.findings.filter((f) => f.location.sheet === "ทะเบียนความเสี่ยง")).toEqual([]);
  });

  it("round-trips random plans", async () => {
    await fc.assert(
      fc.asyncProperty(randomPlan, async (model) => {
        const read = await host.roundTrip(model);
        // a plan with no items is one error of its own (P11, issue 18); anything else is a finding of the round trip
        expect(read.findings.map((f) => f.rule)).toEqual(model.items.length === 0 ? ["P11"] : []);
        expect(withoutRows(read.workbook)).toEqual(withoutRows(model));
      }),
      { numRuns: 15 },
    );
  });

  it("refuses to overwrite a sheet that already exists", async () => {
    const { port } = host.fresh();
    await port.writeSheets(describeWorkbook(sample, { createdAt }), "refuse");
    await expect(port.writeSheets(describeWorkbook(sample, { createdAt }), "refuse")).rejects.toBeInstanceOf(SheetConflictError);
    const read = readPlanWorkbook(await port.readGrids());
    expect(read.workbook.items).toHaveLength(39);
  });

  it("records where each item came from", async () => {
    const read = await host.roundTrip(sample);
    expect(read.workbook.items[0]?.at).toEqual({ sheet: "แผนปฏิบัติการ", row: 2 });
    expect(read.workbook.items[38]?.at).toEqual({ sheet: "แผนปฏิบัติการ", row: 40 });
  });
});

/** A small sheet with formulas down a column and one that sums them, for rewriting and removing rows (issue 16). */
const ROWS_SHEET: SheetSpec = {
  name: "แถว", visibility: "visible", formattedRows: 0, freeze: { rows: 1, columns: 0 }, rowStyles: [], validations: [], cellFormats: [],
  columns: [{ width: 10 }, { width: 10 }, { width: 10 }, { width: 10 }],
  rows: [
    ["ชื่อ", "จำนวน", "สองเท่า", "ผลรวม"],
    ["ก", 1, { formula: "B2*2" }, { formula: "SUM(B2:B5)" }],
    ["ข", 2, { formula: "B3*2" }, "ของผู้ใช้"],
    ["ค", 3, { formula: "B4*2" }, { formula: "'แถว'!B4+B5" }],
    ["ง", 4, { formula: "B5*2" }, null],
  ],
};

const rowsOf = (grids: WorkbookGrids) => grids.sheets.find((g) => g.name === "แถว");
const formulasOf = (grids: WorkbookGrids) =>
  (rowsOf(grids)?.formulas ?? []).map((f) => `${f.row + 1}:${f.col + 1} ${f.formula}`).sort();

describe.each([xlsxHost, officeHost])("host contract, one row rewritten or removed (issue 16): $name", (host) => {
  const fresh = async () => {
    const { port, reopen } = host.fresh();
    await port.writeSheets({ sheets: [ROWS_SHEET], names: [] }, "refuse");
    return { port, reopen, seen: (await port.readGrids()) };
  };

  it("rewrites one row: new values where given, a cleared cell, its formula and the user's own column kept", async () => {
    const { port, reopen, seen } = await fresh();
    const row3 = rowsOf(seen)?.rows[2] ?? [];
    await port.rewriteRow("แถว", 3, ["ขขข", null, KEEP_CELL], row3);
    const after = await (await reopen()).readGrids();
    expect(rowsOf(after)?.rows[2]).toEqual(["ขขข", null, null, "ของผู้ใช้"]);
    expect(rowsOf(after)?.rows[3]?.slice(0, 2)).toEqual(["ค", 3]);
    expect(formulasOf(after)).toContain("3:3 =B3*2");
  });

  it("refuses to rewrite a row that no longer holds what was read, and writes nothing", async () => {
    const { port, reopen, seen } = await fresh();
    const row3 = rowsOf(seen)?.rows[2] ?? [];
    const stale = ["ข", 99, ...row3.slice(2)];
    await expect(port.rewriteRow("แถว", 3, ["ใหม่"], stale)).rejects.toBeInstanceOf(RowChangedError);
    expect(rowsOf(await (await reopen()).readGrids())?.rows[2]?.slice(0, 2)).toEqual(["ข", 2]);
  });

  it("removes one row: the rows below move up and the formulas follow them", async () => {
    const { port, reopen, seen } = await fresh();
    await port.removeRow("แถว", 3, rowsOf(seen)?.rows[2] ?? []);
    const after = await (await reopen()).readGrids();
    expect(rowsOf(after)?.rows.map((r) => r.slice(0, 2))).toEqual([["ชื่อ", "จำนวน"], ["ก", 1], ["ค", 3], ["ง", 4]]);
    expect(rowsOf(after)?.rows[2]?.[3]).not.toBe("ของผู้ใช้");
    expect(formulasOf(after)).toEqual(["2:3 =B2*2", "2:4 =SUM(B2:B4)", "3:3 =B3*2", "3:4 ='แถว'!B3+B4", "4:3 =B4*2"]);
  });

  it("never removes a different row: a row that changed or moved is refused and every row stays", async () => {
    const { port, reopen, seen } = await fresh();
    // what row 3 held is now row 4 (a row was inserted above it by another writer): row 3 is not it
    await expect(port.removeRow("แถว", 4, rowsOf(seen)?.rows[2] ?? [])).rejects.toBeInstanceOf(RowChangedError);
    expect(rowsOf(await (await reopen()).readGrids())?.rows.map((r) => r[0])).toEqual(["ชื่อ", "ก", "ข", "ค", "ง"]);
  });
});

describe("Excel host round trips", () => {
  const syncsFor = async (model: PlanWorkbook) => {
    const excel = new FakeExcel();
    const port = new OfficeWorkbook(excel.run, excel.supports);
    await port.writeSheets(describeWorkbook(model, { createdAt }), "refuse");
    const writeSyncs = excel.syncCount;
    await port.readGrids();
    return { writeSyncs, readSyncs: excel.syncCount - writeSyncs, excel };
  };

  it("reads the whole workbook in its fixed round trips, each within the payload budget", async () => {
    const { readSyncs, excel } = await syncsFor(sample);
    expect(readSyncs).toBe(trips(excel).read);
    expectWithinBudget(excel);
  });

  it("writes the template in its fixed round trips, plus one per budget of bytes", async () => {
    const small = await syncsFor({ ...sample, items: sample.items.slice(0, 1), progress: [], risks: [] });
    const big = await syncsFor({
      ...sample,
      items: Array.from({ length: 20 }, (_, k) => sample.items.map((it) => ({ ...it, code: `${it.code}-${k}` as never }))).flat(),
    });
    expect(small.writeSyncs).toBe(trips(small.excel).write);
    expect(big.writeSyncs).toBeLessThanOrEqual(syncBound(big.excel, 0, trips(big.excel).write));
    expect(big.readSyncs).toBe(trips(big.excel).read);
    expectWithinBudget(big.excel);
  });

  it("keeps events on and reads merged areas where the API allows (1.13)", async () => {
    const { excel } = await syncsFor(sample);
    expect(excel.enableEvents).toBe(true);
    excel.supported.add("1.13");
    excel.sheet("แผนปฏิบัติการ")?.merges.push("B2:B5");
    const before = excel.syncCount;
    const read = readPlanWorkbook(await new OfficeWorkbook(excel.run, excel.supports).readGrids());
    expect(read.findings.map((f) => [f.rule, f.location.cell])).toEqual([["X3", "B2"]]);
    expect(excel.syncCount - before).toBe(trips(excel).read);
  });

  it("rewrites and removes one row in their fixed round trips (the row read, the change, events back on)", async () => {
    const excel = new FakeExcel();
    const port = new OfficeWorkbook(excel.run, excel.supports);
    await port.writeSheets({ sheets: [ROWS_SHEET], names: [] }, "refuse");
    const seen = rowsOf(await port.readGrids())?.rows ?? [];
    let before = excel.syncCount;
    await port.rewriteRow("แถว", 2, ["กก", 10], seen[1] ?? []);
    expect(excel.syncCount - before).toBe(trips(excel).rewrite);
    before = excel.syncCount;
    await port.removeRow("แถว", 3, seen[2] ?? []);
    expect(excel.syncCount - before).toBe(trips(excel).remove);
    before = excel.syncCount;
    await expect(port.removeRow("แถว", 3, seen[2] ?? [])).rejects.toBeInstanceOf(RowChangedError);
    // refused after the row read: no change, events back on
    expect(excel.syncCount - before).toBe(trips(excel).remove - 1);
    expect(excel.enableEvents).toBe(true);
    expectWithinBudget(excel);
  });

  it("a workbook with more sheets than one batch walks is read completely, in a bounded number of syncs", async () => {
    const { excel } = await syncsFor(sample);
    for (let i = 0; i < 70; i++) excel.setCell(`ชีตของผู้ใช้ ${i}`, "A1", { value: i });
    const before = excel.syncCount;
    const grids = await new OfficeWorkbook(excel.run, excel.supports).readGrids();
    expect(grids.sheets).toHaveLength(excel.sheets.length);
    expect(grids.sheets.at(-1)?.rows).toEqual([[69]]);
    expect(excel.syncCount - before).toBe(trips(excel).read);
    expect(readPlanWorkbook(grids).workbook.items).toHaveLength(39);
  });

  it("writes dropdowns that point at named ranges, never inline lists", async () => {
    const { excel } = await syncsFor(sample);
    const plan = excel.sheet("แผนปฏิบัติการ");
    // data validation is ExcelApi 1.8: on the manifest's minimum (1.7) the template has no dropdowns
    if (!excel.supports("1.8")) {
      expect(excel.sheets.flatMap((s) => s.validations)).toEqual([]);
      return;
    }
    expect(plan?.validations.map((v) => v.source)).toEqual(
      expect.arrayContaining(["=SUJARIT_LIST_DIMENSION", "=SUJARIT_LIST_MISSION", "=SUJARIT_LIST_KIND"]),
    );
    for (const v of excel.sheets.flatMap((s) => s.validations)) expect(v.source).toMatch(/^=SUJARIT_LIST_[A-Z_]+$/);
    expect(excel.names.find((n) => n.name === "SUJARIT_LIST_KIND")?.formula).toBe("='_lists'!$I$2:$I$5");
    expect(excel.sheet("_meta")?.visibility).toBe("VeryHidden");
    expect(plan?.frozenRows).toBe(1);
  });
});
