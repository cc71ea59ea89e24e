/**
 * Columns as typed, two-way codecs bound to model fields (issue 17). A table sheet is a list of columns,
 * each either an input column bound to one field of the sheet's record type — its codec decodes a cell
 * into that field's type (through the one constructor of a branded unit: `planCode()`, `fiscalYear()`,
 * `baht()`) with a located finding on failure, and encodes the value back into a cell — or a formula
 * column the writer fills and the reader ignores. A misspelt key, a column whose codec makes another type
 * than its field, or a field of the record with no column is a compile error (`tableSheet<R>()`).
 */
import type { CalendarMonth } from "../domain/calendar";
import type { FrameworkLevel, FrameworkNode } from "../domain/frameworks/types";
import { type ClosedList, FRAMEWORK_LEVELS, labelOf, MONTHS, PLAN_LENGTHS, ROUNDS, type ReportRound, YES_NO } from "../domain/lists";
import type { Quarter } from "../domain/plan";
import { normalizeSpace } from "../domain/thai";
import {
  type Baht, type DimensionNo, type FiscalYear, isDimensionNo, isNodeCode, type NodeCode, nodeCode, type PlanCode, planCode,
} from "../domain/units";
import { msg } from "../domain/messages";
import {
  formatQuarters, parseBaht, parseCode, parseCodes, parseDate, parseDimension, parseFiscalYear, parseListCell,
  parseMonthCell, parseNodeCode, parseNumber, parseQuarters, parseText, parseWhole, type Parsed,
} from "./cells";
import type { CellInput, CellValue } from "./grid";

/** Lists built from the workbook itself rather than fixed. */
export type DynamicListId = "dimension" | "mission" | "submission" | "planCode";

/** What a column holds, as the writer formats it and offers it in a dropdown. */
export type InputType =
  | { readonly kind: "text"; readonly multiline?: boolean }
  | { readonly kind: "code" }
  | { readonly kind: "codes" }
  | { readonly kind: "baht"; readonly decimals: 0 | 2 }
  | { readonly kind: "percent" }
  | { readonly kind: "scale" }
  | { readonly kind: "date" }
  | { readonly kind: "fiscalYear" }
  | { readonly kind: "month" }
  | { readonly kind: "list"; readonly list: ClosedList }
  | { readonly kind: "dynamic"; readonly list: DynamicListId }
  | { readonly kind: "quarters" };

/** A computed column: the writer fills the formula, the reader ignores it. */
export interface FormulaType {
  readonly kind: "formula";
  readonly formula: (row: number, col: (key: string) => string) => string;
  readonly numFmt?: string;
}

export type ColumnType = InputType | FormulaType;

/**
 * Where a codec reports what it could not read: the record being read (table.ts `RecordCursor`), which
 * turns a problem into a finding at the cell of the key's column.
 */
export interface CellReading {
  /** The cell, or null after reporting a formula error in it. */
  value(key: string, cell: CellValue): CellValue;
  /** The parsed value, or undefined after reporting why it could not be read. */
  read<T>(key: string, parse: (v: CellValue) => Parsed<T>, defaultRule: string, cell: CellValue): T | undefined;
}

/** What encoding needs beyond the value: the framework, for the "1.1 name" labels of the dropdowns. */
export interface EncodeContext {
  readonly framework: readonly FrameworkNode[];
}

/** A cell ↔ value of type V. */
export interface Codec<V> {
  readonly type: InputType;
  /** An empty cell (or a missing column): a fresh value each time (lists are never shared between records). */
  empty(): V;
  /** A non-empty cell; mistakes are reported to `reading` at the key's cell and read as empty. */
  decode(reading: CellReading, key: string, cell: CellValue): V;
  /** The cell that decodes back to `value` (methods, so a codec of V also serves a field of V | undefined). */
  encode(value: V, context: EncodeContext): CellInput;
}

export interface ColumnMeta {
  readonly th: string;
  readonly en: string;
  /** Other header spellings found in real workbooks. */
  readonly variants?: readonly string[];
  readonly required: boolean;
  readonly width: number;
}

/** A column seen without its record type: what layout, headers, formats and dropdowns need. */
export interface ColumnDef extends ColumnMeta {
  readonly key: string;
  readonly type: ColumnType;
}

/** An input column bound to the field K of the record type R. */
export interface InputColumn<R, K extends keyof R & string = keyof R & string> extends ColumnMeta {
  readonly key: K;
  readonly type: InputType;
  readonly codec: Codec<R[K]>;
}

export interface FormulaColumn extends ColumnMeta {
  readonly key: string;
  readonly type: FormulaType;
}

/** A column of a sheet whose rows are records of type R. */
export type Column<R> = { [K in keyof R & string]: InputColumn<R, K> }[keyof R & string] | FormulaColumn;

export function isFormulaColumn(c: ColumnDef): c is FormulaColumn {
  return c.type.kind === "formula";
}

export function isInputColumn<R>(c: Column<R>): c is Exclude<Column<R>, FormulaColumn> {
  return c.type.kind !== "formula";
}

/** A table sheet seen without its record type. */
export interface TableSheetDef {
  readonly key: "framework" | "plan" | "details" | "progress" | "risks" | "ita";
  readonly name: string;
  readonly en: string;
  readonly columns: readonly ColumnDef[];
}

/** A table sheet whose rows are records of type R. */
export interface TableSheet<R> extends TableSheetDef {
  readonly columns: readonly Column<R>[];
}

/** The fields of R that no column of C reads: must be none. */
type Uncovered<R, C extends readonly { readonly key: string }[]> = Exclude<keyof R & string, C[number]["key"]>;
type CoversEveryField<R, C extends readonly { readonly key: string }[]> =
  [Uncovered<R, C>] extends [never] ? unknown : { readonly fieldsWithoutColumn: Uncovered<R, C> };

/**
 * Declares the table sheet of R: every column's key is a field of R with a codec of that field's type
 * (or a formula column), and every field of R has a column — else the declaration does not compile.
 */
export function tableSheet<R>() {
  return <const C extends readonly Column<R>[]>(def: Omit<TableSheetDef, "columns"> & { readonly columns: C } & CoversEveryField<R, C>): TableSheet<R> => def;
}

/** Reads a column's cell into the record being built (K ties the codec's type to the field). */
export function decodeInto<R, K extends keyof R & string>(column: InputColumn<R, K>, target: Partial<R>, reading: CellReading, cell: CellValue): void {
  target[column.key] = cell === null || cell === "" ? column.codec.empty() : column.codec.decode(reading, column.key, cell);
}

/** A record's field as the cell of its column. */
export function encodeField<R, K extends keyof R & string>(column: InputColumn<R, K>, record: R, context: EncodeContext): CellInput {
  return column.codec.encode(record[column.key], context);
}

/** A codec with the type it writes, spread into a column's declaration: `{ key: "fy", …, ...reads(fiscalYearColumn) }`. */
export function reads<V>(codec: Codec<V>): { readonly type: InputType; readonly codec: Codec<V> } {
  return { type: codec.type, codec };
}

/* ---------- the codecs ---------- */

const none = (): undefined => undefined;

/** A value read through a parser; an unreadable cell is a finding under `rule` and reads as undefined. */
function parsed<V>(type: InputType, parse: (v: CellValue) => Parsed<V>, rule: string, encode: (v: V, c: EncodeContext) => CellInput): Codec<V | undefined> {
  return {
    type,
    empty: none,
    decode: (reading, key, cell) => reading.read(key, parse, rule, cell),
    encode: (v, c) => (v === undefined ? null : encode(v, c)),
  };
}

/** Free text, trimmed ("" when empty); `normalize` also folds runs of spaces (names that are matched). */
export function text(options: { multiline?: boolean; normalize?: boolean } = {}): Codec<string> {
  const read = options.normalize ? (v: CellValue) => normalizeSpace(parseText(v)) : parseText;
  return {
    type: { kind: "text", multiline: options.multiline ?? false },
    empty: () => "",
    decode: (reading, key, cell) => read(reading.value(key, cell)),
    encode: (v) => v,
  };
}

/** A code kept as text ("1.10" never becomes 1.1); "" when empty. */
export const codeText: Codec<string> = {
  type: { kind: "code" },
  empty: () => "",
  decode: (reading, key, cell) => parseCode(reading.value(key, cell)) ?? "",
  encode: (v) => v,
};

/** A plan item's code, through `planCode()`; in a dropdown of the plan's codes when `dynamic`. */
export function planCodeColumn(dynamic: boolean): Codec<PlanCode | undefined> {
  return {
    type: dynamic ? { kind: "dynamic", list: "planCode" } : { kind: "code" },
    empty: none,
    decode: (reading, key, cell) => {
      const code = parseCode(reading.value(key, cell));
      return code === undefined || code.trim() === "" ? undefined : planCode(code);
    },
    encode: (v) => (v === undefined ? null : v),
  };
}

/** Codes separated by commas, semicolons or lines. */
export const codeList: Codec<readonly string[]> = {
  type: { kind: "codes" },
  empty: () => [],
  decode: (reading, key, cell) => parseCodes(reading.value(key, cell)),
  encode: (v) => v.join(", "),
};

/** Money through `baht()` (satang kept); more decimals are read with a B3 warning. */
export function money(decimals: 0 | 2): Codec<Baht | undefined> {
  return parsed({ kind: "baht", decimals }, parseBaht, "B1", (v) => v);
}

export const percent: Codec<number | undefined> = parsed({ kind: "percent" }, parseNumber, "X1", (v) => v);
/** A whole number on the risk matrix's scale. */
export const scale: Codec<number | undefined> = parsed({ kind: "scale" }, parseWhole, "X1", (v) => v);
export const date: Codec<Date | undefined> = parsed({ kind: "date" }, parseDate, "X1", (v) => v);
/** A BE fiscal year through `fiscalYear()`. */
export const fiscalYearColumn: Codec<FiscalYear | undefined> = parsed({ kind: "fiscalYear" }, parseFiscalYear, "X1", (v) => v);
/** A month by its Thai abbreviation (ต.ค.) or number. */
export const month: Codec<CalendarMonth | undefined> = parsed({ kind: "month" }, parseMonthCell, "X1", (v) => labelOf(MONTHS, monthKey(v)));

function monthKey(m: CalendarMonth): (typeof MONTHS.entries)[number]["key"] {
  const key = MONTHS.entries.find((e) => e.key === String(m))?.key;
  if (key === undefined) throw new RangeError(`not a month: ${m}`);
  return key;
}

/** One entry of a closed list, read by any of its spellings, written as its Thai label. */
export function oneOf<K extends string>(list: ClosedList<K>): Codec<K | undefined> {
  const parse = (v: CellValue) => parseListCell(v, list);
  return parsed({ kind: "list", list }, parse, "X1", (v) => labelOf(list, v));
}

/** One entry of a closed list written as its key ("thai", "integrated"): the settings that were always so written. */
export function oneOfByKey<K extends string>(list: ClosedList<K>): Codec<K | undefined> {
  const parse = (v: CellValue) => parseListCell(v, list);
  return parsed({ kind: "list", list }, parse, "X1", (v) => v);
}

/** ใช่ / ไม่ as a boolean. */
export const yesNo: Codec<boolean | undefined> = (() => {
  const parse = (v: CellValue): Parsed<boolean> => {
    const p = parseListCell(v, YES_NO);
    return p.ok ? { ok: true, value: p.value === undefined ? undefined : p.value === "yes" } : p;
  };
  return parsed({ kind: "list", list: YES_NO }, parse, "X1", (v) => labelOf(YES_NO, v ? "yes" : "no"));
})();

/** The report round, 6 or 12, written as a number. */
export const round: Codec<ReportRound | undefined> = (() => {
  const parse = (v: CellValue): Parsed<ReportRound> => {
    const p = parseListCell(v, ROUNDS);
    return p.ok ? { ok: true, value: p.value === undefined ? undefined : p.value === "6" ? 6 : 12 } : p;
  };
  return parsed({ kind: "list", list: ROUNDS }, parse, "X1", (v) => v);
})();

/** The plan's length in years, 4 or 5, written as a number. */
export const planLength: Codec<4 | 5 | undefined> = (() => {
  const parse = (v: CellValue): Parsed<4 | 5> => {
    const p = parseWhole(v);
    if (!p.ok) return p;
    if (p.value === undefined || p.value === 4 || p.value === 5) return { ok: true, value: p.value };
    return { ok: false, expected: msg.badPlanLength(), message: msg.badPlanLength() };
  };
  return parsed({ kind: "list", list: PLAN_LENGTHS }, parse, "X1", (v) => v);
})();

export const frameworkLevel: Codec<FrameworkLevel | undefined> = oneOf(FRAMEWORK_LEVELS);

/** The quarters an item runs in ("1-4", "2,4"). */
export const quarters: Codec<readonly Quarter[]> = {
  type: { kind: "quarters" },
  empty: () => [],
  decode: (reading, key, cell) => reading.read(key, parseQuarters, "X1", cell) ?? [],
  encode: (v) => formatQuarters(v),
};

/** Dropdown labels carry the name after the code, "1 การสร้างวัฒนธรรมสุจริต"; the reader takes the code. */
export function nodeLabel(node: FrameworkNode): string {
  return `${node.code} ${node.name}`;
}

function frameworkLabel(code: string, framework: readonly FrameworkNode[]): string {
  const node = framework.find((n) => n.code === code);
  return node ? nodeLabel(node) : code;
}

/** A dimension, 1–4, from "1 การสร้าง…", "มิติที่ ๑" or 1. */
export const dimension: Codec<DimensionNo | undefined> = parsed(
  { kind: "dynamic", list: "dimension" },
  (v): Parsed<DimensionNo> => {
    const p = parseDimension(v);
    if (!p.ok || p.value === undefined) return p.ok ? { ok: true, value: undefined } : p;
    return isDimensionNo(p.value) ? { ok: true, value: p.value } : { ok: false, expected: msg.expectDimension(), rule: "P2" };
  },
  "P2",
  (v, c) => frameworkLabel(String(v), c.framework),
);

/** A mission or sub-mission of the framework, "1.1" from "1.1 การเสริม…" or "ภารกิจที่ ๑.๑", through `nodeCode()`. */
export function frameworkNodeColumn(list: "mission" | "submission"): Codec<NodeCode | undefined> {
  const rule = list === "mission" ? "P3" : "P4";
  const parse = (v: CellValue): Parsed<NodeCode> => {
    const p = parseNodeCode(v);
    if (!p.ok) return p;
    return { ok: true, value: p.value !== undefined && isNodeCode(p.value) ? nodeCode(p.value) : undefined };
  };
  return parsed({ kind: "dynamic", list }, parse, rule, (v, c) => frameworkLabel(v, c.framework));
}
