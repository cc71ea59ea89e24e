/** Every rule, in report order. Adding a rule: write it in rules/, add it to its group's list. */
import type { Finding } from "../findings";
import { PlanFacts } from "./facts";
import { BUDGET_RULES } from "./rules/budget";
import { PLAN_RULES } from "./rules/plan";
import { PROGRESS_RULES } from "./rules/progress";
import { RISK_RULES } from "./rules/risk";
import { SETTINGS_RULES } from "./rules/settings";
import { TEXT_RULES } from "./rules/text";
import type { Rule, RuleContext } from "./rule";

export const RULES: readonly Rule[] = [...SETTINGS_RULES, ...PLAN_RULES, ...BUDGET_RULES, ...PROGRESS_RULES, ...RISK_RULES, ...TEXT_RULES];

/** Rules raised while reading (the shape of the workbook and the cells), listed for filters and docs. */
export const READER_RULES: readonly Pick<Rule, "id" | "severity" | "title">[] = [
  { id: "S1", severity: "error", title: { th: "ยังไม่ได้กรอกค่าที่จำเป็นในแผ่นงานตั้งค่า", en: "Required setting missing" } },
  { id: "S2", severity: "error", title: { th: "จำนวนปีของแผนไม่ใช่ 4/5 หรือปีไม่ใช่ปี พ.ศ.", en: "Plan length not 4/5 or a year not in BE" } },
  { id: "P1", severity: "error", title: { th: "ไม่มีแผ่นงานหรือคอลัมน์ที่จำเป็น", en: "Required sheet or column missing" } },
  { id: "B1", severity: "error", title: { th: "งบประมาณไม่ใช่ตัวเลข", en: "Budget is not a number" } },
  { id: "B3", severity: "warning", title: { th: "จำนวนเงินมีทศนิยมเกิน 2 ตำแหน่ง", en: "Amount with more than two decimals" } },
  { id: "X1", severity: "error", title: { th: "ค่าในเซลล์อ่านไม่ได้ตามชนิดของคอลัมน์", en: "A value that does not fit its column" } },
  { id: "X2", severity: "error", title: { th: "เซลล์มีค่าผิดพลาดจากสูตร", en: "Formula error in a cell" } },
  { id: "X3", severity: "warning", title: { th: "เซลล์ผสานในแผ่นงานข้อมูล", en: "Merged cells in an input sheet" } },
  { id: "X5", severity: "info", title: { th: "แผ่นงานถูกเปลี่ยนชื่อ", en: "Sheet renamed" } },
];

export function runRules(ctx: RuleContext): Finding[] {
  const shared: RuleContext = { ...ctx, facts: new PlanFacts(ctx.wb) };
  const findings: Finding[] = [];
  for (const rule of RULES) for (const f of rule.check(shared)) findings.push(f);
  return findings;
}

export type { Locator, Rule, RuleContext, TableName } from "./rule";
