/**
 * Builds samples/nasameng-2566-2570.xlsx: the plan of seed 000 (อบต.นาสะเม็ง) in the template, plus a
 * few months of progress and a few risks that are clearly marked as sample data (the seed has neither).
 * Run with `npm run sample`; the tests check the committed file against the fixture.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { newPlan } from "../src/app/template";
import type { CalendarMonth } from "../src/domain/calendar";
import type { ItemKind } from "../src/domain/kinds";
import type { PlanItem, PlanWorkbook, ProgressEntry, ProjectDetail, RiskEntry } from "../src/domain/plan";
import { baht, type Baht, type DimensionNo, fiscalYear, type NodeCode, type PlanCode } from "../src/domain/units";
import { XlsxWorkbook } from "../src/hosts/xlsx/xlsx-workbook";
import { describeWorkbook } from "../src/workbook/write";

export const SAMPLE_MARK = "ข้อมูลตัวอย่าง (sample data)";
export const SAMPLE_CREATED_AT = new Date("2026-11-23T00:00:00Z");

interface FixtureItem {
  code: string; dimension: number; mission: string; kind: ItemKind; name: string;
  budgets: Record<string, number>; note: string; owner: string;
  card?: { rationale?: string; objectives?: string; targetGroups?: string; method?: string; outputs?: string; outcomes?: string };
}

export interface SeedFixture {
  settings: { orgName: string; district: string; province: string; division: string; firstYear: number; years: number };
  items: FixtureItem[];
}

export function loadSeed000(root = join(__dirname, "..", "..")): SeedFixture {
  const file = [join(root, "test", "fixtures", "seed-000", "plan.json"), join(__dirname, "..", "test", "fixtures", "seed-000", "plan.json")];
  for (const f of file) {
    try {
      return JSON.parse(readFileSync(f, "utf8")) as SeedFixture;
    } catch {
      /* try the next location: compiled (dist-cli/tools) or source (tools) */
    }
  }
  throw new Error("test/fixtures/seed-000/plan.json not found");
}

export function sampleModel(seed: SeedFixture): PlanWorkbook {
  const base = newPlan({
    orgName: seed.settings.orgName, orgType: "sao", district: seed.settings.district, province: seed.settings.province,
    division: seed.settings.division, firstYear: fiscalYear(seed.settings.firstYear), years: 5, framework: "2566-2570",
  });
  const items: PlanItem[] = seed.items.map((it) => ({
    code: it.code as PlanCode,
    dimension: it.dimension as DimensionNo,
    mission: it.mission as NodeCode,
    subMission: undefined,
    kind: it.kind,
    name: it.name,
    budgets: Object.fromEntries(Object.entries(it.budgets).map(([y, v]) => [Number(y), baht(v)])) as Record<number, Baht>,
    note: it.note,
    owner: it.owner,
    indicator: "",
    target: "",
    targetGroups: [],
    quarters: [1, 2, 3, 4],
    itaIndicator: "",
  }));
  const details: ProjectDetail[] = seed.items.map((it) => ({
    code: it.code as PlanCode,
    rationale: it.card?.rationale ?? "", objectives: it.card?.objectives ?? "", targetGroups: it.card?.targetGroups ?? "",
    method: it.card?.method ?? "", outputs: it.card?.outputs ?? "", outcomes: it.card?.outcomes ?? "",
  }));
  return {
    ...base,
    settings: { ...base.settings, reportFy: fiscalYear(2567), round: 6, reporter: SAMPLE_MARK },
    items, details, progress: sampleProgress(), risks: sampleRisks(),
  };
}

const d = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

/** FY2567, October–December 2566 BE: plausible rows for a few items, marked as sample data. */
function sampleProgress(): ProgressEntry[] {
  const row = (month: CalendarMonth, code: string, extra: Partial<ProgressEntry>): ProgressEntry => ({
    fy: fiscalYear(2567), month, code: code as PlanCode, status: "inProgress", reason: undefined, reasonText: "",
    inOrdinance: undefined, progressPct: undefined, startDate: undefined, endDate: undefined, output: "", unit: "",
    indicatorResult: "", result: "", budgetType: undefined, ordinanceAmount: undefined, disbursed: undefined, evidence: "",
    problems: "", recommendations: "", enteredBy: SAMPLE_MARK, enteredOn: undefined, ...extra,
  });
  return [
    row(10, "1.1.3", { status: "notStarted", progressPct: 0, budgetType: "agency", ordinanceAmount: baht(20000), inOrdinance: true, result: "เตรียมหลักสูตรอบรมและประสานวิทยากร", enteredOn: d("2023-10-31") }),
    row(11, "1.1.3", { progressPct: 40, startDate: d("2023-11-20"), budgetType: "agency", ordinanceAmount: baht(20000), inOrdinance: true, result: "ขออนุมัติโครงการและจัดซื้อวัสดุอบรม", disbursed: baht(3500), enteredOn: d("2023-11-30") }),
    row(12, "1.1.3", { status: "done", progressPct: 100, startDate: d("2023-11-20"), endDate: d("2023-12-15"), output: "45", unit: "คน", indicatorResult: "ผู้เข้าอบรมร้อยละ 90 ผ่านแบบทดสอบ", budgetType: "agency", ordinanceAmount: baht(20000), inOrdinance: true, result: "จัดอบรมผู้บริหาร สมาชิกสภา และพนักงาน 45 คน", disbursed: baht(15800.5), evidence: "https://example.org/sample/1-1-3", enteredOn: d("2023-12-29") }),
    row(10, "2.1.3", { progressPct: 30, budgetType: "none", result: "เผยแพร่ข้อมูลสาธารณะบนเว็บไซต์ครบ 12 หัวข้อ", enteredOn: d("2023-10-31") }),
    row(11, "2.1.3", { progressPct: 60, budgetType: "none", result: "ปรับปรุงหน้า ITA บนเว็บไซต์", enteredOn: d("2023-11-30") }),
    row(12, "2.1.3", { progressPct: 80, budgetType: "none", result: "ตรวจสอบการเผยแพร่ข้อมูลรายไตรมาส", problems: "ผู้ดูแลเว็บไซต์มีภาระงานมาก", recommendations: "มอบหมายผู้ช่วยผู้ดูแลเว็บไซต์", enteredOn: d("2023-12-29") }),
    row(11, "3.2.1", { progressPct: 50, budgetType: "none", result: "รับเรื่องร้องเรียน 3 เรื่อง ดำเนินการแล้ว 2 เรื่อง", enteredOn: d("2023-11-30") }),
    row(12, "4.1.2", { status: "notPossible", reason: "noStaff", reasonText: "เจ้าหน้าที่ตรวจสอบภายในลาศึกษาต่อ", budgetType: "none", enteredOn: d("2023-12-29") }),
  ];
}

function sampleRisks(): RiskEntry[] {
  const risk = (id: string, extra: Partial<RiskEntry>): RiskEntry => ({
    id, process: "", category: undefined, event: "", factor: "known", likelihood: undefined, impact: undefined,
    existingControls: "", controlRating: undefined, residualLikelihood: undefined, residualImpact: undefined,
    mitigations: [], owner: "", statusLight: undefined, reviewedOn: d("2023-11-15"), ...extra,
  });
  return [
    risk("R-01", { process: `[${SAMPLE_MARK}] การจัดซื้อจัดจ้าง`, category: "budget", event: "กำหนดคุณลักษณะเฉพาะเอื้อผู้เสนอราคารายใดรายหนึ่ง", likelihood: 3, impact: 4, existingControls: "คณะกรรมการกำหนดราคากลาง", controlRating: "fair", residualLikelihood: 2, residualImpact: 4, mitigations: ["2.1.1", "2.2.4"], owner: "กองคลัง", statusLight: "orange" }),
    risk("R-02", { process: `[${SAMPLE_MARK}] การบรรจุแต่งตั้งและเลื่อนขั้นเงินเดือน`, category: "authority", event: "ใช้ดุลพินิจในการพิจารณาเลื่อนขั้นเงินเดือนไม่เป็นธรรม", likelihood: 2, impact: 3, existingControls: "ประกาศหลักเกณฑ์การประเมิน", controlRating: "good", residualLikelihood: 1, residualImpact: 3, mitigations: ["2.2.3"], owner: "สำนักปลัด", statusLight: "yellow" }),
    risk("R-03", { process: `[${SAMPLE_MARK}] การออกใบอนุญาตก่อสร้าง`, category: "permits", event: "เรียกรับผลประโยชน์เพื่อเร่งรัดการออกใบอนุญาต", likelihood: 2, impact: 5, existingControls: "คู่มือประชาชนและกำหนดระยะเวลาให้บริการ", controlRating: "weak", residualLikelihood: 2, residualImpact: 5, mitigations: ["2.3.1", "2.3.3"], owner: "กองช่าง", statusLight: "red" }),
  ];
}

export async function buildSampleBytes(seed: SeedFixture): Promise<Uint8Array> {
  const book = XlsxWorkbook.empty();
  await book.writeSheets(describeWorkbook(sampleModel(seed), { createdAt: SAMPLE_CREATED_AT }), "refuse");
  return book.toBytes();
}

if (require.main === module) {
  const out = process.argv[2] ?? join(__dirname, "..", "..", "samples", "nasameng-2566-2570.xlsx");
  buildSampleBytes(loadSeed000())
    .then((bytes) => {
      writeFileSync(out, bytes);
      process.stdout.write(`wrote ${out}\n`);
    })
    .catch((e: Error) => {
      process.stderr.write(`build-sample: ${e.message}\n`);
      process.exitCode = 2;
    });
}
