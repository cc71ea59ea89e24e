/**
 * Use case: the plan an e-PlanNACC annual list is checked against, read from a workbook (a Sujarit
 * template or a plan table laid out like the documents'). The list itself is read by
 * workbook/annual-list.ts and compared by domain/annual-list.ts (pure); both are re-exported here for the UIs.
 */
import { type PlanForList } from "../domain/annual-list";
import { yearsOfPlan } from "../domain/settings";
import { address } from "../workbook/a1";
import type { WorkbookGrids } from "../workbook/grid";
import { readPlanWorkbook } from "../workbook/read";
import { INPUT_SHEET_NAMES } from "../workbook/schema";
import { importPlanTable, legacyLocator } from "./import";
import { locatorFor } from "./validate";

export class NoAnnualListError extends Error {
  constructor() {
    super("no e-PlanNACC annual list found (a header row with ลำดับ, รายการโครงการ, งบประมาณ and ดำเนินการไตรมาส) / ไม่พบบัญชีรายการ e-PlanNACC (แถวหัวตารางที่มี ลำดับ รายการโครงการ งบประมาณ และดำเนินการไตรมาส)");
    this.name = "NoAnnualListError";
  }
}

/**
 * The plan of a workbook: a Sujarit template when it has the plan sheet, otherwise a plan table laid
 * out like the documents' (throws NoPlanTableError when it is neither).
 */
export function planFromGrids(grids: WorkbookGrids): PlanForList {
  const read = readPlanWorkbook(grids);
  if (read.sheets.plan) {
    const s = read.workbook.settings;
    return {
      model: read.workbook, source: "template", sheet: read.sheets.plan ?? INPUT_SHEET_NAMES.plan,
      years: yearsOfPlan(s), at: locatorFor(read), findings: read.findings,
    };
  }
  const imported = importPlanTable(grids);
  const legacy = imported.legacy;
  return {
    model: imported.model, source: "planTable", sheet: legacy.sheet, years: legacy.years, at: legacyLocator(legacy),
    totalCell(year) {
      const total = [...legacy.totals].reverse().find((t) => t.scope === "all" && year in t.sums);
      const col = legacy.columns.years.find((y) => y.year === year)?.col;
      const row = total ? Number(/\d+$/.exec(total.cell)?.[0]) : NaN;
      return total && col !== undefined && Number.isFinite(row) ? { sheet: legacy.sheet, cell: address(row, col + 1) } : undefined;
    },
    findings: imported.findings,
  };
}

export {
  type AnnualListComparison, compareAnnualList, type ComparisonOptions, DEFAULT_OTHER_DIMENSION_THRESHOLD,
  DEFAULT_THRESHOLD, type DimensionComparison, type ListMatch, type MatchHow, nameKey, nameSimilarity,
  type PlanForList, type UnmatchedRow,
} from "../domain/annual-list";

/** Reading a workbook's annual lists (e-PlanNACC's export or a typed one), for the UIs. */
export { readAnnualLists } from "../workbook/annual-list";
