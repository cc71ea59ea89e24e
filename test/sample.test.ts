/** The committed sample is exactly what the builder makes from the seed-000 fixture. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { XlsxWorkbook } from "../src/hosts/xlsx/xlsx-workbook";
import { readPlanWorkbook } from "../src/workbook/read";
import { loadSeed000, SAMPLE_MARK, sampleModel } from "../tools/build-sample";
import { withoutRows } from "./support/plans";

it("samples/nasameng-2566-2570.xlsx holds the seed plan, its cards and marked sample rows", async () => {
  const seed = loadSeed000();
  const book = await XlsxWorkbook.open(readFileSync(join(__dirname, "..", "samples", "nasameng-2566-2570.xlsx")));
  const read = readPlanWorkbook(await book.readGrids());
  expect(read.findings).toEqual([]);
  expect(withoutRows(read.workbook)).toEqual(withoutRows(sampleModel(seed)));
  expect(read.workbook.items.map((i) => i.code)).toEqual(seed.items.map((i) => i.code));
  expect(read.workbook.details.filter((d) => d.rationale !== "")).toHaveLength(39);
  expect(read.workbook.progress.every((p) => p.enteredBy === SAMPLE_MARK)).toBe(true);
  expect(read.workbook.risks.every((r) => r.process.includes(SAMPLE_MARK))).toBe(true);
});
