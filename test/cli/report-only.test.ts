/**
 * `sujarit report … --report-only report.xlsx` (issue 13: printing the whole workbook printed the input sheets
 * first): a workbook holding the report sheets alone, in the printed order, whose figures read from the plan
 * are values. Printed whole by LibreOffice it is the same document as --pdf: same pages, same words.
 */
import ExcelJS from "exceljs";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { findSoffice } from "../../src/cli/pdf";
import { run } from "../support/cli";

const root = join(__dirname, "..", "..");
const sample = join(root, "samples", "nasameng-2566-2570.xlsx");
const dir = mkdtempSync(join(tmpdir(), "sujarit-report-only-"));

/**
 * The PDF's words page by page, sorted (pdftotext's reading order of table blocks varies with a cell's width by a
 * fraction of a point), without the footer line: --pdf stamps its page numbers in Thai digits.
 */
const words = (pdf: string) => execFileSync("pdftotext", [pdf, "-"], { encoding: "utf8" }).split("\f")
  .map((page) => page.split("\n").filter((l) => !/หน้า \S+ จาก \S+/.test(l)).join(" ").split(/\s+/).filter(Boolean).sort().join(" "));

describe("sujarit report --report-only", () => {
  it("writes the report alone, printed whole it is the --pdf document", async () => {
    expect(findSoffice()).toBeDefined();
    const only = join(dir, "only.xlsx");
    const pdf = join(dir, "report.pdf");
    const r = await run("report", sample, "--fy", "2567", "--round", "6", "--out", join(dir, "full.xlsx"), "--report-only", only, "--pdf", pdf);
    expect(r.err).toBe("");
    expect(r.out).toContain(`แฟ้มรายงานอย่างเดียว (สั่งพิมพ์ทั้งแฟ้มได้): ${only}`);
    const sheetsLine = /แผ่นงานที่สร้าง \(\d+\): (.*)/.exec(r.out)?.[1] ?? "";
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(only) as unknown as ArrayBuffer);
    // the report sheets in the printed order, nothing else (no input sheet, no _meta)
    expect(book.worksheets.map((s) => s.name)).toEqual(sheetsLine.split(" · "));
    // no formula reads a sheet that is not in the file
    const names = new Set(book.worksheets.map((s) => s.name));
    let formulas = 0;
    for (const ws of book.worksheets) {
      ws.eachRow((row) => row.eachCell((cell) => {
        const f = cell.formula;
        if (!f) return;
        formulas++;
        for (const m of f.replace(/"(?:[^"]|"")*"/g, "").matchAll(/'((?:[^']|'')+)'!|([^\s'(),:!*+\-/=<>&"]+)!/g)) expect(names.has((m[1] ?? m[2] ?? "").replace(/''/g, "'"))).toBe(true);
      }));
    }
    expect(formulas).toBeGreaterThan(0); // the contents' links and the sheets' own totals stay live
    // printed whole (LibreOffice, as Excel's "Print Entire Workbook"): the same pages and words as --pdf
    const out = join(dir, "printed");
    execFileSync(findSoffice() as string, [`-env:UserInstallation=file://${join(dir, "profile")}`, "--headless", "--convert-to", "pdf", "--outdir", out, only], { stdio: "pipe", timeout: 240_000 });
    const printed = join(out, "only.pdf");
    expect(existsSync(printed)).toBe(true);
    const a = words(printed);
    const b = words(pdf);
    expect(a.length).toBe(b.length);
    a.forEach((page, i) => expect({ page: i + 1, text: page }).toEqual({ page: i + 1, text: b[i] }));
    expect(a[0]).toContain("บันทึกข้อความ");
    expect(a.join(" ")).not.toContain("ชื่อโครงการ/กิจกรรม/มาตรการ"); // the plan sheet's header
    // an existing file is not overwritten without --force; --check-only makes no report to write
    expect((await run("report", sample, "--fy", "2567", "--round", "6", "--out", join(dir, "again.xlsx"), "--report-only", only)).code).toBe(2);
    const check = await run("report", sample, "--check-only", "--report-only", join(dir, "none.xlsx"));
    expect(check.code).toBe(2);
    expect(check.err).toContain("--report-only");
  }, 240_000);
});
