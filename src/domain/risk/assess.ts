/**
 * Assessing the register on the workbook's matrix: each risk's inherent and residual score and level,
 * the plan items it is linked to, and the heat map (how many risks fall in each likelihood × impact
 * cell, before and after controls). The workbook's formulas compute the same figures (the oracle test
 * recalculates them with LibreOffice and compares).
 */
import type { PlanItem, PlanWorkbook, RiskEntry } from "../plan";
import { type ControlMatch, resolveControls } from "./controls";
import { inScale, PRESETS, type RiskMatrix, residualLikelihood, score, type Scored } from "./matrix";

/** The matrix a workbook scores on: its own (the เมทริกซ์ความเสี่ยง sheet), else the preset its settings name. */
export function matrixOf(wb: Pick<PlanWorkbook, "settings" | "riskMatrix">): RiskMatrix {
  return wb.riskMatrix ?? PRESETS[wb.settings.riskMatrix] ?? (PRESETS["5x5"] as RiskMatrix);
}

export function inherentOf(m: RiskMatrix, r: Pick<RiskEntry, "likelihood" | "impact">): Scored | undefined {
  return score(m, r.likelihood, r.impact);
}

/**
 * The likelihood and impact after controls: what the user entered, else the likelihood lowered by the
 * control rating (DOMAIN.md: อ่อน not at all, พอใช้ one step, ดี two) and the same impact.
 */
export function residualCell(m: RiskMatrix, r: Pick<RiskEntry, "likelihood" | "impact" | "controlRating" | "residualLikelihood" | "residualImpact">): {
  readonly likelihood: number | undefined;
  readonly impact: number | undefined;
} {
  const likelihood = r.residualLikelihood ?? (inScale(m, r.likelihood) ? residualLikelihood(r.likelihood, r.controlRating) : undefined);
  return { likelihood, impact: r.residualImpact ?? r.impact };
}

export function residualOf(m: RiskMatrix, r: Pick<RiskEntry, "likelihood" | "impact" | "controlRating" | "residualLikelihood" | "residualImpact">): Scored | undefined {
  const c = residualCell(m, r);
  return score(m, c.likelihood, c.impact);
}

const fold = (s: string) => s.replace(/[\s"“”'‘’]/g, "").toLowerCase();

/** A plan code such as 2.2.1 or 1.2(7) (rather than a control named in free text). */
export { isPlanCode } from "./controls";

/** The plan item a free-text control names: either name contains the other (spacing and quotes aside). */
export function itemNamed(text: string, items: readonly PlanItem[]): PlanItem | undefined {
  const t = fold(text);
  if (t.length < 4) return undefined;
  return items.find((it) => {
    const n = fold(it.name);
    return n.length >= 4 && (n.includes(t) || t.includes(n));
  });
}

/** What one control of a risk refers to: a plan item (by code, by name or by a similar name) or nothing in the plan. */
export type Mitigation = ControlMatch;

/** A risk's controls split and matched as R7 does (domain/risk/controls.ts). */
export function mitigationsOf(r: Pick<RiskEntry, "mitigations">, items: readonly PlanItem[], orgName = ""): Mitigation[] {
  return resolveControls(r.mitigations, items, { orgName });
}

export interface AssessedRisk {
  readonly risk: RiskEntry;
  readonly inherent: Scored | undefined;
  readonly residual: Scored | undefined;
  readonly mitigations: readonly Mitigation[];
  /** The distinct plan items the risk is linked to, in the order named. */
  readonly items: readonly PlanItem[];
  /** High or very high (inherent) with no plan item linked: rule R3. */
  readonly needsPlanItems: boolean;
}

/** The rank of the "high" level, or of the second-highest level when no level is called high. */
export function highRank(m: RiskMatrix): number {
  const i = m.levels.findIndex((l) => l.key === "high");
  return i >= 0 ? i : Math.max(1, m.levels.length - 2);
}

export function assessRisk(m: RiskMatrix, r: RiskEntry, items: readonly PlanItem[], orgName = ""): AssessedRisk {
  const inherent = inherentOf(m, r);
  const mitigations = mitigationsOf(r, items, orgName);
  const linked: PlanItem[] = [];
  for (const x of mitigations) if (x.item && !linked.includes(x.item)) linked.push(x.item);
  return {
    risk: r,
    inherent,
    residual: residualOf(m, r),
    mitigations,
    items: linked,
    needsPlanItems: inherent !== undefined && inherent.rank >= highRank(m) && linked.length === 0,
  };
}

export function assessRisks(wb: PlanWorkbook): AssessedRisk[] {
  const m = matrixOf(wb);
  return wb.risks.map((r) => assessRisk(m, r, wb.items, wb.settings.orgName));
}

/** counts[likelihood − 1][impact − 1]: how many risks fall in each cell, before and after controls. */
export interface HeatMap {
  readonly size: number;
  readonly inherent: readonly (readonly number[])[];
  readonly residual: readonly (readonly number[])[];
  /** Risks with no inherent / residual cell (a likelihood or impact missing or outside the scale). */
  readonly unscored: { readonly inherent: number; readonly residual: number };
}

export function heatMap(m: RiskMatrix, risks: readonly RiskEntry[]): HeatMap {
  const grid = () => Array.from({ length: m.size }, () => Array.from({ length: m.size }, () => 0));
  const inherent = grid();
  const residual = grid();
  const unscored = { inherent: 0, residual: 0 };
  const add = (counts: number[][], l: number | undefined, i: number | undefined): boolean => {
    if (!inScale(m, l) || !inScale(m, i)) return false;
    const row = counts[l - 1] as number[];
    row[i - 1] = (row[i - 1] as number) + 1;
    return true;
  };
  for (const r of risks) {
    if (!add(inherent, r.likelihood, r.impact)) unscored.inherent++;
    const c = residualCell(m, r);
    if (!add(residual, c.likelihood, c.impact)) unscored.residual++;
  }
  return { size: m.size, inherent, residual, unscored };
}

/** The risks in one cell of the heat map. */
export function risksInCell(m: RiskMatrix, risks: readonly RiskEntry[], side: "inherent" | "residual", likelihood: number, impact: number): RiskEntry[] {
  return risks.filter((r) => {
    const c = side === "inherent" ? { likelihood: r.likelihood, impact: r.impact } : residualCell(m, r);
    return inScale(m, c.likelihood) && inScale(m, c.impact) && c.likelihood === likelihood && c.impact === impact;
  });
}
