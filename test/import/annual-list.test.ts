/**
 * The e-PlanNACC annual list (seed 003's appendix for 2569, test/fixtures/legacy) read on its own and
 * checked against seed 003's plan table: exactly the findings expected.json records, at their cells.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { compareAnnualList, nameKey, nameSimilarity, planFromGrids } from "../../src/app/annual-list";
import { importPlanTable } from "../../src/app/import";
import { XlsxWorkbook } from "../../src/hosts/xlsx/xlsx-workbook";
import { readAnnualList, readAnnualLists } from "../../src/workbook/annual-list";
import type { CellInput, CellValue, WorkbookGrids } from "../../src/workbook/grid";
import { describeWorkbook } from "../../src/workbook/write";
import { run } from "../support/cli";

interface ExpectedList {
  sheet: string;
  fiscalYear: number;
  rows: number;
  budget: { sum: number; stated: number; plan: number };
  quarterTicks: number[];
  statedQuarterCounts: number[];
  totalCells: { budget: string; quarters: string[] };
  rulesCovered: string[];
  findings: { rule: string; cell: string; found: number | string; expected: number | string; aspect: string; planCell?: string }[];
  planItemOfRow: Record<string, string>;
}

interface ListRowJson {
  seq: number;
  name: string;
  dimension: number;
  budget: number;
  quarters: boolean[];
  plan: { code: string; line: number };
}

const dir = join(__dirname, "..", "fixtures", "legacy");
const LIST = "seed-003-annual-list-2569.xlsx";
const PLAN = "seed-003-plan-table.xlsx";
const e = (JSON.parse(readFileSync(join(dir, "expected.json"), "utf8")).fixtures as Record<string, ExpectedList>)[LIST] as ExpectedList;
const transcription = JSON.parse(readFileSync(join(__dirname, "..", "fixtures", "seed-003", "annual-list-2569.json"), "utf8")) as {
  rows: ListRowJson[];
  footer: { text: string }[];
  legend: { text: string }[];
  nameDifferences: { seq: number }[];
};
const grids = async (file: string) => (await XlsxWorkbook.open(readFileSync(join(dir, file)))).readGrids();
const nonEmptyRows = (rows: readonly (readonly CellValue[])[]) =>
  rows.map((r, i) => ({ r, i })).filter(({ r }) => r.some((c) => c !== null && !(typeof c === "string" && c.trim() === ""))).map(({ i }) => i + 1);

describe("reading seed 003's 2569 list", () => {
  let listGrids: WorkbookGrids;
  let list: NonNullable<ReturnType<typeof readAnnualList>>;
  beforeAll(async () => {
    listGrids = await grids(LIST);
    const l = readAnnualList(listGrids);
    if (!l) throw new Error("no list read");
    list = l;
  });

  it("finds the sheet, the year and the organization from the title", () => {
    expect(list.sheet).toBe(e.sheet);
    expect(list.fiscalYear).toBe(e.fiscalYear);
    expect(list.orgName).toBe("เทศบาลนครนครศรีธรรมราช");
    expect(list.titleCell).toBe("A1");
    expect(list.findings).toEqual([]);
  });

  it("reads every row as transcribed: number, name, dimension, budget and ticks", () => {
    expect(list.rows).toHaveLength(e.rows);
    expect(list.rows.map((r) => ({ seq: r.seq, name: r.name, dimension: r.dimension, budget: r.budget, quarters: [1, 2, 3, 4].map((q) => r.ticked.includes(q as 1)) })))
      .toEqual(transcription.rows.map((r) => ({ seq: r.seq, name: r.name, dimension: r.dimension, budget: r.budget, quarters: r.quarters })));
    expect(list.rows.reduce((s, r) => s + r.budget, 0)).toBe(e.budget.sum);
    expect([1, 2, 3, 4].map((q) => list.rows.filter((r) => r.ticked.includes(q as 1)).length)).toEqual(e.quarterTicks);
  });

  it("reads the total row with its cells, the footer and the legend", () => {
    expect(list.total?.budget).toEqual({ value: e.budget.stated, cell: e.totalCells.budget });
    expect(list.total?.quarters).toEqual(e.statedQuarterCounts.map((value, i) => ({ value, cell: e.totalCells.quarters[i] })));
    expect(list.dataDate).toBe("15 พฤศจิกายน 2565");
    expect(list.reporter).toBe("นางชนากานต์ ทศนวิสุทธิ");
    expect(list.legend.map((l) => `มิติ ${l.dimension} ${l.name}`)).toEqual(transcription.legend.slice(1).map((l) => l.text));
  });

  it("accounts for every non-empty row of the sheet, four pages of titles and headers included", () => {
    const sheet = listGrids.sheets.find((s) => s.name === e.sheet);
    expect(list.accounts.map((a) => a.row)).toEqual(nonEmptyRows(sheet?.rows ?? []));
    const count = (d: string) => list.accounts.filter((a) => a.disposition === d).length;
    expect({ title: count("title"), header: count("header"), item: count("item"), total: count("total"), footer: count("footer"), legend: count("legend"), unplaced: count("unplaced") })
      .toEqual({ title: 4, header: 8, item: 47, total: 1, footer: 2, legend: 5, unplaced: 0 });
  });
});

describe("checking seed 003's 2569 list against its plan table", () => {
  let result: ReturnType<typeof compareAnnualList>;
  beforeAll(async () => {
    const list = readAnnualList(await grids(LIST));
    if (!list) throw new Error("no list read");
    result = compareAnnualList(list, planFromGrids(await grids(PLAN)));
  });

  it("reads the plan as a plan table (no template sheets)", () => {
    expect(result.plan.source).toBe("planTable");
    expect(result.plan.years).toEqual([2566, 2567, 2568, 2569, 2570]);
    expect(result.comparedWithPlan).toBe(true);
  });

  it("reports exactly the documented findings, at their cells", () => {
    const covered = new Set(e.rulesCovered);
    expect(result.findings.filter((f) => covered.has(f.rule)).map((f) => `${f.rule} ${f.location.sheet}!${f.location.cell}`).sort())
      .toEqual(e.findings.map((f) => `${f.rule} ${e.sheet}!${f.cell}`).sort());
    expect(result.findings.map((f) => f.rule).filter((r) => !covered.has(r))).toEqual([]);
  });

  it("each finding says what it found, what was expected and where the plan has it", () => {
    const byCell = new Map(result.findings.map((f) => [f.location.cell, f]));
    for (const x of e.findings) {
      const f = byCell.get(x.cell);
      expect(f).toBeDefined();
      const show = (v: number | string) => (typeof v === "number" ? v.toLocaleString("en-US") : v);
      expect(f?.found).toBe(show(x.found));
      expect(f?.expected?.th).toContain(show(x.expected));
      if (x.planCell) expect(f?.message.en).toContain(`Sheet1!${x.planCell}`);
      expect(f?.severity).toBe(x.aspect === "budget" || x.aspect === "total" ? "error" : "warning");
      expect(f?.message.th).not.toBe("");
    }
  });

  it("matches every row to the plan item the transcription names, by name, fuzzily where the names drift", async () => {
    const plan = importPlanTable(await grids(PLAN));
    // the transcription's code is mission + printed number: "2.2(13)" is the item printed "13)" under mission 2.2
    const printed = new Map(plan.model.items.map((it) => [it.at?.row, it]));
    const sheet = (await grids(PLAN)).sheets[0];
    const codeOf = (row: number) => {
      const it = printed.get(row);
      const num = /^(\d+)\)/.exec(String(sheet?.rows[row - 1]?.[2] ?? ""))?.[1];
      return `${it?.mission}(${num})`;
    };
    expect(result.unmatched).toEqual([]);
    expect(result.missing).toEqual([]);
    const got = Object.fromEntries(result.matches.map((m) => [String(m.row.seq), codeOf(m.item.at?.row ?? 0)]));
    expect(got).toEqual(e.planItemOfRow);
    expect(result.matches.filter((m) => m.how !== "name").map((m) => m.row.seq).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(transcription.nameDifferences.map((d) => d.seq));
  });

  it("sums the list, the plan and the ticks per dimension", () => {
    expect(result.sums).toMatchObject({ listBudget: 750100, statedBudget: 750100, planBudget: 750000, ticks: [46, 47, 46, 47], statedTicks: [46, 47, 46, 46] });
    expect(result.byDimension.map((d) => [d.dimension, d.listRows, d.planItems, d.listBudget, d.planBudget])).toEqual([
      [1, 13, 13, 460000, 460000], [2, 23, 23, 110100, 110000], [3, 5, 5, 150000, 150000], [4, 6, 6, 30000, 30000],
    ]);
  });

  it("is the same against the plan as a Sujarit workbook (the imported table written as the template)", async () => {
    const plan = importPlanTable(await grids(PLAN), { district: "เมือง", province: "นครศรีธรรมราช" });
    const book = XlsxWorkbook.empty();
    await book.writeSheets(describeWorkbook(plan.model, { createdAt: new Date(0) }), "refuse");
    const template = planFromGrids(await (await XlsxWorkbook.open(await book.toBytes())).readGrids());
    expect(template.source).toBe("template");
    const list = readAnnualList(await grids(LIST));
    const r = compareAnnualList(list as NonNullable<typeof list>, template);
    expect(r.findings.map((f) => `${f.rule} ${f.location.cell}`).sort()).toEqual(e.findings.map((f) => `${f.rule} ${f.cell}`).sort());
    expect(r.findings.find((f) => f.location.cell === "D11")?.message.th).toContain("แผนปฏิบัติการ!");
  });
});

describe("what the comparison reports beyond the seed", () => {
  const header: CellValue[][] = [
    ["แผนปฏิบัติการป้องกันการทุจริต พ.ศ. ๒๕๖๗ ของ องค์การบริหารส่วนตำบลตัวอย่าง"],
    ["ลำดับ", "รายการโครงการ (ตั้งต้น)", "มิติ", "งบประมาณ (บาท)", "ดำเนินการไตรมาส", null, null, null, "หมายเหตุ"],
    [null, null, null, null, "๑", "๒", "๓", "๔", null],
  ];
  const plan = async () => {
    const table: CellValue[][] = [
      ["แผนปฏิบัติการป้องกันการทุจริต (พ.ศ. 2566 - 2570) ขององค์การบริหารส่วนตำบลตัวอย่าง"],
      ["มิติ", "ภารกิจตามมิติ", "โครงการ/กิจกรรม/มาตรการ", "ปี 2566", "ปี 2567", "ปี 2568", "ปี 2569", "ปี 2570", "หมายเหตุ"],
      ["1. การสร้างวัฒนธรรมสุจริต", "1.1 การเสริมสร้างจิตสำนึก", "1) โครงการอบรมคุณธรรมจริยธรรมพนักงานส่วนตำบล", 20000, 20000, 20000, 20000, 20000],
      [null, null, "2) มาตรการ “ประกาศเจตจำนงสุจริตของผู้บริหาร”", "-", "-", "-", "-", "-"],
      ["2. การบริหารราชการด้วยความโปร่งใส", "2.1 การเปิดเผยข้อมูล", "1) กิจกรรมเผยแพร่ข้อมูลข่าวสารทางเว็บไซต์", "-", "-", "-", "-", "-"],
      [null, null, "2) โครงการจัดทำคู่มือการปฏิบัติงาน", 5000, 5000, 5000, 5000, 5000],
    ];
    return planFromGrids({ sheets: [{ name: "แผน", visibility: "visible", rows: table, merges: [] }], names: [] });
  };
  const listOf = (rows: CellValue[][]): WorkbookGrids => ({ sheets: [{ name: "บัญชี", visibility: "visible", rows: [...header, ...rows], merges: [] }], names: [] });

  it("Thai digits, text amounts, a dimension that differs, a row not in the plan, a plan item not listed, a duplicate", async () => {
    const grid = listOf([
      ["๑", "โครงการอบรมคุณธรรม จริยธรรมพนักงานส่วนตำบล", "๑", "๒๐,๐๐๐.๐๐", "✔", "✔", "✔", "✔"],
      ["๒", "มาตรการ \"ประกาศเจตจำนงสุจริตของผู้บริหาร\"", "๒", "-", "✔", null, null, null],
      ["๓", "โครงการจัดทำคู่มือการปฏิบัติงาน", "๒", "5,000.00", "☑", "☑", "☑", "☑"],
      ["๔", "โครงการปลูกป่าชุมชน", "๓", "๑,๐๐๐", null, "✓", null, null],
      ["๕", "โครงการจัดทำคู่มือการปฏิบัติงาน", "๒", "0.00", null, null, null, null],
      ["รวมทั้งสิ้น", null, null, "26,000.00", "๔", "๓", "๒", "๒"],
    ]);
    const list = readAnnualList(grid);
    expect(list?.fiscalYear).toBe(2567);
    const r = compareAnnualList(list as NonNullable<typeof list>, await plan());
    const got = r.findings.map((f) => `${f.rule} ${f.location.cell ?? `row ${f.location.row}`} ${f.severity}`);
    expect(got).toEqual([
      "B11 C5 warning", // มาตรการ …เจตจำนง… is dimension 1 in the plan
      "B11 B7 warning", // โครงการปลูกป่าชุมชน is not in the plan
      "B11 B8 warning", // listed twice
      "B11 A9 warning", // กิจกรรมเผยแพร่ข้อมูลข่าวสารทางเว็บไซต์ is not in the list
      "B11 D9 error", // the list totals 26,000 against the plan's 25,000
      "B6 E9 warning", // quarter 1: 4 stated, 3 ticked
    ]);
    expect(r.matches.find((m) => m.row.seq === 2)?.how).toBe("otherDimension");
    expect(r.findings.find((f) => f.location.cell === "A9" && f.rule === "B11")?.expected?.th).toContain("กิจกรรมเผยแพร่ข้อมูลข่าวสารทางเว็บไซต์");
  });

  it("a list of a year outside the plan is one error; the list's own sums are still checked", async () => {
    const grid = listOf([["1", "โครงการอบรมคุณธรรมจริยธรรมพนักงานส่วนตำบล", 1, 20000, "✓", "✓", "✓", "✓"], ["รวมทั้งสิ้น", null, null, 20001, 1, 1, 1, 1]]);
    const rows = grid.sheets[0]?.rows as CellValue[][];
    rows[0] = ["แผนปฏิบัติการป้องกันการทุจริต พ.ศ. 2575 ของ องค์การบริหารส่วนตำบลตัวอย่าง"];
    const r = compareAnnualList(readAnnualList(grid) as NonNullable<ReturnType<typeof readAnnualList>>, await plan());
    expect(r.comparedWithPlan).toBe(false);
    expect(r.findings.map((f) => `${f.rule} ${f.location.cell}`)).toEqual(["B11 A1", "B6 D5"]);
  });

  it("a list of another organization is a warning; an abbreviated or misspelled own name is not", async () => {
    const p = await plan();
    const titled = (title: string) => {
      const g = listOf([["1", "โครงการอบรมคุณธรรมจริยธรรมพนักงานส่วนตำบล", 1, 20000, "✓", "✓", "✓", "✓"]]);
      (g.sheets[0]?.rows as CellValue[][])[0] = [title];
      return compareAnnualList(readAnnualList(g) as NonNullable<ReturnType<typeof readAnnualList>>, p).findings.filter((f) => f.location.cell === "A1");
    };
    expect(titled("แผนปฏิบัติการป้องกันการทุจริต พ.ศ. 2567 ของ อบต.ตัวอย่าง")).toEqual([]);
    expect(titled("แผนปฏิบัติการป้องกันการทุจริต พ.ศ. 2567 ของ องค์การบริหารส่วนตำบลตัวอย่างง")).toEqual([]);
    expect(titled("แผนปฏิบัติการป้องกันการทุจริต พ.ศ. 2567 ของ เทศบาลนครนครราชสีมา").map((f) => `${f.rule} ${f.severity} ${f.found}`)).toEqual(["B11 warning เทศบาลนครนครราชสีมา"]);
  });

  it("unreadable amounts, ticks and dimensions are findings, and a workbook without a list has none", () => {
    const list = readAnnualList(listOf([["1", "โครงการ ก", "ห้า", "หนึ่งพัน", "☑", "?", "☑", "☑"]]));
    expect(list?.findings.map((f) => `${f.rule} ${f.location.cell}`)).toEqual(["P2 C4", "B1 D4", "X1 F4"]);
    expect(list?.rows[0]?.ticked).toEqual([1, 3, 4]);
    expect(readAnnualLists({ sheets: [{ name: "Sheet1", visibility: "visible", rows: [["มิติ", "โครงการ/กิจกรรม/มาตรการ", "ปี 2566"]], merges: [] }], names: [] })).toEqual([]);
  });

  it("quarters headed ไตรมาส 1 … ไตรมาส 4 in one row are read too", () => {
    const grid: WorkbookGrids = {
      sheets: [{
        name: "list", visibility: "visible", merges: [],
        rows: [
          ["แผนปฏิบัติการป้องกันการทุจริต พ.ศ. 2568 ของ เทศบาลตำบลตัวอย่าง"],
          ["ลำดับ", "รายการโครงการ", "มิติ", "งบประมาณ", "ไตรมาส 1", "ไตรมาส 2", "ไตรมาส 3", "ไตรมาส 4"],
          [1, "กิจกรรม ก", 2, 0, null, "✓", "✓", null],
        ],
      }],
      names: [],
    };
    const list = readAnnualList(grid);
    expect(list?.columns.quarters).toEqual([4, 5, 6, 7]);
    expect(list?.rows[0]?.ticked).toEqual([2, 3]);
    expect(list?.accounts.map((a) => a.disposition)).toEqual(["title", "header", "item"]);
  });

  it("names match whatever the spaces, quotes, numbering and digits", () => {
    const s = (a: string, b: string) => nameSimilarity(nameKey(a), nameKey(b));
    expect(s("1) มาตรการ “ส่งเสริม ๑๒๓”", "มาตรการ \"ส่งเสริม 123\"")).toBe(1);
    expect(s("กิจกรรม “การจัดทำข้อตกลง”", "มาตรการ “การจัดทำข้อตกลง”")).toBe(1);
    expect(s("โครงการประชุมสภาสัญจร", "โครงการประชุมสภาผู้แทนราษฎร")).toBeGreaterThanOrEqual(0.6);
    expect(s("โครงการประชุมสภาสัญจร", "กิจกรรมบูรณาการทุกภาคส่วนเพื่อต่อต้านการทุจริต")).toBeLessThan(0.4);
  });

  it("random rows under a real list header never crash the reader and every non-empty row is accounted for", async () => {
    const p = await plan();
    const cell: fc.Arbitrary<CellValue> = fc.oneof(
      fc.constant(null), fc.string({ maxLength: 12 }), fc.integer({ min: -5, max: 200000 }), fc.double({ noNaN: false }), fc.boolean(),
      fc.constantFrom("☑", "✓", "✔", "-", "รวม", "รวมทั้งสิ้น", "๑๒,๕๐๐.๐๐", "มิติ ๒", "คำอธิบาย", "มิติ 1 การสร้างวัฒนธรรมสุจริต", "** ข้อมูล ณ วันที่ 1 ตุลาคม 2568",
        "ชื่อ - สกุล ผู้ออกรายงาน นาย ก", "แผนปฏิบัติการป้องกันการทุจริต พ.ศ. 2568 ของ อบต.ก", "ลำดับ", "ดำเนินการไตรมาส", "โครงการ ก", "กิจกรรม “ข”", { error: "#REF!" }),
    );
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 0, maxLength: 10 }), { maxLength: 30 }), (rows) => {
        const g = listOf(rows);
        const list = readAnnualList(g);
        expect(list).toBeDefined();
        const l = list as NonNullable<typeof list>;
        expect(l.accounts.map((a) => a.row)).toEqual(nonEmptyRows(g.sheets[0]?.rows ?? []));
        for (const f of l.findings) expect(f.location.sheet).toBe("บัญชี");
        const r = compareAnnualList(l, p);
        for (const f of r.findings) expect(f.location.sheet).toBe("บัญชี");
      }),
      { numRuns: 300 },
    );
  });
});

describe("sujarit annual-list", () => {
  const list = join(dir, LIST);
  const planTable = join(dir, PLAN);

  it("prints the comparison and the four findings with their cells; exit 1", async () => {
    const r = await run("annual-list", list, "--plan", planTable);
    expect(r.err).toBe("");
    expect(r.code).toBe(1);
    expect(r.out).toContain("แผน 2569");
    expect(r.out).toMatch(/รวม\s+47\s+47\s+750,100\s+750,000/);
    for (const f of e.findings) expect(r.out).toContain(`[${f.rule}] ${e.sheet}!${f.cell}:`);
    expect(r.out).toContain("ข้อควรตรวจสอบ: 4");
  });

  it("speaks English and writes JSON", async () => {
    const en = await run("annual-list", list, "--plan", planTable, "--lang", "en");
    expect(en.out).toContain("Findings: 4");
    expect(en.out).toContain("The 2569 list's budget total differs from the plan's 2569 total at Sheet1!G75 (+100 baht)");
    const j = await run("annual-list", list, "--plan", planTable, "--json");
    expect(j.code).toBe(1);
    const parsed = JSON.parse(j.out);
    expect(parsed.planSource).toBe("planTable");
    expect(parsed.lists).toHaveLength(1);
    expect(parsed.lists[0].matches).toHaveLength(47);
    expect(parsed.lists[0].findings.map((f: { rule: string; location: { cell: string } }) => `${f.rule} ${f.location.cell}`).sort())
      .toEqual(e.findings.map((f) => `${f.rule} ${f.cell}`).sort());
    expect(parsed.lists[0].accounts).toHaveLength(67);
  });

  it("exit 0 when the list agrees with the plan, 2 when a file holds no list or no plan, usage errors are 2", async () => {
    const tmp = mkdtempSync(join(tmpdir(), "sujarit-list-"));
    // the list corrected: row 7 carries nothing, the total is the plan's, quarter 4 counts 47
    const g = await grids(LIST);
    const rows = g.sheets[0]?.rows.map((r) => [...r]) as CellValue[][];
    (rows[10] as CellValue[])[3] = 0;
    (rows[66] as CellValue[])[3] = 750000;
    (rows[66] as CellValue[])[7] = 47;
    (rows[49] as CellValue[])[1] = "มาตรการ “การจัดทำข้อตกลงการปฏิบัติราชการของเทศบาลนครนครศรีธรรมราช”";
    const fixed = XlsxWorkbook.empty();
    await fixed.writeSheets({
      sheets: [{ name: "แผน 2569", visibility: "visible", rows: rows as CellInput[][], columns: [], formattedRows: 0, freeze: { rows: 0, columns: 0 }, rowStyles: [], validations: [], cellFormats: [] }],
      names: [],
    }, "refuse");
    const fixedFile = join(tmp, "fixed.xlsx");
    writeFileSync(fixedFile, await fixed.toBytes());
    const ok = await run("annual-list", fixedFile, "--plan", planTable);
    expect(ok.out).toContain("ข้อควรตรวจสอบ: ไม่มี");
    expect(ok.code).toBe(0);

    const noList = await run("annual-list", planTable, "--plan", planTable);
    expect(noList.code).toBe(2);
    expect(noList.err).toContain("ไม่พบบัญชีรายการ");
    const noPlan = await run("annual-list", list, "--plan", list);
    expect(noPlan.code).toBe(2);
    expect(noPlan.err).toContain("ไม่พบตารางแผน");
    expect((await run("annual-list", list)).code).toBe(2);
    const missing = await run("annual-list", join(tmp, "nope.xlsx"), "--plan", planTable);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain("no such file");
    expect((await run("help")).out).toContain("sujarit annual-list <list.xlsx> --plan <plan.xlsx>");
  });
});
