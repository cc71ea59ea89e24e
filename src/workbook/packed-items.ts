/**
 * Cells that pack several plan items, every way people write them: one item a line, or all of them on
 * one line as text copied out of a PDF or a Word cell keeps them ("1) มาตรการ… 2) โครงการ… 3) กิจกรรม…").
 *
 * A numbering token in the middle of a line starts a new item when it is the next number of the
 * previous item's numbering (same style: 1) → 2), (1) → (2), 1. → 2., 1.1.1 → 1.1.2, ๑) → ๒)) or when a
 * kind word follows it — never when a word that takes a number stands before it ("มาตรา 65 (1)",
 * "ข้อ 3)", "ระยะที่ 2", "พ.ศ. 2560") or the token follows a number. Bullets (•, -, ▪) start items at
 * the start of a line, or mid-line before a kind word or after a bullet of the same kind.
 *
 * Pure.
 */
import { KIND_WORD } from "../domain/kinds";
import { toArabicDigits } from "../domain/thai";

type Style = "paren" | "close" | "dot" | "tiered" | "bullet";

interface Token {
  readonly start: number;
  readonly end: number;
  readonly style: Style;
  /** The numbers of the token: [3] for "3)", [1, 2, 4] for "1.2.4"; the bullet's character for bullets. */
  readonly value: readonly number[] | string;
}

const D = "[0-9๐-๙]";
/** At a position that is the start of the text or follows white space. */
const TOKEN_AT = new RegExp(
  `^(?:(${D}{1,2}(?:\\.${D}{1,2}){1,3})(?:\\s*\\((${D}{1,3})\\))?\\.?|\\((${D}{1,3})\\)|(${D}{1,3})\\)|(${D}{1,3})\\.(?!${D})|([•●▪◦·*\\-–]))(?=\\s*\\S)`,
  "u",
);

/** Words that take a number after them: a token after one of them is part of the text, not an item. */
const TAKES_A_NUMBER = /(?:มาตรา|ข้อ|ข้อที่|ระยะที่|ฉบับที่|ครั้งที่|รุ่นที่|หมู่ที่|ม\.|พ\.ศ\.|ปีที่|วรรค|อนุมาตรา|ชั้นที่|จำนวน|ลำดับที่|ระดับที่|บทที่|ส่วนที่|มิติที่|ข้อย่อย|และ|หรือ|ถึง|หน้า|เล่มที่)$/u;

const KIND_WORDS = Object.values(KIND_WORD);
const startsWithKindWord = (text: string) => {
  const t = text.replace(/^\s*["“'‘«]*/, "");
  return KIND_WORDS.some((w) => t.startsWith(w));
};

const num = (s: string) => Number(toArabicDigits(s));

function tokenAt(text: string, at: number): Token | undefined {
  if (at > 0 && !/\s/.test(text[at - 1] as string)) return undefined;
  const m = TOKEN_AT.exec(text.slice(at));
  if (!m) return undefined;
  const end = at + m[0].length;
  if (m[1]) return { start: at, end, style: "tiered", value: [...m[1].split(".").map(num), ...(m[2] ? [num(m[2])] : [])] };
  if (m[3]) return { start: at, end, style: "paren", value: [num(m[3])] };
  if (m[4]) return { start: at, end, style: "close", value: [num(m[4])] };
  if (m[5]) return { start: at, end, style: "dot", value: [num(m[5])] };
  return { start: at, end, style: "bullet", value: m[6] === "–" ? "-" : (m[6] as string) };
}

/** The token that numbers the next item after `prev` in the same style. */
function isNext(prev: Token, t: Token): boolean {
  if (prev.style !== t.style) return false;
  if (t.style === "bullet") return prev.value === t.value;
  const a = prev.value as readonly number[];
  const b = t.value as readonly number[];
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length - 1; i++) if (a[i] !== b[i]) return false;
  return (b[b.length - 1] as number) === (a[a.length - 1] as number) + 1;
}

/** Numbering at the start of a line: "1)", "(2)", "๓.", "1.1.3", "•", "-". */
export function leadingToken(line: string): Token | undefined {
  const t = tokenAt(line.trimStart(), 0);
  return t;
}

/**
 * A line cut where a new item starts in its middle. `prev` is the numbering of the item the line
 * continues (the previous line's), when there is one.
 */
export function splitLine(line: string, prevToken?: Token): { parts: string[]; last: Token | undefined } {
  const text = line.trim();
  let prev = prevToken;
  const first = tokenAt(text, 0);
  if (first) prev = first;
  const cuts: number[] = [];
  for (let i = 1; i < text.length; i++) {
    if (!/\s/.test(text[i - 1] as string)) continue;
    const t = tokenAt(text, i);
    if (!t) continue;
    const before = text.slice(0, i).trimEnd();
    const after = text.slice(t.end);
    const kindAfter = startsWithKindWord(after);
    const next = prev !== undefined && isNext(prev, t);
    // "มาตรา 65 (1)", "พ.ศ. 2560", "ข้อ 3)": a number or a word that takes one stands before the token
    // (unless the token is the next number and a kind word follows: "…ประจำปี 2565 2) โครงการ…")
    if ((/[0-9๐-๙]$/.test(before) || TAKES_A_NUMBER.test(before)) && !(next && kindAfter)) continue;
    // "-" in the middle of a line is mostly a dash ("ฉบับ - ประชาชน"): an item only before a kind word
    const ok = t.style === "bullet" ? kindAfter || (next && t.value !== "-") : next || kindAfter;
    if (!ok) continue;
    cuts.push(i);
    prev = t;
    i = t.end - 1;
  }
  const parts: string[] = [];
  let from = 0;
  for (const c of [...cuts, text.length]) {
    const part = text.slice(from, c).trim();
    if (part !== "") parts.push(part);
    from = c;
  }
  return { parts, last: prev };
}

/** Whether a line starts an item: numbering (or a bullet) followed by text. */
export function startsWithNumbering(line: string): boolean {
  return tokenAt(line.trim(), 0) !== undefined;
}

/**
 * A name that still holds another item's numbering: a numbering token followed by a kind word in the
 * middle of the name (the splitter did not cut there, e.g. after a word that takes a number).
 */
export function heldNumbering(name: string): string | undefined {
  const text = name.trim();
  for (let i = 1; i < text.length; i++) {
    if (!/\s/.test(text[i - 1] as string)) continue;
    const t = tokenAt(text, i);
    if (t && t.style !== "bullet" && startsWithKindWord(text.slice(t.end))) return text.slice(t.start, Math.min(text.length, t.end + 12)).trim();
  }
  return undefined;
}
