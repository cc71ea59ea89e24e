/**
 * What the use cases read of a workbook. The report sheets Sujarit generates are most of a reported
 * workbook's cells (a 2,000-item plan's twelve report sheets hold about 75,000 rows) and no check, view or
 * report reads them, so their cells are not fetched: in Excel that is most of the bytes of every re-check.
 * They are still listed, so that "a sheet of that name exists" stays known.
 */
import { REPORT_SHEET_ORDER, REPORT_SHEETS } from "../workbook/reports";
import type { ReadOptions } from "./port";

const GENERATED_SHEET_NAMES: ReadonlySet<string> = new Set(REPORT_SHEET_ORDER.map((k) => REPORT_SHEETS[k]));

export function isReportSheetName(name: string): boolean {
  return GENERATED_SHEET_NAMES.has(name);
}

/** Every sheet's cells but the report sheets'. */
export const PLAN_READ: ReadOptions = { cellsOf: (sheet) => !isReportSheetName(sheet.name) };
