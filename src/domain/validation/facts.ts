/**
 * What several rules derive from the same plan — items by code, monthly rows by item and year, each
 * item's budget years — worked out once per run of the rules, when first asked for.
 * runRules makes one for each run and hands it to every rule in the context; nothing is kept from one
 * run to the next, so a re-read workbook is always checked afresh.
 */
import { budgetYears, type PlanItem, type PlanWorkbook, type ProgressEntry, type RowRef } from "../plan";
import type { FiscalYear } from "../units";
import { groupByPair, type RuleContext, type TableName } from "./rule";

/** A non-empty free-text field of a record (the text rules'). */
export interface TextField {
  readonly table: TableName;
  readonly at: RowRef | undefined;
  readonly field: string;
  readonly text: string;
}

/** An item with the years of its budget, ascending. */
export interface BudgetedItem {
  readonly item: PlanItem;
  readonly years: readonly FiscalYear[];
}

export class PlanFacts {
  private items?: ReadonlyMap<string, PlanItem>;
  private groups?: readonly (readonly ProgressEntry[])[];
  private budgeted?: readonly BudgetedItem[];

  constructor(private readonly wb: PlanWorkbook) {}

  /** Plan items by code (the last of a duplicated code). */
  get itemsByCode(): ReadonlyMap<string, PlanItem> {
    return (this.items ??= new Map(this.wb.items.filter((i) => i.code).map((i) => [i.code as string, i])));
  }

  /** Monthly rows grouped by item and fiscal year, in the order each group first appears; rows without either are in none. */
  get progressByItemYear(): readonly (readonly ProgressEntry[])[] {
    return (this.groups ??= groupByPair(this.wb.progress, (p) => (p.code && p.fy ? p.code : undefined), (p) => p.fy));
  }

  /** Every item with its budget years, in plan order. */
  get budgetedItems(): readonly BudgetedItem[] {
    return (this.budgeted ??= this.wb.items.map((item) => ({ item, years: budgetYears(item.budgets) })));
  }

}

/** The facts of the run (a rule called on its own, outside runRules, works them out for itself). */
export function factsOf(ctx: RuleContext): PlanFacts {
  return ctx.facts ?? new PlanFacts(ctx.wb);
}

/**
 * What `look` finds in the non-empty free-text fields of the workbook, for the fields where it finds
 * anything (undefined: nothing), in table, row and field order. Only those fields become objects (an
 * object for each of some thirty thousand texts, kept while the rules run, cost more than the looking),
 * and each field is read by name in the code: reading record[field] with the name in a variable, or
 * through a list of small functions, cost as much again.
 */
export function findInTexts<R>(wb: PlanWorkbook, look: (text: string) => R | undefined): { readonly field: TextField; readonly hit: R }[] {
  const out: { field: TextField; hit: R }[] = [];
  const visit = (table: TableName, at: RowRef | undefined, field: string, text: string) => {
    if (typeof text !== "string" || text === "") return;
    const hit = look(text);
    if (hit !== undefined) out.push({ field: { table, at, field, text }, hit });
  };
  for (const r of wb.items) {
    visit("plan", r.at, "name", r.name);
    visit("plan", r.at, "note", r.note);
    visit("plan", r.at, "owner", r.owner);
    visit("plan", r.at, "indicator", r.indicator);
    visit("plan", r.at, "target", r.target);
  }
  for (const r of wb.details) {
    visit("details", r.at, "rationale", r.rationale);
    visit("details", r.at, "objectives", r.objectives);
    visit("details", r.at, "targetGroups", r.targetGroups);
    visit("details", r.at, "method", r.method);
    visit("details", r.at, "outputs", r.outputs);
    visit("details", r.at, "outcomes", r.outcomes);
  }
  for (const r of wb.progress) {
    visit("progress", r.at, "output", r.output);
    visit("progress", r.at, "indicatorResult", r.indicatorResult);
    visit("progress", r.at, "result", r.result);
    visit("progress", r.at, "problems", r.problems);
    visit("progress", r.at, "recommendations", r.recommendations);
    visit("progress", r.at, "reasonText", r.reasonText);
  }
  for (const r of wb.risks) {
    visit("risks", r.at, "process", r.process);
    visit("risks", r.at, "event", r.event);
    visit("risks", r.at, "existingControls", r.existingControls);
    visit("risks", r.at, "owner", r.owner);
  }
  for (const r of wb.itaMeasures) {
    visit("ita", r.at, "measure", r.measure);
    visit("ita", r.at, "steps", r.steps);
    visit("ita", r.at, "owner", r.owner);
    visit("ita", r.at, "result", r.result);
  }
  return out;
}
