/**
 * A validation rule is data (id, severity, title) plus one small pure function over the plan model.
 * Rules never see sheets or cells: a Locator, given by the caller, turns a record's field into a cell.
 */
import type { Bilingual, CellLocation, Finding, Severity } from "../findings";
import type { PlanWorkbook, RowRef } from "../plan";
import type { FiscalYear } from "../units";
import type { PlanFacts } from "./facts";

export type TableName = "framework" | "plan" | "details" | "progress" | "risks" | "ita";

/** A part of the risk matrix as the workbook holds it (the เมทริกซ์ความเสี่ยง sheet). */
export type MatrixPart =
  | { readonly kind: "sheet" }
  | { readonly kind: "cell"; readonly likelihood: number; readonly impact: number }
  | { readonly kind: "scale"; readonly axis: "likelihood" | "impact"; readonly value: number }
  | { readonly kind: "level"; readonly index: number; readonly field: "th" | "color" | "from" | "to" };

export interface Locator {
  /** The cell of a record's field (or its row when the column is missing). */
  field(table: TableName, at: RowRef | undefined, field: string): CellLocation;
  /** The value cell of a setting. */
  setting(key: string): CellLocation;
  /** Where a part of the risk matrix is; without it, findings point at the matrix sheet. */
  matrix?(part: MatrixPart): CellLocation;
}

export interface RuleContext {
  readonly wb: PlanWorkbook;
  readonly at: Locator;
  /** The plan's BE years, first … last. */
  readonly planYears: readonly FiscalYear[];
  /** What the rules of one run share, worked out once (runRules makes it; see facts.ts). */
  readonly facts?: PlanFacts;
}

export interface Rule {
  readonly id: string;
  readonly severity: Severity;
  /** What the rule checks, for lists and filters. */
  readonly title: Bilingual;
  check(ctx: RuleContext): Iterable<Finding>;
}

export interface FindingDetails {
  readonly found?: string;
  readonly expected?: Bilingual;
  readonly suggestion?: string;
}

/** Builds a finding of a rule, with the rule's severity. */
export function found(rule: Pick<Rule, "id" | "severity">, location: CellLocation, message: Bilingual, details: FindingDetails = {}): Finding {
  return {
    rule: rule.id,
    severity: rule.severity,
    message,
    location,
    ...(details.found !== undefined ? { found: details.found } : {}),
    ...(details.expected ? { expected: details.expected } : {}),
    ...(details.suggestion ? { suggestion: details.suggestion } : {}),
  };
}

export function defineRule(rule: Rule): Rule {
  return rule;
}

/** Groups records by a key, skipping records without one. */
export function groupBy<T>(xs: readonly T[], key: (x: T) => string | undefined): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const x of xs) {
    const k = key(x);
    if (k === undefined) continue;
    const list = out.get(k);
    if (list) list.push(x);
    else out.set(k, [x]);
  }
  return out;
}

/**
 * Groups records by two keys, a text and a number (an item's code and a fiscal year), skipping records
 * without either; the groups come in the order each first appears, as groupBy's would. Nested maps
 * rather than one map of joined strings: joining a key for each of tens of thousands of monthly rows,
 * to hash it once, cost more than everything else those rules do.
 */
export function groupByPair<T>(xs: readonly T[], first: (x: T) => string | undefined, second: (x: T) => number | undefined): T[][] {
  const groups: T[][] = [];
  const byFirst = new Map<string, Map<number, T[]>>();
  for (const x of xs) {
    const a = first(x);
    const b = a === undefined ? undefined : second(x);
    if (a === undefined || b === undefined) continue;
    let inner = byFirst.get(a);
    if (!inner) byFirst.set(a, (inner = new Map()));
    const group = inner.get(b);
    if (group) group.push(x);
    else {
      const created = [x];
      inner.set(b, created);
      groups.push(created);
    }
  }
  return groups;
}
