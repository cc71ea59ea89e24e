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
  const rows: CellInput[][] = risks.map((r) => recordCells(RISKS_SHEET, layout.columns, r as unknown as Record<string, unknown>, read.workbook, r.at.row));
  if (rows.length > 0) await port.appendRows(layout.sheet, firstRow, rows);
  return { sheet: layout.sheet, firstRow, risks };
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
