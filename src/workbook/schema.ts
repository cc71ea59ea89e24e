/**
 * The template contract (TEMPLATE.md) as data. The writer lays sheets out from it and the reader finds
 * columns by it, so each column is described exactly once.
 */
import {
  BUDGET_COLUMN_LABELS, BUDGET_TYPES, type ClosedList, CONTROL_RATINGS, DIGIT_STYLES, FRAMEWORK_CHOICES,
  FRAMEWORK_LEVELS, KINDS, NOT_POSSIBLE_REASONS, ORG_TYPES, PLAN_LENGTHS, PROGRESS_STATUSES,
  RISK_CATEGORIES, RISK_FACTORS, RISK_MATRICES, ROUNDS, STATUS_LIGHTS, YES_NO,
} from "../domain/lists";

/** 1.1.0: the เมทริกซ์ความเสี่ยง sheet, and register formulas that look levels up in it. */
export const TEMPLATE_VERSION = "1.1.0";

/** Lists built from the workbook itself rather than fixed. */
export type DynamicListId = "dimension" | "mission" | "submission" | "planCode";

export type ColumnType =
  | { readonly kind: "text"; readonly multiline?: boolean }
  | { readonly kind: "code" }
  | { readonly kind: "codes" }
  | { readonly kind: "baht"; readonly decimals: 0 | 2 }
  | { readonly kind: "percent" }
  | { readonly kind: "scale" }
  | { readonly kind: "date" }
  | { readonly kind: "fiscalYear" }
  | { readonly kind: "month" }
  | { readonly kind: "list"; readonly list: ClosedList }
  | { readonly kind: "dynamic"; readonly list: DynamicListId }
  | { readonly kind: "quarters" }
  /** A computed column: the writer fills the formula, the reader ignores it. */
  | { readonly kind: "formula"; readonly formula: (row: number, col: (key: string) => string) => string; readonly numFmt?: string };

export interface ColumnDef {
  readonly key: string;
  readonly th: string;
  readonly en: string;
  /** Other header spellings found in real workbooks. */
  readonly variants?: readonly string[];
  readonly type: ColumnType;
  readonly required: boolean;
  readonly width: number;
}

export type InputSheetKey = "settings" | "framework" | "plan" | "details" | "progress" | "risks" | "matrix" | "ita";

export interface TableSheetDef {
  readonly key: Exclude<InputSheetKey, "settings" | "matrix">;
  readonly name: string;
  readonly en: string;
  readonly columns: readonly ColumnDef[];
}

const text = (multiline = false): ColumnType => ({ kind: "text", multiline });
const listOf = (list: ClosedList): ColumnType => ({ kind: "list", list });

/* ---------- ตั้งค่า: label | value ---------- */

export type SettingKey =
  | "orgName" | "orgType" | "district" | "province" | "division" | "firstYear" | "years" | "framework"
  | "reportFy" | "round" | "documentNo" | "reportDate" | "reporter" | "reporterPosition" | "commenter1"
  | "commenter1Position" | "commenter2" | "commenter2Position" | "phone" | "fax" | "website" | "digits"
  | "budgetColumnLabel" | "riskMatrix";

export interface SettingDef {
  readonly key: SettingKey;
  readonly th: string;
  readonly en: string;
  readonly type: ColumnType;
  readonly required: boolean;
}

export const SETTINGS_SHEET = { key: "settings" as const, name: "ตั้งค่า", en: "Settings" };
export const SETTINGS_HEADERS = { label: { th: "รายการ", en: "Setting" }, value: { th: "ค่า", en: "Value" } };

export const SETTINGS: readonly SettingDef[] = [
  { key: "orgName", th: "ชื่อหน่วยงาน", en: "Organization", type: text(), required: true },
  { key: "orgType", th: "ประเภทหน่วยงาน", en: "Type", type: listOf(ORG_TYPES), required: true },
  { key: "district", th: "อำเภอ", en: "District", type: text(), required: true },
  { key: "province", th: "จังหวัด", en: "Province", type: text(), required: true },
  { key: "division", th: "ส่วนราชการผู้จัดทำ", en: "Division", type: text(), required: false },
  { key: "firstYear", th: "ปีเริ่มต้นแผน", en: "First year", type: { kind: "fiscalYear" }, required: true },
  { key: "years", th: "จำนวนปีของแผน", en: "Years", type: listOf(PLAN_LENGTHS), required: true },
  { key: "framework", th: "กรอบแผน", en: "Framework", type: listOf(FRAMEWORK_CHOICES), required: true },
  { key: "reportFy", th: "ปีงบประมาณที่รายงาน", en: "Report FY", type: { kind: "fiscalYear" }, required: false },
  { key: "round", th: "รอบรายงาน", en: "Round", type: listOf(ROUNDS), required: false },
  { key: "documentNo", th: "เลขที่หนังสือ", en: "Document no.", type: text(), required: false },
  { key: "reportDate", th: "วันที่รายงาน", en: "Report date", type: { kind: "date" }, required: false },
  { key: "reporter", th: "ผู้รายงาน", en: "Reporter", type: text(), required: false },
  { key: "reporterPosition", th: "ตำแหน่งผู้รายงาน", en: "Reporter position", type: text(), required: false },
  { key: "commenter1", th: "ผู้ให้ความเห็น 1", en: "Commenter 1", type: text(), required: false },
  { key: "commenter1Position", th: "ตำแหน่งผู้ให้ความเห็น 1", en: "Commenter 1 position", type: text(), required: false },
  { key: "commenter2", th: "ผู้ให้ความเห็น 2", en: "Commenter 2", type: text(), required: false },
  { key: "commenter2Position", th: "ตำแหน่งผู้ให้ความเห็น 2", en: "Commenter 2 position", type: text(), required: false },
  { key: "phone", th: "โทรศัพท์", en: "Phone", type: text(), required: false },
  { key: "fax", th: "โทรสาร", en: "Fax", type: text(), required: false },
  { key: "website", th: "เว็บไซต์", en: "Website", type: text(), required: false },
  { key: "digits", th: "รูปแบบตัวเลข", en: "Digits", type: listOf(DIGIT_STYLES), required: false },
  { key: "budgetColumnLabel", th: "หัวคอลัมน์งบ", en: "Budget column label", type: listOf(BUDGET_COLUMN_LABELS), required: false },
  { key: "riskMatrix", th: "ขนาดเมทริกซ์ความเสี่ยง", en: "Risk matrix", type: listOf(RISK_MATRICES), required: false },
];

/* ---------- table sheets ---------- */

export const FRAMEWORK_SHEET: TableSheetDef = {
  key: "framework",
  name: "ภารกิจ",
  en: "Framework",
  columns: [
    { key: "code", th: "รหัส", en: "Code", type: { kind: "code" }, required: true, width: 10 },
    { key: "level", th: "ระดับ", en: "Level", type: listOf(FRAMEWORK_LEVELS), required: true, width: 12 },
    { key: "name", th: "ชื่อ", en: "Name", type: text(true), required: true, width: 90 },
  ],
};

/** The plan sheet's fixed columns; one "งบประมาณ ปี {Y}" column per plan year goes after `name`. */
export const PLAN_SHEET: TableSheetDef = {
  key: "plan",
  name: "แผนปฏิบัติการ",
  en: "Plan",
  columns: [
    { key: "code", th: "รหัส", en: "Code", type: { kind: "code" }, required: true, width: 11 },
    { key: "dimension", th: "มิติ", en: "Dimension", variants: ["มติ", "มิตี"], type: { kind: "dynamic", list: "dimension" }, required: true, width: 22 },
    { key: "mission", th: "ภารกิจ", en: "Mission", variants: ["ภารกิจตามมิติ", "ภารกิจตามมติ"], type: { kind: "dynamic", list: "mission" }, required: true, width: 26 },
    { key: "subMission", th: "ภารกิจย่อย", en: "Sub-mission", type: { kind: "dynamic", list: "submission" }, required: false, width: 14 },
    { key: "kind", th: "ประเภท", en: "Kind", type: listOf(KINDS), required: true, width: 11 },
    { key: "name", th: "ชื่อโครงการ/กิจกรรม/มาตรการ", en: "Name", variants: ["โครงการ/กิจกรรม/มาตรการ", "ชื่อ"], type: text(true), required: true, width: 60 },
    { key: "note", th: "หมายเหตุ", en: "Note", type: text(), required: false, width: 18 },
    { key: "owner", th: "หน่วยงานรับผิดชอบ", en: "Owner", type: text(), required: false, width: 18 },
    { key: "indicator", th: "ตัวชี้วัด", en: "Indicator", type: text(true), required: false, width: 30 },
    { key: "target", th: "เป้าหมาย", en: "Target", type: text(true), required: false, width: 24 },
    { key: "targetGroups", th: "กลุ่มเป้าหมาย", en: "Target groups", type: { kind: "codes" }, required: false, width: 24 },
    { key: "quarters", th: "ไตรมาสที่ดำเนินการ", en: "Quarters", type: { kind: "quarters" }, required: false, width: 12 },
    { key: "itaIndicator", th: "ตัวชี้วัด ITA", en: "ITA indicator", type: text(), required: false, width: 14 },
  ],
};

/** Budget year columns: "งบประมาณ ปี 2566" [Budget 2566]; readers accept "ปี ๒๕๖๖", "2566", "งบ 2566". */
export const budgetHeader = (year: number): { th: string; en: string } => ({ th: `งบประมาณ ปี ${year}`, en: `Budget ${year}` });
export const BUDGET_COLUMN_WIDTH = 14;
export const BUDGET_NUMFMT = '#,##0;-#,##0;"-"';
export const AMOUNT_NUMFMT = '#,##0.00;-#,##0.00;"-"';
/** Buddhist-Era date with Arabic digits; LibreOffice and Excel both render it. */
export const DATE_NUMFMT = "[$-107041E]d mmm yyyy";

export const DETAILS_SHEET: TableSheetDef = {
  key: "details",
  name: "รายละเอียดโครงการ",
  en: "Project details",
  columns: [
    { key: "code", th: "รหัส", en: "Code", type: { kind: "code" }, required: true, width: 11 },
    { key: "rationale", th: "หลักการและเหตุผล", en: "Rationale", type: text(true), required: false, width: 50 },
    { key: "objectives", th: "วัตถุประสงค์", en: "Objectives", type: text(true), required: false, width: 40 },
    { key: "targetGroups", th: "กลุ่มเป้าหมาย", en: "Target groups", variants: ["เป้าหมาย"], type: text(true), required: false, width: 30 },
    { key: "method", th: "วิธีดำเนินการ", en: "Method", type: text(true), required: false, width: 40 },
    { key: "outputs", th: "ผลผลิต", en: "Outputs", type: text(true), required: false, width: 30 },
    { key: "outcomes", th: "ผลลัพธ์", en: "Outcomes", type: text(true), required: false, width: 30 },
  ],
};

export const PROGRESS_SHEET: TableSheetDef = {
  key: "progress",
  name: "ผลรายเดือน",
  en: "Monthly progress",
  columns: [
    { key: "fy", th: "ปีงบประมาณ", en: "FY", type: { kind: "fiscalYear" }, required: true, width: 10 },
    { key: "month", th: "เดือน", en: "Month", type: { kind: "month" }, required: true, width: 8 },
    { key: "code", th: "รหัส", en: "Code", type: { kind: "dynamic", list: "planCode" }, required: true, width: 11 },
    { key: "status", th: "สถานะ", en: "Status", type: listOf(PROGRESS_STATUSES), required: true, width: 20 },
    { key: "reason", th: "เหตุที่ดำเนินการไม่ได้", en: "Reason", type: listOf(NOT_POSSIBLE_REASONS), required: false, width: 22 },
    { key: "reasonText", th: "รายละเอียดเหตุ", en: "Reason details", type: text(), required: false, width: 20 },
    { key: "inOrdinance", th: "บรรจุในข้อบัญญัติ/เทศบัญญัติ", en: "In ordinance", type: listOf(YES_NO), required: false, width: 14 },
    { key: "progressPct", th: "ร้อยละความก้าวหน้า", en: "Progress %", type: { kind: "percent" }, required: false, width: 11 },
    { key: "startDate", th: "วันที่เริ่ม", en: "Start", type: { kind: "date" }, required: false, width: 13 },
    { key: "endDate", th: "วันที่เสร็จ", en: "End", type: { kind: "date" }, required: false, width: 13 },
    { key: "output", th: "ผลผลิต", en: "Output", type: text(), required: false, width: 16 },
    { key: "unit", th: "หน่วยนับ", en: "Unit", type: text(), required: false, width: 10 },
    { key: "indicatorResult", th: "ผลตามตัวชี้วัด", en: "Indicator result", type: text(true), required: false, width: 24 },
    { key: "result", th: "ผลการดำเนินงาน", en: "Result", type: text(true), required: false, width: 40 },
    { key: "budgetType", th: "ประเภทงบ", en: "Budget type", type: listOf(BUDGET_TYPES), required: false, width: 15 },
    { key: "ordinanceAmount", th: "วงเงินตามข้อบัญญัติ/เทศบัญญัติ", en: "Ordinance amount", type: { kind: "baht", decimals: 2 }, required: false, width: 16 },
    { key: "disbursed", th: "เบิกจ่าย", en: "Disbursed", type: { kind: "baht", decimals: 2 }, required: false, width: 14 },
    { key: "evidence", th: "หลักฐาน", en: "Evidence", type: text(), required: false, width: 24 },
    { key: "problems", th: "ปัญหาอุปสรรค", en: "Problems", type: text(true), required: false, width: 24 },
    { key: "recommendations", th: "ข้อเสนอแนะ", en: "Recommendations", type: text(true), required: false, width: 24 },
    { key: "enteredBy", th: "ผู้บันทึก", en: "Entered by", type: text(), required: false, width: 16 },
    { key: "enteredOn", th: "วันที่บันทึก", en: "Entered on", type: { kind: "date" }, required: false, width: 13 },
  ],
};

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

export const RISKS_SHEET: TableSheetDef = {
  key: "risks",
  name: "ทะเบียนความเสี่ยง",
  en: "Risk register",
  columns: [
    { key: "id", th: "รหัสความเสี่ยง", en: "Risk id", type: { kind: "code" }, required: true, width: 10 },
    { key: "process", th: "ขั้นตอนการดำเนินงาน/กระบวนงาน", en: "Process", variants: ["ขั้นตอนการดำเนินงาน"], type: text(true), required: true, width: 28 },
    { key: "category", th: "ด้าน", en: "Category", type: listOf(RISK_CATEGORIES), required: false, width: 22 },
    { key: "event", th: "ประเด็นความเสี่ยงการทุจริต", en: "Risk event", type: text(true), required: true, width: 40 },
    { key: "factor", th: "ปัจจัยเสี่ยง", en: "Factor", type: listOf(RISK_FACTORS), required: false, width: 10 },
    { key: "likelihood", th: "โอกาส", en: "Likelihood", type: { kind: "scale" }, required: true, width: 8 },
    { key: "impact", th: "ผลกระทบ", en: "Impact", type: { kind: "scale" }, required: true, width: 9 },
    { key: "score", th: "คะแนนความเสี่ยง", en: "Score", type: { kind: "formula", formula: (r, c) => riskScoreFormula(`${c("likelihood")}${r}`, `${c("impact")}${r}`), numFmt: "0" }, required: false, width: 10 },
    { key: "level", th: "ระดับความเสี่ยง", en: "Level", type: { kind: "formula", formula: (r, c) => riskLevelFormula(`${c("score")}${r}`, `${c("likelihood")}${r}`, `${c("impact")}${r}`) }, required: false, width: 11 },
    { key: "existingControls", th: "มาตรการควบคุมที่มีอยู่", en: "Existing controls", type: text(true), required: false, width: 30 },
    { key: "controlRating", th: "ผลการประเมินการควบคุม", en: "Control rating", type: listOf(CONTROL_RATINGS), required: false, width: 12 },
    { key: "residualLikelihood", th: "โอกาสหลังควบคุม", en: "Residual likelihood", type: { kind: "scale" }, required: false, width: 10 },
    { key: "residualImpact", th: "ผลกระทบหลังควบคุม", en: "Residual impact", type: { kind: "scale" }, required: false, width: 10 },
    { key: "residualLikelihoodUsed", th: "โอกาสคงเหลือ (คำนวณ)", en: "Residual likelihood used", type: { kind: "formula", formula: (r, c) => residualLikelihoodFormula(`${c("residualLikelihood")}${r}`, `${c("likelihood")}${r}`, `${c("controlRating")}${r}`), numFmt: "0" }, required: false, width: 10 },
    { key: "residualImpactUsed", th: "ผลกระทบคงเหลือ (คำนวณ)", en: "Residual impact used", type: { kind: "formula", formula: (r, c) => residualImpactFormula(`${c("residualImpact")}${r}`, `${c("impact")}${r}`), numFmt: "0" }, required: false, width: 10 },
    { key: "residualScore", th: "คะแนนหลังควบคุม", en: "Residual score", type: { kind: "formula", formula: (r, c) => riskScoreFormula(`${c("residualLikelihoodUsed")}${r}`, `${c("residualImpactUsed")}${r}`), numFmt: "0" }, required: false, width: 10 },
    { key: "residualLevel", th: "ระดับหลังควบคุม", en: "Residual level", type: { kind: "formula", formula: (r, c) => riskLevelFormula(`${c("residualScore")}${r}`, `${c("residualLikelihoodUsed")}${r}`, `${c("residualImpactUsed")}${r}`) }, required: false, width: 11 },
    { key: "mitigations", th: "มาตรการควบคุมเพิ่มเติม (รหัสแผน)", en: "Mitigating plan codes", type: { kind: "codes" }, required: false, width: 20 },
    { key: "owner", th: "ผู้รับผิดชอบ", en: "Owner", type: text(), required: false, width: 16 },
    { key: "statusLight", th: "สถานะ", en: "Status light", type: listOf(STATUS_LIGHTS), required: false, width: 9 },
    { key: "reviewedOn", th: "วันที่ทบทวน", en: "Reviewed on", type: { kind: "date" }, required: false, width: 13 },
  ],
};

export const ITA_SHEET: TableSheetDef = {
  key: "ita",
  name: "มาตรการ ITA",
  en: "ITA measures",
  columns: [
    { key: "no", th: "ลำดับ", en: "No.", type: { kind: "code" }, required: false, width: 7 },
    { key: "indicator", th: "ตัวชี้วัด ITA", en: "ITA indicator", type: text(), required: false, width: 16 },
    { key: "measure", th: "แนวทาง/มาตรการดำเนินการ", en: "Measure", type: text(true), required: true, width: 36 },
    { key: "steps", th: "ขั้นตอน/วิธีการปฏิบัติ", en: "Steps", type: text(true), required: false, width: 36 },
    { key: "owner", th: "ผู้รับผิดชอบ", en: "Owner", type: text(), required: false, width: 16 },
    { key: "period", th: "ระยะเวลาดำเนินการ", en: "Period", type: text(), required: false, width: 16 },
    { key: "linkedCodes", th: "รหัสแผนที่เกี่ยวข้อง", en: "Linked plan codes", type: { kind: "codes" }, required: false, width: 16 },
    { key: "result", th: "ผลการดำเนินงาน", en: "Result", type: text(true), required: false, width: 36 },
  ],
};

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
