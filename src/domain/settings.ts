/** The settings a new or partly filled workbook starts from: one definition for the template and the reader. */
import type { FrameworkId } from "./frameworks/types";
import type { Settings } from "./plan";
import { type FiscalYear, planYears } from "./units";

/** The plan's fiscal years from its settings. */
export function yearsOfPlan(s: Pick<Settings, "firstYear" | "years">): FiscalYear[] {
  return planYears(s.firstYear, s.years);
}

export function defaultSettings(firstYear: FiscalYear, years: 4 | 5, framework: FrameworkId): Settings {
  return {
    orgName: "", orgType: undefined, district: "", province: "", division: "", firstYear, years, framework,
    reportFy: undefined, round: undefined, documentNo: "", reportDate: undefined, reporter: "", reporterPosition: "",
    commenter1: "", commenter1Position: "", commenter2: "", commenter2Position: "", phone: "", fax: "", website: "",
    digits: "thai", budgetColumnLabel: "integrated", riskMatrix: "5x5",
  };
}
