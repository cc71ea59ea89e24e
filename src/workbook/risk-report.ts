/**
 * The การประเมินความเสี่ยง report sheet (REPORTS.md), as data: the plans' published risk table (ลำดับที่ ·
 * ขั้นตอนการดำเนินงาน · ประเด็นความเสี่ยงการทุจริต · ความเสี่ยงก่อนควบคุม (seed 003: "Risk Score") · มาตรการควบคุมความเสี่ยงการทุจริต, rows of one
 * process grouped, each issue with its own level word as seed 003 prints "สูง ปานกลาง"), a residual-risk
 * column, then the likelihood × impact heat maps before and after controls drawn with cell fills, and a
 * count per level. Pure: model (+ where the register was read) → SheetSpec.
 *
 * Scores, levels and counts are live formulas over ทะเบียนความเสี่ยง (references to its score and level
 * cells, COUNTIFS over its likelihood and impact columns), each written with the value the core computes,
 * so that the sheet follows edits of the register and viewers that do not calculate still show it.
 *
 * The sheet is a grid of one narrow column (ลำดับที่) and twenty equal columns: table cells span several of
 * them and heat-map cells one each, so that both line up on one A4 landscape page. Merged cells are not
 * fitted by spreadsheets, so row heights come from an estimate of the wrapped text (text-size.ts).
 */
import { type AssessedRisk, assessRisk, heatMap, matrixOf } from "../domain/risk/assess";
import type { RiskLevel, RiskMatrix } from "../domain/risk/matrix";
import type { PlanWorkbook } from "../domain/plan";
import { foldForMatch, normalizeSpace, toThaiDigits } from "../domain/thai";
import { columnLetter, rangeAddress, sheetRef } from "./a1";
import type { CellInput, CellStyle, SheetSpec } from "./grid";
import { SheetBuilder as BaseBuilder } from "./reports/builder";
import { DRAFT_FOOTER, FOOTER, GENERATED_NOTE, REPORT_FONT, STYLE, THAI_DIGITS } from "./reports/style";
import { levelFill } from "./matrix-sheet";
import { RISKS_SHEET } from "./schema";
import { columnPx, linesFor, rowHeightPt } from "./text-size";

export const RISK_REPORT_SHEET = "การประเมินความเสี่ยง";
export { GENERATED_NOTE, REPORT_FONT, THAI_DIGITS };

/** Where the register was read: the sheet and the 0-based column of each field (ReadLayouts.tables.risks). */
export interface RegisterLayout {
  readonly sheet: string;
  readonly columns: ReadonlyMap<string, number>;
}

export interface RiskReportInput {
  readonly model: PlanWorkbook;
  /** Without it (or without its computed columns), the sheet holds the core's values instead of formulas. */
  readonly register?: RegisterLayout;
  /** The number of errors the checks found, when generated with the other report sheets as a draft. */
  readonly draftErrors?: number;
  /** The printed draft banner, when the report is a draft for another reason than errors (reports/gaps.ts). */
  readonly draftBanner?: string;
}

/** One group of the published table: a process and its issues. */
export interface RiskGroup {
  readonly no: number;
  readonly process: string;
  readonly risks: readonly AssessedRisk[];
  /** The control measures: the linked plan items' names, then free-text controls that name no item. */
  readonly controls: readonly string[];
}

/** Risks grouped by process (spacing aside), in the register's order of first appearance. */
export function riskGroups(model: PlanWorkbook): RiskGroup[] {
  const m = matrixOf(model);
  const groups = new Map<string, { process: string; risks: AssessedRisk[] }>();
  model.risks.forEach((r, i) => {
    const process = normalizeSpace(r.process);
    const key = process === "" ? `#${i}` : foldForMatch(process);
    const g = groups.get(key) ?? { process, risks: [] };
    g.risks.push(assessRisk(m, r, model.items, model.settings.orgName));
    groups.set(key, g);
  });
  return [...groups.values()].map((g, i) => ({ no: i + 1, process: g.process, risks: g.risks, controls: controlsOf(g.risks) }));
}

function controlsOf(risks: readonly AssessedRisk[]): string[] {
  const out: string[] = [];
  const add = (text: string) => {
    if (text !== "" && !out.includes(text)) out.push(text);
  };
  for (const a of risks) for (const m of a.mitigations) add(normalizeSpace(m.item ? m.item.name : m.text));
  return out;
}

/* ---------- layout ---------- */

const UNIT = 7.5;
const UNITS = 20;
/** Table columns: first and last grid column (1-based sheet columns; A is ลำดับที่). */
const COL = {
  no: [1, 1],
  process: [2, 4],
  issue: [5, 9],
  level: [10, 11],
  score: [12, 12],
  residualLevel: [13, 14],
  residualScore: [15, 15],
  controls: [16, 21],
} as const;
type Col = keyof typeof COL;
/** ลำดับที่ is 11 characters wide: at 7 its 16-pt header broke as "ลำดั|บที่". */
const widthOf = (c: Col): number => (c === "no" ? 11 : (COL[c][1] - COL[c][0] + 1) * UNIT);

const BORDER: CellStyle = { border: "thin" };
const HEADER: CellStyle = { bold: true, fill: "FFD9E1F2", horizontal: "center", vertical: "middle", wrap: true, border: "thin" };
const BODY: CellStyle = { vertical: "top", wrap: true, border: "thin" };
const NOTE_COLOR = "FF7F7F7F";

/** The shared builder, plus cells placed by the table's named columns. */
class SheetBuilder extends BaseBuilder {
  cell(row: number, col: Col, value: CellInput, style?: CellStyle, rows = 1): string {
    const [left, right] = COL[col];
    return this.area(row, left, row + rows - 1, right, value, style);
  }
}

interface Formulas {
  readonly ref: (row: number | undefined, key: string) => string | undefined;
  readonly column: (key: string) => string | undefined;
}

/** Formulas into the register where it was read with every column they need. */
function formulasOf(register: RegisterLayout | undefined): Formulas {
  const complete = register !== undefined && RISKS_SHEET.columns.every((c) => register.columns.has(c.key));
  const letter = (key: string) => columnLetter((register?.columns.get(key) ?? -1) + 1);
  return {
    ref: (row, key) => (complete && row !== undefined ? sheetRef((register as RegisterLayout).sheet, `$${letter(key)}$${row}`) : undefined),
    column: (key) => (complete ? sheetRef((register as RegisterLayout).sheet, `$${letter(key)}:$${letter(key)}`) : undefined),
  };
}

/** A formula with the value the core computes, or that value alone where no formula can be written. */
function live(formula: string | undefined, value: string | number): CellInput {
  return formula === undefined ? value : { formula, result: value };
}

/* ---------- pagination (Excel's A4 landscape, fit to one page wide) ---------- */

const PAGE = { width: 842, height: 595, marginX: 36, marginY: 43.2, footer: 14 } as const;

/** The scale Excel prints the sheet at to fit its columns on one page wide (whole percents, never above 100). */
export function printScale(columnWidths: readonly number[]): number {
  const widthPt = columnWidths.reduce((sum, w) => sum + columnPx(w) * 0.75, 0);
  return Math.min(100, Math.floor((100 * (PAGE.width - 2 * PAGE.marginX)) / widthPt)) / 100;
}

/** How many points of rows fit on one printed page at that scale. */
export function pageCapacity(scale: number): number {
  return Math.floor((PAGE.height - 2 * PAGE.marginY - PAGE.footer) / scale);
}

export function riskReportSheet(input: RiskReportInput): SheetSpec {
  const { model } = input;
  const m = matrixOf(model);
  const thai = model.settings.digits === "thai";
  const digits = (s: string | number) => (thai ? toThaiDigits(String(s)) : String(s));
  const numFmt = (fmt: string) => (thai ? `${THAI_DIGITS}${fmt}` : fmt);
  const SCORE_FMT = thai ? `${THAI_DIGITS}0;-${THAI_DIGITS}0;""` : '0;-0;""';
  const f = formulasOf(input.register);
  const b = new SheetBuilder();
  const size = REPORT_FONT.size;
  const line = rowHeightPt(1, size);
  const columnWidths = [widthOf("no"), ...Array.from({ length: UNITS }, () => UNIT)];
  const capacity = pageCapacity(printScale(columnWidths)) - 8;

  // 1: the note (on screen, not printed) · 2–3: title · the heat maps · the table, its header repeated on every page
  const draft = (input.draftErrors ?? 0) > 0 || input.draftBanner !== undefined;
  if (draft) {
    const banner = (input.draftErrors ?? 0) > 0 ? `ฉบับร่าง (DRAFT): ข้อมูลในสมุดงานยังมีข้อผิดพลาด ${digits(input.draftErrors ?? 0)} รายการ — ตรวจสอบและแก้ไขก่อนส่ง` : input.draftBanner;
    b.area(1, 1, 1, 1 + UNITS, banner ?? "ฉบับร่าง (DRAFT)", STYLE.draft);
    b.height(1, rowHeightPt(1, 16));
  } else {
    b.area(1, 1, 1, 1 + UNITS, GENERATED_NOTE, { italic: true, fontSize: 12, fontColor: NOTE_COLOR });
    b.height(1, rowHeightPt(1, 12));
  }
  const s = model.settings;
  const place = [s.orgName, s.district && `อำเภอ${s.district}`, s.province && `จังหวัด${s.province}`].filter(Boolean).join(" ");
  b.area(2, 1, 2, 1 + UNITS, "การประเมินความเสี่ยงการทุจริต", { bold: true, fontSize: 20, horizontal: "center", vertical: "middle" });
  const sub = [place, s.reportFy ? `ประจำปีงบประมาณ พ.ศ. ${digits(s.reportFy)}` : ""].filter(Boolean).join(" ");
  b.area(3, 1, 3, 1 + UNITS, sub || " ", { bold: true, fontSize: 18, horizontal: "center", vertical: "middle" });
  b.height(2, rowHeightPt(1, 20));
  b.height(3, rowHeightPt(1, 18));
  b.height(4, 8);
  // the heat maps side by side, the count per level beside them, above the table (issue 13: below it, they
  // printed under the table's repeated header, an empty header over the maps):
  // title · side titles · "โอกาส" · N rows of cells · impact values · "ผลกระทบ" · scales · levels
  const mapTitle = 5;
  const n = m.size;
  const maps = heatMap(m, model.risks);
  const sides = [
    { title: "ก่อนการควบคุม", counts: maps.inherent, left: 2, l: "likelihood", i: "impact" },
    { title: "หลังการควบคุม (ความเสี่ยงคงเหลือ)", counts: maps.residual, left: 10, l: "residualLikelihoodUsed", i: "residualImpactUsed" },
  ] as const;
  const sideTitle = mapTitle + 1;
  const axisL = sideTitle + 1;
  const firstCells = axisL + 1;
  const axisI = firstCells + n;
  const CELL_HEIGHT = 30;
  b.area(mapTitle, 1, mapTitle, 1 + UNITS, "แผนภูมิความเสี่ยง: จำนวนความเสี่ยงในแต่ละช่องของโอกาส × ผลกระทบ", { bold: true, fontSize: 18, vertical: "middle" });
  b.height(mapTitle, rowHeightPt(1, 18));
  for (const side of sides) {
    const cellsLeft = side.left + 2;
    b.area(sideTitle, side.left, sideTitle, cellsLeft + n - 1, side.title, { bold: true, horizontal: "center" });
    b.area(axisL, side.left, axisL, side.left + 1, "โอกาส", { bold: true, horizontal: "center", italic: true });
    for (let l = n; l >= 1; l--) {
      const r = firstCells + (n - l);
      b.area(r, side.left, r, side.left + 1, `${digits(l)} ${m.likelihood[l - 1]?.th ?? ""}`, { ...BORDER, vertical: "middle", fill: "FFF2F2F2" });
      for (let i = 1; i <= n; i++) {
        const count = side.counts[l - 1]?.[i - 1] ?? 0;
        const lc = f.column(side.l);
        const ic = f.column(side.i);
        const level = levelAt(m, l, i);
        b.area(r, cellsLeft + i - 1, r, cellsLeft + i - 1, live(lc && ic ? `COUNTIFS(${lc},${l},${ic},${i})` : undefined, count), {
          ...BORDER, horizontal: "center", vertical: "middle", bold: true, fontSize: 18, numFmt: SCORE_FMT,
          ...(level ? { fill: levelFill(level) } : {}),
        });
      }
    }
    for (let i = 1; i <= n; i++) b.area(axisI, cellsLeft + i - 1, axisI, cellsLeft + i - 1, digits(i), { ...BORDER, bold: true, horizontal: "center", fill: "FFF2F2F2" });
    b.area(axisI + 1, cellsLeft, axisI + 1, cellsLeft + n - 1, "ผลกระทบ", { bold: true, horizontal: "center", italic: true });
  }
  for (let r = firstCells; r < axisI; r++) b.height(r, CELL_HEIGHT);

  // beside the maps: the count per level before and after controls
  const sum = { swatch: [17, 17], name: [18, 19], inherent: [20, 20], residual: [21, 21] } as const;
  const put = (r: number, c: keyof typeof sum, v: CellInput, style: CellStyle) => b.area(r, sum[c][0], r, sum[c][1], v, style);
  b.area(sideTitle, sum.swatch[0], sideTitle + 1, sum.name[1], "ระดับความเสี่ยง", HEADER);
  b.area(sideTitle, sum.inherent[0], sideTitle, sum.residual[1], "จำนวน", HEADER);
  put(sideTitle + 1, "inherent", "ก่อน", HEADER);
  put(sideTitle + 1, "residual", "หลัง", HEADER);
  const assessed = model.risks.map((r) => assessRisk(m, r, model.items, model.settings.orgName));
  const levelCol = f.column("level");
  const residualCol = f.column("residualLevel");
  m.levels.forEach((lv, idx) => {
    const r = sideTitle + 2 + idx;
    const name = lv.name.th.replace(/"/g, '""');
    put(r, "swatch", "", { ...BORDER, fill: levelFill(lv) });
    put(r, "name", lv.name.th, { ...BORDER, vertical: "middle" });
    const before = assessed.filter((a) => a.inherent?.level.key === lv.key).length;
    const after = assessed.filter((a) => a.residual?.level.key === lv.key).length;
    put(r, "inherent", live(levelCol && `COUNTIF(${levelCol},"${name}")`, before), { ...BORDER, horizontal: "center", vertical: "middle", numFmt: numFmt("0") });
    put(r, "residual", live(residualCol && `COUNTIF(${residualCol},"${name}")`, after), { ...BORDER, horizontal: "center", vertical: "middle", numFmt: numFmt("0") });
  });
  const totalRow = sideTitle + 2 + m.levels.length;
  const sumOf = (c: "inherent" | "residual") => `SUM(${rangeAddress(sideTitle + 2, sum[c][0], totalRow - 1, sum[c][0])})`;
  const scored = (side: "inherent" | "residual") => assessed.filter((a) => a[side] !== undefined).length;
  b.area(totalRow, sum.swatch[0], totalRow, sum.name[1], "รวม", { ...BORDER, bold: true, horizontal: "center" });
  put(totalRow, "inherent", { formula: sumOf("inherent"), result: scored("inherent") }, { ...BORDER, bold: true, horizontal: "center", numFmt: numFmt("0") });
  put(totalRow, "residual", { formula: sumOf("residual"), result: scored("residual") }, { ...BORDER, bold: true, horizontal: "center", numFmt: numFmt("0") });

  // the scales and the level thresholds, in words
  let next = Math.max(axisI + 2, totalRow + 1);
  const words = (axis: "likelihood" | "impact") => m[axis].map((x, v) => `${digits(v + 1)} ${x.th}`).join(" · ");
  const lines = words("likelihood") === words("impact")
    ? [`สเกลโอกาสและผลกระทบ: ${words("likelihood")}`]
    : [`โอกาส: ${words("likelihood")}`, `ผลกระทบ: ${words("impact")}`];
  const bands = m.levels.map((lv) => {
    const band = m.bands?.find((x) => x.level === lv.key);
    return band ? `${lv.name.th} ${digits(band.from)}–${digits(band.to)}` : undefined;
  });
  if (bands.every((x) => x !== undefined)) lines.push(`ระดับความเสี่ยงตามคะแนน (โอกาส × ผลกระทบ): ${bands.join(" · ")}`);
  else lines.push("ระดับความเสี่ยงตามตารางระดับความเสี่ยง (เมทริกซ์ความเสี่ยง) ขององค์กร");
  const unscored = model.risks.length - scored("inherent");
  if (unscored > 0) lines.push(`ความเสี่ยงที่ยังให้คะแนนโอกาสหรือผลกระทบไม่ครบ ${digits(unscored)} รายการ ไม่ได้นับในแผนภูมิ`);
  for (const text of lines) {
    b.area(next, 2, next, 1 + UNITS, text, { fontSize: 14 });
    b.height(next, rowHeightPt(1, 14));
    next++;
  }
  const mapLast = next - 1;
  // the maps' rows without a height of their own get the line's now, so that the first page is counted as printed
  b.defaultHeights(line);
  // a gap, then the table with its header (repeated on every page the table runs over)
  b.height(mapLast + 1, 12);
  const H1 = mapLast + 2;
  const H2 = H1 + 1;
  b.cell(H1, "no", "ลำดับที่", HEADER, 2);
  // broken where a reader breaks it (LibreOffice's bold Thai broke it as "ขั้นตอนการดำเนิน|งาน")
  b.cell(H1, "process", "ขั้นตอนการ\nดำเนินงาน", HEADER, 2);
  b.cell(H1, "issue", "ประเด็นความเสี่ยงการทุจริต", HEADER, 2);
  b.area(H1, COL.level[0], H1, COL.score[1], "ความเสี่ยงก่อนควบคุม", HEADER);
  b.area(H1, COL.residualLevel[0], H1, COL.residualScore[1], "ความเสี่ยงหลังควบคุม", HEADER);
  b.cell(H1, "controls", "มาตรการควบคุมความเสี่ยงการทุจริต", HEADER, 2);
  // "คะแนน" in 12 pt: the score columns are one grid unit wide, where the 16-pt word broke as "คะแน|น"
  for (const [col, text] of [["level", "ระดับ"], ["score", "คะแนน"], ["residualLevel", "ระดับ"], ["residualScore", "คะแนน"]] as const) {
    b.cell(H2, col, text, col === "score" || col === "residualScore" ? { ...HEADER, fontSize: 12 } : HEADER);
  }
  b.height(H1, rowHeightPt(linesFor("ความเสี่ยงหลังควบคุม", widthOf("residualLevel") + widthOf("residualScore"), size), size));
  b.height(H2, line);
  const headerHeight = b.heightOf(H1) + b.heightOf(H2);
  const breaks: number[] = [];
  // the banner (printed on drafts), the title, the maps and the gap above the table, all on the first page
  let used = 0;
  for (let r = draft ? 1 : 2; r < H1; r++) used += b.heightOf(r);
  used += headerHeight;
  /** Rows below the title and header on the current page: a page never ends with a header alone. */
  let onPage = 0;
  const newPage = (row: number) => {
    breaks.push(row);
    used = headerHeight;
    onPage = 0;
  };
  /** Rows that should stay on one page: a new page when they do not fit, split between rows only when taller than a page. */
  const keepTogether = (first: number, heights: readonly number[]) => {
    const total = heights.reduce((x, h) => x + h, 0);
    // the table's first rows not fitting below the maps: the table starts the next page, header and all (the
    // header was left alone at the foot of the maps' page)
    if (first === H2 + 1 && breaks.length === 0) {
      const lead = used + total <= capacity || headerHeight + total > capacity ? (heights[0] ?? 0) : total;
      if (used + lead > capacity) newPage(H1);
    }
    if (used + total > capacity && onPage > 0 && headerHeight + total <= capacity) newPage(first);
    if (used + total <= capacity) {
      used += total;
      onPage += heights.length;
      return;
    }
    heights.forEach((h, i) => {
      if (used + h > capacity && onPage > 0) newPage(first + i);
      used += h;
      onPage++;
    });
  };

  // the table: one row per issue, a process's rows grouped (and kept on one page)
  const groups = riskGroups(model);
  let row = H2 + 1;
  const levelCells: string[] = [];
  for (const g of groups) {
    const first = row;
    const k = g.risks.length;
    const heights: number[] = [];
    g.risks.forEach((a, i) => {
      const r = first + i;
      const at = a.risk.at?.row;
      const issue = `${digits(i + 1)}.\u00a0${normalizeSpace(a.risk.event) || "-"}`;
      b.cell(r, "issue", issue, BODY);
      levelCells.push(b.cell(r, "level", live(f.ref(at, "level"), a.inherent?.level.name.th ?? ""), { ...BODY, horizontal: "center", bold: true }));
      b.cell(r, "score", live(f.ref(at, "score"), a.inherent?.score ?? ""), { ...BODY, horizontal: "center", numFmt: SCORE_FMT });
      levelCells.push(b.cell(r, "residualLevel", live(f.ref(at, "residualLevel"), a.residual?.level.name.th ?? ""), { ...BODY, horizontal: "center", bold: true }));
      b.cell(r, "residualScore", live(f.ref(at, "residualScore"), a.residual?.score ?? ""), { ...BODY, horizontal: "center", numFmt: SCORE_FMT });
      heights.push(rowHeightPt(linesFor(issue, widthOf("issue"), size), size));
    });
    const controls = g.controls.length === 0 ? "-" : g.controls.map((c, i) => `${digits(i + 1)}.\u00a0${c}`).join("\n");
    // merged cells are not fitted by spreadsheets: make the group tall enough for the tallest of them
    const need = Math.max(
      rowHeightPt(linesFor(g.process, widthOf("process"), size), size),
      rowHeightPt(linesFor(controls, widthOf("controls"), size), size),
    );
    const have = heights.reduce((x, y) => x + y, 0);
    const extra = need > have ? Math.ceil((need - have) / k) : 0;
    const final = heights.map((h) => Math.min(409, h + extra));
    final.forEach((h, i) => b.height(first + i, h));
    const before = breaks.length;
    keepTogether(first, final);
    // a process taller than a page is cut between its issues: its merged cells are cut there too, so that none
    // prints over the repeated header (issue 13); the continuation says so
    const cuts = breaks.slice(before).filter((r) => r > first && r < first + k);
    const runs = [first, ...cuts].map((top, i, all) => [top, (all[i + 1] ?? first + k) - 1] as const);
    runs.forEach(([top, bottom], i) => {
      const more = i === 0 ? "" : " (ต่อ)";
      b.cell(top, "no", i === 0 ? g.no : null, { ...BODY, horizontal: "center", numFmt: numFmt("0") }, bottom - top + 1);
      b.cell(top, "process", (g.process || "-") + more, BODY, bottom - top + 1);
      b.cell(top, "controls", i === 0 ? controls : "(ต่อ)", BODY, bottom - top + 1);
    });
    row += k;
  }
  if (groups.length === 0) {
    b.area(row, 1, row, 1 + UNITS, "ยังไม่มีความเสี่ยงในทะเบียนความเสี่ยง", { ...BODY, horizontal: "center", italic: true });
    b.height(row, line);
    keepTogether(row, [line]);
    row++;
  }
  // the pages the table runs over (a break at its header only moves it below the maps' page)
  const tablePages = breaks.filter((r) => r > H1).length + 1;
  for (const lv of m.levels) {
    for (const range of levelCells) b.fills.push({ range, formula: `${range.split(":")[0]}="${lv.name.th.replace(/"/g, '""')}"`, fill: levelFill(lv) });
  }

  const last = row - 1;
  b.defaultHeights(line);

  return {
    name: RISK_REPORT_SHEET,
    visibility: "visible",
    rows: b.rows,
    columns: columnWidths.map((width) => ({ width })),
    formattedRows: 0,
    freeze: { rows: 0, columns: 0 },
    rowStyles: [],
    validations: [],
    cellFormats: [],
    font: REPORT_FONT,
    merges: b.merges,
    areaStyles: b.styles,
    rowHeights: b.heights,
    conditionalFills: b.fills,
    print: {
      orientation: "landscape", paper: "A4", fitToWidth: true,
      // the table's header on every page it runs over (when it runs over more than one)
      ...(tablePages > 1 ? { printTitleRows: `${H1}:${H2}` } : {}),
      printArea: rangeAddress(draft ? 1 : 2, 1, last, 1 + UNITS), footer: draft ? DRAFT_FOOTER : FOOTER,
      ...(breaks.length > 0 ? { pageBreaks: breaks } : {}),
    },
    tabColor: "FF7030A0",
  };
}

function levelAt(m: RiskMatrix, l: number, i: number): RiskLevel | undefined {
  const key = m.cells[l - 1]?.[i - 1];
  return m.levels.find((lv) => lv.key === key);
}
