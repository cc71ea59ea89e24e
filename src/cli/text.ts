/** The CLI's labels in Thai and English. */
import type { Lang } from "./args";

const LABELS = {
  org: { th: "หน่วยงาน", en: "Organization" },
  period: { th: "ระยะเวลาแผน", en: "Plan period" },
  framework: { th: "กรอบแผน", en: "Framework" },
  dimension: { th: "มิติ", en: "Dimension" },
  total: { th: "รวมทั้งสิ้น", en: "Total" },
  project: { th: "โครงการ", en: "Projects" },
  activity: { th: "กิจกรรม", en: "Activities" },
  measure: { th: "มาตรการ", en: "Measures" },
  guideline: { th: "แนวปฏิบัติ", en: "Guidelines" },
  unknown: { th: "ไม่ระบุประเภท", en: "No kind" },
  items: { th: "รายการ", en: "Items" },
  budget: { th: "งบประมาณ (บาท)", en: "Budget (baht)" },
  year: { th: "ปี", en: "FY" },
  unplaced: { th: "ไม่ระบุมิติ", en: "No dimension" },
  findings: { th: "ข้อควรตรวจสอบ", en: "Findings" },
  errors: { th: "ข้อผิดพลาด", en: "errors" },
  warnings: { th: "คำเตือน", en: "warnings" },
  progressRows: { th: "แถวผลรายเดือน", en: "Monthly progress rows" },
  risks: { th: "ความเสี่ยงในทะเบียน", en: "Risks in the register" },
  wrote: { th: "สร้างแฟ้มแล้ว", en: "Wrote" },
  notTemplate: { th: "แฟ้มนี้ไม่ใช่แฟ้มแม่แบบของสุจริต", en: "This is not a Sujarit workbook" },
  more: { th: "และอีก", en: "and" },
} as const;

export type LabelKey = keyof typeof LABELS;

export const label = (key: LabelKey, lang: Lang): string => LABELS[key][lang];
