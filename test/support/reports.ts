/**
 * The report cases the tests, the oracle and the renders share: the sample (seed 000, อบต.นาสะเม็ง) and
 * seed 001 (เทศบาลตำบลก้อ, FY2564 12-month report) written as template workbooks, then the report sheets
 * generated into them through the xlsx host — exactly what `sujarit report` does.
 */
import { generateReports, type GeneratedReports } from "../../src/app/report";
import type { ReportRound } from "../../src/domain/lists";
import type { PlanWorkbook, ProgressEntry } from "../../src/domain/plan";
import { summarizeRound } from "../../src/domain/progress/round";
import { fiscalYear } from "../../src/domain/units";
import { XlsxWorkbook } from "../../src/hosts/xlsx/xlsx-workbook";
import { describeWorkbook } from "../../src/workbook/write";
import { loadSeed000, sampleModel } from "../../tools/build-sample";
import { seed001Workbook } from "./seed001";

export interface ReportCase {
  readonly name: string;
  readonly model: PlanWorkbook;
  readonly fy: number;
  readonly round: ReportRound;
}

export const REPORT_CASES: readonly ReportCase[] = [
  { name: "seed001-fy2564-r12", model: seed001Workbook(), fy: 2564, round: 12 },
  { name: "sample-fy2567-r6", model: sampleModel(loadSeed000()), fy: 2567, round: 6 },
];

/** A fixed generation time, so that the sheets are the same on every run. */
export const REPORT_NOW = new Date("2026-11-23T03:00:00Z");

export async function workbookOf(model: PlanWorkbook): Promise<XlsxWorkbook> {
  const book = XlsxWorkbook.empty();
  await book.writeSheets(describeWorkbook(model, { createdAt: new Date(0) }), "refuse");
  return book;
}

export async function generatedCase(c: ReportCase): Promise<{ book: XlsxWorkbook; generated: GeneratedReports }> {
  const book = await workbookOf(c.model);
  const generated = await generateReports(book, { fy: fiscalYear(c.fy), round: c.round }, { now: REPORT_NOW });
  return { book, generated };
}

/**
 * The model as a report to sign would have it (issue 13): every active item reported in the round (a
 * ยังไม่ดำเนินการ row in the round's last month where it had none) and a real signer, position, phone and date —
 * no gap (workbook/reports/gaps.ts) left to make it a draft.
 */
export function completedModel(model: PlanWorkbook, fy: number, round: ReportRound): PlanWorkbook {
  const summary = summarizeRound(model, fiscalYear(fy), round);
  const template = model.progress[0];
  const month = round === 6 ? 3 : 9;
  const extra: ProgressEntry[] = template === undefined ? [] : summary.items.filter((r) => r.status === "notReported" && r.item.code).map((r) => ({
    ...template, fy: fiscalYear(fy), month, code: r.item.code, status: "notStarted", reason: undefined, reasonText: "", inOrdinance: undefined,
    progressPct: undefined, startDate: undefined, endDate: undefined, output: "", unit: "", indicatorResult: "", result: "", budgetType: undefined,
    ordinanceAmount: undefined, disbursed: undefined, evidence: "", problems: "", recommendations: "", at: undefined,
  }) as ProgressEntry);
  return {
    ...model,
    settings: {
      ...model.settings, reporter: "นางสาวสมใจ รักษ์ธรรม", reporterPosition: "ปลัดองค์การบริหารส่วนตำบล", phone: "๐๔๒-๖๖๐๐๐๐",
      reportDate: new Date(Date.UTC(fy - 543, month - 1, 28)),
    },
    progress: [...model.progress, ...extra],
    // the organization's own risks: the sample's say they are sample data (a gap, G4)
    risks: model.risks.map((r) => ({ ...r, process: r.process.replace(/^\[[^\]]*\]\s*/, "") })),
  };
}
