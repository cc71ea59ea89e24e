/**
 * Generating the report sheets as a use case (app/report.ts), on both hosts: input sheets are never
 * written (every cell compared before and after), regenerating replaces the report sheets only, a
 * user's sheet of a report's name is refused until they say so, the checks' errors make every sheet a
 * draft, and in Excel generating everything costs the same number of syncs for 39 items as for 400.
 */
import { generateReports, previewReport, REPORT_SHEET_NAMES } from "../../src/app/report";
import { generatedSheets } from "../../src/app/generated";
import { SheetConflictError, type WorkbookPort } from "../../src/app/port";
import type { PlanWorkbook } from "../../src/domain/plan";
import { baht, fiscalYear } from "../../src/domain/units";
import { OfficeWorkbook } from "../../src/hosts/office/office-workbook";
import { XlsxWorkbook } from "../../src/hosts/xlsx/xlsx-workbook";
import type { SheetGrid, WorkbookGrids } from "../../src/workbook/grid";
import { META_SHEET } from "../../src/workbook/schema";
import { describeWorkbook } from "../../src/workbook/write";
import { bigPlan } from "../../bench/validate";
import { loadSeed000, sampleModel } from "../../tools/build-sample";
import { FakeExcel } from "../support/fake-excel";
import { completedModel, REPORT_NOW } from "../support/reports";
import { REPORT_SHEETS } from "../../src/workbook/reports/names";
import { expectWithinBudget, syncBound, trips } from "../support/budget";

const sample = sampleModel(loadSeed000());
const request = { fy: fiscalYear(2567), round: 6 as const };
/** What a report of the sample holds by default: no project cards (off unless asked for), no ITA appendix when the plan has no ITA measures. */
const defaultSheets = REPORT_SHEET_NAMES.filter((n) => n !== REPORT_SHEETS.cards && (n !== REPORT_SHEETS.ita || sample.itaMeasures.length > 0));
const withCards = REPORT_SHEET_NAMES.filter((n) => n !== REPORT_SHEETS.ita || sample.itaMeasures.length > 0);

const hosts = [
  {
    name: "xlsx (exceljs)",
    async make(model: PlanWorkbook = sample) {
      const book = XlsxWorkbook.empty();
      await book.writeSheets(describeWorkbook(model, { createdAt: new Date(0) }), "refuse");
      // through bytes, as a user's file would come
      const port = await XlsxWorkbook.open(await book.toBytes());
      return { port: port as WorkbookPort, syncs: () => 0, userSheet: async (name: string) => port.writeSheets({ sheets: [userSheetSpec(name)], names: [] }, "refuse") };
    },
  },
  {
    name: "office (Excel.run fake)",
    async make(model: PlanWorkbook = sample) {
      const excel = new FakeExcel();
      const port = new OfficeWorkbook(excel.run, excel.supports);
      await port.writeSheets(describeWorkbook(model, { createdAt: new Date(0) }), "refuse");
      return { port: port as WorkbookPort, syncs: () => excel.syncCount, userSheet: async (name: string) => port.writeSheets({ sheets: [userSheetSpec(name)], names: [] }, "refuse") };
    },
  },
];

function userSheetSpec(name: string) {
  return {
    name, visibility: "visible" as const, rows: [["ปกที่ผู้ใช้ทำเอง"], ["ห้ามเขียนทับ"]], columns: [{ width: 20 }], formattedRows: 0,
    freeze: { rows: 0, columns: 0 }, rowStyles: [], validations: [], cellFormats: [],
  };
}

const reportNames = new Set(REPORT_SHEET_NAMES);
/** Every sheet a user types into: all but the report sheets and Sujarit's `_meta` bookkeeping. */
function inputSheets(grids: WorkbookGrids): SheetGrid[] {
  return grids.sheets.filter((s) => !reportNames.has(s.name) && s.name !== META_SHEET);
}

function cellCount(sheets: readonly SheetGrid[]): number {
  return sheets.reduce((n, s) => n + s.rows.reduce((m, r) => m + r.filter((v) => v !== null && v !== "").length, 0), 0);
}

describe.each(hosts)("generating every report sheet: $name", (host) => {
  it("never writes an input sheet: every cell, merge and visibility equal before and after, twice", async () => {
    const { port } = await host.make();
    const before = await port.readGrids();
    const first = await generateReports(port, request, { now: REPORT_NOW, contents: { cards: true } });
    expect(first.sheets.map((s) => s.name)).toEqual(withCards);
    const afterFirst = await port.readGrids();
    expect(inputSheets(afterFirst)).toEqual(inputSheets(before));
    expect(cellCount(inputSheets(before))).toBeGreaterThan(1000);
    expect(afterFirst.names.filter((n) => !reportNames.has(n.sheet))).toEqual(before.names);
    // regenerating (without the cards) replaces the report sheets (same names, once each), inputs untouched
    // again; the cards of the first report are left hidden and empty, never printed with stale figures
    const second = await generateReports(port, { fy: fiscalYear(2567), round: 12 }, { now: REPORT_NOW });
    expect(second.sheets.map((s) => s.name)).toEqual(defaultSheets);
    const afterSecond = await port.readGrids();
    expect(inputSheets(afterSecond)).toEqual(inputSheets(before));
    expect(afterSecond.sheets.filter((s) => reportNames.has(s.name)).map((s) => s.name).sort()).toEqual([...withCards].sort());
    const cards = afterSecond.sheets.find((s) => s.name === REPORT_SHEETS.cards);
    expect(cards?.visibility).toBe("hidden");
    expect(cards?.rows.flat().filter((v) => v !== null && v !== "")).toEqual([]);
    expect(second.preview.replaces).toEqual(withCards);
    expect(generatedSheets(afterSecond).sort()).toEqual([...withCards].sort());
  });

  it("refuses to replace a user's sheet of a report's name, untouched; replaces it when told to", async () => {
    const { port, userSheet } = await host.make();
    await userSheet("ปก");
    const before = await port.readGrids();
    const preview = await previewReport(port, request, REPORT_NOW);
    expect(preview.userSheets).toEqual(["ปก"]);
    await expect(generateReports(port, request, { now: REPORT_NOW })).rejects.toEqual(new SheetConflictError(["ปก"]));
    expect(await port.readGrids()).toEqual(before);
    await generateReports(port, request, { now: REPORT_NOW, replaceUserSheets: true });
    const after = await port.readGrids();
    expect(after.sheets.find((s) => s.name === "ปก")?.rows.flat()).not.toContain("ห้ามเขียนทับ");
  });

  it("marks every sheet draft when the checks find errors or the report has gaps, and only then", async () => {
    // the sample as it is: no errors, but 35 items not reported and a sample-data signer — a draft, saying why
    const gappy = await generateReports((await host.make()).port, request, { now: REPORT_NOW });
    expect(gappy.preview.errors).toEqual([]);
    expect(gappy.draft).toBe(true);
    expect(gappy.preview.gaps.map((g) => g.rule)).toEqual(expect.arrayContaining(["G1", "G3"]));
    expect(gappy.preview.gaps.find((g) => g.rule === "G1")?.message.th).toMatch(/^ยังไม่ได้รายงานผลรอบ 6 เดือน 35 รายการ/);
    // each blank signer field names the settings row to fill (issue 13): the sample has no phone
    expect(gappy.preview.gaps.filter((g) => g.rule === "G3").map((g) => g.message.th)).toContain('โทรศัพท์ยังว่างหรือเป็นข้อมูลตัวอย่าง — กรอกแถว "โทรศัพท์" ในแผ่นงานตั้งค่า');
    for (const s of gappy.sheets) expect(String(s.rows[0]?.[0] ?? "")).toMatch(/^ฉบับร่าง \(DRAFT\): ข้อมูลยังไม่ครบ/);
    // the sample's risks say they are sample data: printed on the risk sheet, they make it a draft; left out, not
    expect(gappy.preview.gaps.find((g) => g.rule === "G4")?.message.th).toBe("ยังมีข้อมูลตัวอย่าง 3 รายการในแผ่นงานทะเบียนความเสี่ยง: R-01, R-02, R-03 — แทนด้วยข้อมูลจริงหรือลบออก");
    const withoutRisk = await generateReports((await host.make()).port, request, { now: REPORT_NOW, contents: { leaveOut: ["risk"] } });
    expect(withoutRisk.preview.gaps.map((g) => g.rule)).not.toContain("G4");
    const complete = completedModel(sample, 2567, 6);
    const clean = await host.make(complete);
    const ok = await generateReports(clean.port, request, { now: REPORT_NOW });
    expect(ok.draft).toBe(false);
    expect(ok.preview.errors).toEqual([]);
    for (const s of ok.sheets) expect(String(s.rows[0]?.[0] ?? "")).not.toMatch(/ฉบับร่าง/);
    // disbursed more than the allocation: an error the report must not hide
    const bad: PlanWorkbook = { ...complete, progress: complete.progress.map((p, i) => (i === 0 ? { ...p, ordinanceAmount: baht(1000), disbursed: baht(50_000) } : p)) };
    const dirty = await host.make(bad);
    const draft = await generateReports(dirty.port, request, { now: REPORT_NOW });
    expect(draft.draft).toBe(true);
    expect(draft.preview.errors.length).toBeGreaterThan(0);
    for (const s of draft.sheets) expect(String(s.rows[0]?.[0] ?? "")).toMatch(/^ฉบับร่าง \(DRAFT\)/);
    for (const s of draft.sheets) expect(s.print?.footer).toMatch(/ฉบับร่าง/);
  });
});

describe("in Excel, generating every report sheet takes syncs that grow with the bytes, never with the items", () => {
  // 400 items here keeps the suite quick; `npm run bench:excel` measures 2,000 items × 24,000 rows
  it("is the fixed round trips for the 39-item sample; the 400-item plan adds only what its bytes need; no sync over 4 MB", async () => {
    for (const model of [sample, bigPlan(400, 4800)]) {
      const excel = new FakeExcel();
      const port = new OfficeWorkbook(excel.run, excel.supports);
      await port.writeSheets(describeWorkbook(model, { createdAt: new Date(0) }), "refuse");
      const fixed = trips(excel).read + trips(excel).write;
      for (const round of ["first", "again, replacing what it made"]) {
        const before = excel.syncLog.length;
        await generateReports(port, { fy: fiscalYear(2567), round: 12 }, { now: REPORT_NOW });
        const syncs = excel.syncLog.length - before;
        if (model === sample) expect([round, syncs]).toEqual([round, fixed]);
        expect(syncs).toBeLessThanOrEqual(syncBound(excel, before, fixed));
        expectWithinBudget(excel, before);
        expect(excel.staleFormulas).toBe(false);
        expect(excel.enableEvents).toBe(true);
      }
    }
  }, 180_000);
});
