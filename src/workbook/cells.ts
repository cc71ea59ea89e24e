/** Reading one cell as a column type says: a value, nothing, or a problem with what was expected. */
import { type CalendarMonth, fromExcelSerial, monthOfDate, parseMonth, readBEYear, toCE } from "../domain/calendar";
import type { Bilingual } from "../domain/findings";
import { type ClosedList, lookup } from "../domain/lists";
import { msg } from "../domain/messages";
import { normalizeSpace, parseAmount, toArabicDigits } from "../domain/thai";
import { type Baht, baht, type FiscalYear, fiscalYear, isFiscalYear } from "../domain/units";
import { type CellValue, isCellError } from "./grid";

export type Parsed<T> =
  /** `warning`: the value was read, but something about it deserves a look (it is reported, not refused). */
  | { readonly ok: true; readonly value: T | undefined; readonly warning?: { readonly rule: string; readonly expected: Bilingual } }
  | { readonly ok: false; readonly expected: Bilingual; readonly suggestion?: string; readonly rule?: string; /** Says the whole mistake, instead of "cannot be read". */ readonly message?: Bilingual };

const ok = <T>(value: T | undefined): Parsed<T> => ({ ok: true, value });
/** An empty cell read as any type (one shared object: most cells of a monthly row are empty). */
const NOTHING: Parsed<never> = { ok: true, value: undefined };
const bad = <T>(expected: Bilingual, extra: { suggestion?: string; rule?: string; message?: Bilingual } = {}): Parsed<T> => ({ ok: false, expected, ...extra });

/** A cell shown as the user sees it, for "found" in findings. */
export function displayCell(v: CellValue): string {
  if (v === null) return "";
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (isCellError(v)) return v.error;
  return String(v);
}

export function cellText(v: CellValue): string {
  if (v === null || isCellError(v)) return "";
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "number") return String(v);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return (v.includes("\r\n") ? v.replace(/\r\n/g, "\n") : v).trim();
}

export function parseText(v: CellValue): string {
  return cellText(v);
}

/** Printable ASCII without spaces: a code such as "1.1.1" or "2.5.2(1)" that normalizing leaves as it is. */
const PLAIN_CODE = /^[!-~]+$/;

/** Codes keep their dots: a cell that Excel turned into the number 1.1 reads back as "1.1". */
export function parseCode(v: CellValue): string | undefined {
  const text = cellText(v);
  if (PLAIN_CODE.test(text)) return text;
  const t = normalizeSpace(toArabicDigits(text));
  return t === "" ? undefined : t;
}

export function parseCodes(v: CellValue): string[] {
  if (v === null) return [];
  return toArabicDigits(cellText(v))
    .split(/[,;\n]/)
    .map((s) => normalizeSpace(s))
    .filter((s) => s !== "");
}

export function parseBaht(v: CellValue): Parsed<Baht> {
  if (v === null) return NOTHING;
  if (typeof v === "boolean" || v instanceof Date) return bad(msg.expectAmount(), { rule: "B1" });
  const p = parseAmount(typeof v === "number" ? v : cellText(v));
  if (p.kind === "nil") return ok(undefined);
  if (p.kind === "invalid") return bad(msg.expectAmount(), { rule: "B1" });
  const satang = p.value * 100;
  if (Math.abs(satang - Math.round(satang)) > 1e-6) {
    return { ok: true, value: baht(p.value), warning: { rule: "B3", expected: msg.expectTwoDecimals() } };
  }
  return ok(baht(p.value));
}

export function parseNumber(v: CellValue): Parsed<number> {
  if (typeof v === "number") return ok(v);
  if (v === null) return NOTHING;
  const t = toArabicDigits(cellText(v)).replace(/%$/, "").replace(/,/g, "").trim();
  if (t === "") return ok(undefined);
  const n = Number(t);
  return Number.isFinite(n) ? ok(n) : bad(msg.expectNumber());
}

export function parseWhole(v: CellValue): Parsed<number> {
  const p = parseNumber(v);
  if (p.ok && p.value !== undefined && !Number.isInteger(p.value)) return bad(msg.expectWholeNumber());
  return p.ok ? p : bad(msg.expectWholeNumber());
}

/** Dates: real dates, Excel serials, or text "15/1/2567" (BE; a CE year is accepted too). */
export function parseDate(v: CellValue): Parsed<Date> {
  if (v === null) return NOTHING;
  if (v instanceof Date) return ok(v);
  if (typeof v === "number") return v > 0 && v < 2_958_466 ? ok(fromExcelSerial(v)) : bad(msg.expectDate());
  const t = toArabicDigits(cellText(v));
  if (t === "") return ok(undefined);
  const m = /^(\d{1,2})[/\-.](\d{1,2})[/\-.](\d{4})$/.exec(t);
  if (!m) return bad(msg.expectDate());
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ce = y > 2400 ? toCE(y) : y;
  const date = new Date(Date.UTC(ce, mo - 1, d));
  return date.getUTCMonth() === mo - 1 && date.getUTCDate() === d ? ok(date) : bad(msg.expectDate());
}

export function parseFiscalYear(v: CellValue): Parsed<FiscalYear> {
  if (v === null) return NOTHING;
  // the common case, a BE year typed as a number, without going through its text
  if (typeof v === "number" && isFiscalYear(v)) return ok(fiscalYear(v));
  const t = typeof v === "number" ? v : cellText(v);
  if (t === "") return ok(undefined);
  const r = readBEYear(t);
  if (r.kind === "be") return ok(r.year);
  // one message that says it all ("ปี ค.ศ. 2023 — ใช้ พ.ศ. 2566"), the BE year as what is expected and suggested
  if (r.kind === "ce") return bad(msg.badYear(), { suggestion: String(r.suggested), message: msg.ceYear(r.typed, r.suggested) });
  return bad(msg.badYear());
}

export function parseMonthCell(v: CellValue): Parsed<CalendarMonth> {
  if (v === null) return NOTHING;
  if (v instanceof Date) return ok(monthOfDate(v));
  const t = typeof v === "number" ? v : cellText(v);
  if (t === "") return ok(undefined);
  const m = parseMonth(t);
  return m === undefined ? bad(msg.expectMonth()) : ok(m);
}

export function parseListCell<K extends string>(v: CellValue, list: ClosedList<K>): Parsed<K> {
  if (v === null) return NOTHING;
  const t = cellText(v);
  if (t === "") return ok(undefined);
  const e = lookup(list, t);
  return e ? ok(e.key) : bad(msg.expectOneOf(list.entries.map((x) => x.th)));
}

/** "1 การสร้างวัฒนธรรมสุจริต", "มิติที่ ๑", 1 → 1. */
export function parseDimension(v: CellValue): Parsed<number> {
  if (v === null) return NOTHING;
  const t = toArabicDigits(cellText(v));
  if (t === "") return ok(undefined);
  const m = /^\s*(?:มิติที่|มิติ|มติ)?\s*(\d+)(?!\.\d)/.exec(t);
  return m ? ok(Number(m[1])) : bad(msg.expectDimension());
}

/** "1.1 การเสริม…", "ภารกิจที่ ๑.๑", 1.1 → "1.1". */
export function parseNodeCode(v: CellValue): Parsed<string> {
  if (v === null) return NOTHING;
  const t = toArabicDigits(cellText(v));
  if (t === "") return ok(undefined);
  const m = /^\s*(?:ภารกิจย่อยที่|ภารกิจที่)?\s*(\d+(?:\.\d+){1,2})/.exec(t);
  return m ? ok(m[1] as string) : bad(msg.expectNodeCode());
}

/** "1-4", "2,4", "ไตรมาส 1-4", 3 → sorted quarters. */
export function parseQuarters(v: CellValue): Parsed<(1 | 2 | 3 | 4)[]> {
  const written = typeof v === "string" ? AS_WRITTEN_QUARTERS.get(v) : undefined;
  return written ? ok([...written]) : readQuarters(v);
}

function readQuarters(v: CellValue): Parsed<(1 | 2 | 3 | 4)[]> {
  const t = toArabicDigits(cellText(v)).replace(/ไตรมาส(ที่)?/g, "").replace(/\s/g, "");
  if (t === "") return ok([]);
  const set = new Set<number>();
  for (const part of t.split(/[,;]/)) {
    const m = /^([1-4])(?:[-–]([1-4]))?$/.exec(part);
    if (!m) return bad(msg.expectQuarters());
    const from = Number(m[1]);
    const to = m[2] ? Number(m[2]) : from;
    if (to < from) return bad(msg.expectQuarters());
    for (let q = from; q <= to; q++) set.add(q);
  }
  return ok([...set].sort() as (1 | 2 | 3 | 4)[]);
}

/**
 * The quarters as the template writes them ("1-4", "2", "1,3", …: formatQuarters of every set), read
 * once — the reader meets one on every plan row. Each read gets its own copy of the list.
 */
const AS_WRITTEN_QUARTERS: ReadonlyMap<string, readonly (1 | 2 | 3 | 4)[]> = (() => {
  const table = new Map<string, readonly (1 | 2 | 3 | 4)[]>();
  for (let set = 1; set < 16; set++) {
    const text = formatQuarters(([1, 2, 3, 4] as const).filter((q) => set & (1 << (q - 1))));
    const p = readQuarters(text);
    if (p.ok && p.value) table.set(text, p.value);
  }
  return table;
})();

export function formatQuarters(qs: readonly number[]): string {
  if (qs.length === 0) return "";
  const sorted = [...qs].sort();
  const contiguous = sorted.every((q, i) => i === 0 || q === (sorted[i - 1] as number) + 1);
  return contiguous && sorted.length > 1 ? `${sorted[0]}-${sorted[sorted.length - 1]}` : sorted.join(",");
}
