/** The plan workbook as the core sees it: settings, framework tree, plan items and the records keyed to them. */
import type { CalendarMonth } from "./calendar";
import type { FrameworkId, FrameworkNode } from "./frameworks/types";
import type { ItemKind } from "./kinds";
import type {
  BudgetColumnLabel, BudgetType, ControlRating, DigitStyle, NotPossibleReason, OrgType, ProgressStatus,
  ReportRound, RiskCategory, RiskFactor, RiskMatrixSize, StatusLight,
} from "./lists";
import type { RiskMatrix } from "./risk/matrix";
import { baht, type Baht, type DimensionNo, type FiscalYear, fiscalYear, type NodeCode, type PlanCode, ZERO_BAHT } from "./units";

/** Where a record came from: its sheet row (1-based). Absent for records not read from a sheet. */
export interface RowRef {
  readonly sheet: string;
  readonly row: number;
}

export interface Settings {
  readonly orgName: string;
  readonly orgType: OrgType | undefined;
  readonly district: string;
  readonly province: string;
  readonly division: string;
  readonly firstYear: FiscalYear;
  readonly years: 4 | 5;
  readonly framework: FrameworkId;
  readonly reportFy: FiscalYear | undefined;
  readonly round: ReportRound | undefined;
  readonly documentNo: string;
  readonly reportDate: Date | undefined;
  readonly reporter: string;
  readonly reporterPosition: string;
  readonly commenter1: string;
  readonly commenter1Position: string;
  readonly commenter2: string;
  readonly commenter2Position: string;
  readonly phone: string;
  readonly fax: string;
  readonly website: string;
  readonly digits: DigitStyle;
  readonly budgetColumnLabel: BudgetColumnLabel;
  readonly riskMatrix: RiskMatrixSize;
}

export type Quarter = 1 | 2 | 3 | 4;

/** An item's budget per plan year, keyed by FiscalYear: `budgets[2566]` with a bare number does not compile. */
export type YearBudgets = Readonly<Record<FiscalYear, Baht>>;

/** Budgets from plain numbers (importers, tests): every year through `fiscalYear()`, every amount through `baht()`. */
export function yearBudgets(amounts: Readonly<Record<number, number>>): YearBudgets {
  const out: Record<FiscalYear, Baht> = {};
  for (const [y, v] of Object.entries(amounts)) out[fiscalYear(Number(y))] = baht(v);
  return out;
}

/** The years an item has a budget entry for, in order (the keys were FiscalYears when written). */
export function budgetYears(budgets: YearBudgets): FiscalYear[] {
  return Object.keys(budgets).map((k) => fiscalYear(Number(k))).sort((a, b) => a - b);
}

/** An item's budget for a year, nothing (0) where it has no entry. */
export function budgetIn(budgets: YearBudgets, year: FiscalYear): Baht {
  return budgets[year] ?? ZERO_BAHT;
}

export interface PlanItem {
  readonly code: PlanCode | undefined;
  readonly dimension: DimensionNo | undefined;
  readonly mission: NodeCode | undefined;
  readonly subMission: NodeCode | undefined;
  readonly kind: ItemKind | undefined;
  readonly name: string;
  /** Budget per BE plan year; every plan year present, 0 where the sheet says "-" or nothing. */
  readonly budgets: YearBudgets;
  readonly note: string;
  readonly owner: string;
  readonly indicator: string;
  readonly target: string;
  readonly targetGroups: readonly string[];
  readonly quarters: readonly Quarter[];
  readonly itaIndicator: string;
  readonly at?: RowRef;
}

/** The text fields of a project card (ส่วนที่ ๓). Name, kind, budget, period and owner come from the plan item. */
export interface ProjectDetail {
  readonly code: PlanCode | undefined;
  readonly rationale: string;
  readonly objectives: string;
  readonly targetGroups: string;
  readonly method: string;
  readonly outputs: string;
  readonly outcomes: string;
  readonly at?: RowRef;
}

export interface ProgressEntry {
  readonly fy: FiscalYear | undefined;
  readonly month: CalendarMonth | undefined;
  readonly code: PlanCode | undefined;
  readonly status: ProgressStatus | undefined;
  readonly reason: NotPossibleReason | undefined;
  readonly reasonText: string;
  readonly inOrdinance: boolean | undefined;
  readonly progressPct: number | undefined;
  readonly startDate: Date | undefined;
  readonly endDate: Date | undefined;
  readonly output: string;
  readonly unit: string;
  readonly indicatorResult: string;
  readonly result: string;
  readonly budgetType: BudgetType | undefined;
  readonly ordinanceAmount: Baht | undefined;
  readonly disbursed: Baht | undefined;
  readonly evidence: string;
  readonly problems: string;
  readonly recommendations: string;
  readonly enteredBy: string;
  readonly enteredOn: Date | undefined;
  readonly at?: RowRef;
}

export interface RiskEntry {
  readonly id: string;
  readonly process: string;
  readonly category: RiskCategory | undefined;
  readonly event: string;
  readonly factor: RiskFactor | undefined;
  readonly likelihood: number | undefined;
  readonly impact: number | undefined;
  readonly existingControls: string;
  readonly controlRating: ControlRating | undefined;
  readonly residualLikelihood: number | undefined;
  readonly residualImpact: number | undefined;
  /** Plan codes (or free-text controls) of the items that mitigate this risk. */
  readonly mitigations: readonly string[];
  readonly owner: string;
  readonly statusLight: StatusLight | undefined;
  readonly reviewedOn: Date | undefined;
  readonly at?: RowRef;
}

export interface ItaMeasure {
  readonly no: string;
  readonly indicator: string;
  readonly measure: string;
  readonly steps: string;
  readonly owner: string;
  readonly period: string;
  readonly linkedCodes: readonly string[];
  readonly result: string;
  readonly at?: RowRef;
}

export interface PlanWorkbook {
  readonly settings: Settings;
  readonly framework: readonly FrameworkNode[];
  readonly items: readonly PlanItem[];
  readonly details: readonly ProjectDetail[];
  readonly progress: readonly ProgressEntry[];
  readonly risks: readonly RiskEntry[];
  readonly itaMeasures: readonly ItaMeasure[];
  /**
   * The likelihood × impact matrix as the workbook holds it (its เมทริกซ์ความเสี่ยง sheet); absent in
   * workbooks without that sheet, which score on the preset their settings name (risk/assess.ts matrixOf).
   */
  readonly riskMatrix?: RiskMatrix;
}
