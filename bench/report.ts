/**
 * `npm run bench:report`: generating the report (issues 6 and 13) as `sujarit report` does it — read the plan's
 * grids, checks and round summary, every report sheet as a SheetSpec (the core), exceljs rendering them and
 * saving the file — for 100, 500 and 2,000 items (12 monthly rows each), and how the time grows with the plan.
 *  1. per size (BENCH_SIZES), in this one process on its one JavaScript thread: the plan workbook saved once, then one
 *     warm-up run and RUNS measured runs of open → generateReports → save; the median of each phase
 *     (a timing port around the exceljs host splits the use case into exceljs's read, the core and exceljs's
 *     write) and the process's CPU time (user + system, GC threads included; less disturbed than wall time
 *     when other processes share the machine);
 *  2. the growth: each size's total against the size before, and issue 13's goal — 2,000 items in ≤ 10 s,
 *     and ≤ 2 × four times the 500-item time (linear);
 *  3. the project cards at 2,000 items (off by default; ~17 merged areas per item);
 *  4. Excel: context.sync() calls to generate everything, with the counting fake, for 39 and 2,000 items.
 * Consolidating 20 division workbooks of 500 rows is `npm run bench:consolidate`.
 */
import { performance } from "node:perf_hooks";
import type { ExistingSheetPolicy, ReadOptions, SheetInfo, WorkbookPort, WriteOptions } from "../src/app/port";
import { generateReports, type GenerateOptions } from "../src/app/report";
import { fiscalYear } from "../src/domain/units";
import { OfficeWorkbook } from "../src/hosts/office/office-workbook";
import { XlsxWorkbook } from "../src/hosts/xlsx/xlsx-workbook";
import type { CellInput, WorkbookGrids, WorkbookSpec } from "../src/workbook/grid";
import { describeWorkbook } from "../src/workbook/write";
import { FakeExcel } from "../test/support/fake-excel";
import { loadSeed000, sampleModel } from "../tools/build-sample";
import { bigPlan } from "./validate";

const createdAt = new Date("2026-11-23T00:00:00Z");
const request = { fy: fiscalYear(2567), round: 12 as const };
/** Items per plan; BENCH_SIZES=100,500 for a shorter run (the goal line needs 500 and 2,000). */
const SIZES: readonly number[] = (process.env.BENCH_SIZES ?? "100,500,2000").split(",").map(Number);
/** Measured runs per size after the warm-up (the median is printed). */
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));
const GOAL_MS = 10_000;
const mib = (n: number) => (n / 1048576).toFixed(1);
const s = (ms: number) => (ms / 1000).toFixed(2);
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** One run's phases, in milliseconds. */
interface Run {
  open: number;
  /** exceljs: the plan's sheets as grids */
  read: number;
  /** checks, round summary, every report SheetSpec */
  core: number;
  /** exceljs: rendering the report sheets into the workbook */
  write: number;
  save: number;
  /** read + core + write + save: the report from an open workbook to the file's bytes */
  total: number;
  cpu: number;
  bytes: number;
}

/** The exceljs host with its read and write timed, so that the use case's own time is what is left. */
class TimedPort implements WorkbookPort {
  read = 0;
  write = 0;
  constructor(readonly inner: XlsxWorkbook) {}
  async readGrids(options?: ReadOptions): Promise<WorkbookGrids> {
    const t = performance.now();
    try {
      return await this.inner.readGrids(options);
    } finally {
      this.read += performance.now() - t;
    }
  }
  async writeSheets(spec: WorkbookSpec, policy: ExistingSheetPolicy, options?: WriteOptions): Promise<void> {
    const t = performance.now();
    try {
      await this.inner.writeSheets(spec, policy, options);
    } finally {
      this.write += performance.now() - t;
    }
  }
  listSheets(): Promise<SheetInfo[]> {
    return this.inner.listSheets();
  }
  appendRows(sheet: string, firstRow: number, rows: readonly (readonly CellInput[])[]): Promise<void> {
    return this.inner.appendRows(sheet, firstRow, rows);
  }
  rewriteRow(...args: Parameters<WorkbookPort["rewriteRow"]>): Promise<void> {
    return this.inner.rewriteRow(...args);
  }
  removeRow(...args: Parameters<WorkbookPort["removeRow"]>): Promise<void> {
    return this.inner.removeRow(...args);
  }
}

async function once(bytes: Uint8Array, options: GenerateOptions = {}): Promise<Run> {
  const t0 = performance.now();
  const book = await XlsxWorkbook.open(bytes);
  const open = performance.now() - t0;
  const port = new TimedPort(book);
  const c0 = cpuMs();
  const t1 = performance.now();
  await generateReports(port, request, { now: createdAt, ...options });
  const generated = performance.now() - t1;
  const t2 = performance.now();
  const out = await book.toBytes();
  const save = performance.now() - t2;
  const cpu = cpuMs() - c0;
  return { open, read: port.read, core: generated - port.read - port.write, write: port.write, save, total: generated + save, cpu, bytes: out.length };
}

function median(runs: readonly Run[]): Run {
  const mid = (k: keyof Run) => [...runs].map((r) => r[k]).sort((a, b) => a - b)[Math.floor(runs.length / 2)] as number;
  return { open: mid("open"), read: mid("read"), core: mid("core"), write: mid("write"), save: mid("save"), total: mid("total"), cpu: mid("cpu"), bytes: mid("bytes") };
}

async function planBytes(items: number): Promise<Uint8Array> {
  const book = XlsxWorkbook.empty();
  await book.writeSheets(describeWorkbook(bigPlan(items, items * 12), { createdAt }), "refuse");
  return book.toBytes();
}

async function sizes(): Promise<void> {
  const medians = new Map<number, Run>();
  let bytes2000: Uint8Array | undefined;
  for (const items of SIZES) {
    const bytes = await planBytes(items);
    if (items === 2000) bytes2000 = bytes;
    await once(bytes); // warm-up: compiled code and caches, as a second report in the same session
    const runs: Run[] = [];
    for (let i = 0; i < RUNS; i++) runs.push(await once(bytes));
    const m = median(runs);
    medians.set(items, m);
    console.log(
      `report, ${items} items × ${items * 12} monthly rows (median of ${RUNS} after a warm-up): ` +
        `exceljs read ${s(m.read)} s · core ${s(m.core)} s · exceljs write ${s(m.write)} s · save ${s(m.save)} s → ` +
        `total ${s(m.total)} s (CPU ${s(m.cpu)} s; all runs ${runs.map((r) => s(r.total)).join(" / ")} s) · ` +
        `open ${s(m.open)} s · file ${mib(bytes.length)} → ${mib(m.bytes)} MiB`,
    );
  }
  const at = (n: number) => medians.get(n) as Run;
  for (let i = 1; i < SIZES.length; i++) {
    const [a, b] = [SIZES[i - 1] as number, SIZES[i] as number];
    console.log(
      `growth ${a} → ${b} items (× ${b / a}): total × ${(at(b).total / at(a).total).toFixed(2)}, CPU × ${(at(b).cpu / at(a).cpu).toFixed(2)}, ` +
        `core × ${(at(b).core / at(a).core).toFixed(2)}, exceljs write × ${(at(b).write / at(a).write).toFixed(2)}, save × ${(at(b).save / at(a).save).toFixed(2)}`,
    );
  }
  if (!medians.has(500) || !bytes2000) return;
  const big = at(2000);
  const linear = 2 * 4 * at(500).total;
  console.log(
    `goal (issue 13): 2,000 items in ≤ ${s(GOAL_MS)} s: ${s(big.total)} s ${big.total <= GOAL_MS ? "met" : "NOT met"}; ` +
      `≤ 2 × 4 × the 500-item time (${s(linear)} s): ${big.total <= linear ? "met" : "NOT met"} (2,000 / 500 items: × ${(big.total / at(500).total).toFixed(2)})`,
  );
  const cards = await once(bytes2000, { contents: { cards: true } });
  console.log(
    `with project cards, 2,000 items (one run): exceljs read ${s(cards.read)} s · core ${s(cards.core)} s · exceljs write ${s(cards.write)} s · save ${s(cards.save)} s → total ${s(cards.total)} s (CPU ${s(cards.cpu)} s)`,
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
  await sizes();
  await excelSyncs();
}

if (require.main === module) run().catch((e: Error) => {
  console.error(e.stack ?? e.message);
  process.exitCode = 1;
});
