/**
 * Every report sheet of REPORTS.md for one fiscal year and round, generated from one ReportContext so
 * that all sheets show the same figures. Pure: context in, SheetSpecs out (in the printed order).
 */
import type { SheetSpec } from "../grid";
import { riskReportSheet } from "../risk-report";
import { annualListSheet } from "./annual-list";
import { cardsSheet } from "./cards";
import { contentsSheet } from "./contents";
import { draftBanner, type ReportContext } from "./context";
import { dashboardSheet } from "./dashboard";
import { eplanSummarySheet } from "./eplan-summary";
import { forewordSheet } from "./foreword";
import { itaSheet } from "./ita";
import { memoSheet } from "./memo";
import { REPORT_SHEET_ORDER, type ReportSheetKey } from "./names";
import { part1Sheet } from "./part1-plan";
import { part2Sheet } from "./part2-progress";
import { part3Sheet } from "./part3-summary";
import { titleSheet } from "./title";

const GENERATORS: Readonly<Record<Exclude<ReportSheetKey, "contents">, (ctx: ReportContext) => SheetSpec>> = {
  memo: memoSheet,
  title: titleSheet,
  foreword: forewordSheet,
  part1: part1Sheet,
  part2: part2Sheet,
  part3: part3Sheet,
  ita: itaSheet,
  risk: (ctx) => riskReportSheet({
    model: ctx.model, ...(ctx.register ? { register: ctx.register } : {}), ...(ctx.draft && ctx.draft.errors > 0 ? { draftErrors: ctx.draft.errors } : {}),
    ...(ctx.draft && ctx.draft.errors === 0 ? { draftBanner: draftBanner(ctx, ctx.draft) } : {}),
  }),
  cards: cardsSheet,
  annualList: annualListSheet,
  eplan: eplanSummarySheet,
  dashboard: dashboardSheet,
};

/**
 * The appendices the user may leave out (issue 13: "the user chooses which appendices"): the official report
 * has none of them (seed 001 L516), e-PlanNACC's list and summaries are what the officer keys into the system.
 */
export const OPTIONAL_APPENDICES = ["risk", "annualList", "eplan", "dashboard"] as const;
export type OptionalAppendix = (typeof OPTIONAL_APPENDICES)[number];

/** Which appendices the report holds beyond the official document's parts. */
export interface ReportContents {
  /** บัตรโครงการ: part of the plan document, not of a progress report — left out unless asked for. */
  readonly cards?: boolean;
  /** Appendices left out (every one is in unless named here). */
  readonly leaveOut?: readonly OptionalAppendix[];
}

/**
 * The report sheets this context makes, in the printed order: the appendices that have content (an ITA
 * sheet only when the plan has ITA measures) and the ones asked for (project cards). What is left out is
 * neither printed nor listed in the contents.
 */
export function reportSheetKeys(ctx: ReportContext, contents: ReportContents = {}): ReportSheetKey[] {
  const leftOut = new Set<ReportSheetKey>(contents.leaveOut ?? []);
  return REPORT_SHEET_ORDER.filter((k) => (k !== "cards" || contents.cards === true) && (k !== "ita" || ctx.model.itaMeasures.length > 0) && !leftOut.has(k));
}

export function reportSheets(ctx: ReportContext, contents: ReportContents = {}): SheetSpec[] {
  const keys = reportSheetKeys(ctx, contents);
  const byKey = new Map<ReportSheetKey, SheetSpec>();
  for (const key of keys) if (key !== "contents") byKey.set(key, GENERATORS[key](ctx));
  const others = keys.filter((k) => k !== "contents").map((k) => byKey.get(k) as SheetSpec);
  byKey.set("contents", contentsSheet(ctx, others));
  return keys.map((k) => byKey.get(k) as SheetSpec);
}

export { REPORT_SHEETS, REPORT_SHEET_ORDER, REPORT_SHEETS_EN, type ReportSheetKey } from "./names";
export { type ReportContext, reportContext, type ReportRequest } from "./context";
export { reportGaps } from "./gaps";
