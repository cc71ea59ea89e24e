/**
 * Issue 13: the user chooses which appendices the report holds. The official report has none of Sujarit's
 * (seed 001 L516: "ภาคผนวก" only); what is left out is neither generated nor listed, and the contents letter
 * the rest ก, ข, … in order.
 */
import { fiscalYear } from "../../src/domain/units";
import { reportContext } from "../../src/workbook/reports/context";
import { contentsLines } from "../../src/workbook/reports/contents";
import { OPTIONAL_APPENDICES, reportSheetKeys, reportSheets, REPORT_SHEETS } from "../../src/workbook/reports/index";
import { loadSeed000, sampleModel } from "../../tools/build-sample";
import { REPORT_NOW } from "../support/reports";

const ctx = reportContext(sampleModel(loadSeed000()), { fy: fiscalYear(2567), round: 6 }, { now: REPORT_NOW });
const annexes = (leaveOut: readonly (typeof OPTIONAL_APPENDICES)[number][]) => {
  const sheets = reportSheets(ctx, { leaveOut }).filter((s) => s.name !== REPORT_SHEETS.contents);
  return contentsLines(ctx, sheets, 1).filter((l) => l.text.startsWith("ภาคผนวก")).map((l) => `${l.text.slice(0, 9)} ${l.sheet}`);
};

describe("appendices the user leaves out", () => {
  it("holds every appendix unless told otherwise, lettered in order", () => {
    expect(annexes([])).toEqual([
      `ภาคผนวก ก ${REPORT_SHEETS.risk}`, `ภาคผนวก ข ${REPORT_SHEETS.annualList}`, `ภาคผนวก ค ${REPORT_SHEETS.eplan}`, `ภาคผนวก ง ${REPORT_SHEETS.dashboard}`,
    ]);
  });

  it("leaves out what is named: not generated, not in the contents, the rest lettered again", () => {
    const keys = reportSheetKeys(ctx, { leaveOut: ["risk", "dashboard"] });
    expect(keys).not.toContain("risk");
    expect(keys).not.toContain("dashboard");
    expect(keys).toEqual(expect.arrayContaining(["memo", "part1", "part2", "part3", "annualList", "eplan"]));
    expect(annexes(["risk", "dashboard"])).toEqual([`ภาคผนวก ก ${REPORT_SHEETS.annualList}`, `ภาคผนวก ข ${REPORT_SHEETS.eplan}`]);
  });

  it("makes the official document alone when every appendix is left out", () => {
    const names = reportSheets(ctx, { leaveOut: OPTIONAL_APPENDICES }).map((s) => s.name);
    expect(names).toEqual([REPORT_SHEETS.memo, REPORT_SHEETS.title, REPORT_SHEETS.foreword, REPORT_SHEETS.contents, REPORT_SHEETS.part1, REPORT_SHEETS.part2, REPORT_SHEETS.part3]);
    expect(annexes(OPTIONAL_APPENDICES)).toEqual([]);
  });
});
