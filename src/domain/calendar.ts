/** Buddhist-Era years and the Thai fiscal calendar (1 October FY−1 … 30 September FY). */
import { type FiscalYear, fiscalYear, isFiscalYear } from "./units";

export const BE_OFFSET = 543;

export const toBE = (ceYear: number): number => ceYear + BE_OFFSET;
export const toCE = (beYear: number): number => beYear - BE_OFFSET;

/** A calendar month, 1 = January … 12 = December. */
export type CalendarMonth = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12;

/** A number 1–12 as a month, undefined otherwise: the one place a number becomes a CalendarMonth. */
export function calendarMonth(n: number): CalendarMonth | undefined {
  return FISCAL_MONTHS.find((m) => m === n);
}

/** The (UTC) month of a date. */
export function monthOfDate(date: Date): CalendarMonth {
  return calendarMonth(date.getUTCMonth() + 1) ?? 1;
}

/** Months in fiscal order: ต.ค. (10) first, ก.ย. (9) last. */
export const FISCAL_MONTHS: readonly CalendarMonth[] = [10, 11, 12, 1, 2, 3, 4, 5, 6, 7, 8, 9];

export const THAI_MONTHS_FULL: Readonly<Record<CalendarMonth, string>> = {
  1: "มกราคม", 2: "กุมภาพันธ์", 3: "มีนาคม", 4: "เมษายน", 5: "พฤษภาคม", 6: "มิถุนายน",
  7: "กรกฎาคม", 8: "สิงหาคม", 9: "กันยายน", 10: "ตุลาคม", 11: "พฤศจิกายน", 12: "ธันวาคม",
};

export const THAI_MONTHS_SHORT: Readonly<Record<CalendarMonth, string>> = {
  1: "ม.ค.", 2: "ก.พ.", 3: "มี.ค.", 4: "เม.ย.", 5: "พ.ค.", 6: "มิ.ย.",
  7: "ก.ค.", 8: "ส.ค.", 9: "ก.ย.", 10: "ต.ค.", 11: "พ.ย.", 12: "ธ.ค.",
};

export const ENGLISH_MONTHS_SHORT: Readonly<Record<CalendarMonth, string>> = {
  1: "Jan", 2: "Feb", 3: "Mar", 4: "Apr", 5: "May", 6: "Jun",
  7: "Jul", 8: "Aug", 9: "Sep", 10: "Oct", 11: "Nov", 12: "Dec",
};

/** Position of a month in its fiscal year: ต.ค. = 1 … ก.ย. = 12. */
export function fiscalMonthIndex(month: CalendarMonth): number {
  return month >= 10 ? month - 9 : month + 3;
}

/**
 * The BE fiscal year a date falls in. A plain number, not a FiscalYear: a date typed by mistake can be
 * in 1970 or 2999, and saying which year it is must not fail.
 */
export function fiscalYearOf(date: Date): number {
  const ce = date.getUTCFullYear();
  const month = date.getUTCMonth() + 1;
  return toBE(month >= 10 ? ce + 1 : ce);
}

/** First and last day (UTC midnight) of a fiscal year. */
export function fiscalYearRange(fy: FiscalYear): { start: Date; end: Date } {
  const ce = toCE(fy);
  return { start: new Date(Date.UTC(ce - 1, 9, 1)), end: new Date(Date.UTC(ce, 8, 30)) };
}

/** The CE calendar year a fiscal month of FY falls in. */
export function calendarYearOf(fy: FiscalYear, month: CalendarMonth): number {
  return toCE(fy) - (month >= 10 ? 1 : 0);
}

const ENGLISH_MONTHS_LONG: readonly string[] = [
  "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
];

/**
 * Month names folded (no dots or spaces, lower case) → month, built once: the reader parses the month
 * of every monthly row. Short Thai, full Thai, short English, and full English names longer than three
 * letters; the first month in fiscal order wins, as the names are all different anyway.
 */
const MONTH_NAMES: ReadonlyMap<string, CalendarMonth> = (() => {
  const names = new Map<string, CalendarMonth>();
  const add = (name: string, m: CalendarMonth) => { if (!names.has(name)) names.set(name, m); };
  for (const m of FISCAL_MONTHS) {
    add(THAI_MONTHS_SHORT[m].replace(/\./g, ""), m);
    add(THAI_MONTHS_FULL[m], m);
    add(ENGLISH_MONTHS_SHORT[m].toLowerCase(), m);
    const long = ENGLISH_MONTHS_LONG[m - 1] as string;
    if (long.length > 3) add(long, m);
  }
  return names;
})();

/** Reads a month as users write it: "ต.ค.", "ตุลาคม", "ตค", "Oct", "October", "10", "๑๐". */
export function parseMonth(raw: string | number): CalendarMonth | undefined {
  return typeof raw === "string" && AS_WRITTEN.has(raw) ? AS_WRITTEN.get(raw) : readMonth(raw);
}

function readMonth(raw: string | number): CalendarMonth | undefined {
  const text = String(raw).replace(/[๐-๙]/g, (d) => String(d.charCodeAt(0) - 0x0e50)).trim();
  if (/^\d{1,2}$/.test(text)) {
    const n = Number(text);
    return calendarMonth(n);
  }
  return MONTH_NAMES.get(text.replace(/[.\s]/g, "").toLowerCase());
}

/**
 * The months exactly as the template's dropdown and most people write them ("ต.ค.", "ตุลาคม", "Oct",
 * "10"), read once: the reader meets one on every monthly row.
 */
const AS_WRITTEN: ReadonlyMap<string, CalendarMonth | undefined> = new Map(
  FISCAL_MONTHS.flatMap((m) => [THAI_MONTHS_SHORT[m], THAI_MONTHS_FULL[m], ENGLISH_MONTHS_SHORT[m], String(m)]).map((t) => [t, readMonth(t)]),
);

export type YearReading =
  | { readonly kind: "be"; readonly year: FiscalYear }
  /** A CE year typed where BE is expected: 2023 → suggest 2566. */
  | { readonly kind: "ce"; readonly typed: number; readonly suggested: FiscalYear }
  | { readonly kind: "invalid" };

/** Reads a year typed into a BE field, recognising the common mistake of a CE year. */
export function readBEYear(raw: string | number): YearReading {
  const text = typeof raw === "number" ? String(raw) : raw.replace(/[๐-๙]/g, (d) => String(d.charCodeAt(0) - 0x0e50)).replace(/^(พ\.ศ\.|ปี)\s*/, "").trim();
  if (!/^\d{4}$/.test(text)) return { kind: "invalid" };
  const n = Number(text);
  if (isFiscalYear(n)) return { kind: "be", year: fiscalYear(n) };
  if (isFiscalYear(toBE(n))) return { kind: "ce", typed: n, suggested: fiscalYear(toBE(n)) };
  return { kind: "invalid" };
}

/** Excel's date serial (1900 system) ↔ JS Date (UTC midnight). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

export function fromExcelSerial(serial: number): Date {
  return new Date(EXCEL_EPOCH_MS + Math.round(serial * DAY_MS));
}

export function toExcelSerial(date: Date): number {
  return (date.getTime() - EXCEL_EPOCH_MS) / DAY_MS;
}

/** "15 มกราคม 2567" — a date as official Thai documents write it. */
export function formatThaiDate(date: Date): string {
  const m = monthOfDate(date);
  return `${date.getUTCDate()} ${THAI_MONTHS_FULL[m]} ${toBE(date.getUTCFullYear())}`;
}
