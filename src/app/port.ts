/**
 * The small workbook port every host implements (Excel through office-js, .xlsx files through exceljs).
 * Use cases speak only to this; nothing above `hosts/` knows which host it runs on.
 */
import type { CellInput, CellValue, SheetVisibility, WorkbookGrids, WorkbookSpec } from "../workbook/grid";

export interface SheetInfo {
  readonly name: string;
  readonly visibility: SheetVisibility;
}

export type ExistingSheetPolicy =
  /** Refuse to write when any sheet of the spec already exists: nothing the user made is overwritten. */
  | "refuse"
  /** Replace sheets of the same name (generated sheets only). */
  | "replace";

export class SheetConflictError extends Error {
  constructor(readonly sheets: readonly string[]) {
    super(`sheets already exist: ${sheets.join(", ")}`);
    this.name = "SheetConflictError";
  }
}

/**
 * A row no longer holds what the caller read (another writer changed it, or rows above it moved): the
 * rewrite or removal was refused and nothing was written. `found` is the row as it is now.
 */
export class RowChangedError extends Error {
  constructor(readonly sheet: string, readonly row: number, readonly found: readonly CellValue[]) {
    super(`${sheet}!${row} changed since it was read / แถว ${row} ของแผ่นงาน ${sheet} ถูกแก้ไขหลังจากที่อ่านไว้`);
    this.name = "RowChangedError";
  }
}

/**
 * A cell of a row being rewritten: a value to write (null clears the cell), or KEEP_CELL to leave the
 * cell as it is (its formula, the user's own columns).
 */
export const KEEP_CELL = undefined;
export type RewriteCell = CellInput | typeof KEEP_CELL;

/**
 * What a row must still hold for a rewrite or removal to go ahead: its cells from column A as the host's
 * readGrids gave them (a formula cell as its value). Compared cell by cell, blanks equal; cells past
 * the end of the array are not compared.
 */
export type ExpectedRow = readonly CellValue[];

/** The comparison both hosts make before a rewrite or removal (dates by time, errors by code, blank = blank). */
export function sameRow(found: readonly CellValue[], expected: ExpectedRow): boolean {
  const blank = (v: CellValue | undefined) => v === null || v === undefined || v === "";
  const key = (v: CellValue | undefined): string =>
    blank(v) ? "" : v instanceof Date ? `d${v.getTime()}` : typeof v === "object" && v !== null ? `e${v.error}` : `${typeof v}:${String(v)}`;
  for (let c = 0; c < expected.length; c++) if (key(found[c]) !== key(expected[c])) return false;
  return true;
}

/** How far a long host action is: `done` of `total` steps (Excel: round trips). */
export type Progress = (done: number, total: number) => void;

export interface ReadOptions {
  /**
   * The sheets whose cells are wanted; the others come back with no rows (they still show that they
   * exist). In Excel the generated report sheets are most of a workbook's bytes and need not be read to
   * check or report on the plan. Every sheet when absent.
   */
  readonly cellsOf?: (sheet: SheetInfo) => boolean;
  readonly progress?: Progress;
}

export interface WriteOptions {
  readonly progress?: Progress;
}

export interface WorkbookPort {
  /**
   * Every sheet's used cells from A1, merges and defined names. In Excel: a few round trips for the
   * sheet list and sizes, then as many as the bytes need (each within Excel's payload limit).
   */
  readGrids(options?: ReadOptions): Promise<WorkbookGrids>;
  listSheets(): Promise<SheetInfo[]>;
  /**
   * Renders sheet descriptions. In Excel: round trips grow with the bytes written, never with a loop
   * over items; sheets being replaced are swapped only once their replacements are complete, so a
   * failure leaves the old ones in place.
   */
  writeSheets(spec: WorkbookSpec, policy: ExistingSheetPolicy, options?: WriteOptions): Promise<void>;
  /**
   * Writes rows below the used rows of an existing sheet, starting at `firstRow` (1-based), and touches
   * nothing else: how consolidation adds monthly rows without rewriting what users typed. In Excel:
   * one sync, whatever the number of rows.
   */
  appendRows(sheet: string, firstRow: number, rows: readonly (readonly CellInput[])[]): Promise<void>;
  /**
   * Rewrites the cells of one row of an existing sheet (1-based `row`, `cells[0]` in column A) once the
   * row is found to still hold `expect`; KEEP_CELL cells (and every cell past the array) are left as
   * they are. Throws RowChangedError, writing nothing, when the row differs. In Excel: the row read,
   * the write, events back on (roundTrips().rewrite).
   */
  rewriteRow(sheet: string, row: number, cells: readonly RewriteCell[], expect: ExpectedRow): Promise<void>;
  /**
   * Deletes one row of an existing sheet, the rows below moving up (formulas that point below follow
   * them), once the row is found to still hold `expect`; else RowChangedError and nothing removed. In
   * Excel: the row read, the deletion, events back on (roundTrips().remove).
   */
  removeRow(sheet: string, row: number, expect: ExpectedRow): Promise<void>;
}
