/**
 * An e-PlanNACC annual list as read, and checked against the plan for the list's fiscal year (B11), and
 * against itself (B6: the รวมทั้งสิ้น row's budget and ticks per quarter are the sums of its rows).
 *
 * List rows are matched to plan items by name, because the list is not in plan order and carries no
 * codes: first the same name once spaces, quotes, numbering and digits are normalised (the kind word
 * aside, so that a กิจกรรม listed for a มาตรการ still matches), then the most similar name in the same
 * dimension above a threshold, then a nearly identical name in another dimension (a dimension that
 * differs). What stays unmatched is reported on both sides. Findings sit at the list's cells and name
 * the plan's cell in their message. Pure.
 */
import { type CellLocation, describeLocation, type Finding, sortFindings } from "./findings";
import { type ItemKind, KIND_WORD } from "./kinds";
import { editRatio as ratio, nameKey, type NameKey, nameSimilarity, placeOf } from "./names";
import { budgetIn, type PlanItem, type PlanWorkbook, type Quarter } from "./plan";
import { formatAmount } from "./thai";
import type { DimensionNo, FiscalYear } from "./units";
import type { Locator } from "./validation";

/* ---------- the list as read (workbook/annual-list.ts reads it from a sheet) ---------- */

export type ListRowDisposition = "title" | "header" | "item" | "total" | "footer" | "legend" | "unplaced";

export const LIST_ROW_DISPOSITIONS: readonly ListRowDisposition[] = ["title", "header", "item", "total", "footer", "legend", "unplaced"];

export interface ListRowAccount {
  /** 1-based sheet row. */
  readonly row: number;
  readonly disposition: ListRowDisposition;
}

export interface AnnualListColumns {
  readonly seq: number | undefined;
  readonly name: number;
  readonly dimension: number | undefined;
  readonly budget: number;
  /** Quarter 1–4 → 0-based column. */
  readonly quarters: readonly [number, number, number, number];
  readonly note: number | undefined;
}

export interface AnnualListRow {
  /** 1-based sheet row. */
  readonly row: number;
  /** ลำดับ as printed (undefined when blank or not a number). */
  readonly seq: number | undefined;
  /** The name as printed, white space normalised. */
  readonly name: string;
  readonly kind: ItemKind | undefined;
  readonly dimension: DimensionNo | undefined;
  /** Baht; "-", "0.00" and blank are 0. */
  readonly budget: number;
  readonly ticked: readonly Quarter[];
  readonly note: string;
  /** A1 addresses of the row's cells, for findings. */
  readonly cells: {
    readonly name: string;
    readonly dimension: string | undefined;
    readonly budget: string;
    readonly quarters: readonly [string, string, string, string];
  };
}

export interface StatedCell {
  readonly value: number;
  readonly cell: string;
}

/** The รวมทั้งสิ้น row: what it states, each with its cell. */
export interface StatedListTotal {
  readonly row: number;
  /** The cell of the "รวมทั้งสิ้น" label. */
  readonly label: string;
  readonly budget: StatedCell | undefined;
  /** Ticks stated per quarter (undefined where the cell is blank or not a number). */
  readonly quarters: readonly [StatedCell | undefined, StatedCell | undefined, StatedCell | undefined, StatedCell | undefined];
  /** "รวมทั้งสิ้น 47 โครงการ": the number of items stated, when the row says one. */
  readonly count: StatedCell | undefined;
}

export interface AnnualList {
  readonly sheet: string;
  /** The BE year of the title ("พ.ศ. 2569"), or of the budget header when the title has none. */
  readonly fiscalYear: FiscalYear | undefined;
  readonly orgName: string | undefined;
  /** The first title's cell (or the header's name cell when there is no title). */
  readonly titleCell: string;
  /** 1-based row of the (first) header. */
  readonly headerRow: number;
  readonly columns: AnnualListColumns;
  readonly rows: readonly AnnualListRow[];
  /** The last total row (รวมทั้งสิ้น); earlier รวม rows are accounted for but not checked. */
  readonly total: StatedListTotal | undefined;
  /** "15 พฤศจิกายน 2565" from "** ข้อมูล ณ วันที่ …". */
  readonly dataDate: string | undefined;
  /** The name after "ชื่อ - สกุล ผู้ออกรายงาน". */
  readonly reporter: string | undefined;
  /** The "คำอธิบาย" legend's dimension names. */
  readonly legend: readonly { readonly dimension: DimensionNo; readonly name: string }[];
  /** Every non-empty row of the sheet, in order. */
  readonly accounts: readonly ListRowAccount[];
  /** What the reader saw: unreadable amounts (B1), ticks (X1), dimensions (P2), formula errors (X2), rows it could not place (X6). */
  readonly findings: readonly Finding[];
}

/** The plan a list is checked against, with a way to name an item's cell in messages. */
export interface PlanForList {
  readonly model: PlanWorkbook;
  /** "template": a Sujarit workbook; "planTable": a plan table read by the importer. */
  readonly source: "template" | "planTable";
  /** The sheet the plan items were read from. */
  readonly sheet: string;
  /** The plan's BE years. */
  readonly years: readonly FiscalYear[];
  /** Where an item's field is in the plan (absent: messages name the item by code only). */
  readonly at?: Locator;
  /** The cell where the plan states its total for a year (a plan table's รวมทั้งสิ้น row), when it has one. */
  readonly totalCell?: (year: number) => CellLocation | undefined;
  /** What reading the plan found (not part of the comparison; shown as a count). */
  readonly findings: readonly Finding[];
}

/* ---------- matching ---------- */

export interface ComparisonOptions {
  /** Names at least this similar (0–1) match within a dimension. */
  readonly threshold?: number;
  /** Names at least this similar match an item of another dimension (reported as a dimension that differs). */
  readonly otherDimensionThreshold?: number;
  /** Check the list as this fiscal year instead of the one its title states. */
  readonly fiscalYear?: FiscalYear;
}

export const DEFAULT_THRESHOLD = 0.6;
export const DEFAULT_OTHER_DIMENSION_THRESHOLD = 0.85;

/** "name": the same name once normalised; "similar": the most similar name of the dimension; "otherDimension": a near-identical name elsewhere. */
export type MatchHow = "name" | "similar" | "otherDimension";

export interface ListMatch {
  readonly row: AnnualListRow;
  readonly item: PlanItem;
  /** 1 for the same normalised name. */
  readonly similarity: number;
  readonly how: MatchHow;
}

export interface UnmatchedRow {
  readonly row: AnnualListRow;
  /** "duplicate": the same name as an earlier row of the list. */
  readonly reason: "notInPlan" | "duplicate";
  readonly duplicateOf?: number;
  /** The most similar plan item not matched to another row, for the suggestion. */
  readonly nearest?: { readonly item: PlanItem; readonly similarity: number };
}

export interface DimensionComparison {
  readonly dimension: DimensionNo | undefined;
  readonly listRows: number;
  readonly planItems: number;
  readonly listBudget: number;
  readonly planBudget: number;
}

export interface AnnualListComparison {
  readonly list: AnnualList;
  readonly plan: PlanForList;
  /** The year checked: the list's, unless overridden. */
  readonly fiscalYear: FiscalYear | undefined;
  /** False when the year is unknown or outside the plan: only the list's own sums were checked. */
  readonly comparedWithPlan: boolean;
  readonly matches: readonly ListMatch[];
  readonly unmatched: readonly UnmatchedRow[];
  /** Plan items of the year that no list row stands for. */
  readonly missing: readonly PlanItem[];
  readonly sums: {
    readonly listBudget: number;
    readonly statedBudget: number | undefined;
    readonly planBudget: number | undefined;
    readonly ticks: readonly number[];
    readonly statedTicks: readonly (number | undefined)[];
  };
  readonly byDimension: readonly DimensionComparison[];
  readonly rowCounts: Readonly<Record<ListRowDisposition, number>>;
  /** The list reader's findings and the comparison's, in sheet order. */
  readonly findings: readonly Finding[];
}

export { nameKey, nameSimilarity };

const sameDimension = (row: AnnualListRow, item: PlanItem) => row.dimension === undefined || item.dimension === undefined || row.dimension === item.dimension;

function matchRows(rows: readonly AnnualListRow[], items: readonly PlanItem[], options: ComparisonOptions) {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const otherThreshold = options.otherDimensionThreshold ?? DEFAULT_OTHER_DIMENSION_THRESHOLD;
  const rowKeys = rows.map((r) => nameKey(r.name));
  const itemKeys = items.map((it) => nameKey(it.name));
  const itemOf = new Map<number, { j: number; similarity: number; how: MatchHow }>();
  const taken = new Set<number>();
  const duplicates = new Map<number, number>();

  // 1. the same name (an exact copy of an earlier row is a duplicate, not a second item)
  const seen = new Map<string, number>();
  rows.forEach((row, i) => {
    const k = rowKeys[i] as NameKey;
    const earlier = seen.get(k.full);
    if (earlier !== undefined) {
      duplicates.set(i, earlier);
      return;
    }
    seen.set(k.full, i);
    const candidates = items
      .map((it, j) => ({ it, j, k: itemKeys[j] as NameKey }))
      .filter(({ j, k: ik }) => !taken.has(j) && (ik.full === k.full || (k.bare !== "" && ik.bare === k.bare)))
      .sort((a, b) => Number(sameDimension(row, b.it)) - Number(sameDimension(row, a.it)) || Number(b.k.full === k.full) - Number(a.k.full === k.full) || a.j - b.j);
    const best = candidates[0];
    if (best) {
      itemOf.set(i, { j: best.j, similarity: 1, how: sameDimension(row, best.it) ? "name" : "otherDimension" });
      taken.add(best.j);
    }
  });

  // 2. the most similar names first, within the dimension; 3. near-identical names in another dimension
  const greedy = (accept: (row: AnnualListRow, item: PlanItem, s: number) => boolean, how: MatchHow) => {
    const pairs: { i: number; j: number; s: number }[] = [];
    rows.forEach((row, i) => {
      if (itemOf.has(i) || duplicates.has(i)) return;
      items.forEach((item, j) => {
        if (taken.has(j)) return;
        const s = nameSimilarity(rowKeys[i] as NameKey, itemKeys[j] as NameKey);
        if (accept(row, item, s)) pairs.push({ i, j, s });
      });
    });
    pairs.sort((a, b) => b.s - a.s || a.i - b.i || a.j - b.j);
    for (const p of pairs) {
      if (itemOf.has(p.i) || taken.has(p.j)) continue;
      itemOf.set(p.i, { j: p.j, similarity: p.s, how });
      taken.add(p.j);
    }
  };
  greedy((row, item, s) => sameDimension(row, item) && s >= threshold, "similar");
  greedy((row, item, s) => !sameDimension(row, item) && s >= otherThreshold, "otherDimension");

  const matches: ListMatch[] = [];
  const unmatched: UnmatchedRow[] = [];
  rows.forEach((row, i) => {
    const m = itemOf.get(i);
    if (m) {
      matches.push({ row, item: items[m.j] as PlanItem, similarity: m.similarity, how: m.how });
      return;
    }
    const dup = duplicates.get(i);
    let nearest: UnmatchedRow["nearest"];
    items.forEach((item, j) => {
      if (taken.has(j)) return;
      const s = nameSimilarity(rowKeys[i] as NameKey, itemKeys[j] as NameKey);
      if (!nearest || s > nearest.similarity) nearest = { item, similarity: s };
    });
    unmatched.push({
      row, reason: dup === undefined ? "notInPlan" : "duplicate",
      ...(dup === undefined ? {} : { duplicateOf: (rows[dup] as AnnualListRow).row }),
      ...(nearest ? { nearest } : {}),
    });
  });
  const missing = items.filter((_, j) => !taken.has(j));
  return { matches, unmatched, missing };
}

/* ---------- the comparison ---------- */

const CENT = 0.005;
const money = (v: number) => formatAmount(v);
const same = (a: number, b: number) => Math.abs(a - b) < CENT;
const short = (text: string, n = 60) => ([...text].length > n ? `${[...text].slice(0, n - 1).join("")}…` : text);

export function compareAnnualList(list: AnnualList, plan: PlanForList, options: ComparisonOptions = {}): AnnualListComparison {
  const fy = options.fiscalYear ?? list.fiscalYear;
  const findings: Finding[] = [...list.findings];
  const sheet = list.sheet;
  const at = (cell: string): CellLocation => ({ sheet, cell });
  const planYears = plan.years;
  const yearKnown = fy !== undefined && planYears.includes(fy);
  const items = yearKnown ? plan.model.items.filter((it) => fy in it.budgets) : [];
  const { matches, unmatched, missing } = yearKnown ? matchRows(list.rows, items, options) : { matches: [], unmatched: [], missing: [] };

  const code = (it: PlanItem) => it.code ?? "?";
  const where = (it: PlanItem, field: string): string | undefined => {
    const loc = plan.at?.field("plan", it.at, field);
    return loc && (loc.cell || loc.row) ? describeLocation(loc) : undefined;
  };
  const ref = (it: PlanItem, field: string) => {
    const w = where(it, field);
    return { th: `รายการ ${code(it)} ของแผน${w ? ` ที่ ${w}` : ""}`, en: `plan item ${code(it)}${w ? ` at ${w}` : ""}` };
  };

  if (fy === undefined) {
    findings.push({
      rule: "B11", severity: "error", location: at(list.titleCell),
      message: { th: "ไม่พบปีงบประมาณของบัญชีในหัวเรื่อง จึงเทียบกับแผนไม่ได้", en: "The list's title names no fiscal year, so it cannot be checked against the plan" },
      expected: { th: "หัวเรื่อง \"แผนปฏิบัติการป้องกันการทุจริต พ.ศ. 25xx ของ …\"", en: "a title \"แผนปฏิบัติการป้องกันการทุจริต พ.ศ. 25xx ของ …\"" },
    });
  } else if (!yearKnown) {
    const span = planYears.length > 0 ? `${planYears[0]}–${planYears[planYears.length - 1]}` : "-";
    findings.push({
      rule: "B11", severity: "error", location: at(list.titleCell),
      message: { th: `ปี ${fy} ของบัญชีอยู่นอกช่วงปีของแผน จึงเทียบกับแผนไม่ได้`, en: `The list's year ${fy} is outside the plan's years, so it cannot be checked against the plan` },
      found: String(fy), expected: { th: `ปีในช่วง ${span}`, en: `a year in ${span}` },
    });
  }

  if (yearKnown) {
    const year = fy;
    // the organization: a list of another organization is the wrong file (a misspelled own name is not)
    const orgA = placeOf(list.orgName ?? "");
    const orgB = placeOf(plan.model.settings.orgName);
    if (orgA && orgB && !orgA.includes(orgB) && !orgB.includes(orgA) && ratio(orgA, orgB) < 0.8) {
      findings.push({
        rule: "B11", severity: "warning", location: at(list.titleCell),
        message: { th: "บัญชีนี้เป็นของหน่วยงานอื่น ไม่ใช่หน่วยงานของแผน", en: "The list names another organization than the plan" },
        found: list.orgName as string, expected: { th: plan.model.settings.orgName, en: plan.model.settings.orgName },
      });
    }

    for (const m of matches) {
      const planned = m.item.budgets[year] ?? 0;
      if (!same(m.row.budget, planned)) {
        const r = ref(m.item, `budget:${year}`);
        findings.push({
          rule: "B11", severity: "error", location: at(m.row.cells.budget),
          message: { th: `งบประมาณปี ${year} ในบัญชีไม่ตรงกับแผน (${r.th})`, en: `The ${year} budget in the list differs from the plan (${r.en})` },
          found: money(m.row.budget), expected: { th: `${money(planned)} ตามแผน`, en: `${money(planned)} as planned` }, suggestion: money(planned),
        });
      }
      if (m.row.kind && m.item.kind && m.row.kind !== m.item.kind) {
        const r = ref(m.item, "kind");
        findings.push({
          rule: "B11", severity: "warning", location: at(m.row.cells.name),
          message: { th: `ประเภทของรายการในบัญชีไม่ตรงกับแผน (${r.th})`, en: `The item's kind in the list differs from the plan (${r.en})` },
          found: KIND_WORD[m.row.kind], expected: { th: KIND_WORD[m.item.kind], en: `${KIND_WORD[m.item.kind]} (${m.item.kind})` }, suggestion: KIND_WORD[m.item.kind],
        });
      }
      if (m.row.dimension !== undefined && m.item.dimension !== undefined && m.row.dimension !== m.item.dimension) {
        const r = ref(m.item, "dimension");
        findings.push({
          rule: "B11", severity: "warning", location: at(m.row.cells.dimension ?? m.row.cells.name),
          message: { th: `มิติของรายการในบัญชีไม่ตรงกับแผน (${r.th})`, en: `The item's dimension in the list differs from the plan (${r.en})` },
          found: String(m.row.dimension), expected: { th: `มิติ ${m.item.dimension}`, en: `dimension ${m.item.dimension}` }, suggestion: String(m.item.dimension),
        });
      }
    }

    for (const u of unmatched) {
      const near = u.nearest && u.nearest.similarity >= 0.4 ? `${code(u.nearest.item)} ${short(u.nearest.item.name)} (${Math.round(u.nearest.similarity * 100)}%)` : undefined;
      findings.push(
        u.reason === "duplicate"
          ? {
            rule: "B11", severity: "warning", location: at(u.row.cells.name),
            message: { th: `รายการซ้ำกับแถว ${u.duplicateOf} ของบัญชี`, en: `The item is listed twice (also row ${u.duplicateOf})` },
            found: short(u.row.name), expected: { th: "หนึ่งแถวต่อหนึ่งรายการ", en: "one row per item" },
          }
          : {
            rule: "B11", severity: "warning", location: at(u.row.cells.name),
            message: { th: `รายการนี้ไม่มีในแผนของปี ${year}${u.row.dimension ? ` (มิติ ${u.row.dimension})` : ""}`, en: `This item is not in the plan for ${year}${u.row.dimension ? ` (dimension ${u.row.dimension})` : ""}` },
            found: short(u.row.name), expected: { th: "ชื่อรายการตามแผน", en: "the name of a plan item" },
            ...(near ? { suggestion: near } : {}),
          },
      );
    }

    const missingAt: CellLocation = list.total ? at(list.total.label) : { sheet, row: (list.rows[list.rows.length - 1]?.row ?? list.headerRow) + 1 };
    for (const it of missing) {
      const r = ref(it, "name");
      findings.push({
        rule: "B11", severity: "warning", location: missingAt,
        message: { th: `${r.th} ไม่มีในบัญชีปี ${year}`, en: `${r.en.charAt(0).toUpperCase()}${r.en.slice(1)} is missing from the ${year} list` },
        expected: { th: `แถวของ "${short(it.name)}"${it.dimension ? ` มิติ ${it.dimension}` : ""}`, en: `a row for "${short(it.name)}"${it.dimension ? ` (dimension ${it.dimension})` : ""}` },
      });
    }
  }

  // the list's own sums (B6) and its total against the plan's (B11)
  const listBudget = list.rows.reduce((s, r) => s + r.budget, 0);
  const ticks = [1, 2, 3, 4].map((q) => list.rows.filter((r) => r.ticked.includes(q as Quarter)).length);
  const planBudget = yearKnown ? items.reduce((s, it) => s + budgetIn(it.budgets, fy), 0) : undefined;
  const total = list.total;
  if (total?.budget && !same(total.budget.value, listBudget)) {
    findings.push({
      rule: "B6", severity: "error", location: at(total.budget.cell),
      message: { th: "ยอดรวมงบประมาณในแถวรวมทั้งสิ้นไม่ใช่ผลรวมของรายการในบัญชี", en: "The stated budget total is not the sum of the list's rows" },
      found: money(total.budget.value), expected: { th: money(listBudget), en: money(listBudget) }, suggestion: money(listBudget),
    });
  }
  total?.quarters.forEach((stated, i) => {
    if (stated && stated.value !== ticks[i]) {
      findings.push({
        rule: "B6", severity: "warning", location: at(stated.cell),
        message: { th: `จำนวนรายการไตรมาส ${i + 1} ในแถวรวมทั้งสิ้นไม่ตรงกับจำนวนแถวที่ทำเครื่องหมาย`, en: `The quarter ${i + 1} count in the total row is not the number of rows ticked` },
        found: String(stated.value), expected: { th: `${ticks[i]} (แถวที่ทำเครื่องหมาย)`, en: `${ticks[i]} (rows ticked)` }, suggestion: String(ticks[i]),
      });
    }
  });
  if (total?.count && total.count.value !== list.rows.length) {
    findings.push({
      rule: "B7", severity: "warning", location: at(total.count.cell),
      message: { th: "จำนวนรายการที่ระบุในแถวรวมทั้งสิ้นไม่ตรงกับจำนวนแถวของบัญชี", en: "The item count stated in the total row is not the number of rows" },
      found: String(total.count.value), expected: { th: `${list.rows.length} รายการ`, en: `${list.rows.length} items` }, suggestion: String(list.rows.length),
    });
  }
  if (planBudget !== undefined && !same(listBudget, planBudget)) {
    const planAt = plan.totalCell?.(fy as number);
    const planRef = planAt ? { th: ` ที่ ${describeLocation(planAt)}`, en: ` at ${describeLocation(planAt)}` } : { th: "", en: "" };
    const diff = listBudget - planBudget;
    const cell = total?.budget?.cell ?? total?.label;
    findings.push({
      rule: "B11", severity: "error", location: cell ? at(cell) : { sheet },
      message: {
        th: `งบประมาณรวมของบัญชีปี ${fy} ไม่ตรงกับยอดรวมปี ${fy} ของแผน${planRef.th} (ต่างกัน ${diff > 0 ? "+" : ""}${money(diff)} บาท)`,
        en: `The ${fy} list's budget total differs from the plan's ${fy} total${planRef.en} (${diff > 0 ? "+" : ""}${money(diff)} baht)`,
      },
      found: money(listBudget), expected: { th: `${money(planBudget)} ตามแผน`, en: `${money(planBudget)} as planned` },
    });
  }

  const dims: (DimensionNo | undefined)[] = [1, 2, 3, 4];
  if (list.rows.some((r) => r.dimension === undefined) || items.some((it) => it.dimension === undefined)) dims.push(undefined);
  const byDimension = dims.map((d) => {
    const rows = list.rows.filter((r) => r.dimension === d);
    const its = items.filter((it) => it.dimension === d);
    return {
      dimension: d, listRows: rows.length, planItems: its.length,
      listBudget: rows.reduce((s, r) => s + r.budget, 0),
      planBudget: its.reduce((s, it) => s + (yearKnown ? budgetIn(it.budgets, fy) : 0), 0),
    };
  });
  const rowCounts = Object.fromEntries(LIST_ROW_DISPOSITIONS.map((d) => [d, 0])) as Record<ListRowDisposition, number>;
  for (const a of list.accounts) rowCounts[a.disposition]++;

  return {
    list, plan, fiscalYear: fy, comparedWithPlan: yearKnown, matches, unmatched, missing,
    sums: { listBudget, statedBudget: total?.budget?.value, planBudget, ticks, statedTicks: total ? total.quarters.map((q) => q?.value) : [] },
    byDimension, rowCounts, findings: sortFindings(findings, [sheet]),
  };
}

