/**
 * `sujarit report … --pdf report.pdf` (issue 13: reports are published on the organization's website): the
 * report sheets alone, in the printed order, rendered to one PDF by LibreOffice headless when `soffice` is
 * installed — with a throwaway profile, so that a running LibreOffice or a parallel run cannot interfere.
 * Without it, a sentence naming the package, and how to get the same PDF from Excel.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { withOnlySheetsPrinted } from "../hosts/xlsx/print-sheets";

export class PdfToolMissingError extends Error {
  constructor() {
    super(
      "ไม่พบโปรแกรม LibreOffice (soffice) จึงสร้าง PDF ไม่ได้ — ติดตั้งแพ็กเกจ libreoffice-calc (Debian/Ubuntu: sudo apt-get install libreoffice-calc) " +
        "หรือเปิดแฟ้มรายงานใน Excel แล้วเลือกแผ่นงานรายงาน แฟ้ม → ส่งออก → PDF / " +
        "LibreOffice (soffice) was not found, so no PDF was made — install the package libreoffice-calc (Debian/Ubuntu: sudo apt-get install libreoffice-calc), " +
        "or open the report in Excel, select the report sheets and use File → Export → PDF",
    );
    this.name = "PdfToolMissingError";
  }
}

/** The soffice on PATH, if any. */
export function findSoffice(path: string = process.env.PATH ?? ""): string | undefined {
  for (const dir of path.split(delimiter).filter(Boolean)) {
    const candidate = join(dir, "soffice");
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

/** `sheets` of the workbook `xlsx` (in the workbook's order) rendered to a PDF: its bytes. */
export async function renderSheetsToPdf(xlsx: Uint8Array, sheets: readonly string[]): Promise<Uint8Array> {
  const soffice = findSoffice();
  if (soffice === undefined) throw new PdfToolMissingError();
  const work = mkdtempSync(join(tmpdir(), "sujarit-pdf-"));
  try {
    const input = join(work, "report.xlsx");
    writeFileSync(input, await withOnlySheetsPrinted(xlsx, sheets));
    const profile = join(work, "profile");
    execFileSync(soffice, [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", "pdf", "--outdir", work, input], { stdio: "pipe", timeout: 300_000 });
    const pdf = join(work, "report.pdf");
    if (!existsSync(pdf)) throw new Error("LibreOffice did not write the PDF / LibreOffice ไม่ได้สร้างแฟ้ม PDF");
    return new Uint8Array(readFileSync(pdf));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
