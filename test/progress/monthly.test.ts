/** app/monthly.ts on its own: owners, figures, the draft's checks (including what it does to later months), appending in the sheet's own column order. */
import { addProgressRow, checkDraft, defaultFiscalYear, defaultMonth, itemFigures, itemsOf, monthlyView, ownersOf, showProgressValue } from "../../src/app/monthly";
import type { PlanItem, ProgressEntry } from "../../src/domain/plan";
import { baht, fiscalYear, type PlanCode } from "../../src/domain/units";
import { XlsxWorkbook } from "../../src/hosts/xlsx/xlsx-workbook";
import { readPlanWorkbook } from "../../src/workbook/read";
import { describeWorkbook } from "../../src/workbook/write";
import { loadSeed000, sampleModel } from "../../tools/build-sample";

const sample = sampleModel(loadSeed000());
const FY = fiscalYear(2567);
const code = (c: string) => c as PlanCode;

async function view(model = sample) {
  const book = XlsxWorkbook.empty();
  await book.writeSheets(describeWorkbook(model, { createdAt: new Date(0) }), "refuse");
  return { book, view: monthlyView(await book.readGrids()) };
}

it("owners: each as written, counted with the items that name it among others", () => {
  const owners = ownersOf(sample);
  const finance = owners.find((o) => o.owner === "กองคลัง องค์การบริหารส่วนตำบลนาสะเม็ง");
  expect(finance?.items).toBe(5);
  expect(itemsOf(sample, "กองคลัง").map((i) => i.code)).toEqual(sample.items.filter((i) => i.owner.includes("กองคลัง")).map((i) => i.code));
  expect(itemsOf(sample, "  ")).toHaveLength(39);
  expect(owners.every((o) => o.items >= 1)).toBe(true);
});

it("the default year and month: the report year, and the month after the last one reported", () => {
  expect(defaultFiscalYear(sample, new Date(2026, 10, 23))).toBe(2567);
  expect(defaultFiscalYear({ ...sample, settings: { ...sample.settings, reportFy: undefined } }, new Date(2026, 10, 23))).toBe(2570);
  expect(defaultMonth(sample, fiscalYear(2567), new Date(2026, 10, 23))).toBe(1);
  expect(defaultMonth(sample, fiscalYear(2567), new Date(2024, 1, 10))).toBe(2); // in FY 2567 itself: this month
  expect(defaultMonth(sample, fiscalYear(2568), new Date(2026, 10, 23))).toBe(10);
});

it("an item's figures: allocation (largest stated), cumulative disbursement, against the allocation and the plan", () => {
  const item = sample.items.find((i) => i.code === "1.1.3") as PlanItem;
  const f = itemFigures(sample, item, FY);
  expect(f).toMatchObject({ planned: 20000, allocation: 20000, disbursed: 19300.5, remaining: 699.5, pctOfAllocation: 96.5, lastStatus: "done", lastPct: 100, lastMonth: 12, months: [10, 11, 12] });
  expect(f.limit).toEqual({ kind: "allocation", amount: 20000 });
  const noRows = itemFigures(sample, item, fiscalYear(2568));
  expect(noRows).toMatchObject({ allocation: undefined, disbursed: 0, limit: { kind: "plan", amount: 20000 }, remaining: 20000, months: [] });
});

it("a draft for an earlier month that pushes a later month over the allocation says so, on that later row", async () => {
  // 1.1.3 has ต.ค., พ.ย., ธ.ค.; take พ.ย. out and type it again with more money: ธ.ค. (row 3 now) passes 20,000
  const model = { ...sample, progress: sample.progress.filter((p) => !(p.code === "1.1.3" && p.month === 11)) };
  const { view: v } = await view(model);
  const check = checkDraft(v, { fy: FY, month: 11, code: code("1.1.3"), status: "inProgress", progressPct: "40", disbursed: "9000", ordinanceAmount: "20000" });
  expect(check.at).toEqual({ sheet: "ผลรายเดือน", row: 9 });
  expect(check.findings.map((f) => [f.finding.rule, f.field ?? null, f.elsewhere, f.finding.location.cell])).toEqual([["M4", null, true, "Q3"]]);
  expect(check.existing).toEqual([]);
});

it("the draft's own unreadable values are findings on their cells, and rules do not report them again as missing", async () => {
  const { view: v } = await view();
  const check = checkDraft(v, { fy: FY, month: 1, code: code("1.1.3"), status: "done", progressPct: "100", startDate: "20/11/2566", endDate: "30/02/2567", disbursed: "1,2,3" });
  expect(check.findings.map((f) => `${f.finding.rule}@${f.field}:${f.finding.location.cell}`)).toEqual(["X1@endDate:J10", "B1@disbursed:Q10"]);
  expect(check.counts).toEqual({ error: 2, warning: 0, info: 0 });
});

it("appends in the sheet's own column order (a user's extra column kept), below a row typed after the data", async () => {
  const { book } = await view();
  // the user added a column after วันที่บันทึก and typed a note two rows below the data
  const grids = await book.readGrids();
  const sheet = grids.sheets.find((s) => s.name === "ผลรายเดือน");
  const width = sheet?.rows[0]?.length ?? 0;
  await book.appendRows("ผลรายเดือน", 1, [[...(sheet?.rows[0] ?? []).map((c) => c as string), "หมายเหตุของกอง"]]);
  await book.appendRows("ผลรายเดือน", 11, [[null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, "ตรวจแล้ว"]]);
  const entry: ProgressEntry = { ...(sample.progress[0] as ProgressEntry), month: 1, disbursed: baht(100), result: "ผลเดือนมกราคม" };
  expect(await addProgressRow(book, entry)).toEqual({ kind: "added", sheet: "ผลรายเดือน", row: 12 });
  expect(await addProgressRow(book, entry)).toMatchObject({ kind: "exists", existing: { at: { row: 12 } } });
  expect(await addProgressRow(book, entry, { allowDuplicate: true })).toEqual({ kind: "added", sheet: "ผลรายเดือน", row: 13 });
  const read = readPlanWorkbook(await book.readGrids());
  expect(read.extraHeaders["ผลรายเดือน"]).toEqual(["หมายเหตุของกอง"]);
  expect((await book.readGrids()).sheets.find((s) => s.name === "ผลรายเดือน")?.rows[10]?.[width]).toBe("ตรวจแล้ว");
  expect(read.workbook.progress.filter((p) => p.month === 1).map((p) => [p.at?.row, p.result])).toEqual([[12, "ผลเดือนมกราคม"], [13, "ผลเดือนมกราคม"]]);
});

it("shows compared values as users know them", () => {
  expect(showProgressValue("status", "notPossible", "th")).toBe("ไม่สามารถดำเนินการได้");
  expect(showProgressValue("inOrdinance", "true", "en")).toBe("Yes");
  expect(showProgressValue("startDate", "2023-11-20", "th")).toBe("20 พ.ย. 2566");
  expect(showProgressValue("disbursed", "15800.5", "th")).toBe("15,800.50");
  expect(showProgressValue("result", "", "th")).toBe("");
});
