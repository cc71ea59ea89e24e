/**
 * What one generation of the report sheets works from: the plan read from the workbook, the fiscal year
 * and round asked for, the round folded from the monthly rows (domain/progress/round.ts), the digit
 * setting, and whether the checks found errors (then every sheet says it is a draft). Built once, handed
 * to every sheet's generator, so that all sheets show the same figures.
 */
import { THAI_MONTHS_FULL } from "../../domain/calendar";
import type { DigitStyle, ReportRound } from "../../domain/lists";
import type { PlanWorkbook } from "../../domain/plan";
import { type RoundSummary, summarizeRound } from "../../domain/progress/round";
import { yearsOfPlan } from "../../domain/settings";
import { toThaiDigits } from "../../domain/thai";
import type { FiscalYear } from "../../domain/units";
import type { SheetBuilder } from "./builder";
import type { RegisterLayout } from "../risk-report";
import { DRAFT_FOOTER, FOOTER, GENERATED_NOTE, reportFormats, type ReportFormats, STYLE } from "./style";

export interface ReportRequest {
  readonly fy: FiscalYear;
  readonly round: ReportRound;
}

/**
 * Set when the checks found errors or the report has gaps (gaps.ts: items not reported, placeholders where
 * the signer belongs, …): the report is generated all the same, and says it is a draft.
 */
export interface DraftMark {
  readonly errors: number;
  /** The report's gaps (gaps.ts reportGaps, counted by app/report.ts): a draft without errors too. */
  readonly gaps?: number;
}

export interface ReportContext extends ReportRequest {
  readonly model: PlanWorkbook;
  readonly summary: RoundSummary;
  readonly digits: DigitStyle;
  readonly formats: ReportFormats;
  readonly draft: DraftMark | undefined;
  /** When the report was generated (the "ข้อมูล ณ วันที่" of the e-PlanNACC list). */
  readonly now: Date;
  /** Where the risk register was read; the risk sheet writes formulas into it. */
  readonly register: RegisterLayout | undefined;
  /** The plan's years, BE, first to last. */
  readonly planYears: readonly FiscalYear[];
  /** Digits in text as the setting says: "๒๕๖๔" or "2564". */
  num(value: string | number): string;
}

export function reportContext(
  model: PlanWorkbook,
  request: ReportRequest,
  options: { readonly now: Date; readonly draft?: DraftMark; readonly register?: RegisterLayout },
): ReportContext {
  const digits = model.settings.digits;
  const s = model.settings;
  const ctx: ReportContext = {
    ...request,
    model,
    summary: summarizeRound(model, request.fy, request.round),
    digits,
    formats: reportFormats(digits),
    draft: undefined,
    now: options.now,
    register: options.register,
    planYears: yearsOfPlan(s),
    num: (value) => (digits === "thai" ? toThaiDigits(String(value)) : String(value)),
  };
  const d = options.draft;
  return d && (d.errors > 0 || (d.gaps ?? 0) > 0) ? { ...ctx, draft: d } : ctx;
}

/* ---------- the wording every sheet shares ---------- */

/** "อำเภอลี้ จังหวัดลำพูน" (empty parts left out). */
export function placeOf(ctx: ReportContext): string {
  const s = ctx.model.settings;
  return [s.district && `อำเภอ${s.district}`, s.province && `จังหวัด${s.province}`].filter(Boolean).join(" ");
}

/** "เทศบาลตำบลก้อ อำเภอลี้ จังหวัดลำพูน". */
export function orgLine(ctx: ReportContext): string {
  return [ctx.model.settings.orgName, placeOf(ctx)].filter(Boolean).join(" ");
}

/** The round's last day in words: "๓๑ มีนาคม ๒๕๖๔" / "๓๐ กันยายน ๒๕๖๔". */
export function roundEnd(ctx: ReportContext): string {
  return ctx.round === 6 ? `${ctx.num(31)} ${THAI_MONTHS_FULL[3]} ${ctx.num(ctx.fy)}` : `${ctx.num(30)} ${THAI_MONTHS_FULL[9]} ${ctx.num(ctx.fy)}`;
}

/** "๑ ตุลาคม ๒๕๖๓". */
export function roundStart(ctx: ReportContext): string {
  return `${ctx.num(1)} ${THAI_MONTHS_FULL[10]} ${ctx.num(ctx.fy - 1)}`;
}

/** "พ.ศ. ๒๕๖๑ - ๒๕๖๔". */
export function planPeriod(ctx: ReportContext): string {
  const ys = ctx.planYears;
  return `พ.ศ. ${ctx.num(ys[0] as number)} - ${ctx.num(ys[ys.length - 1] as number)}`;
}

/**
 * Row 1 of every report sheet: the generated note (on screen, not printed), or — when the checks found
 * errors — the draft banner, which prints. Returns the first row a sheet's content starts at (2) and the
 * first row that prints.
 */
export function noteRow(b: SheetBuilder, ctx: ReportContext, lastCol: number): { firstRow: number; printFrom: number } {
  if (ctx.draft) {
    b.area(1, 1, 1, lastCol, draftBanner(ctx, ctx.draft), STYLE.draft);
    b.height(1, 42);
    return { firstRow: 2, printFrom: 1 };
  }
  b.area(1, 1, 1, lastCol, GENERATED_NOTE, STYLE.note);
  b.height(1, 18);
  return { firstRow: 2, printFrom: 2 };
}

/** The printed draft banner: the errors the checks found, or the gaps (gaps.ts) that keep it from being signed. */
export function draftBanner(ctx: ReportContext, draft: DraftMark): string {
  if (draft.errors > 0) return `ฉบับร่าง (DRAFT): ข้อมูลในสมุดงานยังมีข้อผิดพลาด ${ctx.num(draft.errors)} รายการ ตัวเลขในรายงานอาจไม่ถูกต้อง`;
  return `ฉบับร่าง (DRAFT): ข้อมูลยังไม่ครบ ${ctx.num(draft.gaps ?? 0)} เรื่อง (ผลที่ยังไม่ได้รายงาน ผู้ลงนาม หรือวันที่รายงาน)`;
}

export function footerOf(ctx: ReportContext): string {
  return ctx.draft ? DRAFT_FOOTER : FOOTER;
}
