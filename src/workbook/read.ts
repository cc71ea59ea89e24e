/** Grids → plan model + located findings. Never throws on what a user could have typed. */
import type { Finding } from "../domain/findings";
import { FRAMEWORKS } from "../domain/frameworks";
import type { FrameworkId, FrameworkLevel, FrameworkNode } from "../domain/frameworks/types";
import { msg } from "../domain/messages";
import type { PlanItem, PlanWorkbook, RowRef, Settings } from "../domain/plan";
import { defaultSettings } from "../domain/settings";
import { foldForMatch, toArabicDigits } from "../domain/thai";
import { type Baht, type FiscalYear, fiscalYear, isFiscalYear, ZERO_BAHT } from "../domain/units";
import { address } from "./a1";
import { cellText, displayCell, parseBaht, parseFiscalYear } from "./cells";
import { decodeInto, type InputColumn, isInputColumn } from "./columns";
import { cellAt, type CellValue, type GridFormula, isBlank, type SheetGrid, type WorkbookGrids } from "./grid";
import { locateSheets } from "./locate";
import { type MatrixLayout, readMatrixSheet } from "./matrix-sheet";
import { PRESETS, type RiskMatrix } from "../domain/risk/matrix";
import {
  type AnySettingDef, DETAILS_SHEET, FRAMEWORK_SHEET, INPUT_SHEET_NAMES, type InputSheetKey, ITA_SHEET, META_SHEET,
  PLAN_SHEET, PROGRESS_SHEET, RISKS_SHEET, SETTINGS, type SettingDef, type SettingKey, TABLE_SHEETS, type TableSheet,
  type TableSheetDef,
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
  const details = s.details ? readRecords(s.details, DETAILS_SHEET, findings, extraHeaders, tables, (row) => row) : [];
  const progress = s.progress ? readRecords(s.progress, PROGRESS_SHEET, findings, extraHeaders, tables, (row) => row) : [];
  const risks = s.risks ? readRecords(s.risks, RISKS_SHEET, findings, extraHeaders, tables, (row) => row) : [];
  const itaMeasures = s.ita ? readRecords(s.ita, ITA_SHEET, findings, extraHeaders, tables, (row) => row) : [];

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
  const values: Mutable<Settings> = { ...fallback };
  const layoutColumns = new Map<string, number>([["value", 1]]);
  for (const def of SETTINGS) {
    const r = rows.get(def.key);
    // a setting's mistake is one S2 that calls the row by its label (not "the column"), whatever parser read it
    const own: Finding[] = [];
    const cursor = new RecordCursor(grid, r ?? 0, layoutColumns, new Map([["value", def.th]]), own);
    readSetting(def, r, cursor, grid, findings, values);
    for (const f of own) findings.push(f.rule === "X1" || f.rule === "S2" ? { ...f, rule: "S2", message: isBadValue(f.message, def.th) ? msg.badSetting(def.th) : f.message } : f);
  }
  return values;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const isBadValue = (m: Finding["message"], label: string) => m.th === msg.badValue(label).th;

/** One setting's value into `values`; its mistakes go to the cursor (S1 for a required one left empty, to `findings`). */
function readSetting(def: AnySettingDef, r: number | undefined, cursor: RecordCursor, grid: SheetGrid, findings: Finding[], values: Mutable<Settings>): void {
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
    // the first year is required and everything hangs on it: a year that can be guessed (CE typed) is taken
    const p = parseFiscalYear(cursor.value("value"));
    if (p.ok && p.value) values.firstYear = p.value;
    else if (!p.ok) {
      cursor.report("value", "S2", p.message ?? msg.badSetting(def.th), raw, p.expected, p.suggestion);
      if (p.suggestion) values.firstYear = fiscalYear(Number(p.suggestion));
    }
    return;
  }
  putSetting(def, cursor, raw, values);
}

/** A setting's cell through its codec; a value that could not be read keeps the fallback. */
function putSetting<K extends SettingKey>(def: SettingDef<K>, cursor: RecordCursor, raw: CellValue, values: Mutable<Settings>): void {
  const v = def.codec.decode(cursor, "value", raw);
  if (v !== undefined) values[def.key] = v;
}

/** How the records of one sheet are read: a decoder per input column of the template, chosen once per sheet. */
class RecordReader<R> {
  private readonly fields: ((out: Partial<R>, cursor: RecordCursor) => void)[] = [];
  /**
   * Every field present (undefined) in column order, then `at`: each record starts as a copy, so all
   * records share one compact object shape and filling a field replaces a value instead of adding a
   * property. Measured at 24,000 monthly rows: a record built key by key from {} and then given its `at`
   * takes 940 bytes against 280 for a copy of this (V8 keeps it in fast mode; see bench:validate).
   */
  private readonly shape: Partial<R> & { at?: RowRef };

  constructor(def: TableSheet<R>, layout: TableLayout) {
    const fields: Partial<R> = {};
    for (const c of def.columns) {
      if (!isInputColumn(c)) continue;
      this.fields.push(fieldReader(c, layout.columns.get(c.key)));
      fields[c.key] = undefined;
    }
    // keyed stores leave `fields` in dictionary mode; a copy made by Object.assign is a fast one
    const at: RowRef | undefined = undefined;
    this.shape = Object.assign({}, fields, { at });
  }

  /** Every field of the cursor's row, in the table's column order (so the reader's findings keep their order). */
  read(cursor: RecordCursor, at: RowRef): R & { readonly at: RowRef } {
    const out = { ...this.shape };
    for (const read of this.fields) read(out, cursor);
    out.at = at;
    // every field of R has an input column (tableSheet<R>() does not compile otherwise) and each was decoded above
    return out as R & { readonly at: RowRef };
  }
}

/** One field's decoder: its cell, empty when the sheet has no such column (a missing column reads as empty). */
function fieldReader<R, K extends keyof R & string>(column: InputColumn<R, K>, col: number | undefined): (out: Partial<R>, cursor: RecordCursor) => void {
  return (out, cursor) => decodeInto(column, out, cursor, col === undefined ? null : cursor.cellAt(col));
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

function readRecords<R, T>(
  grid: SheetGrid,
  def: TableSheet<R>,
  findings: Finding[],
  extraHeaders: Record<string, readonly string[]>,
  tables: Record<string, SheetLayout>,
  build: (row: R & { readonly at: RowRef }) => T,
): T[] {
  const table = readTableSheet(grid, def, findings, extraHeaders);
  tables[def.key] = { sheet: grid.name, columns: table.layout.columns };
  const inputKeys = def.columns.filter((c) => c.type.kind !== "formula").map((c) => c.key);
  const reader = new RecordReader(def, table.layout);
  return dataRows(grid, table.layout, inputKeys).map((r) => {
    const cursor = new RecordCursor(grid, r, table.layout.columns, table.headers, findings);
    return build(reader.read(cursor, { sheet: grid.name, row: r + 1 }));
  });
}


function readFramework(
  grid: SheetGrid,
  findings: Finding[],
  extraHeaders: Record<string, readonly string[]>,
  tables: Record<string, SheetLayout>,
): FrameworkNode[] {
  return readRecords(grid, FRAMEWORK_SHEET, findings, extraHeaders, tables, (row) => ({
    code: row.code,
    level: row.level ?? levelOfCode(row.code),
    name: row.name,
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
  const reader = new RecordReader(PLAN_SHEET, table.layout);
  const budgetKeys = budgets.map((b) => ({ year: b.year, key: `budget:${b.year}` }));
  return dataRows(grid, table.layout, inputKeys, budgets.map((b) => b.col)).map((r) => {
    const cur = new RecordCursor(grid, r, columns, headers, findings);
    const row = reader.read(cur, { sheet: grid.name, row: r + 1 });
    const yearly: Record<number, Baht> = {};
    for (const b of budgetKeys) yearly[b.year] = cur.read(b.key, parseBaht, "B1") ?? ZERO_BAHT;
    return { ...row, budgets: yearly };
  });
}

// re-exported for callers that show a cell (CLI, task pane)
export { displayCell };
export type { CellValue, FrameworkId };
