/** One file's checks, as plain data that can cross a worker-thread boundary. */
import { validateWorkbook } from "../../app/validate";
import type { Finding, Severity } from "../../domain/findings";
import { XlsxWorkbook, WorkbookOpenError } from "../../hosts/xlsx/xlsx-workbook";
import { readBytes } from "../io";

export interface FileResult {
  readonly file: string;
  readonly findings?: readonly Finding[];
  readonly counts?: Readonly<Record<Severity, number>>;
  /** Why the file could not be read at all. */
  readonly unreadable?: string;
}

export async function validateFile(file: string): Promise<FileResult> {
  try {
    const v = await validateWorkbook(await XlsxWorkbook.open(readBytes(file)));
    return { file, findings: v.findings, counts: v.counts };
  } catch (e) {
    if (e instanceof WorkbookOpenError) return { file, unreadable: e.message };
    throw e;
  }
}
