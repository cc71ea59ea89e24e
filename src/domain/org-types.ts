/**
 * What Thai local organizations are called, written once (issue 17): the five types' full names as
 * titles print them, the abbreviations officers type, the words for their executive, and how to find
 * a type at the start of a name or an organization named in running text. The settings' closed list
 * (lists.ts ORG_TYPES), the memo's titles, the importers, the name matching and the T-rules all read it.
 */

export type LocalOrgType = "sao" | "pao" | "subdistrictMunicipality" | "townMunicipality" | "cityMunicipality";

export interface OrgTypeNames {
  readonly key: LocalOrgType;
  /** As a title writes it, before the place: "องค์การบริหารส่วนตำบล" นาสะเม็ง. */
  readonly full: string;
  /** As officers abbreviate it: "อบต." */
  readonly abbr: string;
  /** The executive's title before the place: นายกเทศมนตรีตำบล (seed 001 L14), นายกองค์การบริหารส่วนตำบล. */
  readonly executive: string;
}

/** Longest full name first, so that none shadows a longer one when matched at the start of a text. */
export const ORG_TYPE_NAMES: readonly OrgTypeNames[] = [
  { key: "pao", full: "องค์การบริหารส่วนจังหวัด", abbr: "อบจ.", executive: "นายกองค์การบริหารส่วนจังหวัด" },
  { key: "sao", full: "องค์การบริหารส่วนตำบล", abbr: "อบต.", executive: "นายกองค์การบริหารส่วนตำบล" },
  { key: "subdistrictMunicipality", full: "เทศบาลตำบล", abbr: "ทต.", executive: "นายกเทศมนตรีตำบล" },
  { key: "townMunicipality", full: "เทศบาลเมือง", abbr: "ทม.", executive: "นายกเทศมนตรีเมือง" },
  { key: "cityMunicipality", full: "เทศบาลนคร", abbr: "ทน.", executive: "นายกเทศมนตรีนคร" },
];

/** Words documents also use for the type: the bare "เทศบาล", and a common misspelling (องค์กร for องค์การ). */
export const LOOSE_ORG_TYPE_WORDS: readonly string[] = ["เทศบาล", "องค์กรบริหารส่วนตำบล"];

const escape = (s: string) => s.replace(/\./g, "\\.");

/** An abbreviation at the start of a name, with or without its dot and spaces after it ("อบต. นาสะเม็ง", "อบต นาสะเม็ง"). */
const ABBR_AT_START = ORG_TYPE_NAMES.map((t) => ({ t, re: new RegExp(`^${escape(t.abbr).replace(/\\\.$/, "\\.?")}\\s*`) }));

/** "อบต.นาสะเม็ง" → "องค์การบริหารส่วนตำบลนาสะเม็ง": titles are written out in full. Other names unchanged. */
export function expandOrgName(name: string): string {
  const t = name.trim();
  for (const { t: type, re } of ABBR_AT_START) {
    // the bare "ทต" without its dot is too short to be sure of; the two อบ- forms are not
    if (re.test(t) && (type.abbr.startsWith("อบ") || t.startsWith(type.abbr))) return t.replace(re, type.full);
  }
  return t;
}

/** The type a name starts with, full or abbreviated; undefined for anything else. */
export function orgTypeOfName(name: string): OrgTypeNames | undefined {
  const full = expandOrgName(name).replace(/\s+/g, "");
  return ORG_TYPE_NAMES.find((t) => full.startsWith(t.full));
}

/** The place of an organization's name: "อบต.นาสะเม็ง", "องค์การบริหารส่วนตำบล นาสะเม็ง" → "นาสะเม็ง". */
export function placeOfOrg(name: string): string {
  const full = expandOrgName(name.replace(/[\s\u00a0]+/g, ""));
  const words = [...ORG_TYPE_NAMES.map((t) => t.full), ...LOOSE_ORG_TYPE_WORDS].sort((a, b) => b.length - a.length);
  const word = words.find((w) => full.startsWith(w));
  return word ? full.slice(word.length) : full;
}

/** An organization named in running text by its full type word and place: "…ของเทศบาลตำบลก้อ อำเภอลี้" → เทศบาลตำบลก้อ. */
export const ORG_NAME_IN_TEXT = new RegExp(`(${ORG_TYPE_NAMES.map((t) => t.full).join("|")})[\\u0e00-\\u0e7f]+`);

/** Every way the types are written, full and abbreviated, for scanning texts (longest first). */
export const ORG_TYPE_SPELLINGS: readonly { readonly text: string; readonly type: LocalOrgType }[] = [
  ...ORG_TYPE_NAMES.map((t) => ({ text: t.full, type: t.key })),
  ...ORG_TYPE_NAMES.map((t) => ({ text: t.abbr, type: t.key })),
].sort((a, b) => b.text.length - a.text.length);
