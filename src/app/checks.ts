/**
 * Use case of the ตรวจสอบ page: run every check on the session's workbook (one read), and mark the
 * offending cells where the host can. The grids read are kept, so that showing a finding's cell value
 * costs no further read.
 */
import { type CellLocation, type Finding, SEVERITY_ORDER } from "../domain/findings";
import { parseArea } from "../workbook/a1";
import { type CellValue, isCellError, type WorkbookGrids } from "../workbook/grid";
import { readPlanWorkbook } from "../workbook/read";
import type { CellMark, WorkbookSession } from "./session";
import { checkRead, type Validation } from "./validate";
import { PLAN_READ } from "./read-scope";

/** More marked cells than this are not marked (the list still shows every finding). */
export const MAX_MARKS = 2000;

export interface CheckRun {
  readonly validation: Validation;
  /** What the check read: the source of cell values shown for a finding. */
  readonly grids: WorkbookGrids;
  /** Set when the host could not mark the cells; the findings are right all the same. */
  readonly highlightError?: unknown;
}

/** validateWorkbook(session.port), keeping the grids, then the marks in the workbook where the host can. */
export async function runChecks(session: WorkbookSession): Promise<CheckRun> {
  const grids = await session.port.readGrids(PLAN_READ);
  const validation = checkRead(readPlanWorkbook(grids));
  if (!session.highlight) return { validation, grids };
  try {
    await session.highlight(cellMarks(validation.findings, grids), grids.sheets.map((s) => s.name));
    return { validation, grids };
  } catch (highlightError) {
    return { validation, grids, highlightError };
  }
}

/**
 * One mark per located cell or area, with the worst severity found there, in the findings' order.
 * A single cell carries the value it held, so that a host can make the mark vanish once it changes.
 */
export function cellMarks(findings: readonly Finding[], grids: WorkbookGrids): CellMark[] {
  const byPlace = new Map<string, CellMark>();
  for (const f of findings) {
    const { sheet, cell } = f.location;
    const area = cell ? parseArea(cell) : undefined;
    if (!cell || !area) continue;
    const range = cell.replace(/\$/g, "").toUpperCase();
    const key = `${sheet}!${range}`;
    const before = byPlace.get(key);
    if (before && SEVERITY_ORDER[before.severity] <= SEVERITY_ORDER[f.severity]) continue;
    const single = area.top === area.bottom && area.left === area.right;
    const mark: CellMark = { sheet, range, severity: f.severity };
    byPlace.set(key, single ? { ...mark, value: cellValue(grids, sheet, area.top, area.left) } : mark);
    if (!before && byPlace.size >= MAX_MARKS) break;
  }
  return [...byPlace.values()];
}

function cellValue(grids: WorkbookGrids, sheet: string, row: number, col: number): CellValue {
  return grids.sheets.find((s) => s.name === sheet)?.rows[row - 1]?.[col - 1] ?? null;
}

/**
 * The text of the cell a location points at (the top-left cell of an area), as read by the check:
 * "" for an empty cell, undefined for a row, a whole sheet or a sheet that is not there.
 */
export function cellText(grids: WorkbookGrids, location: CellLocation): string | undefined {
  const area = location.cell ? parseArea(location.cell) : undefined;
  if (!area || !grids.sheets.some((s) => s.name === location.sheet)) return undefined;
  const v = cellValue(grids, location.sheet, area.top, area.left);
  if (v === null) return "";
  if (isCellError(v)) return v.error;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v);
}
