/**
 * Use case of the รายงาน page and `sujarit report`: generate every report sheet (REPORTS.md) for a fiscal
 * year and round. First the checks run on the same read; their errors are what would make the report
 * wrong, and are shown before generating. The planner may generate all the same: every sheet then says it
 * is a draft. One read, one write: the report sheets and the `_meta` marks — input sheets are never
 * written, and a sheet of a report's name that Sujarit did not make is refused unless the user says so.
 */
import type { Finding } from "../domain/findings";
import { fiscalYearOf } from "../domain/calendar";
import type { ReportRound } from "../domain/lists";
import { fiscalYear, type FiscalYear } from "../domain/units";
import type { SheetSpec, WorkbookGrids } from "../workbook/grid";
import { type ReadResult, readPlanWorkbook } from "../workbook/read";
import {
  REPORT_SHEET_ORDER, REPORT_SHEETS, reportContext, type ReportContents, type ReportContext, reportGaps, type ReportRequest, reportSheetKeys, reportSheets,
} from "../workbook/reports";
import { reportOnlySheets } from "../workbook/reports/report-only";
import { REPORT_FONT } from "../workbook/reports/style";
import { metaWith, userSheetsAmong } from "./generated";
import { type Progress, SheetConflictError, type WorkbookPort } from "./port";
import { checkRead, type Validation } from "./validate";
import { PLAN_READ } from "./read-scope";

export const REPORT_SHEET_NAMES: readonly string[] = REPORT_SHEET_ORDER.map((k) => REPORT_SHEETS[k]);
/** The report's typeface (TH SarabunPSK): a host that prints the report itself (cli/pdf-footer.ts) uses the same. */
export const REPORT_FONT_FAMILY: string = REPORT_FONT.name;

export interface ReportPreview {
  readonly read: ReadResult;
  readonly validation: Validation;
  readonly request: ReportRequest;
  /** The checks' errors: with any, the report is generated as a draft. */
  readonly errors: readonly Finding[];
  /**
   * What keeps the report from being signed though the checks found no error (workbook/reports/gaps.ts:
   * items not reported in the round, items without indicator or target, placeholder signer or date):
   * warnings, listed beside the errors; with any, the report is a draft too.
   */
  readonly gaps: readonly Finding[];
  /** Errors or gaps: every sheet says it is a draft. */
  readonly draft: boolean;
  /** Report sheets that exist and are Sujarit's (replaced on generating). */
  readonly replaces: readonly string[];
  /** Sheets with a report's name that the user made: generating refuses unless told to replace them. */
  readonly userSheets: readonly string[];
  readonly context: ReportContext;
}

/** The fiscal year and round the settings name, else the fiscal year of `now` and the round it is in. */
export function defaultRequest(read: ReadResult, now: Date): ReportRequest {
  const s = read.workbook.settings;
  const fy = s.reportFy ?? fiscalYear(fiscalYearOf(now));
  const month = now.getMonth() + 1;
  const round: ReportRound = s.round ?? (month >= 4 && month <= 9 ? 6 : 12);
  return { fy, round };
}

/** `contents`: the appendices asked for — a gap in a sheet left out (sample data in the risk register) is none. */
export function previewFrom(grids: WorkbookGrids, request: ReportRequest | undefined, now: Date, contents: ReportContents = {}): ReportPreview {
  const read = readPlanWorkbook(grids);
  const validation = checkRead(read);
  const req = request ?? defaultRequest(read, now);
  const errors = validation.findings.filter((f) => f.severity === "error");
  const existing = new Set(grids.sheets.map((g) => g.name));
  const userSheets = userSheetsAmong(grids, REPORT_SHEET_NAMES);
  const options = { now, ...(read.layouts.tables.risks ? { register: read.layouts.tables.risks } : {}) };
  // the gaps are read off the round (items not reported) and the settings (signer, date): a draft too
  const plain = reportContext(read.workbook, req, options);
  const gaps = reportGaps(plain, new Set(reportSheetKeys(plain, contents)));
  const context = reportContext(read.workbook, req, { ...options, draft: { errors: errors.length, gaps: gaps.length } });
  return { read, validation, request: req, errors, gaps, draft: errors.length > 0 || gaps.length > 0, replaces: REPORT_SHEET_NAMES.filter((n) => existing.has(n) && !userSheets.includes(n)), userSheets, context };
}

/** One read: what generating would do, and the errors that would make the report a draft. */
export async function previewReport(port: WorkbookPort, request?: ReportRequest, now = new Date(), contents: ReportContents = {}): Promise<ReportPreview> {
  return previewFrom(await port.readGrids(PLAN_READ), request, now, contents);
}

export interface GeneratedReports {
  readonly preview: ReportPreview;
  readonly sheets: readonly SheetSpec[];
  readonly draft: boolean;
}

export interface GenerateOptions {
  readonly now?: Date;
  /** Replace sheets of a report's name that the user made (they asked to, after being shown them). */
  readonly replaceUserSheets?: boolean;
  /** How far the write is (Excel: round trips done of those expected). */
  readonly progress?: Progress;
  /** Appendices beyond the official parts (project cards: off unless asked for). */
  readonly contents?: ReportContents;
}

/** One read, then one write of every report sheet and `_meta`. In Excel: a constant number of syncs. */
export async function generateReports(port: WorkbookPort, request?: ReportRequest, options: GenerateOptions = {}): Promise<GeneratedReports> {
  const now = options.now ?? new Date();
  const grids = await port.readGrids(PLAN_READ);
  const preview = previewFrom(grids, request, now, options.contents ?? {});
  if (preview.userSheets.length > 0 && !options.replaceUserSheets) throw new SheetConflictError(preview.userSheets);
  const sheets = reportSheets(preview.context, options.contents ?? {});
  // a report sheet of an earlier generation that this one leaves out (project cards, an empty ITA appendix)
  // would print with stale figures: it is replaced by an empty hidden sheet (hosts cannot delete sheets)
  const made = new Set(sheets.map((s) => s.name));
  const left = preview.replaces.filter((n) => !made.has(n)).map((name): SheetSpec => ({
    name, visibility: "hidden", rows: [], columns: [], formattedRows: 0, freeze: { rows: 0, columns: 0 }, rowStyles: [], validations: [], cellFormats: [],
  }));
  const meta = metaWith(grids, [...sheets, ...left].map((s) => s.name), now, {
    "report.fy": String(preview.request.fy),
    "report.round": String(preview.request.round),
    "report.draft": preview.errors.length > 0 ? `errors: ${preview.errors.length}` : preview.gaps.length > 0 ? `gaps: ${preview.gaps.length}` : "no",
  });
  await port.writeSheets({ sheets: [...sheets, ...left, meta], names: [] }, "replace", options.progress ? { progress: options.progress } : {});
  return { preview, sheets, draft: preview.draft };
}

/**
 * The report alone, written into `target` (an empty workbook): what a user prints or exports from Excel as a
 * whole workbook — the report sheets in the printed order, each figure read from the plan kept as its value
 * (reportOnlySheets), no input sheet and no `_meta`.
 */
export async function writeReportOnly(target: WorkbookPort, sheets: readonly SheetSpec[]): Promise<void> {
  await target.writeSheets({ sheets: reportOnlySheets(sheets), names: [] }, "replace");
}

export type { FiscalYear, ReportRequest };

/** The report sheets' names and order, for the UIs' lists of what was generated. */
export { OPTIONAL_APPENDICES, type OptionalAppendix, REPORT_SHEET_ORDER, REPORT_SHEETS, REPORT_SHEETS_EN, reportSheetKeys } from "../workbook/reports";
