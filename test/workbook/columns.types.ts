/**
 * Type test (issue 17): a table sheet's columns are bound to its record type. Nothing here runs; it only
 * has to compile (`npm run typecheck`), and test/workbook/columns.test.ts compiles it again with every
 * `@ts-expect-error` removed to prove that each marked line really is an error — so a schema mistake of
 * each kind below (a misspelt key, a codec of another type than its field, a field without a column, a
 * cast-free write of the wrong record) fails to compile instead of leaving a column silently empty.
 */
import { codeText, date, fiscalYearColumn, money, planCodeColumn, reads, tableSheet, text } from "../../src/workbook/columns";
import type { Baht, FiscalYear, PlanCode } from "../../src/domain/units";
import { PROGRESS_SHEET, type ProgressRow } from "../../src/workbook/schema";
import { recordRow } from "../../src/workbook/write";
import type { PlanWorkbook } from "../../src/domain/plan";

interface Payment {
  readonly code: PlanCode | undefined;
  readonly fy: FiscalYear | undefined;
  readonly amount: Baht | undefined;
  readonly note: string;
}

const meta = { required: false, width: 10 } as const;

/** Correct: every field has a column whose codec makes that field's type. */
export const PAYMENTS = tableSheet<Payment>()({
  key: "progress",
  name: "payments",
  en: "Payments",
  columns: [
    { key: "code", th: "รหัส", en: "Code", ...reads(planCodeColumn(false)), ...meta },
    { key: "fy", th: "ปี", en: "FY", ...reads(fiscalYearColumn), ...meta },
    { key: "amount", th: "เงิน", en: "Amount", ...reads(money(2)), ...meta },
    { key: "note", th: "หมายเหตุ", en: "Note", ...reads(text()), ...meta },
  ],
});

export const MISSPELT = tableSheet<Payment>()({
  key: "progress",
  name: "payments",
  en: "Payments",
  columns: [
    { key: "code", th: "รหัส", en: "Code", ...reads(planCodeColumn(false)), ...meta },
    { key: "fy", th: "ปี", en: "FY", ...reads(fiscalYearColumn), ...meta },
    // @ts-expect-error a misspelt key is not a field of Payment
    { key: "amuont", th: "เงิน", en: "Amount", ...reads(money(2)), ...meta },
    { key: "note", th: "หมายเหตุ", en: "Note", ...reads(text()), ...meta },
  ],
});

export const WRONG_CODEC = tableSheet<Payment>()({
  key: "progress",
  name: "payments",
  en: "Payments",
  columns: [
    // @ts-expect-error a code read as plain text is not a PlanCode (it must go through planCode())
    { key: "code", th: "รหัส", en: "Code", ...reads(codeText), ...meta },
    // @ts-expect-error a date is not a fiscal year
    { key: "fy", th: "ปี", en: "FY", ...reads(date), ...meta },
    { key: "amount", th: "เงิน", en: "Amount", ...reads(money(2)), ...meta },
    { key: "note", th: "หมายเหตุ", en: "Note", ...reads(text()), ...meta },
  ],
});

export const MISSING_FIELD = tableSheet<Payment>()(
  // @ts-expect-error the field "note" has no column
  {
    key: "progress",
    name: "payments",
    en: "Payments",
    columns: [
      { key: "code", th: "รหัส", en: "Code", ...reads(planCodeColumn(false)), ...meta },
      { key: "fy", th: "ปี", en: "FY", ...reads(fiscalYearColumn), ...meta },
      { key: "amount", th: "เงิน", en: "Amount", ...reads(money(2)), ...meta },
    ],
  },
);

declare const model: PlanWorkbook;
declare const row: ProgressRow;
declare const payment: Payment;
export const written = recordRow(PROGRESS_SHEET, row, model, new Map());
// @ts-expect-error a record of another sheet cannot be written as a monthly row
export const wrongRecord = recordRow(PROGRESS_SHEET, payment, model, new Map());
