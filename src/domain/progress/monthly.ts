/**
 * A division's monthly reporting over the plan, pure (the ผลรายเดือน page and `sujarit progress` alike):
 * its items, the years and month to enter by default, an item's rows and figures for a year against its
 * allocation and plan budget, and what a new row carries over from the one before.
 */
import { calendarMonth, type CalendarMonth, FISCAL_MONTHS, fiscalMonthIndex, fiscalYearOf } from "../calendar";
import type { PlanItem, PlanWorkbook, ProgressEntry } from "../plan";
import type { ProgressStatus, BudgetType } from "../lists";
import { yearsOfPlan } from "../settings";
import { normalizeSpace } from "../thai";
import { type Baht, baht, type FiscalYear, fiscalYear, isFiscalYear, type PlanCode, planCode, sumBaht } from "../units";

/* ---------- divisions, years, months ---------- */

export interface OwnerCount {
  readonly owner: string;
  readonly items: number;
}

const fold = (s: string) => normalizeSpace(s).replace(/\s+/g, " ").toLowerCase();

/**
 * The owners (หน่วยงานรับผิดชอบ) the plan names, as written, in Thai order, each with the number of items
 * itemsOf gives for it (items shared with other units included: "สำนักปลัด กองคลัง …" counts for
 * "กองคลัง …" too).
 */
export function ownersOf(wb: PlanWorkbook): OwnerCount[] {
  const names = new Map<string, string>();
  for (const it of wb.items) {
    const owner = normalizeSpace(it.owner);
    if (it.code && owner !== "" && !names.has(fold(owner))) names.set(fold(owner), owner);
  }
  return [...names.values()]
    .map((owner) => ({ owner, items: itemsOf(wb, owner).length }))
    .sort((a, b) => a.owner.localeCompare(b.owner, "th"));
}

/**
 * Is the item one of this owner's? An undefined or blank owner means every item. An item's owner
 * matches when it is the same text or contains it ("กองคลัง" matches "สำนักปลัด กองคลัง อบต.…"),
 * spaces and case aside.
 */
export function ownerMatches(item: PlanItem, owner: string | undefined): boolean {
  if (owner === undefined || owner.trim() === "") return true;
  return fold(item.owner).includes(fold(owner));
}

/** The items a division reports on: with a code (a row needs one), in plan order. */
export function itemsOf(wb: PlanWorkbook, owner?: string): PlanItem[] {
  return wb.items.filter((it) => it.code !== undefined && ownerMatches(it, owner));
}

export function planYearsOf(wb: PlanWorkbook): FiscalYear[] {
  return yearsOfPlan(wb.settings);
}

/** The BE fiscal year `today` falls in (local calendar date). */
export function fiscalYearOfToday(today: Date): number {
  return fiscalYearOf(new Date(Date.UTC(today.getFullYear(), today.getMonth(), today.getDate())));
}

/** The settings' report year; else this fiscal year when the plan covers it; else the plan year nearest to it. */
export function defaultFiscalYear(wb: PlanWorkbook, today: Date): FiscalYear {
  const years = planYearsOf(wb);
  const reportFy = wb.settings.reportFy;
  if (reportFy !== undefined && years.includes(reportFy)) return reportFy;
  const now = fiscalYearOfToday(today);
  const [first, ...rest] = years;
  if (first === undefined) return fiscalYear(isFiscalYear(now) ? now : wb.settings.firstYear);
  return rest.reduce((best, y) => (Math.abs(y - now) < Math.abs(best - now) ? y : best), first);
}

/**
 * The month to enter: this month when `fy` is this fiscal year; else the month after the latest month
 * reported in `fy` (ก.ย. at most); else ต.ค.
 */
export function defaultMonth(wb: PlanWorkbook, fy: FiscalYear, today: Date): CalendarMonth {
  if (fiscalYearOfToday(today) === fy) return calendarMonth(today.getMonth() + 1) ?? 10;
  const reported = wb.progress.flatMap((p) => (p.fy === fy && p.month !== undefined ? [fiscalMonthIndex(p.month)] : []));
  if (reported.length === 0) return 10;
  return FISCAL_MONTHS[Math.min(11, Math.max(...reported))] ?? 9;
}

/** Today as the workbook stores dates: UTC midnight of the local calendar date. */
export function dateOnly(today: Date): Date {
  return new Date(Date.UTC(today.getFullYear(), today.getMonth(), today.getDate()));
}

/* ---------- an item's year ---------- */

const byFiscalMonth = (a: ProgressEntry, b: ProgressEntry) =>
  fiscalMonthIndex(a.month ?? 10) - fiscalMonthIndex(b.month ?? 10) || (a.at?.row ?? 0) - (b.at?.row ?? 0);

/** The item's rows of the fiscal year, in fiscal-month order (then sheet order). */
export function itemHistory(wb: PlanWorkbook, code: string, fy: FiscalYear): ProgressEntry[] {
  return wb.progress.filter((p) => p.code === code && p.fy === fy).sort(byFiscalMonth);
}

/** The rows already there for the item and month (two or more is M9). */
export function existingRows(wb: PlanWorkbook, code: string, fy: FiscalYear, month: CalendarMonth): ProgressEntry[] {
  return itemHistory(wb, code, fy).filter((p) => p.month === month);
}

export interface ItemFigures {
  readonly code: PlanCode;
  readonly fy: FiscalYear;
  /** The plan's budget for the year (วงเงินตามแผน). */
  readonly planned: Baht;
  /** วงเงินตามข้อบัญญัติ/เทศบัญญัติ: the largest stated in the year's rows (as M4 and the reports take it). */
  readonly allocation: Baht | undefined;
  /** Sum of the year's monthly disbursements. */
  readonly disbursed: Baht;
  /** What disbursement is measured against: the allocation when stated, else the plan budget (M4 / M5). */
  readonly limit: { readonly kind: "allocation" | "plan"; readonly amount: Baht } | undefined;
  /** limit − disbursed (negative when above it). */
  readonly remaining: Baht | undefined;
  /** disbursed ÷ allocation × 100, and ÷ plan budget × 100 (one decimal), where those are above 0. */
  readonly pctOfAllocation: number | undefined;
  readonly pctOfPlan: number | undefined;
  /** The latest row's status, the latest progress % typed, and the latest month reported. */
  readonly lastStatus: ProgressStatus | undefined;
  readonly lastPct: number | undefined;
  readonly lastMonth: CalendarMonth | undefined;
  /** Months with a row, in fiscal order, each once. */
  readonly months: readonly CalendarMonth[];
  readonly rows: readonly ProgressEntry[];
}

const pct = (part: number, whole: number | undefined) => (whole && whole > 0 ? Math.round((part / whole) * 1000) / 10 : undefined);

export function itemFigures(wb: PlanWorkbook, item: PlanItem, fy: FiscalYear): ItemFigures {
  const code = item.code ?? planCode("?");
  const rows = itemHistory(wb, code, fy);
  const allocations = rows.map((r) => r.ordinanceAmount).filter((a): a is Baht => a !== undefined);
  const allocation = allocations.length > 0 ? baht(Math.max(...allocations)) : undefined;
  const planned = baht(item.budgets[fy] ?? 0);
  const disbursed = sumBaht(rows.map((r) => r.disbursed ?? baht(0)));
  const limit = allocation !== undefined ? { kind: "allocation" as const, amount: allocation } : planned > 0 ? { kind: "plan" as const, amount: planned } : undefined;
  const last = rows[rows.length - 1];
  const months: CalendarMonth[] = [];
  for (const r of rows) if (r.month !== undefined && !months.includes(r.month)) months.push(r.month);
  return {
    code, fy, planned, allocation, disbursed, limit,
    remaining: limit ? baht(limit.amount - disbursed) : undefined,
    pctOfAllocation: pct(disbursed, allocation),
    pctOfPlan: pct(disbursed, planned),
    lastStatus: last?.status,
    lastPct: [...rows].reverse().find((r) => r.progressPct !== undefined)?.progressPct,
    lastMonth: last?.month,
    months,
    rows,
  };
}

export interface ListedItem {
  readonly item: PlanItem;
  readonly figures: ItemFigures;
}

/** A division's items with their figures for the year (the CLI's listing, the page's list). */
export function progressListing(wb: PlanWorkbook, fy: FiscalYear, owner?: string): ListedItem[] {
  return itemsOf(wb, owner).map((item) => ({ item, figures: itemFigures(wb, item, fy) }));
}

/** "ธ.ค. 2566" for December of FY 2567: the calendar month with its BE calendar year. */
export function monthYear(fy: FiscalYear, month: CalendarMonth): number {
  return month >= 10 ? fy - 1 : fy;
}

/**
 * What a new monthly row of an item starts from (issue 17: one rule for the pane's form and `progress
 * --add`): its latest earlier row of the year gives the status (in progress, unless it was done or not
 * possible), budget type, allocation, in-ordinance flag, start date (and end date once done) and unit.
 */
export interface CarriedOver {
  readonly from: CalendarMonth | undefined;
  readonly status: ProgressStatus;
  readonly inOrdinance: boolean | undefined;
  readonly budgetType: BudgetType | undefined;
  readonly ordinanceAmount: Baht | undefined;
  readonly startDate: Date | undefined;
  readonly endDate: Date | undefined;
  readonly unit: string;
}

export function carriedOver(wb: PlanWorkbook, code: PlanCode, fy: FiscalYear, month: CalendarMonth): CarriedOver {
  const index = FISCAL_MONTHS.indexOf(month);
  const before = itemHistory(wb, code, fy).filter((r) => r.month !== undefined && FISCAL_MONTHS.indexOf(r.month) < index);
  const last = before[before.length - 1];
  const status: ProgressStatus = last?.status === "done" || last?.status === "notPossible" ? last.status : "inProgress";
  return {
    from: last?.month, status, inOrdinance: last?.inOrdinance, budgetType: last?.budgetType, ordinanceAmount: last?.ordinanceAmount,
    startDate: last?.startDate, endDate: status === "done" ? last?.endDate : undefined, unit: last?.unit ?? "",
  };
}

/** A date as the form shows it and reads it back (day/month/BE year). */
export function formDate(d: Date | undefined): string {
  return d ? `${d.getUTCDate()}/${d.getUTCMonth() + 1}/${d.getUTCFullYear() + 543}` : "";
}
