/** `sujarit risk`: heat maps and the table in Thai and English, JSON for machines, the report sheet with --out. */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generatedSheets, RISK_REPORT_SHEET } from "../../src/app/risks";
import { RISK_LIBRARY } from "../../src/domain/risk/library";
import { XlsxWorkbook } from "../../src/hosts/xlsx/xlsx-workbook";
import { readPlanWorkbook } from "../../src/workbook/read";
import { describeWorkbook } from "../../src/workbook/write";
import { run } from "../support/cli";

const root = join(__dirname, "..", "..");
const sample = join(root, "samples", "nasameng-2566-2570.xlsx");
const dir = mkdtempSync(join(tmpdir(), "sujarit-risk-"));

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

describe("errors first (issue 18)", () => {
  // the sample's register and 24 more risks: 22 with a control named in no plan item (R7 warnings), then two
  // high risks with no plan item at all (R3 errors) — the errors come last in the sheet
  async function mixed(): Promise<string> {
    const model = readPlanWorkbook(await (await XlsxWorkbook.open(readFileSync(sample))).readGrids()).workbook;
    const base = model.risks[0];
    if (!base) throw new Error("the sample has risks");
    const more = Array.from({ length: 24 }, (_, k) => ({
      ...base, at: undefined, residualLikelihood: undefined, residualImpact: undefined, id: `R-${String(k + 10)}`, likelihood: k < 22 ? 2 : 5, impact: k < 22 ? 2 : 5,
      mitigations: k < 22 ? [`ตรวจสอบเอกสารชุดที่ ${"กขคงจฉชซฌญฎฏฐฑฒณดตถทธน".charAt(k)} ทุกเดือน`] : [],
    }));
    const book = XlsxWorkbook.empty();
    await book.writeSheets(describeWorkbook({ ...model, risks: [...model.risks, ...more] }, { createdAt: new Date(0) }), "refuse");
    const file = join(dir, "errors-and-warnings.xlsx");
    writeFileSync(file, await book.toBytes());
    return file;
  }

  it("risk lists every error before the warnings, folds only warnings into '… และอีก', and exits 1", async () => {
    const file = await mixed();
    const r = await run("risk", file);
    expect(r.code).toBe(1);
    const lines = r.out.split("\n");
    const head = lines.findIndex((l) => l.startsWith("ข้อควรตรวจสอบของทะเบียนความเสี่ยง"));
    expect(lines[head]).toBe("ข้อควรตรวจสอบของทะเบียนความเสี่ยง: 24 (2 ข้อผิดพลาด, 22 คำเตือน)");
    expect(lines.slice(head + 1, head + 3).map((l) => l.trim().slice(0, 4))).toEqual(["[R3]", "[R3]"]);
    expect(lines.slice(head + 3, head + 21).every((l) => l.trim().startsWith("[R7]"))).toBe(true);
    expect(lines[head + 21]).toBe("  … และอีก 4 รายการที่ไม่ใช่ข้อผิดพลาด (R7 ×4)");
    // --json says the same and exits the same
    const json = await run("risk", file, "--json");
    expect(json.code).toBe(1);
  });

  it("validate lists a file's errors before its warnings", async () => {
    const file = await mixed();
    const r = await run("validate", file);
    expect(r.code).toBe(1);
    const rules = r.out.split("\n").filter((l) => l.startsWith("  [")).map((l) => l.trim().slice(1, l.trim().indexOf("]")));
    const firstWarning = rules.findIndex((x) => x === "R7");
    expect(rules.slice(0, firstWarning)).toContain("R3");
    expect(rules.slice(firstWarning)).not.toContain("R3");
  });
});

describe("sujarit risk --edit and --remove (issue 16)", () => {
  const copyOf = () => {
    const file = join(mkdtempSync(join(tmpdir(), "sujarit-risk-edit-")), "plan.xlsx");
    writeFileSync(file, readFileSync(sample));
    return file;
  };
  const risksOf = async (file: string) => readPlanWorkbook(await (await XlsxWorkbook.open(readFileSync(file))).readGrids()).workbook.risks;

  it("--edit changes a risk's scores and controls in place, after the register's checks", async () => {
    const file = copyOf();
    const before = await risksOf(file);
    const r = await run("risk", file, "--edit", "R-01", "--likelihood", "2", "--controls", "ตรวจสองชั้น");
    expect(r).toMatchObject({ code: 0, err: "" });
    expect(r.out).toContain(`แก้ไขความเสี่ยงแล้ว R-01: ${file} — ทะเบียนความเสี่ยง แถว 2`);
    const after = await risksOf(file);
    expect(after).toHaveLength(before.length);
    expect(after[0]).toMatchObject({ ...before[0], likelihood: 2, existingControls: "ตรวจสองชั้น" });
    expect(after.slice(1)).toEqual(before.slice(1));
  });

  it("--edit refuses a score off the matrix's scale (exit 2, located) and writes nothing", async () => {
    const file = copyOf();
    const bytes = readFileSync(file);
    const r = await run("risk", file, "--edit", "R-01", "--impact", "7", "--lang", "en");
    expect(r.code).toBe(2);
    expect(r.err).toContain("not saved: the risk has errors");
    expect(r.err).toContain("[R1] ทะเบียนความเสี่ยง!G2");
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });

  it("--remove removes the risk, the next moves up; an unknown id is a usage error naming the ids there", async () => {
    const file = copyOf();
    const before = await risksOf(file);
    const r = await run("risk", file, "--remove", "R-01");
    expect(r).toMatchObject({ code: 0, err: "" });
    expect(r.out).toContain("ลบความเสี่ยงแล้ว R-01");
    const after = await risksOf(file);
    expect(after.map((x) => x.id)).toEqual(before.slice(1).map((x) => x.id));
    expect(after[0]?.at?.row).toBe(2);
    // the register still scores: R-02's level formulas now point at row 2
    const report = await run("risk", file);
    expect(report.out).toContain("ความเสี่ยง 2 รายการ");
    const unknown = await run("risk", file, "--remove", "R-09");
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain("R-02");
    const both = await run("risk", file, "--remove", "R-02", "--out", join(dir, "x.xlsx"));
    expect(both.code).toBe(2);
  });
});
