/**
 * The report as a workbook of its own (issue 13, "only the document"): the report sheets and nothing else, so
 * that Excel's Print → "Print Entire Workbook" or File → Export prints the report — no input sheet first, the
 * footers' "หน้า N จาก M" counting report pages only. A formula that reads a sheet outside the report (the plan,
 * the monthly rows) keeps its computed result as a value; one that reads only report sheets (the contents'
 * links, a sheet's own totals) stays a formula.
 */
import { type CellInput, isFormula, type SheetSpec } from "../grid";
import { GENERATED_NOTE } from "./style";

/** The on-screen note (outside the print area) of a sheet in the report alone: there is no data sheet here to edit. */
export const REPORT_ONLY_NOTE = "รายงานที่สร้างโดย Sujarit — แก้ไขข้อมูลในแฟ้มแผน แล้วสร้างรายงานใหม่";

/** The sheets a formula names: 'ส่วนที่1 แผน'!A1 (quoted, '' for a quote) or Sheet1!A1. */
export function sheetsNamedIn(formula: string): string[] {
  const names: string[] = [];
  // strings in the formula ("…") are text, not references: skipped
  const re = /"(?:[^"]|"")*"|'((?:[^']|'')+)'!|([A-Za-z_\u0E00-\u0E7F][\w.\u0E00-\u0E7F]*)!/g;
  for (const m of formula.matchAll(re)) {
    if (m[1] !== undefined) names.push(m[1].replace(/''/g, "'"));
    else if (m[2] !== undefined) names.push(m[2]);
  }
  return names;
}

/** A report cell of the report-only workbook: a formula reading outside `kept` becomes its result. */
function standalone(cell: CellInput, kept: ReadonlySet<string>, where: () => string): CellInput {
  if (cell === GENERATED_NOTE) return REPORT_ONLY_NOTE;
  if (!isFormula(cell)) return cell;
  if (sheetsNamedIn(cell.formula).every((n) => kept.has(n))) return cell;
  if (cell.result === undefined) throw new Error(`${where()}: ${cell.formula} has no computed result to keep / สูตรไม่มีผลลัพธ์ที่คำนวณไว้`);
  return cell.result;
}

export function reportOnlySheets(sheets: readonly SheetSpec[]): SheetSpec[] {
  const shown = sheets.filter((s) => s.visibility === "visible");
  const kept = new Set(shown.map((s) => s.name));
  return shown.map((s) => ({
      ...s,
    rows: s.rows.map((row, r) => row.map((cell, c) => standalone(cell, kept, () => `${s.name}!R${r + 1}C${c + 1}`))),
  }));
}
