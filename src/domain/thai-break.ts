/**
 * Where a line of Thai may break (issue 16). Thai puts no spaces between words, so a browser breaks it with
 * ICU's dictionary — and the ICU of Debian's Chromium and of Node (78) cuts the product's own words in the
 * middle: "ผลก|ระ|ทบ" (ผลกระทบ), "เม|ทริกซ์" (เมทริกซ์), "ธร|รมาภิ|บาล" (ธรรมาภิบาล), "อา|รบิก" (อารบิก),
 * "บูรณ|า|การ" (บูรณาการ), "อย่าง|น้อยห|นึ่ง", and splits compounds a Thai reader keeps on one line:
 * "ดำเนิน|การ", "งบ|ประมาณ", "แผ่น|งาน", "ตรวจ|สอบ". So the segments of `Intl.Segmenter` are corrected by a
 * glossary of the words the pane shows: no break inside a glossary word, a break at each of its ends.
 *
 * Why not a dictionary library: `wordcut` (the maintained npm one) ships a 200 KB LGPL dictionary read
 * with `fs` at start-up, and still cuts "ดำเนิน|การ" — the pane would carry the dictionary into the first
 * paint and still need this glossary. The browser already has ICU's dictionary; what it lacks is ~100 words.
 */

/**
 * The product's words that ICU 78 splits (measured over i18n.ts, messages.ts, the rules' titles and messages,
 * the risk library and the closed lists: `test/taskpane/thai-text.test.tsx` keeps the measurement). Real
 * words only, three letters or more: a glossary word also adds a break at its ends, inside a longer word.
 */
export const PRODUCT_WORDS: readonly string[] = [
  // cut inside a syllable by ICU
  "ผลกระทบ", "กระทบ", "เมทริกซ์", "ธรรมาภิบาล", "อารบิก", "บูรณาการ", "หนึ่ง",
  // the plan, its work and its money
  "ดำเนินการ", "ดำเนินงาน", "ปฏิบัติการ", "งบประมาณ", "เบิกจ่าย", "รายจ่าย", "รายได้", "ข้อบัญญัติ", "ประจำปี",
  "วงเงิน", "การเงิน", "การคลัง", "ร้อยละ", "ผลรายเดือน", "รายเดือน", "ทั้งสิ้น", "ไตรมาส", "โครงการ", "กิจกรรม", "มาตรการ",
  // the workbook and the pane
  "แผ่นงาน", "สมุดงาน", "ตรวจสอบ", "ผิดพลาด", "ถูกต้อง", "ครบถ้วน", "ขัดแย้ง", "ขั้นตอน", "รายละเอียด",
  "รูปแบบ", "หัวเรื่อง", "ช่องว่าง", "เริ่มต้น", "ใช้งาน", "เพิ่มเติม", "เพียงพอ", "เหมาะสม", "ข้อสังเกต",
  "หน่วยงาน", "เจ้าหน้าที่", "รับผิดชอบ", "มอบหมาย", "แต่งตั้ง", "เป้าหมาย", "หลักเกณฑ์", "หลักฐาน",
  // the frameworks and the risk library
  "ท้องถิ่น", "ร้องเรียน", "ร้องทุกข์", "เรื่องราว", "เผยแพร่", "เปิดเผย", "ส่งเสริม", "เสริมสร้าง",
  "ทับซ้อน", "ผู้ประกอบการ", "ผู้รับจ้าง", "ส่วนร่วม", "ส่วนตัว", "พวกพ้อง", "หลากหลาย", "เท่าเทียม",
  "เดินทาง", "ล้าหลัง", "วิธีการ", "ใบอนุญาต", "ใบเสร็จ", "ของขวัญ", "เงินเดือน", "ปานกลาง", "ความเสี่ยง",
];

/** Thai letters, vowels, tone marks and digits. */
const THAI = /[\u0e01-\u0e5b]/;
/** Characters a line may not start with: Thai vowels and marks written above, below or after a consonant. */
const COMBINING = { test: (c: string): boolean => {
  const code = c.charCodeAt(0);
  return (code >= 0x0e30 && code <= 0x0e3a) || code === 0x0e45 || (code >= 0x0e47 && code <= 0x0e4e);
} };
/** Thai vowels written before their consonant: a line may not end on one. */
const LEADING_VOWEL = /[\u0e40-\u0e44]/;
/** A letter, mark or digit of any script: a break between two of them is one the browser would not make. */
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;

type SegmenterLike = { segment(text: string): Iterable<{ index: number }> };

function makeSegmenter(): SegmenterLike | undefined {
  const Seg = (Intl as { Segmenter?: new (lang: string, o: { granularity: "word" }) => SegmenterLike }).Segmenter;
  return Seg ? new Seg("th", { granularity: "word" }) : undefined;
}

/** Longest words first, so "ผลกระทบ" wins over "กระทบ" where both match. */
function glossaryPattern(words: readonly string[]): RegExp {
  const sorted = [...new Set(words)].sort((a, b) => b.length - a.length);
  return new RegExp(sorted.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"), "g");
}

export interface ThaiBreaker {
  /** Whether this breaker cuts Thai at all (false without Intl.Segmenter: then leave breaking to the browser). */
  readonly active: boolean;
  /** Whether the text has Thai in it that this breaker cuts. */
  cuts(text: string): boolean;
  /** The text cut where a line may break; joined, the pieces are the text. One piece when nothing Thai is in it. */
  pieces(text: string): readonly string[];
}

/**
 * A breaker over a glossary. `segmenter` is for tests (undefined: no `Intl.Segmenter`, as in Firefox before
 * 125 — the text stays whole and the browser breaks it as it can).
 */
export function thaiBreaker(words: readonly string[] = PRODUCT_WORDS, segmenter: SegmenterLike | undefined = makeSegmenter()): ThaiBreaker {
  const pattern = glossaryPattern(words);
  // the pane words the same messages again after each check: a bounded cache keeps a re-render cheap
  const cache = new Map<string, readonly string[]>();
  const CACHE_MAX = 2000;

  const cut = (text: string): readonly string[] => {
    if (!segmenter || !THAI.test(text)) return [text];
    const breaks = new Set<number>();
    for (const s of segmenter.segment(text)) if (s.index > 0) breaks.add(s.index);
    for (const m of text.matchAll(pattern)) {
      const start = m.index;
      const end = start + m[0].length;
      // a match that would leave a mark or a leading vowel on the wrong side of a break is not a word here
      if (start > 0 && LEADING_VOWEL.test(text.charAt(start - 1))) continue;
      if (end < text.length && COMBINING.test(text.charAt(end))) continue;
      for (let i = start + 1; i < end; i++) breaks.delete(i);
      if (start > 0) breaks.add(start);
      if (end < text.length) breaks.add(end);
    }
    const pieces: string[] = [];
    let from = 0;
    for (const at of [...breaks].sort((a, b) => a - b)) {
      const before = text.charAt(at - 1);
      const after = text.charAt(at);
      // only breaks inside a run of letters need marking: at spaces and punctuation the browser breaks anyway,
      // and a mark before ")" or "," would let a line start with it
      if (!WORD_CHAR.test(before) || !WORD_CHAR.test(after) || !(THAI.test(before) || THAI.test(after))) continue;
      if (COMBINING.test(after) || LEADING_VOWEL.test(before)) continue;
      pieces.push(text.slice(from, at));
      from = at;
    }
    pieces.push(text.slice(from));
    return pieces;
  };

  return {
    active: segmenter !== undefined,
    cuts: (text) => segmenter !== undefined && THAI.test(text),
    pieces(text) {
      const hit = cache.get(text);
      if (hit) return hit;
      const out = cut(text);
      if (cache.size >= CACHE_MAX) cache.clear();
      cache.set(text, out);
      return out;
    },
  };
}

/** The pane's breaker over the product glossary. */
export const thaiBreaks: ThaiBreaker = thaiBreaker();
