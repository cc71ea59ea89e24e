/** Text rules (T): names of other organizations left in copied text; text that spreadsheets would read as a formula. */
import type { OrgType } from "../../lists";
import { ORG_TYPE_SPELLINGS } from "../../org-types";
import { findInTexts } from "../facts";
import { defineRule, found } from "../rule";

/** Organization-type words as they are written, longest first so that none shadows a longer one. */
const ORG_PREFIXES: readonly { text: string; type: OrgType | "subdistrict" }[] = [
  ...ORG_TYPE_SPELLINGS,
  // the subdistrict itself: any organization type in it is fine, another subdistrict is not
  { text: "ตำบล", type: "subdistrict" },
];

/** Words that follow an organization-type word when the text means "the organization", not a name. */
const GENERIC_STARTS = new RegExp(
  "^(เป็น|มอบหมาย|มี|จำนวน|ได้|จะ|ซึ่ง|โดย|ให้|ทุก|ต่าง|ใน|และ|หรือ|อื่น|ของ|ที่|นี้|นั้น|กับ|เพื่อ|ต้อง|ควร|จัด|ดำเนิน|สามารถ|ยัง|แห่ง|" +
    "ส่วน|ตาม|ปลัด|นายก|สมาชิก|ผู้|พนักงาน|ข้าราชการ|เจ้าหน้าที่|ประชาชน|หมู่|ทั่ว|ทั้ง|ดัง|จึง|แล้ว|ไม่|เอง|ใด|ฯ|รับ|ส่ง|แต่|ก็|อีก|เช่น|คือ|ว่า|ตลอด|เขต|พื้นที่|" +
    "ถือ|ทำ|ออก|กลุ่ม|ฉบับ|ร่วม|เข้า|ดูแล|ประกาศ|แต่งตั้ง|กำหนด|บริหาร|พัฒนา|สนับสนุน|ส่งเสริม|ขอ|เห็น|มุ่ง|คำนึง|รายงาน|ประชาสัมพันธ์|" +
    "อนุมัติ|สั่ง|ตรวจ|ติดตาม|ประเมิน|ปฏิบัติ|สำนัก|กอง|งาน|โครงการ|กิจกรรม|มาตรการ|แผน|คณะ|ประจำ|เอกสาร|ระเบียบ|ข้อ|หน่วย|บุคลากร)",
);

/** A cheap test that rules out most texts before the full scan. */
const MAY_NAME_ORG = /ตำบล|เทศบาล|อบ[ตจ]\.|ท[ตมน]\./;
const PREFIX_PATTERN = new RegExp(ORG_PREFIXES.map((p) => p.text.replace(/\./g, "\\.")).join("|"), "g");
const PREFIXES_BY_TEXT = new Map(ORG_PREFIXES.map((p) => [p.text, p]));

/** Words that end a place name run into the next word ("หนองปลับเข้าร่วม"): cut there for display. */
const NAME_END = /(เข้า|ร่วม|จัด|ได้|มี|เป็น|และ|ของ|ที่|ใน|โดย|ให้|จะ|ซึ่ง|เพื่อ|กับ|อำเภอ|จังหวัด|หมู่|ประจำ|ดำเนิน|ความ)/g;

/** Tone marks and the like: "ก่อ" for "ก้อ", "นาสะเม้ง" for "นาสะเม็ง" are the organization's own name mistyped. */
const withoutMarks = (s: string) => s.replace(/[\u0e47-\u0e4c]/g, "");

function placeName(run: string): string {
  for (const m of run.matchAll(NAME_END)) if ((m.index ?? 0) >= 2) return run.slice(0, m.index);
  return run.slice(0, 20);
}

/** The organization's own name without its type word: "เทศบาลตำบลก้อ" → "ก้อ". */
export function coreName(orgName: string): string {
  let name = orgName.replace(/\s+/g, "");
  for (const p of ORG_PREFIXES) {
    if (name.startsWith(p.text)) {
      name = name.slice(p.text.length);
      break;
    }
  }
  return name;
}

export interface OrgMention {
  readonly text: string;
  readonly index: number;
}

/** Does `text` start with `bare` when its tone marks (U+0E47–U+0E4C) are left out? `bare` has none. */
function startsWithoutMarks(text: string, bare: string): boolean {
  let i = 0;
  for (let k = 0; k < bare.length; k++, i++) {
    while (i < text.length && text.charCodeAt(i) >= 0x0e47 && text.charCodeAt(i) <= 0x0e4c) i++;
    if (text.charCodeAt(i) !== bare.charCodeAt(k)) return false;
  }
  return true;
}

/** Finds the mentions of other organizations in a text; see foreignOrgMentions. */
export type OrgMentionFinder = (text: string) => OrgMention[];

/**
 * foreignOrgMentions for one organization, its name taken apart once rather than for every text (the
 * text rules scan tens of thousands of them).
 */
export function orgMentionFinder(orgName: string, orgType: OrgType | undefined, district = ""): OrgMentionFinder {
  const core = coreName(orgName);
  const bareCore = withoutMarks(core);
  if (core.length < 2) return () => [];
  return (text) => {
    if (!MAY_NAME_ORG.test(text)) return [];
    const out: OrgMention[] = [];
    // words broken across lines by a hyphen in converted documents: "องค์การบริหาร- ส่วนตำบลก้อ"
    if (text.includes("-")) text = text.replace(/([\u0e00-\u0e7f])-\s+(?=[\u0e00-\u0e7f])/g, "$1");
    // one regex pass finds every type word (alternatives in ORG_PREFIXES order: longest first); exec
    // on the one global pattern, as matchAll would copy the pattern for every text
    PREFIX_PATTERN.lastIndex = 0;
    for (let m = PREFIX_PATTERN.exec(text); m !== null; m = PREFIX_PATTERN.exec(text)) {
      const i = m.index;
      const p = PREFIXES_BY_TEXT.get(m[0]) as (typeof ORG_PREFIXES)[number];
      const after = text.slice(i + p.text.length);
      const ours = after.startsWith(core) || startsWithoutMarks(after, bareCore);
      const wrongType = ours && p.type !== "subdistrict" && orgType !== undefined && p.type !== orgType;
      // our own name under our own type, the common case, is settled without looking at the words
      if (ours && !wrongType) continue;
      const name = /^[\u0e00-\u0e7f]+/.exec(after)?.[0] ?? "";
      // Thai writes no spaces between words, so "องค์การบริหารส่วนตำบลมอบหมายให้…" is the organization
      // doing something, not one named มอบหมาย: a name right after the type word is one that does not
      // start with a common word, and a space after the type word means no name follows.
      const generic = name.length < 2 || GENERIC_STARTS.test(name) || (district !== "" && name.startsWith(district));
      if (!generic) out.push({ text: `${p.text}${placeName(name)}`, index: i });
    }
    return out;
  };
}

/**
 * Mentions of an organization other than ours: a type word followed by a name that is not our name,
 * or our name under another organization type (seed 001: "องค์การบริหารส่วนตำบลก้อ" in เทศบาลตำบลก้อ's report).
 */
export function foreignOrgMentions(text: string, orgName: string, orgType: OrgType | undefined, district = ""): OrgMention[] {
  return orgMentionFinder(orgName, orgType, district)(text);
}

export const T1 = defineRule({
  id: "T1",
  severity: "warning",
  title: { th: "ข้อความกล่าวถึงหน่วยงานอื่น", en: "Text names another organization" },
  *check(ctx) {
    const { orgName, orgType, district } = ctx.wb.settings;
    if (!orgName) return;
    const mentions = orgMentionFinder(orgName, orgType, district);
    const named = findInTexts(ctx.wb, (text) => {
      const ms = mentions(text);
      return ms.length > 0 ? ms : undefined;
    });
    for (const { field: f, hit } of named) {
      for (const m of hit) {
        yield found(this, ctx.at.field(f.table, f.at, f.field), {
          th: `ข้อความกล่าวถึง "${m.text}" ซึ่งไม่ใช่${orgName} — อาจคัดลอกมาจากหน่วยงานอื่น`,
          en: `The text names "${m.text}", which is not ${orgName}; it may have been copied from another organization`,
        }, { found: m.text, suggestion: orgName });
      }
    }
  },
});

/** /^[=+@]|^-\S/ without a regular expression: the test runs on every text. */
function likeFormula(text: string): boolean {
  const first = text[0];
  if (first === "=" || first === "+" || first === "@") return true;
  return first === "-" && text.length > 1 && !/\s/.test(text[1] as string);
}

export const T2 = defineRule({
  id: "T2",
  severity: "info",
  title: { th: "ข้อความที่ขึ้นต้นเหมือนสูตร (เก็บเป็นข้อความ)", en: "Text that starts like a formula (kept as text)" },
  *check(ctx) {
    for (const { field: f } of findInTexts(ctx.wb, (text) => (likeFormula(text) ? true : undefined))) {
      yield found(this, ctx.at.field(f.table, f.at, f.field), {
        th: "ข้อความขึ้นต้นด้วย =, +, - หรือ @ ซึ่งโปรแกรมตารางคำนวณอาจอ่านเป็นสูตร สุจริตเก็บไว้เป็นข้อความ",
        en: "The text starts with =, +, - or @, which spreadsheets may read as a formula; Sujarit keeps it as text",
      }, { found: f.text.slice(0, 40) });
    }
  },
});

export const TEXT_RULES = [T1, T2];
