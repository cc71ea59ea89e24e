/**
 * Writes the LEGACY-layout workbooks that `sujarit import` and the validator are tested on, and what they
 * must find in them:
 *
 *   test/fixtures/legacy/seed-000-plan-table.xlsx         seed 000 (อบต.นาสะเม็ง), plan 2566-2570, L281-339
 *   test/fixtures/legacy/seed-001-plan-table.xlsx         seed 001 (เทศบาลตำบลก้อ), plan 2561-2564, L83-170
 *   test/fixtures/legacy/seed-003-plan-table.xlsx         seed 003 (เทศบาลนครนครศรีธรรมราช), plan 2566-2570, L111-191
 *   test/fixtures/legacy/seed-003-annual-list-2569.xlsx   seed 003, e-PlanNACC annual list 2569, L3256-3336
 *   test/fixtures/legacy/expected.json                    counts, sums, stated totals and findings, with cell addresses
 *
 * The source of truth is the JSON transcriptions (test/fixtures/seed-000/plan.json + legacy/seed-000-layout.json,
 * seed-001/plan-table.json, seed-003/plan-table.json, seed-003/annual-list-2569.json): their `layout` lists the
 * printed rows (title, header blocks repeated after page breaks, item rows, packed cells, รวม rows) and their
 * `findings` anchor each expected finding to a seed line; this script only renders them and maps lines to cells.
 * The sheets reproduce the documents, errors included: Thai digits as text where the seed prints them, "-" for nil,
 * "มติ" headers, wrong รวม counts, several items packed in one cell.
 *
 * Dimension and mission cells: dimensions 1 and 3 are real vertical merges, dimensions 2 and 4 are written once
 * with blank cells below (both happen in practice). A merge never crosses a page break, as in the printed tables.
 *
 * Deterministic: fixed workbook dates and fixed zip entry times, so a re-run gives identical bytes.
 *
 * Run: npx tsc -p tsconfig.cli.json && node dist-cli/tools/make-legacy-fixtures.js [--check]
 * (--check compares with the committed files and exits 1 if any differs, writing nothing.)
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";

// ---------------------------------------------------------------------------------------------------------------
// Inputs

interface Anchor {
  line: number;
  column: string;
}

interface SeedFinding {
  rule: string;
  at: Anchor;
  also?: Anchor[];
  what: string;
  found: unknown;
  expected: unknown;
  aspect?: string;
  stated?: Record<string, number>;
  computed?: Record<string, number>;
  items?: number[];
  code?: string;
  /** annual list: the seed line of the plan-table row it is compared with */
  planLine?: number;
}

interface Tolerated {
  at: Anchor;
  what: string;
}

interface TitleRow {
  type: "title";
  line: number;
  text: string;
}
interface HeaderBlock {
  type: "header";
  lines: number[];
  rows: string[][];
}
interface PageBreak {
  type: "pageBreak";
}
interface ItemRow {
  type: "item";
  line: number;
  dimension: string | null;
  mission: string | null;
  /** null: the row is covered by the item cell of the row above (itemRowSpan) */
  item: string | null;
  items: number[];
  budgets: string[];
  note: string;
  itemRowSpan?: number;
  packed?: string;
}
interface TotalRow {
  type: "total";
  line: number;
  dimension: number | null;
  cells: string[];
}
type LayoutRow = TitleRow | HeaderBlock | PageBreak | ItemRow | TotalRow;

type Kind = "project" | "activity" | "measure";

interface TableItem {
  seq: number;
  dimension: number;
  code: string;
  kind: Kind | null;
  budgets: Record<string, number>;
  line: number;
}

interface StatedTotal {
  dimension: number | null;
  line: number;
  countsText: string;
  counts?: Record<string, number>;
  countsTotal: number;
  sums?: Record<string, number>;
}

interface PlanTableJson {
  source: { seed: string; lines: number[] };
  years: number[];
  items: TableItem[];
  statedTotals: StatedTotal[];
  findings: SeedFinding[];
  frameworkDependent: SeedFinding[];
  tolerate: Tolerated[];
  layout: LayoutRow[];
}

/** seed 000: items live in seed-000/plan.json; legacy/seed-000-layout.json says how they were printed. */
interface Seed000Plan {
  items: { code: string; dimension: number; kind: Kind; name: string; budgets: Record<string, number>; note: string; line: number }[];
  statedTotals: { dimension: number; line: number; text: string; project: number; measure: number; activity: number }[];
}
type Seed000LayoutRow =
  | TitleRow
  | HeaderBlock
  | PageBreak
  | TotalRow
  | { type: "item"; line: number; code: string; dimension: string | null; mission: string | null };
interface Seed000Layout {
  source: { seed: string; lines: number[] };
  sheetName: string;
  nameAsPrinted: Record<string, string>;
  findings: SeedFinding[];
  frameworkDependent: SeedFinding[];
  tolerate: Tolerated[];
  layout: Seed000LayoutRow[];
}

interface AnnualRow {
  seq: number;
  name: string;
  dimension: number;
  budgetRaw: string;
  budget: number;
  quarters: boolean[];
  tickGlyph: string | null;
  remark: string;
  line: number;
  plan: { seq: number; code: string };
}
interface AnnualListJson {
  source: { seed: string; lines: number[] };
  fiscalYear: number;
  title: string;
  columns: string[];
  subColumns: string[];
  pages: { titleLine: number; title: string; headerLines: number[]; rows: number[] }[];
  rows: AnnualRow[];
  total: { line: number; label: string; budgetRaw: string; budget: number; quarterCountsRaw: string[]; quarterCounts: number[] };
  computed: { budget: number; quarterTicks: number[]; rows: number };
  plan2569: { total: number };
  footer: { line: number; text: string }[];
  legend: { line: number; text: string }[];
  findings: SeedFinding[];
}

// ---------------------------------------------------------------------------------------------------------------
// Paths

function repoRoot(): string {
  // compiled: dist-cli/tools/make-legacy-fixtures.js; from source: tools/make-legacy-fixtures.ts
  for (const candidate of [join(__dirname, "..", ".."), join(__dirname, "..")]) {
    if (existsSync(join(candidate, "test", "fixtures", "seed-000", "plan.json"))) return candidate;
  }
  throw new Error("cannot find the repository root (test/fixtures/seed-000/plan.json)");
}

const ROOT = repoRoot();
const FIXTURES = join(ROOT, "test", "fixtures");
const OUT = join(FIXTURES, "legacy");

function readJson<T>(...parts: string[]): T {
  return JSON.parse(readFileSync(join(FIXTURES, ...parts), "utf8")) as T;
}

// ---------------------------------------------------------------------------------------------------------------
// Thai digits and amounts

const THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙";

function thaiDigits(text: string): string {
  return text.replace(/[0-9]/g, (d) => THAI_DIGITS[Number(d)] ?? d);
}

function arabicDigits(text: string): string {
  return text.replace(/[๐-๙]/g, (d) => String(THAI_DIGITS.indexOf(d)));
}

/** "๒๐,๐๐๐" → 20000, "-" / "" → 0; each line of a packed cell separately. */
function amountsOf(raw: string): number[] {
  return raw
    .split("\n")
    .map((s) => arabicDigits(s).replace(/,/g, "").trim())
    .map((s) => (s === "-" || s === "" ? 0 : Number(s)));
}

function thaiAmount(value: number): string {
  return value === 0 ? "-" : thaiDigits(value.toLocaleString("en-US"));
}

// ---------------------------------------------------------------------------------------------------------------
// Sheet description (what gets rendered)

interface SheetSpec {
  file: string;
  sheetName: string;
  seed: string;
  seedLines: number[];
  /** column letters by role */
  columns: Record<string, string>;
  widths: number[];
  /** "text": amounts written as printed (Thai digits); "number": Arabic amounts as numbers */
  amounts: "text" | "number";
  numberFormat: string;
  /** dimension of each item seq (to choose merge or written-once) */
  dimensionOf: (seq: number) => number;
  rows: LayoutRow[];
}

const MERGED_DIMENSIONS = new Set([1, 3]);
const FONT = "TH SarabunPSK";
const FONT_SIZE = 14;
const FIXED_DATE = new Date("2026-01-01T00:00:00Z");

interface Rendered {
  /** seed line → worksheet row */
  rowOfLine: Map<number, number>;
  /** item seq → cell address of its item cell */
  itemCell: Map<number, string>;
  buffer: Buffer;
}

const thin: Partial<ExcelJS.Borders> = {
  top: { style: "thin" },
  left: { style: "thin" },
  bottom: { style: "thin" },
  right: { style: "thin" },
};

/** Visible characters of a line of Thai text (combining vowels and tone marks take no width). */
function visibleLength(line: string): number {
  return line.replace(/[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/g, "").length;
}

/** Lines a wrapped text takes in a column of the given width (rough: one character per width unit). */
function wrappedLines(text: string, width: number): number {
  const perLine = Math.max(4, Math.floor(width * 0.88));
  return text.split("\n").reduce((n, line) => n + Math.max(1, Math.ceil(visibleLength(line) / perLine)), 0);
}

const LINE_HEIGHT = 22;

async function renderSheet(spec: SheetSpec): Promise<Rendered> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Sujarit test fixtures (tools/make-legacy-fixtures.ts)";
  wb.lastModifiedBy = wb.creator;
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  const ws = wb.addWorksheet(spec.sheetName, {
    pageSetup: {
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
    },
  });
  const ncol = spec.widths.length;
  spec.widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const col = (role: string): string => {
    const c = spec.columns[role];
    if (!c) throw new Error(`${spec.file}: no column for ${role}`);
    return c;
  };
  const letters = spec.widths.map((_, i) => String.fromCharCode(65 + i));
  const lastLetter = letters[ncol - 1] ?? "A";
  const rowOfLine = new Map<number, number>();
  const itemCell = new Map<number, string>();
  const heights = new Map<number, number>();
  const needLines = (r: number, lines: number): void => {
    heights.set(r, Math.max(heights.get(r) ?? 1, lines));
  };
  const style = (cell: ExcelJS.Cell, opts: { bold?: boolean; align?: "left" | "center" | "right"; border?: boolean; fill?: string }) => {
    cell.font = { name: FONT, size: FONT_SIZE, bold: opts.bold ?? false };
    cell.alignment = { vertical: "top", horizontal: opts.align ?? "left", wrapText: true };
    if (opts.border ?? true) cell.border = thin;
    if (opts.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: opts.fill } };
  };
  const widthOf = (letter: string): number => spec.widths[letters.indexOf(letter)] ?? 10;
  const put = (address: string, text: string, opts: { bold?: boolean; align?: "left" | "center" | "right"; fill?: string } = {}) => {
    const cell = ws.getCell(address);
    if (text !== "") cell.value = text;
    style(cell, opts);
  };
  const putAmount = (address: string, raw: string, bold = false) => {
    const cell = ws.getCell(address);
    const plain = raw.replace(/,/g, "");
    if (spec.amounts === "number" && /^[0-9]+(\.[0-9]+)?$/.test(plain)) {
      cell.value = Number(plain);
      cell.numFmt = spec.numberFormat;
    } else if (raw !== "") {
      cell.value = raw;
    }
    style(cell, { bold, align: "right" });
  };

  // dimension / mission anchors, merged or written once afterwards
  interface Span {
    column: string;
    from: number;
    to: number;
    dimension: number;
  }
  const spans: Span[] = [];
  let openDim: Span | undefined;
  let openMis: Span | undefined;
  const closeOpen = (): void => {
    if (openDim) spans.push(openDim);
    if (openMis) spans.push(openMis);
    openDim = undefined;
    openMis = undefined;
  };
  let currentDimension = 0;

  let r = 1;
  let pendingItemSpan: { from: number; to: number } | undefined;
  for (const row of spec.rows) {
    switch (row.type) {
      case "title": {
        closeOpen();
        ws.mergeCells(`A${r}:${lastLetter}${r}`);
        const cell = ws.getCell(`A${r}`);
        cell.value = row.text;
        cell.font = { name: FONT, size: FONT_SIZE + 2, bold: true };
        cell.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
        needLines(r, wrappedLines(row.text, spec.widths.reduce((a, b) => a + b, 0) * 0.9));
        rowOfLine.set(row.line, r);
        r += 1;
        break;
      }
      case "pageBreak": {
        closeOpen();
        // the blank line between two printed pages, then the page break
        ws.getRow(r).addPageBreak();
        r += 1;
        break;
      }
      case "header": {
        closeOpen();
        const first = r;
        row.rows.forEach((cells, k) => {
          letters.forEach((letter, i) => {
            const text = cells[i] ?? "";
            put(`${letter}${r}`, text, { bold: true, align: "center", fill: "FFE7E6E6" });
            needLines(r, wrappedLines(text, widthOf(letter)));
          });
          rowOfLine.set(row.lines[k] ?? row.lines[0] ?? 0, r);
          r += 1;
        });
        // columns whose lower header cells are empty are merged down (มิติ, ภารกิจ, โครงการ…, หมายเหตุ)
        if (row.rows.length > 1) {
          letters.forEach((letter, i) => {
            const below = row.rows.slice(1).every((cells) => (cells[i] ?? "") === "");
            if (below) ws.mergeCells(`${letter}${first}:${letter}${r - 1}`);
          });
        }
        break;
      }
      case "item": {
        rowOfLine.set(row.line, r);
        const dimOfRow = row.items[0] !== undefined ? spec.dimensionOf(row.items[0]) : currentDimension;
        if (row.dimension !== null) {
          if (openDim) spans.push(openDim);
          if (openMis) spans.push(openMis);
          openMis = undefined;
          openDim = { column: col("dimension"), from: r, to: r, dimension: dimOfRow };
          put(`${col("dimension")}${r}`, row.dimension);
          needLines(r, Math.min(3, wrappedLines(row.dimension, widthOf(col("dimension")))));
        } else {
          ws.getCell(`${col("dimension")}${r}`).border = thin;
        }
        if (row.mission !== null) {
          if (openMis) spans.push(openMis);
          openMis = { column: col("mission"), from: r, to: r, dimension: dimOfRow };
          put(`${col("mission")}${r}`, row.mission);
          needLines(r, Math.min(4, wrappedLines(row.mission, widthOf(col("mission")))));
        } else {
          ws.getCell(`${col("mission")}${r}`).border = thin;
        }
        if (openDim) openDim.to = r;
        if (openMis) openMis.to = r;
        currentDimension = dimOfRow;
        if (row.item !== null) {
          const address = `${col("item")}${r}`;
          put(address, row.item);
          for (const seq of row.items) itemCell.set(seq, address);
          const span = row.itemRowSpan ?? 1;
          const lines = wrappedLines(row.item, widthOf(col("item")));
          if (span > 1) {
            pendingItemSpan = { from: r, to: r + span - 1 };
            for (let k = 0; k < span; k += 1) needLines(r + k, Math.ceil(lines / span));
          } else {
            needLines(r, lines);
          }
        } else {
          ws.getCell(`${col("item")}${r}`).border = thin;
        }
        row.budgets.forEach((raw, k) => {
          const letter = col(`year${k}`);
          putAmount(`${letter}${r}`, raw);
          needLines(r, raw.split("\n").length);
        });
        put(`${col("note")}${r}`, row.note);
        needLines(r, wrappedLines(row.note, widthOf(col("note"))));
        if (pendingItemSpan && r === pendingItemSpan.to) {
          ws.mergeCells(`${col("item")}${pendingItemSpan.from}:${col("item")}${pendingItemSpan.to}`);
          pendingItemSpan = undefined;
        }
        r += 1;
        break;
      }
      case "total": {
        closeOpen();
        rowOfLine.set(row.line, r);
        const yearLetters = new Set(Object.entries(spec.columns).filter(([role]) => role.startsWith("year")).map(([, l]) => l));
        letters.forEach((letter, i) => {
          const text = row.cells[i] ?? "";
          if (yearLetters.has(letter)) putAmount(`${letter}${r}`, text, true);
          else put(`${letter}${r}`, text, { bold: true, align: i < 2 ? "center" : "left" });
        });
        needLines(r, wrappedLines(row.cells[2] ?? "", widthOf(col("item"))));
        r += 1;
        break;
      }
    }
  }
  closeOpen();
  for (const span of spans) {
    if (span.to > span.from && MERGED_DIMENSIONS.has(span.dimension)) {
      ws.mergeCells(`${span.column}${span.from}:${span.column}${span.to}`);
    }
  }
  // a merged dimension / mission cell is as tall as its rows: spread what it needs over them
  for (const span of spans) {
    const text = String(ws.getCell(`${span.column}${span.from}`).value ?? "");
    const merged = MERGED_DIMENSIONS.has(span.dimension) && span.to > span.from;
    const need = wrappedLines(text, widthOf(span.column));
    const rows = span.to - span.from + 1;
    let have = 0;
    for (let k = span.from; k <= span.to; k += 1) have += heights.get(k) ?? 1;
    if (need > have) {
      if (merged) {
        const extra = Math.ceil((need - have) / rows);
        for (let k = span.from; k <= span.to; k += 1) needLines(k, (heights.get(k) ?? 1) + extra);
      } else {
        needLines(span.from, need);
      }
    }
  }
  for (const [row, lines] of heights) ws.getRow(row).height = lines * LINE_HEIGHT + 4;

  const raw = Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  return { rowOfLine, itemCell, buffer: fixZipTimes(raw) };
}

/** Sets the time and date of every zip entry (local header and central directory) to 1980-01-01 00:00. */
function fixZipTimes(zip: Buffer): Buffer {
  const out = Buffer.from(zip);
  let eocd = -1;
  for (let i = out.length - 22; i >= 0; i -= 1) {
    if (out.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error("not a zip file");
  const entries = out.readUInt16LE(eocd + 10);
  let p = out.readUInt32LE(eocd + 16);
  const DOS_TIME = 0;
  const DOS_DATE = (0 << 9) | (1 << 5) | 1;
  for (let n = 0; n < entries; n += 1) {
    if (out.readUInt32LE(p) !== 0x02014b50) throw new Error("bad central directory");
    out.writeUInt16LE(DOS_TIME, p + 12);
    out.writeUInt16LE(DOS_DATE, p + 14);
    const local = out.readUInt32LE(p + 42);
    if (out.readUInt32LE(local) !== 0x04034b50) throw new Error("bad local header");
    out.writeUInt16LE(DOS_TIME, local + 10);
    out.writeUInt16LE(DOS_DATE, local + 12);
    p += 46 + out.readUInt16LE(p + 28) + out.readUInt16LE(p + 30) + out.readUInt16LE(p + 32);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// The fixtures

function planColumns(years: number): { columns: Record<string, string>; widths: number[] } {
  const columns: Record<string, string> = { dimension: "A", mission: "B", item: "C" };
  const widths = [18, 28, 48];
  for (let k = 0; k < years; k += 1) {
    columns[`year${k}`] = String.fromCharCode(68 + k);
    widths.push(14);
  }
  columns.note = String.fromCharCode(68 + years);
  columns.count = "C";
  widths.push(18);
  return { columns, widths };
}

function seed000(): { spec: SheetSpec; table: PlanTableJson } {
  const plan = readJson<Seed000Plan>("seed-000", "plan.json");
  const layout = readJson<Seed000Layout>("legacy", "seed-000-layout.json");
  const years = ["2566", "2567", "2568", "2569", "2570"];
  const byCode = new Map(plan.items.map((it, i) => [it.code, { ...it, seq: i + 1 }]));
  const rows: LayoutRow[] = layout.layout.map((row) => {
    if (row.type !== "item" || !("code" in row)) return row as LayoutRow;
    const it = byCode.get(row.code);
    if (!it) throw new Error(`seed 000: no item ${row.code}`);
    const name = layout.nameAsPrinted[it.code] ?? it.name;
    return {
      type: "item",
      line: row.line,
      dimension: row.dimension,
      mission: row.mission,
      item: `${thaiDigits(it.code)} ${name}`,
      items: [it.seq],
      budgets: years.map((y) => thaiAmount(it.budgets[y] ?? 0)),
      note: it.note,
    } satisfies ItemRow;
  });
  const items: TableItem[] = plan.items.map((it, i) => ({
    seq: i + 1,
    dimension: it.dimension,
    code: it.code,
    kind: it.kind,
    budgets: it.budgets,
    line: it.line,
  }));
  const stated: StatedTotal[] = plan.statedTotals.map((s) => ({
    dimension: s.dimension,
    line: s.line,
    countsText: s.text,
    counts: { project: s.project, measure: s.measure, activity: s.activity },
    countsTotal: s.project + s.measure + s.activity,
  }));
  const { columns, widths } = planColumns(5);
  const table: PlanTableJson = {
    source: layout.source,
    years: years.map(Number),
    items,
    statedTotals: stated,
    findings: layout.findings,
    frameworkDependent: layout.frameworkDependent,
    tolerate: layout.tolerate,
    layout: rows,
  };
  const spec: SheetSpec = {
    file: "seed-000-plan-table.xlsx",
    sheetName: layout.sheetName,
    seed: layout.source.seed,
    seedLines: layout.source.lines,
    columns,
    widths,
    amounts: "text",
    numberFormat: "#,##0",
    dimensionOf: (seq) => items[seq - 1]?.dimension ?? 0,
    rows,
  };
  return { spec, table };
}

function planSpec(file: string, sheetName: string, table: PlanTableJson, amounts: "text" | "number"): SheetSpec {
  const { columns, widths } = planColumns(table.years.length);
  return {
    file,
    sheetName,
    seed: table.source.seed,
    seedLines: table.source.lines,
    columns,
    widths,
    amounts,
    numberFormat: "#,##0",
    dimensionOf: (seq) => table.items[seq - 1]?.dimension ?? 0,
    rows: table.layout,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Annual list (e-PlanNACC), rendered separately: its own columns

async function renderAnnualList(list: AnnualListJson): Promise<Rendered> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Sujarit test fixtures (tools/make-legacy-fixtures.ts)";
  wb.lastModifiedBy = wb.creator;
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  const ws = wb.addWorksheet("แผน 2569", {
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const widths = [7, 70, 7, 16, 7, 7, 7, 7, 14];
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const font = { name: "Tahoma", size: 10 };
  const rowOfLine = new Map<number, number>();
  const itemCell = new Map<number, string>();
  let r = 1;
  const border = (row: number) => {
    for (let c = 1; c <= 9; c += 1) ws.getCell(row, c).border = thin;
  };
  list.pages.forEach((page, p) => {
    if (p > 0) {
      ws.getRow(r).addPageBreak();
      r += 1;
    }
    ws.mergeCells(r, 1, r, 9);
    const t = ws.getCell(r, 1);
    t.value = page.title;
    t.font = { ...font, size: 12, bold: true };
    t.alignment = { horizontal: "center" };
    rowOfLine.set(page.titleLine, r);
    r += 2;
    const h1 = r;
    list.columns.forEach((text, i) => {
      const cell = ws.getCell(r, i + 1);
      if (text) cell.value = text;
      cell.font = { ...font, bold: true };
      cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    });
    list.subColumns.forEach((text, i) => {
      const cell = ws.getCell(r + 1, i + 1);
      if (text) cell.value = Number(text);
      cell.font = { ...font, bold: true };
      cell.alignment = { horizontal: "center" };
    });
    for (const c of [1, 2, 3, 4, 9]) ws.mergeCells(h1, c, h1 + 1, c);
    ws.mergeCells(h1, 5, h1, 8);
    border(h1);
    border(h1 + 1);
    rowOfLine.set(page.headerLines[0] ?? 0, h1);
    rowOfLine.set(page.headerLines[1] ?? 0, h1 + 1);
    r += 2;
    for (const seq of page.rows) {
      const row = list.rows[seq - 1];
      if (!row) throw new Error(`annual list: no row ${seq}`);
      ws.getCell(r, 1).value = row.seq;
      ws.getCell(r, 2).value = row.name;
      ws.getCell(r, 3).value = row.dimension;
      const b = ws.getCell(r, 4);
      b.value = row.budget;
      b.numFmt = "#,##0.00";
      row.quarters.forEach((on, q) => {
        const cell = ws.getCell(r, 5 + q);
        if (on) cell.value = row.tickGlyph ?? "☑";
        cell.alignment = { horizontal: "center" };
      });
      if (row.remark) ws.getCell(r, 9).value = row.remark;
      for (let c = 1; c <= 9; c += 1) {
        const cell = ws.getCell(r, c);
        cell.font = font;
        if (c === 2) cell.alignment = { wrapText: true, vertical: "top" };
        if (c === 1 || c === 3) cell.alignment = { horizontal: "center", vertical: "top" };
      }
      border(r);
      ws.getRow(r).height = Math.max(1, Math.ceil(visibleLength(row.name) / 78)) * 15;
      rowOfLine.set(row.line, r);
      itemCell.set(row.seq, `B${r}`);
      r += 1;
    }
  });
  // total row
  ws.getCell(r, 1).value = list.total.label;
  ws.mergeCells(r, 1, r, 3);
  const tb = ws.getCell(r, 4);
  tb.value = list.total.budget;
  tb.numFmt = "#,##0.00";
  list.total.quarterCounts.forEach((n, q) => (ws.getCell(r, 5 + q).value = n));
  for (let c = 1; c <= 9; c += 1) {
    ws.getCell(r, c).font = { ...font, bold: true };
    if (c >= 5) ws.getCell(r, c).alignment = { horizontal: "center" };
  }
  ws.getCell(r, 1).alignment = { horizontal: "center" };
  border(r);
  rowOfLine.set(list.total.line, r);
  r += 2;
  for (const line of [...list.footer, ...list.legend]) {
    ws.getCell(r, 1).value = line.text;
    ws.getCell(r, 1).font = font;
    rowOfLine.set(line.line, r);
    r += 1;
  }
  const raw = Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  return { rowOfLine, itemCell, buffer: fixZipTimes(raw) };
}

// ---------------------------------------------------------------------------------------------------------------
// Expectations

interface ExpectedFinding {
  rule: string;
  cell: string;
  otherCells?: string[];
  line: number;
  what: string;
  found: unknown;
  expected: unknown;
  aspect?: string;
  stated?: Record<string, number>;
  computed?: Record<string, number>;
  /** the items concerned (seq and code), when the cell holds several (packed cells) */
  items?: { seq: number; code: string }[];
}

function cellOf(spec: { columns: Record<string, string>; file: string }, rendered: Rendered, at: Anchor, years: number[]): string {
  const row = rendered.rowOfLine.get(at.line);
  if (row === undefined) throw new Error(`${spec.file}: seed line ${at.line} is not in the sheet`);
  let column = at.column;
  if (column === "budget" && !spec.columns.budget) column = "year0"; // plan tables: the first year column
  const y = /^year:(\d+)$/.exec(column);
  if (y) column = `year${years.indexOf(Number(y[1]))}`;
  const letter = spec.columns[column];
  if (!letter) throw new Error(`${spec.file}: no column "${at.column}"`);
  return `${letter}${row}`;
}

function expectedFinding(
  spec: { columns: Record<string, string>; file: string },
  rendered: Rendered,
  f: SeedFinding,
  years: number[],
  codeOf: (seq: number) => string = String,
): ExpectedFinding {
  const out: ExpectedFinding = {
    rule: f.rule,
    cell: cellOf(spec, rendered, f.at, years),
    line: f.at.line,
    what: f.what,
    found: f.found,
    expected: f.expected,
  };
  if (f.also) out.otherCells = f.also.map((a) => cellOf(spec, rendered, a, years));
  if (f.aspect) out.aspect = f.aspect;
  if (f.stated) out.stated = f.stated;
  if (f.computed) out.computed = f.computed;
  if (f.items) out.items = f.items.map((seq) => ({ seq, code: codeOf(seq) }));
  return out;
}

function planExpectations(spec: SheetSpec, rendered: Rendered, table: PlanTableJson): Record<string, unknown> {
  const years = table.years.map(String);
  const byDimension: Record<string, Record<string, number>> = {};
  const sums: Record<string, Record<string, number>> = {};
  const total: Record<string, number> = Object.fromEntries(years.map((y) => [y, 0]));
  const kinds: Record<string, number> = { project: 0, activity: 0, measure: 0, none: 0, total: 0 };
  for (const it of table.items) {
    const d = String(it.dimension);
    const counts = (byDimension[d] ??= { project: 0, activity: 0, measure: 0, none: 0, total: 0 });
    const k = it.kind ?? "none";
    counts[k] = (counts[k] ?? 0) + 1;
    counts.total = (counts.total ?? 0) + 1;
    kinds[k] = (kinds[k] ?? 0) + 1;
    kinds.total = (kinds.total ?? 0) + 1;
    const s = (sums[d] ??= Object.fromEntries(years.map((y) => [y, 0])));
    for (const y of years) {
      const v = it.budgets[y] ?? 0;
      s[y] = (s[y] ?? 0) + v;
      total[y] = (total[y] ?? 0) + v;
    }
  }
  // self-check: the amounts written in the sheet's item rows add up to the items' budgets
  const written: Record<string, number> = Object.fromEntries(years.map((y) => [y, 0]));
  for (const row of table.layout) {
    if (row.type !== "item") continue;
    row.budgets.forEach((raw, k) => {
      const y = years[k];
      if (y) written[y] = (written[y] ?? 0) + amountsOf(raw).reduce((a, b) => a + b, 0);
    });
  }
  for (const y of years) {
    if (written[y] !== total[y]) throw new Error(`${spec.file}: the sheet's amounts for ${y} add up to ${written[y]}, the items to ${total[y]}`);
  }
  const stated = table.statedTotals.map((s) => ({
    cell: cellOf(spec, rendered, { line: s.line, column: "count" }, table.years),
    line: s.line,
    dimension: s.dimension,
    countsText: s.countsText,
    ...(s.counts ? { counts: s.counts } : {}),
    countsTotal: s.countsTotal,
    sums: s.sums ?? null,
    sumsCells: s.sums ? years.map((_, k) => cellOf(spec, rendered, { line: s.line, column: `year${k}` }, table.years)) : null,
  }));
  const codeOf = (seq: number): string => table.items[seq - 1]?.code ?? String(seq);
  const itemCells: Record<string, string> = {};
  for (const it of table.items) {
    const cell = rendered.itemCell.get(it.seq);
    if (!cell) throw new Error(`${spec.file}: item ${it.seq} not written`);
    itemCells[String(it.seq)] = cell;
  }
  return {
    seed: spec.seed,
    seedLines: spec.seedLines,
    sheet: spec.sheetName,
    years: table.years,
    amounts: spec.amounts === "text" ? "text in Thai digits, '-' for nil" : "numbers, '-' (text) for nil",
    mergedDimensions: [...MERGED_DIMENSIONS],
    items: { total: table.items.length, byKind: kinds, byDimension },
    sums: { byDimension: sums, total },
    statedTotals: stated,
    rulesCovered: PLAN_RULES,
    findings: table.findings.map((f) => expectedFinding(spec, rendered, f, table.years, codeOf)),
    frameworkDependent: table.frameworkDependent.map((f) => expectedFinding(spec, rendered, f, table.years, codeOf)),
    tolerate: table.tolerate.map((t) => ({ cell: cellOf(spec, rendered, t.at, table.years), line: t.at.line, what: t.what })),
    itemCells,
  };
}

/** Rules whose findings lists are exhaustive for the plan-table fixtures (none expected = none may be reported). */
const PLAN_RULES = ["P2", "P3", "P5", "P7", "P8", "P9", "P10", "B1", "B2", "B3", "B4", "B6", "B7", "B8", "T1"];

// ---------------------------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const check = process.argv.includes("--check");
  const outputs: { file: string; bytes: Buffer }[] = [];
  const expected: Record<string, unknown> = {};

  const s000 = seed000();
  const t001 = readJson<PlanTableJson>("seed-001", "plan-table.json");
  const t003 = readJson<PlanTableJson>("seed-003", "plan-table.json");
  const plans: { spec: SheetSpec; table: PlanTableJson }[] = [
    s000,
    { spec: planSpec("seed-001-plan-table.xlsx", "แผน ๔ ปี", t001, "text"), table: t001 },
    { spec: planSpec("seed-003-plan-table.xlsx", "Sheet1", t003, "number"), table: t003 },
  ];
  const renderedPlans = new Map<string, { spec: SheetSpec; rendered: Rendered; table: PlanTableJson }>();
  for (const { spec, table } of plans) {
    const rendered = await renderSheet(spec);
    outputs.push({ file: spec.file, bytes: rendered.buffer });
    expected[spec.file] = planExpectations(spec, rendered, table);
    renderedPlans.set(spec.file, { spec, rendered, table });
  }

  const list = readJson<AnnualListJson>("seed-003", "annual-list-2569.json");
  const listRendered = await renderAnnualList(list);
  const listFile = "seed-003-annual-list-2569.xlsx";
  outputs.push({ file: listFile, bytes: listRendered.buffer });
  const listColumns = { file: listFile, columns: { seq: "A", name: "B", dimension: "C", budget: "D", q1: "E", q2: "F", q3: "G", q4: "H", remark: "I" } };
  const ticks = [0, 1, 2, 3].map((q) => list.rows.filter((row) => row.quarters[q]).length);
  expected[listFile] = {
    seed: list.source.seed,
    seedLines: list.source.lines,
    sheet: "แผน 2569",
    fiscalYear: list.fiscalYear,
    planTable: "seed-003-plan-table.xlsx",
    rows: list.rows.length,
    budget: { sum: list.rows.reduce((a, row) => a + row.budget, 0), stated: list.total.budget, plan: list.plan2569.total },
    quarterTicks: ticks,
    statedQuarterCounts: list.total.quarterCounts,
    totalCells: { budget: `D${listRendered.rowOfLine.get(list.total.line)}`, quarters: ["E", "F", "G", "H"].map((c) => `${c}${listRendered.rowOfLine.get(list.total.line)}`) },
    rulesCovered: ["B6", "B11"],
    findings: list.findings.map((f) => {
      const out: ExpectedFinding & { planCell?: string } = expectedFinding(listColumns, listRendered, f, []);
      const plan = renderedPlans.get("seed-003-plan-table.xlsx");
      if (f.planLine !== undefined && plan) {
        const column = f.aspect === "kind" ? "item" : `year:${list.fiscalYear}`;
        out.planCell = cellOf(plan.spec, plan.rendered, { line: f.planLine, column }, plan.table.years);
      }
      return out;
    }),
    planItemOfRow: Object.fromEntries(list.rows.map((row) => [String(row.seq), row.plan.code])),
  };

  const report = readJson<{
    fiscalYear: number;
    round: number;
    rows: unknown[];
    totals: Record<string, unknown>;
    findings: {
      rule: string;
      line: number;
      planCode: string | null;
      planSeq?: number;
      field?: string;
      what: string;
      found: unknown;
      expected: unknown;
      aspect?: string;
    }[];
  }>("seed-001", "report-fy2564.json");
  const plan001 = renderedPlans.get("seed-001-plan-table.xlsx");
  expected["seed-001/report-fy2564.json"] = {
    note: "no workbook: the FY2564 progress report of seed 001 (L172-452) as JSON rows; findings are anchored to seed lines and plan codes",
    fiscalYear: report.fiscalYear,
    round: report.round,
    rows: report.rows.length,
    totals: report.totals,
    rulesCovered: ["M1", "M3", "M4", "M6", "M10", "T1"],
    findings: report.findings.map((f) => {
      // M10: the plan item with no report row, located in the legacy plan table
      const planCell = f.planSeq !== undefined ? plan001?.rendered.itemCell.get(f.planSeq) : undefined;
      return planCell ? { ...f, lineIs: "plan table line", planCell } : { ...f, lineIs: "report line" };
    }),
  };

  const expectedJson = JSON.stringify(
    {
      about:
        "Generated by tools/make-legacy-fixtures.ts from the JSON transcriptions; see README.md in this folder. " +
        "For each fixture: items per dimension and kind (kind 'none' = the name starts with no kind word), yearly sums, " +
        "the stated รวม rows with their cells, and the findings an importer + validator must report (rule ids of DOMAIN.md, " +
        "cell in the legacy sheet). rulesCovered lists the rules for which `findings` is exhaustive; `frameworkDependent` " +
        "findings depend on the framework data; `tolerate` lists cells that look wrong but must not produce a finding.",
      fixtures: expected,
    },
    null,
    1,
  ) + "\n";
  outputs.push({ file: "expected.json", bytes: Buffer.from(expectedJson, "utf8") });

  let differ = 0;
  mkdirSync(OUT, { recursive: true });
  for (const { file, bytes } of outputs) {
    const path = join(OUT, file);
    const same = existsSync(path) && readFileSync(path).equals(bytes);
    if (check) {
      if (!same) {
        differ += 1;
        console.log(`differs: test/fixtures/legacy/${file}`);
      }
    } else {
      writeFileSync(path, bytes);
      console.log(`${same ? "unchanged" : "wrote"} test/fixtures/legacy/${file} (${bytes.length} bytes)`);
    }
  }
  if (check && differ > 0) process.exitCode = 1;
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
