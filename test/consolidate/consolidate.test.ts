/** Consolidation end to end: real .xlsx files and the Excel host, nothing dropped or overwritten, idempotent. */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { consolidate } from "../../src/app/consolidate";
import { main } from "../../src/cli/main";
import type { PlanWorkbook, ProgressEntry } from "../../src/domain/plan";
import { baht } from "../../src/domain/units";
import { OfficeWorkbook } from "../../src/hosts/office/office-workbook";
import { XlsxWorkbook } from "../../src/hosts/xlsx/xlsx-workbook";
import { readPlanWorkbook } from "../../src/workbook/read";
import { describeWorkbook } from "../../src/workbook/write";
import { loadSeed000, sampleModel } from "../../tools/build-sample";
import { FakeExcel } from "../support/fake-excel";
import { withoutRows } from "../support/plans";
import { trips } from "../support/budget";

const sample = sampleModel(loadSeed000());
const first = sample.progress[0] as ProgressEntry;

/** A division's workbook: the same template, its own monthly rows. */
async function division(rows: ProgressEntry[]): Promise<XlsxWorkbook> {
  const book = XlsxWorkbook.empty();
  await book.writeSheets(describeWorkbook({ ...sample, progress: rows }, { createdAt: new Date(0) }), "refuse");
  return XlsxWorkbook.open(await book.toBytes());
}
async function masterBook(model: PlanWorkbook = sample): Promise<XlsxWorkbook> {
  const book = XlsxWorkbook.empty();
  await book.writeSheets(describeWorkbook(model, { createdAt: new Date(0) }), "refuse");
  return XlsxWorkbook.open(await book.toBytes());
}

const newRow = (code: string, month: ProgressEntry["month"]): ProgressEntry => ({ ...first, code: code as never, month, result: `ผลของ ${code}`, disbursed: baht(250) });

it("adds new rows below the master's, reports conflicts without overwriting, and adds nothing the second time", async () => {
  const master = await masterBook();
  const before = readPlanWorkbook(await master.readGrids());
  const a = await division([newRow("1.2.1", 10), first, { ...first, disbursed: baht(999) }]);
  const b = await division([newRow("4.3.1", 11), { ...newRow("2.2.2", 12), code: undefined }]);
  const report = await consolidate(master, [{ source: "กองคลัง.xlsx", port: a }, { source: "กองช่าง.xlsx", port: b }]);
  expect(report.plan.outcomes.map((o) => [o.added, o.alreadyThere, o.conflicts, o.unusable])).toEqual([[1, 1, 1, 0], [1, 0, 0, 1]]);
  expect(report.plan.conflicts[0]?.differences).toEqual([{ field: "disbursed", kept: "0", incoming: "999" }].map((d) => ({ ...d, kept: String(first.disbursed ?? "") })));
  expect(report.addedRows).toEqual([10, 11]);

  const after = readPlanWorkbook(await (await XlsxWorkbook.open(await master.toBytes())).readGrids());
  expect(after.findings.filter((f) => f.severity === "error")).toEqual([]);
  // everything that was there is still there, unchanged, in the same rows; the new rows follow
  expect(after.workbook.progress.slice(0, 8)).toEqual(before.workbook.progress);
  expect(withoutRows({ ...after.workbook, progress: after.workbook.progress.slice(8) }).progress).toEqual([newRow("1.2.1", 10), newRow("4.3.1", 11)]);
  expect(withoutRows({ ...after.workbook, progress: [] })).toEqual(withoutRows({ ...before.workbook, progress: [] }));

  const again = await consolidate(master, [{ source: "กองคลัง.xlsx", port: a }, { source: "กองช่าง.xlsx", port: b }]);
  expect(again.addedRows).toEqual([]);
  expect(again.plan.outcomes.map((o) => o.added)).toEqual([0, 0]);
});

it("in Excel: one sync to read the master, one to append, whatever the number of rows", async () => {
  const excel = new FakeExcel();
  const port = new OfficeWorkbook(excel.run, excel.supports);
  await port.writeSheets(describeWorkbook(sample, { createdAt: new Date(0) }), "refuse");
  const months = [10, 11, 12, 1, 2, 3] as const;
  const rows = sample.items.flatMap((it) => months.map((m) => newRow(it.code as string, m)));
  const before = excel.syncCount;
  const report = await consolidate(port, [{ source: "big.xlsx", port: await division(rows) }]);
  expect(report.plan.toAdd.length).toBeGreaterThan(200);
  expect(excel.syncCount - before).toBe(trips(excel).read + trips(excel).append);
  const read = readPlanWorkbook(await port.readGrids());
  expect(read.workbook.progress.length).toBe(sample.progress.length + report.plan.toAdd.length);
});

it("the CLI writes the master in place, prints what came from which file, exit 1 on conflicts", async () => {
  const dir = mkdtempSync(join(tmpdir(), "sujarit-consolidate-"));
  const m = join(dir, "master.xlsx");
  writeFileSync(m, await (await masterBook()).toBytes());
  const d = join(dir, "กองคลัง.xlsx");
  writeFileSync(d, await (await division([newRow("1.2.1", 10), { ...first, disbursed: baht(999) }])).toBytes());
  const out: string[] = [];
  const code = await main(["consolidate", m, d], { out: (t) => out.push(t), err: (t) => out.push(t) });
  expect(code).toBe(1);
  expect(out.join("\n")).toMatch(/กองคลัง\.xlsx\s+2\s+1\s+0\s+1\s+0/);
  expect(out.join("\n")).toContain("disbursed: คงไว้");
  const read = readPlanWorkbook(await (await XlsxWorkbook.open(readFileSync(m))).readGrids());
  expect(read.workbook.progress).toHaveLength(sample.progress.length + 1);
  const dry: string[] = [];
  expect(await main(["consolidate", m, d, "--dry-run", "--lang", "en"], { out: (t) => dry.push(t), err: () => undefined })).toBe(1);
  expect(dry.join("\n")).toContain("Dry run");
});
