/**
 * `npm run bench:validate [-- --files N]`: validation speed.
 *  1. core: all rules on a generated 2,000-item plan with 24,000 monthly rows (time, heap);
 *  2. CLI: `sujarit validate` over a folder of N generated workbooks (default 1,000) against merely
 *     opening the same files with exceljs — the ratio is the figure that matters;
 *  3. Excel: context.sync() calls for one full check (read + rules), with the counting fake.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { checkRead, validateWorkbook } from "../src/app/validate";
import { main } from "../src/cli/main";
import type { CalendarMonth } from "../src/domain/calendar";
import { FISCAL_MONTHS } from "../src/domain/calendar";
import type { PlanItem, PlanWorkbook, ProgressEntry } from "../src/domain/plan";
import { baht, fiscalYear, type PlanCode } from "../src/domain/units";
import { OfficeWorkbook } from "../src/hosts/office/office-workbook";
import { XlsxWorkbook } from "../src/hosts/xlsx/xlsx-workbook";
import { readPlanWorkbook } from "../src/workbook/read";
import { describeWorkbook } from "../src/workbook/write";
import { FakeExcel } from "../test/support/fake-excel";
import { loadSeed000, sampleModel } from "../tools/build-sample";

const createdAt = new Date("2026-11-23T00:00:00Z");

export function bigPlan(items: number, progressRows: number): PlanWorkbook {
  const sample = sampleModel(loadSeed000());
  const planItems: PlanItem[] = Array.from({ length: items }, (_, k) => {
    const it = sample.items[k % sample.items.length] as PlanItem;
    return { ...it, code: `${it.code}.${Math.floor(k / sample.items.length) + 1}` as PlanCode, name: `${it.name} (${k})`, budgets: { ...it.budgets, 2567: baht((k % 7) * 10000) } };
  });
  const perItem = Math.ceil(progressRows / items);
  const progress: ProgressEntry[] = [];
  for (let k = 0; progress.length < progressRows; k++) {
    const it = planItems[k % items] as PlanItem;
    const month = FISCAL_MONTHS[Math.floor(k / items) % 12] as CalendarMonth;
    progress.push({
      fy: fiscalYear(2567), month, code: it.code, status: "inProgress", reason: undefined, reasonText: "", inOrdinance: true,
      progressPct: Math.min(100, (Math.floor(k / items) + 1) * 8), startDate: new Date(Date.UTC(2023, 9, 2)), endDate: undefined,
      output: "", unit: "", indicatorResult: "", result: `ดำเนินการเดือนที่ ${Math.floor(k / items) + 1} ของ${it.name}`,
      budgetType: "agency", ordinanceAmount: baht((k % 7) * 10000), disbursed: baht(500), evidence: "", problems: "",
      recommendations: "", enteredBy: "", enteredOn: undefined,
    });
  }
  void perItem;
  return { ...sample, items: planItems, details: [], progress, settings: { ...sample.settings, reportFy: fiscalYear(2567), round: 12 } };
}

async function core(): Promise<void> {
  const model = bigPlan(2000, 24000);
  const book = XlsxWorkbook.empty();
  await book.writeSheets(describeWorkbook(model, { createdAt }), "refuse");
  const read = readPlanWorkbook(await (await XlsxWorkbook.open(await book.toBytes())).readGrids());
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const times: number[] = [];
  let findings = 0;
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    findings = checkRead(read).findings.length;
    times.push(performance.now() - t);
  }
  const heapAfter = process.memoryUsage().heapUsed;
  times.sort((a, b) => a - b);
  console.log(
    `core: ${read.workbook.items.length} items, ${read.workbook.progress.length} monthly rows → ${findings} findings; ` +
      `all rules median ${times[2]?.toFixed(0)} ms (min ${times[0]?.toFixed(0)}, max ${times[4]?.toFixed(0)}); ` +
      `heap +${((heapAfter - heapBefore) / 1048576).toFixed(1)} MiB over 5 runs; rss ${(process.memoryUsage().rss / 1048576).toFixed(0)} MiB`,
  );
}

async function cli(count: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "sujarit-bench-"));
  try {
    const base = sampleModel(loadSeed000());
    const t0 = performance.now();
    for (let i = 0; i < count; i++) {
      const model = { ...base, settings: { ...base.settings, documentNo: `มห ${i}` } };
      const book = XlsxWorkbook.empty();
      await book.writeSheets(describeWorkbook(model, { createdAt }), "refuse");
      const sub = join(dir, `อำเภอ${i % 10}`);
      mkdirSync(sub, { recursive: true });
      writeFileSync(join(sub, `plan-${i}.xlsx`), await book.toBytes());
    }
    const made = performance.now() - t0;
    const files = readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith(".xlsx"));
    const openStart = performance.now();
    for (const f of files) await XlsxWorkbook.open(readFileSync(join(dir, f)));
    const openMs = performance.now() - openStart;
    for (const jobs of ["1", "auto"]) {
      const cliStart = performance.now();
      let out = "";
      const args = ["validate", dir, "--format", "json", ...(jobs === "auto" ? [] : ["--jobs", jobs])];
      const code = await main(args, { out: (t) => { out = t; }, err: () => undefined });
      const cliMs = performance.now() - cliStart;
      const summary = JSON.parse(out).summary as { files: number; warning: number };
      console.log(
        `cli (--jobs ${jobs}): ${summary.files} workbooks (made in ${(made / 1000).toFixed(1)} s), exit ${code}, ${summary.warning} warnings · ` +
          `exceljs open only ${(openMs / 1000).toFixed(1)} s (${(openMs / files.length).toFixed(1)} ms/file) · ` +
          `sujarit validate ${(cliMs / 1000).toFixed(1)} s (${(cliMs / files.length).toFixed(1)} ms/file) · ratio ${(cliMs / openMs).toFixed(2)}`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function excelSyncs(): Promise<void> {
  for (const items of [39, 2000]) {
    const excel = new FakeExcel();
    const port = new OfficeWorkbook(excel.run, excel.supports);
    const model = items === 39 ? sampleModel(loadSeed000()) : bigPlan(items, 24000);
    await port.writeSheets(describeWorkbook(model, { createdAt }), "refuse");
    const before = excel.syncCount;
    const v = await validateWorkbook(port);
    console.log(`excel: one full check of ${items} items, ${model.progress.length} monthly rows → ${v.findings.length} findings in ${excel.syncCount - before} context.sync()`);
  }
}

async function run(): Promise<void> {
  const i = process.argv.indexOf("--files");
  const count = i > 0 ? Number(process.argv[i + 1]) : 1000;
  await core();
  await excelSyncs();
  await cli(count);
}

if (require.main === module) run().catch((e: Error) => {
  console.error(e.stack ?? e.message);
  process.exitCode = 1;
});
