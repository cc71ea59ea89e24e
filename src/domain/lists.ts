/**
 * The closed lists of the template (dropdowns). The model holds the English key; the workbook shows the
 * Thai label; readers also accept the English label and a few spellings found in real documents.
 */
import { type LocalOrgType, ORG_TYPE_NAMES, type OrgTypeNames } from "./org-types";

export interface ListEntry<K extends string = string> {
  readonly key: K;
  readonly th: string;
  readonly en: string;
  /** Other spellings that mean this entry (seeds: ไม่ใช่ for ไม่ใช้, …). */
  readonly variants?: readonly string[];
}

export interface ClosedList<K extends string = string> {
  readonly id: string;
  readonly entries: readonly ListEntry<K>[];
}

function list<K extends string>(id: string, entries: readonly ListEntry<K>[]): ClosedList<K> {
  return { id, entries };
}

/** The other spelling of a type (the full name for อบต./อบจ., the abbreviation for a เทศบาล), from org-types.ts. */
const otherSpelling = (key: LocalOrgType): string[] => {
  const t = ORG_TYPE_NAMES.find((n) => n.key === key) as OrgTypeNames;
  return t.abbr.startsWith("อบ") ? [t.full] : [t.abbr];
};

export const ORG_TYPES = list("orgType", [
  { key: "sao", th: "อบต.", en: "SAO", variants: otherSpelling("sao") },
  { key: "subdistrictMunicipality", th: "เทศบาลตำบล", en: "Subdistrict municipality", variants: otherSpelling("subdistrictMunicipality") },
  { key: "townMunicipality", th: "เทศบาลเมือง", en: "Town municipality", variants: otherSpelling("townMunicipality") },
  { key: "cityMunicipality", th: "เทศบาลนคร", en: "City municipality", variants: otherSpelling("cityMunicipality") },
  { key: "pao", th: "อบจ.", en: "PAO", variants: otherSpelling("pao") },
  { key: "other", th: "อื่น ๆ", en: "Other", variants: ["อื่นๆ"] },
] as const);
export type OrgType = (typeof ORG_TYPES.entries)[number]["key"];

export const FRAMEWORK_CHOICES = list("framework", [
  { key: "2566-2570", th: "ป.ป.ช. 2566-2570", en: "NACC 2566-2570", variants: ["2566-2570", "ป.ป.ช. ๒๕๖๖-๒๕๗๐"] },
  { key: "2561-2564", th: "ป.ป.ช. 2561-2564", en: "NACC 2561-2564", variants: ["2561-2564", "ป.ป.ช. ๒๕๖๑-๒๕๖๔"] },
] as const);

export const PLAN_LENGTHS = list("planLength", [
  { key: "4", th: "4", en: "4" },
  { key: "5", th: "5", en: "5" },
] as const);

export const ROUNDS = list("round", [
  { key: "6", th: "6", en: "6", variants: ["6 เดือน", "รอบ 6 เดือน"] },
  { key: "12", th: "12", en: "12", variants: ["12 เดือน", "รอบ 12 เดือน"] },
] as const);
export type ReportRound = 6 | 12;

export const DIGIT_STYLES = list("digits", [
  { key: "thai", th: "ไทย", en: "Thai" },
  { key: "arabic", th: "อารบิก", en: "Arabic", variants: ["อารบิค"] },
] as const);
export type DigitStyle = (typeof DIGIT_STYLES.entries)[number]["key"];

export const BUDGET_COLUMN_LABELS = list("budgetColumnLabel", [
  { key: "integrated", th: "งบบูรณาการ", en: "Integrated budget" },
  { key: "personnel", th: "งบบุคลากร", en: "Personnel budget" },
] as const);
export type BudgetColumnLabel = (typeof BUDGET_COLUMN_LABELS.entries)[number]["key"];

export const RISK_MATRICES = list("riskMatrix", [
  { key: "5x5", th: "5x5", en: "5x5", variants: ["5 x 5", "5×5"] },
  { key: "4x4", th: "4x4", en: "4x4", variants: ["4 x 4", "4×4"] },
  { key: "3x3", th: "3x3", en: "3x3", variants: ["3 x 3", "3×3"] },
  { key: "5x5-lookup", th: "5x5 ตามตาราง", en: "5x5 by cell", variants: ["5x5 lookup", "5×5 ตามตาราง"] },
] as const);
export type RiskMatrixSize = (typeof RISK_MATRICES.entries)[number]["key"];

export const FRAMEWORK_LEVELS = list("level", [
  { key: "dimension", th: "มิติ", en: "Dimension", variants: ["มติ", "มิตี"] },
  { key: "mission", th: "ภารกิจ", en: "Mission" },
  { key: "submission", th: "ภารกิจย่อย", en: "Sub-mission" },
] as const);

export const KINDS = list("kind", [
  { key: "project", th: "โครงการ", en: "Project" },
  { key: "activity", th: "กิจกรรม", en: "Activity" },
  { key: "measure", th: "มาตรการ", en: "Measure" },
  { key: "guideline", th: "แนวปฏิบัติงาน", en: "Guideline" },
] as const);

export const PROGRESS_STATUSES = list("status", [
  { key: "notStarted", th: "ยังไม่ดำเนินการ", en: "Not started" },
  { key: "inProgress", th: "อยู่ระหว่างดำเนินการ", en: "In progress" },
  { key: "done", th: "ดำเนินการแล้วเสร็จ", en: "Done" },
  { key: "notPossible", th: "ไม่สามารถดำเนินการได้", en: "Not possible" },
] as const);
export type ProgressStatus = (typeof PROGRESS_STATUSES.entries)[number]["key"];

export const NOT_POSSIBLE_REASONS = list("reason", [
  { key: "noBudget", th: "ไม่ได้รับงบประมาณ", en: "No budget received" },
  { key: "policyChanged", th: "นโยบายผู้บริหารเปลี่ยนแปลง", en: "Executive policy changed" },
  { key: "noStaff", th: "บุคลากรไม่เพียงพอ", en: "Not enough staff" },
  { key: "other", th: "อื่นๆ", en: "Other", variants: ["อื่น ๆ"] },
] as const);
export type NotPossibleReason = (typeof NOT_POSSIBLE_REASONS.entries)[number]["key"];

export const YES_NO = list("yesNo", [
  { key: "yes", th: "ใช่", en: "Yes", variants: ["บรรจุ", "มี"] },
  { key: "no", th: "ไม่", en: "No", variants: ["ไม่ใช่", "ไม่บรรจุ", "ไม่มี"] },
] as const);

export const MONTHS = list("month", [
  { key: "10", th: "ต.ค.", en: "Oct" }, { key: "11", th: "พ.ย.", en: "Nov" }, { key: "12", th: "ธ.ค.", en: "Dec" },
  { key: "1", th: "ม.ค.", en: "Jan" }, { key: "2", th: "ก.พ.", en: "Feb" }, { key: "3", th: "มี.ค.", en: "Mar" },
  { key: "4", th: "เม.ย.", en: "Apr" }, { key: "5", th: "พ.ค.", en: "May" }, { key: "6", th: "มิ.ย.", en: "Jun" },
  { key: "7", th: "ก.ค.", en: "Jul" }, { key: "8", th: "ส.ค.", en: "Aug" }, { key: "9", th: "ก.ย.", en: "Sep" },
] as const);

export const BUDGET_TYPES = list("budgetType", [
  { key: "agency", th: "งบหน่วยงาน", en: "Agency budget" },
  { key: "integrated", th: "งบบูรณาการ", en: "Integrated budget" },
  { key: "none", th: "ไม่ใช้งบประมาณ", en: "No budget", variants: ["ไม่ใช่งบประมาณ"] },
] as const);
export type BudgetType = (typeof BUDGET_TYPES.entries)[number]["key"];

export const RISK_CATEGORIES = list("riskCategory", [
  { key: "permits", th: "การพิจารณาอนุมัติ อนุญาต", en: "Approvals and permits" },
  { key: "authority", th: "การใช้อำนาจและตำแหน่งหน้าที่", en: "Use of authority and position" },
  { key: "budget", th: "การใช้จ่ายงบประมาณและการบริหารจัดการทรัพยากรภาครัฐ", en: "Budget spending and public resources" },
] as const);
export type RiskCategory = (typeof RISK_CATEGORIES.entries)[number]["key"];

export const RISK_FACTORS = list("riskFactor", [
  { key: "known", th: "Known", en: "Known", variants: ["รู้", "ทราบ"] },
  { key: "unknown", th: "Unknown", en: "Unknown", variants: ["ไม่รู้", "ไม่ทราบ"] },
] as const);
export type RiskFactor = (typeof RISK_FACTORS.entries)[number]["key"];

export const CONTROL_RATINGS = list("controlRating", [
  { key: "good", th: "ดี", en: "Good" },
  { key: "fair", th: "พอใช้", en: "Fair" },
  { key: "weak", th: "อ่อน", en: "Weak" },
] as const);
export type ControlRating = (typeof CONTROL_RATINGS.entries)[number]["key"];

export const STATUS_LIGHTS = list("statusLight", [
  { key: "green", th: "เขียว", en: "Green" },
  { key: "yellow", th: "เหลือง", en: "Yellow" },
  { key: "orange", th: "ส้ม", en: "Orange" },
  { key: "red", th: "แดง", en: "Red" },
] as const);
export type StatusLight = (typeof STATUS_LIGHTS.entries)[number]["key"];

export const SCALE_5 = list("scale", [
  { key: "1", th: "1", en: "1" }, { key: "2", th: "2", en: "2" }, { key: "3", th: "3", en: "3" },
  { key: "4", th: "4", en: "4" }, { key: "5", th: "5", en: "5" },
] as const);

/** Every static list, in the order they are laid out on the hidden lists sheet. */
export const STATIC_LISTS: readonly ClosedList[] = [
  ORG_TYPES, FRAMEWORK_CHOICES, PLAN_LENGTHS, ROUNDS, DIGIT_STYLES, BUDGET_COLUMN_LABELS, RISK_MATRICES,
  FRAMEWORK_LEVELS, KINDS, PROGRESS_STATUSES, NOT_POSSIBLE_REASONS, YES_NO, MONTHS, BUDGET_TYPES,
  RISK_CATEGORIES, RISK_FACTORS, CONTROL_RATINGS, STATUS_LIGHTS, SCALE_5,
];

const fold = (s: string): string =>
  s.replace(/[๐-๙]/g, (d) => String(d.charCodeAt(0) - 0x0e50)).replace(/[\s\u00a0]+/g, "").toLowerCase();

/** Every spelling of a list's entries: as written (the common case, no folding) and folded. */
interface ListIndex {
  readonly exact: ReadonlyMap<string, ListEntry>;
  readonly folded: ReadonlyMap<string, ListEntry>;
}

/**
 * The lists are constants, so each is indexed once (the reader looks up every list cell of every row).
 * The first entry that has a spelling wins, as a scan in entry order would find it.
 */
const indexes = new WeakMap<ClosedList, ListIndex>();

function indexOf(l: ClosedList): ListIndex {
  const known = indexes.get(l);
  if (known) return known;
  const folded = new Map<string, ListEntry>();
  const exact = new Map<string, ListEntry>();
  const spellings = (e: ListEntry) => [e.th, e.en, e.key, ...(e.variants ?? [])];
  for (const e of l.entries) {
    for (const s of spellings(e)) if (fold(s) !== "" && !folded.has(fold(s))) folded.set(fold(s), e);
  }
  for (const e of l.entries) {
    for (const s of spellings(e)) if (fold(s) !== "" && !exact.has(s)) exact.set(s, folded.get(fold(s)) as ListEntry);
  }
  const index = { exact, folded };
  indexes.set(l, index);
  return index;
}

/** Finds the entry a typed text means (case, spaces and Thai digits aside), or undefined. */
export function lookup<K extends string>(l: ClosedList<K>, text: string): ListEntry<K> | undefined {
  const index = indexOf(l);
  return (index.exact.get(text) ?? index.folded.get(fold(text))) as ListEntry<K> | undefined;
}

export function labelOf<K extends string>(l: ClosedList<K>, key: K, lang: "th" | "en" = "th"): string {
  const e = l.entries.find((x) => x.key === key);
  if (!e) throw new RangeError(`${key} is not in list ${l.id}`);
  return e[lang];
}
