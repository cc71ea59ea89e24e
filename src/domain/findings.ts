/** A located problem found in a workbook: what, where, and what was expected, in Thai and English. */
import { columnNumber, parseArea } from "./a1";

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

/** Where a finding is, for sorting: its cell's (or area's top-left) row and column, else its row. */
function position(f: Finding): [number, number] {
  const area = f.location.cell ? parseArea(f.location.cell) : undefined;
  if (area) return [area.top, area.left];
  const col = f.location.cell ? columnNumber(f.location.cell.replace(/\d+/g, "")) : 0;
  return [f.location.row ?? 0, col];
}

/** Findings in sheet order, then by position, then errors before warnings, else as found. */
export function sortFindings(findings: readonly Finding[], sheetOrder: readonly string[]): Finding[] {
  const order = (sheet: string) => {
    const i = sheetOrder.indexOf(sheet);
    return i === -1 ? sheetOrder.length : i;
  };
  return findings
    .map((f, i) => ({ f, i, pos: position(f) }))
    .sort((a, b) =>
      order(a.f.location.sheet) - order(b.f.location.sheet) ||
      a.pos[0] - b.pos[0] || a.pos[1] - b.pos[1] ||
      SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] || a.i - b.i)
    .map((x) => x.f);
}
