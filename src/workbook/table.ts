/** Reading a table sheet: find the header row and columns by their text, then walk the records. */
import type { Bilingual, Finding, Severity } from "../domain/findings";
import { msg } from "../domain/messages";
import { foldForMatch } from "../domain/thai";
import { address } from "./a1";
import { displayCell, type Parsed } from "./cells";
import { type CellValue, isBlank, isCellError, type SheetGrid } from "./grid";
import type { ColumnDef, TableSheetDef } from "./schema";

const HEADER_SEARCH_ROWS = 10;
/** Longer texts are data, not headers: not worth folding. */
const MAX_HEADER_LENGTH = 80;

export interface TableLayout {
  /** 0-based index of the header row. */
  readonly headerRow: number;
  /** column key → 0-based column index */
  readonly columns: ReadonlyMap<string, number>;
  /** Columns whose header is not part of the template: kept in the sheet, ignored by the reader. */
  readonly extraHeaders: readonly string[];
}

export function headerMatches(def: ColumnDef, header: string): boolean {
  const h = foldForMatch(header);
  if (h === "") return false;
  return [def.th, def.en, ...(def.variants ?? [])].some((t) => foldForMatch(t) === h);
}

export function findLayout(
  grid: SheetGrid,
  columns: readonly ColumnDef[],
  isKnownExtra: (header: string) => boolean = () => false,
): TableLayout {
  let best: { row: number; map: Map<string, number> } = { row: 0, map: new Map() };
  // every accepted spelling folded once; each candidate cell folded once (this runs on every read)
  const spellings = new Map<string, ColumnDef[]>();
  for (const d of columns) {
    for (const t of [d.th, d.en, ...(d.variants ?? [])]) {
      const f = foldForMatch(t);
      spellings.set(f, [...(spellings.get(f) ?? []), d]);
    }
  }
  const rows = Math.min(HEADER_SEARCH_ROWS, grid.rows.length);
  for (let r = 0; r < rows; r++) {
    const map = new Map<string, number>();
    (grid.rows[r] ?? []).forEach((cell, c) => {
      if (typeof cell !== "string" || cell.length > MAX_HEADER_LENGTH) return;
      const def = spellings.get(foldForMatch(cell))?.find((d) => !map.has(d.key));
      if (def) map.set(def.key, c);
    });
    if (map.size > best.map.size) best = { row: r, map };
  }
  const known = new Set(best.map.values());
  const extraHeaders = (grid.rows[best.row] ?? [])
    .map((cell, c) => ({ cell, c }))
    .filter(({ cell, c }) => typeof cell === "string" && cell.trim() !== "" && !known.has(c) && !isKnownExtra(cell))
    .map(({ cell }) => String(cell));
  return { headerRow: best.row, columns: best.map, extraHeaders };
}

export function missingColumnFindings(grid: SheetGrid, def: TableSheetDef, layout: TableLayout): Finding[] {
  return def.columns
    .filter((c) => c.required && !layout.columns.has(c.key))
    .map((c) => ({
      rule: "P1",
      severity: "error" as const,
      message: msg.missingColumn(grid.name, c.th, c.en),
      location: { sheet: grid.name, row: layout.headerRow + 1 },
    }));
}

export function mergedCellFindings(grid: SheetGrid): Finding[] {
  return grid.merges.map((range) => ({
    rule: "X3",
    severity: "warning" as const,
    message: msg.mergedInput(range),
    location: { sheet: grid.name, cell: range.split(":")[0] as string },
    found: range,
  }));
}

/**
 * One record (sheet row) being read. Every problem becomes a located finding; a bad cell reads as
 * undefined so one typo never hides the rest of the row.
 */
export class RecordCursor {
  /** The row's cells, looked up once for all the fields read from it. */
  private readonly cells: readonly CellValue[];

  constructor(
    readonly grid: SheetGrid,
    /** 0-based row index */
    readonly row0: number,
    private readonly columns: ReadonlyMap<string, number>,
    private readonly headers: ReadonlyMap<string, string>,
    private readonly findings: Finding[],
  ) {
    this.cells = grid.rows[row0] ?? [];
  }

  get rowNumber(): number {
    return this.row0 + 1;
  }

  raw(key: string): CellValue {
    const c = this.columns.get(key);
    return c === undefined ? null : (this.cells[c] ?? null);
  }

  /** The cell in a 0-based column of the row, null when empty. */
  cellAt(col: number): CellValue {
    return this.cells[col] ?? null;
  }

  cellAddress(key: string): string {
    const c = this.columns.get(key);
    return c === undefined ? `A${this.rowNumber}` : address(this.rowNumber, c + 1);
  }

  /**
   * The cell, or null after reporting a formula error in it. `cell` is the cell when the caller has
   * looked it up already (a sheet's readers know their columns).
   */
  value(key: string, cell: CellValue = this.raw(key)): CellValue {
    if (isCellError(cell)) {
      this.report(key, "X2", msg.formulaError(cell.error), cell);
      return null;
    }
    return cell;
  }

  read<T>(key: string, parse: (v: CellValue) => Parsed<T>, defaultRule = "X1", cell: CellValue = this.raw(key)): T | undefined {
    const v = this.value(key, cell);
    const p = parse(v);
    if (p.ok) {
      if (p.warning) this.report(key, p.warning.rule, msg.tooManyDecimals(this.headers.get(key) ?? key), v, p.warning.expected, undefined, "warning");
      return p.value;
    }
    this.report(key, p.rule ?? defaultRule, p.message ?? msg.badValue(this.headers.get(key) ?? key), v, p.expected, p.suggestion);
    return undefined;
  }

  report(key: string, rule: string, message: Bilingual, found: CellValue, expected?: Bilingual, suggestion?: string, severity: Severity = "error"): void {
    this.findings.push({
      rule,
      severity,
      message,
      location: { sheet: this.grid.name, cell: this.cellAddress(key) },
      found: displayCell(found),
      ...(expected ? { expected } : {}),
      ...(suggestion ? { suggestion } : {}),
    });
  }
}

/** Data rows below the header that hold anything in the given columns. */
export function dataRows(grid: SheetGrid, layout: TableLayout, keys: readonly string[], extraColumns: readonly number[] = []): number[] {
  const cols = [...keys.map((k) => layout.columns.get(k)).filter((c): c is number => c !== undefined), ...extraColumns];
  const out: number[] = [];
  for (let r = layout.headerRow + 1; r < grid.rows.length; r++) {
    const row = grid.rows[r] ?? [];
    if (cols.some((c) => !isBlank(row[c]))) out.push(r);
  }
  return out;
}
