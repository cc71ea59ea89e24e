/**
 * The one page arithmetic of the report sheets (issue 13): the paper, the margins the hosts print with, the
 * scale a spreadsheet prints at to fit the columns on one page wide, how many points of rows a page holds,
 * row heights from measured text, and the flow that places rows on pages — breaks only where a group must
 * stay together (a heading with what it heads, a label run, a total with its last row, a sign-off block).
 * Every report sheet takes its paging from here, never from a sibling sheet.
 */
import { lineHeightPt, linesFor } from "../text-size";
import { REPORT_FONT } from "./style";

export type Orientation = "portrait" | "landscape";

/** A4 in points. */
export const PAPER: Readonly<Record<Orientation, { readonly width: number; readonly height: number }>> = {
  portrait: { width: 595.28, height: 841.89 },
  landscape: { width: 841.89, height: 595.28 },
};
/** The margins the hosts write (xlsx-workbook.ts, excel-host: 0.5 in left/right, 0.6 in top/bottom); the footer sits in the bottom margin. */
const MARGIN_X = 36;
const MARGIN_Y = 43.2;
/** Points kept free at the foot of every page: row heights are estimates, and a host's own break must never come first. */
export const SAFETY_PT = 8;
/** Excel's row height limit. */
export const MAX_ROW_PT = 409;
/** Rows of this height where a sheet gives none (the workbook's default, Calibri 11). */
export const DEFAULT_ROW_PT = 15;

/**
 * A column's printed width in points at 100 %: the file's width w already counts Excel's padding (ECMA-376
 * §18.3.1.13: width = (characters × digit + 5 px) / digit), so Excel draws w digits of Calibri 11 (7 px) —
 * round(7w) px at 96 px an inch (the default column, 8.43 characters, is stored as 9.140625 and drawn 64 px).
 * Counting the 5 px again (as this did until issue 13's density work) made a 12-column table 60 px too wide,
 * its scale 58 % instead of Excel's 60 %: the planned pages held 3 % more than Excel's, and Excel would break a
 * page of its own before each planned break. LibreOffice draws columns wider still (Carlito's unrounded digit,
 * 7.43 px), so it prints at a smaller scale and its pages hold about 5 % more than planned here.
 */
export function columnPt(widthChars: number): number {
  return Math.round(widthChars * 7) * 0.75;
}

/** The scale a spreadsheet prints these columns at to fit them on one page wide: whole percents, at most 100. */
export function printScale(orientation: Orientation, widths: readonly number[]): number {
  const widthPt = widths.reduce((s, w) => s + columnPt(w), 0);
  if (widthPt <= 0) return 1;
  const avail = PAPER[orientation].width - 2 * MARGIN_X;
  return Math.max(10, Math.min(100, Math.floor((100 * avail) / widthPt))) / 100;
}

/** The total column width (characters) that prints at `scale` on one page wide: wider columns print smaller. */
export function widthForScale(scale: number, orientation: Orientation): number {
  const avail = PAPER[orientation].width - 2 * MARGIN_X;
  return Math.floor((avail / scale / 0.75 / 7) * 10) / 10;
}

/** Points of rows (at 100 %) between the top and bottom margins of a page printed at `scale`. */
export function pageRowsPt(orientation: Orientation, scale: number): number {
  return (PAPER[orientation].height - 2 * MARGIN_Y) / scale;
}

/** Points of rows a page holds when these columns print one page wide, less the margin of safety. */
export function pageCapacity(orientation: Orientation, widths: readonly number[]): number {
  return Math.floor(pageRowsPt(orientation, printScale(orientation, widths))) - SAFETY_PT;
}

/** The height of `lines` lines of text at `size` pt, without Excel's cap (merged rows may be taller). */
export function textHeightPt(lines: number, size: number = REPORT_FONT.size): number {
  return Math.ceil(Math.max(1, lines) * lineHeightPt(size) + 4);
}

/** The height a text needs in a cell (or merged area) `width` characters wide. */
export function heightFor(text: string, width: number, size: number = REPORT_FONT.size): number {
  return textHeightPt(linesFor(text, width, size), size);
}

/**
 * Places rows on pages while a sheet is written and records the manual breaks. Rows flow freely (a host
 * breaks a page where it is full by itself); `keep` keeps rows together, moving them to a new page when they
 * do not fit on this one (split between rows only when taller than a page), and a page never ends with a
 * heading alone. `repeated` is the height of the print titles each following page starts with.
 */
export class PageFlow {
  readonly breaks: number[] = [];
  private usedPt: number;
  private onPage = 0;
  private pageCount = 1;

  constructor(readonly capacity: number, used = 0, private repeated = 0) {
    this.usedPt = used;
  }

  /** Points used on the current page. */
  get used(): number {
    return this.usedPt;
  }

  /** Points left on the current page. */
  get room(): number {
    return this.capacity - this.usedPt;
  }

  /** Pages started so far: the manual breaks and the ones the host makes where rows flow over a full page. */
  get pages(): number {
    return this.pageCount;
  }

  /** Rows placed on the current page below its repeated titles. */
  get rowsOnPage(): number {
    return this.onPage;
  }

  /** From now on the pages repeat rows of this height at their top (the table's header). */
  repeat(height: number): void {
    this.repeated = height;
  }

  fits(height: number): boolean {
    return this.usedPt + height <= this.capacity;
  }

  /** A manual break: row `row` starts a new page. */
  newPage(row: number): void {
    if (!this.breaks.includes(row)) {
      this.breaks.push(row);
      this.pageCount++;
    }
    this.usedPt = this.repeated;
    this.onPage = 0;
  }

  /** A break at `row` unless nothing is on the page yet. */
  breakAt(row: number): void {
    if (this.onPage === 0 && this.usedPt <= this.repeated) return;
    this.newPage(row);
  }

  /** `rows` rows of `height` points in all placed on the current page (no break considered). */
  add(height: number, rows = 1): void {
    this.usedPt += height;
    this.onPage += rows;
  }

  /** Rows flowing freely: where one does not fit, the host starts a page there by itself — counted, not broken. */
  flow(heights: readonly number[]): void {
    for (const h of heights) {
      if (!this.fits(h) && this.onPage > 0) {
        this.usedPt = this.repeated;
        this.onPage = 0;
        this.pageCount++;
      }
      this.add(h);
    }
  }

  /** Rows `first`, `first + 1`, … of these heights on one page when they fit on one (a manual break before them if needed). */
  keep(first: number, heights: readonly number[]): void {
    const total = heights.reduce((x, h) => x + h, 0);
    if (!this.fits(total) && this.onPage > 0 && this.repeated + total <= this.capacity) this.newPage(first);
    if (this.fits(total)) {
      this.add(total, heights.length);
      return;
    }
    heights.forEach((h, i) => {
      if (!this.fits(h) && this.onPage > 0) this.newPage(first + i);
      this.add(h);
    });
  }
}

/** What a sheet laid out on pages tells `balanced`: how many pages, and how full the last one is. */
export interface PagedLayout {
  readonly pages: number;
  /** Points used on the last page (its repeated titles included). */
  readonly lastUsed: number;
}

/**
 * The layout whose pages are evenly filled (issue 13): rows laid out on full pages leave whatever is over on the
 * last page — Part 1 of the sample was 11/15/10/3 item rows, the annual list's legend alone on a page. When the
 * last page is less than 80 % full, the sheet is laid out again at smaller page fills (a binary search) and the
 * smallest fill that still takes as many pages is kept: every page then holds about the same, the last one too.
 * `layOut` must place a manual break at every page end (a host breaks only full pages), and be pure.
 */
export function balanced<T extends PagedLayout>(capacity: number, layOut: (capacity: number) => T): T {
  const full = layOut(capacity);
  if (full.pages < 2 || full.lastUsed >= 0.8 * capacity) return full;
  let best = full;
  // the even fill lies above (pages − 1.5) / pages of a page (the remnant spread over the pages before it), and
  // never below half a page; whole points are fine enough — a 2,000-item Part 1 is laid out 4 more times, not 9
  let lo = Math.floor(capacity * Math.max(0.5, 1 - 1.5 / full.pages));
  let hi = capacity;
  while (hi - lo > 2) {
    const mid = Math.floor((lo + hi) / 2);
    const trial = layOut(mid);
    if (trial.pages <= full.pages) {
      best = trial;
      hi = mid;
    } else {
      lo = mid;
    }
  }
  return best;
}
