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
    wrapText: boolean;
    verticalAlignment: string;
    readonly font: { bold: boolean; color: string };
    readonly fill: { color: string };
  };
  readonly dataValidation: {
    rule: { list: { inCellDropDown: boolean; source: string } };
    errorAlert: { showAlert: boolean; style: string; title: string; message: string };
  };
  getMergedAreasOrNullObject(): XRangeAreas;
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
  getRange(address: string): XRange;
  getUsedRangeOrNullObject(valuesOnly?: boolean): XRange;
  getNextOrNullObject(visibleOnly?: boolean): XWorksheet;
  readonly freezePanes: { freezeRows(count: number): void; freezeAt(range: string): void };
  delete(): void;
}

export interface XWorksheetCollection {
  load(props: string): XWorksheetCollection;
  readonly items: XWorksheet[];
  getFirst(visibleOnly?: boolean): XWorksheet;
  add(name: string): XWorksheet;
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

/** Runs a batch: Excel.run in the add-in, the fake in tests. */
export type BatchRunner = <T>(batch: (context: XContext) => Promise<T>) => Promise<T>;

/** Office.context.requirements.isSetSupported("ExcelApi", version), injectable. */
export type RequirementCheck = (version: string) => boolean;
