/**
 * How tall a wrapped cell must be: an estimate of how many lines a text takes in a column, for report
 * sheets whose merged cells Excel and LibreOffice do not fit by themselves. Measured on Laksaman (TLWG's
 * metric twin of TH SarabunPSK) at 16 pt in Chromium and in LibreOffice's PDF: Thai characters (combining
 * marks excluded) 10.2–11.2 px, Latin letters 9.7 px, digits 11.6 px, one line 26.5 pt. A column whose
 * file width is w is about 7w px in Excel (w counts digits of Calibri 11, the workbook's default font; LibreOffice
 * without Calibri draws columns about a third wider, so its rows show some extra space). The estimate
 * errs on the tall side: a little white space is better than a cut line.
 */
const COMBINING = /[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]/g;
/** Wrapping at word boundaries wastes part of each line. */
const WRAP_SLACK = 1.15;
const CELL_PADDING_PX = 8;

export function textWidthPx(text: string, sizePt: number): number {
  let px = 0;
  for (const ch of text.replace(COMBINING, "")) {
    if (/[\u0e00-\u0e7f]/.test(ch)) px += 10.4;
    else if (/[0-9]/.test(ch)) px += 11.6;
    else if (ch === " ") px += 5.5;
    else px += 9.7;
  }
  return (px * sizePt) / 16;
}

export function columnPx(widthChars: number): number {
  return Math.floor(widthChars * 7);
}

/** Lines `text` takes in a cell `widthChars` wide (every "\n" starts a line). */
export function linesFor(text: string, widthChars: number, sizePt: number): number {
  const avail = Math.max(10, columnPx(widthChars) - CELL_PADDING_PX);
  return text.split("\n").reduce((n, para) => n + Math.max(1, Math.ceil((textWidthPx(para, sizePt) * WRAP_SLACK) / avail)), 0);
}

/** Points per line of a Thai font at this size (TH Sarabun's tall line spacing). */
export function lineHeightPt(sizePt: number): number {
  return (27 * sizePt) / 16;
}

/** A row height (points) for that many lines, within Excel's 409-point limit. */
export function rowHeightPt(lines: number, sizePt: number): number {
  return Math.min(409, Math.ceil(Math.max(1, lines) * lineHeightPt(sizePt) + 4));
}
