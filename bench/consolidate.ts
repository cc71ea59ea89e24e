/**
 * `npm run bench:consolidate`: 20 division workbooks of 500 monthly rows each merged into the master
 * (issue 6's figure): time to open the files, to plan and append, and to write the master.
 */
import { performance } from "node:perf_hooks";
import { consolidate } from "../src/app/consolidate";
import { FISCAL_MONTHS } from "../src/domain/calendar";
import type { ProgressEntry } from "../src/domain/plan";
import { baht, fiscalYear } from "../src/domain/units";
import { XlsxWorkbook } from "../src/hosts/xlsx/xlsx-workbook";
import { describeWorkbook } from "../src/workbook/write";
import { loadSeed000, sampleModel } from "../tools/build-sample";

async function run(): Promise<void> {
  const sample = sampleModel(loadSeed000());
  const base = sample.progress[0] as ProgressEntry;
  const keys = [2566, 2567, 2568, 2569, 2570].flatMap((fy) => FISCAL_MONTHS.flatMap((month) => sample.items.map((it) => ({ fy, month, code: it.code }))));
  const bytesOf = async (progress: ProgressEntry[]) => {
    const book = XlsxWorkbook.empty();
    await book.writeSheets(describeWorkbook({ ...sample, progress }, { createdAt: new Date(0) }), "refuse");
    return book.toBytes();
  };
  const master = await bytesOf(sample.progress as ProgressEntry[]);
  // division d reports keys [d*100, d*100+500): neighbours overlap by 400 rows, so most are already there after the first
  const divisions = await Promise.all(
    Array.from({ length: 20 }, (_, d) =>
      bytesOf(
        keys.slice(d * 100, d * 100 + 500).map((k, i) => ({
          ...base, fy: fiscalYear(k.fy), month: k.month, code: k.code, result: `ผล ${k.code} ${k.month}/${k.fy}`,
          // every 50th overlapping row was typed differently by the next division: a conflict
          disbursed: baht(100 + (d > 0 && i % 50 === 0 ? d : 0)),
        })),
      ),
    ),
  );
  const t0 = performance.now();
  const masterBook = await XlsxWorkbook.open(master);
  const sources = [];
  for (const [i, b] of divisions.entries()) sources.push({ source: `กอง${i + 1}.xlsx`, port: await XlsxWorkbook.open(b) });
  const t1 = performance.now();
  const report = await consolidate(masterBook, sources);
  const t2 = performance.now();
  const out = await masterBook.toBytes();
  const t3 = performance.now();
  const sum = (k: "rows" | "added" | "alreadyThere" | "conflicts" | "unusable") => report.plan.outcomes.reduce((n, o) => n + o[k], 0);
  console.log(
    `consolidate: 20 division workbooks × 500 rows = ${sum("rows")} rows → added ${sum("added")}, already there ${sum("alreadyThere")}, conflicts ${sum("conflicts")}, unusable ${sum("unusable")} · ` +
      `open 21 files ${(t1 - t0).toFixed(0)} ms · read + plan + append ${(t2 - t1).toFixed(0)} ms · write master ${(t3 - t2).toFixed(0)} ms (${(out.byteLength / 1024).toFixed(0)} KiB)`,
  );
}

run().catch((e: Error) => {
  console.error(e.stack ?? e.message);
  process.exitCode = 1;
});
