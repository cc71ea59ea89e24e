/**
 * Use case: merge the monthly rows of division workbooks into the master's ผลรายเดือน sheet. New rows
 * are appended below the master's rows (nothing already there is rewritten); equal rows are not added
 * again, so running it twice adds nothing; differing rows are reported as conflicts, not overwritten.
 */
import type { Finding } from "../domain/findings";
import { msg } from "../domain/messages";
import { isBlank } from "../workbook/grid";
import { readPlanWorkbook } from "../workbook/read";
import { PROGRESS_SHEET } from "../workbook/schema";
import { recordRow } from "../workbook/write";
import { type ConsolidationPlan, planConsolidation } from "./consolidate-plan";
import type { WorkbookPort } from "./port";
import { PLAN_READ } from "./read-scope";

export interface ConsolidationSource {
  readonly source: string;
  readonly port: WorkbookPort;
}

export interface ConsolidationReport {
  readonly plan: ConsolidationPlan;
  readonly masterSheet: string;
  /** The master's sheet rows the added rows went to (empty when nothing was added or on a dry run). */
  readonly addedRows: readonly number[];
  /** What the reader found in each division file's cells (a bad date, an unknown status …). */
  readonly sourceFindings: readonly { readonly source: string; readonly findings: readonly Finding[] }[];
  /** Division files left out because they have no monthly sheet (only with `skipUnusable`). */
  readonly skipped: readonly NoProgressSheetError[];
}

export class NoProgressSheetError extends Error {
  constructor(readonly source: string) {
    super(`${source}: ${msg.missingSheet(PROGRESS_SHEET.name, PROGRESS_SHEET.en).en} / ${msg.missingSheet(PROGRESS_SHEET.name, PROGRESS_SHEET.en).th}`);
    this.name = "NoProgressSheetError";
  }
}

export interface ConsolidateOptions {
  readonly dryRun?: boolean;
  /** Merge the files that have a monthly sheet and report the others in `skipped` (else the first such file stops the merge). */
  readonly skipUnusable?: boolean;
}

export async function consolidate(master: WorkbookPort, sources: readonly ConsolidationSource[], options: ConsolidateOptions = {}): Promise<ConsolidationReport> {
  const grids = await master.readGrids(PLAN_READ);
  const m = readPlanWorkbook(grids);
  const layout = m.layouts.tables.progress;
  if (!layout) throw new NoProgressSheetError("master");
  const sourceFindings: { source: string; findings: readonly Finding[] }[] = [];
  const sourceRows = [];
  const skipped: NoProgressSheetError[] = [];
  for (const s of sources) {
    const read = readPlanWorkbook(await s.port.readGrids());
    if (!read.layouts.tables.progress) {
      if (!options.skipUnusable) throw new NoProgressSheetError(s.source);
      skipped.push(new NoProgressSheetError(s.source));
      continue;
    }
    sourceFindings.push({ source: s.source, findings: read.findings.filter((f) => f.location.sheet === read.layouts.tables.progress?.sheet) });
    sourceRows.push({ source: s.source, rows: read.workbook.progress });
  }
  const plan = planConsolidation(m.workbook.progress, sourceRows);
  if (options.dryRun || plan.toAdd.length === 0) return { plan, masterSheet: layout.sheet, addedRows: [], sourceFindings, skipped };

  const sheet = grids.sheets.find((g) => g.name === layout.sheet);
  let last = 0;
  (sheet?.rows ?? []).forEach((row, r) => {
    if (row.some((c) => !isBlank(c))) last = r + 1;
  });
  const firstRow = last + 1;
  const rows = plan.toAdd.map((a) => recordRow(PROGRESS_SHEET, a.entry, m.workbook, layout.columns));
  await master.appendRows(layout.sheet, firstRow, rows);
  return { plan, masterSheet: layout.sheet, addedRows: rows.map((_, i) => firstRow + i), sourceFindings, skipped };
}
