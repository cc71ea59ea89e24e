/**
 * A report round of a fiscal year (6 = Oct–Mar, 12 = Oct–Sep, cumulative) folded from the monthly rows:
 * each item's state at the end of the round, and the e-PlanNACC summaries per dimension (REPORTS.md).
 */
import { type CalendarMonth, fiscalMonthIndex } from "../calendar";
import type { ReportRound } from "../lists";
import type { PlanItem, PlanWorkbook, ProgressEntry } from "../plan";
import { baht, type Baht, type DimensionNo, type FiscalYear } from "../units";

/** The e-PlanNACC statuses, plus the two states an item can be in without a reported status. */
export type RoundStatus = "done" | "inProgress" | "notPossible" | "notStarted" | "notReported";

export interface ItemRound {
  readonly item: PlanItem;
  readonly rows: readonly ProgressEntry[];
  readonly status: RoundStatus;
  readonly progressPct: number | undefined;
  /** วงเงินตามแผนพัฒนาท้องถิ่น: the plan's budget for the fiscal year. */
  readonly planned: Baht;
  /** วงเงินตามข้อบัญญัติ/เทศบัญญัติ: the largest allocation stated in the round, if any. */
  readonly ordinance: Baht | undefined;
  readonly inOrdinance: boolean;
  /** Sum of the round's monthly disbursements. */
  readonly disbursed: Baht;
  readonly reason: ProgressEntry["reason"];
  readonly reasonText: string;
  /** Results, problems and recommendations of the round's rows, in month order, repeats removed. */
  readonly results: readonly string[];
  readonly problems: readonly string[];
  readonly recommendations: readonly string[];
}

export const ROUND_LAST_MONTH: Readonly<Record<ReportRound, CalendarMonth>> = { 6: 3, 12: 9 };

export function inRound(p: ProgressEntry, fy: FiscalYear, round: ReportRound): boolean {
  return p.fy === fy && p.month !== undefined && fiscalMonthIndex(p.month) <= fiscalMonthIndex(ROUND_LAST_MONTH[round]);
}

const unique = (xs: readonly string[]) => [...new Set(xs.map((x) => x.trim()).filter((x) => x !== ""))];

export function itemRound(item: PlanItem, rows: readonly ProgressEntry[], fy: FiscalYear): ItemRound {
  const ordered = [...rows].sort((a, b) => fiscalMonthIndex(a.month ?? 10) - fiscalMonthIndex(b.month ?? 10) || (a.at?.row ?? 0) - (b.at?.row ?? 0));
  const last = ordered[ordered.length - 1];
  const allocations = ordered.map((r) => r.ordinanceAmount).filter((a): a is Baht => a !== undefined);
  const status: RoundStatus = !last ? "notReported" : (last.status ?? "notStarted");
  return {
    item,
    rows: ordered,
    status,
    progressPct: [...ordered].reverse().find((r) => r.progressPct !== undefined)?.progressPct,
    planned: baht(item.budgets[fy] ?? 0),
    ordinance: allocations.length > 0 ? baht(Math.max(...allocations)) : undefined,
    inOrdinance: ordered.some((r) => r.inOrdinance === true) || allocations.some((a) => a > 0),
    disbursed: baht(ordered.reduce((s, r) => s + (r.disbursed ?? 0), 0)),
    reason: last?.status === "notPossible" ? last.reason : undefined,
    reasonText: last?.status === "notPossible" ? last.reasonText : "",
    results: unique(ordered.map((r) => r.result)),
    problems: unique(ordered.map((r) => r.problems)),
    recommendations: unique(ordered.map((r) => r.recommendations)),
  };
}

export interface RoundTotals {
  readonly items: number;
  /** (1) items and budget in the plan (ตามแผนพัฒนาท้องถิ่น) */
  readonly plannedItems: number;
  readonly planned: Baht;
  /** (2) items and budget in the ordinance (ตามข้อบัญญัติ/เทศบัญญัติ) */
  readonly ordinanceItems: number;
  readonly ordinance: Baht;
  /** (3) disbursed */
  readonly disbursed: Baht;
  /** (4) statuses */
  readonly byStatus: Readonly<Record<RoundStatus, number>>;
  /** ผลการนำแผนไปปฏิบัติ = (แล้วเสร็จ × 1 + ระหว่างดำเนินการ × 0.5) ÷ จำนวนโครงการ × 100 */
  readonly implementationScore: number;
}

export interface RoundSummary {
  readonly fy: FiscalYear;
  readonly round: ReportRound;
  readonly items: readonly ItemRound[];
  readonly byDimension: readonly { readonly dimension: DimensionNo; readonly totals: RoundTotals }[];
  readonly total: RoundTotals;
  /** Rows of the round whose code is no plan item (M1): reported, never dropped silently. */
  readonly unmatched: readonly ProgressEntry[];
}

export function totalsOf(rounds: readonly ItemRound[]): RoundTotals {
  const byStatus: Record<RoundStatus, number> = { done: 0, inProgress: 0, notPossible: 0, notStarted: 0, notReported: 0 };
  for (const r of rounds) byStatus[r.status]++;
  const items = rounds.length;
  return {
    items,
    plannedItems: rounds.filter((r) => r.planned > 0).length,
    planned: baht(rounds.reduce((s, r) => s + r.planned, 0)),
    ordinanceItems: rounds.filter((r) => r.inOrdinance).length,
    ordinance: baht(rounds.reduce((s, r) => s + (r.ordinance ?? 0), 0)),
    disbursed: baht(rounds.reduce((s, r) => s + r.disbursed, 0)),
    byStatus,
    implementationScore: items === 0 ? 0 : Math.round(((byStatus.done + byStatus.inProgress * 0.5) / items) * 100 * 100) / 100,
  };
}

/** Every plan item active in the fiscal year appears, reported or not: nothing is silently dropped. */
export function summarizeRound(wb: PlanWorkbook, fy: FiscalYear, round: ReportRound): RoundSummary {
  const rows = wb.progress.filter((p) => inRound(p, fy, round));
  const active = wb.items.filter((it) => fy in it.budgets);
  // an item is matched by its code; two items with one code (P7) share its rows, as e-PlanNACC would show them
  const byCode = new Map<string, ProgressEntry[]>();
  for (const p of rows) if (p.code) byCode.set(p.code, [...(byCode.get(p.code) ?? []), p]);
  const items = active.map((it) => itemRound(it, (it.code && byCode.get(it.code)) || [], fy));
  const codes = new Set(active.map((it) => it.code));
  const dimensions = [...new Set(active.map((it) => it.dimension).filter((d): d is DimensionNo => d !== undefined))].sort();
  return {
    fy,
    round,
    items,
    byDimension: dimensions.map((d) => ({ dimension: d, totals: totalsOf(items.filter((r) => r.item.dimension === d)) })),
    total: totalsOf(items),
    unmatched: rows.filter((p) => !p.code || !codes.has(p.code)),
  };
}
