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
import { REPORT_FONT_FAMILY } from "../app/report";
import { footerText, stampFooters, thaiFontFile } from "./pdf-footer";

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

/** How the PDF's pages are numbered: in Thai digits (stamped), or LibreOffice's own footer (Arabic digits). */
export type PageNumbers = "thai" | "arabic";

/**
 * `sheets` of the workbook `xlsx` (in the workbook's order) rendered to a PDF: its bytes, and how its pages are
 * numbered — in Thai digits when the sheets share one footer and a Thai font is installed (pdf-footer.ts),
 * else with LibreOffice's footer as Excel's codes print it.
 */
export async function renderSheetsToPdf(xlsx: Uint8Array, sheets: readonly string[]): Promise<{ readonly pdf: Uint8Array; readonly pageNumbers: PageNumbers }> {
  const soffice = findSoffice();
  if (soffice === undefined) throw new PdfToolMissingError();
  const work = mkdtempSync(join(tmpdir(), "sujarit-pdf-"));
  try {
    let copy = await withOnlySheetsPrinted(xlsx, sheets, { takeFooters: true });
    const footer = copy.footers.length === 1 ? (copy.footers[0] as string) : undefined;
    const sample = footer === undefined ? undefined : footerText(footer, 1234567890, 1234567890);
    const font = sample === undefined ? undefined : thaiFontFile(REPORT_FONT_FAMILY, sample);
    // no stamp possible: print the footers as they are rather than none
    if (footer === undefined || font === undefined) copy = await withOnlySheetsPrinted(xlsx, sheets);
    const input = join(work, "report.xlsx");
    writeFileSync(input, copy.xlsx);
    const profile = join(work, "profile");
    execFileSync(soffice, [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", "pdf", "--outdir", work, input], { stdio: "pipe", timeout: 300_000 });
    const pdf = join(work, "report.pdf");
    if (!existsSync(pdf)) throw new Error("LibreOffice did not write the PDF / LibreOffice ไม่ได้สร้างแฟ้ม PDF");
    const rendered = new Uint8Array(readFileSync(pdf));
    if (footer === undefined || font === undefined) return { pdf: rendered, pageNumbers: "arabic" };
    return { pdf: await stampFooters(rendered, footer, font), pageNumbers: "thai" };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
