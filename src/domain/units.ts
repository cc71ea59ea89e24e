/**
 * Branded value types. A bare number can be a CE year, a BE year, a count or an amount; the brands make
 * the compiler refuse to mix them, and the constructors are the only way in, so every value that has
 * a brand has passed its check.
 */

declare const brand: unique symbol;
type Brand<T, B extends string> = T & { readonly [brand]: B };

/** A Buddhist-Era fiscal year (ปีงบประมาณ พ.ศ.), e.g. 2566 = 1 Oct 2022 – 30 Sep 2023. */
export type FiscalYear = Brand<number, "FiscalYear">;

/** An amount of money in baht, finite, rounded to satang (two decimals). May be negative: validation says so. */
export type Baht = Brand<number, "Baht">;

/** A plan item's code as users see it, e.g. "1.1.3" or "2.2.1(1)": trimmed, Arabic digits. */
export type PlanCode = Brand<string, "PlanCode">;

/** A framework node code: "1", "1.2" or "2.2.1". */
export type NodeCode = Brand<string, "NodeCode">;

export type DimensionNo = 1 | 2 | 3 | 4;

/** BE years that a plan in use today can plausibly have: a guard against CE years (2023) typed by mistake. */
export const MIN_FISCAL_YEAR = 2540;
export const MAX_FISCAL_YEAR = 2700;

export function isFiscalYear(n: number): boolean {
  return Number.isInteger(n) && n >= MIN_FISCAL_YEAR && n <= MAX_FISCAL_YEAR;
}

export function fiscalYear(n: number): FiscalYear {
  if (!isFiscalYear(n)) throw new RangeError(`not a Buddhist-Era fiscal year: ${n}`);
  return n as FiscalYear;
}

export function baht(n: number): Baht {
  if (!Number.isFinite(n)) throw new RangeError(`not an amount: ${n}`);
  return (Math.round(n * 100) / 100) as Baht;
}

export const ZERO_BAHT = baht(0);

export function sumBaht(amounts: Iterable<Baht>): Baht {
  let total = 0;
  for (const a of amounts) total += a;
  return baht(total);
}

export function planCode(text: string): PlanCode {
  const code = text.trim();
  if (code === "") throw new RangeError("empty plan code");
  return code as PlanCode;
}

const NODE_CODE = /^[1-9]\d*(\.[1-9]\d*){0,2}$/;

export function isNodeCode(text: string): boolean {
  return NODE_CODE.test(text);
}

export function nodeCode(text: string): NodeCode {
  if (!isNodeCode(text)) throw new RangeError(`not a framework code: ${text}`);
  return text as NodeCode;
}

export function isDimensionNo(n: number): n is DimensionNo {
  return n === 1 || n === 2 || n === 3 || n === 4;
}

/**
 * The years a plan covers: first … first + count − 1, the one way plan years are made (issue 17).
 * Years past MAX_FISCAL_YEAR are left out rather than thrown on: a plan starting in 2698 has 2 years.
 */
export function planYears(first: FiscalYear, count: number): FiscalYear[] {
  return Array.from({ length: count }, (_, i) => first + i).filter(isFiscalYear).map(fiscalYear);
}

/** Whether a year read from anywhere (a budget column, a monthly row) is one of the plan's years. */
export function inPlanYears(years: readonly FiscalYear[], year: number): boolean {
  return (years as readonly number[]).includes(year);
}
