/**
 * The report as a workbook of its own (issue 13, "only the document"): what references the plan keeps its
 * value, what references only report sheets stays a formula.
 */
import type { SheetSpec } from "../../src/workbook/grid";
import { REPORT_ONLY_NOTE, reportOnlySheets, sheetsNamedIn } from "../../src/workbook/reports/report-only";
import { GENERATED_NOTE } from "../../src/workbook/reports/style";

const sheet = (name: string, rows: SheetSpec["rows"], visibility: SheetSpec["visibility"] = "visible"): SheetSpec => ({
  name, visibility, rows, columns: [], formattedRows: 0, freeze: { rows: 0, columns: 0 }, rowStyles: [], validations: [], cellFormats: [],
});

describe("sheetsNamedIn", () => {
  it("reads quoted and bare sheet names, not text inside strings", () => {
    expect(sheetsNamedIn("SUM('ส่วนที่1 แผน'!C5:C9)+แผน!D2")).toEqual(["ส่วนที่1 แผน", "แผน"]);
    expect(sheetsNamedIn("'it''s'!A1")).toEqual(["it's"]);
    expect(sheetsNamedIn('HYPERLINK("#\'ส่วนที่1 แผน\'!A1","ส่วนที่ ๑")')).toEqual([]);
    expect(sheetsNamedIn("SUM(D5:D9)")).toEqual([]);
    expect(sheetsNamedIn("COUNTIFS(ผลรายเดือน!$C:$C,\"done\",Settings!B2,1)")).toEqual(["ผลรายเดือน", "Settings"]);
  });
});

describe("reportOnlySheets", () => {
  it("keeps formulas over report sheets, freezes those over the plan to their result, drops hidden sheets", () => {
    const out = reportOnlySheets([
      sheet("ส่วนที่3 บทสรุป", [[{ formula: "COUNTIFS('ผลรายเดือน'!C:C,\"done\")", result: 3 }, { formula: "'ส่วนที่2 ผลการดำเนินงาน'!D9", result: 7 }, "ข้อความ", null]]),
      sheet("ส่วนที่2 ผลการดำเนินงาน", [[{ formula: "SUM(D5:D8)", result: 7 }]]),
      sheet("บัตรโครงการ", [], "hidden"),
    ]);
    expect(out.map((s) => s.name)).toEqual(["ส่วนที่3 บทสรุป", "ส่วนที่2 ผลการดำเนินงาน"]);
    expect(out[0]?.rows[0]).toEqual([3, { formula: "'ส่วนที่2 ผลการดำเนินงาน'!D9", result: 7 }, "ข้อความ", null]);
    expect(out[1]?.rows[0]).toEqual([{ formula: "SUM(D5:D8)", result: 7 }]);
  });

  it("says on screen that the data are in the plan's file, not in a sheet of this one", () => {
    const [only] = reportOnlySheets([sheet("ปก", [[GENERATED_NOTE], ["รายงาน"]])]);
    expect(only?.rows).toEqual([[REPORT_ONLY_NOTE], ["รายงาน"]]);
  });

  it("refuses a formula over the plan that has no result to keep, naming the cell", () => {
    expect(() => reportOnlySheets([sheet("ส่วนที่1 แผน", [[null, { formula: "แผน!A1" }]])])).toThrow(/ส่วนที่1 แผน!R1C2: แผน!A1/);
  });
});
