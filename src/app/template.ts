/** Use case: a new, empty plan workbook for an organization, with its framework pre-filled. */
import { FRAMEWORKS } from "../domain/frameworks";
import type { FrameworkId } from "../domain/frameworks/types";
import type { OrgType } from "../domain/lists";
import type { PlanWorkbook, Settings } from "../domain/plan";
import { PRESETS } from "../domain/risk/matrix";
import { defaultSettings } from "../domain/settings";
import type { FiscalYear } from "../domain/units";
import { describeWorkbook } from "../workbook/write";
import type { ExistingSheetPolicy, WorkbookPort, Progress } from "./port";

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
    riskMatrix: PRESETS[settings.riskMatrix],
  };
}

/**
 * Writes the template sheets. By default it refuses (SheetConflictError) rather than overwrite a sheet
 * the user has; "replace" is for after the user has been asked and said yes.
 */
export async function writePlanWorkbook(
  port: WorkbookPort,
  model: PlanWorkbook,
  createdAt: Date,
  policy: ExistingSheetPolicy = "refuse",
  progress?: Progress,
): Promise<void> {
  await port.writeSheets(describeWorkbook(model, { createdAt }), policy, progress ? { progress } : {});
}

/** The sheets of the template that already exist in the workbook: what the user must agree to replace. */
export async function templateConflicts(port: WorkbookPort, model: PlanWorkbook): Promise<string[]> {
  const wanted = new Set(describeWorkbook(model, { createdAt: new Date(0) }).sheets.map((s) => s.name));
  return (await port.listSheets()).map((s) => s.name).filter((n) => wanted.has(n));
}
