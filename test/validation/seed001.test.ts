/**
 * Seed 001's real errors (DOMAIN.md), found by the checks of a template workbook holding its plan and
 * its FY2564 report, each at the right cell: the duplicate code, the over-disbursement, the result
 * dated outside the fiscal year, the 15 plan items the report silently dropped, and the text copied
 * from other organizations.
 */
import { checkRead, type Validation } from "../../src/app/validate";
import { XlsxWorkbook } from "../../src/hosts/xlsx/xlsx-workbook";
import { readPlanWorkbook } from "../../src/workbook/read";
import { describeWorkbook } from "../../src/workbook/write";
import { seed001Plan, seed001Report, seed001Workbook } from "../support/seed001";

let v: Validation;
const model = seed001Workbook();
const planRow = (code: string, nth = 0) => 2 + model.items.map((it, i) => ({ it, i })).filter(({ it }) => it.code === code)[nth]!.i;
const progressRow = (line: number) => 2 + seed001Report.rows.findIndex((r) => r.line === line);
const of = (rule: string) => v.findings.filter((f) => f.rule === rule);

beforeAll(async () => {
  const book = XlsxWorkbook.empty();
  await book.writeSheets(describeWorkbook(model, { createdAt: new Date(0) }), "refuse");
  v = checkRead(readPlanWorkbook(await (await XlsxWorkbook.open(await book.toBytes())).readGrids()));
});

it("P7: code ๒.๕.๒ (๑) is used twice", () => {
  expect(of("P7").map((f) => `${f.location.sheet}!${f.location.cell}`)).toEqual([`แผนปฏิบัติการ!A${planRow("2.5.2(1)", 1)}`]);
});

it("M4: 13,532 disbursed against an allocation of 13,500 (L355)", () => {
  const f = of("M4");
  expect(f.map((x) => `${x.location.sheet}!${x.location.cell}`)).toEqual([`ผลรายเดือน!Q${progressRow(355)}`]);
  expect(f[0]?.found).toBe("13,532");
  expect(f[0]?.expected?.th).toBe("ไม่เกิน 13,500");
});

it("M3: the result dated 27 July 2562 in the FY2564 report (L384)", () => {
  expect(of("M3").map((x) => x.location.cell)).toEqual([`I${progressRow(384)}`, `J${progressRow(384)}`]);
  expect(of("M3")[0]?.message.th).toContain("27 กรกฎาคม 2562");
});

it("M10: the 15 plan items the report never mentions", () => {
  const expected = seed001Report.notReported.map((n) => `A${2 + seed001Plan.items.findIndex((i) => i.seq === n.planSeq)}`);
  expect(expected).toHaveLength(15);
  expect(of("M10").map((f) => f.location.cell)).toEqual(expected);
});

it("M1: the report row for an item the plan does not have (L443)", () => {
  expect(of("M1").map((f) => [f.location.cell, f.found])).toEqual([[`C${progressRow(443)}`, "4.3.2(2)"]]);
});

it("T1: ตำบลหนองปลับ and องค์การบริหารส่วนตำบลก้อ in a เทศบาลตำบล's texts", () => {
  const t1 = of("T1").map((f) => [f.location.sheet, f.found]);
  expect(t1).toEqual(expect.arrayContaining([["แผนปฏิบัติการ", "ตำบลหนองปลับ"]]));
  expect(t1.map(([, found]) => found)).toEqual(expect.arrayContaining([expect.stringMatching(/^องค์การบริหาร/)]));
});

it("M9 follows from the duplicate code: both 2.5.2(1) items report in September", () => {
  expect(of("M9")).toHaveLength(1);
});

it("lists nothing else at error level", () => {
  const errors = v.findings.filter((f) => f.severity === "error").map((f) => f.rule);
  expect([...new Set(errors)].sort()).toEqual(["M1", "M3", "M4", "M9", "P4", "P5", "P7"].filter((r) => errors.includes(r)).sort());
});
