/**
 * A copy of a workbook that prints only some of its sheets (issue 13: printing or exporting the report
 * workbook printed the 38 pages of input sheets first, so its footers counted "หน้า ๑๑๖ จาก ๑๕๕"). Edited
 * in the package's XML, not through exceljs: a round trip through exceljs drops the print areas and manual
 * page breaks the report sheets rely on. Every other sheet is hidden and loses its print names (LibreOffice
 * prints a hidden sheet that has a print area); the first printed sheet is the active one.
 *
 * With `takeFooters`, the printed sheets' footers are taken off the copy and returned: Excel's footer codes
 * (&P, &N) have no numeral option, so a PDF that must number its pages in Thai digits stamps them itself
 * (cli/pdf-footer.ts) rather than print LibreOffice's Arabic ones.
 */
import JSZip from "jszip";

const ENTITIES: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const unescape = (s: string) => s.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ENTITIES[e] as string);

export interface PrintCopy {
  readonly xlsx: Uint8Array;
  /** The distinct footers (Excel's codes, e.g. "&Cหน้า &P จาก &N") taken off the printed sheets; empty unless asked. */
  readonly footers: readonly string[];
}

async function text(zip: JSZip, path: string): Promise<string> {
  const file = zip.file(path);
  if (!file) throw new Error(`the workbook has no ${path} / แฟ้มไม่มี ${path}`);
  return file.async("string");
}

/** The package path of each sheet's XML, by the sheet's relationship id (xl/_rels/workbook.xml.rels). */
async function sheetPaths(zip: JSZip): Promise<ReadonlyMap<string, string>> {
  const rels = await text(zip, "xl/_rels/workbook.xml.rels");
  const paths = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]*)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]*)"/.exec(m[0])?.[1];
    if (id === undefined || target === undefined) continue;
    paths.set(id, target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  }
  return paths;
}

export async function withOnlySheetsPrinted(xlsx: Uint8Array, sheets: readonly string[], options: { readonly takeFooters?: boolean } = {}): Promise<PrintCopy> {
  const zip = await JSZip.loadAsync(xlsx);
  const path = "xl/workbook.xml";
  let workbook = await text(zip, path);
  const wanted = new Set(sheets);
  const printed: number[] = [];
  const printedIds: string[] = [];
  let index = 0;
  workbook = workbook.replace(/<sheet\b[^>]*?\/>/g, (tag) => {
    const mine = wanted.has(unescape(/\bname="([^"]*)"/.exec(tag)?.[1] ?? ""));
    if (mine) {
      printed.push(index);
      const id = /\br:id="([^"]*)"/.exec(tag)?.[1];
      if (id !== undefined) printedIds.push(id);
    }
    index++;
    const bare = tag.replace(/\sstate="[^"]*"/, "");
    return mine ? bare : bare.replace(/\/>$/, ' state="hidden"/>');
  });
  if (printed.length === 0) throw new Error(`none of the sheets ${sheets.join(", ")} is in the workbook / ไม่พบแผ่นงานที่จะพิมพ์`);
  const keep = new Set(printed);
  workbook = workbook.replace(/<definedName\b[^>]*\bname="_xlnm\.[^"]*"[^>]*\blocalSheetId="(\d+)"[^>]*>.*?<\/definedName>/gs, (tag, id: string) => (keep.has(Number(id)) ? tag : ""));
  const first = printed[0] as number;
  workbook = workbook.replace(/<bookViews>.*?<\/bookViews>/s, "").replace(/<sheets>/, `<bookViews><workbookView activeTab="${first}" firstSheet="${first}"/></bookViews><sheets>`);
  zip.file(path, workbook);
  const footers = new Set<string>();
  if (options.takeFooters) {
    const paths = await sheetPaths(zip);
    for (const id of printedIds) {
      const sheetPath = paths.get(id);
      if (sheetPath === undefined) continue;
      const xml = await text(zip, sheetPath);
      const taken = xml.replace(/<(oddFooter|evenFooter|firstFooter)>(.*?)<\/\1>/gs, (_, kind: string, footer: string) => {
        if (kind === "oddFooter") footers.add(unescape(footer));
        return "";
      });
      zip.file(sheetPath, taken);
    }
  }
  return { xlsx: await zip.generateAsync({ type: "uint8array" }), footers: [...footers] };
}
