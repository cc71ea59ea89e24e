/**
 * The one way every report sheet names the plan's framework (issue 13: Part 1 and Part 2 each had their own
 * `nodeName`/`missionLabel`, one collapsing spaces and one not, with different words for a missing name):
 * a node's name from the workbook's ภารกิจ sheet, and the labels "มิติที่ ๑ …", "๑.๑ …", in the report's digits.
 */
import { normalizeSpace, toArabicDigits } from "../../domain/thai";
import type { DimensionNo } from "../../domain/units";
import type { ReportContext } from "./context";

/**
 * A text in the digits the settings ask for, both ways: ctx.num makes Arabic digits Thai; with อารบิก, Thai
 * digits typed in the plan's texts (as the seeds are) become Arabic too, so that a page never mixes them.
 */
export function inDigits(ctx: ReportContext, value: string | number): string {
  return ctx.digits === "thai" ? ctx.num(value) : toArabicDigits(String(value));
}

/** The framework's name of a node ("1", "1.1", "2.4.3"), spaces collapsed, if the workbook has it. */
export function nodeName(ctx: ReportContext, code: string): string | undefined {
  const name = ctx.model.framework.find((n) => n.code === code)?.name;
  return name ? normalizeSpace(name) : undefined;
}

/** "มิติที่ ๑ การสร้างวัฒนธรรมสุจริต" — "ไม่ระบุมิติ" for items without one. */
export function dimensionLabel(ctx: ReportContext, d: DimensionNo | undefined): string {
  if (d === undefined) return "ไม่ระบุมิติ";
  return `มิติที่ ${inDigits(ctx, d)} ${inDigits(ctx, nodeName(ctx, String(d)) ?? "(ไม่พบชื่อมิตินี้ในกรอบภารกิจของแผน)")}`;
}

/** "๑.๑ การเสริมสร้างจิตสำนึก…" — a mission as the plan table's ภารกิจตามมิติ column and Part 2's headings print it. */
export function missionLabel(ctx: ReportContext, code: string | undefined): string {
  if (code === undefined) return "ไม่ระบุภารกิจ";
  return `${inDigits(ctx, code)} ${inDigits(ctx, nodeName(ctx, code) ?? "(ไม่พบชื่อภารกิจนี้ในกรอบภารกิจของแผน)")}`;
}

/** "๒.๔.๓ …" — a sub-mission (ภารกิจย่อย). */
export function subMissionLabel(ctx: ReportContext, code: string): string {
  return `${inDigits(ctx, code)} ${inDigits(ctx, nodeName(ctx, code) ?? "(ไม่พบชื่อภารกิจย่อยนี้ในกรอบภารกิจของแผน)")}`;
}
