/**
 * A SheetSpec as a list of steps for Excel, each with the bytes its actions put in a request, so that the
 * writer can pack them into syncs under the payload budget. Formatting goes by blocks (workbook/blocks.ts):
 * one set of property writes per rectangle, or per group of rectangles where ExcelApi 1.9's RangeAreas is
 * there; values and number formats as 2-D arrays cut into row bands that fit the budget.
 */
import { toExcelSerial } from "../../domain/calendar";
import { type Area, columnLetter, parseArea, rangeAddress } from "../../workbook/a1";
import { type BlockStyle, formatBlocks, heightRuns, mergeBlocks, styleBlocks } from "../../workbook/blocks";
import { type CellInput, isFormula, type SheetSpec, type SheetVisibility } from "../../workbook/grid";
import type { RequirementCheck, XBorderIndex, XRangeFormat, XVisibility, XWorksheet } from "./excel-subset";
import { ACTION_BYTES, jsonBytes, PAYLOAD_BUDGET_BYTES } from "./payload";

export interface Step {
  /** Bytes of the request this step adds (its actions and their arguments). */
  readonly bytes: number;
  /** Actions counted in `bytes` (for the bench and the tests' bounds). */
  readonly actions: number;
  readonly run: (ws: XWorksheet) => void;
}

export const VISIBILITY_OUT: Readonly<Record<SheetVisibility, XVisibility>> = { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" };

/** Excel's column width unit is points; specs give characters of the default font. */
const POINTS_PER_CHAR = 5.6;

/**
 * A RangeAreas address longer than this is split: Microsoft does not document a limit for getRanges, and
 * Excel's own multi-area references stop at 255 characters (VBA's Range("…")), so we stay under that.
 */
export const MAX_AREAS_ADDRESS = 255;

/** A band of rows of a 2-D array may use this share of the budget (the rest is for the batch it joins). */
const BAND_BUDGET = PAYLOAD_BUDGET_BYTES / 4;

const H_ALIGN = { left: "Left", center: "Center", right: "Right" } as const;
const V_ALIGN = { top: "Top", middle: "Center" } as const;

function step(actions: number, argBytes: number, run: (ws: XWorksheet) => void): Step {
  return { bytes: actions * ACTION_BYTES + argBytes, actions, run };
}

export function sheetSteps(spec: SheetSpec, supports: RequirementCheck): Step[] {
  const steps: Step[] = [];
  const width = Math.max(spec.columns.length, ...spec.rows.map((r) => r.length));
  spec.columns.forEach((c, i) => {
    const letter = columnLetter(i + 1);
    steps.push(step(c.wrap ? 4 : 3, 16, (ws) => {
      const col = ws.getRange(`${letter}:${letter}`);
      col.format.columnWidth = c.width * POINTS_PER_CHAR;
      col.format.verticalAlignment = "Top";
      if (c.wrap) col.format.wrapText = true;
    }));
  });
  // number formats before the values, so that text-formatted cells keep "1.10" or "009900" as text
  for (const block of formatBlocks(spec)) {
    for (const area of block.areas) steps.push(...arraySteps(area, () => block.numFmt, (r, a) => { r.numberFormat = a; }));
  }
  if (spec.rows.length > 0 && width > 0) {
    const all: Area = { top: 1, left: 1, bottom: spec.rows.length, right: width };
    steps.push(...arraySteps(all, (row, col) => toFormulaCell(spec.rows[row - 1]?.[col - 1] ?? null), (r, a) => { r.formulas = a; }));
  }
  for (const m of mergeBlocks(spec)) {
    const address = rangeAddress(m.area.top, m.area.left, m.area.bottom, m.area.right);
    steps.push(step(2, address.length, (ws) => ws.getRange(address).merge(m.across)));
  }
  if (spec.font) {
    const font = spec.font;
    steps.push(step(3, jsonBytes(font.name), (ws) => {
      const all = ws.getRange().format.font;
      all.name = font.name;
      all.size = font.size;
    }));
  }
  steps.push(...styleSteps(spec, supports));
  for (const run of heightRuns(spec)) {
    const rows = `${run.from}:${run.to}`;
    steps.push(step(2, rows.length, (ws) => { ws.getRange(rows).format.rowHeight = run.height; }));
  }
  // page layout is ExcelApi 1.9; without it the sheet is right on screen and prints with Excel's defaults
  const print = spec.print;
  if (print && supports("1.9")) {
    steps.push(step(6, 64 + (print.footer?.length ?? 0), (ws) => {
      const layout = ws.pageLayout;
      layout.orientation = print.orientation === "landscape" ? "Landscape" : "Portrait";
      layout.paperSize = "A4";
      layout.zoom = { horizontalFitToPages: 1 };
      if (print.printTitleRows) layout.setPrintTitleRows(absoluteRows(print.printTitleRows));
      if (print.printArea) layout.setPrintArea(print.printArea);
      if (print.footer) layout.headersFooters.defaultForAllPages.centerFooter = print.footer;
    }));
    for (const r of print.pageBreaks ?? []) steps.push(step(1, 12, (ws) => { ws.horizontalPageBreaks.add(`A${r}`); }));
  }
  if (supports("1.6")) {
    for (const cf of spec.conditionalFills ?? []) {
      steps.push(step(5, jsonBytes(cf.formula) + cf.range.length + 20, (ws) => {
        const made = ws.getRange(cf.range).conditionalFormats.add("Custom");
        made.custom.rule.formula = `=${cf.formula}`;
        made.custom.format.fill.color = `#${cf.fill.slice(2)}`;
        if (cf.fontColor) made.custom.format.font.color = `#${cf.fontColor.slice(2)}`;
      }));
    }
  }
  if (supports("1.8")) {
    for (const v of spec.validations) {
      if (!parseArea(v.range)) continue;
      steps.push(step(4, 200 + v.range.length + v.listName.length, (ws) => {
        const dv = ws.getRange(v.range).dataValidation;
        dv.rule = { list: { inCellDropDown: true, source: `=${v.listName}` } };
        dv.errorAlert = { showAlert: true, style: "Warning", title: "ค่าไม่อยู่ในรายการ / Not in the list", message: "กรุณาเลือกจากรายการ — Please pick a value from the list" };
      }));
    }
  }
  const freeze = spec.freeze;
  if (freeze.rows > 0 || freeze.columns > 0) {
    steps.push(step(2, 16, (ws) => {
      if (freeze.rows > 0 && freeze.columns === 0) ws.freezePanes.freezeRows(freeze.rows);
      else ws.freezePanes.freezeAt(rangeAddress(1, 1, Math.max(1, freeze.rows), Math.max(1, freeze.columns)));
    }));
  }
  const tab = spec.tabColor;
  if (tab) steps.push(step(1, 10, (ws) => { ws.tabColor = `#${tab.slice(2)}`; }));
  return steps;
}

/** A 2-D array written over `area` in bands of rows, each band small enough to share a request. */
export function arraySteps(area: Area, cell: (row: number, col: number) => unknown, assign: (range: ReturnType<XWorksheet["getRange"]>, rows: unknown[][]) => void): Step[] {
  const steps: Step[] = [];
  let band: unknown[][] = [];
  let bandTop = area.top;
  let bytes = 0;
  const flush = (lastRow: number) => {
    if (band.length === 0) return;
    const rows = band;
    const address = rangeAddress(bandTop, area.left, lastRow, area.right);
    steps.push(step(2, bytes + address.length, (ws) => assign(ws.getRange(address), rows)));
    band = [];
    bytes = 0;
  };
  for (let r = area.top; r <= area.bottom; r++) {
    const row: unknown[] = [];
    for (let c = area.left; c <= area.right; c++) row.push(cell(r, c));
    const rowBytes = jsonBytes(row) + 1;
    if (band.length > 0 && bytes + rowBytes > BAND_BUDGET) {
      flush(r - 1);
      bandTop = r;
    }
    band.push(row);
    bytes += rowBytes;
  }
  flush(area.bottom);
  return steps;
}

/** Row and area styles by blocks: with ExcelApi 1.9, one property write per style for up to ~20 rectangles at once. */
function styleSteps(spec: SheetSpec, supports: RequirementCheck): Step[] {
  const steps: Step[] = [];
  const groups = supports("1.9");
  for (const block of styleBlocks(spec)) {
    // inside lines exist only where an area has more than one row or column: group areas by that shape
    const byShape = new Map<string, Area[]>();
    for (const a of block.areas) {
      const shape = `${a.bottom > a.top ? "H" : ""}${a.right > a.left ? "V" : ""}`;
      byShape.set(shape, [...(byShape.get(shape) ?? []), a]);
    }
    for (const [shape, areas] of byShape) {
      const props = stylePropertyCount(block.style, shape);
      const args = jsonBytes(block.style);
      if (!groups) {
        for (const a of areas) {
          const address = rangeAddress(a.top, a.left, a.bottom, a.right);
          steps.push(step(1 + props, args + address.length, (ws) => applyStyle(ws.getRange(address).format, block.style, shape)));
        }
        continue;
      }
      for (const address of joinedAddresses(areas)) {
        steps.push(step(1 + props, args + address.length, (ws) => applyStyle(ws.getRanges(address).format, block.style, shape)));
      }
    }
  }
  return steps;
}

/** Areas as comma-joined addresses, each at most MAX_AREAS_ADDRESS characters. */
export function joinedAddresses(areas: readonly Area[]): string[] {
  const out: string[] = [];
  let current = "";
  for (const a of areas) {
    const one = a.top === a.bottom && a.left === a.right ? `${columnLetter(a.left)}${a.top}` : rangeAddress(a.top, a.left, a.bottom, a.right);
    if (current && current.length + 1 + one.length > MAX_AREAS_ADDRESS) {
      out.push(current);
      current = "";
    }
    current = current ? `${current},${one}` : one;
  }
  if (current) out.push(current);
  return out;
}

const EDGES: readonly XBorderIndex[] = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"];

function edgesOf(shape: string): XBorderIndex[] {
  return [...EDGES, ...(shape.includes("H") ? (["InsideHorizontal"] as const) : []), ...(shape.includes("V") ? (["InsideVertical"] as const) : [])];
}

function stylePropertyCount(style: BlockStyle, shape: string): number {
  let n = 0;
  for (const k of ["fontName", "fontSize", "bold", "italic", "fontColor", "fill", "wrap", "horizontal", "vertical"] as const) if (style[k] !== undefined) n++;
  if (style.border === "thin") n += edgesOf(shape).length * 4; // getItem and three properties per edge
  return n;
}

function applyStyle(f: XRangeFormat, style: BlockStyle, shape: string): void {
  if (style.fontName) f.font.name = style.fontName;
  if (style.fontSize) f.font.size = style.fontSize;
  if (style.bold !== undefined) f.font.bold = style.bold;
  if (style.italic !== undefined) f.font.italic = style.italic;
  if (style.fontColor) f.font.color = `#${style.fontColor.slice(2)}`;
  if (style.fill) f.fill.color = `#${style.fill.slice(2)}`;
  if (style.wrap) f.wrapText = true;
  if (style.horizontal) f.horizontalAlignment = H_ALIGN[style.horizontal];
  if (style.vertical) f.verticalAlignment = V_ALIGN[style.vertical];
  if (style.border === "thin") {
    for (const edge of edgesOf(shape)) {
      const b = f.borders.getItem(edge);
      b.style = "Continuous";
      b.weight = "Thin";
      b.color = "#000000";
    }
  }
}

/** "1:3" → "$1:$3", as setPrintTitleRows takes it. */
function absoluteRows(rows: string): string {
  return rows.split(":").map((r) => `$${r.replace(/\$/g, "")}`).join(":");
}

/**
 * Values as Excel's `formulas` property takes them. Text that Excel would read as a formula or a
 * number sign (=, +, -, @) gets the apostrophe prefix, so it stays the text the user typed.
 */
export function toFormulaCell(v: CellInput): unknown {
  if (v === null) return "";
  if (isFormula(v)) return `=${v.formula}`;
  if (v instanceof Date) return toExcelSerial(v);
  if (typeof v === "string" && /^[=+\-@]/.test(v)) return `'${v}`;
  return v;
}
