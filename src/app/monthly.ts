/**
 * Use cases of ผลรายเดือน (monthly progress entry by a division's officers): reading the sheet, the checks
 * of a row being typed (the M and T rules on the model with the draft row added, pure, so they can run on
 * every keystroke), and appending, editing and removing a row. The plan queries (a division's items, an
 * item's rows and figures for a year, what a new row carries over) are domain/progress/monthly.ts; the
 * texts the UIs show are monthly-text.ts; both are re-exported here.
 * Nothing typed is overwritten: a row for the same item, year and month already there is reported with
 * its place, and a second one is only added when the caller says so explicitly.
 */
import type { CalendarMonth } from "../domain/calendar";
import type { CellLocation, Finding, Severity } from "../domain/findings";
import type { BudgetType, NotPossibleReason, ProgressStatus } from "../domain/lists";
import type { PlanWorkbook, ProgressEntry } from "../domain/plan";
import { RULES } from "../domain/validation";
import type { Rule } from "../domain/validation/rule";
import { type FiscalYear, fiscalYear, type PlanCode, planCode } from "../domain/units";
import { address, columnNumber } from "../workbook/a1";
import { parseBaht, type Parsed, parseDate, parseNumber } from "../workbook/cells";
import { type CellValue, isBlank, type WorkbookGrids } from "../workbook/grid";
import { type ReadResult, readPlanWorkbook } from "../workbook/read";
import { PROGRESS_SHEET } from "../workbook/schema";
import { recordRow } from "../workbook/write";
import { NoProgressSheetError } from "./consolidate";
import type { WorkbookPort } from "./port";
import { changeSeenRow, inputCellsOnly, locateSeen, type RowChanged } from "./row-edit";
import { locatorFor } from "./validate";
import { PLAN_READ } from "./read-scope";
import { existingRows, formDate, planYearsOf } from "../domain/progress/monthly";

/* ---------- reading ---------- */

/** What the page and the CLI work on: the workbook read once, and where a new monthly row would go. */
export interface MonthlyView {
  readonly read: ReadResult;
  /** The ผลรายเดือน sheet as found (renamed sheets included), absent when the workbook has none. */
  readonly sheet: string | undefined;
  /** The first row below the sheet's last used row (1-based): where the next row is appended. */
  readonly nextRow: number;
}

/** The row below the last row holding anything in any column (1 on an empty sheet). */
export function firstFreeRow(grids: WorkbookGrids, sheet: string): number {
  const grid = grids.sheets.find((g) => g.name === sheet);
  let last = 0;
  (grid?.rows ?? []).forEach((row, r) => {
    if (row.some((c) => !isBlank(c))) last = r + 1;
  });
  return last + 1;
}

export function monthlyView(grids: WorkbookGrids): MonthlyView {
  const read = readPlanWorkbook(grids);
  const sheet = read.layouts.tables.progress?.sheet;
  return { read, sheet, nextRow: sheet ? firstFreeRow(grids, sheet) : 1 };
}

/** One read of the workbook (one sync in Excel). */
export async function readMonthly(port: WorkbookPort): Promise<MonthlyView> {
  return monthlyView(await port.readGrids(PLAN_READ));
}

/* ---------- the row being typed ---------- */

/** A monthly row as typed: choices as list keys, everything else as the text in its box. */
export interface DraftInput {
  readonly fy: FiscalYear;
  readonly month: CalendarMonth;
  readonly code: PlanCode;
  readonly status?: ProgressStatus | undefined;
  readonly reason?: NotPossibleReason | undefined;
  readonly reasonText?: string;
  readonly inOrdinance?: boolean | undefined;
  readonly progressPct?: string;
  /** d/m/yyyy with a BE year (a CE year and Thai digits are read too), or blank. */
  readonly startDate?: string;
  readonly endDate?: string;
  readonly output?: string;
  readonly unit?: string;
  readonly indicatorResult?: string;
  readonly result?: string;
  readonly budgetType?: BudgetType | undefined;
  readonly ordinanceAmount?: string;
  readonly disbursed?: string;
  readonly evidence?: string;
  readonly problems?: string;
  readonly recommendations?: string;
  readonly enteredBy?: string;
  readonly enteredOn?: Date | undefined;
}

/** A problem with the draft row, and the field (column key of PROGRESS_SHEET) it is about, when it is one. */
export interface DraftFinding {
  readonly finding: Finding;
  readonly field: string | undefined;
  /** True when the finding is on another row that the draft would make wrong (M4 on a later month, M7 …). */
  readonly elsewhere: boolean;
}

export interface DraftCheck {
  readonly entry: ProgressEntry;
  readonly findings: readonly DraftFinding[];
  readonly counts: Readonly<Record<Severity, number>>;
  /** Where the row would go. */
  readonly at: { readonly sheet: string; readonly row: number };
  /** Rows already there for the same item, year and month. */
  readonly existing: readonly ProgressEntry[];
}

/** Rules that can find something in a monthly row: the M rules (M10 is about plan items) and the text rules. */
export const DRAFT_RULES: readonly Rule[] = RULES.filter((r) => (/^M\d+$/.test(r.id) && r.id !== "M10") || /^T\d+$/.test(r.id));

const headerOf = (key: string) => PROGRESS_SHEET.columns.find((c) => c.key === key) as (typeof PROGRESS_SHEET.columns)[number];

/** Parses the typed text with the reader's own cell parsers; what cannot be read is a finding on its cell. */
export function draftEntry(input: DraftInput, at: { sheet: string; row: number }, locate: (field: string) => CellLocation): { entry: ProgressEntry; findings: DraftFinding[] } {
  const findings: DraftFinding[] = [];
  const read = <T>(field: string, text: string | undefined, parse: (v: CellValue) => Parsed<T>, rule = "X1"): T | undefined => {
    const v = (text ?? "").trim();
    const p = parse(v === "" ? null : v);
    const h = headerOf(field);
    if (p.ok) {
      if (p.warning) {
        findings.push({ field, elsewhere: false, finding: { rule: p.warning.rule, severity: "warning", location: locate(field), message: { th: `"${h.th}" มีทศนิยมเกิน 2 ตำแหน่ง`, en: `"${h.en}" has more than two decimals` }, found: v, expected: p.warning.expected } });
      }
      return p.value;
    }
    findings.push({
      field, elsewhere: false,
      finding: {
        rule: p.rule ?? rule, severity: "error", location: locate(field), found: v, expected: p.expected,
        message: { th: `ค่าในช่อง "${h.th}" อ่านไม่ได้`, en: `The value in "${h.en}" cannot be read` },
        ...(p.suggestion ? { suggestion: p.suggestion } : {}),
      },
    });
    return undefined;
  };
  const text = (s: string | undefined) => (s ?? "").replace(/\r\n/g, "\n").trim();
  const entry: ProgressEntry = {
    fy: input.fy,
    month: input.month,
    code: input.code,
    status: input.status,
    reason: input.status === "notPossible" ? input.reason : undefined,
    reasonText: input.status === "notPossible" ? text(input.reasonText) : "",
    inOrdinance: input.inOrdinance,
    progressPct: read("progressPct", input.progressPct, parseNumber),
    startDate: read("startDate", input.startDate, parseDate),
    endDate: read("endDate", input.endDate, parseDate),
    output: text(input.output),
    unit: text(input.unit),
    indicatorResult: text(input.indicatorResult),
    result: text(input.result),
    budgetType: input.budgetType,
    ordinanceAmount: read("ordinanceAmount", input.ordinanceAmount, parseBaht, "B1"),
    disbursed: read("disbursed", input.disbursed, parseBaht, "B1"),
    evidence: text(input.evidence),
    problems: text(input.problems),
    recommendations: text(input.recommendations),
    enteredBy: text(input.enteredBy),
    enteredOn: input.enteredOn,
    at,
  };
  return { entry, findings };
}

const findingKey = (f: Finding) => `${f.rule}|${f.location.sheet}|${f.location.cell ?? ""}|${f.location.row ?? ""}|${f.message.en}`;
const rowOf = (loc: CellLocation): number | undefined => loc.row ?? (loc.cell ? Number(/\d+/.exec(loc.cell)?.[0]) : undefined);

/**
 * The checks of a row being typed, as if it were at the sheet's next free row: the draft's own cells
 * (what cannot be read), then DRAFT_RULES on the model with the draft added. Only the rows of the same
 * item and year take part (every M rule looks at one row or at one item's year), so this stays fast on
 * any workbook. Findings on the draft's row, plus new findings the draft causes on the item's other rows.
 */
export function checkDraft(view: MonthlyView, input: DraftInput, editing?: ProgressEntry): DraftCheck {
  const { read } = view;
  const sheet = view.sheet ?? PROGRESS_SHEET.name;
  // an edit is checked in its own row, as if the row the user saw were not there (issue 16)
  const at = { sheet, row: editing?.at?.row ?? view.nextRow };
  const columns = read.layouts.tables.progress?.columns;
  const fieldAt = new Map<string, string>();
  columns?.forEach((col, key) => fieldAt.set(address(at.row, col + 1), key));
  const locate = (field: string): CellLocation => {
    const col = columns?.get(field);
    return col === undefined ? { sheet, row: at.row } : { sheet, cell: address(at.row, col + 1) };
  };
  const { entry, findings: inputFindings } = draftEntry(input, at, locate);

  const wb = read.workbook;
  const others = wb.progress.filter((p) => p.code === entry.code && p.fy === entry.fy && p.at?.row !== at.row);
  const slim = (progress: readonly ProgressEntry[]): PlanWorkbook => ({ ...wb, progress, details: [], risks: [], itaMeasures: [] });
  const locator = locatorFor(read);
  const planYears = planYearsOf(wb);
  const run = (model: PlanWorkbook) => DRAFT_RULES.flatMap((r) => [...r.check({ wb: model, at: locator, planYears })]);
  const before = new Set(run(slim(others)).map(findingKey));
  const after = run(slim([...others, entry]));

  const out: DraftFinding[] = [...inputFindings];
  // a value that cannot be read is reported once, as such, not again as missing by the rules
  const unreadable = new Set(inputFindings.map((f) => f.field));
  for (const f of after) {
    if (f.location.sheet !== sheet) continue;
    const onDraft = rowOf(f.location) === at.row;
    if (!onDraft && before.has(findingKey(f))) continue;
    const field = onDraft && f.location.cell ? fieldAt.get(f.location.cell.replace(/\$/g, "")) : undefined;
    if (field !== undefined && unreadable.has(field)) continue;
    out.push({ finding: f, field, elsewhere: !onDraft });
  }
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of out) counts[f.finding.severity]++;
  return {
    entry, findings: out, counts, at,
    existing: entry.code && entry.fy && entry.month ? existingRows(wb, entry.code, entry.fy, entry.month).filter((p) => p.at?.row !== at.row) : [],
  };
}

/**
 * The field whose column a finding's cell is in, on any row of the sheet: where to put the cursor for a
 * finding on another row that the draft caused (M4 on a later month is about its disbursement).
 */
export function fieldOfColumn(view: MonthlyView, location: CellLocation): string | undefined {
  const letters = /^\$?([A-Z]+)/.exec(location.cell ?? "")?.[1];
  if (!letters || location.sheet !== view.sheet) return undefined;
  const col = columnNumber(letters) - 1;
  for (const [key, c] of view.read.layouts.tables.progress?.columns ?? []) if (c === col) return key;
  return undefined;
}

/* ---------- saving ---------- */

export type AddResult =
  | { readonly kind: "added"; readonly sheet: string; readonly row: number }
  /** Not written: the item already has a row for that month (the first is `existing`). */
  | { readonly kind: "exists"; readonly sheet: string; readonly existing: ProgressEntry };

export interface AddOptions {
  /** Add a second row for the same item and month (the user confirmed it; M9 will say so). */
  readonly allowDuplicate?: boolean;
}

/**
 * Appends one monthly row below the ผลรายเดือน sheet's last used row, in the sheet's own column order:
 * one read, then one write (two syncs in Excel). Refuses (without writing) when the item already has a
 * row for the month, unless `allowDuplicate`. Throws NoProgressSheetError without the sheet.
 */
export async function addProgressRow(port: WorkbookPort, entry: ProgressEntry, options: AddOptions = {}): Promise<AddResult> {
  const view = await readMonthly(port);
  const layout = view.read.layouts.tables.progress;
  if (!layout || !view.sheet) throw new NoProgressSheetError("workbook");
  if (entry.code && entry.fy && entry.month && !options.allowDuplicate) {
    const existing = existingRows(view.read.workbook, entry.code, entry.fy, entry.month)[0];
    if (existing) return { kind: "exists", sheet: view.sheet, existing };
  }
  const { at: _at, ...record } = entry;
  const row = recordRow(PROGRESS_SHEET, record, view.read.workbook, layout.columns);
  await port.appendRows(view.sheet, view.nextRow, [row]);
  return { kind: "added", sheet: view.sheet, row: view.nextRow };
}

/* ---------- editing and removing a saved row (issue 16) ---------- */

export type EditResult =
  | { readonly kind: "edited"; readonly sheet: string; readonly row: number }
  /** Not written: the edit moves the row to an item and month that already has a row (`existing`). */
  | { readonly kind: "exists"; readonly sheet: string; readonly existing: ProgressEntry }
  /** Not written: the row no longer holds what the user saw (rowChangedMessage says so). */
  | RowChanged<ProgressEntry>;

export type RemoveResult = { readonly kind: "removed"; readonly sheet: string; readonly row: number } | RowChanged<ProgressEntry>;

/** The progress sheet read afresh, with the row the user saw located in it. */
async function locateProgress(port: WorkbookPort, seen: ProgressEntry) {
  const grids = await port.readGrids(PLAN_READ);
  const view = monthlyView(grids);
  const layout = view.read.layouts.tables.progress;
  if (!layout || !view.sheet) throw new NoProgressSheetError("workbook");
  return { view, layout, found: locateSeen(grids, view.sheet, view.read.workbook.progress, seen) };
}

/** The row of `seen` read afresh, after the host refused a change (what the caller is told the row holds now). */
const locateAgain = (port: WorkbookPort, seen: ProgressEntry) => async () => (await locateProgress(port, seen)).found;

/**
 * Rewrites the saved row `seen` (as read, with its place) with `edited`: one read, then the row's
 * template columns rewritten in place (formula columns and the user's own columns kept). Refused, with
 * nothing written, when the row no longer holds `seen` (another writer changed or moved it) and when
 * the edit moves it onto an item and month that already has a row, unless `allowDuplicate`. The checks
 * of the form are checkDraft(view, input, seen): the same as adding, the row itself left out.
 */
export async function editProgressRow(port: WorkbookPort, seen: ProgressEntry, edited: ProgressEntry, options: AddOptions = {}): Promise<EditResult> {
  const { view, layout, found } = await locateProgress(port, seen);
  if (found.kind === "changed") return found;
  const wb = view.read.workbook;
  const keyOf = (p: ProgressEntry) => `${p.code ?? ""}|${p.fy ?? ""}|${p.month ?? ""}`;
  if (edited.code && edited.fy && edited.month && keyOf(edited) !== keyOf(seen) && !options.allowDuplicate) {
    const existing = existingRows(wb, edited.code, edited.fy, edited.month).find((p) => p.at?.row !== found.row);
    if (existing) return { kind: "exists", sheet: found.sheet, existing };
  }
  const { at: _at, ...record } = edited;
  const cells = inputCellsOnly(PROGRESS_SHEET, layout.columns, recordRow(PROGRESS_SHEET, record, wb, layout.columns));
  return changeSeenRow(found, () => port.rewriteRow(found.sheet, found.row, cells, found.expected), locateAgain(port, seen), { kind: "edited" as const, sheet: found.sheet, row: found.row });
}

/** Removes the saved row `seen` (the rows below move up): one read, then the row deleted; refused as editProgressRow is. */
export async function removeProgressRow(port: WorkbookPort, seen: ProgressEntry): Promise<RemoveResult> {
  const { found } = await locateProgress(port, seen);
  if (found.kind === "changed") return found;
  return changeSeenRow(found, () => port.removeRow(found.sheet, found.row, found.expected), locateAgain(port, seen), { kind: "removed" as const, sheet: found.sheet, row: found.row });
}

/** A saved row as the form's text: what editing starts from (the pane's form and `progress --edit`). */
export function draftOf(p: ProgressEntry): DraftInput {
  const n = (v: number | undefined) => (v === undefined ? "" : String(v));
  return {
    fy: p.fy ?? fiscalYear(2567), month: p.month ?? 10, code: p.code ?? planCode("?"),
    status: p.status, reason: p.reason, reasonText: p.reasonText, inOrdinance: p.inOrdinance,
    progressPct: n(p.progressPct), startDate: formDate(p.startDate), endDate: formDate(p.endDate),
    output: p.output, unit: p.unit, indicatorResult: p.indicatorResult, result: p.result, budgetType: p.budgetType,
    ordinanceAmount: n(p.ordinanceAmount), disbursed: n(p.disbursed), evidence: p.evidence, problems: p.problems,
    recommendations: p.recommendations, enteredBy: p.enteredBy, enteredOn: p.enteredOn,
  };
}

/* ---------- the plan queries and display helpers, re-exported for the UIs ---------- */

export * from "../domain/progress/monthly";
export * from "./monthly-text";
