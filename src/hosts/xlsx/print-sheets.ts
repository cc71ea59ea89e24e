/**
 * A copy of a workbook that prints only some of its sheets (issue 13: printing or exporting the report
 * workbook printed the 38 pages of input sheets first, so its footers counted "หน้า ๑๑๖ จาก ๑๕๕"). Edited
 * in the package's XML, not through exceljs: a round trip through exceljs drops the print areas and manual
 * page breaks the report sheets rely on. Every other sheet is hidden and loses its print names (LibreOffice
 * prints a hidden sheet that has a print area); the first printed sheet is the active one.
 */
import JSZip from "jszip";

const ENTITIES: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const unescape = (s: string) => s.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ENTITIES[e] as string);

export async function withOnlySheetsPrinted(xlsx: Uint8Array, sheets: readonly string[]): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(xlsx);
  const path = "xl/workbook.xml";
  const file = zip.file(path);
  if (!file) throw new Error("the workbook has no xl/workbook.xml / แฟ้มไม่มี xl/workbook.xml");
  let workbook = await file.async("string");
  const wanted = new Set(sheets);
  const printed: number[] = [];
  let index = 0;
  workbook = workbook.replace(/<sheet\b[^>]*?\/>/g, (tag) => {
    const mine = wanted.has(unescape(/\bname="([^"]*)"/.exec(tag)?.[1] ?? ""));
    if (mine) printed.push(index);
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
  return zip.generateAsync({ type: "uint8array" });
}
