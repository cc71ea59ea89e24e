/** The kinds of plan item, and the kind word an item's name starts with. */
import { normalizeSpace } from "./thai";

export type ItemKind = "project" | "activity" | "measure" | "guideline";

export const ITEM_KINDS: readonly ItemKind[] = ["project", "activity", "measure", "guideline"];

/** The canonical Thai word of each kind, as names and dropdowns write it. */
export const KIND_WORD: Readonly<Record<ItemKind, string>> = {
  project: "โครงการ",
  activity: "กิจกรรม",
  measure: "มาตรการ",
  guideline: "แนวปฏิบัติงาน",
};

export function kindFromWord(word: string): ItemKind | undefined {
  const w = normalizeSpace(word);
  return ITEM_KINDS.find((k) => KIND_WORD[k] === w);
}

/** Item numbering printed before a name: "1)", "๕.", "๒.๒.๑ (๑)", "1.1.3", "(2)". */
const LEADING_NUMBERING = /^(?:[\s(]*[0-9๐-๙]+(?:\.[0-9๐-๙]+)*[).]?\s*)+/;

/** The name without the numbering in front of it, white space normalised. */
export function stripNumbering(name: string): string {
  return normalizeSpace(name.replace(LEADING_NUMBERING, ""));
}

/** Longest word first, so that no kind word shadows another (sorted once: every item's name is looked at). */
const KINDS_LONGEST_WORD_FIRST: readonly ItemKind[] = [...ITEM_KINDS].sort((a, b) => KIND_WORD[b].length - KIND_WORD[a].length);

/**
 * The kind word at the start of an item's name, after any numbering and opening quotes:
 * "๑.๑.๒ มาตรการส่งเสริม…" → measure. Undefined when the name starts with no kind word.
 */
export function kindOfName(name: string): ItemKind | undefined {
  const text = stripNumbering(name).replace(/^["“'‘«]+/, "");
  for (const kind of KINDS_LONGEST_WORD_FIRST) {
    if (text.startsWith(KIND_WORD[kind])) return kind;
  }
  return undefined;
}
