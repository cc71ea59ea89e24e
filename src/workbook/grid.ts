/**
 * What a host hands the workbook layer when it reads, and what it is asked to render when it writes.
 * Both sides are plain data, so the same reader and writer serve Excel (office-js) and .xlsx (exceljs).
 */

export interface CellError {
  /** "#REF!", "#VALUE!", … */
  readonly error: string;
}

/** A cell's value as read: for a formula, its cached result. */
export type CellValue = string | number | boolean | Date | CellError | null;

export type SheetVisibility = "visible" | "hidden" | "veryHidden";

export interface SheetGrid {
  readonly name: string;
  readonly visibility: SheetVisibility;
  /** Rows from A1; ragged rows are allowed, missing cells are empty. */
  readonly rows: readonly (readonly CellValue[])[];
  /** Merged areas as A1 ranges ("A2:A9"); hosts that cannot tell return []. */
  readonly merges: readonly string[];
}

export interface DefinedName {
  readonly name: string;
  /** The sheet the name points into (after any rename) and the A1 range in it. */
  readonly sheet: string;
  readonly range: string;
}

export interface WorkbookGrids {
  readonly sheets: readonly SheetGrid[];
  readonly names: readonly DefinedName[];
}

export function isCellError(v: CellValue | undefined): v is CellError {
  return typeof v === "object" && v !== null && !(v instanceof Date) && "error" in v;
}

export function cellAt(grid: SheetGrid, row0: number, col0: number): CellValue {
  return grid.rows[row0]?.[col0] ?? null;
}

export function isBlank(v: CellValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/* ---- what hosts render ---- */

/** A formula is an explicit object: a string is always written as text, even when it starts with "=". */
export interface FormulaInput {
  readonly formula: string;
}

export type CellInput = string | number | boolean | Date | null | FormulaInput;

export function isFormula(v: CellInput): v is FormulaInput {
  return typeof v === "object" && v !== null && !(v instanceof Date);
}

export interface CellStyle {
  readonly bold?: boolean;
  /** ARGB hex without '#', e.g. "FF1F4E79". */
  readonly fill?: string;
  readonly fontColor?: string;
  readonly wrap?: boolean;
}

export interface ColumnSpec {
  /** Width in characters (Excel's unit); hosts convert. */
  readonly width: number;
  readonly numFmt?: string;
  readonly wrap?: boolean;
}

export interface ListValidation {
  /** A1 range the dropdown applies to, e.g. "C2:C1000". */
  readonly range: string;
  /** A defined name holding the list (never an inline list: Excel caps those at 255 characters). */
  readonly listName: string;
  readonly prompt?: string;
}

export interface RowStyle {
  readonly from: number; // 1-based, inclusive
  readonly to: number;
  readonly style: CellStyle;
}

export interface SheetSpec {
  readonly name: string;
  readonly visibility: SheetVisibility;
  readonly rows: readonly (readonly CellInput[])[];
  readonly columns: readonly ColumnSpec[];
  /** How many rows down the column formats and dropdowns reach, so new rows typed by users get them. */
  readonly formattedRows: number;
  readonly freeze: { readonly rows: number; readonly columns: number };
  readonly rowStyles: readonly RowStyle[];
  readonly validations: readonly ListValidation[];
  /** Single cells with their own format (the settings sheet mixes dates, years and text in one column). */
  readonly cellFormats: readonly { readonly cell: string; readonly numFmt: string }[];
  readonly tabColor?: string;
}

export interface NameSpec {
  readonly name: string;
  readonly sheet: string;
  readonly range: string;
}

export interface WorkbookSpec {
  readonly sheets: readonly SheetSpec[];
  readonly names: readonly NameSpec[];
}
