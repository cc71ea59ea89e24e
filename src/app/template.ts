/** Use case: a new, empty plan workbook for an organization, with its framework pre-filled. */
import { FRAMEWORKS } from "../domain/frameworks";
import type { FrameworkId } from "../domain/frameworks/types";
import type { OrgType } from "../domain/lists";
import type { PlanWorkbook, Settings } from "../domain/plan";
import { defaultSettings } from "../domain/settings";
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
    ...defaultSettings(req.firstYear, req.years, req.framework),
    orgName: req.orgName, orgType: req.orgType, district: req.district, province: req.province, division: req.division ?? "",
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
