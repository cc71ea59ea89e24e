/**
 * The LibreOffice oracle for the risk register (ENGINEERING.md): a register of a few hundred random risks
 * (fast-check, fixed seed) is written with exceljs, its report sheet generated, the cached values taken
 * out of every formula, and LibreOffice headless recalculates the workbook. Every score, level and
 * residual formula of ทะเบียนความเสี่ยง and every formula of การประเมินความเสี่ยง (levels, scores, the heat
 * maps' COUNTIFS, the counts per level) must equal what the core computes — on the default 5 × 5 and on
 * an edited cell-lookup matrix. Then the sample's and seed 003's report sheets are rendered to PDF and PNG
 * (test-artifacts/risk-report/) to be looked at.
 */
import ExcelJS from "exceljs";
import fc from "fast-check";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { addRisksFromLibrary, generateRiskReport } from "../../src/app/risks";
import type { ControlRating } from "../../src/domain/lists";
import type { PlanWorkbook, RiskEntry } from "../../src/domain/plan";
import { assessRisk, matrixOf, residualCell } from "../../src/domain/risk/assess";
import { PRESETS, type RiskMatrix } from "../../src/domain/risk/matrix";
import { XlsxWorkbook } from "../../src/hosts/xlsx/xlsx-workbook";
import { columnLetter } from "../../src/workbook/a1";
import type { CellInput, SheetSpec } from "../../src/workbook/grid";
import { readPlanWorkbook } from "../../src/workbook/read";
import { RISK_REPORT_SHEET } from "../../src/workbook/risk-report";
import { RISKS_SHEET } from "../../src/workbook/schema";
import { describeWorkbook } from "../../src/workbook/write";
import { loadSeed000, sampleModel } from "../../tools/build-sample";
import { seed003Model } from "../support/seed003-risks";
import { convert, formulaResults, pdfPages, pdfToPngs, requireTools, stripResults } from "./libreoffice";

const ROOT = join(__dirname, "..", "..");
const WORK = join(ROOT, "test-artifacts", "oracle");
const PNGS = join(ROOT, "test-artifacts", "risk-report");
const REGISTER = RISKS_SHEET.name;
const sample = sampleModel(loadSeed000());
const codes = sample.items.map((i) => i.code as string);

/** A value users may type in a scale column: mostly on the scale, sometimes not (outside, fractional, empty). */
const scaleValue = fc.oneof(
  { weight: 12, arbitrary: fc.integer({ min: 1, max: 5 }) },
  { weight: 1, arbitrary: fc.constantFrom(0, 6, 7, 2.5) },
  { weight: 2, arbitrary: fc.constant(undefined) },
);
const randomRisk = fc.record({
  process: fc.constantFrom("การจัดซื้อจัดจ้าง", "การออกใบอนุญาตก่อสร้าง", "การเลื่อนขั้นเงินเดือน", "การจัดเก็บค่าธรรมเนียม", "การใช้รถราชการ"),
  event: fc.constantFrom("ล็อกสเปก", "เรียกรับสินบน", "ใช้ดุลพินิจไม่เป็นธรรม", "ไม่ออกใบเสร็จ", "ใช้ทรัพย์สินส่วนตน"),
  likelihood: scaleValue,
  impact: scaleValue,
  rating: fc.constantFrom<ControlRating | undefined>("good", "fair", "weak", undefined),
  residualLikelihood: fc.option(scaleValue, { nil: undefined, freq: 3 }),
  residualImpact: fc.option(scaleValue, { nil: undefined, freq: 3 }),
  mitigations: fc.subarray(codes, { maxLength: 3 }),
});

function registerOf(n: number, seed: number): RiskEntry[] {
  return fc.sample(randomRisk, { numRuns: n, seed }).map((r, i) => ({
    id: `R-${String(i + 1).padStart(3, "0")}`, process: r.process, category: "budget", event: r.event, factor: "known",
    likelihood: r.likelihood, impact: r.impact, existingControls: "", controlRating: r.rating,
    residualLikelihood: r.residualLikelihood ?? undefined, residualImpact: r.residualImpact ?? undefined,
    mitigations: r.mitigations, owner: "", statusLight: undefined, reviewedOn: undefined,
  }));
}

/** Thai agencies' cell-lookup 5 × 5, with two cells changed as a user may: the formulas must follow the grid. */
function editedLookup(): RiskMatrix {
  const m = PRESETS["5x5-lookup"] as RiskMatrix;
  const cells = m.cells.map((row) => [...row]);
  (cells[0] as string[])[0] = "medium";
  (cells[4] as string[])[4] = "high";
  return { ...m, id: "5x5-lookup", cells };
}

interface Case {
  readonly name: string;
  readonly model: PlanWorkbook;
}

const CASES: Case[] = [
  { name: "register-5x5", model: { ...sample, risks: registerOf(300, 20261123) } },
  { name: "register-lookup", model: { ...sample, settings: { ...sample.settings, riskMatrix: "5x5-lookup", digits: "arabic" }, riskMatrix: editedLookup(), risks: registerOf(200, 7) } },
];

type Results = ReadonlyMap<string, string | number>;
const MISSING = "(no formula)";

interface Comparison {
  readonly compared: number;
  readonly mismatches: string[];
}

/** The register's computed columns against the core, risk by risk. */
function compareRegister(results: Results, model: PlanWorkbook, columns: ReadonlyMap<string, number>): Comparison {
  const m = matrixOf(model);
  const mismatches: string[] = [];
  let compared = 0;
  const col = (key: string) => (columns.get(key) as number) + 1;
  model.risks.forEach((r) => {
    const row = r.at?.row as number;
    const a = assessRisk(m, r, model.items);
    const used = residualCell(m, r);
    const expected: Record<string, string | number> = {
      score: a.inherent?.score ?? "",
      level: a.inherent?.level.name.th ?? "",
      residualLikelihoodUsed: used.likelihood ?? "",
      residualImpactUsed: used.impact ?? "",
      residualScore: a.residual?.score ?? "",
      residualLevel: a.residual?.level.name.th ?? "",
    };
    for (const [key, want] of Object.entries(expected)) {
      const got = results.get(`${columnLetter(col(key))}${row}`) ?? MISSING;
      compared++;
      if (got !== want) mismatches.push(`${REGISTER}!${columnLetter(col(key))}${row} (${r.id} ${key}: L=${r.likelihood} I=${r.impact} ${r.controlRating} rL=${r.residualLikelihood} rI=${r.residualImpact}): LibreOffice ${JSON.stringify(got)}, core ${JSON.stringify(want)}`);
    }
  });
  return { compared, mismatches };
}

/** Every formula of the report sheet against the value the core wrote with it. */
function compareReport(results: Results, spec: SheetSpec): Comparison & { countifs: number } {
  const mismatches: string[] = [];
  let compared = 0;
  let countifs = 0;
  spec.rows.forEach((cells, r) => cells.forEach((v: CellInput, c) => {
    if (v === null || typeof v !== "object" || v instanceof Date) return;
    compared++;
    if (v.formula.startsWith("COUNTIFS(")) countifs++;
    const got = results.get(`${columnLetter(c + 1)}${r + 1}`) ?? MISSING;
    const want = v.result ?? "";
    if (got !== want) mismatches.push(`${RISK_REPORT_SHEET}!${columnLetter(c + 1)}${r + 1} =${v.formula}: LibreOffice ${JSON.stringify(got)}, core ${JSON.stringify(want)}`);
  }));
  return { compared, mismatches, countifs };
}

beforeAll(() => {
  requireTools();
  rmSync(WORK, { recursive: true, force: true });
  rmSync(PNGS, { recursive: true, force: true });
  mkdirSync(WORK, { recursive: true });
  mkdirSync(PNGS, { recursive: true });
});

describe("LibreOffice recalculates the register and the report as the core computes them", () => {
  const prepared: { name: string; model: PlanWorkbook; spec: SheetSpec; columns: ReadonlyMap<string, number>; stripped: number }[] = [];
  const recalculated = new Map<string, { register: Results; report: Results }>();

  beforeAll(async () => {
    const inputs: string[] = [];
    for (const c of CASES) {
      const book = XlsxWorkbook.empty();
      await book.writeSheets(describeWorkbook(c.model, { createdAt: new Date(0) }), "refuse");
      const { spec } = await generateRiskReport(book);
      const read = readPlanWorkbook(await book.readGrids());
      const stripped = stripResults(book.book);
      const file = join(WORK, `${c.name}.xlsx`);
      writeFileSync(file, await book.toBytes());
      inputs.push(file);
      prepared.push({ name: c.name, model: read.workbook, spec, columns: read.layouts.tables.risks?.columns as ReadonlyMap<string, number>, stripped });
    }
    const outputs = convert(inputs, "xlsx", join(WORK, "recalculated"));
    for (const [i, file] of outputs.entries()) {
      const bytes = readFileSync(file);
      recalculated.set(CASES[i]?.name as string, { register: await formulaResults(bytes, REGISTER), report: await formulaResults(bytes, RISK_REPORT_SHEET) });
    }
  }, 180_000);

  it.each(CASES.map((c) => c.name))("%s: every computed cell equals the core's", (name) => {
    const p = prepared.find((x) => x.name === name);
    const results = recalculated.get(name);
    expect(p).toBeDefined();
    expect(results).toBeDefined();
    if (!p || !results) return;
    const register = compareRegister(results.register, p.model, p.columns);
    const report = compareReport(results.report, p.spec);
    const m = matrixOf(p.model);
    console.info(
      `oracle ${name}: ${p.model.risks.length} risks on a ${m.size}×${m.size} matrix; ${p.stripped} formulas recalculated by LibreOffice; ` +
        `register ${register.compared} cells compared, ${register.mismatches.length} mismatches; ` +
        `report ${report.compared} formula cells compared (${report.countifs} heat-map counts), ${report.mismatches.length} mismatches`,
    );
    expect(register.mismatches.slice(0, 20)).toEqual([]);
    expect(report.mismatches.slice(0, 20)).toEqual([]);
    expect(register.compared).toBe(p.model.risks.length * 6);
    expect(report.countifs).toBe(2 * m.size * m.size);
    // the random register covers what matters: every level, out-of-scale values, residual entered and derived
    const levels = new Set(p.model.risks.map((r) => assessRisk(m, r, p.model.items).inherent?.level.key));
    expect(levels).toEqual(new Set([...m.levels.map((l) => l.key), undefined]));
  });
});

describe("the report sheet printed (PDF, PNG)", () => {
  /** A copy of the workbook where only the report sheet is visible: what LibreOffice prints. */
  async function renderable(book: XlsxWorkbook, file: string): Promise<string> {
    for (const ws of book.book.worksheets) if (ws.name !== RISK_REPORT_SHEET) ws.state = "hidden";
    book.book.views = [{ activeTab: book.book.worksheets.findIndex((w) => w.name === RISK_REPORT_SHEET) } as ExcelJS.WorkbookView];
    writeFileSync(file, await book.toBytes());
    return file;
  }

  it("renders the sample's and seed 003's sheets on A4 landscape pages", async () => {
    const sampleBook = XlsxWorkbook.empty();
    await sampleBook.writeSheets(describeWorkbook(sample, { createdAt: new Date(0) }), "refuse");
    await addRisksFromLibrary(sampleBook, ["budget-not-by-rules", "budget-projects-not-done", "permit-discretion"]);
    await generateRiskReport(sampleBook);
    const seedBook = XlsxWorkbook.empty();
    await seedBook.writeSheets(describeWorkbook(seed003Model(), { createdAt: new Date(0) }), "refuse");
    await generateRiskReport(seedBook);
    const files = [await renderable(sampleBook, join(WORK, "risk-report-sample.xlsx")), await renderable(seedBook, join(WORK, "risk-report-seed003.xlsx"))];
    const pdfs = convert(files, "pdf", join(WORK, "pdf"));
    expect(pdfs).toHaveLength(2);
    for (const pdf of pdfs) {
      const bytes = readFileSync(pdf);
      const pages = pdfPages(bytes);
      expect(pages).toBeGreaterThanOrEqual(1);
      // A4 landscape: 842 × 595 points
      expect(bytes.toString("latin1")).toMatch(/\/MediaBox\s*\[\s*0 0 841\.\d+ 595\.\d+\s*\]/);
      const pngs = pdfToPngs(pdf, join(PNGS, pdf.replace(/^.*\//, "").replace(/\.pdf$/, "")));
      expect(pngs).toHaveLength(pages);
      console.info(`rendered ${pdf}: ${pages} page(s) → ${pngs.join(", ")}`);
    }
  }, 120_000);
});
