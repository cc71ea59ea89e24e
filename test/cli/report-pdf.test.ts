/**
 * `sujarit report … --pdf` (issue 13): the report sheets alone rendered by LibreOffice — the PDF's pages are
 * the report's pages (no input sheet printed first, so "หน้า N จาก M" counts report pages), and without
 * soffice a sentence naming the package. CI installs LibreOffice (.ci/run): a missing soffice is a broken
 * machine, not a skip.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { findSoffice } from "../../src/cli/pdf";
import { run } from "../support/cli";

const root = join(__dirname, "..", "..");
const sample = join(root, "samples", "nasameng-2566-2570.xlsx");
const dir = mkdtempSync(join(tmpdir(), "sujarit-report-pdf-"));

describe("sujarit report --pdf", () => {
  it("renders only the report sheets to one PDF, the input sheets not printed", async () => {
    expect(findSoffice()).toBeDefined();
    const xlsx = join(dir, "report.xlsx");
    const pdf = join(dir, "report.pdf");
    const r = await run("report", sample, "--fy", "2567", "--round", "6", "--out", xlsx, "--pdf", pdf);
    expect(r.err).toBe("");
    expect(r.code).toBe(1); // the sample's report is a draft (items not reported)
    expect(r.out).toContain(`PDF (เฉพาะแผ่นงานรายงาน): ${pdf}`);
    const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
    const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
    const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
    const firstPage = text.split("\f")[0] as string;
    // the memo first, no input sheet (their headers) anywhere
    expect(firstPage).toContain("บันทึกข้อความ");
    expect(text).not.toContain("ชื่อหน่วยงาน"); // the ตั้งค่า sheet's first label
    expect(text).not.toContain("ชื่อโครงการ/กิจกรรม/มาตรการ"); // the plan sheet's header
    expect(text).toContain("คำนำ");
    // every page's footer counts the report's pages only
    expect(text).toContain(`หน้า 1 จาก ${pages}`);
    expect(pages).toBeGreaterThan(20);
    // official density (issue 13): 47 pages before Part 1, Part 2, the annual list and the risk sheet were paged
    // evenly at Excel's scale (3, 14, 3 and 2 pages now; test/oracle/reports.oracle.test.ts checks each sheet)
    expect(pages).toBeLessThanOrEqual(41);
    // no page of the annual list holds its legend alone: คำอธิบาย shares its page with the list's last rows
    const legendPage = text.split("\f").find((p) => p.includes("คำอธิบาย")) ?? "";
    expect(legendPage).toMatch(/☑/);
    // an existing PDF is not overwritten without --force
    const again = await run("report", sample, "--fy", "2567", "--round", "6", "--out", join(dir, "again.xlsx"), "--pdf", pdf);
    expect(again.code).toBe(2);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe("%PDF-");
  }, 240_000);

  it("says which package to install when LibreOffice is missing", async () => {
    const path = process.env.PATH;
    process.env.PATH = dir; // no soffice here
    try {
      const pdf = join(dir, "none.pdf");
      const r = await run("report", sample, "--fy", "2567", "--round", "6", "--out", join(dir, "none.xlsx"), "--pdf", pdf);
      expect(r.code).toBe(2);
      expect(r.err).toContain("libreoffice-calc");
      expect(r.err).toContain("ไม่พบโปรแกรม LibreOffice");
      expect(r.err).toContain("File → Export → PDF");
      expect(existsSync(pdf)).toBe(false);
      // the report workbook itself is still written
      expect(existsSync(join(dir, "none.xlsx"))).toBe(true);
    } finally {
      process.env.PATH = path;
    }
  }, 120_000);
});
