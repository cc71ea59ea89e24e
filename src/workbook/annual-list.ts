/**
 * The e-PlanNACC annual list (บัญชีรายการรายปี, seed 003's appendix) as it is printed or exported:
 *
 *   แผนปฏิบัติการป้องกันการทุจริต พ.ศ. {FY} ของ {org}
 *   ลำดับ | รายการโครงการ (ตั้งต้น) | มิติ | งบประมาณ (บาท) | ดำเนินการไตรมาส 1 2 3 4 | หมายเหตุ
 *   one row per item, ☑ / ✓ / ✔ where a quarter is planned
 *   รวมทั้งสิ้น | budget sum | ticks per quarter
 *   ** ข้อมูล ณ วันที่ … · ชื่อ - สกุล ผู้ออกรายงาน … · คำอธิบาย + มิติ 1 … มิติ 4 …
 *
 * The title and the two header rows repeat after every page break. Columns are found by header text;
 * the quarters by "ไตรมาส 1" headers, by the 1–4 row under a merged "ดำเนินการไตรมาส", or by the merge.
 *
 * Pure: grids in, the list's rows + stated total + findings + an account of every non-empty row out.
 */
import type { Finding } from "../domain/findings";
import { kindOfName } from "../domain/kinds";
import type { Quarter } from "../domain/plan";
import { foldForMatch, normalizeSpace, parseAmount, toArabicDigits } from "../domain/thai";
import { type DimensionNo, type FiscalYear, fiscalYear, isDimensionNo, isFiscalYear } from "../domain/units";
import { address, parseArea } from "./a1";
import { cellText, displayCell, parseBaht } from "./cells";
import { type CellValue, isBlank, isCellError, type SheetGrid, type WorkbookGrids } from "./grid";
import { statedCounts } from "./legacy";
import type {
  AnnualList, AnnualListColumns, AnnualListRow, ListRowAccount, ListRowDisposition, StatedListTotal,
} from "../domain/annual-list";

// the list's model is the domain's (domain/annual-list.ts compares it with the plan); this file reads it
export {
  type AnnualList, type AnnualListColumns, type AnnualListRow, LIST_ROW_DISPOSITIONS, type ListRowAccount,
  type ListRowDisposition, type StatedCell, type StatedListTotal,
} from "../domain/annual-list";

const is = (folded: string, ...words: string[]) => words.some((w) => folded.includes(foldForMatch(w)));
const DIMENSION_WORDS = ["มิติ", "มติ", "มิตี"];

/* ---------- the header ---------- */

interface Header {
  readonly cols: AnnualListColumns;
  /** Rows the header takes (2 when a 1–4 row sits under a merged "ดำเนินการไตรมาส"). */
  readonly height: number;
  /** A BE year in the budget header ("งบประมาณ ปี 2569"), if any. */
  readonly budgetYear: FiscalYear | undefined;
}

const quarterNumber = (v: CellValue): number | undefined => {
  const t = foldForMatch(cellText(v)).replace(/^(ไตรมาส(ที่)?|q)/, "");
  return /^[1-4]$/.test(t) ? Number(t) : undefined;
};

/**
 * A list header row: a name column (รายการโครงการ, or โครงการ beside ลำดับ), exactly one budget column
 * and a ไตรมาส column. The template's plan sheet (one budget column per year, no ลำดับ) is not one.
 */
function listHeader(grid: SheetGrid, r: number): Header | undefined {
  const row = grid.rows[r] ?? [];
  const folded = row.map((c) => (typeof c === "string" && c.length <= 80 ? foldForMatch(c) : ""));
  const quarterCols = folded.flatMap((t, i) => (t.includes("ไตรมาส") ? [i] : []));
  if (quarterCols.length === 0) return undefined;
  const seq = folded.findIndex((t) => t === "ลำดับ" || t === "ลำดับที่" || t === "no." || t === "ที่");
  const name = folded.findIndex((t) => !t.includes("ไตรมาส") && !t.includes("งบประมาณ") && (t.includes("รายการโครงการ") || (seq >= 0 && t.includes("โครงการ"))));
  const budgets = folded.flatMap((t, i) => (t.includes("งบประมาณ") && !t.includes("ไตรมาส") ? [i] : []));
  if (name < 0 || budgets.length !== 1) return undefined;
  const budget = budgets[0] as number;
  const dimension = folded.findIndex((t, i) => i !== name && is(t, ...DIMENSION_WORDS));
  const note = folded.findIndex((t) => t.includes("หมายเหตุ"));

  const quarters: (number | undefined)[] = [undefined, undefined, undefined, undefined];
  for (const c of quarterCols) {
    const m = /ไตรมาส(?:ที่)?([1-4])(?!\d)/.exec(folded[c] as string);
    if (m) quarters[Number(m[1]) - 1] ??= c;
  }
  let height = 1;
  if (quarters.some((q) => q === undefined)) {
    // "ดำเนินการไตรมาส" over a row that numbers the quarters 1 2 3 4
    const below = grid.rows[r + 1] ?? [];
    const from = Math.min(...quarterCols);
    below.forEach((v, c) => {
      const q = c >= from ? quarterNumber(v) : undefined;
      if (q !== undefined && quarters[q - 1] === undefined) quarters[q - 1] = c;
    });
    if (quarters.some((q) => q !== undefined)) height = 2;
  }
  if (!quarters.some((q) => q !== undefined)) {
    // no numbers anywhere: the merged "ดำเนินการไตรมาส" cell spans the four columns, or they follow it
    const first = quarterCols[0] as number;
    const merge = grid.merges.map((m) => parseArea(m)).find((a) => a && a.top === r + 1 && a.left === first + 1);
    const span = merge ? merge.right - merge.left + 1 : 4;
    for (let i = 0; i < Math.min(span, 4); i++) quarters[i] = first + i;
  }
  if (quarters.some((q) => q === undefined)) return undefined;
  const used = new Set([name, budget, seq, dimension, note]);
  if ((quarters as number[]).some((q) => used.has(q))) return undefined;
  const year = /(2[45]\d\d)/.exec(toArabicDigits(cellText(row[budget] ?? null)));
  return {
    cols: {
      seq: seq < 0 ? undefined : seq, name, dimension: dimension < 0 ? undefined : dimension, budget,
      quarters: quarters as [number, number, number, number], note: note < 0 ? undefined : note,
    },
    height,
    budgetYear: year && isFiscalYear(Number(year[1])) ? fiscalYear(Number(year[1])) : undefined,
  };
}

/** The sheets that hold an annual list, each with its first header row (0-based). */
export function findAnnualListSheets(grids: WorkbookGrids): { grid: SheetGrid; headerRow: number; header: Header }[] {
  const out: { grid: SheetGrid; headerRow: number; header: Header }[] = [];
  for (const grid of grids.sheets) {
    for (let r = 0; r < Math.min(grid.rows.length, 60); r++) {
      const header = listHeader(grid, r);
      if (header) {
        out.push({ grid, headerRow: r, header });
        break;
      }
    }
  }
  return out;
}

/* ---------- cells ---------- */

/** Glyphs that mean "planned in this quarter": ☑ ✓ ✔ ✅ √ /, Wingdings' ü and þ typed as text, TRUE. */
const TICKS = new Set(["☑", "✓", "✔", "✅", "🗸", "🗹", "√", "/", "ü", "þ", "TRUE"]);
/** Marks that mean "not planned". */
const NO_TICKS = new Set(["", "☐", "□", "-", "–", "—", "✗", "✘", "☒", "FALSE", "o"]);

type Tick = "yes" | "no" | "unknown";

function tickOf(v: CellValue): Tick {
  if (v === null) return "no";
  if (typeof v === "boolean") return v ? "yes" : "no";
  const t = normalizeSpace(cellText(v));
  if (TICKS.has(t)) return "yes";
  if (NO_TICKS.has(t)) return "no";
  return "unknown";
}

function leadingNumber(text: string): number | undefined {
  const m = /^\s*(?:มิติที่|มิติ|มติ|มิตี)?\s*([0-9๐-๙]+)(?![.,][0-9๐-๙])/.exec(text);
  return m ? Number(toArabicDigits(m[1] as string)) : undefined;
}

function statedNumber(v: CellValue): number | undefined {
  if (typeof v === "number") return Number.isFinite(v) ? v : undefined;
  const p = parseAmount(cellText(v));
  return p.kind === "amount" ? p.value : undefined;
}

const TOTAL_WORD = /^\s*(รวมทั้งสิ้น|รวมทั้งหมด|รวม(?![ก-๙]))/;
const TITLE = /^แผนปฏิบัติการ/;
const DATA_DATE = /ข้อมูล\s*ณ\s*วันที่\s*(.*)$/;
const REPORTER = /ผู้ออกรายงาน\s*:?\s*(.*)$/;
const PAGE_NUMBER = /^(หน้า(ที่)?\s*[0-9๐-๙]+(\s*(\/|จาก)\s*[0-9๐-๙]+)?|[0-9๐-๙]+\s*\/\s*[0-9๐-๙]+|page\s*\d+.*)$/i;
const PRINTED_ON = /^(พิมพ์เมื่อ|วันที่พิมพ์|printed)/i;
const LEGEND = /^คำอธิบาย/;
const LEGEND_DIMENSION = /^มิติ(?:ที่)?\s*([1-4])\s*[.:]?\s*(\S.*)$/;

/** "แผนปฏิบัติการป้องกันการทุจริต พ.ศ. 2569 ของ เทศบาลนคร…" → year and organization. */
export function parseListTitle(text: string): { fiscalYear?: FiscalYear; orgName?: string } {
  const t = normalizeSpace(toArabicDigits(text));
  const year = /(?:พ\.\s*ศ\.|ปีงบประมาณ|ประจำปี)\s*(2[45]\d\d)/.exec(t);
  const org = /\sของ\s*(\S.*)$/.exec(t);
  return {
    ...(year && isFiscalYear(Number(year[1])) ? { fiscalYear: fiscalYear(Number(year[1])) } : {}),
    ...(org ? { orgName: normalizeSpace(org[1] as string) } : {}),
  };
}

/* ---------- the sheet ---------- */

export function readAnnualLists(grids: WorkbookGrids): AnnualList[] {
  return findAnnualListSheets(grids).map(({ grid, headerRow, header }) => readSheet(grid, headerRow, header));
}

/** The first annual list of the workbook, if any. */
export function readAnnualList(grids: WorkbookGrids): AnnualList | undefined {
  return readAnnualLists(grids)[0];
}

function readSheet(grid: SheetGrid, headerRow: number, firstHeader: Header): AnnualList {
  let cols = firstHeader.cols;
  const findings: Finding[] = [];
  const rows: AnnualListRow[] = [];
  const accounts: ListRowAccount[] = [];
  const totals: StatedListTotal[] = [];
  const legend: { dimension: DimensionNo; name: string }[] = [];
  let dataDate: string | undefined;
  let reporter: string | undefined;
  let title: { fiscalYear?: FiscalYear; orgName?: string; cell: string } | undefined;
  let inLegend = false;
  /** Rows still belonging to a header block (the 1–4 row under "ดำเนินการไตรมาส"). */
  let headerUntil = -1;
  const at = (r: number, c: number) => address(r + 1, c + 1);
  const located = (r: number, c: number) => ({ sheet: grid.name, cell: at(r, c) });
  const account = (r: number, disposition: ListRowDisposition) => accounts.push({ row: r + 1, disposition });

  for (let r = 0; r < grid.rows.length; r++) {
    const row = grid.rows[r] ?? [];
    if (row.every((c) => isBlank(c))) continue;
    for (const [c, v] of row.entries()) {
      if (isCellError(v)) findings.push({ rule: "X2", severity: "error", message: { th: `เซลล์มีค่าผิดพลาดจากสูตร ${v.error}`, en: `The cell holds a formula error ${v.error}` }, location: located(r, c), found: v.error });
    }
    const filled = row.flatMap((v, c) => (isBlank(v) || isCellError(v) ? [] : [{ c, text: normalizeSpace(cellText(v)) }]));
    const only = filled.length === 1 ? (filled[0] as { c: number; text: string }) : undefined;
    const joined = filled.map((f) => f.text).join(" ");

    // the title, above the table and again on every page
    if (only && TITLE.test(only.text) && !TOTAL_WORD.test(only.text)) {
      const parsed = parseListTitle(only.text);
      if (!title) title = { ...parsed, cell: at(r, only.c) };
      else if (parsed.fiscalYear !== undefined && title.fiscalYear !== undefined && parsed.fiscalYear !== title.fiscalYear) {
        findings.push({
          rule: "B11", severity: "warning", location: located(r, only.c),
          message: { th: `หัวเรื่องหน้านี้ระบุปี ${parsed.fiscalYear} แต่หน้าแรกของบัญชีระบุปี ${title.fiscalYear}`, en: `This page's title names ${parsed.fiscalYear}; the list's first page names ${title.fiscalYear}` },
          found: String(parsed.fiscalYear), expected: { th: String(title.fiscalYear), en: String(title.fiscalYear) },
        });
      }
      account(r, "title");
      continue;
    }
    if (r < headerRow) {
      account(r, "title");
      continue;
    }
    const header = listHeader(grid, r);
    if (header) {
      cols = header.cols; // a page break repeats the header: same layout, re-read to be safe
      headerUntil = r + header.height - 1;
      inLegend = false;
      account(r, "header");
      continue;
    }
    if (r <= headerUntil) {
      account(r, "header");
      continue;
    }

    // the footer and the legend under the table
    if (only && (DATA_DATE.test(only.text) || REPORTER.test(only.text) || PAGE_NUMBER.test(only.text) || PRINTED_ON.test(only.text))) {
      dataDate ??= DATA_DATE.exec(only.text)?.[1]?.trim() || undefined;
      reporter ??= REPORTER.exec(only.text)?.[1]?.trim() || undefined;
      account(r, "footer");
      continue;
    }
    if (only && LEGEND.test(only.text)) {
      inLegend = true;
      account(r, "legend");
      continue;
    }
    const legendLine = only ? LEGEND_DIMENSION.exec(toArabicDigits(only.text)) : null;
    const legendDimension = Number(legendLine?.[1]);
    if (legendLine && (inLegend || only?.c !== cols.name) && isDimensionNo(legendDimension)) {
      legend.push({ dimension: legendDimension, name: normalizeSpace(legendLine[2] as string) });
      account(r, "legend");
      continue;
    }
    if (inLegend && only) {
      account(r, "legend"); // "☑ หมายถึง …" and other lines of the legend
      continue;
    }

    const text = (c: number | undefined) => (c === undefined ? "" : normalizeSpace(cellText(row[c] ?? null)));
    const labelCol = [cols.seq, cols.name, cols.dimension, filled[0]?.c].find((c) => c !== undefined && TOTAL_WORD.test(text(c)));
    if (labelCol !== undefined) {
      const budgetCell = row[cols.budget] ?? null;
      const budget = statedNumber(budgetCell);
      if (budget === undefined && !isBlank(budgetCell) && !isCellError(budgetCell)) {
        findings.push({ rule: "B1", severity: "error", message: { th: "ยอดรวมงบประมาณไม่ใช่ตัวเลข", en: "The budget total is not a number" }, location: located(r, cols.budget), found: displayCell(budgetCell), expected: { th: "ตัวเลขจำนวนเงิน", en: "an amount" } });
      }
      const quarters: StatedListTotal["quarters"] = eachQuarter(cols.quarters, (c) => {
        const v = statedNumber(row[c] ?? null);
        return v === undefined ? undefined : { value: v, cell: at(r, c) };
      });
      const counted = Object.values(statedCounts(joined)).reduce((s, n) => s + (n ?? 0), 0);
      const countCol = filled.find((f) => Object.keys(statedCounts(f.text)).length > 0)?.c;
      totals.push({
        row: r + 1, label: at(r, labelCol),
        budget: budget === undefined ? undefined : { value: budget, cell: at(r, cols.budget) },
        quarters,
        count: countCol === undefined ? undefined : { value: counted, cell: at(r, countCol) },
      });
      account(r, "total");
      continue;
    }

    const name = text(cols.name);
    if (!name) {
      const c = filled[0]?.c ?? 0;
      findings.push({ rule: "X6", severity: "warning", message: { th: "แถวนี้ไม่มีชื่อรายการโครงการ จึงอ่านเป็นรายการไม่ได้", en: "This row has no item name and was not read as an item" }, location: located(r, c), found: displayCell(row[c] ?? null) });
      account(r, "unplaced");
      continue;
    }

    const seqText = text(cols.seq);
    const seqMatch = /^\(?([0-9๐-๙]+)[).]?$/.exec(seqText);
    const seq = seqMatch ? Number(toArabicDigits(seqMatch[1] as string)) : undefined;
    if (seqText && seq === undefined) {
      findings.push({ rule: "X1", severity: "warning", message: { th: "ลำดับไม่ใช่ตัวเลข", en: "The row number (ลำดับ) is not a number" }, location: located(r, cols.seq as number), found: seqText, expected: { th: "ตัวเลข เช่น 1", en: "a number such as 1" } });
    }

    let dimension: DimensionNo | undefined;
    const dimText = text(cols.dimension);
    if (dimText) {
      const d = leadingNumber(dimText);
      if (d !== undefined && isDimensionNo(d)) dimension = d;
      else findings.push({ rule: "P2", severity: "error", message: { th: "อ่านเลขมิติไม่ได้", en: "Cannot read the dimension number" }, location: located(r, cols.dimension as number), found: dimText, expected: { th: "1 ถึง 4", en: "1 to 4" } });
    }

    const raw = row[cols.budget] ?? null;
    let budget = 0;
    if (!isCellError(raw)) {
      const p = parseBaht(raw);
      if (p.ok) {
        budget = p.value ?? 0;
        if (p.warning) findings.push({ rule: p.warning.rule, severity: "warning", message: { th: "จำนวนเงินมีทศนิยมเกิน 2 ตำแหน่ง", en: "The amount has more than two decimals" }, location: located(r, cols.budget), found: displayCell(raw), expected: p.warning.expected });
      } else {
        findings.push({ rule: "B1", severity: "error", message: { th: "งบประมาณไม่ใช่ตัวเลข", en: "The budget is not a number" }, location: located(r, cols.budget), found: displayCell(raw), expected: p.expected });
      }
    }

    const ticked: Quarter[] = [];
    cols.quarters.forEach((c, i) => {
      const v = row[c] ?? null;
      if (isCellError(v)) return;
      const t = tickOf(v);
      if (t === "yes") ticked.push((i + 1) as Quarter);
      else if (t === "unknown") {
        findings.push({ rule: "X1", severity: "warning", message: { th: `อ่านเครื่องหมายไตรมาส ${i + 1} ไม่ได้ จึงนับว่าไม่ได้ทำเครื่องหมาย`, en: `Cannot read the quarter ${i + 1} mark; counted as not ticked` }, location: located(r, c), found: displayCell(v), expected: { th: "☑ ✓ ✔ หรือว่าง", en: "☑ ✓ ✔ or blank" } });
      }
    });

    rows.push({
      row: r + 1, seq, name, kind: kindOfName(name), dimension, budget, ticked, note: text(cols.note),
      cells: {
        name: at(r, cols.name),
        dimension: cols.dimension === undefined ? undefined : at(r, cols.dimension),
        budget: at(r, cols.budget),
        quarters: eachQuarter(cols.quarters, (c) => at(r, c)),
      },
    });
    account(r, "item");
  }

  return {
    sheet: grid.name,
    fiscalYear: title?.fiscalYear ?? firstHeader.budgetYear,
    orgName: title?.orgName,
    titleCell: title?.cell ?? at(headerRow, firstHeader.cols.name),
    headerRow: headerRow + 1,
    columns: firstHeader.cols,
    rows,
    total: totals[totals.length - 1],
    dataDate,
    reporter,
    legend,
    accounts,
    findings,
  };
}

/** The four quarter columns mapped one by one, still four (Array.map would lose the tuple's length). */
function eachQuarter<T>(q: readonly [number, number, number, number], f: (col: number) => T): readonly [T, T, T, T] {
  return [f(q[0]), f(q[1]), f(q[2]), f(q[3])];
}
