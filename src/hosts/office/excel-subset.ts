/**
 * The part of the office-js Excel API this host uses, as structural types. The real
 * Excel.RequestContext satisfies them; so does the counting fake in the tests, which is how sync
 * counts are asserted without Excel.
 */

export interface XLoadable {
  readonly isNullObject: boolean;
}

/** range.format, and the format of a RangeAreas (ExcelApi 1.9): one set of properties for every cell. */
export interface XRangeFormat {
  columnWidth: number;
  /** Points (a whole row: getRange("3:3")). */
  rowHeight: number;
  wrapText: boolean;
  verticalAlignment: string;
  horizontalAlignment: string;
  readonly font: { bold: boolean; italic: boolean; color: string; name: string; size: number };
  readonly fill: { color: string };
  readonly borders: { getItem(index: XBorderIndex): XBorder };
}

export interface XRange extends XLoadable {
  load(props: string): XRange;
  values: unknown[][];
  valueTypes: string[][];
  formulas: unknown[][];
  numberFormat: unknown[][];
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
  address: string;
  readonly format: XRangeFormat;
  /**
   * Merges the range into one cell (across = false), keeping the top-left value; with across = true,
   * every row of the range is merged on its own.
   */
  merge(across?: boolean): void;
  readonly dataValidation: {
    rule: { list?: { inCellDropDown: boolean; source: string | XRange } };
    errorAlert: { showAlert: boolean; style: string; title: string; message: string };
  };
  getMergedAreasOrNullObject(): XRangeAreas;
  /**
   * Deletes the cells, shifting the cells below up (or those to the right left); Excel rewrites the
   * references that pointed at the moved cells. Excel.DeleteShiftDirection ("Up" | "Left"). [ExcelApi 1.1]
   */
  delete(shift: "Up" | "Left"): void;
  /** Selects the range in the Excel UI (its sheet must be the active one). */
  select(): void;
  /** The conditional formats that intersect the range (ExcelApi 1.6). */
  readonly conditionalFormats: XConditionalFormatCollection;
}

export type XBorderIndex = "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideHorizontal" | "InsideVertical";

export interface XBorder {
  style: string;
  weight: string;
  color: string;
}

/** worksheet.pageLayout (ExcelApi 1.9). */
export interface XPageLayout {
  orientation: string;
  paperSize: string;
  zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  /** Rows repeated on every printed page, e.g. "$1:$3". */
  setPrintTitleRows(rows: string): void;
  setPrintArea(range: string): void;
  readonly headersFooters: { readonly defaultForAllPages: { centerFooter: string } };
}

/** A conditional format as loaded: its type and, for custom ones, the rule's formula (ExcelApi 1.6). */
export interface XConditionalFormat {
  readonly type: string;
  /** A null object unless `type` is "Custom"; load "items/customOrNullObject/rule/formula". */
  readonly customOrNullObject: XLoadable & { readonly rule: { readonly formula: string } };
  delete(): void;
}

/** A conditional format just added with add("Custom"). */
export interface XNewCustomConditionalFormat {
  readonly custom: {
    readonly rule: { formula: string };
    readonly format: { readonly fill: { color: string }; readonly font: { color: string } };
  };
}

export interface XConditionalFormatCollection {
  load(props: string): XConditionalFormatCollection;
  readonly items: XConditionalFormat[];
  add(type: "Custom"): XNewCustomConditionalFormat;
}

/** The context an event handler was added in (office-js types it as the base ClientRequestContext). */
export interface XClientContext {
  sync(): Promise<void>;
}

/** What `onChanged.add` returns; remove() (then a sync in `context`) unregisters the handler. */
export interface XEventResult {
  readonly context: XClientContext;
  remove(): void;
}

/** An office-js event source (worksheet.onChanged 1.7, worksheets.onChanged 1.9). The payload is not used. */
export interface XEventSource {
  add(handler: (args: unknown) => Promise<unknown>): XEventResult;
}

export interface XRangeAreas extends XLoadable {
  load(props: string): XRangeAreas;
  readonly areas: { readonly items: { readonly address: string }[] };
}

/** worksheet.getRanges(…) (ExcelApi 1.9): several rectangles formatted by one set of property writes. */
export interface XStyledAreas {
  readonly format: XRangeFormat;
}

/** Worksheet.visibility as office-js types it. */
export type XVisibility = "Visible" | "Hidden" | "VeryHidden";

export interface XWorksheet extends XLoadable {
  load(props: string): XWorksheet;
  /** Settable: renaming a sheet, Excel rewrites every reference to it (formulas, names). */
  name: string;
  visibility: XVisibility;
  tabColor: string;
  /** The range at `address`, or the whole sheet without one. */
  getRange(address?: string): XRange;
  /** Rectangles "A1:B2,D4:D9" as one RangeAreas (ExcelApi 1.9). */
  getRanges(address: string): XStyledAreas;
  getUsedRangeOrNullObject(valuesOnly?: boolean): XRange;
  readonly freezePanes: { freezeRows(count: number): void; freezeAt(range: string): void };
  /** Print setup (ExcelApi 1.9). */
  readonly pageLayout: XPageLayout;
  /** Manual page breaks: add(range) breaks before the range's top row (ExcelApi 1.9). */
  readonly horizontalPageBreaks: { add(range: string): unknown };
  delete(): void;
  activate(): void;
  /** Data changes in this sheet (ExcelApi 1.7). */
  readonly onChanged: XEventSource;
}

export interface XWorksheetCollection {
  load(props: string): XWorksheetCollection;
  readonly items: XWorksheet[];
  getItem(name: string): XWorksheet;
  add(name: string): XWorksheet;
  /** Data changes in any sheet (ExcelApi 1.9). */
  readonly onChanged: XEventSource;
}

export interface XNamedItem {
  readonly name: string;
  readonly formula: string;
  delete(): void;
}

export interface XNamedItemCollection {
  load(props: string): XNamedItemCollection;
  readonly items: XNamedItem[];
  add(name: string, reference: string, comment?: string): unknown;
}

export interface XContext {
  readonly workbook: {
    readonly worksheets: XWorksheetCollection;
    readonly names: XNamedItemCollection;
    readonly application: {
      suspendApiCalculationUntilNextSync(): void;
      suspendScreenUpdatingUntilNextSync(): void;
      /** Recalculates (needed after suspendApiCalculationUntilNextSync: Excel leaves it to the add-in). */
      calculate(calculationType: "Recalculate" | "Full" | "FullRebuild"): void;
    };
  };
  readonly runtime: { enableEvents: boolean };
  sync(): Promise<void>;
}

/**
 * Runs a batch: Excel.run in the add-in, the fake in tests. With `within`, the batch runs in that
 * existing context (Excel.run(context, batch)), as removing an event handler requires.
 */
export type BatchRunner = <T>(batch: (context: XContext) => Promise<T>, within?: XClientContext) => Promise<T>;

/** Office.context.requirements.isSetSupported("ExcelApi", version), injectable. */
export type RequirementCheck = (version: string) => boolean;
