/** The one place that touches the `Excel` and `Office` globals. */
import type { XContext } from "./excel-subset";
import { OfficeWorkbook } from "./office-workbook";

export function isExcelHost(): boolean {
  return typeof Office !== "undefined" && typeof Excel !== "undefined" && Office.context?.host === Office.HostType.Excel;
}

export function excelWorkbook(): OfficeWorkbook {
  return new OfficeWorkbook(
    // delayForCellEdit: wait for the user to leave cell-edit mode instead of failing the batch
    (batch) => Excel.run({ delayForCellEdit: true }, (ctx) => batch(ctx as unknown as XContext)),
    (version) => Office.context.requirements.isSetSupported("ExcelApi", version),
  );
}
