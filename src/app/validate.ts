/** Use case: every check on a workbook — what the reader found in its cells and what the rules find in its plan. */
import type { Finding, Severity } from "../domain/findings";
import { sortFindings } from "../domain/findings";
import { yearsOfPlan } from "../domain/settings";
import { type Locator, runRules } from "../domain/validation";
import { fieldCell, type ReadResult, readPlanWorkbook, settingCell } from "../workbook/read";
import { matrixCell } from "../workbook/matrix-sheet";
import { INPUT_SHEET_NAMES } from "../workbook/schema";
import type { WorkbookPort } from "./port";
import { PLAN_READ } from "./read-scope";

export interface Validation {
  readonly read: ReadResult;
  /** Reader and rule findings, in sheet order, then row, then column. */
  readonly findings: readonly Finding[];
  readonly counts: Readonly<Record<Severity, number>>;
}

export function locatorFor(read: ReadResult): Locator {
  const { layouts } = read;
  return {
    field(table, at, field) {
      const sheet = at?.sheet ?? layouts.tables[table]?.sheet ?? INPUT_SHEET_NAMES[table];
      if (!at) return { sheet };
      const cell = fieldCell(layouts, table, at.row, field);
      return cell ? { sheet, cell } : { sheet, row: at.row };
    },
    setting(key) {
      const sheet = layouts.settings?.sheet ?? INPUT_SHEET_NAMES.settings;
      const cell = settingCell(layouts, key as never);
      return cell ? { sheet, cell } : { sheet };
    },
    matrix(part) {
      const layout = layouts.matrix;
      const sheet = layout?.sheet ?? INPUT_SHEET_NAMES.matrix;
      if (!layout || part.kind === "sheet") return { sheet };
      const cell = matrixCell(layout, part);
      if (cell) return { sheet, cell };
      // the part's cell is gone (a header typed over): point at its table's row
      const row = part.kind === "cell" ? layout.gridTitleRow : part.kind === "scale" ? layout.scaleHeaderRow : layout.levelRows[part.index];
      return row ? { sheet, row } : { sheet };
    },
  };
}

/** Pure: the checks of a workbook already read. */
export function checkRead(read: ReadResult): Validation {
  const s = read.workbook.settings;
  const planYears = yearsOfPlan(s);
  const ruleFindings = runRules({ wb: read.workbook, at: locatorFor(read), planYears });
  const findings = sortFindings([...read.findings, ...ruleFindings], Object.values(read.sheets));
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return { read, findings, counts };
}

export async function validateWorkbook(port: WorkbookPort): Promise<Validation> {
  return checkRead(readPlanWorkbook(await port.readGrids(PLAN_READ)));
}

export { sortFindings };

/** What the UIs need of reading a workbook (the reader itself stays in workbook/, below app/). */
export { looksLikeTemplate, readPlanWorkbook, type ReadResult } from "../workbook/read";
