/**
 * Word documents for tests, written as Word writes them: paragraphs, tables with w:gridSpan and
 * w:vMerge, repeated header rows (w:tblHeader), several paragraphs in a cell, a table continued as a
 * second table after a page break.
 */
import JSZip from "jszip";
import type { CellValue } from "../../src/workbook/grid";

export interface WCell {
  readonly text: string;
  readonly span?: number;
  readonly vMerge?: "restart" | "continue";
}
export type WBlock = { readonly p: string } | { readonly rows: readonly (readonly WCell[])[]; readonly headerRows?: number };

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const para = (text: string) => `<w:p>${text.split("\n").map((l, i) => `${i > 0 ? "<w:r><w:br/></w:r>" : ""}<w:r><w:t xml:space="preserve">${esc(l)}</w:t></w:r>`).join("")}</w:p>`;

function cellXml(c: WCell): string {
  const pr = `${c.span && c.span > 1 ? `<w:gridSpan w:val="${c.span}"/>` : ""}${c.vMerge === "restart" ? '<w:vMerge w:val="restart"/>' : c.vMerge === "continue" ? "<w:vMerge/>" : ""}`;
  // each line of the cell a paragraph of its own, as typing Enter in a Word cell makes them
  return `<w:tc><w:tcPr><w:tcW w:w="1000" w:type="dxa"/>${pr}</w:tcPr>${(c.vMerge === "continue" ? [""] : c.text.split("\n")).map(para).join("")}</w:tc>`;
}

export async function docxBytes(blocks: readonly WBlock[]): Promise<Uint8Array> {
  const body = blocks.map((b) => ("p" in b ? para(b.p) : `<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/></w:tblPr>${b.rows.map((r, i) => `<w:tr>${i < (b.headerRows ?? 0) ? "<w:trPr><w:tblHeader/></w:trPr>" : ""}${r.map(cellXml).join("")}</w:tr>`).join("")}</w:tbl>`)).join("");
  const zip = new JSZip();
  zip.file("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>');
  zip.file("_rels/.rels", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>');
  zip.file("word/document.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}<w:sectPr/></w:body></w:document>`);
  return zip.generateAsync({ type: "uint8array" });
}

/**
 * A plan table's rows (title row first, then the header, the งบประมาณ row, the items, the total) as Word
 * tables: dimension and mission cells merged down (vMerge) while empty, the งบประมาณ (บาท) row one cell
 * over the year columns, and the table cut in two at `breakAt` (a page break, the header repeated).
 */
export function planDocBlocks(rows: readonly CellValue[][], opts: { foreword?: string; breakAt?: number }): WBlock[] {
  const [title, header, money, ...body] = rows as CellValue[][];
  const years = (header ?? []).filter((h) => /ปี/.test(String(h))).length;
  const text = (c: CellValue) => (c === null || c === undefined ? "" : String(c));
  const head: WCell[][] = [
    (header ?? []).map((h) => ({ text: text(h) })),
    [{ text: "" }, { text: "" }, { text: "" }, { text: text(money?.[3] ?? ""), span: years }, ...((header ?? []).length > 3 + years ? [{ text: "" }] : [])],
  ];
  const toCells = (part: readonly CellValue[][]) =>
    part.map((r, i) =>
      r.map((c, col): WCell => {
        if (col > 1 || /^รวม/.test(text(r[0] ?? null))) return { text: text(c) };
        // a merged มิติ/ภารกิจ cell: the first row starts the merge, the empty rows below continue it
        if (text(c) !== "") return { text: text(c), vMerge: "restart" };
        return i === 0 ? { text: "" } : { text: "", vMerge: "continue" };
      }),
    );
  const cut = opts.breakAt ?? body.length;
  const first = body.slice(0, cut);
  const second = body.slice(cut);
  // a continued table starts its merged cells again: Word repeats nothing but the header
  const restart = (rs: WCell[][]) => rs.map((r, i) => (i === 0 ? r.map((c) => (c.vMerge === "continue" ? { text: "" } : c)) : r));
  return [
    { p: text(title?.[0] ?? null) },
    ...(opts.foreword ? [{ p: opts.foreword }] : []),
    { p: "" },
    { rows: [...head, ...toCells(first)], headerRows: 2 },
    ...(second.length > 0 ? [{ p: "" }, { rows: [...head, ...restart(toCells(second))], headerRows: 2 }] : []),
    { p: "ผู้จัดทำแผน" },
  ];
}

/** A sheet's grid as one Word table: merged ranges become w:vMerge (down) and w:gridSpan (across). */
export function gridDocBlocks(rows: readonly (readonly CellValue[])[], merges: readonly string[], headerRow: number): WBlock[] {
  const width = Math.max(...rows.map((r) => r.length));
  const pos = (a1: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(a1) as RegExpExecArray;
    const col = [...(m[1] as string)].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    return { r: Number(m[2]) - 1, c: col };
  };
  const covered = new Map<string, { span: number; first: boolean } | "skip">();
  for (const m of merges) {
    const [a, b] = m.split(":").map(pos) as [{ r: number; c: number }, { r: number; c: number }];
    for (let r = a.r; r <= b.r; r++) {
      covered.set(`${r},${a.c}`, { span: b.c - a.c + 1, first: r === a.r });
      for (let c = a.c + 1; c <= b.c; c++) covered.set(`${r},${c}`, "skip");
    }
  }
  const text = (c: CellValue | undefined) => (c === null || c === undefined ? "" : typeof c === "object" ? "" : String(c));
  const table: WCell[][] = rows.map((row, r) => {
    const cells: WCell[] = [];
    for (let c = 0; c < width; c++) {
      const k = covered.get(`${r},${c}`);
      if (k === "skip") continue;
      if (k === undefined) cells.push({ text: text(row[c]) });
      else cells.push({ text: k.first ? text(row[c]) : "", span: k.span, ...(merges.some((m) => { const [a, b] = m.split(":").map(pos) as [{ r: number; c: number }, { r: number; c: number }]; return a.c === c && b.r > a.r && r >= a.r && r <= b.r; }) ? { vMerge: k.first ? ("restart" as const) : ("continue" as const) } : {}) });
    }
    return cells;
  });
  const title = table.slice(0, headerRow).map((r) => r.map((c) => c.text).join(" ").trim()).filter((t) => t !== "");
  return [...title.map((p) => ({ p })), { rows: table.slice(headerRow), headerRows: 1 }];
}
