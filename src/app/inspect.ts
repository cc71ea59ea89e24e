/** Use case: read a workbook and say what it holds. */
import { summarizePlan, type PlanSummary } from "../domain/summary";
import { looksLikeTemplate, readPlanWorkbook, type ReadResult } from "../workbook/read";
import type { WorkbookPort } from "./port";
import { PLAN_READ } from "./read-scope";

export interface Inspection {
  readonly read: ReadResult;
  readonly summary: PlanSummary;
  readonly isTemplate: boolean;
}

export async function inspectWorkbook(port: WorkbookPort): Promise<Inspection> {
  const grids = await port.readGrids(PLAN_READ);
  const read = readPlanWorkbook(grids);
  return { read, summary: summarizePlan(read.workbook), isTemplate: looksLikeTemplate(grids) };
}
