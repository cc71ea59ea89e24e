/**
 * What several rules derive from the same plan — items by code, monthly rows by item and year, each
 * item's budget years — worked out once per run of the rules, when first asked for.
 * runRules makes one for each run and hands it to every rule in the context; nothing is kept from one
 * run to the next, so a re-read workbook is always checked afresh.
 */
import type { ItaMeasure, PlanItem, PlanWorkbook, ProgressEntry, ProjectDetail, RiskEntry, RowRef } from "../plan";
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
  readonly years: readonly number[];
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
    // the years as numbers, ordered as text (the same for the four-digit years of a plan)
    return (this.budgeted ??= this.wb.items.map((item) => ({ item, years: Object.keys(item.budgets).map(Number).sort() })));
  }

}

/** The facts of the run (a rule called on its own, outside runRules, works them out for itself). */
export function factsOf(ctx: RuleContext): PlanFacts {
  return ctx.facts ?? new PlanFacts(ctx.wb);
}

/** A free-text field of a record: its name (for the cell of a finding) and how to read it. */
interface TextOf<T> {
  readonly field: keyof T & string;
  readonly text: (record: T) => string;
}

/*
 * The free-text fields of each table. Each is read through its own small function rather than as
 * record[field]: a property read by a variable name, over some thirty thousand texts, was most of
 * what the text rules cost.
 */
const PLAN_TEXTS: readonly TextOf<PlanItem>[] = [
  { field: "name", text: (r) => r.name }, { field: "note", text: (r) => r.note }, { field: "owner", text: (r) => r.owner },
  { field: "indicator", text: (r) => r.indicator }, { field: "target", text: (r) => r.target },
];
const DETAIL_TEXTS: readonly TextOf<ProjectDetail>[] = [
  { field: "rationale", text: (r) => r.rationale }, { field: "objectives", text: (r) => r.objectives },
  { field: "targetGroups", text: (r) => r.targetGroups }, { field: "method", text: (r) => r.method },
  { field: "outputs", text: (r) => r.outputs }, { field: "outcomes", text: (r) => r.outcomes },
];
const PROGRESS_TEXTS: readonly TextOf<ProgressEntry>[] = [
  { field: "output", text: (r) => r.output }, { field: "indicatorResult", text: (r) => r.indicatorResult },
  { field: "result", text: (r) => r.result }, { field: "problems", text: (r) => r.problems },
  { field: "recommendations", text: (r) => r.recommendations }, { field: "reasonText", text: (r) => r.reasonText },
];
const RISK_TEXTS: readonly TextOf<RiskEntry>[] = [
  { field: "process", text: (r) => r.process }, { field: "event", text: (r) => r.event },
  { field: "existingControls", text: (r) => r.existingControls }, { field: "owner", text: (r) => r.owner },
];
const ITA_TEXTS: readonly TextOf<ItaMeasure>[] = [
  { field: "measure", text: (r) => r.measure }, { field: "steps", text: (r) => r.steps },
  { field: "owner", text: (r) => r.owner }, { field: "result", text: (r) => r.result },
];

/**
 * What `look` finds in the non-empty free-text fields of the workbook, for the fields where it finds
 * anything (undefined: nothing), in table, row and field order. Only those fields become objects:
 * an object for each of some thirty thousand texts, kept while the rules run, cost more than the
 * looking.
 */
export function findInTexts<R>(wb: PlanWorkbook, look: (text: string) => R | undefined): { readonly field: TextField; readonly hit: R }[] {
  const out: { field: TextField; hit: R }[] = [];
  function from<T extends { at?: RowRef }>(table: TableName, rows: readonly T[], fields: readonly TextOf<T>[]) {
    for (const r of rows) {
      for (const { field, text: read } of fields) {
        const text = read(r);
        if (typeof text !== "string" || text === "") continue;
        const hit = look(text);
        if (hit !== undefined) out.push({ field: { table, at: r.at, field, text }, hit });
      }
    }
  }
  from("plan", wb.items, PLAN_TEXTS);
  from("details", wb.details, DETAIL_TEXTS);
  from("progress", wb.progress, PROGRESS_TEXTS);
  from("risks", wb.risks, RISK_TEXTS);
  from("ita", wb.itaMeasures, ITA_TEXTS);
  return out;
}
