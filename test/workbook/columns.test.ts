/**
 * Issue 17: the schema's columns are typed codecs bound to model fields. columns.types.ts marks each
 * mistake that must not compile with `@ts-expect-error`; here it is compiled as it is (no errors: each
 * marked line is an error, else "unused directive") and once more with the marks removed, which must give
 * exactly one error on each marked line — so the type test cannot pass by the marks being ignored.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { compileErrors } from "../../tools/check-api-sets";

const ROOT = join(__dirname, "..", "..");
const FILE = "test/workbook/columns.types.ts";
const SLOW = 120_000;

describe("table sheets are typed by their record", () => {
  const text = readFileSync(join(ROOT, FILE), "utf8");
  const lines = text.split("\n");
  const isMark = (l: string) => /^\s*\/\/ @ts-expect-error/.test(l);
  const marked = lines.flatMap((l, i) => (isMark(l) ? [i] : []));

  it("the type test compiles: every marked mistake is an error", () => {
    expect(marked.length).toBeGreaterThanOrEqual(5);
    expect(compileErrors(ROOT, [FILE])).toEqual([]);
  }, SLOW);

  it("without the marks, each marked line (and nothing else) fails to compile", () => {
    const unmarked = lines.map((l) => (isMark(l) ? "" : l)).join("\n");
    const errors = compileErrors(ROOT, [FILE], new Map([[resolve(ROOT, FILE), unmarked]]));
    // an error is reported at the line after its mark (the statement's first line or an element inside it)
    const errorLines = new Set(errors.map((e) => Number(/:(\d+):\d+ /.exec(e)?.[1]) - 1));
    expect([...errorLines].sort((a, b) => a - b)).toEqual(marked.map((i) => i + 1));
  }, SLOW);
});
