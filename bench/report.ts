/**
 * `npm run bench:report`: generating every report sheet (issue 6).
 *  1. core: the 2,000-item plan with 24,000 monthly rows, read → checks → round summary → all report
 *     sheets as SheetSpecs (time and heap), against reading the model alone (ratio);
 *  2. exceljs: writing those sheets into the workbook and saving the file (time, size);
 *  3. Excel: context.sync() calls to generate everything, with the counting fake, for 39 and 2,000 items.
 * Consolidating 20 division workbooks of 500 rows is `npm run bench:consolidate`.
 */
import { performance } from "node:perf_hooks";
import { generateReports, previewFrom } from "../src/app/report";
import { fiscalYear } from "../src/domain/units";
import { OfficeWorkbook } from "../src/hosts/office/office-workbook";
import { XlsxWorkbook } from "../src/hosts/xlsx/xlsx-workbook";
import type { WorkbookGrids } from "../src/workbook/grid";
import { readPlanWorkbook } from "../src/workbook/read";
import { reportSheets } from "../src/workbook/reports";
import { describeWorkbook } from "../src/workbook/write";
import { FakeExcel } from "../test/support/fake-excel";
import { loadSeed000, sampleModel } from "../tools/build-sample";
import { bigPlan } from "./validate";

const createdAt = new Date("2026-11-23T00:00:00Z");
const request = { fy: fiscalYear(2567), round: 12 as const };
const mib = (n: number) => (n / 1048576).toFixed(1);

function timed<T>(f: () => T): { value: T; ms: number } {
  const t = performance.now();
  const value = f();
  return { value, ms: performance.now() - t };
}

function medianOf(runs: number, f: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(timed(f).ms);
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)] as number;
}

async function core(): Promise<void> {
  const model = bigPlan(2000, 24000);
  const book = XlsxWorkbook.empty();
  await book.writeSheets(describeWorkbook(model, { createdAt }), "refuse");
  const bytes = await book.toBytes();
  const grids: WorkbookGrids = await (await XlsxWorkbook.open(bytes)).readGrids();
  const read = medianOf(3, () => void readPlanWorkbook(grids));
  global.gc?.();
  const heap0 = process.memoryUsage().heapUsed;
  let sheets = 0;
  let cells = 0;
  const all = medianOf(3, () => {
    const preview = previewFrom(grids, request, createdAt);
    const specs = reportSheets(preview.context);
    sheets = specs.length;
    cells = specs.reduce((n, s) => n + s.rows.reduce((m, r) => m + r.filter((v) => v !== null).length, 0), 0);
  });
  const heap1 = process.memoryUsage().heapUsed;
  console.log(
    `core: ${model.items.length} items, ${model.progress.length} monthly rows → ${sheets} report sheets, ${cells.toLocaleString("en-US")} cells; ` +
      `read+checks+generate median ${all.toFixed(0)} ms vs read alone ${read.toFixed(0)} ms (ratio ${(all / read).toFixed(2)}); ` +
      `heap +${mib(heap1 - heap0)} MiB over 3 runs; rss ${mib(process.memoryUsage().rss)} MiB`,
  );

  const t0 = performance.now();
  const target = await XlsxWorkbook.open(bytes);
  const opened = performance.now() - t0;
  const t1 = performance.now();
  await generateReports(target, request, { now: createdAt });
  const generated = performance.now() - t1;
  const t2 = performance.now();
  const out = await target.toBytes();
  const saved = performance.now() - t2;
  console.log(
    `exceljs: open ${(opened / 1000).toFixed(2)} s · read+check+generate+write sheets ${(generated / 1000).toFixed(2)} s · save ${(saved / 1000).toFixed(2)} s · ` +
      `file ${mib(bytes.length)} MiB → ${mib(out.length)} MiB`,
  );
}

async function excelSyncs(): Promise<void> {
  for (const items of [39, 2000]) {
    const excel = new FakeExcel();
    const port = new OfficeWorkbook(excel.run, excel.supports);
    const model = items === 39 ? sampleModel(loadSeed000()) : bigPlan(items, 24000);
    await port.writeSheets(describeWorkbook(model, { createdAt }), "refuse");
    const before = excel.syncCount;
    const t = performance.now();
    const r = await generateReports(port, request, { now: createdAt });
    console.log(`excel: generating ${r.sheets.length} report sheets for ${items} items, ${model.progress.length} monthly rows: ${excel.syncCount - before} context.sync() (fake, ${(performance.now() - t).toFixed(0)} ms)`);
  }
}

async function run(): Promise<void> {
  await core();
  await excelSyncs();
}

if (require.main === module) run().catch((e: Error) => {
  console.error(e.stack ?? e.message);
  process.exitCode = 1;
});
