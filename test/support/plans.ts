/** Test data: the seed-000 sample model, large generated plans, and a fast-check generator of random but valid plans. */
import fc from "fast-check";
import { newPlan } from "../../src/app/template";
import { type CalendarMonth, FISCAL_MONTHS } from "../../src/domain/calendar";
import { FRAMEWORKS } from "../../src/domain/frameworks";
import type { FrameworkId } from "../../src/domain/frameworks/types";
import { ITEM_KINDS } from "../../src/domain/kinds";
import type { PlanItem, PlanWorkbook, ProgressEntry, Quarter, RiskEntry } from "../../src/domain/plan";
import type { RiskMatrixSize } from "../../src/domain/lists";
import { PRESETS, type RiskMatrix } from "../../src/domain/risk/matrix";
import { baht, type Baht, type DimensionNo, fiscalYear, type NodeCode, type PlanCode } from "../../src/domain/units";
import { loadSeed000, sampleModel } from "../../tools/build-sample";

/** Drops the source rows (`at`), which depend on where a record was written, not on what it says. */
export function withoutRows(wb: PlanWorkbook): PlanWorkbook {
  const strip = <T extends { at?: unknown }>(xs: readonly T[]): T[] => xs.map(({ at: _at, ...rest }) => rest as T);
  return { ...wb, items: strip(wb.items), details: strip(wb.details), progress: strip(wb.progress), risks: strip(wb.risks), itaMeasures: strip(wb.itaMeasures) };
}

const THAI_WORDS = ["โครงการ", "ส่งเสริม", "คุณธรรม", "ความโปร่งใส", "อบรม", "ประชาชน", "ตำบล", "=SUM(A1)", "+66", "-", "@ref", "No Gift Policy", "๒๕๖๖", "1.10"];
/** Texts as users type them: words with single spaces, sometimes starting like a formula. */
export const userText = fc.array(fc.constantFrom(...THAI_WORDS), { minLength: 1, maxLength: 5 }).map((ws) => ws.join(" "));
const listItem = fc.array(fc.constantFrom("ประชาชน", "เด็กและเยาวชน", "สถานศึกษา", "หน่วยงานภาครัฐ"), { maxLength: 3 });
const amount = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 5_000_000 }), fc.integer({ min: 1, max: 99_999_999 }).map((s) => s / 100));
const date = fc.integer({ min: Date.UTC(2018, 0, 1), max: Date.UTC(2030, 11, 31) }).map((t) => new Date(Math.floor(t / 86_400_000) * 86_400_000));

export const randomPlan: fc.Arbitrary<PlanWorkbook> = fc
  .record({
    framework: fc.constantFrom<FrameworkId>("2566-2570", "2561-2564"),
    firstYear: fc.integer({ min: 2561, max: 2570 }),
    years: fc.constantFrom<4 | 5>(4, 5),
    orgName: userText,
    seedItems: fc.array(
      fc.record({
        missionIndex: fc.nat(),
        kind: fc.constantFrom(...ITEM_KINDS),
        name: userText,
        amounts: fc.array(amount, { minLength: 5, maxLength: 5 }),
        note: fc.option(userText, { nil: "" }),
        owner: fc.option(userText, { nil: "" }),
        groups: listItem,
        quarters: fc.subarray<Quarter>([1, 2, 3, 4]),
      }),
      { maxLength: 40 },
    ),
    seedProgress: fc.array(
      fc.record({
        month: fc.integer({ min: 1, max: 12 }),
        pct: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
        disbursed: fc.option(amount, { nil: undefined }),
        start: fc.option(date, { nil: undefined }),
        result: userText,
        status: fc.constantFrom("notStarted", "inProgress", "done", "notPossible") as fc.Arbitrary<ProgressEntry["status"]>,
        inOrdinance: fc.option(fc.boolean(), { nil: undefined }),
      }),
      { maxLength: 15 },
    ),
    matrix: fc.record({
      preset: fc.constantFrom<RiskMatrixSize>("5x5", "4x4", "3x3", "5x5-lookup"),
      label: fc.option(userText, { nil: undefined }),
      color: fc.option(fc.constantFrom("7030A0", "00B0F0", "C00000"), { nil: undefined }),
      cell: fc.option(fc.record({ l: fc.nat(), i: fc.nat(), level: fc.nat() }), { nil: undefined }),
    }),
    seedRisks: fc.array(
      fc.record({ l: fc.integer({ min: 1, max: 5 }), i: fc.integer({ min: 1, max: 5 }), event: userText, codes: fc.array(fc.constantFrom("1.1.1", "2.2.1(1)", "ควบคุมภายใน"), { maxLength: 3 }) }),
      { maxLength: 8 },
    ),
  })
  .map((r) => {
    const base = newPlan({
      orgName: r.orgName, orgType: "sao", district: "เมือง", province: "ลำพูน", firstYear: fiscalYear(r.firstYear), years: r.years, framework: r.framework,
    });
    const missions = FRAMEWORKS[r.framework].nodes.filter((n) => n.level === "mission");
    const years = Array.from({ length: r.years }, (_, i) => r.firstYear + i);
    const items: PlanItem[] = r.seedItems.map((s, i) => {
      const m = missions[s.missionIndex % missions.length] as (typeof missions)[number];
      return {
        code: `${m.code}.${i + 1}` as PlanCode,
        dimension: Number(m.code.split(".")[0]) as DimensionNo,
        mission: m.code as NodeCode,
        subMission: undefined,
        kind: s.kind,
        name: s.name,
        budgets: Object.fromEntries(years.map((y, k) => [y, baht(s.amounts[k] ?? 0)])) as Record<number, Baht>,
        note: s.note, owner: s.owner, indicator: "", target: "", targetGroups: s.groups, quarters: s.quarters, itaIndicator: "",
      };
    });
    const progress: ProgressEntry[] = r.seedProgress.map((p, i) => ({
      fy: fiscalYear(r.firstYear), month: p.month as CalendarMonth, code: items[i % Math.max(1, items.length)]?.code ?? ("9.9.9" as PlanCode),
      status: p.status, reason: p.status === "notPossible" ? "other" : undefined, reasonText: "", inOrdinance: p.inOrdinance,
      progressPct: p.pct, startDate: p.start, endDate: undefined, output: "", unit: "", indicatorResult: "", result: p.result,
      budgetType: undefined, ordinanceAmount: undefined, disbursed: p.disbursed === undefined ? undefined : baht(p.disbursed),
      evidence: "", problems: "", recommendations: "", enteredBy: "", enteredOn: undefined,
    }));
    const risks: RiskEntry[] = r.seedRisks.map((k, i) => ({
      id: `R-${i + 1}`, process: "การจัดซื้อจัดจ้าง", category: "budget", event: k.event, factor: "known", likelihood: k.l, impact: k.i,
      existingControls: "", controlRating: "fair", residualLikelihood: undefined, residualImpact: undefined, mitigations: k.codes,
      owner: "", statusLight: undefined, reviewedOn: undefined,
    }));
    return { ...base, settings: { ...base.settings, riskMatrix: r.matrix.preset }, items, progress, risks, riskMatrix: editedMatrix(r.matrix) };
  });

/** A preset as a user may have edited it in the workbook: a scale label, a level's colour, a grid cell. */
function editedMatrix(e: { preset: RiskMatrixSize; label?: string; color?: string; cell?: { l: number; i: number; level: number } }): RiskMatrix {
  const m = PRESETS[e.preset] as RiskMatrix;
  const cells = m.cells.map((row) => [...row]);
  if (e.cell) (cells[e.cell.l % m.size] as string[])[e.cell.i % m.size] = (m.levels[e.cell.level % m.levels.length] as RiskMatrix["levels"][number]).key;
  return {
    ...m,
    likelihood: e.label === undefined ? m.likelihood : [{ th: e.label, en: "Edited" }, ...m.likelihood.slice(1)],
    levels: e.color === undefined ? m.levels : m.levels.map((lv, i) => (i === 0 ? { ...lv, color: e.color as string } : lv)),
    cells,
  };
}

/**
 * A large plan for benches and scale tests: the sample's items repeated to `items` (codes and names
 * made unique, the 2567 budget varied), and `progressRows` monthly rows of FY 2567 spread over them.
 */
export function bigPlan(items: number, progressRows: number): PlanWorkbook {
  const sample = sampleModel(loadSeed000());
  const planItems: PlanItem[] = Array.from({ length: items }, (_, k) => {
    const it = sample.items[k % sample.items.length] as PlanItem;
    return { ...it, code: `${it.code}.${Math.floor(k / sample.items.length) + 1}` as PlanCode, name: `${it.name} (${k})`, budgets: { ...it.budgets, 2567: baht((k % 7) * 10000) } };
  });
  const progress: ProgressEntry[] = [];
  for (let k = 0; progress.length < progressRows; k++) {
    const it = planItems[k % items] as PlanItem;
    const month = FISCAL_MONTHS[Math.floor(k / items) % 12] as CalendarMonth;
    progress.push({
      fy: fiscalYear(2567), month, code: it.code, status: "inProgress", reason: undefined, reasonText: "", inOrdinance: true,
      progressPct: Math.min(100, (Math.floor(k / items) + 1) * 8), startDate: new Date(Date.UTC(2023, 9, 2)), endDate: undefined,
      output: "", unit: "", indicatorResult: "", result: `ดำเนินการเดือนที่ ${Math.floor(k / items) + 1} ของ${it.name}`,
      budgetType: "agency", ordinanceAmount: baht((k % 7) * 10000), disbursed: baht(500), evidence: "", problems: "",
      recommendations: "", enteredBy: "", enteredOn: undefined,
    });
  }
  return { ...sample, items: planItems, details: [], progress, settings: { ...sample.settings, reportFy: fiscalYear(2567), round: 12 } };
}
