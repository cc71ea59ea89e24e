/**
 * The part of the office-js Excel API this host uses, as structural types. The real
 * Excel.RequestContext satisfies them; so does the counting fake in the tests, which is how sync
 * counts are asserted without Excel.
 */

export interface XLoadable {
  readonly isNullObject: boolean;
}

export interface XRange extends XLoadable {
  load(props: string): XRange;
  values: unknown[][];
  valueTypes: string[][];
  formulas: unknown[][];
  numberFormat: unknown[][];
  rowIndex: number;
  columnIndex: number;
  address: string;
  readonly format: {
    columnWidth: number;
    /** Points (a whole row: getRange("3:3")). */
    rowHeight: number;
    wrapText: boolean;
    verticalAlignment: string;
    horizontalAlignment: string;
    readonly font: { bold: boolean; italic: boolean; color: string; name: string; size: number };
    readonly fill: { color: string };
    readonly borders: { getItem(index: XBorderIndex): XBorder };
  };
  /** Merges the range into one cell (across = false), keeping the top-left value. */
  merge(across?: boolean): void;
  readonly dataValidation: {
    rule: { list: { inCellDropDown: boolean; source: string } };
    errorAlert: { showAlert: boolean; style: string; title: string; message: string };
  };
  getMergedAreasOrNullObject(): XRangeAreas;
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

/** What `onChanged.add` returns; remove() (then a sync in `context`) unregisters the handler. */
export interface XEventResult {
  readonly context: XContext;
  remove(): void;
}

/** An office-js event source (worksheet.onChanged 1.7, worksheets.onChanged 1.9). The payload is not used. */
export interface XEventSource {
  add(handler: (args: unknown) => Promise<unknown>): XEventResult;
}

export interface XRangeAreas extends XLoadable {
  load(props: string): XRangeAreas;
  areas: { items: { address: string }[] };
}

export interface XWorksheet extends XLoadable {
  load(props: string): XWorksheet;
  name: string;
  visibility: string;
  tabColor: string;
  /** The range at `address`, or the whole sheet without one. */
  getRange(address?: string): XRange;
  getUsedRangeOrNullObject(valuesOnly?: boolean): XRange;
  getNextOrNullObject(visibleOnly?: boolean): XWorksheet;
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
  getFirst(visibleOnly?: boolean): XWorksheet;
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
    };
  };
  readonly runtime: { enableEvents: boolean };
  sync(): Promise<void>;
}

/**
 * Runs a batch: Excel.run in the add-in, the fake in tests. With `within`, the batch runs in that
 * existing context (Excel.run(context, batch)), as removing an event handler requires.
 */
export type BatchRunner = <T>(batch: (context: XContext) => Promise<T>, within?: XContext) => Promise<T>;

/** Office.context.requirements.isSetSupported("ExcelApi", version), injectable. */
export type RequirementCheck = (version: string) => boolean;
