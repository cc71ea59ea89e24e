/**
 * Use case: a plan table as the documents lay it out → a template workbook, with every stated total or
 * count that disagrees with the items reported at its source cell, and every non-empty source row
 * accounted for. The plan rules run on the imported items and point at the legacy cells too.
 */
import type { Finding } from "../domain/findings";
import type { FrameworkId } from "../domain/frameworks/types";
import type { OrgType } from "../domain/lists";
import type { PlanWorkbook } from "../domain/plan";
import { foldForMatch } from "../domain/thai";
import { fiscalYear, isFiscalYear } from "../domain/units";
import { type Locator, runRules } from "../domain/validation";
import { address } from "../workbook/a1";
import type { WorkbookGrids } from "../workbook/grid";
import { importLegacyTable, type LegacyImport, type RowDisposition } from "../workbook/legacy";
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
    orgType: options.orgType ?? orgTypeOf(legacy.title.orgName ?? ""),
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
      found: doc.title, expected: { th: node.name, en: node.name },
    });
    return { ...node, name: doc.title };
  });
  const model: PlanWorkbook = { ...base, framework: nodes, items: legacy.items };
  const planYears = Array.from({ length: count }, (_, i) => first + i);
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
  if (name.startsWith("องค์การบริหารส่วนตำบล")) return "sao";
  if (name.startsWith("เทศบาลตำบล")) return "subdistrictMunicipality";
  if (name.startsWith("เทศบาลเมือง")) return "townMunicipality";
  if (name.startsWith("เทศบาลนคร")) return "cityMunicipality";
  if (name.startsWith("องค์การบริหารส่วนจังหวัด")) return "pao";
  return undefined;
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
