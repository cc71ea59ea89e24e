/** Grids → plan model + located findings. Never throws on what a user could have typed. */
import type { CalendarMonth } from "../domain/calendar";
import type { Finding } from "../domain/findings";
import { FRAMEWORKS } from "../domain/frameworks";
import type { FrameworkId, FrameworkLevel, FrameworkNode } from "../domain/frameworks/types";
import type { ItemKind } from "../domain/kinds";
import type * as L from "../domain/lists";
import { msg } from "../domain/messages";
import type {
  ItaMeasure, PlanItem, PlanWorkbook, ProgressEntry, ProjectDetail, Quarter, RiskEntry, Settings,
} from "../domain/plan";
import { defaultSettings } from "../domain/settings";
import { foldForMatch, normalizeSpace, toArabicDigits } from "../domain/thai";
import {
  type Baht, type DimensionNo, type FiscalYear, fiscalYear, isDimensionNo, isFiscalYear, isNodeCode,
  type NodeCode, type PlanCode, ZERO_BAHT,
} from "../domain/units";
import { address } from "./a1";
import {
  cellText, displayCell, parseBaht, parseCode, parseCodes, parseDate, parseDimension, parseFiscalYear,
  parseListCell, parseMonthCell, parseNodeCode, parseNumber, parseQuarters, parseText, parseWhole, type Parsed,
} from "./cells";
import { type CellValue, isBlank, type SheetGrid, type WorkbookGrids } from "./grid";
import { locateSheets } from "./locate";
import { type MatrixLayout, readMatrixSheet } from "./matrix-sheet";
import { PRESETS, type RiskMatrix } from "../domain/risk/matrix";
import {
  type ColumnDef, DETAILS_SHEET, FRAMEWORK_SHEET, INPUT_SHEET_NAMES, type InputSheetKey, ITA_SHEET, META_SHEET,
  PLAN_SHEET, PROGRESS_SHEET, RISKS_SHEET, SETTINGS, type SettingKey, type TableSheetDef,
} from "./schema";
import { dataRows, findLayout, mergedCellFindings, missingColumnFindings, RecordCursor, type TableLayout } from "./table";

export interface ReadResult {
  readonly workbook: PlanWorkbook;
  readonly findings: readonly Finding[];
  /** The sheet each part was read from (absent when missing). */
  readonly sheets: Partial<Record<InputSheetKey, string>>;
  readonly templateVersion: string | undefined;
  /** Per sheet, headers that are not part of the template (kept in the workbook, ignored here). */
  readonly extraHeaders: Readonly<Record<string, readonly string[]>>;
  /** Where each field was found, so that checks can point at the very cell. */
  readonly layouts: ReadLayouts;
}

export interface SheetLayout {
  readonly sheet: string;
  /** field key (and "budget:YYYY") → 0-based column index */
  readonly columns: ReadonlyMap<string, number>;
}

export interface ReadLayouts {
  readonly tables: Partial<Record<Exclude<InputSheetKey, "settings" | "matrix">, SheetLayout>>;
  /** setting key → 0-based row index of its label; the value is in column B */
  readonly settings: { readonly sheet: string; readonly rows: ReadonlyMap<SettingKey, number> } | undefined;
  /** Where the risk matrix's parts are (absent without a เมทริกซ์ความเสี่ยง sheet). */
  readonly matrix?: MatrixLayout;
}

/** The A1 address of a record's field, or undefined when the sheet or the column is missing. */
export function fieldCell(layouts: ReadLayouts, table: keyof ReadLayouts["tables"], row: number, field: string): string | undefined {
  const col = layouts.tables[table]?.columns.get(field);
  return col === undefined ? undefined : address(row, col + 1);
}

export function settingCell(layouts: ReadLayouts, key: SettingKey): string | undefined {
  const r = layouts.settings?.rows.get(key);
  return r === undefined ? undefined : address(r + 1, 2);
}

const ALL_KEYS: readonly InputSheetKey[] = ["settings", "framework", "plan", "details", "progress", "risks", "ita"];

export function readPlanWorkbook(grids: WorkbookGrids): ReadResult {
  const located = locateSheets(grids, ALL_KEYS);
  const findings: Finding[] = [...located.findings];
  const tables: Record<string, SheetLayout> = {};
  let settingsLayout: ReadLayouts["settings"];
  const extraHeaders: Record<string, readonly string[]> = {};
  const s = located.sheets;

  for (const grid of Object.values(s)) findings.push(...mergedCellFindings(grid));

  const planTable = s.plan ? readTableSheet(s.plan, PLAN_SHEET, findings, extraHeaders, isBudgetHeader) : undefined;
  const budgetColumns = s.plan && planTable ? findBudgetColumns(s.plan, planTable.layout) : [];
  if (s.plan && planTable && budgetColumns.length === 0) {
    findings.push({ rule: "P1", severity: "error", message: msg.noBudgetColumns(s.plan.name), location: { sheet: s.plan.name, row: planTable.layout.headerRow + 1 } });
  }

  if (s.plan && planTable) {
    const columns = new Map(planTable.layout.columns);
    for (const b of budgetColumns) columns.set(`budget:${b.year}`, b.col);
    tables.plan = { sheet: s.plan.name, columns };
  }
  const settings = s.settings
    ? readSettings(s.settings, findings, budgetColumns.map((b) => b.year), (rows) => { settingsLayout = { sheet: (s.settings as SheetGrid).name, rows }; })
    : inferredSettings(budgetColumns.map((b) => b.year));

  const framework = s.framework
    ? readFramework(s.framework, findings, extraHeaders, tables)
    : [...FRAMEWORKS[settings.framework].nodes];

  const items = planTable && s.plan ? readItems(s.plan, planTable, budgetColumns, findings) : [];
  const details = s.details ? readRecords(s.details, DETAILS_SHEET, findings, extraHeaders, tables, toDetail) : [];
  const progress = s.progress ? readRecords(s.progress, PROGRESS_SHEET, findings, extraHeaders, tables, toProgress) : [];
  const risks = s.risks ? readRecords(s.risks, RISKS_SHEET, findings, extraHeaders, tables, toRisk) : [];
  const itaMeasures = s.ita ? readRecords(s.ita, ITA_SHEET, findings, extraHeaders, tables, toIta) : [];

  // the matrix sheet came with template 1.1.0: without it the register scores on the preset of the settings
  const matrixGrid = locateSheets(grids, ["matrix"]);
  const matrixSheet = matrixGrid.sheets.matrix;
  let riskMatrix: RiskMatrix | undefined;
  let matrixLayout: MatrixLayout | undefined;
  if (matrixSheet) {
    findings.push(...matrixGrid.findings, ...mergedCellFindings(matrixSheet));
    const fallback = PRESETS[settings.riskMatrix] ?? (PRESETS["5x5"] as RiskMatrix);
    ({ matrix: riskMatrix, layout: matrixLayout } = readMatrixSheet(matrixSheet, fallback, findings));
  }

  const sheets: Partial<Record<InputSheetKey, string>> = {};
  for (const key of ALL_KEYS) if (s[key]) sheets[key] = (s[key] as SheetGrid).name;
  if (matrixSheet) sheets.matrix = matrixSheet.name;

  return {
    workbook: { settings, framework, items, details, progress, risks, itaMeasures, ...(riskMatrix ? { riskMatrix } : {}) },
    findings,
    sheets,
    templateVersion: readMeta(grids).get("template_version"),
    extraHeaders,
    layouts: { tables, settings: settingsLayout, ...(matrixLayout ? { matrix: matrixLayout } : {}) },
  };
}

/** Is this a Sujarit workbook at all (any template sheet present by name or marker)? */
export function looksLikeTemplate(grids: WorkbookGrids): boolean {
  const names = new Set(grids.sheets.map((g) => g.name));
  return Object.values(INPUT_SHEET_NAMES).some((n) => names.has(n)) || names.has(META_SHEET);
}

export function readMeta(grids: WorkbookGrids): Map<string, string> {
  const meta = grids.sheets.find((g) => g.name === META_SHEET);
  const out = new Map<string, string>();
  for (const row of meta?.rows ?? []) {
    const k = cellText(row[0] ?? null);
    if (k !== "") out.set(k, cellText(row[1] ?? null));
  }
  return out;
}

/* ---------- settings ---------- */

/** Without a settings sheet, the plan's budget columns say what the period probably is. */
function inferredSettings(years: readonly FiscalYear[]): Settings {
  const firstYear = years[0] ?? fiscalYear(2566);
  return defaultSettings(firstYear, years.length === 4 ? 4 : 5, firstYear < 2565 ? "2561-2564" : "2566-2570");
}

function readSettings(
  grid: SheetGrid,
  findings: Finding[],
  budgetYears: readonly FiscalYear[],
  onLayout: (rows: ReadonlyMap<SettingKey, number>) => void,
): Settings {
  const rows = new Map<SettingKey, number>();
  grid.rows.forEach((row, r) => {
    const label = cellText(row[0] ?? null);
    const def = SETTINGS.find((d) => !rows.has(d.key) && [d.th, d.en].some((t) => foldForMatch(t) === foldForMatch(label)));
    if (def) rows.set(def.key, r);
  });
  onLayout(rows);
  const fallback = inferredSettings(budgetYears);
  const values: Record<string, unknown> = { ...fallback };
  const layoutColumns = new Map<string, number>([["value", 1]]);
  for (const def of SETTINGS) {
    const r = rows.get(def.key);
    const cursor = new RecordCursor(grid, r ?? 0, layoutColumns, new Map([["value", def.th]]), findings);
    const raw = r === undefined ? null : cursor.raw("value");
    if (r === undefined || isBlank(raw)) {
      if (def.required) {
        findings.push({
          rule: "S1", severity: "error", message: msg.missingSetting(def.th, def.en),
          location: r === undefined ? { sheet: grid.name } : { sheet: grid.name, cell: address(r + 1, 2) },
        });
      }
      continue;
    }
    if (def.key === "firstYear") {
      const p = parseFiscalYear(cursor.value("value"));
      if (p.ok && p.value) values.firstYear = p.value;
      else if (!p.ok) {
        cursor.report("value", "S2", msg.badValue(def.th), raw, p.expected, p.suggestion);
        if (p.suggestion) values.firstYear = fiscalYear(Number(p.suggestion));
      }
      continue;
    }
    if (def.key === "years") {
      const n = cursor.read("value", parseWhole);
      if (n === 4 || n === 5) values.years = n;
      else if (n !== undefined) cursor.report("value", "S2", msg.badPlanLength(), raw, msg.badPlanLength());
      continue;
    }
    const v = readTyped(cursor, "value", def.type);
    if (v === undefined) continue;
    if (def.key === "round") values.round = Number(v);
    else values[def.key] = v;
  }
  return values as unknown as Settings;
}

/** Reads a cell of any non-formula column type into its model value. */
function readTyped(cursor: RecordCursor, key: string, type: ColumnDef["type"]): unknown {
  switch (type.kind) {
    case "text":
      return parseText(cursor.value(key));
    case "code":
      return parseCode(cursor.value(key));
    case "codes":
      return parseCodes(cursor.value(key));
    case "baht":
      return cursor.read(key, parseBaht, "B1");
    case "percent":
      return cursor.read(key, parseNumber);
    case "scale":
      return cursor.read(key, parseWhole);
    case "date":
      return cursor.read(key, parseDate);
    case "fiscalYear":
      return cursor.read(key, parseFiscalYear);
    case "month":
      return cursor.read(key, parseMonthCell);
    case "list":
      return cursor.read(key, (v) => parseListCell(v, type));
    case "quarters":
      return cursor.read(key, parseQuarters);
    case "dynamic":
      switch (type.list) {
        case "dimension":
          return cursor.read(key, (v) => validDimension(parseDimension(v)), "P2");
        case "mission":
        case "submission":
          return cursor.read(key, parseNodeCode, type.list === "mission" ? "P3" : "P4");
        case "planCode":
          return parseCode(cursor.value(key));
      }
      return undefined;
    case "formula":
      return undefined;
  }
}

function validDimension(p: Parsed<number>): Parsed<DimensionNo> {
  if (!p.ok || p.value === undefined) return p as Parsed<DimensionNo>;
  return isDimensionNo(p.value) ? { ok: true, value: p.value } : { ok: false, expected: msg.expectDimension(), rule: "P2" };
}

/* ---------- tables ---------- */

interface TableRead {
  readonly layout: TableLayout;
  readonly headers: ReadonlyMap<string, string>;
}

function readTableSheet(
  grid: SheetGrid,
  def: TableSheetDef,
  findings: Finding[],
  extraHeaders: Record<string, readonly string[]>,
  isKnownExtra?: (h: string) => boolean,
): TableRead {
  const layout = findLayout(grid, def.columns, isKnownExtra);
  findings.push(...missingColumnFindings(grid, def, layout));
  if (layout.extraHeaders.length > 0) extraHeaders[grid.name] = layout.extraHeaders;
  return { layout, headers: new Map(def.columns.map((c) => [c.key, c.th])) };
}

function readRecords<T>(
  grid: SheetGrid,
  def: TableSheetDef,
  findings: Finding[],
  extraHeaders: Record<string, readonly string[]>,
  tables: Record<string, SheetLayout>,
  build: (values: Record<string, unknown>, at: { sheet: string; row: number }) => T,
): T[] {
  const table = readTableSheet(grid, def, findings, extraHeaders);
  tables[def.key] = { sheet: grid.name, columns: table.layout.columns };
  const inputKeys = def.columns.filter((c) => c.type.kind !== "formula").map((c) => c.key);
  return dataRows(grid, table.layout, inputKeys).map((r) => {
    const cursor = new RecordCursor(grid, r, table.layout.columns, table.headers, findings);
    const values: Record<string, unknown> = {};
    for (const col of def.columns) {
      if (!table.layout.columns.has(col.key) || col.type.kind === "formula") continue;
      values[col.key] = readTyped(cursor, col.key, col.type);
    }
    return build(values, { sheet: grid.name, row: r + 1 });
  });
}

const str = (v: unknown): string => (typeof v === "string" ? v : "");
const strs = (v: unknown): string[] => (Array.isArray(v) ? (v as string[]) : []);
const opt = <T>(v: unknown): T | undefined => (v === undefined || v === "" ? undefined : (v as T));

function readFramework(
  grid: SheetGrid,
  findings: Finding[],
  extraHeaders: Record<string, readonly string[]>,
  tables: Record<string, SheetLayout>,
): FrameworkNode[] {
  return readRecords(grid, FRAMEWORK_SHEET, findings, extraHeaders, tables, (v) => ({
    code: str(v.code),
    level: (opt<FrameworkLevel>(v.level) ?? levelOfCode(str(v.code))) as FrameworkLevel,
    name: normalizeSpace(str(v.name)),
  })).filter((n) => n.code !== "");
}

function levelOfCode(code: string): FrameworkLevel {
  const depth = code.split(".").length;
  return depth === 1 ? "dimension" : depth === 2 ? "mission" : "submission";
}

/* ---------- plan items ---------- */

interface BudgetColumn {
  readonly year: FiscalYear;
  readonly col: number;
}

/** "งบประมาณ ปี 2566", "ปี ๒๕๖๖", "Budget 2566", "2566" — a header with a BE year in it. */
function budgetYearOf(header: string): FiscalYear | undefined {
  const t = toArabicDigits(header);
  const m = /(?:^|\D)(2[45]\d\d)(?:\D|$)/.exec(t);
  if (!m) return undefined;
  if (!/(งบ|ปี|budget|^\s*\d{4}\s*$)/i.test(t)) return undefined;
  const y = Number(m[1]);
  return isFiscalYear(y) ? fiscalYear(y) : undefined;
}

function isBudgetHeader(header: string): boolean {
  return budgetYearOf(header) !== undefined;
}

function findBudgetColumns(grid: SheetGrid, layout: TableLayout): BudgetColumn[] {
  const out: BudgetColumn[] = [];
  (grid.rows[layout.headerRow] ?? []).forEach((cell, col) => {
    if (typeof cell !== "string" && typeof cell !== "number") return;
    const year = budgetYearOf(String(cell));
    if (year && !out.some((b) => b.year === year)) out.push({ year, col });
  });
  return out;
}

function readItems(grid: SheetGrid, table: TableRead, budgets: readonly BudgetColumn[], findings: Finding[]): PlanItem[] {
  const inputKeys = PLAN_SHEET.columns.map((c) => c.key);
  const columns = new Map(table.layout.columns);
  const headers = new Map(table.headers);
  for (const b of budgets) {
    columns.set(`budget:${b.year}`, b.col);
    headers.set(`budget:${b.year}`, String(grid.rows[table.layout.headerRow]?.[b.col] ?? b.year));
  }
  return dataRows(grid, table.layout, inputKeys, budgets.map((b) => b.col)).map((r) => {
    const cur = new RecordCursor(grid, r, columns, headers, findings);
    const values: Record<string, unknown> = {};
    for (const col of PLAN_SHEET.columns) {
      if (columns.has(col.key)) values[col.key] = readTyped(cur, col.key, col.type);
    }
    const yearly: Record<number, Baht> = {};
    for (const b of budgets) yearly[b.year] = cur.read(`budget:${b.year}`, parseBaht, "B1") ?? ZERO_BAHT;
    const code = opt<string>(values.code);
    return {
      code: code as PlanCode | undefined,
      dimension: opt<DimensionNo>(values.dimension),
      mission: nodeOrUndefined(values.mission),
      subMission: nodeOrUndefined(values.subMission),
      kind: opt<ItemKind>(values.kind),
      name: normalizeSpace(str(values.name)),
      budgets: yearly,
      note: str(values.note),
      owner: str(values.owner),
      indicator: str(values.indicator),
      target: str(values.target),
      targetGroups: strs(values.targetGroups),
      quarters: (values.quarters as Quarter[] | undefined) ?? [],
      itaIndicator: str(values.itaIndicator),
      at: { sheet: grid.name, row: r + 1 },
    };
  });
}

function nodeOrUndefined(v: unknown): NodeCode | undefined {
  return typeof v === "string" && isNodeCode(v) ? (v as NodeCode) : undefined;
}

/* ---------- the other record sheets ---------- */

function toDetail(v: Record<string, unknown>, at: { sheet: string; row: number }): ProjectDetail {
  return {
    code: opt<PlanCode>(v.code),
    rationale: str(v.rationale), objectives: str(v.objectives), targetGroups: str(v.targetGroups),
    method: str(v.method), outputs: str(v.outputs), outcomes: str(v.outcomes), at,
  };
}

function toProgress(v: Record<string, unknown>, at: { sheet: string; row: number }): ProgressEntry {
  return {
    fy: opt<FiscalYear>(v.fy),
    month: v.month === undefined ? undefined : (Number(v.month) as CalendarMonth),
    code: opt<PlanCode>(v.code),
    status: opt<L.ProgressStatus>(v.status),
    reason: opt<L.NotPossibleReason>(v.reason),
    reasonText: str(v.reasonText),
    inOrdinance: v.inOrdinance === undefined ? undefined : v.inOrdinance === "yes",
    progressPct: opt<number>(v.progressPct),
    startDate: opt<Date>(v.startDate),
    endDate: opt<Date>(v.endDate),
    output: str(v.output), unit: str(v.unit), indicatorResult: str(v.indicatorResult), result: str(v.result),
    budgetType: opt<L.BudgetType>(v.budgetType),
    ordinanceAmount: opt<Baht>(v.ordinanceAmount),
    disbursed: opt<Baht>(v.disbursed),
    evidence: str(v.evidence), problems: str(v.problems), recommendations: str(v.recommendations),
    enteredBy: str(v.enteredBy), enteredOn: opt<Date>(v.enteredOn), at,
  };
}

function toRisk(v: Record<string, unknown>, at: { sheet: string; row: number }): RiskEntry {
  return {
    id: str(v.id) || (v.id === undefined ? "" : String(v.id)),
    process: str(v.process),
    category: opt<L.RiskCategory>(v.category),
    event: str(v.event),
    factor: opt<L.RiskFactor>(v.factor),
    likelihood: opt<number>(v.likelihood),
    impact: opt<number>(v.impact),
    existingControls: str(v.existingControls),
    controlRating: opt<L.ControlRating>(v.controlRating),
    residualLikelihood: opt<number>(v.residualLikelihood),
    residualImpact: opt<number>(v.residualImpact),
    mitigations: strs(v.mitigations),
    owner: str(v.owner),
    statusLight: opt<L.StatusLight>(v.statusLight),
    reviewedOn: opt<Date>(v.reviewedOn),
    at,
  };
}

function toIta(v: Record<string, unknown>, at: { sheet: string; row: number }): ItaMeasure {
  return {
    no: str(v.no) || (v.no === undefined ? "" : String(v.no)),
    indicator: str(v.indicator), measure: str(v.measure), steps: str(v.steps), owner: str(v.owner),
    period: str(v.period), linkedCodes: strs(v.linkedCodes), result: str(v.result), at,
  };
}

// re-exported for callers that show a cell (CLI, task pane)
export { displayCell };
export type { CellValue, FrameworkId };
