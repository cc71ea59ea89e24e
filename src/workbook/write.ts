/** Plan model → sheet descriptions that a host renders. Layout lives here once, for every host. */
import type { FrameworkNode } from "../domain/frameworks/types";
import { type ClosedList, MONTHS, STATIC_LISTS } from "../domain/lists";
import type { PlanWorkbook } from "../domain/plan";
import { yearsOfPlan } from "../domain/settings";
import type { FiscalYear } from "../domain/units";
import { absoluteRange, columnLetter, rangeAddress, sheetRef } from "./a1";
import {
  type Column, type ColumnDef, encodeField, type EncodeContext, isFormulaColumn, isInputColumn, nodeLabel, type TableSheet,
} from "./columns";
import type { CellInput, ColumnSpec, ConditionalFill, ListValidation, NameSpec, RowStyle, SheetSpec, WorkbookSpec } from "./grid";
import { matrixOf } from "../domain/risk/assess";
import type { RiskMatrix } from "../domain/risk/matrix";
import { levelFill, matrixSheet } from "./matrix-sheet";
import {
  AMOUNT_NUMFMT, BUDGET_COLUMN_WIDTH, BUDGET_NUMFMT, budgetHeader, DATE_NUMFMT, DETAILS_SHEET,
  FORMATTED_ROWS, FRAMEWORK_SHEET, INPUT_SHEET_NAMES, type InputSheetKey, ITA_SHEET, listName,
  LISTS_SHEET, META_SHEET, PLAN_SHEET, PROGRESS_SHEET, RISKS_SHEET, SETTINGS, SETTINGS_HEADERS, SETTINGS_SHEET,
  type PlanRow, type SettingDef, type SettingKey, sheetMarkerName, type TableSheetDef, TEMPLATE_VERSION,
} from "./schema";
import type { PlanItem, Settings } from "../domain/plan";

export const HEADER_STYLE = { bold: true, fill: "FF1F4E79", fontColor: "FFFFFFFF", wrap: true } as const;
const GROUP_STYLE = { bold: true, fill: "FFDDEBF7" } as const;
/** Text format, so that codes such as "1.10" are never turned into numbers by Excel. */
const TEXT_FMT = "@";

export interface DescribeOptions {
  /** Stamped into `_meta`; pass a fixed date in tests for byte-stable output. */
  readonly createdAt: Date;
  readonly generator?: string;
}

export function describeWorkbook(model: PlanWorkbook, options: DescribeOptions): WorkbookSpec {
  const years = planYearsOf(model);
  const dynamic = dynamicLists(model.framework);
  const planColumns = planColumnsFor(years);
  const matrix = matrixOf(model);
  const matrixPart = matrixSheet(matrix);
  const sheets: SheetSpec[] = [
    settingsSheet(model),
    tableSheet(FRAMEWORK_SHEET, FRAMEWORK_SHEET.columns, model.framework, model, {
      rowStyles: model.framework.flatMap((n, i) => (n.level === "dimension" ? [{ from: i + 2, to: i + 2, style: GROUP_STYLE }] : [])),
    }),
    tableSheet(PLAN_SHEET, planColumns, model.items, model),
    tableSheet(DETAILS_SHEET, DETAILS_SHEET.columns, model.details, model),
    tableSheet(PROGRESS_SHEET, PROGRESS_SHEET.columns, model.progress, model),
    tableSheet(RISKS_SHEET, RISKS_SHEET.columns, model.risks, model, {
      formulaRows: 200,
      conditionalFills: levelFills(matrix, RISKS_SHEET.columns, ["level", "residualLevel"]),
    }),
    matrixPart.sheet,
    tableSheet(ITA_SHEET, ITA_SHEET.columns, model.itaMeasures, model),
    listsSheet(dynamic),
    metaSheet(options),
  ];
  // the scale dropdown follows the matrix sheet's values (1…3 on a 3 × 3), not the static 1…5
  const names = listNames(dynamic).filter((n) => n.name !== listName("scale"));
  return { sheets, names: [...names, ...matrixPart.names, ...markerNames()] };
}

export function planYearsOf(model: PlanWorkbook): FiscalYear[] {
  return yearsOfPlan(model.settings);
}

/** A column the writer fills from the whole record (a plan year's budget); the reader reads it on its own. */
interface DerivedColumn<R> extends ColumnDef {
  readonly cellOf: (record: R) => CellInput;
}

/** A column as the writer sees it: a column of the sheet's row type W, or one derived from the whole record R. */
type WrittenColumn<W, R extends W = W> = Column<W> | DerivedColumn<R>;

/** The plan sheet's columns: the fixed ones with one budget column per plan year after the name. */
export function planColumnsFor(years: readonly FiscalYear[]): WrittenColumn<PlanRow, PlanItem>[] {
  const nameAt = PLAN_SHEET.columns.findIndex((c) => c.key === "name");
  const budgetCols: DerivedColumn<PlanItem>[] = years.map((y) => ({
    key: `budget:${y}`,
    ...budgetHeader(y),
    type: { kind: "baht", decimals: 0 },
    required: false,
    width: BUDGET_COLUMN_WIDTH,
    cellOf: (item) => item.budgets[y] ?? null,
  }));
  return [...PLAN_SHEET.columns.slice(0, nameAt + 1), ...budgetCols, ...PLAN_SHEET.columns.slice(nameAt + 1)];
}

/** A record's cell in a column (formula columns are filled by the caller). */
function cellOf<W, R extends W>(c: WrittenColumn<W, R>, record: R, context: EncodeContext): CellInput {
  if ("cellOf" in c) return c.cellOf(record);
  return isInputColumn(c) ? encodeField(c, record, context) : null;
}

/* ---------- settings ---------- */

function settingsSheet(model: PlanWorkbook): SheetSpec {
  const validations: ListValidation[] = [];
  const rows: CellInput[][] = [[SETTINGS_HEADERS.label.th, SETTINGS_HEADERS.value.th, "Setting (English)"]];
  SETTINGS.forEach((def, i) => {
    const r = i + 2;
    rows.push([def.th, settingCell(def, model.settings, model), def.en]);
    if (def.codec.type.kind === "list") validations.push({ range: `B${r}`, listName: listName(def.codec.type.list.id) });
  });
  return {
    name: SETTINGS_SHEET.name,
    visibility: "visible",
    rows,
    columns: [{ width: 30 }, { width: 42, numFmt: TEXT_FMT }, { width: 22 }],
    formattedRows: 0,
    freeze: { rows: 1, columns: 0 },
    rowStyles: [{ from: 1, to: 1, style: HEADER_STYLE }],
    validations,
    cellFormats: SETTINGS.flatMap((def, i) =>
      def.codec.type.kind === "date" ? [{ cell: `B${i + 2}`, numFmt: DATE_NUMFMT }] :
      def.codec.type.kind === "fiscalYear" || def.key === "years" || def.key === "round" ? [{ cell: `B${i + 2}`, numFmt: "0" }] : []),
    tabColor: "FF1F4E79",
  };
}

/** A setting's value cell through its codec (K ties the codec to the setting). */
function settingCell<K extends SettingKey>(def: SettingDef<K>, settings: Settings, context: EncodeContext): CellInput {
  return def.codec.encode(settings[def.key], context);
}

/* ---------- table sheets ---------- */

interface TableOptions {
  readonly rowStyles?: readonly RowStyle[];
  /** Formula columns are filled this many rows down even where there is no record yet. */
  readonly formulaRows?: number;
  readonly conditionalFills?: readonly ConditionalFill[];
}

/**
 * The register's level columns coloured by level: one conditional fill per level, comparing with the
 * level's name in the matrix sheet by rank, so renaming a level there keeps the colours.
 */
function levelFills(m: RiskMatrix, columns: readonly ColumnDef[], keys: readonly string[]): ConditionalFill[] {
  return keys.flatMap((key) => {
    const col = columnLetter(columns.findIndex((c) => c.key === key) + 1);
    return m.levels.map((lv, idx) => ({
      range: `${col}2:${col}${FORMATTED_ROWS + 1}`,
      formula: `${col}2=INDEX(${listName("riskLevel")},${idx + 1})`,
      fill: levelFill(lv),
    }));
  });
}

function tableSheet<W, R extends W>(
  def: TableSheetDef,
  columns: readonly WrittenColumn<W, R>[],
  records: readonly R[],
  model: PlanWorkbook,
  options: TableOptions = {},
): SheetSpec {
  const letterOf = (key: string): string => columnLetter(columns.findIndex((c) => c.key === key) + 1);
  const rowCount = Math.max(records.length, options.formulaRows ?? 0);
  const rows: CellInput[][] = [columns.map((c) => c.th)];
  for (let i = 0; i < rowCount; i++) {
    const record = records[i];
    const r = i + 2;
    rows.push(
      columns.map((c) =>
        c.type.kind === "formula"
          ? { formula: c.type.formula(r, letterOf) }
          : record === undefined ? null : cellOf(c, record, model),
      ),
    );
  }
  const lastRow = FORMATTED_ROWS + 1;
  const validations: ListValidation[] = columns.flatMap((c, i) => {
    const id = listIdOf(c);
    return id ? [{ range: rangeAddress(2, i + 1, lastRow, i + 1), listName: listName(id) }] : [];
  });
  return {
    name: def.name,
    visibility: "visible",
    rows,
    columns: columns.map(columnSpec),
    formattedRows: FORMATTED_ROWS,
    freeze: { rows: 1, columns: def.key === "plan" ? 1 : 0 },
    rowStyles: [{ from: 1, to: 1, style: HEADER_STYLE }, ...(options.rowStyles ?? [])],
    validations,
    cellFormats: [],
    ...(options.conditionalFills ? { conditionalFills: options.conditionalFills } : {}),
  };
}

/**
 * One record as the cells of its sheet row, placed by a read layout (column key → 0-based index), for
 * appending to a sheet users already have. Formula columns get their formulas where the layout has every
 * column of the sheet (else they are left empty rather than pointing at the wrong cells).
 */
export function recordCells<R>(
  def: TableSheet<R>,
  columns: ReadonlyMap<string, number>,
  record: R,
  model: PlanWorkbook,
  row: number,
): CellInput[] {
  const width = Math.max(0, ...columns.values()) + 1;
  const out: CellInput[] = Array.from({ length: width }, () => null);
  const complete = def.columns.every((c) => columns.has(c.key));
  const letterOf = (key: string): string => columnLetter((columns.get(key) as number) + 1);
  for (const c of def.columns) {
    const col = columns.get(c.key);
    if (col === undefined) continue;
    if (isFormulaColumn(c)) out[col] = complete ? { formula: c.type.formula(row, letterOf) } : null;
    else if (isInputColumn(c)) out[col] = encodeField(c, record, model);
  }
  return out;
}

function columnSpec(c: ColumnDef): ColumnSpec {
  const base = { width: c.width };
  switch (c.type.kind) {
    case "baht":
      return { ...base, numFmt: c.type.decimals === 0 ? BUDGET_NUMFMT : AMOUNT_NUMFMT };
    case "date":
      return { ...base, numFmt: DATE_NUMFMT };
    case "percent":
    case "scale":
    case "fiscalYear":
      return { ...base, numFmt: "0" };
    case "formula":
      return c.type.numFmt ? { ...base, numFmt: c.type.numFmt } : base;
    case "text":
      return c.type.multiline ? { ...base, wrap: true, numFmt: TEXT_FMT } : { ...base, numFmt: TEXT_FMT };
    case "code":
    case "codes":
    case "dynamic":
    case "quarters":
      return { ...base, numFmt: TEXT_FMT };
    default:
      return base;
  }
}

function listIdOf(c: ColumnDef): string | undefined {
  if (c.type.kind === "list") return c.type.list.id;
  if (c.type.kind === "month") return MONTHS.id;
  if (c.type.kind === "scale") return "scale";
  if (c.type.kind === "dynamic") return c.type.list;
  return undefined;
}

/* ---------- hidden lists and meta ---------- */

interface ListColumn {
  readonly id: string;
  readonly values: readonly (string | number)[];
}

function dynamicLists(framework: readonly FrameworkNode[]): ListColumn[] {
  const numeric = (l: ClosedList): boolean => l.entries.every((e) => /^\d+$/.test(e.th));
  const statics: ListColumn[] = STATIC_LISTS.map((l) => ({
    id: l.id,
    values: l.entries.map((e) => (numeric(l) ? Number(e.th) : e.th)),
  }));
  const level = (lv: FrameworkNode["level"]): string[] => framework.filter((n) => n.level === lv).map(nodeLabel);
  return [
    ...statics,
    { id: "dimension", values: level("dimension") },
    { id: "mission", values: level("mission") },
    { id: "submission", values: level("submission") },
  ];
}

function listsSheet(lists: readonly ListColumn[]): SheetSpec {
  const height = Math.max(...lists.map((l) => l.values.length)) + 1;
  const rows: CellInput[][] = Array.from({ length: height }, (_, r) =>
    lists.map((l) => (r === 0 ? l.id : (l.values[r - 1] ?? null))),
  );
  return {
    name: LISTS_SHEET,
    visibility: "hidden",
    rows,
    columns: lists.map(() => ({ width: 24 })),
    formattedRows: 0,
    freeze: { rows: 1, columns: 0 },
    rowStyles: [{ from: 1, to: 1, style: { bold: true } }],
    validations: [],
    cellFormats: [],
  };
}

function listNames(lists: readonly ListColumn[]): NameSpec[] {
  const names = lists.map((l, i) => ({
    name: listName(l.id),
    sheet: LISTS_SHEET,
    range: absoluteRange(2, i + 1, Math.max(2, l.values.length + 1), i + 1),
  }));
  // plan codes come from the plan sheet itself, so new items appear in the progress dropdown at once
  names.push({ name: listName("planCode"), sheet: PLAN_SHEET.name, range: absoluteRange(2, 1, FORMATTED_ROWS + 1, 1) });
  return names;
}

function markerNames(): NameSpec[] {
  return (Object.keys(INPUT_SHEET_NAMES) as InputSheetKey[]).map((key) => ({
    name: sheetMarkerName(key),
    sheet: INPUT_SHEET_NAMES[key],
    range: "$A$1",
  }));
}

function metaSheet(options: DescribeOptions): SheetSpec {
  const rows: CellInput[][] = [
    ["key", "value"],
    ["template_version", TEMPLATE_VERSION],
    ["generator", options.generator ?? "Sujarit"],
    ["created_at", options.createdAt.toISOString()],
    ...(Object.keys(INPUT_SHEET_NAMES) as InputSheetKey[]).map((k) => [`sheet.${k}`, INPUT_SHEET_NAMES[k]]),
    ["generated_sheets", ""],
  ];
  return {
    name: META_SHEET,
    visibility: "veryHidden",
    rows,
    columns: [{ width: 22 }, { width: 40 }],
    formattedRows: 0,
    freeze: { rows: 0, columns: 0 },
    rowStyles: [],
    validations: [],
    cellFormats: [],
  };
}

export { sheetRef };

/**
 * One record as the cells of a row of an existing sheet whose columns the reader found at these
 * positions (so a user's column order and extra columns are respected); other cells stay empty.
 */
export function recordRow<R>(
  def: TableSheet<R>,
  record: R,
  model: PlanWorkbook,
  columns: ReadonlyMap<string, number>,
): CellInput[] {
  const row: CellInput[] = new Array<CellInput>(Math.max(0, ...columns.values()) + 1).fill(null);
  for (const c of def.columns) {
    const i = columns.get(c.key);
    if (i === undefined || !isInputColumn(c)) continue;
    row[i] = encodeField(c, record, model);
  }
  return row;
}
