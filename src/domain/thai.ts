/** Thai text as officers type it: Thai digits, thousands commas, "บาท", "-" for nil, PDF-broken spaces. */

const THAI_ZERO = 0x0e50;

export function toArabicDigits(text: string): string {
  return text.replace(/[๐-๙]/g, (d) => String(d.charCodeAt(0) - THAI_ZERO));
}

export function toThaiDigits(text: string): string {
  return text.replace(/[0-9]/g, (d) => String.fromCharCode(THAI_ZERO + Number(d)));
}

export function hasThaiDigits(text: string): boolean {
  return /[๐-๙]/.test(text);
}

/** Collapse runs of white space (incl. no-break and zero-width) to one space and trim. */
export function normalizeSpace(text: string): string {
  return text
    .replace(/\u200b|\u200c|\u200d|\ufeff/g, "")
    .replace(/[\s\u00a0]+/g, " ")
    .trim();
}

/** For header matching: case-, space- and digit-script-insensitive. */
export function foldForMatch(text: string): string {
  return toArabicDigits(text).replace(/[\s\u00a0\u200b]+/g, "").toLowerCase();
}

export type AmountParse =
  | { readonly kind: "amount"; readonly value: number }
  | { readonly kind: "nil" }
  | { readonly kind: "invalid"; readonly text: string };

const NIL_MARKS = new Set(["", "-", "–", "—", "−", "ไม่มี"]);

/**
 * Reads an amount as officers type it: "๒๐,๐๐๐", "20,000 บาท", "จำนวน - บาท", "1,250.50", "-" or blank.
 * Nil marks read as nil (callers decide whether nil means zero); anything else is invalid, never a guess.
 */
export function parseAmount(raw: string | number | null | undefined): AmountParse {
  if (raw === null || raw === undefined) return { kind: "nil" };
  if (typeof raw === "number") {
    return Number.isFinite(raw) ? { kind: "amount", value: raw } : { kind: "invalid", text: String(raw) };
  }
  let text = normalizeSpace(toArabicDigits(raw));
  text = text.replace(/^จำนวน\s*/, "").replace(/\s*บาท\.?$/, "").trim();
  if (NIL_MARKS.has(text)) return { kind: "nil" };
  const negative = /^[-−–]\s*\d/.test(text) || /^\(.*\)$/.test(text);
  const digits = text.replace(/^[-−–(]\s*/, "").replace(/\)$/, "");
  if (!/^\d{1,3}(,\d{3})*(\.\d+)?$|^\d+(\.\d+)?$/.test(digits)) return { kind: "invalid", text: raw };
  const value = Number(digits.replace(/,/g, ""));
  return { kind: "amount", value: negative ? -value : value };
}

/**
 * The two formats of amounts, made once: `toLocaleString` builds a new formatter on every call, which
 * costs tens of microseconds — noticeable when the checks word a thousand findings after each edit.
 */
const WHOLE_AMOUNT = new Intl.NumberFormat("en-US", { minimumFractionDigits: 0, maximumFractionDigits: 2 });
const SATANG_AMOUNT = new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Formats a whole or satang amount with thousands separators, as the reports print it. */
export function formatAmount(value: number, digits: "thai" | "arabic" = "arabic"): string {
  const text = (Number.isInteger(value) ? WHOLE_AMOUNT : SATANG_AMOUNT).format(value);
  return digits === "thai" ? toThaiDigits(text) : text;
}

/**
 * Text for the screen in the chosen digits (issue 16): numbers, codes ("1.1.1" → "๑.๑.๑") and dates
 * ("15/1/2567") become Thai digits, but not digits that belong to a name made of Latin letters — a cell
 * ("A38", "$A$1"), a rule id ("M10"), a formula ("=SUM(G2:G9)") — which Excel and the rules' lists spell
 * with Arabic digits.
 */
export function displayDigits(text: string, digits: "thai" | "arabic"): string {
  if (digits === "arabic") return text;
  return text.replace(/[A-Za-z_$][A-Za-z0-9_$]*|[0-9]+/g, (m) => (/^[0-9]/.test(m) ? toThaiDigits(m) : m));
}
