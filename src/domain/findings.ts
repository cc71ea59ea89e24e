/** A located problem found in a workbook: what, where, and what was expected, in Thai and English. */

export type Severity = "error" | "warning" | "info";

export interface Bilingual {
  readonly th: string;
  readonly en: string;
}

export interface CellLocation {
  readonly sheet: string;
  /** A1 address of the cell, when the problem is one cell. */
  readonly cell?: string;
  /** 1-based row, when the problem is a whole row. */
  readonly row?: number;
}

export interface Finding {
  /** Stable id from DOMAIN.md (S1, P1, B1, …) or a reader id (X…) for the shape of the workbook. */
  readonly rule: string;
  readonly severity: Severity;
  readonly message: Bilingual;
  readonly location: CellLocation;
  /** The value found, as text. */
  readonly found?: string;
  readonly expected?: Bilingual;
  readonly suggestion?: string;
}

export function describeLocation(loc: CellLocation): string {
  if (loc.cell) return `${loc.sheet}!${loc.cell}`;
  if (loc.row) return `${loc.sheet} แถว ${loc.row}`;
  return loc.sheet;
}

export const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };
