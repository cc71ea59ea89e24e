/**
 * Use case of the ภาพรวม page: where the plan stands and what to do next, from one read. Every figure is
 * the core's (the checks, the report round, the risk assessment); this only puts them side by side and
 * names the next step in the order a planner must take them: errors first (a report with errors is a
 * draft), then the round's unreported items (a report with gaps is a draft too), then the report.
 */
import type { Severity } from "../domain/findings";
import { type RoundSummary, summarizeRound } from "../domain/progress/round";
import { assessRisks, matrixOf } from "../domain/risk/assess";
import type { RiskLevel } from "../domain/risk/matrix";
import type { ReadResult } from "../workbook/read";
import { defaultRequest } from "./report";
import type { ReportRequest } from "../workbook/reports";
import { checkRead } from "./validate";

export type NextStep =
  | { readonly kind: "fixErrors"; readonly errors: number }
  | { readonly kind: "reportItems"; readonly items: number; readonly request: ReportRequest }
  | { readonly kind: "generateReport"; readonly request: ReportRequest };

export interface RiskLevelCount {
  readonly level: RiskLevel;
  readonly count: number;
}

export interface Dashboard {
  readonly checks: Readonly<Record<Severity, number>>;
  /** The round the reports page would generate (the settings' year and round, else today's). */
  readonly request: ReportRequest;
  readonly round: RoundSummary;
  /** Risks by inherent level, lowest level first (every level of the matrix, zero or not). */
  readonly riskLevels: readonly RiskLevelCount[];
  /** Risks whose likelihood or impact is missing or off the scale. */
  readonly unscoredRisks: number;
  /** High-or-above risks with no plan item linked as a control (rule R3). */
  readonly risksNeedingItems: number;
  readonly next: NextStep;
}

export function dashboardOf(read: ReadResult, now: Date): Dashboard {
  const { counts } = checkRead(read);
  const request = defaultRequest(read, now);
  const round = summarizeRound(read.workbook, request.fy, request.round);
  const matrix = matrixOf(read.workbook);
  const assessed = assessRisks(read.workbook);
  const riskLevels = matrix.levels.map((level) => ({ level, count: assessed.filter((a) => a.inherent?.level.key === level.key).length }));
  const notReported = round.total.byStatus.notReported;
  const next: NextStep =
    counts.error > 0 ? { kind: "fixErrors", errors: counts.error }
    : notReported > 0 ? { kind: "reportItems", items: notReported, request }
    : { kind: "generateReport", request };
  return {
    checks: counts,
    request,
    round,
    riskLevels,
    unscoredRisks: assessed.filter((a) => a.inherent === undefined).length,
    risksNeedingItems: assessed.filter((a) => a.needsPlanItems).length,
    next,
  };
}
