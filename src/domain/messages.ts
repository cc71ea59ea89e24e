/** The message catalogue of the reader: every user-facing sentence in Thai and English, in one place. */
import type { Bilingual } from "./findings";

export const msg = {
  notWorkbook: (reason: string): Bilingual => ({
    th: `เปิดไฟล์ไม่ได้: ไม่ใช่ไฟล์ Excel (.xlsx) ที่ถูกต้อง (${reason})`,
    en: `Cannot open the file: not a valid Excel (.xlsx) workbook (${reason})`,
  }),
  missingSheet: (sheet: string, en: string): Bilingual => ({
    th: `ไม่พบแผ่นงาน "${sheet}" ที่แม่แบบต้องมี`,
    en: `The template sheet "${sheet}" (${en}) is missing`,
  }),
  sheetFoundByMarker: (expected: string, actual: string): Bilingual => ({
    th: `แผ่นงาน "${expected}" ถูกเปลี่ยนชื่อเป็น "${actual}" — อ่านจากชื่อใหม่`,
    en: `Sheet "${expected}" was renamed to "${actual}"; read it under its new name`,
  }),
  missingColumn: (sheet: string, header: string, en: string): Bilingual => ({
    th: `แผ่นงาน "${sheet}" ไม่มีคอลัมน์ "${header}"`,
    en: `Sheet "${sheet}" has no "${header}" (${en}) column`,
  }),
  noBudgetColumns: (sheet: string): Bilingual => ({
    th: `แผ่นงาน "${sheet}" ไม่มีคอลัมน์งบประมาณรายปี (เช่น "งบประมาณ ปี 2566")`,
    en: `Sheet "${sheet}" has no yearly budget columns (e.g. "Budget 2566")`,
  }),
  missingSetting: (label: string, en: string): Bilingual => ({
    th: `ยังไม่ได้กรอก "${label}" ในแผ่นงานตั้งค่า`,
    en: `The setting "${label}" (${en}) is empty`,
  }),
  ceYear: (typed: number, suggested: number): Bilingual => ({
    th: `ปี ค.ศ. ${typed} — ใช้ พ.ศ. ${suggested}`,
    en: `CE year ${typed} — use BE ${suggested}`,
  }),
  badYear: (): Bilingual => ({ th: "ปี พ.ศ. 4 หลัก เช่น 2566", en: "a 4-digit Buddhist-Era year such as 2566" }),
  badPlanLength: (): Bilingual => ({ th: "จำนวนปีของแผนต้องเป็น 4 หรือ 5", en: "The plan length must be 4 or 5 years" }),
  formulaError: (error: string): Bilingual => ({
    th: `เซลล์มีค่าผิดพลาดจากสูตร ${error}`,
    en: `The cell holds a formula error ${error}`,
  }),
  mergedInput: (range: string): Bilingual => ({
    th: `แผ่นงานข้อมูลมีเซลล์ผสาน ${range} — ให้ยกเลิกการผสานและกรอกหนึ่งรายการต่อแถว`,
    en: `Input sheet has merged cells ${range}; unmerge them and keep one record per row`,
  }),
  typedFormula: (header: string, formula: string, result: string): Bilingual => ({
    th: `"${header}" เป็นสูตร ${formula} (ได้ค่า "${result}") แทนค่าที่พิมพ์ — พิมพ์ค่าเอง หรือถ้าตั้งใจใช้สูตร ให้ตรวจว่าค่าที่ได้ถูกต้อง`,
    en: `"${header}" holds the formula ${formula} (giving "${result}") where a typed value belongs; type the value, or check the result if the formula is meant`,
  }),
  emptyPlan: (sheet: string, row: number): Bilingual => ({
    th: `แผ่นงาน "${sheet}" ยังไม่มีรายการในแผน — กรอกโครงการ/กิจกรรม/มาตรการอย่างน้อยหนึ่งรายการตั้งแต่แถว ${row}`,
    en: `Sheet "${sheet}" has no plan items; enter at least one project, activity or measure from row ${row}`,
  }),
  badSetting: (label: string): Bilingual => ({
    th: `"${label}" ในแผ่นงานตั้งค่าไม่ใช่ค่าที่ใช้ได้`,
    en: `The setting "${label}" does not hold a usable value`,
  }),
  badValue: (header: string): Bilingual => ({
    th: `ค่าในคอลัมน์ "${header}" อ่านไม่ได้`,
    en: `The value in column "${header}" cannot be read`,
  }),
  badAmount: (header: string): Bilingual => ({
    th: `"${header}" ต้องเป็นจำนวนเงิน`,
    en: `"${header}" must be an amount of money`,
  }),
  expectAmount: (): Bilingual => ({ th: "ตัวเลขจำนวนเงิน เช่น 20000, 20,000 บาท, ๒๐,๐๐๐ หรือ - ถ้าไม่มี", en: "an amount such as 20000, 20,000 บาท, ๒๐,๐๐๐, or - for none" }),
  expectTwoDecimals: (): Bilingual => ({ th: "จำนวนเงินไม่เกินทศนิยม 2 ตำแหน่ง (สตางค์) — ปัดเศษแล้ว", en: "at most two decimals (satang); the amount was rounded" }),
  tooManyDecimals: (header: string): Bilingual => ({ th: `"${header}" มีทศนิยมเกิน 2 ตำแหน่ง`, en: `"${header}" has more than two decimals` }),
  expectDate: (): Bilingual => ({ th: "วันที่ เช่น 15/1/2567", en: "a date such as 15/1/2567 (BE)" }),
  expectNumber: (): Bilingual => ({ th: "ตัวเลข", en: "a number" }),
  expectWholeNumber: (): Bilingual => ({ th: "จำนวนเต็ม เช่น 1 ถึง 5", en: "a whole number such as 1 to 5" }),
  expectMonth: (): Bilingual => ({ th: "เดือน เช่น ต.ค. หรือ ตุลาคม", en: "a month such as ต.ค. / Oct" }),
  expectOneOf: (labels: readonly string[]): Bilingual => ({
    th: `ค่าใดค่าหนึ่งจากรายการ: ${labels.join(" / ")}`,
    en: `one of: ${labels.join(" / ")}`,
  }),
  expectDimension: (): Bilingual => ({ th: "เลขมิติ 1–4 (เลือกจากรายการ)", en: "a dimension number 1–4 (pick from the list)" }),
  expectNodeCode: (): Bilingual => ({ th: "รหัสภารกิจ เช่น 1.1 หรือ 2.2.1", en: "a mission code such as 1.1 or 2.2.1" }),
  expectQuarters: (): Bilingual => ({ th: "ไตรมาส เช่น 1-4 หรือ 2,4", en: "quarters such as 1-4 or 2,4" }),
} as const;
