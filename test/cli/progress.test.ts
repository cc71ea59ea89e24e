/** `sujarit progress`: a division's items for a year, and --add appending one row after the page's checks, on a copy of the sample. */
import { copyFileSync, mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { XlsxWorkbook } from "../../src/hosts/xlsx/xlsx-workbook";
import { readPlanWorkbook } from "../../src/workbook/read";
import { loadSeed000, sampleModel } from "../../tools/build-sample";
import { run } from "../support/cli";
import { fiscalYear } from "../../src/domain/units";

const root = join(__dirname, "..", "..");
const sample = join(root, "samples", "nasameng-2566-2570.xlsx");
const model = sampleModel(loadSeed000());

/** A fresh copy of the sample in a temp dir (--add writes the file in place). */
function copy(): string {
  const dir = mkdtempSync(join(tmpdir(), "sujarit-progress-"));
  const file = join(dir, "plan.xlsx");
  copyFileSync(sample, file);
  return file;
}

async function progressRows(file: string) {
  const read = readPlanWorkbook(await (await XlsxWorkbook.open(readFileSync(file))).readGrids());
  return { read, rows: read.workbook.progress };
}

describe("sujarit progress (listing)", () => {
  it("lists every item of the report year with its budget, allocation, cumulative disbursement, latest status and months", async () => {
    const r = await run("progress", sample);
    expect(r).toMatchObject({ code: 0, err: "" });
    const lines = r.out.split("\n");
    expect(lines[0]).toBe("ผลการดำเนินงานรายเดือน ปีงบประมาณ 2567 — องค์การบริหารส่วนตำบลนาสะเม็ง");
    expect(lines[1]).toBe("หน่วยงานรับผิดชอบ: ทุกหน่วยงาน · 39 รายการ");
    const row = (code: string) => (lines.find((l) => l.startsWith(`${code} `)) as string).replace(/\s+/g, " ");
    expect(row("1.1.3")).toBe("1.1.3 20,000 20,000 19,300.50 ดำเนินการแล้วเสร็จ 100% (ธ.ค.) ต.ค. พ.ย. ธ.ค. (3)");
    expect(row("4.1.2")).toBe("4.1.2 0 - 0 ไม่สามารถดำเนินการได้ (ธ.ค.) ธ.ค. (1)");
    expect(row("1.1.1")).toBe("1.1.1 0 - 0 ยังไม่รายงาน -");
    expect(r.out).toContain("   โครงการป้องกันผลประโยชน์ทับซ้อน — สำนักงานปลัดองค์การบริหารส่วนตำบลนาสะเม็ง");
    const planned = model.items.reduce((s, i) => s + (i.budgets[fiscalYear(2567)] ?? 0), 0);
    expect(row("รวม")).toBe(`รวม ${planned.toLocaleString("en-US")} 20,000 19,300.50 4/39`);
  });

  it("filters by owner (items shared with other units too), takes --fy, speaks English, and gives JSON", async () => {
    const r = await run("progress", sample, "--owner", "กองคลัง", "--fy", "2568", "--lang", "en");
    expect(r.code).toBe(0);
    const expected = model.items.filter((i) => i.owner.includes("กองคลัง")).map((i) => i.code as string);
    expect(r.out).toContain(`Owner: กองคลัง · ${expected.length} items`);
    expect(r.out.split("\n")[0]).toBe("Monthly progress, FY 2568 — องค์การบริหารส่วนตำบลนาสะเม็ง");
    for (const code of expected) expect(r.out).toMatch(new RegExp(`^${code.replace(/\./g, "\\.")} `, "m"));

    const json = JSON.parse((await run("progress", sample, "--owner", "กองคลัง", "--json")).out) as {
      fy: number; owner: string; items: { code: string; owner: string; disbursed: number; lastStatus: string | null; months: number[] }[];
      totals: { items: number; reported: number };
    };
    expect(json.fy).toBe(2567);
    expect(json.items.map((i) => i.code)).toEqual(expected);
    expect(json.items.find((i) => i.code === "2.1.3")).toMatchObject({ disbursed: 0, lastStatus: "inProgress", months: [10, 11, 12] });
    expect(json.totals).toEqual({ items: expected.length, planned: expect.any(Number), allocation: 0, disbursed: 0, reported: 1 });
  });

  it("refuses an owner the plan does not name (listing those it does), a CE year, and a year outside the plan", async () => {
    const none = await run("progress", sample, "--owner", "กองไม่มีจริง");
    expect(none.code).toBe(2);
    expect(none.err).toContain('ไม่พบรายการของหน่วยงาน "กองไม่มีจริง"');
    expect(none.err).toContain("กองคลัง องค์การบริหารส่วนตำบลนาสะเม็ง (5)");
    const ce = await run("progress", sample, "--fy", "2024");
    expect(ce.code).toBe(2);
    expect(ce.err).toContain("--fy 2024 is a CE year; use the BE year 2567");
    const outside = await run("progress", sample, "--fy", "2580");
    expect(outside.code).toBe(2);
    expect(outside.err).toContain("outside the plan 2566–2570");
    const missing = await run("progress", join(tmpdir(), "no-such-plan.xlsx"));
    expect(missing.code).toBe(2);
    expect(missing.err).toContain("no such file");
    expect(missing.err).not.toMatch(/\n\s+at /);
  });
});

describe("sujarit progress --add", () => {
  it("appends one row below the sheet's last row, in place, and prints the new cumulative figures", async () => {
    const file = copy();
    const r = await run("progress", file, "--add", "--code", "1.1.3", "--fy", "2567", "--month", "1", "--status", "done", "--pct", "100",
      "--disbursed", "500", "--result", "ติดตามผลหลังการอบรม", "--entered-by", "นางสาวทดสอบ", "--start", "20/11/2566", "--end", "15/1/2567");
    expect(r).toMatchObject({ code: 0, err: "" });
    expect(r.out).toContain(`เพิ่มแถวแล้ว: ${file} — ผลรายเดือน แถว 10 (1.1.3 ม.ค. 2567)`);
    expect(r.out).toContain("หลังบันทึก: 1.1.3: เบิกจ่ายสะสม 19,800.50 บาท · 99% ของวงเงินจัดสรร 20,000 · 99% ของงบตามแผน 20,000 · คงเหลือ 199.50 · ดำเนินการแล้วเสร็จ 100% (ม.ค.)");
    const { read, rows } = await progressRows(file);
    expect(read.findings).toEqual([]);
    expect(rows).toHaveLength(9);
    expect(rows.slice(0, 8).map(({ at: _, ...p }) => p)).toEqual(model.progress);
    expect(rows[8]).toMatchObject({
      fy: 2567, month: 1, code: "1.1.3", status: "done", progressPct: 100, disbursed: 500, result: "ติดตามผลหลังการอบรม",
      enteredBy: "นางสาวทดสอบ", startDate: new Date("2023-11-20T00:00:00Z"), endDate: new Date("2024-01-15T00:00:00Z"), at: { row: 10 },
    });
    expect(rows[8]?.enteredOn).toBeInstanceOf(Date);
  });

  it("refuses a row with errors (exit 2, each located, in Thai or English) and writes nothing; --force saves it", async () => {
    const file = copy();
    const before = statSync(file).mtimeMs;
    const r = await run("progress", file, "--add", "--code", "1.1.3", "--month", "ม.ค.", "--status", "done", "--pct", "90", "--disbursed", "5000");
    expect(r.code).toBe(2);
    expect(r.err).toContain("ไม่ได้บันทึก: แถวนี้มีข้อผิดพลาด");
    expect(r.err).toContain("[M4] ผลรายเดือน!Q10: 1.1.3 เบิกจ่ายสะสม 24,300.50 บาท เกินวงเงินตามข้อบัญญัติ 20,000 บาท");
    expect(r.err).toContain("[M7] ผลรายเดือน!H10: ความก้าวหน้าของ 1.1.3 ลดลงจาก 100% (ธ.ค.) เป็น 90% (ม.ค.)");
    expect(r.err).toContain("(ร้อยละความก้าวหน้า)");
    expect(statSync(file).mtimeMs).toBe(before);
    expect((await progressRows(file)).rows).toHaveLength(8);

    const en = await run("progress", file, "--add", "--code", "1.1.3", "--month", "1", "--status", "done", "--pct", "abc", "--lang", "en");
    expect(en.code).toBe(2);
    expect(en.err).toContain('[X1] ผลรายเดือน!H10: The value in "Progress %" cannot be read — found "abc"; expected a number (Progress %)');

    const forced = await run("progress", file, "--add", "--code", "1.1.3", "--month", "1", "--status", "done", "--pct", "100", "--disbursed", "5000", "--force");
    expect(forced.code).toBe(0);
    expect(forced.out).toContain("[M4] ผลรายเดือน!Q10");
    expect((await progressRows(file)).rows).toHaveLength(9);
  });

  it("refuses a row for an item and month already there, saying where it is, even with --force", async () => {
    const file = copy();
    for (const extra of [[], ["--force"]]) {
      const r = await run("progress", file, "--add", "--code", "1.1.3", "--fy", "2567", "--month", "12", "--status", "done", "--pct", "100", ...extra);
      expect(r.code).toBe(2);
      expect(r.err).toContain("มีผลของรายการนี้ในเดือนนี้แล้ว");
      expect(r.err).toContain("1.1.3 ธ.ค. 2566 — ผลรายเดือน แถว 4");
    }
    expect((await progressRows(file)).rows).toHaveLength(8);
  });

  it("refuses wrong usage with a sentence: missing options, an unknown status, a code not in the plan", async () => {
    const file = copy();
    const noStatus = await run("progress", file, "--add", "--code", "1.1.3", "--month", "1");
    expect(noStatus.code).toBe(2);
    expect(noStatus.err).toContain("--add needs --status");
    const badStatus = await run("progress", file, "--add", "--code", "1.1.3", "--month", "1", "--status", "finished");
    expect(badStatus.code).toBe(2);
    expect(badStatus.err).toContain("--status must be one of notStarted (ยังไม่ดำเนินการ)");
    const badMonth = await run("progress", file, "--add", "--code", "1.1.3", "--month", "13", "--status", "done");
    expect(badMonth.code).toBe(2);
    const unknown = await run("progress", file, "--add", "--code", "9.9.9", "--month", "1", "--status", "inProgress");
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain("[M1] ผลรายเดือน!C10: รหัส 9.9.9 ไม่มีในแผนปฏิบัติการ");
    expect((await progressRows(file)).rows).toHaveLength(8);
  });
});

describe("a new row carries over from the item's latest earlier row, as the pane's form does (issue 17)", () => {
  it("--add without --allocation, --budget-type, --unit, --start, --in-ordinance takes them from the month before, and says so", async () => {
    const f = copy();
    const first = await run("progress", f, "--add", "--code", "1.1.2", "--fy", "2567", "--month", "11", "--status", "inProgress", "--pct", "30",
      "--allocation", "48,000", "--budget-type", "agency", "--unit", "คน", "--start", "1/11/2567", "--in-ordinance", "yes", "--disbursed", "1000", "--force");
    expect(first.code).toBe(0);
    const second = await run("progress", f, "--add", "--code", "1.1.2", "--fy", "2567", "--month", "12", "--status", "inProgress", "--pct", "60", "--disbursed", "2000", "--force");
    expect(second.code).toBe(0);
    expect(second.out).toMatch(/ยกมาจากแถวเดือน พ\.ย\.: --in-ordinance yes, --start 1\/11\/2567, --unit คน, --budget-type agency, --allocation 48000/);
    const { rows } = await progressRows(f);
    const [nov, dec] = ["11", "12"].map((m) => rows.find((r) => r.code === "1.1.2" && r.fy === 2567 && String(r.month) === m));
    expect(dec).toMatchObject({ ordinanceAmount: 48000, budgetType: nov?.budgetType, unit: "คน", inOrdinance: true, disbursed: 2000 });
    expect(dec?.startDate?.toISOString()).toBe(nov?.startDate?.toISOString());
    // what is given wins over what would carry over
    const third = await run("progress", f, "--add", "--code", "1.1.2", "--fy", "2567", "--month", "1", "--status", "inProgress", "--allocation", "50000", "--force");
    expect(third.out).not.toMatch(/--allocation 48000/);
    expect((await progressRows(f)).rows.find((r) => r.code === "1.1.2" && String(r.month) === "1")?.ordinanceAmount).toBe(50000);
  });
});

describe("sujarit progress --edit and --remove (issue 16)", () => {
  it("--edit rewrites the item's saved row for the month in place: the options given, the rest as saved", async () => {
    const file = copy();
    const before = (await progressRows(file)).rows.find((p) => p.code === "1.1.3" && p.month === 11);
    const r = await run("progress", file, "--edit", "--code", "1.1.3", "--fy", "2567", "--month", "พ.ย.", "--disbursed", "3000", "--problems", "ฝนตกหนัก");
    expect(r).toMatchObject({ code: 0, err: "" });
    expect(r.out).toContain(`แก้ไขแถวแล้ว: ${file} — ผลรายเดือน แถว ${before?.at?.row} (1.1.3 พ.ย. 2566)`);
    expect(r.out).toContain("หลังบันทึก: 1.1.3: เบิกจ่ายสะสม 18,800.50 บาท");
    const { read, rows } = await progressRows(file);
    expect(read.findings).toEqual([]);
    expect(rows).toHaveLength(8);
    const after = rows.find((p) => p.code === "1.1.3" && p.month === 11);
    const { disbursed: _d, problems: _p, ...rest } = before as NonNullable<typeof before>;
    expect(after).toMatchObject({ ...rest, disbursed: 3000, problems: "ฝนตกหนัก" });
  });

  it("--edit runs the same checks as --add (the row itself not a duplicate): errors refuse, nothing written", async () => {
    const file = copy();
    const mtime = statSync(file).mtimeMs;
    const r = await run("progress", file, "--edit", "--code", "1.1.3", "--fy", "2567", "--month", "11", "--disbursed", "9000", "--lang", "en");
    expect(r.code).toBe(2);
    expect(r.err).toContain("not saved: the row has errors");
    expect(r.err).toContain("[M4]");
    expect(r.err).not.toContain("already has a row");
    expect(statSync(file).mtimeMs).toBe(mtime);
  });

  it("--remove removes that row, the rows below move up; a month with no row is a usage error", async () => {
    const file = copy();
    const r = await run("progress", file, "--remove", "--code", "1.1.3", "--fy", "2567", "--month", "11");
    expect(r).toMatchObject({ code: 0, err: "" });
    expect(r.out).toContain("ลบแถวแล้ว:");
    const { read, rows } = await progressRows(file);
    expect(read.findings).toEqual([]);
    expect(rows).toHaveLength(7);
    expect(rows.map(({ at: _, ...p }) => p)).toEqual(model.progress.filter((p) => !(p.code === "1.1.3" && p.month === 11)));
    const again = await run("progress", file, "--remove", "--code", "1.1.3", "--fy", "2567", "--month", "11");
    expect(again.code).toBe(2);
    expect(again.err).toContain("ไม่พบผลของรายการนี้ในเดือนนี้");
    const withField = await run("progress", file, "--remove", "--code", "1.1.3", "--fy", "2567", "--month", "12", "--pct", "5");
    expect(withField.code).toBe(2);
    expect((await progressRows(file)).rows).toHaveLength(7);
  });

  it("--add and --edit together are a usage error; the --add advice now points at --edit", async () => {
    const file = copy();
    const both = await run("progress", file, "--add", "--edit", "--code", "1.1.3", "--month", "11");
    expect(both.code).toBe(2);
    const exists = await run("progress", file, "--add", "--code", "1.1.3", "--fy", "2567", "--month", "12", "--status", "done");
    expect(exists.err).toContain("--edit");
    expect(exists.err).not.toContain("แผ่นงานโดยตรง");
    const help = await run("progress", "--help");
    expect(help.out).toContain("--edit --code");
    expect(help.out).toContain("--remove --code");
  });
});
