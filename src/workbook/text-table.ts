/**
 * A plan table as text: what copying a table out of a PDF viewer gives (one line a row, each cell
 * flattened onto one line, tabs between the columns), saved as .txt or .tsv. Pure: text in, one sheet
 * out, named after the file; empty lines are kept as empty rows so that row numbers are line numbers.
 */
import type { CellValue, WorkbookGrids } from "./grid";

export function textToGrids(text: string, name: string): WorkbookGrids {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  while (lines.length > 0 && (lines[lines.length - 1] as string).trim() === "") lines.pop();
  const rows: CellValue[][] = lines.map((line) => line.split("\t").map((c) => (c.trim() === "" ? null : c.trim())));
  const sheet = name.replace(/^.*[\\/]/, "").replace(/\.[^.]+$/, "").slice(0, 31) || "text";
  return { sheets: [{ name: sheet, visibility: "visible", rows, merges: [] }], names: [] };
}
