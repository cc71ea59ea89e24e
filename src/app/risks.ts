/**
 * Use cases of the risk register: what the register says (scores, heat maps, published table), adding
 * typical risks from the library, and generating the การประเมินความเสี่ยง report sheet. All of them read
 * the workbook once; writes touch only what they say (appended register rows; the generated sheet and
 * the `_meta` marks), never a cell the user typed.
 */
import { type AssessedRisk, assessRisks, type HeatMap, heatMap, itemNamed, matrixOf } from "../domain/risk/assess";
import { type LibraryRisk, libraryRisk, RISK_LIBRARY } from "../domain/risk/library";
import type { RiskMatrix } from "../domain/risk/matrix";
import type { PlanWorkbook, RiskEntry } from "../domain/plan";
import { type CellInput, isBlank, type SheetSpec, type WorkbookGrids } from "../workbook/grid";
import { generatedSheets, metaWith } from "./generated";
import { type ReadResult, readPlanWorkbook } from "../workbook/read";
import { GENERATED_NOTE, RISK_REPORT_SHEET, type RiskGroup, riskGroups, riskReportSheet } from "../workbook/risk-report";
import { RISKS_SHEET } from "../workbook/schema";
import { recordCells } from "../workbook/write";
import { SheetConflictError, type WorkbookPort } from "./port";
import { changeSeenRow, inputCellsOnly, locateSeen, type RowChanged } from "./row-edit";
import type { ControlRating } from "../domain/lists";
import type { Finding, Severity } from "../domain/findings";
import { yearsOfPlan } from "../domain/settings";
import { RULES } from "../domain/validation";
import type { Rule } from "../domain/validation/rule";
import { parseCodes, parseWhole } from "../workbook/cells";
import { locatorFor } from "./validate";
import { PLAN_READ } from "./read-scope";

export interface RiskOverview {
  readonly read: ReadResult;
  readonly matrix: RiskMatrix;
  /** True when the matrix comes from the workbook's เมทริกซ์ความเสี่ยง sheet (else the settings' preset). */
  readonly matrixFromSheet: boolean;
  readonly risks: readonly AssessedRisk[];
  readonly heatMap: HeatMap;
  /** The published table's groups (one per process). */
  readonly groups: readonly RiskGroup[];
}

export function riskOverview(read: ReadResult): RiskOverview {
  const wb = read.workbook;
  const matrix = matrixOf(wb);
  return {
    read,
    matrix,
    matrixFromSheet: wb.riskMatrix !== undefined,
    risks: assessRisks(wb),
    heatMap: heatMap(matrix, wb.risks),
    groups: riskGroups(wb),
  };
}

export async function readRiskOverview(port: WorkbookPort): Promise<RiskOverview> {
  return riskOverview(readPlanWorkbook(await port.readGrids(PLAN_READ)));
}

/* ---------- the library ---------- */

export class NoRegisterError extends Error {
  constructor() {
    super("the workbook has no risk register sheet (ทะเบียนความเสี่ยง) / ไม่พบแผ่นงานทะเบียนความเสี่ยง");
    this.name = "NoRegisterError";
  }
}

export class UnknownLibraryRiskError extends Error {
  constructor(readonly ids: readonly string[]) {
    super(`not in the risk library: ${ids.join(", ")} / ไม่มีในคลังความเสี่ยง`);
    this.name = "UnknownLibraryRiskError";
  }
}

/** A library entry as a register row: the plan's own items linked by code where their names match, else the typical item's name. */
export function riskFromLibrary(entry: LibraryRisk, id: string, model: PlanWorkbook): RiskEntry {
  const mitigations: string[] = [];
  for (const name of entry.planItems) {
    const item = itemNamed(name, model.items);
    const text = item?.code ?? name;
    if (!mitigations.includes(text)) mitigations.push(text);
  }
  return {
    id, process: entry.process.th, category: entry.category, event: entry.event.th, factor: entry.factor,
    likelihood: entry.likelihood, impact: entry.impact, existingControls: entry.existingControls,
    controlRating: undefined, residualLikelihood: undefined, residualImpact: undefined, mitigations,
    owner: "", statusLight: undefined, reviewedOn: undefined,
  };
}

/** The library entries the register already holds: a row whose risk event reads as the entry's (spaces aside). */
export function libraryInRegister(risks: readonly Pick<RiskEntry, "event">[]): ReadonlySet<string> {
  const norm = (text: string) => text.replace(/\s+/g, " ").trim();
  const events = new Set(risks.map((r) => norm(r.event)).filter((e) => e !== ""));
  return new Set(RISK_LIBRARY.filter((entry) => events.has(norm(entry.event.th)) || events.has(norm(entry.event.en))).map((entry) => entry.id));
}

/** The next free ids after the register's own: … (the numbering of the register's last numbered id). */
export function nextRiskIds(existing: readonly string[], count: number): string[] {
  const numbers = existing.map((id) => /(\d+)\s*$/.exec(id)?.[1]).filter((x): x is string => x !== undefined);
  const max = Math.max(0, ...numbers.map(Number));
  const width = Math.max(2, ...numbers.map((x) => x.length));
  const taken = new Set(existing);
  const out: string[] = [];
  for (let n = max + 1; out.length < count; n++) {
    const id = `R-${String(n).padStart(width, "0")}`;
    if (!taken.has(id)) out.push(id);
  }
  return out;
}

/** The last row (1-based) of the register that holds anything a user typed (formula columns aside). */
function lastUsedRow(grids: WorkbookGrids, read: ReadResult): number {
  const layout = read.layouts.tables.risks;
  const grid = grids.sheets.find((g) => g.name === layout?.sheet);
  if (!layout || !grid) return 1;
  const formulaCols = new Set(RISKS_SHEET.columns.filter((c) => c.type.kind === "formula").map((c) => layout.columns.get(c.key)));
  let last = 1;
  grid.rows.forEach((row, r) => {
    if (row.some((v, c) => !formulaCols.has(c) && !isBlank(v))) last = r + 1;
  });
  return last;
}

export interface AddedRisks {
  readonly sheet: string;
  readonly firstRow: number;
  readonly risks: readonly RiskEntry[];
}

/**
 * Appends the library's risks to the register, below its last used row: one row each, with the register's
 * formulas, plan items linked by code where the plan has them. Never writes over a row a user typed.
 */
export async function addRisksFromLibrary(port: WorkbookPort, ids: readonly string[]): Promise<AddedRisks> {
  const unknown = ids.filter((id) => !libraryRisk(id));
  if (unknown.length > 0) throw new UnknownLibraryRiskError(unknown);
  const grids = await port.readGrids(PLAN_READ);
  const read = readPlanWorkbook(grids);
  const layout = read.layouts.tables.risks;
  if (!layout) throw new NoRegisterError();
  const firstRow = lastUsedRow(grids, read) + 1;
  const newIds = nextRiskIds(read.workbook.risks.map((r) => r.id), ids.length);
  const risks = ids.map((id, k) => ({
    ...riskFromLibrary(libraryRisk(id) as LibraryRisk, newIds[k] as string, read.workbook),
    at: { sheet: layout.sheet, row: firstRow + k },
  }));
  const rows: CellInput[][] = risks.map((r) => recordCells(RISKS_SHEET, layout.columns, r, read.workbook, r.at.row));
  if (rows.length > 0) await port.appendRows(layout.sheet, firstRow, rows);
  return { sheet: layout.sheet, firstRow, risks };
}

/* ---------- editing and removing a risk (issue 16) ---------- */

/**
 * A risk being edited, as typed: the scores and the plan codes as the text in their boxes, the control
 * rating as a list key ("" for none). A field left out keeps the risk's value.
 */
export interface RiskDraftInput {
  readonly process?: string;
  readonly event?: string;
  readonly likelihood?: string;
  readonly impact?: string;
  readonly existingControls?: string;
  readonly controlRating?: ControlRating | "";
  readonly residualLikelihood?: string;
  readonly residualImpact?: string;
  /** Plan codes or control names, separated by commas, semicolons or lines. */
  readonly mitigations?: string;
  readonly owner?: string;
}

/** A problem with the risk being edited, and the field (a column key of RISKS_SHEET) it is about. */
export interface RiskDraftFinding {
  readonly finding: Finding;
  readonly field: string | undefined;
}

export interface RiskDraftCheck {
  readonly entry: RiskEntry;
  readonly findings: readonly RiskDraftFinding[];
  readonly counts: Readonly<Record<Severity, number>>;
}

/** The register rules about one risk (R8 and R9 are about the matrix sheet, not a risk). */
export const RISK_DRAFT_RULES: readonly Rule[] = RULES.filter((r) => /^R[1-7]$/.test(r.id));

/**
 * The checks of a risk being edited, pure: what cannot be read (a score that is not a whole number),
 * then the R rules on the register with the edited risk in place of the one the user saw; findings on
 * that risk's row only, each with its field.
 */
export function checkRiskDraft(read: ReadResult, seen: RiskEntry, input: RiskDraftInput): RiskDraftCheck {
  const at = seen.at ?? { sheet: read.layouts.tables.risks?.sheet ?? RISKS_SHEET.name, row: 0 };
  const locator = locatorFor(read);
  const findings: RiskDraftFinding[] = [];
  const header = (field: string) => RISKS_SHEET.columns.find((c) => c.key === field) ?? { th: field, en: field };
  const score = (field: "likelihood" | "impact" | "residualLikelihood" | "residualImpact"): number | undefined => {
    const text = input[field];
    if (text === undefined) return seen[field];
    const p = parseWhole(text.trim() === "" ? null : text.trim());
    if (p.ok) return p.value;
    findings.push({
      field,
      finding: {
        rule: p.rule ?? "X1", severity: "error", location: locator.field("risks", at, field), found: text.trim(), expected: p.expected,
        message: { th: `ค่าในช่อง "${header(field).th}" อ่านไม่ได้`, en: `The value in "${header(field).en}" cannot be read` },
      },
    });
    return undefined;
  };
  const text = (v: string | undefined, was: string) => (v === undefined ? was : v.replace(/\r\n/g, "\n").trim());
  const entry: RiskEntry = {
    ...seen,
    process: text(input.process, seen.process),
    event: text(input.event, seen.event),
    likelihood: score("likelihood"),
    impact: score("impact"),
    existingControls: text(input.existingControls, seen.existingControls),
    controlRating: input.controlRating === undefined ? seen.controlRating : input.controlRating === "" ? undefined : input.controlRating,
    residualLikelihood: score("residualLikelihood"),
    residualImpact: score("residualImpact"),
    mitigations: input.mitigations === undefined ? seen.mitigations : parseCodes(input.mitigations.trim() === "" ? null : input.mitigations),
    owner: text(input.owner, seen.owner),
    at,
  };
  const wb = read.workbook;
  const model: PlanWorkbook = { ...wb, risks: [...wb.risks.filter((r) => r.at?.row !== at.row), entry] };
  const unreadable = new Set(findings.map((f) => f.field));
  const fieldAt = new Map<string, string>();
  for (const c of RISKS_SHEET.columns) {
    const loc = locator.field("risks", at, c.key);
    if (loc.cell) fieldAt.set(loc.cell.replace(/\$/g, ""), c.key);
  }
  const ctx = { wb: model, at: locator, planYears: yearsOfPlan(wb.settings) };
  for (const rule of RISK_DRAFT_RULES) {
    for (const f of rule.check(ctx)) {
      const row = f.location.row ?? (f.location.cell ? Number(/\d+/.exec(f.location.cell)?.[0]) : undefined);
      if (f.location.sheet !== at.sheet || row !== at.row) continue;
      const field = f.location.cell ? fieldAt.get(f.location.cell.replace(/\$/g, "")) : undefined;
      if (field !== undefined && unreadable.has(field)) continue;
      findings.push({ finding: f, field });
    }
  }
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.finding.severity]++;
  return { entry, findings, counts };
}

export type RiskEditResult = { readonly kind: "edited"; readonly sheet: string; readonly row: number } | RowChanged<RiskEntry>;
export type RiskRemoveResult = { readonly kind: "removed"; readonly sheet: string; readonly row: number } | RowChanged<RiskEntry>;

async function locateRisk(port: WorkbookPort, seen: RiskEntry) {
  const grids = await port.readGrids(PLAN_READ);
  const read = readPlanWorkbook(grids);
  const layout = read.layouts.tables.risks;
  if (!layout) throw new NoRegisterError();
  return { read, layout, found: locateSeen(grids, layout.sheet, read.workbook.risks, seen) };
}

/** The risk `seen` read afresh, after the host refused a change (what the caller is told the row holds now). */
const locateAgain = (port: WorkbookPort, seen: RiskEntry) => async () => (await locateRisk(port, seen)).found;

/**
 * Rewrites the risk `seen` (as read, with its place) as `edited`: one read, then the register row's
 * input columns rewritten in place; its score and level formulas, and any column the user added, stay.
 * Refused, nothing written, when the row no longer holds `seen`.
 */
export async function editRisk(port: WorkbookPort, seen: RiskEntry, edited: RiskEntry): Promise<RiskEditResult> {
  const { read, layout, found } = await locateRisk(port, seen);
  if (found.kind === "changed") return found;
  const cells = inputCellsOnly(RISKS_SHEET, layout.columns, recordCells(RISKS_SHEET, layout.columns, edited, read.workbook, found.row));
  return changeSeenRow(found, () => port.rewriteRow(found.sheet, found.row, cells, found.expected), locateAgain(port, seen), { kind: "edited" as const, sheet: found.sheet, row: found.row });
}

/** Removes the risk `seen` from the register (the rows below move up, their formulas with them); refused as editRisk is. */
export async function removeRisk(port: WorkbookPort, seen: RiskEntry): Promise<RiskRemoveResult> {
  const { found } = await locateRisk(port, seen);
  if (found.kind === "changed") return found;
  return changeSeenRow(found, () => port.removeRow(found.sheet, found.row, found.expected), locateAgain(port, seen), { kind: "removed" as const, sheet: found.sheet, row: found.row });
}

/** The register's risk of that id, when exactly one has it (the CLI's --edit and --remove). */
export function riskById(wb: PlanWorkbook, id: string): { readonly risk: RiskEntry | undefined; readonly count: number } {
  const norm = (x: string) => x.trim().toLowerCase();
  const found = wb.risks.filter((r) => norm(r.id) === norm(id));
  return { risk: found.length === 1 ? found[0] : undefined, count: found.length };
}

/* ---------- the report sheet ---------- */

export interface GeneratedReport {
  readonly sheet: string;
  readonly spec: SheetSpec;
  readonly overview: RiskOverview;
}

/**
 * Generates the การประเมินความเสี่ยง sheet from the workbook (one read) and writes it with the `_meta`
 * mark (one write). A sheet of that name that Sujarit did not generate is the user's: refused
 * (SheetConflictError) unless `replaceUnmarked`.
 */
export async function generateRiskReport(port: WorkbookPort, options: { now?: Date; replaceUnmarked?: boolean } = {}): Promise<GeneratedReport> {
  const grids = await port.readGrids(PLAN_READ);
  const read = readPlanWorkbook(grids);
  if (!read.layouts.tables.risks) throw new NoRegisterError();
  const exists = grids.sheets.some((g) => g.name === RISK_REPORT_SHEET);
  if (exists && !options.replaceUnmarked && !generatedSheets(grids).includes(RISK_REPORT_SHEET)) throw new SheetConflictError([RISK_REPORT_SHEET]);
  const spec = riskReportSheet({ model: read.workbook, register: read.layouts.tables.risks });
  await port.writeSheets({ sheets: [spec, metaWith(grids, [RISK_REPORT_SHEET], options.now ?? new Date())], names: [] }, "replace");
  return { sheet: RISK_REPORT_SHEET, spec, overview: riskOverview(read) };
}

export { GENERATED_NOTE, RISK_REPORT_SHEET };
export { GENERATED_SHEETS_KEY, generatedSheets } from "./generated";

/** The register's column header of a risk field, in the language asked (the pane's edit form). */
export function riskFieldLabel(field: string, lang: "th" | "en"): string {
  const c = RISKS_SHEET.columns.find((x) => x.key === field);
  return c ? c[lang] : field;
}
