/**
 * Every report sheet of REPORTS.md for one fiscal year and round, generated from one ReportContext so
 * that all sheets show the same figures. Pure: context in, SheetSpecs out (in the printed order).
 */
import type { SheetSpec } from "../grid";
import { riskReportSheet } from "../risk-report";
import { annualListSheet } from "./annual-list";
import { cardsSheet } from "./cards";
import { contentsSheet } from "./contents";
import type { ReportContext } from "./context";
import { dashboardSheet } from "./dashboard";
import { eplanSummarySheet } from "./eplan-summary";
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
  part1: part1Sheet,
  part2: part2Sheet,
  part3: part3Sheet,
  ita: itaSheet,
  risk: (ctx) => riskReportSheet({
    model: ctx.model, ...(ctx.register ? { register: ctx.register } : {}), ...(ctx.draft ? { draftErrors: ctx.draft.errors } : {}),
  }),
  cards: cardsSheet,
  annualList: annualListSheet,
  eplan: eplanSummarySheet,
  dashboard: dashboardSheet,
};

export function reportSheets(ctx: ReportContext): SheetSpec[] {
  const byKey = new Map<ReportSheetKey, SheetSpec>();
  for (const key of REPORT_SHEET_ORDER) if (key !== "contents") byKey.set(key, GENERATORS[key](ctx));
  const others = REPORT_SHEET_ORDER.filter((k) => k !== "contents").map((k) => byKey.get(k) as SheetSpec);
  byKey.set("contents", contentsSheet(ctx, others));
  return REPORT_SHEET_ORDER.map((k) => byKey.get(k) as SheetSpec);
}

export { REPORT_SHEETS, REPORT_SHEET_ORDER, REPORT_SHEETS_EN, type ReportSheetKey } from "./names";
export { type ReportContext, reportContext, type ReportRequest } from "./context";
