/** Formulas after a row is deleted, as Excel rewrites them (issue 16: the .xlsx host and the Excel fake). */
import { shiftFormulaRows } from "../../src/workbook/shift-rows";

const shift = (f: string, removed = 5, home = "ทะเบียน") => shiftFormulaRows(f, "ทะเบียน", home, removed);

describe("shiftFormulaRows", () => {
  it("moves references below the row up, keeps those above, makes one to the row #REF!", () => {
    expect(shift("=F6*G6")).toBe("=F5*G5");
    expect(shift("=F4*$G$9")).toBe("=F4*$G$8");
    expect(shift("=F5+1")).toBe("=#REF!+1");
  });

  it("shrinks a range that held the row and moves one below it", () => {
    expect(shift("SUM(B2:B9)")).toBe("SUM(B2:B8)");
    expect(shift("SUM(B5:B9)")).toBe("SUM(B5:B8)");
    expect(shift("SUM(B6:B9)")).toBe("SUM(B5:B8)");
    expect(shift("SUM(B5:B5)")).toBe("SUM(#REF!)");
  });

  it("follows the sheet's name, quoted or not, and leaves other sheets, names, functions and text alone", () => {
    expect(shift("='ทะเบียน'!A7", 5, "other")).toBe("='ทะเบียน'!A6");
    expect(shift("=A7+'อื่น'!A7", 5, "other")).toBe("=A7+'อื่น'!A7");
    expect(shift('=IF(A7="B9",LOG10(A7),SUJARIT_RISK_L)')).toBe('=IF(A6="B9",LOG10(A6),SUJARIT_RISK_L)');
    expect(shift("=MATCH(F9,SUJARIT_RISK_L,0)")).toBe("=MATCH(F8,SUJARIT_RISK_L,0)");
  });
});
