/**
 * Use case: a plan table as the documents lay it out → a template workbook, with every stated total or
 * count that disagrees with the items reported at its source cell, and every non-empty source row
 * accounted for. The plan rules run on the imported items and point at the legacy cells too.
 */
import type { Finding } from "../domain/findings";
import { orgTypeOfName } from "../domain/org-types";
import { yearsOfPlan } from "../domain/settings";
import { textToGrids } from "../workbook/text-table";
import type { FrameworkId } from "../domain/frameworks/types";
import type { OrgType } from "../domain/lists";
import type { PlanWorkbook } from "../domain/plan";
import { foldForMatch, toArabicDigits } from "../domain/thai";
import { fiscalYear, isFiscalYear } from "../domain/units";
import { type Locator, runRules } from "../domain/validation";
import { address } from "../workbook/a1";
import type { WorkbookGrids } from "../workbook/grid";
import type { DocxPlan } from "../workbook/docx-document";
import { importLegacyTable, type LegacyImport, type RowDisposition, statedCounts, titleFromText } from "../workbook/legacy";
import type { ExistingSheetPolicy, WorkbookPort } from "./port";
import { newPlan, writePlanWorkbook } from "./template";
import { sortFindings } from "./validate";

export interface ImportOptions {
  readonly orgName?: string;
  readonly orgType?: OrgType;
  readonly district?: string;
  readonly province?: string;
}

export interface ImportResult {
  readonly model: PlanWorkbook;
  readonly legacy: LegacyImport;
  readonly findings: readonly Finding[];
  /** How every non-empty source row was used. */
  readonly rowCounts: Readonly<Record<RowDisposition, number>>;
}

export class NoPlanTableError extends Error {
  constructor() {
    super("no plan table found (a header row with มิติ and โครงการ/กิจกรรม/มาตรการ and years) / ไม่พบตารางแผน (แถวหัวตารางที่มี มิติ โครงการ/กิจกรรม/มาตรการ และปี)");
    this.name = "NoPlanTableError";
  }
}

/** Rules that make sense for a plan table on its own (progress and cross-sheet rules wait for the workbook). */
const PLAN_TABLE_RULES = /^(P|B)\d+$/;

export function importPlanTable(grids: WorkbookGrids, options: ImportOptions = {}): ImportResult {
  const legacy = importLegacyTable(grids);
  if (!legacy) throw new NoPlanTableError();
  const first = legacy.years[0] ?? legacy.title.firstYear ?? 2566;
  const count = legacy.years.length === 4 ? 4 : 5;
  const framework: FrameworkId = first < 2565 ? "2561-2564" : "2566-2570";
  const base = newPlan({
    orgName: options.orgName ?? legacy.title.orgName ?? "",
    orgType: options.orgType ?? orgTypeOf(options.orgName ?? legacy.title.orgName ?? ""),
    district: options.district ?? "",
    province: options.province ?? "",
    firstYear: fiscalYear(isFiscalYear(first) ? first : 2566),
    years: count,
    framework,
  });
  // the missions as the document words them: kept in the framework sheet (so every report prints
  // them), each difference from the framework's wording reported with both texts
  const wording: Finding[] = [];
  const nodes = base.framework.map((node) => {
    const doc = legacy.missions.find((m) => m.code === node.code);
    if (!doc || foldForMatch(doc.title) === foldForMatch(node.name)) return node;
    wording.push({
      rule: "X10", severity: "info", location: { sheet: legacy.sheet, cell: doc.cell },
      message: {
        th: `ภารกิจ ${node.code} ในเอกสารใช้ถ้อยคำต่างจากกรอบ ป.ป.ช. — เก็บถ้อยคำของเอกสารไว้ในแผ่นกรอบ (กรอบใช้ว่า "${node.name}")`,
        en: `Mission ${node.code} is worded differently from the framework; the document's wording is kept in the framework sheet (the framework says "${node.name}")`,
      },
      // no "expected": the document is not wrong, only worded its own way (the framework's text is in the message)
      found: doc.title,
    });
    return { ...node, name: doc.title };
  });
  const model: PlanWorkbook = { ...base, framework: nodes, items: legacy.items };
  const planYears = yearsOfPlan(base.settings);
  // a packed row's one amount is on its first item (X8 says so): its other items are not "no budget"
  const sharedRows = new Set(legacy.sharedBudgets.map((s) => s.row));
  const ruleFindings = runRules({ wb: model, at: legacyLocator(legacy), planYears })
    .filter((f) => PLAN_TABLE_RULES.test(f.rule))
    .filter((f) => !(f.rule === "B5" && sharedRows.has(rowOf(f.location.cell))));
  const rowCounts = { title: 0, header: 0, item: 0, total: 0, unplaced: 0 };
  for (const r of legacy.rows) rowCounts[r.disposition]++;
  return { model, legacy, findings: sortFindings([...legacy.findings, ...wording, ...ruleFindings], [legacy.sheet]), rowCounts };
}

const rowOf = (cell: string | undefined) => Number(/\d+$/.exec(cell ?? "")?.[0] ?? 0);

function orgTypeOf(name: string): OrgType | undefined {
  return orgTypeOfName(name)?.key;
}

/** Findings about an imported item point at the cell of the legacy table it came from. */
export function legacyLocator(legacy: LegacyImport): Locator {
  const c = legacy.columns;
  const columnOf = (field: string): number | undefined => {
    if (field.startsWith("budget:")) return c.years.find((y) => `budget:${y.year}` === field)?.col;
    switch (field) {
      case "dimension":
        return c.dimension;
      case "mission":
        return c.mission;
      case "note":
        return c.note ?? c.owner;
      case "owner":
        return c.owner;
      default:
        // code, name, kind and sub-mission (carried by the item's numbering) are all in the item cell
        return c.items;
    }
  };
  return {
    field(_table, at, field) {
      const col = columnOf(field);
      if (!at) return { sheet: legacy.sheet };
      return col === undefined ? { sheet: legacy.sheet, row: at.row } : { sheet: legacy.sheet, cell: address(at.row, col + 1) };
    },
    setting: () => ({ sheet: legacy.sheet }),
  };
}

/**
 * A Word document's plan: its table(s) imported as a sheet's, the organization and period from the
 * title above the table, and every count the foreword or summary states ("รวมทั้งสิ้น 36 โครงการ",
 * "มิติที่ 1 จำนวน 10 โครงการ") compared with the items read, citing the paragraph and the table.
 */
export function importPlanDocument(doc: DocxPlan, options: ImportOptions = {}): ImportResult {
  const title = titleFromText(doc.titleText);
  const result = importPlanTable(doc.grids, { ...(title.orgName ? { orgName: title.orgName } : {}), ...options });
  const items = result.model.items;
  const wholeTotal = result.legacy.totals.find((t) => t.scope === "all");
  const stated: Finding[] = [];
  for (const p of doc.paragraphs) {
    const text = toArabicDigits(p.text);
    if (!/รวม|จำนวน|ทั้งสิ้น|ทั้งหมด|ประกอบด้วย/.test(text)) continue;
    const counts = statedCounts(text);
    const all = /(\d+)\s*(?:รายการ|โครงการ\s*\/\s*กิจกรรม\s*\/\s*มาตรการ)/.exec(text);
    const kinds = Object.values(counts).reduce((s, n) => s + (n ?? 0), 0);
    const total = all ? Number(all[1]) : kinds;
    if (total === 0) continue;
    const dims = [...new Set([...text.matchAll(/มิติที่\s*(\d)/g)].map((m) => Number(m[1])))];
    if (dims.length > 1) continue; // counts of several dimensions in one sentence: not one statement
    const scoped = dims.length === 1 ? items.filter((it) => it.dimension === dims[0]) : items;
    if (scoped.length === total) continue;
    const where = dims.length === 1 ? { th: `มิติที่ ${dims[0]}`, en: `dimension ${dims[0]}` } : { th: "ทั้งแผน", en: "the whole plan" };
    const table = dims.length === 0 && wholeTotal ? { th: ` (แถวรวม ${result.legacy.sheet}!${wholeTotal.cell})`, en: ` (total row ${result.legacy.sheet}!${wholeTotal.cell})` } : { th: "", en: "" };
    stated.push({
      rule: "B7", severity: "error", location: { sheet: `ย่อหน้าที่ ${p.no}` },
      message: {
        th: `ข้อความในเอกสาร (ย่อหน้าที่ ${p.no}) ระบุ${where.th} ${total} รายการ แต่ตารางแผน${table.th} มี ${scoped.length} รายการที่อ่านได้ — ตรวจว่าตารางหรือข้อความฝั่งใดถูก`,
        en: `The document's text (paragraph ${p.no}) states ${total} items for ${where.en}, but ${scoped.length} were read from the plan table${table.en}: check which of the two is right`,
      },
      found: p.text.slice(0, 120), expected: { th: `${scoped.length} รายการในตาราง`, en: `${scoped.length} items in the table` },
    });
  }
  return { ...result, findings: sortFindings([...result.findings, ...stated], [result.legacy.sheet]) };
}

/** A Word document's (or a text's) plan written as a template into a workbook (a new file). */
export async function importDocumentInto(result: ImportResult, target: WorkbookPort, policy: ExistingSheetPolicy = "refuse"): Promise<ImportResult> {
  await writePlanWorkbook(target, result.model, new Date(), policy);
  return result;
}

/**
 * Reads the plan table from one workbook and writes the template with its items into another (a new
 * file in the browser) or into the same one (Excel, beside the user's own sheets). Like every writer
 * it refuses to replace an existing sheet unless the user said yes ("replace").
 */
export async function importInto(
  source: WorkbookPort,
  target: WorkbookPort,
  options: ImportOptions = {},
  policy: ExistingSheetPolicy = "refuse",
): Promise<ImportResult> {
  const result = importPlanTable(await source.readGrids(), options);
  await writePlanWorkbook(target, result.model, new Date(), policy);
  return result;
}

/** A plan table copied out of a PDF viewer (.txt/.tsv: a line a row, tabs between columns) → the template. */
export function importPlanText(text: string, source: string, options: ImportOptions = {}): ImportResult {
  return importPlanTable(textToGrids(text, source), options);
}
