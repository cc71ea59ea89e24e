/**
 * The เมทริกซ์ความเสี่ยง sheet on both hosts: written from the settings' preset, read back as the model's
 * matrix, edited by users (a grid cell, a threshold, a level name) with the change read back and checked
 * (R8 at the very cell), and the names the register's formulas and dropdowns use.
 */
import ExcelJS from "exceljs";
import type { WorkbookPort } from "../../src/app/port";
import { newPlan } from "../../src/app/template";
import { checkRead } from "../../src/app/validate";
import type { PlanWorkbook } from "../../src/domain/plan";
import { PRESETS, type RiskMatrix } from "../../src/domain/risk/matrix";
import { fiscalYear } from "../../src/domain/units";
import { OfficeWorkbook } from "../../src/hosts/office/office-workbook";
import { XlsxWorkbook } from "../../src/hosts/xlsx/xlsx-workbook";
import { matrixRows } from "../../src/workbook/matrix-sheet";
import { readPlanWorkbook } from "../../src/workbook/read";
import { describeWorkbook } from "../../src/workbook/write";
import { FakeExcel, setsUpTo } from "../support/fake-excel";
import { trips } from "../support/budget";

const SHEET = "เมทริกซ์ความเสี่ยง";
const REGISTER = "ทะเบียนความเสี่ยง";
const createdAt = new Date("2026-11-23T00:00:00Z");

function model(preset: "5x5" | "4x4" | "3x3" | "5x5-lookup" = "5x5"): PlanWorkbook {
  const base = newPlan({ orgName: "อบต.ตัวอย่าง", orgType: "sao", district: "เมือง", province: "ลำพูน", firstYear: fiscalYear(2566), years: 5, framework: "2566-2570" });
  return { ...base, settings: { ...base.settings, riskMatrix: preset }, riskMatrix: PRESETS[preset] };
}

/** A host whose cells can be edited as a user would, then read back. */
interface EditableHost {
  name: string;
  make(m: PlanWorkbook): Promise<{ port: WorkbookPort; edit(sheet: string, cell: string, value: string | number | null): Promise<WorkbookPort> }>;
}

const xlsx: EditableHost = {
  name: "xlsx (exceljs)",
  async make(m) {
    const book = XlsxWorkbook.empty();
    await book.writeSheets(describeWorkbook(m, { createdAt }), "refuse");
    return {
      port: book,
      async edit(sheet, cell, value) {
        (book.book.getWorksheet(sheet) as ExcelJS.Worksheet).getCell(cell).value = value;
        return XlsxWorkbook.open(await book.toBytes());
      },
    };
  },
};

const office: EditableHost = {
  name: "office (Excel.run fake)",
  async make(m) {
    const excel = new FakeExcel();
    const port = new OfficeWorkbook(excel.run, excel.supports);
    await port.writeSheets(describeWorkbook(m, { createdAt }), "refuse");
    return {
      port,
      async edit(sheet, cell, value) {
        excel.setCell(sheet, cell, { value });
        return port;
      },
    };
  },
};

const at = matrixRows(5, 4);
/** The grid cell of likelihood l, impact i on a 5 × 5 sheet (rows run 5 … 1, impact columns from C). */
const gridCell = (l: number, i: number) => `${String.fromCharCode(66 + i)}${at.gridFirst + (5 - l)}`;

describe.each([xlsx, office])("the matrix sheet: $name", (host) => {
  it.each(["5x5", "4x4", "3x3", "5x5-lookup"] as const)("%s: written from the preset, read back as the same matrix, no findings", async (preset) => {
    const { port } = await host.make(model(preset));
    const read = readPlanWorkbook(await port.readGrids());
    // the model has risks and no plan items: that (P11, issue 18) is the one finding, none of the matrix
    expect(read.findings.map((f) => f.rule)).toEqual(["P11"]);
    expect(read.workbook.riskMatrix).toEqual(PRESETS[preset]);
    expect(read.sheets.matrix).toBe(SHEET);
    expect(checkRead(read).findings.filter((f) => /^R/.test(f.rule))).toEqual([]);
  });

  it("names the grid, its likelihood and impact values, the level names and the scale for the formulas and dropdowns", async () => {
    const { port } = await host.make(model("5x5"));
    const names = new Map((await port.readGrids()).names.map((n) => [n.name, `${n.sheet}!${n.range}`]));
    expect(names.get("SUJARIT_RISK_GRID")).toBe(`${SHEET}!$C$${at.gridFirst}:$G$${at.gridFirst + 4}`);
    expect(names.get("SUJARIT_RISK_L")).toBe(`${SHEET}!$B$${at.gridFirst}:$B$${at.gridFirst + 4}`);
    expect(names.get("SUJARIT_RISK_I")).toBe(`${SHEET}!$C$${at.gridHeader}:$G$${at.gridHeader}`);
    expect(names.get("SUJARIT_LIST_RISKLEVEL")).toBe(`${SHEET}!$C$${at.levelFirst}:$C$${at.levelFirst + 3}`);
    expect(names.get("SUJARIT_LIST_SCALE")).toBe(`${SHEET}!$A$${at.scaleFirst}:$A$${at.scaleFirst + 4}`);
  });

  it("a grid cell edited in the workbook is the model's matrix (and the rules score on it)", async () => {
    const { edit } = await host.make({
      ...model("5x5"),
      risks: [{
        id: "R-1", process: "การจัดซื้อจัดจ้าง", category: "budget", event: "ล็อกสเปก", factor: "known", likelihood: 1, impact: 5,
        existingControls: "", controlRating: "fair", residualLikelihood: undefined, residualImpact: undefined, mitigations: [],
        owner: "", statusLight: undefined, reviewedOn: undefined,
      }],
    });
    // likelihood 1 × impact 5 is ปานกลาง by product; the user makes it สูง (and so the whole column 5 must be at least สูง)
    const port = await edit(SHEET, gridCell(1, 5), "สูง");
    const read = readPlanWorkbook(await port.readGrids());
    expect((read.workbook.riskMatrix as RiskMatrix).cells[0]?.[4]).toBe("high");
    const findings = checkRead(read).findings;
    // now a high risk: it needs a plan item (R3); the cell disagrees with the thresholds of ปานกลาง (R8, at the cell)
    expect(findings.filter((f) => f.rule === "R3").map((f) => f.location)).toEqual([{ sheet: REGISTER, cell: "R2" }]);
    expect(findings.filter((f) => f.rule === "R8").map((f) => [f.location.cell, f.found])).toEqual([[gridCell(1, 5), "สูง"]]);
  });

  it("a level the levels table does not have, and thresholds with a gap, are R8 findings at their cells", async () => {
    const { edit } = await host.make(model("5x5"));
    await edit(SHEET, gridCell(3, 3), "กลางๆ");
    const port = await edit(SHEET, `G${at.levelFirst}`, 3); // ต่ำ now ends at 3: score 4 has no level
    const findings = checkRead(readPlanWorkbook(await port.readGrids())).findings.filter((f) => f.rule === "R8");
    expect(findings.map((f) => [f.location.sheet, f.location.cell, f.found])).toEqual([
      [SHEET, `G${at.levelFirst}`, "4"],
      [SHEET, gridCell(3, 3), "กลางๆ"],
    ]);
    expect(findings[1]?.message.th).toContain("ไม่มีในตารางระดับความเสี่ยง");
  });

  it("a renamed level is still the same level (found by its name in the grid after the rename of every cell)", async () => {
    const { edit } = await host.make(model("3x3"));
    const rows = matrixRows(3, 3);
    const port = await edit(SHEET, `C${rows.levelFirst + 2}`, "สูงมาก (แดง)");
    const read = readPlanWorkbook(await port.readGrids());
    // the grid still says สูง: those cells no longer name a level
    const r8 = checkRead(read).findings.filter((f) => f.rule === "R8");
    expect(r8.length).toBe(3);
    expect((read.workbook.riskMatrix as RiskMatrix).levels[2]?.name.th).toBe("สูงมาก (แดง)");
  });

  it("settings that name another size than the sheet's are an R9 warning at the setting", async () => {
    const { edit } = await host.make(model("5x5"));
    const port = await edit("ตั้งค่า", "B25", "3x3");
    const read = readPlanWorkbook(await port.readGrids());
    expect(read.workbook.settings.riskMatrix).toBe("3x3");
    expect(read.workbook.riskMatrix?.size).toBe(5);
    expect(checkRead(read).findings.filter((f) => f.rule === "R9").map((f) => f.location)).toEqual([{ sheet: "ตั้งค่า", cell: "B25" }]);
  });
});

describe("the register's level columns are coloured by level", () => {
  it("exceljs: one conditional fill per level on ระดับความเสี่ยง and ระดับหลังควบคุม, and on the grid", async () => {
    const book = XlsxWorkbook.empty();
    await book.writeSheets(describeWorkbook(model("5x5"), { createdAt }), "refuse");
    const reopened = new ExcelJS.Workbook();
    await reopened.xlsx.load((await book.toBytes()) as unknown as ArrayBuffer);
    type Cf = { ref: string; rules: { formulae: string[]; style: { fill: { bgColor: { argb: string } } } }[] };
    const cfs = (name: string) => ((reopened.getWorksheet(name) as unknown as { conditionalFormattings: Cf[] }).conditionalFormattings)
      .map((cf) => [cf.ref, cf.rules[0]?.formulae[0], cf.rules[0]?.style.fill.bgColor.argb]);
    expect(cfs(REGISTER)).toEqual([
      ["I2:I1001", "I2=INDEX(SUJARIT_LIST_RISKLEVEL,1)", "FF00B050"],
      ["I2:I1001", "I2=INDEX(SUJARIT_LIST_RISKLEVEL,2)", "FFFFFF00"],
      ["I2:I1001", "I2=INDEX(SUJARIT_LIST_RISKLEVEL,3)", "FFFF9400"],
      ["I2:I1001", "I2=INDEX(SUJARIT_LIST_RISKLEVEL,4)", "FFFF0000"],
      ["Q2:Q1001", "Q2=INDEX(SUJARIT_LIST_RISKLEVEL,1)", "FF00B050"],
      ["Q2:Q1001", "Q2=INDEX(SUJARIT_LIST_RISKLEVEL,2)", "FFFFFF00"],
      ["Q2:Q1001", "Q2=INDEX(SUJARIT_LIST_RISKLEVEL,3)", "FFFF9400"],
      ["Q2:Q1001", "Q2=INDEX(SUJARIT_LIST_RISKLEVEL,4)", "FFFF0000"],
    ]);
    expect(cfs(SHEET)).toHaveLength(4);
  });

  it("Excel: the same conditional formats (ExcelApi 1.6); on the manifest's minimum (1.7) too, in two syncs", async () => {
    const excel = new FakeExcel();
    await new OfficeWorkbook(excel.run, excel.supports).writeSheets(describeWorkbook(model("3x3"), { createdAt }), "refuse");
    expect(excel.sheet(REGISTER)?.conditionalFormats.map((cf) => [cf.range, cf.formula, cf.fill])).toEqual([
      ["I2:I1001", "=I2=INDEX(SUJARIT_LIST_RISKLEVEL,1)", "#00B050"],
      ["I2:I1001", "=I2=INDEX(SUJARIT_LIST_RISKLEVEL,2)", "#FFFF00"],
      ["I2:I1001", "=I2=INDEX(SUJARIT_LIST_RISKLEVEL,3)", "#FF9400"],
      ["Q2:Q1001", "=Q2=INDEX(SUJARIT_LIST_RISKLEVEL,1)", "#00B050"],
      ["Q2:Q1001", "=Q2=INDEX(SUJARIT_LIST_RISKLEVEL,2)", "#FFFF00"],
      ["Q2:Q1001", "=Q2=INDEX(SUJARIT_LIST_RISKLEVEL,3)", "#FF9400"],
    ]);
    // the manifest's minimum (ExcelApi 1.7): no runtime.enableEvents, so no sync to switch events back on
    const old = new FakeExcel();
    old.supported = setsUpTo("1.7");
    await new OfficeWorkbook(old.run, old.supports).writeSheets(describeWorkbook(model("3x3"), { createdAt }), "refuse");
    expect(old.syncCount).toBe(trips(old).write);
    expect(old.syncCount).toBe(2);
    expect(old.sheet(REGISTER)?.conditionalFormats.length).toBe(excel.sheet(REGISTER)?.conditionalFormats.length);
    expect(readPlanWorkbook(await new OfficeWorkbook(old.run, old.supports).readGrids()).workbook.riskMatrix).toEqual(PRESETS["3x3"]);
  });
});

it("a workbook without the matrix sheet (template 1.0.0) scores on the preset its settings name, without findings", async () => {
  const book = XlsxWorkbook.empty();
  const spec = describeWorkbook(model("4x4"), { createdAt });
  await book.writeSheets({ sheets: spec.sheets.filter((s) => s.name !== SHEET), names: spec.names.filter((n) => n.sheet !== SHEET) }, "refuse");
  const read = readPlanWorkbook(await book.readGrids());
  expect(read.workbook.riskMatrix).toBeUndefined();
  // no plan items (P11, issue 18) is the one finding
  expect(read.findings.map((f) => f.rule)).toEqual(["P11"]);
  expect(checkRead(read).findings.map((f) => f.rule)).toEqual(["P11"]);
});
