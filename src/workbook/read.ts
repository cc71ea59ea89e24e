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
  type NodeCode, type PlanCode, planCode, ZERO_BAHT,
} from "../domain/units";
import { address } from "./a1";
import {
  cellText, displayCell, parseBaht, parseCode, parseCodes, parseDate, parseDimension, parseFiscalYear,
  parseListCell, parseMonthCell, parseNodeCode, parseNumber, parseQuarters, parseText, parseWhole, type Parsed,
} from "./cells";
import { cellAt, type CellValue, type GridFormula, isBlank, type SheetGrid, type WorkbookGrids } from "./grid";
import { locateSheets } from "./locate";
import { type MatrixLayout, readMatrixSheet } from "./matrix-sheet";
import { PRESETS, type RiskMatrix } from "../domain/risk/matrix";
import {
  type ColumnDef, DETAILS_SHEET, FRAMEWORK_SHEET, INPUT_SHEET_NAMES, type InputSheetKey, ITA_SHEET, META_SHEET,
  PLAN_SHEET, PROGRESS_SHEET, RISKS_SHEET, SETTINGS, type SettingDef, type SettingKey, TABLE_SHEETS, type TableSheetDef,
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
  if (s.plan && planTable && items.length === 0) {
    // a plan with no items passes every other check: it is an error of its own, at the first row to fill (issue 18)
    const nameCol = planTable.layout.columns.get("name");
    const row = planTable.layout.headerRow + 2;
    findings.push({
      rule: "P11", severity: "error", message: msg.emptyPlan(s.plan.name, row),
      location: nameCol === undefined ? { sheet: s.plan.name, row } : { sheet: s.plan.name, cell: address(row, nameCol + 1) }, found: "",
    });
  }
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

  findings.push(...typedFormulas(s, tables, settingsLayout));

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

/**
 * X11: a formula in an input cell where a typed value belongs (a column that is not one of the template's
 * formula columns, a setting's value), quoting the formula and what it computed — the reader would
 * otherwise take its result silently ("=1+1" read as the name "2"). Only where the host tells formulas
 * (SheetGrid.formulas).
 */
function typedFormulas(s: Partial<Record<InputSheetKey, SheetGrid>>, tables: Record<string, SheetLayout>, settings: ReadLayouts["settings"]): Finding[] {
  const out: Finding[] = [];
  const report = (grid: SheetGrid, f: GridFormula, header: string) => {
    const result = displayCell(cellAt(grid, f.row, f.col));
    out.push({
      rule: "X11", severity: "warning", message: msg.typedFormula(header, f.formula, result),
      location: { sheet: grid.name, cell: address(f.row + 1, f.col + 1) }, found: f.formula,
      expected: { th: `ค่าที่พิมพ์เอง (ไม่ใช่สูตร) ใน "${header}"`, en: `a typed value (not a formula) in "${header}"` },
    });
  };
  for (const def of TABLE_SHEETS) {
    const grid = s[def.key];
    const layout = tables[def.key];
    if (!grid?.formulas || !layout) continue;
    const keyOf = new Map([...layout.columns].map(([k, c]) => [c, k]));
    for (const f of grid.formulas) {
      const key = keyOf.get(f.col);
      if (key === undefined) continue;
      const column = def.columns.find((c) => c.key === key);
      if (column?.type.kind === "formula") continue;
      report(grid, f, column?.th ?? (key.startsWith("budget:") ? `งบประมาณ ปี ${key.slice(7)}` : key));
    }
  }
  const grid = s.settings;
  if (grid?.formulas && settings) {
    const labelOf = new Map([...settings.rows].map(([key, row]) => [row, SETTINGS.find((d) => d.key === key)?.th ?? key]));
    for (const f of grid.formulas) {
      const label = f.col === 1 ? labelOf.get(f.row) : undefined;
      if (label !== undefined) report(grid, f, label);
    }
  }
  return out;
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

/** Each setting's Thai and English labels, folded once: folded label → the settings so named, in order. */
const SETTING_LABELS: ReadonlyMap<string, readonly SettingDef[]> = (() => {
  const labels = new Map<string, SettingDef[]>();
  for (const def of SETTINGS) {
    for (const label of new Set([foldForMatch(def.th), foldForMatch(def.en)])) labels.set(label, [...(labels.get(label) ?? []), def]);
  }
  return labels;
})();

function readSettings(
  grid: SheetGrid,
  findings: Finding[],
  budgetYears: readonly FiscalYear[],
  onLayout: (rows: ReadonlyMap<SettingKey, number>) => void,
): Settings {
  const rows = new Map<SettingKey, number>();
  grid.rows.forEach((row, r) => {
    const label = cellText(row[0] ?? null);
    const def = SETTING_LABELS.get(foldForMatch(label))?.find((d) => !rows.has(d.key));
    if (def) rows.set(def.key, r);
  });
  onLayout(rows);
  const fallback = inferredSettings(budgetYears);
  const values: Record<string, unknown> = { ...fallback };
  const layoutColumns = new Map<string, number>([["value", 1]]);
  for (const def of SETTINGS) {
    const r = rows.get(def.key);
    // a setting's mistake is one S2 that calls the row by its label (not "the column"), whatever parser read it
    const own: Finding[] = [];
    const cursor = new RecordCursor(grid, r ?? 0, layoutColumns, new Map([["value", def.th]]), own);
    readSetting(def, r, cursor, grid, findings, values);
    for (const f of own) findings.push(f.rule === "X1" || f.rule === "S2" ? { ...f, rule: "S2", message: isBadValue(f.message, def.th) ? msg.badSetting(def.th) : f.message } : f);
  }
  return values as unknown as Settings;
}

const isBadValue = (m: Finding["message"], label: string) => m.th === msg.badValue(label).th;

/** One setting's value into `values`; its mistakes go to the cursor (S1 for a required one left empty, to `findings`). */
function readSetting(def: (typeof SETTINGS)[number], r: number | undefined, cursor: RecordCursor, grid: SheetGrid, findings: Finding[], values: Record<string, unknown>): void {
  const raw = r === undefined ? null : cursor.raw("value");
  if (r === undefined || isBlank(raw)) {
    if (def.required) {
      findings.push({
        rule: "S1", severity: "error", message: msg.missingSetting(def.th, def.en),
        location: r === undefined ? { sheet: grid.name } : { sheet: grid.name, cell: address(r + 1, 2) },
      });
    }
    return;
  }
  if (def.key === "firstYear") {
    const p = parseFiscalYear(cursor.value("value"));
    if (p.ok && p.value) values.firstYear = p.value;
    else if (!p.ok) {
      cursor.report("value", "S2", p.message ?? msg.badSetting(def.th), raw, p.expected, p.suggestion);
      if (p.suggestion) values.firstYear = fiscalYear(Number(p.suggestion));
    }
    return;
  }
  if (def.key === "years") {
    const n = cursor.read("value", parseWhole);
    if (n === 4 || n === 5) values.years = n;
    else if (n !== undefined) cursor.report("value", "S2", msg.badPlanLength(), raw, msg.badPlanLength());
    return;
  }
  const v = readTyped(cursor, "value", def.type);
  if (v === undefined) return;
  if (def.key === "round") values.round = Number(v);
  else values[def.key] = v;
}

/** Reads a cell of any non-formula column type into its model value. */
function readTyped(cursor: RecordCursor, key: string, type: ColumnDef["type"]): unknown {
  return typedReader(key, type)?.(cursor, cursor.raw(key));
}

/** How a cell (of the cursor's row, in the column of the reader's key) is read into its model value. */
type CellReader = (cursor: RecordCursor, cell: CellValue) => unknown;

/**
 * The reader of a column, chosen once per sheet: a table's rows then read each cell without looking
 * the column type up again. Undefined for a formula column (not read).
 */
function typedReader(key: string, type: ColumnDef["type"]): CellReader | undefined {
  switch (type.kind) {
    case "text":
      return (cursor, cell) => parseText(cursor.value(key, cell));
    case "code":
      return (cursor, cell) => parseCode(cursor.value(key, cell));
    case "codes":
      return (cursor, cell) => parseCodes(cursor.value(key, cell));
    case "baht":
      return (cursor, cell) => cursor.read(key, parseBaht, "B1", cell);
    case "percent":
      return (cursor, cell) => cursor.read(key, parseNumber, "X1", cell);
    case "scale":
      return (cursor, cell) => cursor.read(key, parseWhole, "X1", cell);
    case "date":
      return (cursor, cell) => cursor.read(key, parseDate, "X1", cell);
    case "fiscalYear":
      return (cursor, cell) => cursor.read(key, parseFiscalYear, "X1", cell);
    case "month":
      return (cursor, cell) => cursor.read(key, parseMonthCell, "X1", cell);
    case "list": {
      const parse = (v: CellValue) => parseListCell(v, type);
      return (cursor, cell) => cursor.read(key, parse, "X1", cell);
    }
    case "quarters":
      return (cursor, cell) => cursor.read(key, parseQuarters, "X1", cell);
    case "dynamic":
      switch (type.list) {
        case "dimension": {
          const parse = (v: CellValue) => validDimension(parseDimension(v));
          return (cursor, cell) => cursor.read(key, parse, "P2", cell);
        }
        case "mission":
        case "submission": {
          const rule = type.list === "mission" ? "P3" : "P4";
          return (cursor, cell) => cursor.read(key, parseNodeCode, rule, cell);
        }
        case "planCode":
          return (cursor, cell) => parseCode(cursor.value(key, cell));
      }
      return undefined;
    case "formula":
      return undefined;
  }
}

/**
 * The values read from one record, in the order of its sheet's readers, found by field key through the
 * sheet's slots. An array and slots resolved once per sheet, because building an object key by key for
 * every row (twenty-odd keyed stores each) cost more than reading the cells.
 */
class RecordValues {
  constructor(
    private readonly slots: Readonly<Record<string, number>>,
    private readonly values: readonly unknown[],
  ) {}

  /** The value read for a field; undefined when its column is not in the sheet. */
  get(key: string): unknown {
    const slot = this.slots[key];
    return slot === undefined ? undefined : this.values[slot];
  }
}

/** How the records of one sheet are read: a reader per input column present, chosen once. */
class RecordReader {
  private readonly readers: CellReader[] = [];
  /** The sheet column of each reader. */
  private readonly columns: number[] = [];
  /** What each reader makes of an empty cell (about half the cells of a monthly row are empty). */
  private readonly blanks: unknown[] = [];
  /** field key → index in `readers` (and in each record's values); only schema keys are asked for. */
  private readonly slots: Record<string, number> = {};

  constructor(columns: readonly ColumnDef[], layout: TableLayout) {
    for (const col of columns) {
      const read = layout.columns.has(col.key) ? typedReader(col.key, col.type) : undefined;
      if (!read) continue;
      this.slots[col.key] = this.readers.length;
      this.readers.push(read);
      this.columns.push(layout.columns.get(col.key) as number);
      this.blanks.push(blankValue(col.key, read));
    }
  }

  /** Every field of the cursor's row, in the table's column order (so the reader's findings keep their order). */
  read(cursor: RecordCursor): RecordValues {
    const values = new Array<unknown>(this.readers.length);
    for (let i = 0; i < this.readers.length; i++) {
      const cell = cursor.cellAt(this.columns[i] as number);
      values[i] = cell === null || cell === "" ? fresh(this.blanks[i]) : (this.readers[i] as CellReader)(cursor, cell);
    }
    return new RecordValues(this.slots, values);
  }
}

/** What a reader makes of an empty cell (null or ""; both read alike whatever the type, and report nothing). */
function blankValue(key: string, read: CellReader): unknown {
  const findings: Finding[] = [];
  const empty: SheetGrid = { name: "", visibility: "visible", rows: [], merges: [] };
  const value = read(new RecordCursor(empty, 0, new Map([[key, 0]]), new Map(), findings), null);
  if (findings.length > 0) throw new Error(`an empty ${key} cell is not a finding`);
  return value;
}

/** A record's own copy of a blank list (empty codes, no quarters), never one shared between records. */
const fresh = (blank: unknown): unknown => (Array.isArray(blank) ? [...(blank as unknown[])] : blank);

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
  build: (values: RecordValues, at: { sheet: string; row: number }) => T,
): T[] {
  const table = readTableSheet(grid, def, findings, extraHeaders);
  tables[def.key] = { sheet: grid.name, columns: table.layout.columns };
  const inputKeys = def.columns.filter((c) => c.type.kind !== "formula").map((c) => c.key);
  const reader = new RecordReader(def.columns, table.layout);
  return dataRows(grid, table.layout, inputKeys).map((r) => {
    const cursor = new RecordCursor(grid, r, table.layout.columns, table.headers, findings);
    return build(reader.read(cursor), { sheet: grid.name, row: r + 1 });
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
    code: str(v.get("code")),
    level: (opt<FrameworkLevel>(v.get("level")) ?? levelOfCode(str(v.get("code")))) as FrameworkLevel,
    name: normalizeSpace(str(v.get("name"))),
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
  const reader = new RecordReader(PLAN_SHEET.columns, table.layout);
  const budgetKeys = budgets.map((b) => ({ year: b.year, key: `budget:${b.year}` }));
  return dataRows(grid, table.layout, inputKeys, budgets.map((b) => b.col)).map((r) => {
    const cur = new RecordCursor(grid, r, columns, headers, findings);
    const values = reader.read(cur);
    const yearly: Record<number, Baht> = {};
    for (const b of budgetKeys) yearly[b.year] = cur.read(b.key, parseBaht, "B1") ?? ZERO_BAHT;
    const code = opt<string>(values.get("code"));
    return {
      code: code === undefined || code.trim() === "" ? undefined : planCode(code),
      dimension: opt<DimensionNo>(values.get("dimension")),
      mission: nodeOrUndefined(values.get("mission")),
      subMission: nodeOrUndefined(values.get("subMission")),
      kind: opt<ItemKind>(values.get("kind")),
      name: normalizeSpace(str(values.get("name"))),
      budgets: yearly,
      note: str(values.get("note")),
      owner: str(values.get("owner")),
      indicator: str(values.get("indicator")),
      target: str(values.get("target")),
      targetGroups: strs(values.get("targetGroups")),
      quarters: (values.get("quarters") as Quarter[] | undefined) ?? [],
      itaIndicator: str(values.get("itaIndicator")),
      at: { sheet: grid.name, row: r + 1 },
    };
  });
}

function nodeOrUndefined(v: unknown): NodeCode | undefined {
  return typeof v === "string" && isNodeCode(v) ? (v as NodeCode) : undefined;
}

/* ---------- the other record sheets ---------- */

function toDetail(v: RecordValues, at: { sheet: string; row: number }): ProjectDetail {
  return {
    code: opt<PlanCode>(v.get("code")),
    rationale: str(v.get("rationale")), objectives: str(v.get("objectives")), targetGroups: str(v.get("targetGroups")),
    method: str(v.get("method")), outputs: str(v.get("outputs")), outcomes: str(v.get("outcomes")), at,
  };
}

function toProgress(v: RecordValues, at: { sheet: string; row: number }): ProgressEntry {
  return {
    fy: opt<FiscalYear>(v.get("fy")),
    month: v.get("month") === undefined ? undefined : (Number(v.get("month")) as CalendarMonth),
    code: opt<PlanCode>(v.get("code")),
    status: opt<L.ProgressStatus>(v.get("status")),
    reason: opt<L.NotPossibleReason>(v.get("reason")),
    reasonText: str(v.get("reasonText")),
    inOrdinance: v.get("inOrdinance") === undefined ? undefined : v.get("inOrdinance") === "yes",
    progressPct: opt<number>(v.get("progressPct")),
    startDate: opt<Date>(v.get("startDate")),
    endDate: opt<Date>(v.get("endDate")),
    output: str(v.get("output")), unit: str(v.get("unit")), indicatorResult: str(v.get("indicatorResult")), result: str(v.get("result")),
    budgetType: opt<L.BudgetType>(v.get("budgetType")),
    ordinanceAmount: opt<Baht>(v.get("ordinanceAmount")),
    disbursed: opt<Baht>(v.get("disbursed")),
    evidence: str(v.get("evidence")), problems: str(v.get("problems")), recommendations: str(v.get("recommendations")),
    enteredBy: str(v.get("enteredBy")), enteredOn: opt<Date>(v.get("enteredOn")), at,
  };
}

function toRisk(v: RecordValues, at: { sheet: string; row: number }): RiskEntry {
  return {
    id: str(v.get("id")) || (v.get("id") === undefined ? "" : String(v.get("id"))),
    process: str(v.get("process")),
    category: opt<L.RiskCategory>(v.get("category")),
    event: str(v.get("event")),
    factor: opt<L.RiskFactor>(v.get("factor")),
    likelihood: opt<number>(v.get("likelihood")),
    impact: opt<number>(v.get("impact")),
    existingControls: str(v.get("existingControls")),
    controlRating: opt<L.ControlRating>(v.get("controlRating")),
    residualLikelihood: opt<number>(v.get("residualLikelihood")),
    residualImpact: opt<number>(v.get("residualImpact")),
    mitigations: strs(v.get("mitigations")),
    owner: str(v.get("owner")),
    statusLight: opt<L.StatusLight>(v.get("statusLight")),
    reviewedOn: opt<Date>(v.get("reviewedOn")),
    at,
  };
}

function toIta(v: RecordValues, at: { sheet: string; row: number }): ItaMeasure {
  return {
    no: str(v.get("no")) || (v.get("no") === undefined ? "" : String(v.get("no"))),
    indicator: str(v.get("indicator")), measure: str(v.get("measure")), steps: str(v.get("steps")), owner: str(v.get("owner")),
    period: str(v.get("period")), linkedCodes: strs(v.get("linkedCodes")), result: str(v.get("result")), at,
  };
}

// re-exported for callers that show a cell (CLI, task pane)
export { displayCell };
export type { CellValue, FrameworkId };
