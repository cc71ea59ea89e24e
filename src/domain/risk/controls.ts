/**
 * A risk's mitigating controls as officers write them, matched to plan items (issue 18).
 *
 * A control names a plan item by its code (2.2.6, 1.2(7)) or by its name. Names are compared after
 * normalizing (`controlKey`): numbering, spaces, quotes, brackets and dashes, Thai/Arabic digits and case
 * set aside; the organization's own name ("เทศบาลนครนครศรีธรรมราช", "อบต.นาสะเม็ง") and
 * "องค์กรปกครองส่วนท้องถิ่น" read as "หน่วยงาน" (and "ของหน่วยงาน" as "หน่วยงาน"); the kind word
 * (โครงการ/กิจกรรม/มาตรการ/แนวปฏิบัติงาน) compared with and without. Then by similarity
 * (`controlSimilarity`: the Levenshtein ratio of domain/names.ts, or, when one name holds the other
 * whole, how much of the longer it covers). A name at least `CONTROL_MATCH_THRESHOLD` alike links
 * to its most similar item (reported by R7 as "did you mean …" with the code to put in the cell);
 * below it, the most similar item above `CONTROL_SUGGEST_FLOOR` is offered as a candidate only.
 * The thresholds are measured on the seeds' real pairs (test/risk/controls-seeds.test.ts).
 *
 * A cell may list several items: the reader splits it at commas, semicolons and lines; here items numbered
 * on one line ("1. โครงการ… 2. มาตรการ…") are cut before their kind word, and lists at commas and "และ".
 * The pieces are kept apart only where each piece matches an item or reads as one (a code, or a kind
 * word first); otherwise they are one name that holds a comma ("ก, ข และ ค"). Pure.
 */
import { KIND_WORD, kindOfName, stripNumbering } from "../kinds";
import { editRatio, type NameKey, ORG_TYPE_WORDS, placeOf } from "../names";
import { ORG_TYPE_NAMES } from "../org-types";
import type { PlanItem } from "../plan";
import { normalizeSpace, toArabicDigits } from "../thai";

/**
 * Measured on the seeds' 48 true pairs with leave-one-out negatives (test/risk/controls-seeds.test.ts):
 * 0.85 links 41 of 48 (recall 85 %) with one wrong link in 42 (precision 98 %; seed 000's own near-duplicate
 * items 1.1.5/1.2.1); 0.8 links one more and makes four more wrong links, 0.9 loses two.
 */
export const CONTROL_MATCH_THRESHOLD = 0.85;
/** Below the threshold, the most similar item is still offered as a candidate from this similarity on. */
export const CONTROL_SUGGEST_FLOOR = 0.5;

const PLAN_CODE = /^\d+(\.\d+)+(\s*\(\d+\))?$/;

/** A plan code such as 2.2.1 or 1.2(7) (rather than a control named in free text). */
export function isPlanCode(s: string): boolean {
  return PLAN_CODE.test(toArabicDigits(s.trim()));
}

const codeOf = (s: string) => toArabicDigits(s).replace(/\s+/g, "");

/** Abbreviations as typed, with the dot and (for อบต./อบจ.) without. */
const ABBREVIATED_TYPES = ORG_TYPE_NAMES.flatMap((t) => (t.abbr.startsWith("อบ") ? [t.abbr, t.abbr.replace(/\.$/, "")] : [t.abbr]));
const LOCAL_GOVERNMENT = /องค์กรปกครองส่วนท้องถิ่น|องค์การปกครองส่วนท้องถิ่น|อปท\./g;

/** The spellings of the organization's own name (spaces removed) that read as "หน่วยงาน". */
function ownNames(orgName: string): string[] {
  const place = placeOf(orgName);
  if (place.length < 2) return [];
  const names = [orgName.replace(/[\s\u00a0]+/g, ""), ...ORG_TYPE_WORDS.map((w) => w + place), ...ABBREVIATED_TYPES.map((a) => a + place)];
  return [...new Set(names)].sort((a, b) => b.length - a.length);
}

/** A control's or an item's name as compared: see the module comment. */
export function controlKey(name: string, orgName = ""): NameKey {
  let t = toArabicDigits(stripNumbering(name))
    .replace(/["“”'‘’«»`()[\]{}\-–—:.,]/g, "")
    .replace(/[\s\u00a0\u200b-\u200d\ufeff]+/g, "")
    .toLowerCase();
  for (const own of ownNames(orgName.toLowerCase())) t = t.split(own.replace(/[.]/g, "")).join("หน่วยงาน");
  t = t.replace(LOCAL_GOVERNMENT, "หน่วยงาน").replace(/ของหน่วยงาน/g, "หน่วยงาน");
  const kind = kindOfName(t);
  return { full: t, bare: kind ? t.slice(KIND_WORD[kind].length) : t };
}

/** Shorter names than this (bare, in characters) match only when equal. */
const MIN_SIMILAR_LENGTH = 6;

/**
 * How alike a control and an item's name are, 0–1: 1 when equal once normalized (with or without the
 * kind word); otherwise the better of the Levenshtein ratio and — when one bare name holds the other
 * whole (a card's longer title, a word added in front) — 0.5 + half the share of the longer it covers.
 */
export function controlSimilarity(a: NameKey, b: NameKey): number {
  if (a.full === b.full || (a.bare !== "" && a.bare === b.bare)) return 1;
  if (Math.min(a.bare.length, b.bare.length) < MIN_SIMILAR_LENGTH) return 0;
  const ratio = Math.max(editRatio(a.full, b.full), editRatio(a.bare, b.bare));
  const [short, long] = a.bare.length <= b.bare.length ? [a.bare, b.bare] : [b.bare, a.bare];
  const held = long.includes(short) ? 0.5 + (0.5 * short.length) / long.length : 0;
  return Math.max(ratio, held);
}

export type ControlHow = "code" | "name" | "similar" | "none";

/** One control of a risk: the plan item it names, how it was found, and the best candidate when none was. */
export interface ControlMatch {
  /** The control as written, numbering removed. */
  readonly text: string;
  readonly item: PlanItem | undefined;
  /** "code": by plan code; "name": the same name once normalized; "similar": the most similar name at or above the threshold; "none": nothing in the plan. */
  readonly how: ControlHow;
  /** The similarity to `item`, or to `nearest`. */
  readonly similarity: number;
  /** Not linked: the most similar item at or above CONTROL_SUGGEST_FLOOR (a code control: none). */
  readonly nearest?: PlanItem;
}

export interface ControlOptions {
  readonly orgName?: string;
  readonly threshold?: number;
}

/** The plan items with their compared names, worked out once per plan. */
export interface ItemIndex {
  readonly items: readonly PlanItem[];
  readonly keys: readonly NameKey[];
  readonly byCode: ReadonlyMap<string, PlanItem>;
  readonly orgName: string;
}

const indexCache = new WeakMap<readonly PlanItem[], ItemIndex>();

export function itemIndex(items: readonly PlanItem[], orgName = ""): ItemIndex {
  const cached = indexCache.get(items);
  if (cached && cached.orgName === orgName) return cached;
  const byCode = new Map<string, PlanItem>();
  for (const it of items) if (it.code && !byCode.has(it.code)) byCode.set(it.code, it);
  const index = { items, keys: items.map((it) => controlKey(it.name, orgName)), byCode, orgName };
  indexCache.set(items, index);
  return index;
}

/** The most similar item of the plan, and how alike (0 for none). */
function best(text: string, index: ItemIndex): { item: PlanItem | undefined; similarity: number } {
  const key = controlKey(text, index.orgName);
  let item: PlanItem | undefined;
  let similarity = 0;
  index.keys.forEach((k, i) => {
    const s = controlSimilarity(key, k);
    if (s > similarity) {
      similarity = s;
      item = index.items[i];
    }
  });
  return { item, similarity };
}

/** One control (a code or a name) matched to the plan. */
export function matchControl(text: string, index: ItemIndex, threshold = CONTROL_MATCH_THRESHOLD): ControlMatch {
  const shown = stripNumbering(text) || normalizeSpace(text);
  if (isPlanCode(text)) {
    const item = index.byCode.get(codeOf(text));
    return { text: codeOf(text), item, how: item ? "code" : "none", similarity: item ? 1 : 0 };
  }
  const b = best(shown, index);
  if (b.item && b.similarity >= threshold) return { text: shown, item: b.item, how: b.similarity === 1 ? "name" : "similar", similarity: b.similarity };
  return { text: shown, item: undefined, how: "none", similarity: b.similarity, ...(b.item && b.similarity >= CONTROL_SUGGEST_FLOOR ? { nearest: b.item } : {}) };
}

const KIND_ALTERNATION = Object.values(KIND_WORD).join("|");
/** A number ("2.", "(3)", "4)", "1") then a kind word, in the middle of a text: the next item of a numbered list. */
const NUMBERED_ITEM = new RegExp(`\\s+(?=\\(?[0-9๐-๙]{1,2}[.)]?\\s*(?:${KIND_ALTERNATION}))`, "g");
/** Where a list may be cut: commas and "และ" (kept, to join the pieces back as written). */
const LIST_SEPARATOR = /(\s*,\s*|\s+และ\s*|\s*และ(?=\s*(?:โครงการ|กิจกรรม|มาตรการ|แนวปฏิบัติ)))/;
/** More pieces than this are not tried as a list (a paragraph, not a list of items). */
const MAX_PIECES = 12;

/**
 * The controls a register cell lists, from the parts the reader split it into (at commas, semicolons
 * and lines): the cut of the cell into consecutive pieces in which every piece matches an item or reads
 * as one (a code, a kind word first) with the most pieces that match an item, then the most pieces; when
 * no such cut exists, the reader's parts joined back ("ก, ข และ ค" that is no list of items is one name).
 */
export function splitControls(parts: readonly string[], index: ItemIndex, threshold = CONTROL_MATCH_THRESHOLD): string[] {
  // pieces and the separators between them (the reader's cuts read back as ", ")
  const pieces: string[] = [];
  const seps: string[] = [];
  for (const part of parts) {
    for (const numbered of part.split(NUMBERED_ITEM)) {
      const bits = numbered.split(LIST_SEPARATOR);
      for (let k = 0; k < bits.length; k += 2) {
        const piece = normalizeSpace(bits[k] ?? "");
        if (piece === "") continue;
        if (pieces.length > 0) seps.push(k > 0 ? (bits[k - 1] ?? ", ") : ", ");
        pieces.push(piece);
      }
    }
  }
  const matches = (p: string) => isPlanCode(p) || best(stripNumbering(p), index).similarity >= threshold;
  const readsAsItem = (p: string) => isPlanCode(p) || kindOfName(p) !== undefined;
  // a code is a control of its own; the names between codes are cut as below
  const out: string[] = [];
  let from = 0;
  for (let i = 0; i <= pieces.length; i++) {
    if (i < pieces.length && !isPlanCode(pieces[i] as string)) continue;
    if (i > from) out.push(...cutNames(pieces.slice(from, i), seps.slice(from, i - 1), matches, readsAsItem));
    if (i < pieces.length) out.push(pieces[i] as string);
    from = i + 1;
  }
  return out;
}

/** The best cut of consecutive name pieces (see splitControls); the pieces joined back when none is valid. */
function cutNames(pieces: readonly string[], seps: readonly string[], matches: (p: string) => boolean, readsAsItem: (p: string) => boolean): string[] {
  const joined = (from: number, to: number) => pieces.slice(from, to).reduce((acc, p, k) => (k === 0 ? p : acc + (seps[from + k - 1] ?? ", ") + p), "");
  if (pieces.length > MAX_PIECES) return [joined(0, pieces.length)];
  // cut[i]: the best cut of pieces[0, i) as [pieces that match an item, pieces] and its groups
  const cut: ({ score: [number, number]; groups: string[] } | undefined)[] = [{ score: [0, 0], groups: [] }];
  for (let i = 1; i <= pieces.length; i++) {
    let bestCut: { score: [number, number]; groups: string[] } | undefined;
    for (let j = 0; j < i; j++) {
      const before = cut[j];
      if (!before) continue;
      const group = joined(j, i);
      const m = matches(group);
      if (!m && !readsAsItem(group)) continue;
      const score: [number, number] = [before.score[0] + (m ? 1 : 0), before.score[1] + 1];
      if (!bestCut || score[0] > bestCut.score[0] || (score[0] === bestCut.score[0] && score[1] > bestCut.score[1])) bestCut = { score, groups: [...before.groups, group] };
    }
    cut.push(bestCut);
  }
  return cut[pieces.length]?.groups ?? [joined(0, pieces.length)];
}

/** A risk's controls, split and matched: what R3, R4, R7, the heat maps and the risk sheet use. */
export function resolveControls(parts: readonly string[], items: readonly PlanItem[], options: ControlOptions = {}): ControlMatch[] {
  const index = itemIndex(items, options.orgName ?? "");
  return splitControls(parts, index, options.threshold).map((text) => matchControl(text, index, options.threshold));
}
