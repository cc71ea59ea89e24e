/**
 * The template contract (TEMPLATE.md) as data. The writer lays sheets out from it and the reader finds
 * columns by it, so each column is described exactly once.
 */
import type { FrameworkLevel } from "../domain/frameworks/types";
import {
  BUDGET_COLUMN_LABELS, BUDGET_TYPES, CONTROL_RATINGS, DIGIT_STYLES, FRAMEWORK_CHOICES, KINDS,
  NOT_POSSIBLE_REASONS, ORG_TYPES, PROGRESS_STATUSES, RISK_CATEGORIES, RISK_FACTORS, RISK_MATRICES, STATUS_LIGHTS,
} from "../domain/lists";
import type { ItaMeasure, PlanItem, ProgressEntry, ProjectDetail, RiskEntry, Settings } from "../domain/plan";
import {
  type Codec, codeList, codeText, date, dimension, fiscalYearColumn, frameworkLevel, frameworkNodeColumn, money, month,
  oneOf, oneOfByKey, percent, planCodeColumn, planLength, quarters, reads, round, scale, tableSheet, type TableSheetDef, text, yesNo,
} from "./columns";

export type { Column, ColumnDef, ColumnType, DynamicListId, TableSheet, TableSheetDef } from "./columns";

/** 1.1.0: the เมทริกซ์ความเสี่ยง sheet, and register formulas that look levels up in it. */
export const TEMPLATE_VERSION = "1.1.0";

export type InputSheetKey = "settings" | "framework" | "plan" | "details" | "progress" | "risks" | "matrix" | "ita";

/* ---------- the record each table sheet's row holds ---------- */

/** A framework row; the level, when left empty, follows from the code's depth (read.ts). */
export interface FrameworkRow {
  readonly code: string;
  readonly level: FrameworkLevel | undefined;
  readonly name: string;
}
/** A plan row without its budgets: one "งบประมาณ ปี {Y}" column per plan year, found by the header's year. */
export type PlanRow = Omit<PlanItem, "budgets" | "at">;
export type DetailRow = Omit<ProjectDetail, "at">;
export type ProgressRow = Omit<ProgressEntry, "at">;
export type RiskRow = Omit<RiskEntry, "at">;
export type ItaRow = Omit<ItaMeasure, "at">;

/* ---------- ตั้งค่า: label | value ---------- */

export type SettingKey = keyof Settings;

/** A setting's row: its label, and the codec of the value in column B. */
export interface SettingDef<K extends SettingKey = SettingKey> {
  readonly key: K;
  readonly th: string;
  readonly en: string;
  readonly codec: Codec<Settings[K] | undefined>;
  readonly required: boolean;
}
/** Any setting, with its codec still tied to its key. */
export type AnySettingDef = { [K in SettingKey]: SettingDef<K> }[SettingKey];

export const SETTINGS_SHEET = { key: "settings" as const, name: "ตั้งค่า", en: "Settings" };
export const SETTINGS_HEADERS = { label: { th: "รายการ", en: "Setting" }, value: { th: "ค่า", en: "Value" } };

export const SETTINGS = settingRows([
  { key: "orgName", th: "ชื่อหน่วยงาน", en: "Organization", codec: text(), required: true },
  { key: "orgType", th: "ประเภทหน่วยงาน", en: "Type", codec: oneOf(ORG_TYPES), required: true },
  { key: "district", th: "อำเภอ", en: "District", codec: text(), required: true },
  { key: "province", th: "จังหวัด", en: "Province", codec: text(), required: true },
  { key: "division", th: "ส่วนราชการผู้จัดทำ", en: "Division", codec: text(), required: false },
  { key: "firstYear", th: "ปีเริ่มต้นแผน", en: "First year", codec: fiscalYearColumn, required: true },
  { key: "years", th: "จำนวนปีของแผน", en: "Years", codec: planLength, required: true },
  { key: "framework", th: "กรอบแผน", en: "Framework", codec: oneOf(FRAMEWORK_CHOICES), required: true },
  { key: "reportFy", th: "ปีงบประมาณที่รายงาน", en: "Report FY", codec: fiscalYearColumn, required: false },
  { key: "round", th: "รอบรายงาน", en: "Round", codec: round, required: false },
  { key: "documentNo", th: "เลขที่หนังสือ", en: "Document no.", codec: text(), required: false },
  { key: "reportDate", th: "วันที่รายงาน", en: "Report date", codec: date, required: false },
  { key: "reporter", th: "ผู้รายงาน", en: "Reporter", codec: text(), required: false },
  { key: "reporterPosition", th: "ตำแหน่งผู้รายงาน", en: "Reporter position", codec: text(), required: false },
  { key: "commenter1", th: "ผู้ให้ความเห็น 1", en: "Commenter 1", codec: text(), required: false },
  { key: "commenter1Position", th: "ตำแหน่งผู้ให้ความเห็น 1", en: "Commenter 1 position", codec: text(), required: false },
  { key: "commenter2", th: "ผู้ให้ความเห็น 2", en: "Commenter 2", codec: text(), required: false },
  { key: "commenter2Position", th: "ตำแหน่งผู้ให้ความเห็น 2", en: "Commenter 2 position", codec: text(), required: false },
  { key: "phone", th: "โทรศัพท์", en: "Phone", codec: text(), required: false },
  { key: "fax", th: "โทรสาร", en: "Fax", codec: text(), required: false },
  { key: "website", th: "เว็บไซต์", en: "Website", codec: text(), required: false },
  // written as their keys ("thai", "integrated") since template 1.0; read by key, label or English
  { key: "digits", th: "รูปแบบตัวเลข", en: "Digits", codec: oneOfByKey(DIGIT_STYLES), required: false },
  { key: "budgetColumnLabel", th: "หัวคอลัมน์งบ", en: "Budget column label", codec: oneOfByKey(BUDGET_COLUMN_LABELS), required: false },
  { key: "riskMatrix", th: "ขนาดเมทริกซ์ความเสี่ยง", en: "Risk matrix", codec: oneOf(RISK_MATRICES), required: false },
]);

/** The settings' rows, in order; a setting of `Settings` without a row does not compile. */
function settingRows<const D extends readonly AnySettingDef[]>(
  rows: D & ([Exclude<SettingKey, D[number]["key"]>] extends [never] ? unknown : { readonly settingsWithoutRow: Exclude<SettingKey, D[number]["key"]> }),
): readonly AnySettingDef[] {
  return rows;
}

/* ---------- table sheets ---------- */

export const FRAMEWORK_SHEET = tableSheet<FrameworkRow>()({
  key: "framework",
  name: "ภารกิจ",
  en: "Framework",
  columns: [
    { key: "code", th: "รหัส", en: "Code", ...reads(codeText), required: true, width: 10 },
    { key: "level", th: "ระดับ", en: "Level", ...reads(frameworkLevel), required: true, width: 12 },
    { key: "name", th: "ชื่อ", en: "Name", ...reads(text({ multiline: true, normalize: true })), required: true, width: 90 },
  ],
});

/** The plan sheet's fixed columns; one "งบประมาณ ปี {Y}" column per plan year goes after `name`. */
export const PLAN_SHEET = tableSheet<PlanRow>()({
  key: "plan",
  name: "แผนปฏิบัติการ",
  en: "Plan",
  columns: [
    { key: "code", th: "รหัส", en: "Code", ...reads(planCodeColumn(false)), required: true, width: 11 },
    { key: "dimension", th: "มิติ", en: "Dimension", variants: ["มติ", "มิตี"], ...reads(dimension), required: true, width: 22 },
    { key: "mission", th: "ภารกิจ", en: "Mission", variants: ["ภารกิจตามมิติ", "ภารกิจตามมติ"], ...reads(frameworkNodeColumn("mission")), required: true, width: 26 },
    { key: "subMission", th: "ภารกิจย่อย", en: "Sub-mission", ...reads(frameworkNodeColumn("submission")), required: false, width: 14 },
    { key: "kind", th: "ประเภท", en: "Kind", ...reads(oneOf(KINDS)), required: true, width: 11 },
    { key: "name", th: "ชื่อโครงการ/กิจกรรม/มาตรการ", en: "Name", variants: ["โครงการ/กิจกรรม/มาตรการ", "ชื่อ"], ...reads(text({ multiline: true, normalize: true })), required: true, width: 60 },
    { key: "note", th: "หมายเหตุ", en: "Note", ...reads(text()), required: false, width: 18 },
    { key: "owner", th: "หน่วยงานรับผิดชอบ", en: "Owner", ...reads(text()), required: false, width: 18 },
    { key: "indicator", th: "ตัวชี้วัด", en: "Indicator", ...reads(text({ multiline: true })), required: false, width: 30 },
    { key: "target", th: "เป้าหมาย", en: "Target", ...reads(text({ multiline: true })), required: false, width: 24 },
    { key: "targetGroups", th: "กลุ่มเป้าหมาย", en: "Target groups", ...reads(codeList), required: false, width: 24 },
    { key: "quarters", th: "ไตรมาสที่ดำเนินการ", en: "Quarters", ...reads(quarters), required: false, width: 12 },
    { key: "itaIndicator", th: "ตัวชี้วัด ITA", en: "ITA indicator", ...reads(text()), required: false, width: 14 },
  ],
});

/** Budget year columns: "งบประมาณ ปี 2566" [Budget 2566]; readers accept "ปี ๒๕๖๖", "2566", "งบ 2566". */
export const budgetHeader = (year: number): { th: string; en: string } => ({ th: `งบประมาณ ปี ${year}`, en: `Budget ${year}` });
export const BUDGET_COLUMN_WIDTH = 14;
export const BUDGET_NUMFMT = '#,##0;-#,##0;"-"';
export const AMOUNT_NUMFMT = '#,##0.00;-#,##0.00;"-"';
/** Buddhist-Era date with Arabic digits; LibreOffice and Excel both render it. */
export const DATE_NUMFMT = "[$-107041E]d mmm yyyy";

export const DETAILS_SHEET = tableSheet<DetailRow>()({
  key: "details",
  name: "รายละเอียดโครงการ",
  en: "Project details",
  columns: [
    { key: "code", th: "รหัส", en: "Code", ...reads(planCodeColumn(false)), required: true, width: 11 },
    { key: "rationale", th: "หลักการและเหตุผล", en: "Rationale", ...reads(text({ multiline: true })), required: false, width: 50 },
    { key: "objectives", th: "วัตถุประสงค์", en: "Objectives", ...reads(text({ multiline: true })), required: false, width: 40 },
    { key: "targetGroups", th: "กลุ่มเป้าหมาย", en: "Target groups", variants: ["เป้าหมาย"], ...reads(text({ multiline: true })), required: false, width: 30 },
    { key: "method", th: "วิธีดำเนินการ", en: "Method", ...reads(text({ multiline: true })), required: false, width: 40 },
    { key: "outputs", th: "ผลผลิต", en: "Outputs", ...reads(text({ multiline: true })), required: false, width: 30 },
    { key: "outcomes", th: "ผลลัพธ์", en: "Outcomes", ...reads(text({ multiline: true })), required: false, width: 30 },
  ],
});

export const PROGRESS_SHEET = tableSheet<ProgressRow>()({
  key: "progress",
  name: "ผลรายเดือน",
  en: "Monthly progress",
  columns: [
    { key: "fy", th: "ปีงบประมาณ", en: "FY", ...reads(fiscalYearColumn), required: true, width: 10 },
    { key: "month", th: "เดือน", en: "Month", ...reads(month), required: true, width: 8 },
    { key: "code", th: "รหัส", en: "Code", ...reads(planCodeColumn(true)), required: true, width: 11 },
    { key: "status", th: "สถานะ", en: "Status", ...reads(oneOf(PROGRESS_STATUSES)), required: true, width: 20 },
    { key: "reason", th: "เหตุที่ดำเนินการไม่ได้", en: "Reason", ...reads(oneOf(NOT_POSSIBLE_REASONS)), required: false, width: 22 },
    { key: "reasonText", th: "รายละเอียดเหตุ", en: "Reason details", ...reads(text()), required: false, width: 20 },
    { key: "inOrdinance", th: "บรรจุในข้อบัญญัติ/เทศบัญญัติ", en: "In ordinance", ...reads(yesNo), required: false, width: 14 },
    { key: "progressPct", th: "ร้อยละความก้าวหน้า", en: "Progress %", ...reads(percent), required: false, width: 11 },
    { key: "startDate", th: "วันที่เริ่ม", en: "Start", ...reads(date), required: false, width: 13 },
    { key: "endDate", th: "วันที่เสร็จ", en: "End", ...reads(date), required: false, width: 13 },
    { key: "output", th: "ผลผลิต", en: "Output", ...reads(text()), required: false, width: 16 },
    { key: "unit", th: "หน่วยนับ", en: "Unit", ...reads(text()), required: false, width: 10 },
    { key: "indicatorResult", th: "ผลตามตัวชี้วัด", en: "Indicator result", ...reads(text({ multiline: true })), required: false, width: 24 },
    { key: "result", th: "ผลการดำเนินงาน", en: "Result", ...reads(text({ multiline: true })), required: false, width: 40 },
    { key: "budgetType", th: "ประเภทงบ", en: "Budget type", ...reads(oneOf(BUDGET_TYPES)), required: false, width: 15 },
    { key: "ordinanceAmount", th: "วงเงินตามข้อบัญญัติ/เทศบัญญัติ", en: "Ordinance amount", ...reads(money(2)), required: false, width: 16 },
    { key: "disbursed", th: "เบิกจ่าย", en: "Disbursed", ...reads(money(2)), required: false, width: 14 },
    { key: "evidence", th: "หลักฐาน", en: "Evidence", ...reads(text()), required: false, width: 24 },
    { key: "problems", th: "ปัญหาอุปสรรค", en: "Problems", ...reads(text({ multiline: true })), required: false, width: 24 },
    { key: "recommendations", th: "ข้อเสนอแนะ", en: "Recommendations", ...reads(text({ multiline: true })), required: false, width: 24 },
    { key: "enteredBy", th: "ผู้บันทึก", en: "Entered by", ...reads(text()), required: false, width: 16 },
    { key: "enteredOn", th: "วันที่บันทึก", en: "Entered on", ...reads(date), required: false, width: 13 },
  ],
});

/* ---------- ทะเบียนความเสี่ยง: scores and levels as live formulas over the เมทริกซ์ความเสี่ยง sheet ---------- */

/** Defined names the register's formulas use (written with the matrix sheet, matrix-sheet.ts). */
export const RISK_NAMES = {
  /** The grid of level names, rows by likelihood, columns by impact. */
  grid: "SUJARIT_RISK_GRID",
  /** The likelihood value of each grid row. */
  likelihood: "SUJARIT_RISK_L",
  /** The impact value of each grid column. */
  impact: "SUJARIT_RISK_I",
} as const;

/** The product when both values are on the matrix's scale (a value the grid has a row/column for), else "". */
export const riskScoreFormula = (l: string, i: string): string =>
  `IF(AND(ISNUMBER(${l}),ISNUMBER(${i})),IF(AND(ISNUMBER(MATCH(${l},${RISK_NAMES.likelihood},0)),ISNUMBER(MATCH(${i},${RISK_NAMES.impact},0))),${l}*${i},""),"")`;
/** The level name in the grid cell of (l, i), "" where there is no score. */
export const riskLevelFormula = (score: string, l: string, i: string): string =>
  `IF(ISNUMBER(${score}),INDEX(${RISK_NAMES.grid},MATCH(${l},${RISK_NAMES.likelihood},0),MATCH(${i},${RISK_NAMES.impact},0)),"")`;
/** A whole number typed in the cell (the reader refuses 2.5 in a scale column, so the formulas must too). */
const whole = (c: string): string => `ISNUMBER(${c})*(MOD(N(${c}),1)=0)`;
/**
 * The likelihood after controls: as entered, else the likelihood lowered by the control rating
 * (ดี two steps, พอใช้ one, อ่อน none; never below 1) — risk/assess.ts residualCell.
 */
const residualLikelihoodFormula = (entered: string, l: string, rating: string): string => {
  const r = `SUBSTITUTE(${rating}," ","")`;
  return `IF(${whole(entered)},${entered},IF(ISNUMBER(MATCH(${l},${RISK_NAMES.likelihood},0)),MAX(1,${l}-IF(OR(${r}="ดี",${r}="Good"),2,IF(OR(${r}="พอใช้",${r}="Fair"),1,0))),""))`;
};
const residualImpactFormula = (entered: string, i: string): string => `IF(${whole(entered)},${entered},IF(${whole(i)},${i},""))`;

export const RISKS_SHEET = tableSheet<RiskRow>()({
  key: "risks",
  name: "ทะเบียนความเสี่ยง",
  en: "Risk register",
  columns: [
    { key: "id", th: "รหัสความเสี่ยง", en: "Risk id", ...reads(codeText), required: true, width: 10 },
    { key: "process", th: "ขั้นตอนการดำเนินงาน/กระบวนงาน", en: "Process", variants: ["ขั้นตอนการดำเนินงาน"], ...reads(text({ multiline: true })), required: true, width: 28 },
    { key: "category", th: "ด้าน", en: "Category", ...reads(oneOf(RISK_CATEGORIES)), required: false, width: 22 },
    { key: "event", th: "ประเด็นความเสี่ยงการทุจริต", en: "Risk event", ...reads(text({ multiline: true })), required: true, width: 40 },
    { key: "factor", th: "ปัจจัยเสี่ยง", en: "Factor", ...reads(oneOf(RISK_FACTORS)), required: false, width: 10 },
    { key: "likelihood", th: "โอกาส", en: "Likelihood", ...reads(scale), required: true, width: 8 },
    { key: "impact", th: "ผลกระทบ", en: "Impact", ...reads(scale), required: true, width: 9 },
    { key: "score", th: "คะแนนความเสี่ยง", en: "Score", type: { kind: "formula", formula: (r, c) => riskScoreFormula(`${c("likelihood")}${r}`, `${c("impact")}${r}`), numFmt: "0" }, required: false, width: 10 },
    { key: "level", th: "ระดับความเสี่ยง", en: "Level", type: { kind: "formula", formula: (r, c) => riskLevelFormula(`${c("score")}${r}`, `${c("likelihood")}${r}`, `${c("impact")}${r}`) }, required: false, width: 11 },
    { key: "existingControls", th: "มาตรการควบคุมที่มีอยู่", en: "Existing controls", ...reads(text({ multiline: true })), required: false, width: 30 },
    { key: "controlRating", th: "ผลการประเมินการควบคุม", en: "Control rating", ...reads(oneOf(CONTROL_RATINGS)), required: false, width: 12 },
    { key: "residualLikelihood", th: "โอกาสหลังควบคุม", en: "Residual likelihood", ...reads(scale), required: false, width: 10 },
    { key: "residualImpact", th: "ผลกระทบหลังควบคุม", en: "Residual impact", ...reads(scale), required: false, width: 10 },
    { key: "residualLikelihoodUsed", th: "โอกาสคงเหลือ (คำนวณ)", en: "Residual likelihood used", type: { kind: "formula", formula: (r, c) => residualLikelihoodFormula(`${c("residualLikelihood")}${r}`, `${c("likelihood")}${r}`, `${c("controlRating")}${r}`), numFmt: "0" }, required: false, width: 10 },
    { key: "residualImpactUsed", th: "ผลกระทบคงเหลือ (คำนวณ)", en: "Residual impact used", type: { kind: "formula", formula: (r, c) => residualImpactFormula(`${c("residualImpact")}${r}`, `${c("impact")}${r}`), numFmt: "0" }, required: false, width: 10 },
    { key: "residualScore", th: "คะแนนหลังควบคุม", en: "Residual score", type: { kind: "formula", formula: (r, c) => riskScoreFormula(`${c("residualLikelihoodUsed")}${r}`, `${c("residualImpactUsed")}${r}`), numFmt: "0" }, required: false, width: 10 },
    { key: "residualLevel", th: "ระดับหลังควบคุม", en: "Residual level", type: { kind: "formula", formula: (r, c) => riskLevelFormula(`${c("residualScore")}${r}`, `${c("residualLikelihoodUsed")}${r}`, `${c("residualImpactUsed")}${r}`) }, required: false, width: 11 },
    { key: "mitigations", th: "มาตรการควบคุมเพิ่มเติม (รหัสแผน)", en: "Mitigating plan codes", ...reads(codeList), required: false, width: 20 },
    { key: "owner", th: "ผู้รับผิดชอบ", en: "Owner", ...reads(text()), required: false, width: 16 },
    { key: "statusLight", th: "สถานะ", en: "Status light", ...reads(oneOf(STATUS_LIGHTS)), required: false, width: 9 },
    { key: "reviewedOn", th: "วันที่ทบทวน", en: "Reviewed on", ...reads(date), required: false, width: 13 },
  ],
});

export const ITA_SHEET = tableSheet<ItaRow>()({
  key: "ita",
  name: "มาตรการ ITA",
  en: "ITA measures",
  columns: [
    { key: "no", th: "ลำดับ", en: "No.", ...reads(codeText), required: false, width: 7 },
    { key: "indicator", th: "ตัวชี้วัด ITA", en: "ITA indicator", ...reads(text()), required: false, width: 16 },
    { key: "measure", th: "แนวทาง/มาตรการดำเนินการ", en: "Measure", ...reads(text({ multiline: true })), required: true, width: 36 },
    { key: "steps", th: "ขั้นตอน/วิธีการปฏิบัติ", en: "Steps", ...reads(text({ multiline: true })), required: false, width: 36 },
    { key: "owner", th: "ผู้รับผิดชอบ", en: "Owner", ...reads(text()), required: false, width: 16 },
    { key: "period", th: "ระยะเวลาดำเนินการ", en: "Period", ...reads(text()), required: false, width: 16 },
    { key: "linkedCodes", th: "รหัสแผนที่เกี่ยวข้อง", en: "Linked plan codes", ...reads(codeList), required: false, width: 16 },
    { key: "result", th: "ผลการดำเนินงาน", en: "Result", ...reads(text({ multiline: true })), required: false, width: 36 },
  ],
});

export const TABLE_SHEETS: readonly TableSheetDef[] = [FRAMEWORK_SHEET, PLAN_SHEET, DETAILS_SHEET, PROGRESS_SHEET, RISKS_SHEET, ITA_SHEET];

/** The likelihood × impact matrix the register is scored on (matrix-sheet.ts lays it out and reads it). */
export const MATRIX_SHEET = { key: "matrix" as const, name: "เมทริกซ์ความเสี่ยง", en: "Risk matrix" };

/** Input sheets in workbook order. */
export const INPUT_SHEET_NAMES: Readonly<Record<InputSheetKey, string>> = {
  settings: SETTINGS_SHEET.name,
  framework: FRAMEWORK_SHEET.name,
  plan: PLAN_SHEET.name,
  details: DETAILS_SHEET.name,
  progress: PROGRESS_SHEET.name,
  risks: RISKS_SHEET.name,
  matrix: MATRIX_SHEET.name,
  ita: ITA_SHEET.name,
};

export const META_SHEET = "_meta";
export const LISTS_SHEET = "_lists";

/** A workbook-scoped name pointing at A1 of each input sheet: Excel rewrites it when a user renames the sheet. */
export const sheetMarkerName = (key: InputSheetKey): string => `SUJARIT_SHEET_${key.toUpperCase()}`;
export const listName = (id: string): string => `SUJARIT_LIST_${id.toUpperCase()}`;

/** How many empty rows below the data still get formats and dropdowns. */
export const FORMATTED_ROWS = 1000;
