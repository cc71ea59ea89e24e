/**
 * Import of the seeds' plan tables (test/fixtures/legacy, transcribed as the documents are, errors
 * included): the exact items, totals and findings that test/fixtures/legacy/expected.json records.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { importPlanTable, NoPlanTableError } from "../../src/app/import";
import { XlsxWorkbook } from "../../src/hosts/xlsx/xlsx-workbook";
import type { CellValue, WorkbookGrids } from "../../src/workbook/grid";
import { readPlanWorkbook } from "../../src/workbook/read";
import { describeWorkbook } from "../../src/workbook/write";
import { withoutRows } from "../support/plans";

interface Expected {
  sheet: string;
  years: number[];
  items: { total: number; byDimension: Record<string, Record<string, number>> };
  sums: { byDimension: Record<string, Record<string, number>>; total: Record<string, number> };
  rulesCovered: string[];
  findings: { rule: string; cell: string }[];
  frameworkDependent?: { rule: string; cell: string }[];
}

const dir = join(__dirname, "..", "fixtures", "legacy");
const expected = JSON.parse(readFileSync(join(dir, "expected.json"), "utf8")).fixtures as Record<string, Expected>;
const grids = async (file: string) => (await XlsxWorkbook.open(readFileSync(join(dir, file)))).readGrids();

describe.each(["seed-000-plan-table.xlsx", "seed-001-plan-table.xlsx", "seed-003-plan-table.xlsx"])("%s", (file) => {
  const e = expected[file] as Expected;
  let result: ReturnType<typeof importPlanTable>;
  beforeAll(async () => {
    // district and province are not printed above the seeds' tables: the planner gives them
    result = importPlanTable(await grids(file), { district: "อำเภอ", province: "จังหวัด" });
  });

  it("imports every item, by dimension and kind", () => {
    expect(result.legacy.sheet).toBe(e.sheet);
    expect(result.legacy.years).toEqual(e.years);
    const got: Record<string, Record<string, number>> = {};
    for (const it of result.model.items) {
      const d = (got[String(it.dimension)] ??= { project: 0, activity: 0, measure: 0, none: 0, total: 0 });
      d[it.kind ?? "none"] = (d[it.kind ?? "none"] ?? 0) + 1;
      d.total = (d.total ?? 0) + 1;
    }
    for (const d of Object.values(got)) if (d.guideline === undefined) delete d.guideline;
    expect(got).toEqual(e.items.byDimension);
    expect(result.model.items).toHaveLength(e.items.total);
  });

  it("reads every yearly budget", () => {
    const sums: Record<string, Record<string, number>> = {};
    for (const it of result.model.items) {
      const d = (sums[String(it.dimension)] ??= {});
      for (const [y, v] of Object.entries(it.budgets)) d[y] = (d[y] ?? 0) + v;
    }
    expect(sums).toEqual(e.sums.byDimension);
  });

  it("reports exactly the documented findings for the rules it covers, at their source cells", () => {
    const covered = new Set(e.rulesCovered);
    const got = result.findings.filter((f) => covered.has(f.rule)).map((f) => `${f.rule} ${f.location.cell}`).sort();
    expect(got).toEqual(e.findings.map((f) => `${f.rule} ${f.cell}`).sort());
  });

  it("reports the framework-dependent findings too, and nothing unexpected", () => {
    const known = new Set([...e.findings, ...(e.frameworkDependent ?? [])].map((f) => `${f.rule} ${f.cell}`));
    const unexpected = result.findings
      .filter((f) => f.severity !== "info" && !known.has(`${f.rule} ${f.location.cell}`))
      .map((f) => `${f.rule} ${f.location.cell} ${f.message.en}`);
    expect(unexpected).toEqual([]);
    for (const f of e.frameworkDependent ?? []) expect(result.findings.map((x) => `${x.rule} ${x.location.cell}`)).toContain(`${f.rule} ${f.cell}`);
  });

  it("accounts for every non-empty source row", async () => {
    const g = await grids(file);
    const sheet = g.sheets.find((s) => s.name === e.sheet);
    const nonEmpty = (sheet?.rows ?? []).map((r, i) => ({ r, i })).filter(({ r }) => r.some((c) => c !== null && !(typeof c === "string" && c.trim() === ""))).map(({ i }) => i + 1);
    expect(result.legacy.rows.map((r) => r.row)).toEqual(nonEmpty);
    expect(result.rowCounts.unplaced).toBe(0);
  });

  it("becomes a template workbook that reads back the same plan", async () => {
    const book = XlsxWorkbook.empty();
    await book.writeSheets(describeWorkbook(result.model, { createdAt: new Date(0) }), "refuse");
    const read = readPlanWorkbook(await (await XlsxWorkbook.open(await book.toBytes())).readGrids());
    expect(read.findings).toEqual([]);
    expect(withoutRows(read.workbook)).toEqual(withoutRows(result.model));
  });
});

describe("what the importer tolerates and what it refuses", () => {
  it("seed 001's stated counts disagree with its items in all four dimensions (B7)", async () => {
    const r = importPlanTable(await grids("seed-001-plan-table.xlsx"));
    const b7 = r.findings.filter((f) => f.rule === "B7");
    expect(b7.map((f) => f.location.cell)).toEqual(["C22", "C41", "C64", "C87"]);
    expect(b7[0]?.found).toBe("12 โครงการ 2 กิจกรรม 4 มาตรการ");
    expect(b7[0]?.expected?.th).toBe("11 โครงการ 2 กิจกรรม 4 มาตรการ");
    expect(r.model.settings).toMatchObject({ orgName: "เทศบาลตำบลก้อ", orgType: "subdistrictMunicipality", firstYear: 2561, years: 4, framework: "2561-2564" });
  });

  it("a workbook without a plan table is a clear error", () => {
    expect(() => importPlanTable({ sheets: [{ name: "Sheet1", visibility: "visible", rows: [["ชื่อ", "งบ"]], merges: [] }], names: [] })).toThrow(NoPlanTableError);
  });

  it("random rows under a real header never crash the importer and every non-empty row is accounted for", () => {
    const cell: fc.Arbitrary<CellValue> = fc.oneof(
      fc.constant(null), fc.string({ maxLength: 12 }), fc.integer({ min: -5, max: 200000 }), fc.constantFrom("-", "รวม", "๑. การสร้าง", "๑.๑ ภารกิจ", "1) โครงการ ก\n2) กิจกรรม ข", "๒๐,๐๐๐", "จำนวน 3 โครงการ", "รวมทั้งสิ้น", { error: "#REF!" }),
    );
    const header: CellValue[] = ["มิติ", "ภารกิจตามมิติ", "โครงการ/กิจกรรม/มาตรการ", "ปี 2566", "ปี 2567", "หมายเหตุ"];
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 6, maxLength: 6 }), { maxLength: 25 }), (rows) => {
        const g: WorkbookGrids = { sheets: [{ name: "แผน", visibility: "visible", rows: [header, ...rows], merges: [] }], names: [] };
        const r = importPlanTable(g);
        const nonEmpty = [header, ...rows].filter((row) => row.some((c) => c !== null && !(typeof c === "string" && c.trim() === ""))).length;
        expect(r.legacy.rows).toHaveLength(nonEmpty);
        for (const f of r.findings) expect(f.location.sheet).toBe("แผน");
      }),
      { numRuns: 300 },
    );
  });
});
