/**
 * How alike two item names are, as officers write them: the same name once spaces, quotes, numbering,
 * digit script and case are set aside (`nameKey`), and a 0–1 similarity from the Levenshtein distance of
 * the whole names and of the names without their kind word (`nameSimilarity`). Used by the annual list's
 * matching (app/annual-list.ts) and by the risk register's controls (domain/risk/controls.ts). Pure.
 */
import { KIND_WORD, kindOfName, stripNumbering } from "./kinds";
import { toArabicDigits } from "./thai";
import { LOOSE_ORG_TYPE_WORDS, ORG_TYPE_NAMES, placeOfOrg } from "./org-types";

export interface NameKey {
  readonly full: string;
  /** Without the kind word it starts with. */
  readonly bare: string;
}

/** Spaces, quotes, numbering, digit script and case do not make two names different. */
export function nameKey(name: string): NameKey {
  const full = toArabicDigits(stripNumbering(name)).replace(/["“”'‘’«»`]/g, "").replace(/[\s\u00a0\u200b-\u200d\ufeff]+/g, "").toLowerCase();
  const kind = kindOfName(full);
  return { full, bare: kind ? full.slice(KIND_WORD[kind].length) : full };
}

/** Levenshtein distance over UTF-16 units (Thai is all in the BMP). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let prev = new Int32Array(b.length + 1);
  let cur = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const sub = (prev[j - 1] as number) + (ca === b.charCodeAt(j - 1) ? 0 : 1);
      cur[j] = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, sub);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length] as number;
}

/** 1 − distance ÷ the longer length: 1 for equal texts, 0 for nothing in common (or two empty texts). */
export function editRatio(a: string, b: string): number {
  const len = Math.max(a.length, b.length);
  return len === 0 ? 0 : 1 - editDistance(a, b) / len;
}

/** How alike two names are, 0–1: the better of the whole names and the names without their kind words. */
export function nameSimilarity(a: NameKey, b: NameKey): number {
  if (a.full === b.full || (a.bare !== "" && a.bare === b.bare)) return 1;
  return Math.max(editRatio(a.full, b.full), editRatio(a.bare, b.bare));
}

/** The words of an organization's type (org-types.ts), full and loose. */
export const ORG_TYPE_WORDS: readonly string[] = [...ORG_TYPE_NAMES.map((t) => t.full), ...LOOSE_ORG_TYPE_WORDS];

/** "อบต.นาสะเม็ง" and "องค์การบริหารส่วนตำบล นาสะเม็ง" → "นาสะเม็ง": the place, whatever the type is called. */
export const placeOf = placeOfOrg;
