/**
 * The task pane's import of a Word document or of PDF-copied text: the .docx reader (jszip + saxes) is
 * loaded only when such a file is picked, so the Excel task pane's first load does not carry it.
 */
import { importPlanDocument, importPlanText, type ImportResult, NoPlanTableError } from "../app/import";

export async function readPlanDocument(name: string, bytes: Uint8Array): Promise<ImportResult> {
  if (/\.docx$/i.test(name)) {
    const { readDocxPlan } = await import(/* webpackChunkName: "docx" */ "../hosts/docx/docx-file");
    const doc = await readDocxPlan(bytes);
    if (!doc) throw new NoPlanTableError();
    return importPlanDocument(doc);
  }
  return importPlanText(new TextDecoder("utf-8").decode(bytes), name);
}
