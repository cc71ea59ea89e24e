/** Seed 003's published risk table as a register, on its own plan (test/fixtures/seed-003): for the seed-003 tests and renders. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { newPlan } from "../../src/app/template";
import type { ItemKind } from "../../src/domain/kinds";
import type { PlanItem, PlanWorkbook, RiskEntry } from "../../src/domain/plan";
import { baht, type Baht, type DimensionNo, fiscalYear, type NodeCode, type PlanCode } from "../../src/domain/units";

export interface Fixture {
  rows: {
    no: number; line: number; process: string; riskScore: string[];
    issues: { no: number; text: string; level: string }[];
    controls: { text: string; planCode: string; planName: string }[];
  }[];
}
export interface PlanFixture {
  org: { orgName: string; district: string; province: string };
  items: { code: string; dimension: number; mission: string; kind: ItemKind | null; name: string; budgets: Record<string, number>; owner: string }[];
}

export const dir = join(__dirname, "..", "fixtures", "seed-003");
export const table = JSON.parse(readFileSync(join(dir, "risk-table.json"), "utf8")) as Fixture;
const plan = JSON.parse(readFileSync(join(dir, "plan-table.json"), "utf8")) as PlanFixture;

/** Likelihood × impact on the default 5 × 5 for each level word of the seed. */
export const CELL: Record<string, [number, number]> = { ต่ำ: [2, 2], ปานกลาง: [3, 3], สูง: [3, 4], สูงมาก: [5, 4] };

export function seed003Model(): PlanWorkbook {
  const base = newPlan({
    orgName: plan.org.orgName, orgType: "cityMunicipality", district: plan.org.district, province: plan.org.province,
    firstYear: fiscalYear(2566), years: 5, framework: "2566-2570",
  });
  const items: PlanItem[] = plan.items.map((it) => ({
    code: it.code as PlanCode, dimension: it.dimension as DimensionNo, mission: it.mission as NodeCode, subMission: undefined,
    kind: it.kind ?? undefined, name: it.name,
    budgets: Object.fromEntries(Object.entries(it.budgets).map(([y, v]) => [Number(y), baht(v)])) as Record<number, Baht>,
    note: "", owner: it.owner, indicator: "", target: "", targetGroups: [], quarters: [1, 2, 3, 4], itaIndicator: "",
  }));
  let n = 0;
  const risks: RiskEntry[] = table.rows.flatMap((row) => row.issues.map((issue) => {
    const [l, i] = CELL[issue.level] as [number, number];
    n++;
    return {
      id: `R-${String(n).padStart(2, "0")}`, process: row.process, category: undefined, event: issue.text, factor: "known",
      likelihood: l, impact: i, existingControls: "", controlRating: "weak", residualLikelihood: undefined, residualImpact: undefined,
      mitigations: row.controls.map((c) => c.planCode), owner: "", statusLight: undefined, reviewedOn: undefined,
    };
  }));
  return { ...base, items, risks };
}

