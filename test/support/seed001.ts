/**
 * Seed 001 (เทศบาลตำบลก้อ, plan 2561–2564, FY2564 12-month report) as a template workbook model, built
 * from the transcriptions in test/fixtures/seed-001: the plan items as printed (duplicate code and all)
 * and one progress row per report row, as an officer would have typed it into ผลรายเดือน.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { newPlan } from "../../src/app/template";
import { parseMonth } from "../../src/domain/calendar";
import type { ItemKind } from "../../src/domain/kinds";
import type { PlanItem, PlanWorkbook, ProgressEntry } from "../../src/domain/plan";
import { toArabicDigits } from "../../src/domain/thai";
import { baht, type Baht, type DimensionNo, fiscalYear, type NodeCode, type PlanCode } from "../../src/domain/units";

interface PlanRow {
  seq: number; dimension: number; mission: string; subMission: string | null; code: string; kind: ItemKind | null;
  name: string; budgets: Record<string, number | null>; note: string;
}
interface ReportRow {
  line: number; planSeq: number | null; planCode: string | null; codeAsReported: string; nameAsPrinted: string;
  indicator: string; target: string; result: string; budget: number | null; disbursed: number | null;
}

const dir = join(__dirname, "..", "fixtures", "seed-001");
export const seed001Plan = JSON.parse(readFileSync(join(dir, "plan-table.json"), "utf8")) as { items: PlanRow[] };
export const seed001Report = JSON.parse(readFileSync(join(dir, "report-fy2564.json"), "utf8")) as {
  rows: ReportRow[];
  notReported: { code: string; planSeq: number }[];
  findings: { rule: string; planCode: string | null; line: number; found: unknown }[];
};

/** "๒๗ กรกฎาคม ๒๕๖๒" in a result text → that date (BE year). */
function dateIn(text: string): Date | undefined {
  const m = /(\d{1,2})\s+([ก-๙.]+)\s+(25\d\d)/.exec(toArabicDigits(text));
  const month = m ? parseMonth(m[2] as string) : undefined;
  return m && month ? new Date(Date.UTC(Number(m[3]) - 543, month - 1, Number(m[1]))) : undefined;
}

export function seed001Workbook(): PlanWorkbook {
  const base = newPlan({
    orgName: "เทศบาลตำบลก้อ", orgType: "subdistrictMunicipality", district: "ลี้", province: "ลำพูน",
    firstYear: fiscalYear(2561), years: 4, framework: "2561-2564",
  });
  const bySeq = new Map<number, PlanRow>(seed001Plan.items.map((i) => [i.seq, i]));
  const reportBySeq = new Map<number, ReportRow>();
  for (const r of seed001Report.rows) if (r.planSeq !== null && !reportBySeq.has(r.planSeq)) reportBySeq.set(r.planSeq, r);
  const items: PlanItem[] = seed001Plan.items.map((i) => {
    const reported = reportBySeq.get(i.seq);
    return {
      code: i.code as PlanCode, dimension: i.dimension as DimensionNo, mission: i.mission as NodeCode,
      subMission: (i.subMission ?? undefined) as NodeCode | undefined, kind: i.kind ?? undefined, name: i.name,
      budgets: Object.fromEntries(Object.entries(i.budgets).map(([y, v]) => [Number(y), baht(v ?? 0)])) as Record<number, Baht>,
      note: i.note, owner: "", indicator: reported?.indicator ?? "", target: reported?.target ?? "", targetGroups: [], quarters: [1, 2, 3, 4], itaIndicator: "",
    };
  });
  const progress: ProgressEntry[] = seed001Report.rows.map((r) => {
    const item = r.planSeq === null ? undefined : bySeq.get(r.planSeq);
    const date = dateIn(r.result);
    return {
      fy: fiscalYear(2564), month: 9, code: (item?.code ?? r.codeAsReported) as PlanCode, status: "done", reason: undefined, reasonText: "",
      inOrdinance: r.budget ? true : undefined, progressPct: 100, startDate: date, endDate: date, output: "", unit: "",
      indicatorResult: item ? "" : r.indicator, result: r.result, budgetType: r.budget ? "agency" : "none",
      ordinanceAmount: r.budget ? baht(r.budget) : undefined, disbursed: r.disbursed ? baht(r.disbursed) : undefined,
      evidence: "", problems: "", recommendations: "", enteredBy: "", enteredOn: undefined,
    };
  });
  return { ...base, settings: { ...base.settings, reportFy: fiscalYear(2564), round: 12 }, items, progress };
}
