/**
 * `npm run bench:validate [-- --files N] [-- --sizes 250,500] [-- --only core|excel|cli]`: validation speed.
 *  1. core: what the ตรวจสอบ page does after each edit — read the grids into the model (with the reader's
 *     findings), then every rule — on generated plans of 250 … 2,000 items with 12 monthly rows each,
 *     timed apart and together (medians after a warm-up), and the heap that stays. It runs in a child
 *     process started with V8's --single-threaded, so that the figures are one core's work whatever
 *     else the machine does (no garbage collection or compilation on another core), before and after alike;
 *  2. Excel: context.sync() calls for one full check (read + rules), with the counting fake;
 *  3. CLI: `sujarit validate` over a folder of N generated workbooks (default 1,000) against merely
 *     opening the same files with exceljs — the ratio is the figure that matters.
 * Profiling the core: `node --single-threaded --cpu-prof dist-cli/bench/validate.js --core-child --sizes 2000`.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { checkRead, validateWorkbook } from "../src/app/validate";
import { main } from "../src/cli/main";
import type { PlanWorkbook } from "../src/domain/plan";
import { OfficeWorkbook } from "../src/hosts/office/office-workbook";
import { XlsxWorkbook } from "../src/hosts/xlsx/xlsx-workbook";
import { readPlanWorkbook } from "../src/workbook/read";
import type { WorkbookGrids } from "../src/workbook/grid";
import { describeWorkbook } from "../src/workbook/write";
import { FakeExcel } from "../test/support/fake-excel";
import { bigPlan } from "../test/support/plans";
import { loadSeed000, sampleModel } from "../tools/build-sample";

const createdAt = new Date("2026-11-23T00:00:00Z");

// the generated plans of the figures below live with the tests' generators; re-exported for the other benches
export { bigPlan };

/** The grids a host would hand the reader for a generated plan (written and read back through exceljs). */
async function gridsOf(model: PlanWorkbook): Promise<WorkbookGrids> {
  const book = XlsxWorkbook.empty();
  await book.writeSheets(describeWorkbook(model, { createdAt }), "refuse");
  return (await XlsxWorkbook.open(await book.toBytes())).readGrids();
}

const WARM_UP = 10;
const RUNS = 15;
const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const ms = (x: number): string => x.toFixed(0).padStart(4);
/** CPU time of the process (user + system), ms: on a shared machine less noisy than the clock. */
const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/**
 * Read and rules of one plan size: WARM_UP rounds of both first (so that neither side is timed while
 * V8 still compiles it), then RUNS timed rounds; each figure is the median of its own column.
 */
async function coreSize(items: number): Promise<void> {
  const grids = await gridsOf(bigPlan(items, items * 12));
  // the first check of the process, before V8 has compiled anything: the pane's first check after opening
  const cold = performance.now();
  checkRead(readPlanWorkbook(grids));
  const first = performance.now() - cold;
  for (let i = 1; i < WARM_UP; i++) checkRead(readPlanWorkbook(grids));
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const read: number[] = [];
  const rules: number[] = [];
  const total: number[] = [];
  const cpu: number[] = [];
  let findings = 0;
  let rows = 0;
  for (let i = 0; i < RUNS; i++) {
    const c0 = cpuMs();
    const t0 = performance.now();
    const r = readPlanWorkbook(grids);
    const t1 = performance.now();
    findings = checkRead(r).findings.length;
    const t2 = performance.now();
    cpu.push(cpuMs() - c0);
    read.push(t1 - t0);
    rules.push(t2 - t1);
    total.push(t2 - t0);
    rows = r.workbook.progress.length;
  }
  global.gc?.();
  const heap = (process.memoryUsage().heapUsed - heapBefore) / 1048576;
  console.log(
    `core: ${String(items).padStart(5)} items, ${String(rows).padStart(6)} monthly rows → ${String(findings).padStart(5)} findings · ` +
      `read ${ms(median(read))} ms · rules ${ms(median(rules))} ms · total ${ms(median(total))} ms ` +
      `(min ${ms(Math.min(...total))}, max ${ms(Math.max(...total))}; cpu ${ms(median(cpu))} ms) · first check ${ms(first)} ms · heap kept +${heap.toFixed(1)} MiB`,
  );
}

async function core(sizes: readonly number[]): Promise<void> {
  for (const items of sizes) await coreSize(items);
}

/**
 * The core figures, each size in a child process of its own on one core (see the header), so that
 * no size runs on code another size compiled; the CLI and Excel parts stay here.
 */
function coreOnOneCore(sizes: readonly number[]): void {
  console.log(
    `core (one core: node --single-threaded, a process per size; ${WARM_UP} warm-up rounds, medians of ${RUNS}; ` +
      "read = grids → model + reader findings, rules = every rule + sorting, total = both, wall clock; " +
      "cpu = the process's CPU time for both; first check = the process's first, before any warm-up)",
  );
  for (const items of sizes) {
    const args = ["--single-threaded", "--expose-gc", __filename, "--core-child", "--sizes", String(items)];
    execFileSync(process.execPath, args, { stdio: "inherit" });
  }
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

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
}

async function run(): Promise<void> {
  const count = Number(option("--files") ?? 1000);
  const sizes = (option("--sizes") ?? "250,500,1000,2000").split(",").map(Number);
  const only = option("--only");
  if (process.argv.includes("--core-child")) return core(sizes);
  if (!only || only === "core") coreOnOneCore(sizes);
  if (!only || only === "excel") await excelSyncs();
  if (!only || only === "cli") await cli(count);
}

if (require.main === module) run().catch((e: Error) => {
  console.error(e.stack ?? e.message);
  process.exitCode = 1;
});
