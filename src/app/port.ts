/**
 * The small workbook port every host implements (Excel through office-js, .xlsx files through exceljs).
 * Use cases speak only to this; nothing above `hosts/` knows which host it runs on.
 */
import type { CellInput, SheetVisibility, WorkbookGrids, WorkbookSpec } from "../workbook/grid";

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
}
