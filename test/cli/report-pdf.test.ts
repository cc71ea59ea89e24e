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
import { footerText, thaiFontFile } from "../../src/cli/pdf-footer";
import { toThaiDigits } from "../../src/domain/thai";
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
    // every page's footer counts the report's pages only, in Thai digits (stamped: Excel's and LibreOffice's
    // page-number fields print Arabic ones), at the foot of the page whatever its orientation
    expect(text).not.toMatch(/หน้า [0-9]+ จาก [0-9]+/);
    const bbox = execFileSync("pdftotext", ["-bbox", pdf, "-"], { encoding: "utf8" }).split("<page ").slice(1);
    expect(bbox).toHaveLength(pages);
    bbox.forEach((page, i) => {
      const height = Number(/height="([\d.]+)"/.exec(page)?.[1]);
      const words = [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)];
      const n = words.findIndex((w, k) => w[5] === "หน้า" && words[k + 1]?.[5] === toThaiDigits(String(i + 1)) && words[k + 3]?.[5] === toThaiDigits(String(pages)));
      expect({ page: i + 1, found: n >= 0 }).toEqual({ page: i + 1, found: true });
      const foot = words[n] as RegExpMatchArray;
      expect(height - Number(foot[4])).toBeGreaterThan(5); // inside the page, above the paper's edge
      expect(height - Number(foot[4])).toBeLessThan(40); // in the footer margin, below the print area
    });
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

  it("numbers pages from Excel's footer codes in Thai digits, and finds a Thai font with every glyph needed", () => {
    expect(footerText("&Cฉบับร่าง (DRAFT) · หน้า &P จาก &N", 12, 39)).toBe("ฉบับร่าง (DRAFT) · หน้า ๑๒ จาก ๓๙");
    expect(footerText("&Cหน้า &P && ต่อ", 1, 1)).toBe("หน้า ๑ & ต่อ");
    expect(footerText("&L&\"Arial\"หน้า &P", 1, 1)).toBeUndefined(); // codes the stamp does not draw: keep LibreOffice's footer
    expect(thaiFontFile("TH SarabunPSK", "หน้า ๐๑๒๓๔๕๖๗๘๙ จาก")).toBeDefined(); // CI installs fonts-thai-tlwg
    expect(thaiFontFile("TH SarabunPSK", "หน้า \u{1F600}")).toBeUndefined(); // a glyph the font lacks: no boxes printed
  });

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
