/**
 * Monthly-progress values as the pane and the CLI show them: month names, BE dates, a field's header,
 * a value as consolidation compares it, and reading a date typed in the form the way a cell is read.
 */
import { ENGLISH_MONTHS_SHORT, monthOfDate, type CalendarMonth, THAI_MONTHS_SHORT, toBE } from "../domain/calendar";
import { BUDGET_TYPES, type ClosedList, labelOf, NOT_POSSIBLE_REASONS, PROGRESS_STATUSES, YES_NO } from "../domain/lists";
import { formatAmount } from "../domain/thai";
import { parseDate } from "../workbook/cells";
import { PROGRESS_SHEET } from "../workbook/schema";

const FIELD_LISTS: Readonly<Record<string, ClosedList>> = { status: PROGRESS_STATUSES, reason: NOT_POSSIBLE_REASONS, budgetType: BUDGET_TYPES };

/** ต.ค. / Oct. */
export function monthName(m: CalendarMonth, lang: "th" | "en"): string {
  return lang === "th" ? THAI_MONTHS_SHORT[m] : ENGLISH_MONTHS_SHORT[m];
}

/** A date as the UI shows it: "15 ม.ค. 2567" / "15 Jan 2567" (BE either way). */
export function shortDate(d: Date, lang: "th" | "en"): string {
  const m = monthOfDate(d);
  return `${d.getUTCDate()} ${lang === "th" ? THAI_MONTHS_SHORT[m] : ENGLISH_MONTHS_SHORT[m]} ${toBE(d.getUTCFullYear())}`;
}

/**
 * A monthly row's field value as consolidation compares it (consolidate-plan's text: list keys, ISO
 * dates, "true"/"false") shown as users know it: the list's label, a BE date, an amount with commas.
 */
export function showProgressValue(field: string, text: string, lang: "th" | "en"): string {
  if (text === "") return "";
  const list = FIELD_LISTS[field];
  if (list) return list.entries.find((e) => e.key === text)?.[lang] ?? text;
  if (field === "inOrdinance") return labelOf(YES_NO, text === "true" ? "yes" : "no", lang);
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return shortDate(new Date(`${text}T00:00:00Z`), lang);
  if ((field === "ordinanceAmount" || field === "disbursed") && Number.isFinite(Number(text))) return formatAmount(Number(text));
  return text;
}

/** The column header of a ผลรายเดือน field, in the language asked. */
export function fieldLabel(field: string, lang: "th" | "en"): string {
  const c = PROGRESS_SHEET.columns.find((x) => x.key === field);
  return c ? c[lang] : field;
}

/** The header of a monthly-progress field, for a message that names the column (CLI and pane). */
export function monthlyFieldLabel(field: string): { readonly th: string; readonly en: string } | undefined {
  return PROGRESS_SHEET.columns.find((c) => c.key === field);
}

/** A date as the officer typed it in the form (the same reading as a cell of the sheet), or undefined. */
export function enteredDate(text: string): Date | undefined {
  const d = parseDate(text);
  return d.ok && d.value instanceof Date ? d.value : undefined;
}

