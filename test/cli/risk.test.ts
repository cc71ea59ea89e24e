/** `sujarit risk`: heat maps and the table in Thai and English, JSON for machines, the report sheet with --out. */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generatedSheets, RISK_REPORT_SHEET } from "../../src/app/risks";
import { main } from "../../src/cli/main";
import { RISK_LIBRARY } from "../../src/domain/risk/library";
import { XlsxWorkbook } from "../../src/hosts/xlsx/xlsx-workbook";
import { readPlanWorkbook } from "../../src/workbook/read";

const root = join(__dirname, "..", "..");
const sample = join(root, "samples", "nasameng-2566-2570.xlsx");
const dir = mkdtempSync(join(tmpdir(), "sujarit-risk-"));

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("sujarit risk", () => {
  it("prints both heat maps and the table grouped by process, in Thai", async () => {
    const r = await run("risk", sample);
    expect(r).toMatchObject({ code: 0, err: "" });
    expect(r.out).toContain("เมทริกซ์ 5×5 (จากแผ่นงานเมทริกซ์ความเสี่ยง) · ความเสี่ยง 3 รายการ");
    expect(r.out).toContain("ก่อนการควบคุม");
    expect(r.out).toContain("หลังการควบคุม (ความเสี่ยงคงเหลือ)");
    // likelihood 3 × impact 4 before controls; after: likelihood 2 × impact 4
    const row3 = r.out.split("\n").find((l) => l.startsWith("3 ปานกลาง")) as string;
    expect(row3.split("3 ปานกลาง").join(" ").replace(/\s+/g, " ").trim()).toBe("·░ ·▒ ·▒ 1▓ ·▓ ·░ ·▒ ·▒ ·▓ ·▓");
    expect(r.out).toContain("1) กำหนดคุณลักษณะเฉพาะเอื้อผู้เสนอราคารายใดรายหนึ่ง — สูง (12) → หลังควบคุม ปานกลาง (8) [R-01, ทะเบียนความเสี่ยง!A2]");
    expect(r.out).toContain("มาตรการควบคุม: 2.1.1 โครงการเสริมสร้างความโปร่งใสในการบริหารงบประมาณ; 2.2.4 กิจกรรมควบคุมการเบิกจ่ายเงินตามข้อบัญญัติงบประมาณรายจ่ายประจำปี");
    expect(r.out).toContain("ระดับ: ░ ต่ำ  ▒ ปานกลาง  ▓ สูง  █ สูงมาก");
  });

  it("speaks English with --lang en", async () => {
    const r = await run("risk", sample, "--lang", "en");
    expect(r.code).toBe(0);
    expect(r.out).toContain("Matrix 5×5 (from the risk matrix sheet) · Risks 3");
    expect(r.out).toContain("— High (12) → residual Medium (8)");
    expect(r.out).toContain("Levels: ░ Low  ▒ Medium  ▓ High  █ Very high");
  });

  it("--json: the matrix, both heat maps, the groups with their plan items, the R findings", async () => {
    const r = await run("risk", sample, "--json");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as {
      matrix: { size: number; fromSheet: boolean; levels: { key: string }[] };
      heatMap: { inherent: number[][]; residual: number[][] };
      groups: { no: number; risks: { id: string; inherent: { score: number; level: string }; residual: { score: number; level: string }; planItems: { code: string }[]; needsPlanItems: boolean; at: string }[] }[];
      findings: unknown[];
    };
    expect(json.matrix).toMatchObject({ size: 5, fromSheet: true });
    expect(json.heatMap.inherent[2]?.[3]).toBe(1);
    expect(json.heatMap.residual[1]?.[3]).toBe(1);
    expect(json.heatMap.inherent.flat().reduce((a, b) => a + b, 0)).toBe(3);
    expect(json.groups.map((g) => g.risks.map((x) => [x.id, x.inherent.score, x.inherent.level, x.residual.level, x.planItems.map((p) => p.code), x.at]))).toEqual([
      [["R-01", 12, "high", "medium", ["2.1.1", "2.2.4"], "ทะเบียนความเสี่ยง!A2"]],
      [["R-02", 6, "medium", "low", ["2.2.3"], "ทะเบียนความเสี่ยง!A3"]],
      [["R-03", 10, "high", "high", ["2.3.1", "2.3.3"], "ทะเบียนความเสี่ยง!A4"]],
    ]);
    expect(json.findings).toEqual([]);
  });

  it("--out writes a copy with the generated sheet, and never over an existing file without --force", async () => {
    const out = join(dir, "report.xlsx");
    const r = await run("risk", sample, "--out", out);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`สร้างแฟ้มแล้ว: ${out} (แผ่นงาน การประเมินความเสี่ยง)`);
    const grids = await (await XlsxWorkbook.open(readFileSync(out))).readGrids();
    expect(grids.sheets.map((s) => s.name)).toContain(RISK_REPORT_SHEET);
    expect(generatedSheets(grids)).toEqual([RISK_REPORT_SHEET]);

    writeFileSync(out, "keep me");
    const again = await run("risk", sample, "--out", out);
    expect(again.code).toBe(2);
    expect(again.err).toContain("already exists");
    expect(readFileSync(out, "utf8")).toBe("keep me");
    expect((await run("risk", sample, "--out", out, "--force")).code).toBe(0);
  });

  it("--add-from-library appends typical risks to the copy's register (the input is not changed)", async () => {
    const out = join(dir, "added.xlsx");
    const before = readFileSync(sample);
    const r = await run("risk", sample, "--add-from-library", "proc-spec-bias,permit-bribe", "--out", out, "--json");
    expect(r.code).toBe(0);
    expect(readFileSync(sample).equals(before)).toBe(true);
    const read = readPlanWorkbook(await (await XlsxWorkbook.open(readFileSync(out))).readGrids());
    expect(read.workbook.risks.map((x) => x.id)).toEqual(["R-01", "R-02", "R-03", "R-04", "R-05"]);
    const json = JSON.parse(r.out) as { groups: unknown[]; wrote: string };
    expect(json.groups).toHaveLength(5);
    expect(json.wrote).toBe(out);
  });

  it("refuses what it cannot do, with a sentence and exit code 2", async () => {
    const noOut = await run("risk", sample, "--add-from-library", "proc-spec-bias");
    expect(noOut.code).toBe(2);
    expect(noOut.err).toContain("--out");
    const unknown = await run("risk", sample, "--add-from-library", "nope", "--out", join(dir, "x.xlsx"));
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain("nope");
    const notXlsx = await run("risk", join(root, "package.json"));
    expect(notXlsx.code).toBe(2);
    expect((await run("risk")).code).toBe(2);
  });

  it("--library lists every typical risk by area with the id --add-from-library takes", async () => {
    const r = await run("risk", "--library");
    expect(r.code).toBe(0);
    for (const entry of RISK_LIBRARY) expect(r.out).toContain(entry.id);
    expect(r.out).toContain("การจัดซื้อจัดจ้าง");
    const json = JSON.parse((await run("risk", "--library", "--json")).out) as unknown[];
    expect(json).toHaveLength(RISK_LIBRARY.length);
  });
});
