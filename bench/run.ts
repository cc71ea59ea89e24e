/**
 * `npm run bench`: figures for the closing notes, not pass/fail. Times the template round trip through
 * exceljs for the seed-000 sample and for a generated 2,000-item plan, and counts Excel syncs with the
 * fake (built from test/support, the same fake the tests use).
 */
import { performance } from "node:perf_hooks";
import type { PlanItem, PlanWorkbook } from "../src/domain/plan";
import type { PlanCode } from "../src/domain/units";
import { OfficeWorkbook } from "../src/hosts/office/office-workbook";
import { XlsxWorkbook } from "../src/hosts/xlsx/xlsx-workbook";
import { readPlanWorkbook } from "../src/workbook/read";
import { describeWorkbook } from "../src/workbook/write";
import { FakeExcel } from "../test/support/fake-excel";
import { loadSeed000, sampleModel } from "../tools/build-sample";

const createdAt = new Date("2026-11-23T00:00:00Z");

async function median(runs: number, f: () => Promise<void>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await f();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)] as number;
}

async function measure(label: string, model: PlanWorkbook, runs: number): Promise<void> {
  let bytes = new Uint8Array();
  const write = await median(runs, async () => {
    const book = XlsxWorkbook.empty();
    await book.writeSheets(describeWorkbook(model, { createdAt }), "refuse");
    bytes = await book.toBytes();
  });
  let items = 0;
  const open = await median(runs, async () => {
    await XlsxWorkbook.open(bytes);
  });
  const read = await median(runs, async () => {
    const r = readPlanWorkbook(await (await XlsxWorkbook.open(bytes)).readGrids());
    items = r.workbook.items.length;
  });
  const excel = new FakeExcel();
  const office = new OfficeWorkbook(excel.run, excel.supports);
  await office.writeSheets(describeWorkbook(model, { createdAt }), "refuse");
  const writeSyncs = excel.syncCount;
  await office.readGrids();
  const readSyncs = excel.syncCount - writeSyncs;
  const coreOnly = await median(runs, async () => {
    readPlanWorkbook(await office.readGrids());
  });
  console.log(
    `${label}: ${items} items, ${(bytes.byteLength / 1024).toFixed(0)} KiB · exceljs write ${write.toFixed(0)} ms · ` +
      `open ${open.toFixed(0)} ms · open+read ${read.toFixed(0)} ms (read/open ${(read / open).toFixed(2)}) · ` +
      `Excel syncs: write ${writeSyncs}, read ${readSyncs} · fake read+parse ${coreOnly.toFixed(0)} ms`,
  );
}

async function main(): Promise<void> {
  const sample = sampleModel(loadSeed000());
  await measure("seed-000 sample", sample, 7);
  const big: PlanItem[] = Array.from({ length: Math.ceil(2000 / sample.items.length) }, (_, k) =>
    sample.items.map((it) => ({ ...it, code: `${it.code}-${k}` as PlanCode })),
  ).flat().slice(0, 2000);
  await measure("generated 2,000-item plan", { ...sample, items: big, details: [] }, 3);
}

main().catch((e: Error) => {
  console.error(e.message);
  process.exitCode = 1;
});
