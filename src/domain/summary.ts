/** What a plan holds, per dimension and in total: the figures `inspect` prints and the dashboard shows. */
import type { ItemKind } from "./kinds";
import { ITEM_KINDS } from "./kinds";
import type { PlanWorkbook } from "./plan";
import { yearsOfPlan } from "./settings";
import { type Baht, baht, type DimensionNo, type FiscalYear } from "./units";

export interface PlanTotals {
  readonly items: number;
  readonly byKind: Readonly<Record<ItemKind | "unknown", number>>;
  /** Budget per plan year (BE), in plan-year order. */
  readonly budgets: readonly { readonly year: number; readonly amount: Baht }[];
  readonly total: Baht;
}

export interface DimensionSummary extends PlanTotals {
  readonly dimension: DimensionNo | undefined;
  readonly name: string;
}

export interface PlanSummary {
  readonly orgName: string;
  readonly firstYear: FiscalYear;
  readonly lastYear: FiscalYear;
  readonly years: readonly FiscalYear[];
  readonly framework: string;
  readonly dimensions: readonly DimensionSummary[];
  readonly total: PlanTotals;
  readonly progressRows: number;
  readonly risks: number;
}

export function summarizePlan(wb: PlanWorkbook): PlanSummary {
  const years = yearsOfPlan(wb.settings);
  const totalsOf = (items: PlanWorkbook["items"]): PlanTotals => {
    const byKind = { project: 0, activity: 0, measure: 0, guideline: 0, unknown: 0 };
    for (const it of items) byKind[it.kind ?? "unknown"]++;
    const budgets = years.map((year) => ({ year, amount: baht(items.reduce((s, it) => s + (it.budgets[year] ?? 0), 0)) }));
    return { items: items.length, byKind, budgets, total: baht(budgets.reduce((s, b) => s + b.amount, 0)) };
  };
  const dimensionNodes = wb.framework.filter((n) => n.level === "dimension");
  const dimensions: DimensionSummary[] = dimensionNodes.map((node) => {
    const d = Number(node.code) as DimensionNo;
    return { dimension: d, name: node.name, ...totalsOf(wb.items.filter((it) => it.dimension === d)) };
  });
  const unplaced = wb.items.filter((it) => it.dimension === undefined || !dimensionNodes.some((n) => Number(n.code) === it.dimension));
  if (unplaced.length > 0) dimensions.push({ dimension: undefined, name: "", ...totalsOf(unplaced) });
  return {
    orgName: wb.settings.orgName,
    firstYear: wb.settings.firstYear,
    lastYear: years[years.length - 1] ?? wb.settings.firstYear,
    years,
    framework: wb.settings.framework,
    dimensions,
    total: totalsOf(wb.items),
    progressRows: wb.progress.length,
    risks: wb.risks.length,
  };
}

export { ITEM_KINDS };
