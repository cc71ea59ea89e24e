/**
 * The LibreOffice oracle for the report sheets (ENGINEERING.md, issue 6): every report of every case is
 * generated into a template workbook, the cached values are taken out of every formula, LibreOffice
 * headless recalculates it, and every formula of every report sheet must equal the value the core wrote
 * with it (the core's figure). Then each report sheet is printed alone to PDF and PNG
 * (test-artifacts/reports/<case>/<sheet>-<page>.png) to be looked at, and its paper checked.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { SheetSpec } from "../../src/workbook/grid";
import { columnLetter } from "../../src/workbook/a1";
import { REPORT_CASES, generatedCase } from "../support/reports";
import { convert, formulaResults, pdfPages, pdfToPngs, requireTools, showOnly, stripResults } from "./libreoffice";

const ROOT = join(__dirname, "..", "..");
const WORK = join(ROOT, "test-artifacts", "oracle-reports");
const PNGS = join(ROOT, "test-artifacts", "reports");
const MISSING = "(no formula)";
/** While working on some sheets: SUJARIT_RENDER_ONLY="ปก,สารบัญ" prints only those (all of them when unset, as in CI). */
const ONLY = (process.env.SUJARIT_RENDER_ONLY ?? "").split(",").map((s) => s.trim()).filter(Boolean);

interface Prepared {
  readonly name: string;
  readonly sheets: readonly SheetSpec[];
  readonly bytes: Uint8Array;
}

const prepared: Prepared[] = [];
const recalculated = new Map<string, Buffer>();

beforeAll(async () => {
  requireTools();
  rmSync(WORK, { recursive: true, force: true });
  rmSync(PNGS, { recursive: true, force: true });
  mkdirSync(WORK, { recursive: true });
  const files: string[] = [];
  for (const c of REPORT_CASES) {
    const { book, generated } = await generatedCase(c);
    const bytes = await book.toBytes();
    prepared.push({ name: c.name, sheets: generated.sheets, bytes });
    stripResults(book.book);
    const file = join(WORK, `${c.name}.xlsx`);
    writeFileSync(file, await book.toBytes());
    files.push(file);
  }
  const outputs = convert(files, "xlsx", join(WORK, "recalculated"));
  outputs.forEach((f, i) => recalculated.set(REPORT_CASES[i]?.name as string, readFileSync(f)));
}, 240_000);

describe("LibreOffice recalculates every report formula to the core's figure", () => {
  it.each(REPORT_CASES.map((c) => c.name))("%s", async (name) => {
    const p = prepared.find((x) => x.name === name) as Prepared;
    const bytes = recalculated.get(name) as Buffer;
    const mismatches: string[] = [];
    let compared = 0;
    for (const spec of p.sheets) {
      const results = await formulaResults(bytes, spec.name);
      spec.rows.forEach((cells, r) => cells.forEach((v, c) => {
        if (v === null || typeof v !== "object" || v instanceof Date) return;
        compared++;
        const got = results.get(`${columnLetter(c + 1)}${r + 1}`) ?? MISSING;
        const want = v.result ?? "(no result written)";
        const same = typeof want === "number" && typeof got === "number" ? Math.abs(got - want) < 1e-9 : got === want;
        if (!same) mismatches.push(`${spec.name}!${columnLetter(c + 1)}${r + 1} =${v.formula}: LibreOffice ${JSON.stringify(got)}, core ${JSON.stringify(want)}`);
      }));
    }
    console.info(`reports oracle ${name}: ${p.sheets.length} sheets, ${compared} formula cells compared, ${mismatches.length} mismatches`);
    expect(mismatches.slice(0, 30)).toEqual([]);
    expect(compared).toBeGreaterThan(0);
  });
});

describe("every report sheet printed alone (PDF, PNG)", () => {
  it("renders each sheet on A4 in its orientation", async () => {
    const files: { file: string; spec: SheetSpec; case: string }[] = [];
    for (const p of prepared) {
      for (const spec of p.sheets.filter((x) => ONLY.length === 0 || ONLY.includes(x.name))) {
        // hidden in the file's XML: a round trip through exceljs would drop the print areas and page breaks
        const file = join(WORK, "print", p.name, `${spec.name.replace(/[\s/]+/g, "_")}.xlsx`);
        mkdirSync(join(WORK, "print", p.name), { recursive: true });
        writeFileSync(file, await showOnly(p.bytes, spec.name));
        files.push({ file, spec, case: p.name });
      }
    }
    const problems: string[] = [];
    for (const caseName of new Set(files.map((f) => f.case))) {
      const mine = files.filter((f) => f.case === caseName);
      const pdfs = convert(mine.map((f) => f.file), "pdf", join(WORK, "pdf", caseName));
      mkdirSync(join(PNGS, caseName), { recursive: true });
      pdfs.forEach((pdf, i) => {
        const { spec } = mine[i] as (typeof mine)[number];
        const bytes = readFileSync(pdf);
        const pages = pdfPages(bytes);
        const landscape = spec.print?.orientation === "landscape";
        const box = landscape ? /\/MediaBox\s*\[\s*0 0 841\.\d+ 595\.\d+\s*\]/ : /\/MediaBox\s*\[\s*0 0 595\.\d+ 841\.\d+\s*\]/;
        if (pages < 1) problems.push(`${caseName}/${spec.name}: no page`);
        if (!box.test(bytes.toString("latin1"))) problems.push(`${caseName}/${spec.name}: not A4 ${landscape ? "landscape" : "portrait"}`);
        const pngs = pdfToPngs(pdf, join(PNGS, caseName, spec.name.replace(/[\s/]+/g, "_")));
        console.info(`rendered ${caseName}/${spec.name}: ${pages} page(s)`);
        if (pngs.length !== pages) problems.push(`${caseName}/${spec.name}: ${pngs.length} PNGs for ${pages} pages`);
      });
    }
    expect(problems).toEqual([]);
  }, 300_000);
});
