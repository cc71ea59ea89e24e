/**
 * How tall a wrapped cell must be: an estimate of how many lines a text takes in a column, for report
 * sheets whose merged cells Excel and LibreOffice do not fit by themselves. Measured on Laksaman (TLWG's
 * metric twin of TH SarabunPSK) at 16 pt in Chromium and in LibreOffice's PDF: Thai characters (combining
 * marks excluded) 10.2–11.2 px, Thai digits ๐–๙ 14.4 px (wider than the letters: an amount printed in Thai
 * digits needs a quarter more room than in Arabic ones), Latin letters 9.7 px, digits 11.6 px, comma and
 * full stop 5.2 px, one line 26.5 pt. A column whose
 * file width is w is about 7w px in Excel (w counts digits of Calibri 11, the workbook's default font; LibreOffice
 * without Calibri draws columns about a third wider, so its rows show some extra space). The estimate
 * errs on the tall side: a little white space is better than a cut line.
 */
/** Wrapping at word boundaries wastes part of each line. */
const WRAP_SLACK = 1.15;
const CELL_PADDING_PX = 8;

/**
 * Widths at 16 pt, each text measured once (issue 13: a 2,000-item report measures the same names, codes and
 * headings tens of thousands of times — 3 s of regular expressions per character). A text's paragraphs ("\n"
 * apart) are kept as one array. The cache is dropped whole when it reaches CACHE_LIMIT texts, so a long-lived
 * task pane does not grow without bound; a miss only costs the measuring again.
 */
const CACHE_LIMIT = 200_000;
let paragraphCache = new Map<string, readonly number[]>();

/** Thai combining marks (above and below vowels, tone marks, …): no width of their own. */
const isCombining = (c: number): boolean => c === 0x0e31 || (c >= 0x0e34 && c <= 0x0e3a) || (c >= 0x0e47 && c <= 0x0e4e);

/**
 * One paragraph's width at 16 pt: per code point with the combining marks left out — Thai digits 14.4 px,
 * other Thai 10.4, digits 11.6, space 5.5, comma and full stop 5.2, anything else 9.7 — added in the text's order, so the sum is the same float as the
 * regular-expression form it replaces (test/workbook/text-size.test.ts compares them). A surrogate pair is one
 * character, also when only a combining mark stood between its halves (they pair up once the mark is gone).
 */
function width16(text: string, from: number, to: number): number {
  let px = 0;
  let afterHigh = false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (isCombining(c)) continue;
    if (c >= 0xdc00 && c <= 0xdfff && afterHigh) {
      afterHigh = false; // the second half of a character already counted
      continue;
    }
    afterHigh = c >= 0xd800 && c <= 0xdbff;
    if (c >= 0x0e50 && c <= 0x0e59) px += 14.4;
    else if (c >= 0x0e00 && c <= 0x0e7f) px += 10.4;
    else if (c >= 0x30 && c <= 0x39) px += 11.6;
    else if (c === 0x20) px += 5.5;
    else if (c === 0x2c || c === 0x2e) px += 5.2;
    else px += 9.7;
  }
  return px;
}

/** The widths at 16 pt of a text's paragraphs (split at "\n"), measured once per text. */
function paragraphWidths(text: string): readonly number[] {
  let widths = paragraphCache.get(text);
  if (widths !== undefined) return widths;
  const out: number[] = [];
  let from = 0;
  for (let nl = text.indexOf("\n"); nl >= 0; nl = text.indexOf("\n", from)) {
    out.push(width16(text, from, nl));
    from = nl + 1;
  }
  out.push(width16(text, from, text.length));
  widths = out;
  if (paragraphCache.size >= CACHE_LIMIT) paragraphCache = new Map();
  paragraphCache.set(text, widths);
  return widths;
}

/** The width of `text` on one line (a "\n" counts as any other character). */
export function textWidthPx(text: string, sizePt: number): number {
  const widths = paragraphWidths(text);
  const px = widths.length === 1 ? (widths[0] as number) : width16(text, 0, text.length);
  return (px * sizePt) / 16;
}

export function columnPx(widthChars: number): number {
  return Math.floor(widthChars * 7);
}

/** Lines `text` takes in a cell `widthChars` wide (every "\n" starts a line). */
export function linesFor(text: string, widthChars: number, sizePt: number): number {
  const avail = Math.max(10, columnPx(widthChars) - CELL_PADDING_PX);
  let n = 0;
  for (const px of paragraphWidths(text)) n += Math.max(1, Math.ceil((((px * sizePt) / 16) * WRAP_SLACK) / avail));
  return n;
}

/** Points per line of a Thai font at this size (TH Sarabun's tall line spacing). */
export function lineHeightPt(sizePt: number): number {
  return (27 * sizePt) / 16;
}

/** A row height (points) for that many lines, within Excel's 409-point limit. */
export function rowHeightPt(lines: number, sizePt: number): number {
  return Math.min(409, Math.ceil(Math.max(1, lines) * lineHeightPt(sizePt) + 4));
}

/**
 * The column width (in characters of the workbook's default font, as the file stores widths) that holds each
 * text on one line at this size, and at least `atLeast`: a number must never wrap (LibreOffice breaks a number
 * in a wrapping cell, "๒๐,๐๐๐.๐|๐") nor be too wide for its column (Excel prints "###"). 5 % for bold, 16 px of
 * padding.
 */
export function charsToFit(texts: readonly string[], sizePt: number, atLeast = 0): number {
  const px = Math.max(0, ...texts.map((t) => textWidthPx(t, sizePt)));
  return Math.max(atLeast, Math.ceil((px * 1.05 + 16) / 7));
}
