/**
 * The text measure is cached and counts per UTF-16 unit (issue 13, speed); these compare it with the form it
 * replaced — a regular expression per code point — so that no row height, split or page break moves.
 */
import fc from "fast-check";
import { linesFor, textWidthPx } from "../../src/workbook/text-size";

/** The measure as it was before the cache (3e1b21f), kept here as the reference. */
function referenceWidthPx(text: string, sizePt: number): number {
  let px = 0;
  for (const ch of text.replace(/[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]/g, "")) {
    if (/[\u0e50-\u0e59]/.test(ch)) px += 14.4;
    else if (/[\u0e00-\u0e7f]/.test(ch)) px += 10.4;
    else if (/[0-9]/.test(ch)) px += 11.6;
    else if (ch === " ") px += 5.5;
    else if (ch === "," || ch === ".") px += 5.2;
    else px += 9.7;
  }
  return (px * sizePt) / 16;
}

function referenceLines(text: string, widthChars: number, sizePt: number): number {
  const avail = Math.max(10, Math.floor(widthChars * 7) - 8);
  return text.split("\n").reduce((n, para) => n + Math.max(1, Math.ceil((referenceWidthPx(para, sizePt) * 1.15) / avail)), 0);
}

// Thai letters and marks, digits, spaces, newlines, Latin, an emoji's halves apart and together
const unit = fc.constantFrom("ก", "ข", "ั", "ิ", "่", "้", "ำ", "า", "๑", "1", "9", " ", "\n", "a", "Z", "-", "(", "\ud83d", "\ude00", "😀", "é");
const texts = fc.array(unit, { maxLength: 120 }).map((u) => u.join(""));
const sizes = fc.constantFrom(10, 12, 14, 16, 18, 20, 24);

describe("text measure", () => {
  it("gives the same width as the uncached form, to the last bit, for any text and size", () => {
    fc.assert(fc.property(texts, sizes, (text, size) => {
      expect(textWidthPx(text, size)).toBe(referenceWidthPx(text, size));
      // asked again: the cached answer
      expect(textWidthPx(text, size)).toBe(referenceWidthPx(text, size));
    }), { numRuns: 2000 });
  });

  it("gives the same line count as the uncached form, for any text, column width and size", () => {
    fc.assert(fc.property(texts, fc.integer({ min: 0, max: 120 }), sizes, (text, width, size) => {
      expect(linesFor(text, width, size)).toBe(referenceLines(text, width, size));
    }), { numRuns: 2000 });
  });

  it("measures an amount in Thai digits as the font draws it (Laksaman 16 pt in Chromium: ๐–๙ 14.4 px, comma and full stop 5.2)", () => {
    // 20,000.00 in Thai digits is wider than in Arabic ones: a column sized for the latter prints "####" in Excel
    expect(textWidthPx("๒๐,๐๐๐.๐๐", 16)).toBeCloseTo(7 * 14.4 + 2 * 5.2, 6);
    expect(textWidthPx("๒๐,๐๐๐.๐๐", 16)).toBeGreaterThan(textWidthPx("20,000.00", 16) * 1.2);
  });

  it("counts a surrogate pair as one character, also when a combining mark stood between its halves", () => {
    expect(textWidthPx("😀", 16)).toBe(9.7);
    expect(textWidthPx("\ud83d\u0e31\ude00", 16)).toBe(9.7);
    expect(textWidthPx("\ud83d\ud83d\ude00", 16)).toBe(9.7 + 9.7);
    expect(textWidthPx("\ude00\ud83d", 16)).toBe(9.7 + 9.7);
  });

  it("keeps answering the same after the cache has been dropped (more texts than it holds)", () => {
    const first = "โครงการส่งเสริมคุณธรรม 2567";
    const before = linesFor(first, 30, 16);
    for (let i = 0; i < 210_000; i++) textWidthPx(`t${i}`, 16);
    expect(linesFor(first, 30, 16)).toBe(before);
    expect(before).toBe(referenceLines(first, 30, 16));
  });
});
