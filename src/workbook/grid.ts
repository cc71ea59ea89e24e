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
  /**
   * The cells that hold a formula (0-based row and column, the formula as Excel shows it, "=1+1"), for the
   * reader to tell a formula typed into an input cell (X11); `rows` keeps their results. exceljs gives them
   * from the cells, Excel from `range.formulas` loaded with the values (ExcelApi 1.1). Absent when the sheet
   * has none or its cells were not read.
   */
  readonly formulas?: readonly GridFormula[];
}

export interface GridFormula {
  readonly row: number;
  readonly col: number;
  readonly formula: string;
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
  /**
   * The value it computes, where the writer knows it (generated reports): kept in the file so that a
   * viewer that does not calculate shows it. Excel and LibreOffice recalculate anyway.
   */
  readonly result?: string | number;
}

export type CellInput = string | number | boolean | Date | null | FormulaInput;

export function isFormula(v: CellInput): v is FormulaInput {
  return typeof v === "object" && v !== null && !(v instanceof Date);
}

export type HorizontalAlign = "left" | "center" | "right";
export type VerticalAlign = "top" | "middle";

export interface CellStyle {
  readonly bold?: boolean;
  readonly italic?: boolean;
  /** ARGB hex without '#', e.g. "FF1F4E79". */
  readonly fill?: string;
  readonly fontColor?: string;
  /** Font family, e.g. "TH SarabunPSK"; hosts fall back to the sheet's font. */
  readonly fontName?: string;
  /** Points. */
  readonly fontSize?: number;
  readonly wrap?: boolean;
  /** Thin black lines around every cell of the area (its outline and the lines inside). */
  readonly border?: "thin";
  readonly horizontal?: HorizontalAlign;
  readonly vertical?: VerticalAlign;
  readonly numFmt?: string;
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

/** A style for every cell of an A1 area ("A1:H3"); later entries win over earlier ones, property by property. */
export interface AreaStyle {
  readonly range: string;
  readonly style: CellStyle;
}

export interface RowHeight {
  /** 1-based. */
  readonly row: number;
  /** Points. */
  readonly height: number;
}

/** How a (report) sheet prints: paper, orientation, scaling and the rows repeated on every page. */
export interface PrintSetup {
  readonly orientation: "portrait" | "landscape";
  readonly paper: "A4";
  /** One page wide, as many pages tall as it takes. */
  readonly fitToWidth: true;
  /** Rows repeated at the top of every printed page, e.g. "1:3". */
  readonly printTitleRows?: string;
  /** What prints (A1 range); the whole used range without it. */
  readonly printArea?: string;
  /** Centre footer, with Excel's codes: &P the page, &N the pages. */
  readonly footer?: string;
  /** Rows (1-based) that begin a new printed page. */
  readonly pageBreaks?: readonly number[];
}

export interface SheetFont {
  readonly name: string;
  /** Points. */
  readonly size: number;
}

/**
 * A conditional fill: where `formula` (written for the top-left cell of `range`, relative references,
 * no leading "=") is true, the cell gets `fill`. Hosts that cannot add conditional formats skip it.
 */
export interface ConditionalFill {
  readonly range: string;
  readonly formula: string;
  /** ARGB hex without '#'. */
  readonly fill: string;
  readonly fontColor?: string;
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
  /* ---- what report sheets also use (all optional) ---- */
  /** Merged areas, A1 ranges; the value is the top-left cell's (the others must be empty). */
  readonly merges?: readonly string[];
  readonly areaStyles?: readonly AreaStyle[];
  readonly rowHeights?: readonly RowHeight[];
  readonly print?: PrintSetup;
  /** The font of every cell of the sheet unless a style says otherwise. */
  readonly font?: SheetFont;
  readonly conditionalFills?: readonly ConditionalFill[];
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
