/**
 * Type test: the real office-js types satisfy the structural subset the Excel host is written against
 * (src/hosts/office/excel-subset.ts). Nothing here runs; it only has to compile, which `npm run typecheck`
 * checks (tsconfig.json includes test/) and test/hosts/office/api-sets.test.ts checks again with the
 * compiler API (so that `npm test` catches drift too). No `as unknown as` anywhere: if @types/office-js
 * changes, or the subset grows a member Excel does not have (or types differently), this stops compiling
 * at the member that drifted.
 *
 * It lives under test/hosts/office/ because eslint allows office-js types only there and in src/hosts/office.
 */
import type {
  BatchRunner, XBorder, XConditionalFormat, XConditionalFormatCollection, XContext, XEventResult, XEventSource,
  XNamedItem, XNamedItemCollection, XNewCustomConditionalFormat, XPageLayout, XRange, XRangeAreas, XWorksheet,
  XWorksheetCollection,
} from "../../../src/hosts/office/excel-subset";

declare const realContext: Excel.RequestContext;

/** The whole subset, through the object Excel.run hands the batch. */
export const context: XContext = realContext;

// The pieces one by one, so that a failure names the interface that drifted (a drift deep inside XRange
// also fails every interface that leads to a range, and XContext).
declare const realRange: Excel.Range;
declare const realWorksheet: Excel.Worksheet;
declare const realConditionalFormats: Excel.ConditionalFormatCollection;
declare const realHandlerResult: OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs>;
export const range: XRange = realRange;
export const rangeAreas: XRangeAreas = realRange.getMergedAreasOrNullObject();
export const border: XBorder = realRange.format.borders.getItem("EdgeTop");
export const worksheet: XWorksheet = realWorksheet;
export const pageLayout: XPageLayout = realWorksheet.pageLayout;
export const sheetChanges: XEventSource = realWorksheet.onChanged;
export const worksheets: XWorksheetCollection = realContext.workbook.worksheets;
export const anySheetChanges: XEventSource = realContext.workbook.worksheets.onChanged;
export const eventResult: XEventResult = realHandlerResult;
export const namedItems: XNamedItemCollection = realContext.workbook.names;
export const namedItem: XNamedItem = realContext.workbook.names.getItem("n");
export const conditionalFormats: XConditionalFormatCollection = realConditionalFormats;
export const conditionalFormat: XConditionalFormat = realConditionalFormats.getItemAt(0);
export const newCustomFormat: XNewCustomConditionalFormat = realConditionalFormats.add("Custom");

/**
 * Excel.run as the host's BatchRunner. The batch goes to Excel.run as it is: Excel.RequestContext is an
 * XContext, so no cast. `within` is the context an event handler was added in (XEventResult.context),
 * which office-js types as the base OfficeExtension.ClientRequestContext: the subset cannot name that
 * class, so handing it back to Excel.run is a downcast, but a checked one (plain `as`: the compiler
 * refuses it if the two types have nothing in common).
 */
export const runBatch: BatchRunner = (batch, within) =>
  within ? Excel.run(within as OfficeExtension.ClientRequestContext, batch) : Excel.run({ delayForCellEdit: true }, batch);
