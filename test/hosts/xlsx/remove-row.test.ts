/**
 * Removing a row in the .xlsx host moves what Excel moves (issue 16): exceljs's spliceRows moves the cells
 * only, so the host moves the dropdowns, the conditional formats and the formulas; the Excel fake does what
 * Excel does, and both end the same.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { OfficeWorkbook } from "../../../src/hosts/office/office-workbook";
import { XlsxWorkbook } from "../../../src/hosts/xlsx/xlsx-workbook";
import { readPlanWorkbook } from "../../../src/workbook/read";
import { sampleExcel } from "../../support/taskpane";

const REGISTER = "ทะเบียนความเสี่ยง";
const sample = join(__dirname, "..", "..", "..", "samples", "nasameng-2566-2570.xlsx");

it("the register's dropdowns and level colours shrink by the row removed, as in Excel; the file reads back", async () => {
  const book = await XlsxWorkbook.open(readFileSync(sample));
  const grids = await book.readGrids();
  const register = grids.sheets.find((g) => g.name === REGISTER);
  await book.removeRow(REGISTER, 2, register?.rows[1] ?? []);
  const ws = book.book.getWorksheet(REGISTER) as NonNullable<ReturnType<typeof book.book.getWorksheet>>;
  const validations = Object.keys((ws as unknown as { dataValidations: { model: Record<string, unknown> } }).dataValidations.model);
  expect(validations).toContain("C2");
  expect(validations).toContain("C1000");
  expect(validations).not.toContain("C1001");
  const formats = (ws as unknown as { conditionalFormattings: { ref: string; rules: { formulae?: string[] }[] }[] }).conditionalFormattings;
  expect(new Set(formats.map((f) => f.ref))).toEqual(new Set(["I2:I1000", "Q2:Q1000"]));
  // relative to the range's top-left cell, which is still row 2
  expect(formats[0]?.rules[0]?.formulae?.[0]).toMatch(/^I2=/);

  const again = readPlanWorkbook(await (await XlsxWorkbook.open(await book.toBytes())).readGrids());
  expect(again.workbook.risks.map((r) => r.id)).toEqual(["R-02", "R-03"]);
  expect(again.findings.filter((f) => f.location.sheet === REGISTER)).toEqual([]);
});

it("the Excel fake moves the same dropdowns and colours", async () => {
  const excel = await sampleExcel();
  const port = new OfficeWorkbook(excel.run, excel.supports);
  const register = (await port.readGrids()).sheets.find((g) => g.name === REGISTER);
  const before = excel.sheet(REGISTER)?.validations.map((v) => v.address) ?? [];
  await port.removeRow(REGISTER, 2, register?.rows[1] ?? []);
  const after = excel.sheet(REGISTER)?.validations.map((v) => v.address) ?? [];
  expect(after).toEqual(before.map((a) => a.replace(/1001$/, "1000")));
  for (const cf of excel.sheet(REGISTER)?.conditionalFormats ?? []) expect(cf.range).toMatch(/2:[A-Z]+1000$/);
});
