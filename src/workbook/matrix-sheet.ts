/**
 * The เมทริกซ์ความเสี่ยง sheet: the likelihood × impact matrix as a small table users can edit (TEMPLATE.md:
 * scale labels, level names, colours and thresholds stored in the workbook). Three blocks, each found by
 * its title in column A and its headers by their text:
 *
 *   แบบเมทริกซ์ | 5x5                                    ← the preset it started from
 *   สเกลโอกาสและผลกระทบ   ค่า · โอกาส · (อังกฤษ) · ผลกระทบ · (อังกฤษ)
 *   ระดับความเสี่ยง       ลำดับ · รหัส · ระดับ · (อังกฤษ) · สี · คะแนนตั้งแต่ · คะแนนถึง
 *   ตารางระดับความเสี่ยง   likelihood rows (N … 1) × impact columns (1 … N), each cell a level name
 *
 * The register's score and level formulas look the level up in the grid through defined names
 * (SUJARIT_RISK_GRID / _L / _I), so editing the grid re-scores every risk at once.
 */
import type { Finding } from "../domain/findings";
import { labelOf, RISK_MATRICES } from "../domain/lists";
import type { MatrixSize, RiskLevel, RiskMatrix, ScoreBand } from "../domain/risk/matrix";
import { foldForMatch } from "../domain/thai";
import { absoluteRange, address, columnLetter, rangeAddress } from "./a1";
import { cellText, parseWhole } from "./cells";
import type { AreaStyle, CellInput, ConditionalFill, ListValidation, NameSpec, SheetGrid, SheetSpec } from "./grid";
import { isBlank } from "./grid";
import { listName, MATRIX_SHEET, RISK_NAMES } from "./schema";
import { RecordCursor } from "./table";

export const MATRIX_LABELS = {
  preset: { th: "แบบเมทริกซ์", en: "Matrix" },
  note: {
    th: "แก้ไขได้: คำอธิบายสเกล ชื่อ สี และช่วงคะแนนของแต่ละระดับ และระดับในแต่ละช่องของตาราง — สูตรในแผ่นงานทะเบียนความเสี่ยงใช้ตารางนี้ให้คะแนนทุกความเสี่ยง",
    en: "Editable: scale labels, each level's name, colour and score range, and the level of each grid cell — the risk register's formulas score every risk on this grid.",
  },
  scales: { th: "สเกลโอกาสและผลกระทบ", en: "Scales" },
  levels: { th: "ระดับความเสี่ยง", en: "Levels" },
  grid: { th: "ตารางระดับความเสี่ยง (โอกาส × ผลกระทบ)", en: "Grid (likelihood × impact)" },
  gridCorner: { th: "โอกาส \\ ผลกระทบ", en: "Likelihood \\ impact" },
} as const;

interface MiniColumn {
  readonly key: string;
  readonly th: string;
  readonly en: string;
}

export const SCALE_COLUMNS: readonly MiniColumn[] = [
  { key: "value", th: "ค่า", en: "Value" },
  { key: "likelihood", th: "โอกาส", en: "Likelihood" },
  { key: "likelihoodEn", th: "โอกาส (อังกฤษ)", en: "Likelihood (English)" },
  { key: "impact", th: "ผลกระทบ", en: "Impact" },
  { key: "impactEn", th: "ผลกระทบ (อังกฤษ)", en: "Impact (English)" },
];

export const LEVEL_COLUMNS: readonly MiniColumn[] = [
  { key: "rank", th: "ลำดับ", en: "Rank" },
  { key: "key", th: "รหัส", en: "Key" },
  { key: "th", th: "ระดับ", en: "Level" },
  { key: "en", th: "ระดับ (อังกฤษ)", en: "Level (English)" },
  { key: "color", th: "สี", en: "Colour" },
  { key: "from", th: "คะแนนตั้งแต่", en: "From score" },
  { key: "to", th: "คะแนนถึง", en: "To score" },
];

const HEADER = { bold: true, fill: "FF1F4E79", fontColor: "FFFFFFFF", wrap: true, vertical: "middle", horizontal: "center" } as const;
const TITLE = { bold: true, fontColor: "FF1F4E79" } as const;

/** Where the writer puts things (1-based rows), for a matrix of size n with k levels. */
export function matrixRows(n: number, k: number) {
  const scaleTitle = 4;
  const levelTitle = scaleTitle + n + 3;
  const gridTitle = levelTitle + k + 3;
  return {
    preset: 1,
    note: 2,
    scaleTitle,
    scaleHeader: scaleTitle + 1,
    scaleFirst: scaleTitle + 2,
    levelTitle,
    levelHeader: levelTitle + 1,
    levelFirst: levelTitle + 2,
    gridTitle,
    gridLabels: gridTitle + 1,
    gridHeader: gridTitle + 2,
    gridFirst: gridTitle + 3,
  };
}

/** Level colours as a fill: ARGB. */
export const levelFill = (level: RiskLevel): string => `FF${level.color}`;

/** The sheet, and the names the register's formulas and dropdowns use. */
export function matrixSheet(m: RiskMatrix): { sheet: SheetSpec; names: NameSpec[] } {
  const n = m.size;
  const k = m.levels.length;
  const at = matrixRows(n, k);
  const width = Math.max(7, 2 + n);
  const rows: CellInput[][] = [];
  const put = (row: number, cells: readonly CellInput[]) => {
    while (rows.length < row) rows.push([]);
    rows[row - 1] = [...cells];
  };
  const presetLabel = RISK_MATRICES.entries.some((e) => e.key === m.id) ? labelOf(RISK_MATRICES, m.id as never) : m.id;
  put(at.preset, [MATRIX_LABELS.preset.th, presetLabel, MATRIX_LABELS.preset.en]);
  put(at.note, [MATRIX_LABELS.note.th]);
  put(at.scaleTitle, [MATRIX_LABELS.scales.th]);
  put(at.scaleHeader, SCALE_COLUMNS.map((c) => c.th));
  for (let v = 1; v <= n; v++) {
    const l = m.likelihood[v - 1];
    const i = m.impact[v - 1];
    put(at.scaleFirst + v - 1, [v, l?.th ?? "", l?.en ?? "", i?.th ?? "", i?.en ?? ""]);
  }
  put(at.levelTitle, [MATRIX_LABELS.levels.th]);
  put(at.levelHeader, LEVEL_COLUMNS.map((c) => c.th));
  m.levels.forEach((lv, idx) => {
    const band = m.bands?.find((b) => b.level === lv.key);
    put(at.levelFirst + idx, [idx + 1, lv.key, lv.name.th, lv.name.en, lv.color, band?.from ?? null, band?.to ?? null]);
  });
  put(at.gridTitle, [MATRIX_LABELS.grid.th]);
  // impact labels follow the scale block: formulas, so editing a label there shows here
  put(at.gridLabels, [null, null, ...Array.from({ length: n }, (_, c) => ({ formula: `${address(at.scaleFirst + c, 4)}` }))]);
  put(at.gridHeader, [MATRIX_LABELS.gridCorner.th, null, ...Array.from({ length: n }, (_, c) => c + 1)]);
  for (let l = n; l >= 1; l--) {
    const row = at.gridFirst + (n - l);
    const names = Array.from({ length: n }, (_, i) => {
      const key = m.cells[l - 1]?.[i] ?? "";
      return m.levels.find((lv) => lv.key === key)?.name.th ?? key;
    });
    put(row, [{ formula: address(at.scaleFirst + l - 1, 2) }, l, ...names]);
  }
  const gridLast = at.gridFirst + n - 1;
  const gridRange = rangeAddress(at.gridFirst, 3, gridLast, 2 + n);

  const areaStyles: AreaStyle[] = [
    { range: `A${at.preset}`, style: { bold: true } },
    { range: `A${at.note}`, style: { italic: true, fontColor: "FF595959" } },
    { range: `A${at.scaleTitle}`, style: TITLE },
    { range: `A${at.levelTitle}`, style: TITLE },
    { range: `A${at.gridTitle}`, style: TITLE },
    { range: rangeAddress(at.scaleHeader, 1, at.scaleHeader, SCALE_COLUMNS.length), style: HEADER },
    { range: rangeAddress(at.levelHeader, 1, at.levelHeader, LEVEL_COLUMNS.length), style: HEADER },
    { range: rangeAddress(at.scaleHeader, 1, at.scaleFirst + n - 1, SCALE_COLUMNS.length), style: { border: "thin" } },
    { range: rangeAddress(at.levelHeader, 1, at.levelFirst + k - 1, LEVEL_COLUMNS.length), style: { border: "thin" } },
    { range: rangeAddress(at.scaleFirst, 1, at.scaleFirst + n - 1, 1), style: { horizontal: "center", numFmt: "0" } },
    { range: rangeAddress(at.scaleFirst, 2, at.scaleFirst + n - 1, SCALE_COLUMNS.length), style: { numFmt: "@" } },
    { range: rangeAddress(at.levelFirst, 1, at.levelFirst + k - 1, 1), style: { horizontal: "center", numFmt: "0" } },
    { range: rangeAddress(at.levelFirst, 2, at.levelFirst + k - 1, 5), style: { numFmt: "@" } },
    { range: rangeAddress(at.levelFirst, 6, at.levelFirst + k - 1, 7), style: { horizontal: "center", numFmt: "0" } },
    ...m.levels.map((lv, idx): AreaStyle => ({ range: `E${at.levelFirst + idx}`, style: { fill: levelFill(lv) } })),
    { range: rangeAddress(at.gridLabels, 3, at.gridLabels, 2 + n), style: { italic: true, horizontal: "center", wrap: true } },
    { range: rangeAddress(at.gridHeader, 1, gridLast, 2 + n), style: { border: "thin" } },
    { range: rangeAddress(at.gridHeader, 1, at.gridHeader, 2 + n), style: { bold: true, horizontal: "center", fill: "FFD9E1F2" } },
    { range: rangeAddress(at.gridFirst, 1, gridLast, 2), style: { bold: true, fill: "FFD9E1F2" } },
    { range: rangeAddress(at.gridFirst, 2, gridLast, 2 + n), style: { horizontal: "center", vertical: "middle" } },
  ];
  const conditionalFills: ConditionalFill[] = m.levels.map((lv, idx) => ({
    range: gridRange,
    formula: `${address(at.gridFirst, 3)}=INDEX(${listName("riskLevel")},${idx + 1})`,
    fill: levelFill(lv),
  }));
  const validations: ListValidation[] = [
    { range: `B${at.preset}`, listName: listName(RISK_MATRICES.id) },
    { range: gridRange, listName: listName("riskLevel") },
  ];
  const sheet: SheetSpec = {
    name: MATRIX_SHEET.name,
    visibility: "visible",
    rows,
    columns: [{ width: 26 }, ...Array.from({ length: width - 1 }, () => ({ width: 15 }))],
    formattedRows: 0,
    freeze: { rows: 0, columns: 0 },
    rowStyles: [],
    validations,
    cellFormats: [],
    areaStyles,
    rowHeights: Array.from({ length: n }, (_, r) => ({ row: at.gridFirst + r, height: 24 })),
    conditionalFills,
    tabColor: "FFC00000",
  };
  const names: NameSpec[] = [
    { name: RISK_NAMES.grid, sheet: MATRIX_SHEET.name, range: absoluteRange(at.gridFirst, 3, gridLast, 2 + n) },
    { name: RISK_NAMES.likelihood, sheet: MATRIX_SHEET.name, range: absoluteRange(at.gridFirst, 2, gridLast, 2) },
    { name: RISK_NAMES.impact, sheet: MATRIX_SHEET.name, range: absoluteRange(at.gridHeader, 3, at.gridHeader, 2 + n) },
    { name: listName("riskLevel"), sheet: MATRIX_SHEET.name, range: absoluteRange(at.levelFirst, 3, at.levelFirst + k - 1, 3) },
    { name: listName("scale"), sheet: MATRIX_SHEET.name, range: absoluteRange(at.scaleFirst, 1, at.scaleFirst + n - 1, 1) },
  ];
  return { sheet, names };
}

/* ---------- reading ---------- */

/** Where each part of the matrix was read from (1-based rows, 0-based columns), to point findings at cells. */
export interface MatrixLayout {
  readonly sheet: string;
  readonly presetRow: number | undefined;
  /** scale value → row */
  readonly scaleRows: ReadonlyMap<number, number>;
  /** The scale table's header row (1-based), where the table was found. */
  readonly scaleHeaderRow: number | undefined;
  readonly scaleColumns: ReadonlyMap<string, number>;
  /** level index → row */
  readonly levelRows: readonly number[];
  readonly levelColumns: ReadonlyMap<string, number>;
  /** likelihood → row, impact → column */
  readonly gridRows: ReadonlyMap<number, number>;
  readonly gridColumns: ReadonlyMap<number, number>;
  readonly gridTitleRow: number | undefined;
}

const fold = (v: unknown) => (typeof v === "string" ? foldForMatch(v) : "");

function findTitle(grid: SheetGrid, titles: readonly string[], prefix = false): number | undefined {
  const wanted = titles.map(foldForMatch);
  const r = grid.rows.findIndex((row) => {
    const t = fold(row[0]);
    return t !== "" && wanted.some((w) => (prefix ? t.startsWith(w) : t === w));
  });
  return r < 0 ? undefined : r;
}

function headerColumns(grid: SheetGrid, row0: number, columns: readonly MiniColumn[]): Map<string, number> {
  const out = new Map<string, number>();
  (grid.rows[row0] ?? []).forEach((cell, c) => {
    const t = fold(cell);
    const col = columns.find((x) => !out.has(x.key) && (foldForMatch(x.th) === t || foldForMatch(x.en) === t));
    if (col) out.set(col.key, c);
  });
  return out;
}

/** Rows after the header (0-based) up to the first row blank in every known column. */
function blockRows(grid: SheetGrid, header0: number, columns: ReadonlyMap<string, number>): number[] {
  const out: number[] = [];
  const cols = [...columns.values()];
  for (let r = header0 + 1; r < grid.rows.length; r++) {
    const row = grid.rows[r] ?? [];
    if (cols.every((c) => isBlank(row[c]))) break;
    out.push(r);
  }
  return out;
}

const SIZES: readonly MatrixSize[] = [3, 4, 5];

/**
 * Reads the sheet back into a matrix. Never throws: parts that are missing keep the fallback's (the
 * preset of the settings), bad numbers are X1 findings, and what is incomplete or inconsistent is for
 * rules R8/R9 to say (they point at the cells through the layout).
 */
export function readMatrixSheet(grid: SheetGrid, fallback: RiskMatrix, findings: Finding[]): { matrix: RiskMatrix; layout: MatrixLayout } {
  const presetRow0 = findTitle(grid, [MATRIX_LABELS.preset.th, MATRIX_LABELS.preset.en]);
  const presetText = presetRow0 === undefined ? "" : cellText(grid.rows[presetRow0]?.[1] ?? null);
  const presetEntry = RISK_MATRICES.entries.find((e) => [e.key, e.th, e.en, ...(e.variants ?? [])].some((t) => foldForMatch(t) === foldForMatch(presetText)));
  const id = presetEntry?.key ?? (presetText || fallback.id);

  // scales
  const scaleTitle = findTitle(grid, [MATRIX_LABELS.scales.th, MATRIX_LABELS.scales.en]);
  const scaleColumns = scaleTitle === undefined ? new Map<string, number>() : headerColumns(grid, scaleTitle + 1, SCALE_COLUMNS);
  const scaleHeaders = new Map(SCALE_COLUMNS.map((c) => [c.key, c.th]));
  const scaleRows = new Map<number, number>();
  const scale: { value: number; l: { th: string; en: string }; i: { th: string; en: string } }[] = [];
  if (scaleTitle !== undefined && scaleColumns.has("value")) {
    for (const r of blockRows(grid, scaleTitle + 1, scaleColumns)) {
      const cur = new RecordCursor(grid, r, scaleColumns, scaleHeaders, findings);
      const value = cur.read("value", parseWhole);
      if (value === undefined) continue;
      scaleRows.set(value, r + 1);
      const text = (key: string) => cellText(cur.value(key));
      scale.push({ value, l: { th: text("likelihood"), en: text("likelihoodEn") }, i: { th: text("impact"), en: text("impactEn") } });
    }
  }
  const size: MatrixSize = SIZES.find((s) => s === scale.length && scale.every((x) => x.value >= 1 && x.value <= s)) ?? fallback.size;
  const label = (axis: "l" | "i", v: number) => {
    const x = scale.find((s) => s.value === v);
    if (x) return x[axis];
    return scale.length === 0 ? (axis === "l" ? fallback.likelihood : fallback.impact)[v - 1] ?? { th: "", en: "" } : { th: "", en: "" };
  };

  // levels
  const levelTitle = findTitle(grid, [MATRIX_LABELS.levels.th, MATRIX_LABELS.levels.en]);
  const levelColumns = levelTitle === undefined ? new Map<string, number>() : headerColumns(grid, levelTitle + 1, LEVEL_COLUMNS);
  const levelHeaders = new Map(LEVEL_COLUMNS.map((c) => [c.key, c.th]));
  const read: { rank: number | undefined; row: number; level: RiskLevel; from?: number; to?: number }[] = [];
  if (levelTitle !== undefined && levelColumns.has("th")) {
    for (const r of blockRows(grid, levelTitle + 1, levelColumns)) {
      const cur = new RecordCursor(grid, r, levelColumns, levelHeaders, findings);
      const th = cellText(cur.value("th"));
      const en = cellText(cur.value("en"));
      const key = cellText(cur.value("key")) || en.replace(/\s+/g, "") || `level${read.length + 1}`;
      const color = cellText(cur.value("color")).replace(/^#/, "").toUpperCase();
      const from = cur.read("from", parseWhole);
      const to = cur.read("to", parseWhole);
      read.push({ rank: cur.read("rank", parseWhole), row: r + 1, level: { key, name: { th, en: en || th }, color }, ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}) });
    }
  }
  if (read.every((x) => x.rank !== undefined)) read.sort((a, b) => (a.rank as number) - (b.rank as number));
  const levels = read.length > 0 ? read.map((x) => x.level) : [...fallback.levels];
  const bandsRead: ScoreBand[] = read.flatMap((x) => (x.from !== undefined && x.to !== undefined ? [{ level: x.level.key, from: x.from, to: x.to }] : []));
  const bands = read.length > 0 ? bandsRead : fallback.bands ?? [];

  // grid
  const gridTitle = findTitle(grid, [MATRIX_LABELS.grid.th, MATRIX_LABELS.grid.en, "ตารางระดับความเสี่ยง"], true);
  const gridRows = new Map<number, number>();
  const gridColumns = new Map<number, number>();
  const keyOf = (text: string): string => {
    const t = foldForMatch(text);
    if (t === "") return "";
    return levels.find((lv) => [lv.name.th, lv.name.en, lv.key].some((x) => foldForMatch(x) === t))?.key ?? text;
  };
  if (gridTitle !== undefined) {
    let header = -1;
    for (let r = gridTitle + 1; r < Math.min(grid.rows.length, gridTitle + 4); r++) {
      const row = grid.rows[r] ?? [];
      if (row.slice(2).some((v) => typeof v === "number")) {
        header = r;
        break;
      }
    }
    if (header >= 0) {
      (grid.rows[header] ?? []).forEach((v, c) => {
        if (c >= 2 && typeof v === "number" && Number.isInteger(v) && !gridColumns.has(v)) gridColumns.set(v, c);
      });
      for (let r = header + 1; r < grid.rows.length; r++) {
        const v = grid.rows[r]?.[1];
        if (typeof v !== "number") break;
        if (Number.isInteger(v) && !gridRows.has(v)) gridRows.set(v, r + 1);
      }
    }
  }
  const cells = Array.from({ length: size }, (_, l) =>
    Array.from({ length: size }, (_, i) => {
      const row = gridRows.get(l + 1);
      const col = gridColumns.get(i + 1);
      return row === undefined || col === undefined ? "" : keyOf(cellText(grid.rows[row - 1]?.[col] ?? null));
    }),
  );

  const matrix: RiskMatrix = {
    id,
    size,
    likelihood: Array.from({ length: size }, (_, v) => label("l", v + 1)),
    impact: Array.from({ length: size }, (_, v) => label("i", v + 1)),
    levels,
    cells,
    ...(bands.length > 0 ? { bands } : {}),
  };
  return {
    matrix,
    layout: {
      sheet: grid.name,
      presetRow: presetRow0 === undefined ? undefined : presetRow0 + 1,
      scaleRows, scaleColumns,
      scaleHeaderRow: scaleTitle === undefined ? undefined : scaleTitle + 2,
      levelRows: read.map((x) => x.row),
      levelColumns,
      gridRows, gridColumns,
      gridTitleRow: gridTitle === undefined ? undefined : gridTitle + 1,
    },
  };
}

/** The cell of a part of the matrix, as the reader found it (undefined where it is not there). */
export function matrixCell(layout: MatrixLayout, part:
  | { kind: "cell"; likelihood: number; impact: number }
  | { kind: "scale"; axis: "likelihood" | "impact"; value: number }
  | { kind: "level"; index: number; field: "th" | "color" | "from" | "to" }): string | undefined {
  switch (part.kind) {
    case "cell": {
      const r = layout.gridRows.get(part.likelihood);
      const c = layout.gridColumns.get(part.impact);
      return r === undefined || c === undefined ? undefined : address(r, c + 1);
    }
    case "scale": {
      // a value whose own cell no longer reads (typed over, emptied) is looked for where the template
      // puts it, the value-th row under the header, so the finding still points at a cell to fix
      const r = layout.scaleRows.get(part.value) ?? (layout.scaleHeaderRow === undefined ? undefined : layout.scaleHeaderRow + part.value);
      const c = layout.scaleColumns.get(part.axis);
      return r === undefined || c === undefined ? undefined : address(r, c + 1);
    }
    case "level": {
      const r = layout.levelRows[part.index];
      const c = layout.levelColumns.get(part.field);
      return r === undefined || c === undefined ? undefined : address(r, c + 1);
    }
  }
}

export { columnLetter };
