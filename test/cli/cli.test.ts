/** The `sujarit` command end to end: in-process for speed, and once as a real process for exit codes. */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { XlsxWorkbook } from "../../src/hosts/xlsx/xlsx-workbook";
import { readPlanWorkbook } from "../../src/workbook/read";
import { loadSeed000 } from "../../tools/build-sample";
import { run } from "../support/cli";

const root = join(__dirname, "..", "..");
const sample = join(root, "samples", "nasameng-2566-2570.xlsx");
const dir = mkdtempSync(join(tmpdir(), "sujarit-cli-"));

describe("sujarit template", () => {
  const file = join(dir, "plan.xlsx");
  const args = ["template", "--org", "อบต.ตัวอย่าง", "--type", "อบต.", "--district", "เมือง", "--province", "ลำพูน", "--first-year", "2566", "--years", "5", "--framework", "2566-2570", "--out", file];

  it("creates a workbook with every input sheet, the framework and one budget column per year", async () => {
    const r = await run(...args);
    expect(r).toMatchObject({ code: 0, err: "" });
    const book = await XlsxWorkbook.open(readFileSync(file));
    const sheets = await book.listSheets();
    expect(sheets.map((s) => `${s.name}:${s.visibility}`)).toEqual([
      "ตั้งค่า:visible", "ภารกิจ:visible", "แผนปฏิบัติการ:visible", "รายละเอียดโครงการ:visible", "ผลรายเดือน:visible",
      "ทะเบียนความเสี่ยง:visible", "เมทริกซ์ความเสี่ยง:visible", "มาตรการ ITA:visible", "_lists:hidden", "_meta:veryHidden",
    ]);
    const read = readPlanWorkbook(await book.readGrids());
    // a new template has no items yet: the one finding says where to start (P11, issue 18)
    expect(read.findings.map((f) => [f.rule, f.severity, f.location.cell])).toEqual([["P11", "error", "F2"]]);
    expect(read.workbook.settings).toMatchObject({ orgName: "อบต.ตัวอย่าง", orgType: "sao", firstYear: 2566, years: 5, framework: "2566-2570" });
    expect(read.workbook.framework.filter((n) => n.level === "mission")).toHaveLength(12);
    const header = (await book.readGrids()).sheets.find((s) => s.name === "แผนปฏิบัติการ")?.rows[0];
    expect(header).toEqual(expect.arrayContaining(["งบประมาณ ปี 2566", "งบประมาณ ปี 2570"]));
    expect(header).not.toContain("งบประมาณ ปี 2571");
  });

  it("never overwrites an existing file without --force", async () => {
    writeFileSync(file, "keep me");
    const r = await run(...args);
    expect(r.code).toBe(2);
    expect(r.err).toContain("already exists");
    expect(readFileSync(file, "utf8")).toBe("keep me");
    expect((await run(...args, "--force")).code).toBe(0);
  });

  it("a CE first year is refused with the BE year to use", async () => {
    const r = await run(...args.map((a) => (a === "2566" ? "2023" : a)), "--force");
    expect(r.code).toBe(2);
    expect(r.err).toContain("2566");
  });

  it("the 2561-2564 framework has its sub-missions", async () => {
    const f = join(dir, "old.xlsx");
    expect((await run("template", "--org", "เทศบาลตำบลก้อ", "--type", "เทศบาลตำบล", "--district", "ลี้", "--province", "ลำพูน", "--first-year", "2561", "--years", "4", "--framework", "2561-2564", "--out", f)).code).toBe(0);
    const read = readPlanWorkbook(await (await XlsxWorkbook.open(readFileSync(f))).readGrids());
    expect(read.workbook.settings.years).toBe(4);
    expect(read.workbook.framework.some((n) => n.level === "submission")).toBe(true);
  });
});

describe("sujarit inspect", () => {
  const seed = loadSeed000();

  it("prints the organization, period, and per dimension the counts by kind and yearly budgets (Thai)", async () => {
    const r = await run("inspect", sample);
    expect(r.code).toBe(0);
    expect(r.out).toContain("หน่วยงาน: องค์การบริหารส่วนตำบลนาสะเม็ง (อ.ดอนตาล จ.มุกดาหาร)");
    expect(r.out).toContain("พ.ศ. 2566–2570 (5 ปี)");
    expect(r.out).toMatch(/รวมทั้งสิ้น\s+19\s+7\s+13\s+0\s+39\s+20,000\s+20,000\s+20,000\s+20,000\s+20,000/);
  });

  it("speaks English with --lang en", async () => {
    const r = await run("inspect", sample, "--lang", "en");
    expect(r.out).toContain("Organization: องค์การบริหารส่วนตำบลนาสะเม็ง");
    expect(r.out).toMatch(/Total\s+19\s+7\s+13/);
  });

  it("gives machines JSON that agrees with the seed's plan table", async () => {
    const r = await run("inspect", sample, "--json");
    const j = JSON.parse(r.out);
    expect(j.total.items).toBe(seed.items.length);
    for (const year of [2566, 2567, 2568, 2569, 2570]) {
      const fromSeed = seed.items.reduce((s, it) => s + (it.budgets[String(year)] ?? 0), 0);
      expect(j.total.budgets.find((b: { year: number }) => b.year === year).amount).toBe(fromSeed);
    }
    expect(j.dimensions.map((d: { byKind: Record<string, number> }) => [d.byKind.project, d.byKind.activity, d.byKind.measure])).toEqual([
      [8, 2, 1], [7, 2, 8], [3, 1, 1], [1, 2, 3],
    ]);
    expect(j.findings).toEqual([]);
  });

  it("an unreadable file exits 2 with the reason and no stack trace", async () => {
    const bad = join(dir, "notes.xlsx");
    writeFileSync(bad, "นี่ไม่ใช่ Excel");
    const r = await run("inspect", bad);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/not a zip-based .xlsx/);
    expect(r.err).not.toMatch(/\bat .*\.(ts|js):\d+/);
    expect((await run("inspect", join(dir, "missing.xlsx"))).err).toContain("no such file");
  });

  it("a workbook that is not a Sujarit workbook says so and exits 2", async () => {
    const other = XlsxWorkbook.empty();
    other.book.addWorksheet("Sheet1").getCell("A1").value = "งบประมาณ";
    const f = join(dir, "other.xlsx");
    writeFileSync(f, await other.toBytes());
    const r = await run("inspect", f);
    expect(r.code).toBe(2);
    expect(r.out).toContain("ไม่ใช่แฟ้มแม่แบบ");
  });

  it("wrong usage exits 2 and shows the help", async () => {
    const r = await run("inspect");
    expect(r.code).toBe(2);
    expect(r.err).toContain("Usage");
    expect((await run("frobnicate")).code).toBe(2);
  });
});

describe("command-line conventions (issue 18)", () => {
  const commands = ["template", "inspect", "import", "consolidate", "progress", "report", "annual-list", "risk", "validate"];

  it("sujarit <command> --help prints that command's usage and exits 0, for every command", async () => {
    for (const c of commands) {
      const r = await run(c, "--help");
      expect({ c, code: r.code, err: r.err }).toEqual({ c, code: 0, err: "" });
      expect(r.out.split("\n")[0]).toMatch(new RegExp(`^ {2}sujarit ${c} `));
      // that command's lines only, not the whole usage
      expect(r.out.split("\n").filter((l) => /^ {2}sujarit /.test(l)).every((l) => l.startsWith(`  sujarit ${c} `))).toBe(true);
      expect((await run(c, "-h")).out).toBe(r.out);
    }
  });

  it("a usage error prints its sentence and the one usage line of that command, not the whole usage", async () => {
    const r = await run("import", "--bogus");
    expect(r.code).toBe(2);
    const lines = r.err.split("\n");
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^sujarit: Unknown option '--bogus'/);
    expect(lines[1]).toBe("การใช้งาน / Usage: sujarit import <old-plan.xlsx> --out <plan.xlsx> [--org …] [--type …] [--district …] [--province …] [--force] [--json]");
    expect(lines[2]).toBe("(sujarit import --help)");
    // a usage of several lines is joined into one; its notes are left for --help
    const t = await run("template", "--org", "x");
    expect(t.err.split("\n")[1]).toMatch(/^การใช้งาน \/ Usage: sujarit template --org <ชื่อ> .* --first-year <พ\.ศ\.> .* --out <plan\.xlsx> \[--force\]$/);
    // a command of several forms shows each, one line each: risk's --edit and --remove too
    const risk = (await run("risk", "--bogus")).err.split("\n");
    expect(risk[1]).toMatch(/^การใช้งาน \/ Usage: sujarit risk <plan\.xlsx> \[--lang th\|en\]/);
    expect(risk.slice(2, -1).map((l) => l.trim().split(" ").slice(0, 3).join(" "))).toEqual(["sujarit risk --library", "sujarit risk <plan.xlsx>", "sujarit risk <plan.xlsx>"]);
    expect(risk.some((l) => l.includes("--edit <รหัสความเสี่ยง>") && l.includes("--residual-impact n"))).toBe(true);
    expect(risk.some((l) => /^ +sujarit risk <plan\.xlsx> --remove <รหัสความเสี่ยง>$/.test(l))).toBe(true);
    const unknown = await run("frobnicate");
    expect(unknown.err.split("\n")).toHaveLength(2);
  });

  it("an empty folder is a usage error (exit 2), not a clean run", async () => {
    const empty = mkdtempSync(join(tmpdir(), "sujarit-empty-"));
    const r = await run("validate", empty);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/no \.xlsx file found .*nothing was checked/);
    expect(r.err).toContain("การใช้งาน / Usage: sujarit validate <file-or-folder>…");
  });
});

describe("the installed command", () => {
  it("runs as a process: exit codes and no stack trace", () => {
    execFileSync("npm", ["run", "--silent", "build:cli"], { cwd: root, stdio: "ignore" });
    const ok = spawnSync(process.execPath, [join(root, "bin", "sujarit.js"), "inspect", sample, "--lang", "en"], { encoding: "utf8" });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain("Organization");
    const bad = spawnSync(process.execPath, [join(root, "bin", "sujarit.js"), "inspect", join(root, "package.json")], { encoding: "utf8" });
    expect(bad.status).toBe(2);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  });

  it("ends quietly when the reader closes the pipe (validate --format json | head -1)", () => {
    const folder = mkdtempSync(join(tmpdir(), "sujarit-pipe-"));
    for (let i = 0; i < 6; i++) writeFileSync(join(folder, `p${i}.xlsx`), readFileSync(sample));
    const r = spawnSync("sh", ["-c", `"${process.execPath}" "${join(root, "bin", "sujarit.js")}" validate "${folder}" --format json --jobs 1 | head -1`], { encoding: "utf8" });
    expect(r.stdout.split("\n")[0]).toBe("{");
    expect(r.stderr).toBe("");
  });
});

describe("sujarit validate", () => {
  const folder = mkdtempSync(join(tmpdir(), "sujarit-validate-"));

  it("lists each file's findings with their cells and exits 1 when findings reach --fail-on", async () => {
    const r = await run("validate", sample, "--fail-on", "warning");
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/nasameng-2566-2570\.xlsx — ข้อผิดพลาด 0 · คำเตือน \d+ · ข้อสังเกต 0/);
    expect(r.out).toContain("[M10] แผนปฏิบัติการ!A3: 1.1.2 ยังไม่มีผลการดำเนินงานในรอบ 6 เดือน ปี 2567");
    expect((await run("validate", sample)).code).toBe(0);
  });

  it("checks a folder, prints a summary table, and exits 2 when a file cannot be read", async () => {
    writeFileSync(join(folder, "a.xlsx"), readFileSync(sample));
    writeFileSync(join(folder, "b.xlsx"), "not a workbook");
    writeFileSync(join(folder, "~$a.xlsx"), "Excel's lock file");
    const r = await run("validate", folder, "--lang", "en");
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/b\.xlsx — unreadable: not a zip-based \.xlsx/);
    // every file given is counted, the unreadable one as such (issue 18)
    expect(r.out).toMatch(/Summary: 2 files\s+0\s+\d+\s+0\s+1 pass · 1 unreadable/);
    expect(r.out).not.toContain("~$a.xlsx");
  });

  it("speaks JSON and CSV (with a BOM for Excel, formula-safe cells)", async () => {
    const j = JSON.parse((await run("validate", sample, "--format", "json")).out);
    expect(j.summary).toMatchObject({ files: 1, unreadable: 0, failed: 0, error: 0 });
    expect(j.files[0].findings[0]).toMatchObject({ rule: "M10", location: { sheet: "แผนปฏิบัติการ", cell: "A2" } });
    const csv = (await run("validate", sample, "--format", "csv")).out;
    expect(csv.startsWith("\ufefffile,rule,severity,sheet,cell,row,message,found,expected,suggestion\r\n")).toBe(true);
    expect(csv.split("\r\n").length).toBe(j.files[0].findings.length + 1);
  });

  it("finds the mistakes typed into a workbook, at their cells", async () => {
    const book = await XlsxWorkbook.open(readFileSync(sample));
    const ws = book.book.getWorksheet("แผนปฏิบัติการ");
    ws!.getCell("A4").value = "1.1.1"; // duplicate code
    ws!.getCell("E5").value = "กิจกรรม"; // the name says โครงการ
    ws!.getCell("G6").value = -500;
    const progressSheet = book.book.getWorksheet("ผลรายเดือน");
    progressSheet!.getCell("C2").value = "9.9.9";
    const f = join(folder, "typed.xlsx");
    writeFileSync(f, await book.toBytes());
    const j = JSON.parse((await run("validate", f, "--format", "json")).out);
    const at = j.files[0].findings.filter((x: { rule: string }) => x.rule !== "M10").map((x: { rule: string; location: { cell: string } }) => `${x.rule} ${x.location.cell}`);
    expect(at).toEqual(expect.arrayContaining(["P7 A4", "P6 E5", "B2 G6", "M1 C2"]));
    expect((await run("validate", f)).code).toBe(1);
  });

  it("wrong options are usage errors", async () => {
    expect((await run("validate", sample, "--format", "pdf")).code).toBe(2);
    expect((await run("validate")).code).toBe(2);
    expect((await run("validate", join(folder, "nope"))).out).toContain("no such file or folder");
  });
});
