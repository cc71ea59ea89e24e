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

export interface WorkbookPort {
  /** Every sheet's used cells from A1, merges and defined names. In Excel: one context.sync(). */
  readGrids(): Promise<WorkbookGrids>;
  listSheets(): Promise<SheetInfo[]>;
  /** Renders sheet descriptions; a constant number of round trips whatever their size. */
  writeSheets(spec: WorkbookSpec, policy: ExistingSheetPolicy): Promise<void>;
  /**
   * Writes rows below the used rows of an existing sheet, starting at `firstRow` (1-based), and touches
   * nothing else: how consolidation adds monthly rows without rewriting what users typed. In Excel:
   * one sync, whatever the number of rows.
   */
  appendRows(sheet: string, firstRow: number, rows: readonly (readonly CellInput[])[]): Promise<void>;
}
