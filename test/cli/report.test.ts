/** `sujarit report`: every report sheet into a copy or in place, the checks first, draft = exit 1, and clear refusals. */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generatedSheets } from "../../src/app/generated";
import { REPORT_SHEET_NAMES } from "../../src/app/report";
import { XlsxWorkbook } from "../../src/hosts/xlsx/xlsx-workbook";
import { readPlanWorkbook } from "../../src/workbook/read";
import { describeWorkbook } from "../../src/workbook/write";
import { seed001Workbook } from "../support/seed001";
import { REPORT_SHEETS } from "../../src/workbook/reports/names";
import { run } from "../support/cli";

const root = join(__dirname, "..", "..");
const sample = join(root, "samples", "nasameng-2566-2570.xlsx");
const dir = mkdtempSync(join(tmpdir(), "sujarit-report-"));
/** The sample has no ITA measures: no ITA appendix; the project cards only with --cards. */
const withCards = REPORT_SHEET_NAMES.filter((n) => n !== REPORT_SHEETS.ita);
const byDefault = withCards.filter((n) => n !== REPORT_SHEETS.cards);

async function sheetsOf(file: string) {
  return (await (await XlsxWorkbook.open(readFileSync(file))).readGrids());
}

describe("sujarit report", () => {
  it("writes every report sheet into --out, leaves the input file as it was, prints the round's figures", async () => {
    const out = join(dir, "report.xlsx");
    const before = readFileSync(sample);
    const r = await run("report", sample, "--fy", "2567", "--round", "6", "--out", out);
    // no errors, but 35 items not reported and a sample-data signer: a draft (exit 1), with the list, never "no errors"
    expect(r).toMatchObject({ code: 1, err: "" });
    expect(r.out).toContain("ปีงบประมาณ 2567 รอบ 6 เดือน");
    expect(r.out).not.toContain("ไม่พบข้อผิดพลาด");
    // the checks' warnings are counted by kind, not hidden (issue 18)
    expect(r.out).toContain("ตรวจสอบแล้ว พบคำเตือน 35 รายการ (M10 ×35) ซึ่งไม่ทำให้รายงานเป็นฉบับร่าง");
    expect(r.out).toMatch(/ข้อมูลที่ยังไม่ครบสำหรับรายงานฉบับลงนาม \(\d+\):/);
    expect(r.out).toContain("ยังไม่ได้รายงานผลรอบ 6 เดือน 35 รายการ");
    expect(r.out).toContain("รายงานนี้จึงเป็นฉบับร่าง");
    expect(r.out).toMatch(/รวม\s+39\s+1\s+2\s+1\s+35\s+20,000/);
    expect(r.out).toContain(`บันทึกแล้ว: ${out}`);
    expect(readFileSync(sample).equals(before)).toBe(true);
    const grids = await sheetsOf(out);
    for (const name of byDefault) expect(grids.sheets.map((s) => s.name)).toContain(name);
    expect(generatedSheets(grids).sort()).toEqual([...byDefault].sort());
    expect(readPlanWorkbook(grids).workbook).toEqual(readPlanWorkbook(await sheetsOf(sample)).workbook);
  });

  it("--without leaves out the appendices named (the official document has none of them), and refuses a name it does not know", async () => {
    const out = join(dir, "report-without.xlsx");
    const r = await run("report", sample, "--out", out, "--without", "risk,overview");
    expect(r.code).toBe(1); // a draft, as the sample always is
    const names = (await sheetsOf(out)).sheets.map((g) => g.name);
    expect(names).not.toContain(REPORT_SHEETS.risk);
    expect(names).not.toContain(REPORT_SHEETS.dashboard);
    expect(names).toEqual(expect.arrayContaining([REPORT_SHEETS.part3, REPORT_SHEETS.annualList, REPORT_SHEETS.eplan]));
    const bad = await run("report", sample, "--out", join(dir, "never.xlsx"), "--without", "cards");
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("--without takes risk, annual-list, eplan-summary, overview (got cards)");
    expect(existsSync(join(dir, "never.xlsx"))).toBe(false);
  });

  it("takes the year and round from the settings, writes in place, and regenerates without complaint", async () => {
    const file = join(dir, "in-place.xlsx");
    copyFileSync(sample, file);
    const first = await run("report", file, "--json", "--cards");
    expect(first.code).toBe(1);
    const json = JSON.parse(first.out) as { fy: number; round: number; draft: boolean; sheets: string[]; out: string; errors: unknown[]; gaps: { rule: string }[] };
    expect([json.fy, json.draft, json.out, json.errors]).toEqual([2567, true, file, []]);
    expect(json.gaps.map((g) => g.rule)).toEqual(expect.arrayContaining(["G1", "G3"]));
    expect(json.sheets).toEqual(withCards);
    const again = await run("report", file, "--round", "12", "--lang", "en");
    expect(again.code).toBe(1);
    expect(again.out).toContain("Missing before the report can be signed");
    expect(again.out).toContain("FY 2567 round 12 months");
    expect(existsSync(`${file}.sujarit-tmp`)).toBe(false);
  });

  it("prints the errors, still generates, marks the report draft and exits 1 (seed 001: a duplicated code, an over-disbursement)", async () => {
    const file = join(dir, "seed001.xlsx");
    const book = XlsxWorkbook.empty();
    await book.writeSheets(describeWorkbook(seed001Workbook(), { createdAt: new Date(0) }), "refuse");
    writeFileSync(file, await book.toBytes());
    const r = await run("report", file, "--fy", "2564", "--round", "12");
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/ข้อผิดพลาดที่ทำให้รายงานไม่ถูกต้อง \(\d+\):/);
    expect(r.out).toContain("ฉบับร่าง");
    const grids = await sheetsOf(file);
    const title = grids.sheets.find((s) => s.name === "ปก");
    expect(String(title?.rows[0]?.[0])).toMatch(/^ฉบับร่าง \(DRAFT\)/);
  });

  it("--check-only prints the checks and figures and writes nothing", async () => {
    const file = join(dir, "check.xlsx");
    copyFileSync(sample, file);
    const before = readFileSync(file);
    const r = await run("report", file, "--check-only", "--fy", "2567", "--round", "12");
    expect(r.code).toBe(1); // a draft: items not reported, a sample-data signer
    expect(r.out).toContain("ตรวจอย่างเดียว");
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it("refuses with a sentence: a CE year, a wrong round, an existing --out, a file that is no template, a user's sheet", async () => {
    expect(await run("report", sample, "--fy", "2024")).toMatchObject({ code: 2 });
    expect((await run("report", sample, "--fy", "2024")).err).toContain("2567");
    expect((await run("report", sample, "--round", "3")).err).toContain("--round");
    const existing = join(dir, "exists.xlsx");
    copyFileSync(sample, existing);
    expect((await run("report", sample, "--out", existing)).err).toContain("already exists");
    const empty = join(dir, "empty.xlsx");
    const blank = XlsxWorkbook.empty();
    blank.book.addWorksheet("Sheet1").getCell("A1").value = "hello";
    writeFileSync(empty, await blank.toBytes());
    const notTemplate = await run("report", empty);
    expect(notTemplate.code).toBe(2);
    expect(notTemplate.err).toContain("ไม่ใช่แฟ้มแม่แบบ");
    const mine = join(dir, "mine.xlsx");
    const m = await XlsxWorkbook.open(readFileSync(sample));
    m.book.addWorksheet("สารบัญ").getCell("A1").value = "สารบัญของฉัน";
    writeFileSync(mine, await m.toBytes());
    const refused = await run("report", mine);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain("สารบัญ");
    expect(String((await sheetsOf(mine)).sheets.find((s) => s.name === "สารบัญ")?.rows[0]?.[0])).toBe("สารบัญของฉัน");
    expect((await run("report", mine, "--replace-user-sheets")).code).toBe(1); // made, as a draft (the sample's gaps)
  });
});
