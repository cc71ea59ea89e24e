/** Use case: a new, empty plan workbook for an organization, with its framework pre-filled. */
import { FRAMEWORKS } from "../domain/frameworks";
import type { FrameworkId } from "../domain/frameworks/types";
import type { OrgType } from "../domain/lists";
import type { PlanWorkbook, Settings } from "../domain/plan";
import type { FiscalYear } from "../domain/units";
import { describeWorkbook } from "../workbook/write";
import type { WorkbookPort } from "./port";

export interface NewPlanRequest {
  readonly orgName: string;
  readonly orgType: OrgType | undefined;
  readonly district: string;
  readonly province: string;
  readonly division?: string;
  readonly firstYear: FiscalYear;
  readonly years: 4 | 5;
  readonly framework: FrameworkId;
}

export function newPlan(req: NewPlanRequest): PlanWorkbook {
  const settings: Settings = {
    orgName: req.orgName, orgType: req.orgType, district: req.district, province: req.province,
    division: req.division ?? "", firstYear: req.firstYear, years: req.years, framework: req.framework,
    reportFy: undefined, round: undefined, documentNo: "", reportDate: undefined, reporter: "", reporterPosition: "",
    commenter1: "", commenter1Position: "", commenter2: "", commenter2Position: "", phone: "", fax: "", website: "",
    digits: "thai", budgetColumnLabel: "integrated", riskMatrix: "5x5",
  };
  return {
    settings,
    framework: [...FRAMEWORKS[req.framework].nodes],
    items: [], details: [], progress: [], risks: [], itaMeasures: [],
  };
}

/** Writes the template sheets; refuses (SheetConflictError) rather than overwrite a sheet the user has. */
export async function writePlanWorkbook(port: WorkbookPort, model: PlanWorkbook, createdAt: Date): Promise<void> {
  await port.writeSheets(describeWorkbook(model, { createdAt }), "refuse");
}
