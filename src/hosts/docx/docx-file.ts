/**
 * Opening a Word document (.docx): the zip is read by jszip (the zip library exceljs already ships, so
 * the browser bundle gains nothing), word/document.xml by saxes in workbook/docx-document.ts.
 * Chosen over mammoth (which turns the document into HTML, so the tables would need an HTML parser
 * on top, and whose output does not say which cells Word merged) and officeparser (plain text: the
 * table's cells are lost).
 */
import JSZip from "jszip";
import { docxPlan, type DocxPlan, parseDocumentXml } from "../../workbook/docx-document";

export class NotADocxError extends Error {
  constructor(detail: string) {
    super(`not a Word document (.docx): ${detail} / ไม่ใช่แฟ้ม Word (.docx)`);
    this.name = "NotADocxError";
  }
}

/** The plan table(s) of a .docx, undefined when the document has none. */
export async function readDocxPlan(bytes: Uint8Array | ArrayBuffer): Promise<DocxPlan | undefined> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (e) {
    throw new NotADocxError(e instanceof Error ? e.message : String(e));
  }
  const doc = zip.file("word/document.xml");
  if (!doc) throw new NotADocxError("no word/document.xml");
  const xml = await doc.async("string");
  try {
    return docxPlan(parseDocumentXml(xml));
  } catch (e) {
    throw new NotADocxError(e instanceof Error ? e.message : String(e));
  }
}
