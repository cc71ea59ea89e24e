/**
 * A Word document's body (word/document.xml) as paragraphs and tables, and its plan table(s) as a grid
 * for the legacy importer. The XML is read by saxes (a conforming, maintained streaming XML parser —
 * the one exceljs itself uses), never by regular expressions. Pure: XML text in.
 *
 * What Word does to a printed table and how it is undone:
 * - a table that continues over pages is one w:tbl (rows may repeat the header: w:tblHeader) or several
 *   w:tbl, one a page, each with the header repeated: the tables after the first plan table with the
 *   same number of grid columns are its continuation, appended row by row (the importer re-reads
 *   repeated header rows);
 * - merged มิติ/ภารกิจ cells are w:vMerge (restart, then continue): the continuing cells are empty and
 *   the merge is recorded as a range, as a sheet's merged cells are;
 * - a cell spanning columns (w:gridSpan) occupies its grid columns, merged;
 * - several paragraphs in a cell are lines of the cell's text; w:br is a line break; w:tab a space.
 */
import { SaxesParser } from "saxes";
import { address } from "./a1";
import type { CellValue, WorkbookGrids } from "./grid";

export interface DocxCell {
  readonly text: string;
  readonly gridSpan: number;
  readonly vMerge: "restart" | "continue" | undefined;
}

export interface DocxRow {
  readonly cells: readonly DocxCell[];
}

export type DocxBlock =
  | { readonly kind: "paragraph"; readonly text: string }
  | { readonly kind: "table"; readonly rows: readonly DocxRow[] };

/** The body's paragraphs and top-level tables in document order (a table nested in a cell is the cell's text). */
export function parseDocumentXml(xml: string): DocxBlock[] {
  const parser = new SaxesParser({ xmlns: false });
  const blocks: DocxBlock[] = [];
  let tableDepth = 0;
  let rows: { cells: DocxCell[] }[] = [];
  let cell: { lines: string[]; gridSpan: number; vMerge: DocxCell["vMerge"] } | undefined;
  let para: string | undefined;
  let inText = false;
  parser.on("opentag", (tag) => {
    const name = tag.name;
    const val = typeof tag.attributes["w:val"] === "string" ? (tag.attributes["w:val"] as string) : undefined;
    switch (name) {
      case "w:tbl":
        tableDepth++;
        if (tableDepth === 1) rows = [];
        break;
      case "w:tr":
        if (tableDepth === 1) rows.push({ cells: [] });
        break;
      case "w:tc":
        if (tableDepth === 1) cell = { lines: [], gridSpan: 1, vMerge: undefined };
        break;
      case "w:gridSpan":
        if (tableDepth === 1 && cell) cell.gridSpan = Math.max(1, Number(val ?? 1) || 1);
        break;
      case "w:vMerge":
        // <w:vMerge/> without a value continues the merge above
        if (tableDepth === 1 && cell) cell.vMerge = val === "restart" ? "restart" : "continue";
        break;
      case "w:p":
        para = "";
        break;
      case "w:t":
        inText = true;
        break;
      case "w:tab":
        if (para !== undefined) para += cell ? " " : "\t";
        break;
      case "w:br":
      case "w:cr":
        if (para !== undefined) para += "\n";
        break;
    }
  });
  parser.on("text", (text) => {
    if (inText && para !== undefined) para += text;
  });
  parser.on("closetag", (tag) => {
    switch (tag.name) {
      case "w:t":
        inText = false;
        break;
      case "w:p":
        if (para === undefined) break;
        if (cell) cell.lines.push(para);
        else if (tableDepth === 0) blocks.push({ kind: "paragraph", text: para });
        para = undefined;
        break;
      case "w:tc":
        if (tableDepth === 1 && cell) {
          rows[rows.length - 1]?.cells.push({ text: cell.lines.map((l) => l.trim()).filter((l) => l !== "").join("\n"), gridSpan: cell.gridSpan, vMerge: cell.vMerge });
          cell = undefined;
        }
        break;
      case "w:tbl":
        if (tableDepth === 1) blocks.push({ kind: "table", rows });
        tableDepth--;
        break;
    }
  });
  parser.write(xml).close();
  return blocks;
}

/** A table laid on a grid: each cell at its grid column, spans and vertical merges as merged ranges. */
function tableGrid(rows: readonly DocxRow[], firstRow: number): { rows: CellValue[][]; merges: string[] } {
  const placed = rows.map((row) => {
    let col = 0;
    return row.cells.map((c) => {
      const at = { col, c };
      col += c.gridSpan;
      return at;
    });
  });
  const out = placed.map((cells) => {
    const width = cells.reduce((s, { c }) => s + c.gridSpan, 0);
    const line: CellValue[] = Array.from({ length: width }, () => null);
    for (const { col, c } of cells) if (c.vMerge !== "continue" && c.text !== "") line[col] = c.text;
    return line;
  });
  const merges: string[] = [];
  placed.forEach((cells, r) => {
    for (const { col, c } of cells) {
      if (c.vMerge === "continue") continue;
      let end = r;
      if (c.vMerge === "restart") {
        while (end + 1 < placed.length && (placed[end + 1] ?? []).some((p) => p.col === col && p.c.vMerge === "continue")) end++;
      }
      if (end > r || c.gridSpan > 1) merges.push(`${address(firstRow + r + 1, col + 1)}:${address(firstRow + end + 1, col + c.gridSpan)}`);
    }
  });
  return { rows: out, merges };
}

const columns = (t: readonly DocxRow[]) => Math.max(0, ...t.map((r) => r.cells.reduce((s, c) => s + c.gridSpan, 0)));

/** A plan table's header: the dimension word and the item column's title in one row. */
const isPlanHeader = (row: DocxRow) => {
  const texts = row.cells.map((c) => c.text.replace(/\s+/g, ""));
  return texts.some((t) => /มิติ|มติ|มิตี/.test(t) && !/ภารกิจ/.test(t)) && texts.some((t) => /โครงการ/.test(t) && (/กิจกรรม|มาตรการ/.test(t)));
};

export interface DocxPlan {
  /** The plan table(s) as one sheet; row N is the N-th row of the table(s), in document order. */
  readonly grids: WorkbookGrids;
  /** How many Word tables made the sheet (a table continued on later pages as tables of its own). */
  readonly tables: number;
  /** The paragraphs outside the plan tables, numbered from 1 in document order. */
  readonly paragraphs: readonly { readonly no: number; readonly text: string }[];
  /** The paragraphs above the plan table that hold its title (organization, period). */
  readonly titleText: string;
}

export const DOCX_SHEET = "ตารางแผน (Word)";

/** The plan table(s) of a document, undefined when it has none. */
export function docxPlan(blocks: readonly DocxBlock[]): DocxPlan | undefined {
  const first = blocks.findIndex((b) => b.kind === "table" && b.rows.some(isPlanHeader));
  if (first < 0) return undefined;
  const head = blocks[first] as Extract<DocxBlock, { kind: "table" }>;
  const width = columns(head.rows);
  const tables: Extract<DocxBlock, { kind: "table" }>[] = [head];
  for (const b of blocks.slice(first + 1)) {
    if (b.kind !== "table") continue;
    // a continuation: the same columns, or a repeat of the plan header
    if (columns(b.rows) === width || b.rows.some(isPlanHeader)) tables.push(b);
  }
  const rows: CellValue[][] = [];
  const merges: string[] = [];
  for (const t of tables) {
    const g = tableGrid(t.rows, rows.length);
    rows.push(...g.rows);
    merges.push(...g.merges);
  }
  const paragraphs: { no: number; text: string }[] = [];
  let no = 0;
  for (const b of blocks) {
    if (b.kind !== "paragraph") continue;
    no++;
    if (b.text.trim() !== "") paragraphs.push({ no, text: b.text.trim() });
  }
  const before = blocks.slice(0, first).filter((b): b is Extract<DocxBlock, { kind: "paragraph" }> => b.kind === "paragraph" && b.text.trim() !== "");
  return {
    grids: { sheets: [{ name: DOCX_SHEET, visibility: "visible", rows, merges }], names: [] },
    tables: tables.length,
    paragraphs,
    titleText: before.slice(-6).map((b) => b.text.trim()).join(" "),
  };
}
