/**
 * Sync-count assertions restated as bounds that follow from the byte budget (issue 12): an action takes
 * its fixed round trips (roundTrips) while its bytes fit one request and one response, one more per
 * budget's worth beyond; and no sync carries more than 4 MB either way.
 */
import { roundTrips } from "../../src/hosts/office/office-workbook";
import { PAYLOAD_BUDGET_BYTES } from "../../src/hosts/office/payload";
import type { FakeExcel } from "./fake-excel";

/** What Excel may receive or send in one sync, with the margin below Excel on the web's 5 MB. */
export const SYNC_LIMIT_BYTES = 4_000_000;

export function trips(excel: FakeExcel): ReturnType<typeof roundTrips> {
  return roundTrips(excel.supports);
}

/** Every sync since `from` (an index into syncLog) within SYNC_LIMIT_BYTES both ways. */
export function expectWithinBudget(excel: FakeExcel, from = 0): void {
  for (const r of excel.syncLog.slice(from)) {
    expect(r.requestBytes).toBeLessThanOrEqual(SYNC_LIMIT_BYTES);
    expect(r.responseBytes).toBeLessThanOrEqual(SYNC_LIMIT_BYTES);
  }
}

/** The most syncs an action of `fixed` round trips may take, given the bytes it moved since `from`. */
export function syncBound(excel: FakeExcel, from: number, fixed: number): number {
  const log = excel.syncLog.slice(from);
  const bytes = log.reduce((n, r) => n + Math.max(r.requestBytes, r.responseBytes), 0);
  return fixed + Math.max(0, Math.ceil(bytes / (PAYLOAD_BUDGET_BYTES / 2)) - 1);
}

/**
 * The syncs of an action that writes and then has the page read again. Below ExcelApi 1.8 events cannot
 * be switched off (runtime.enableEvents), so Excel tells the page's watch about Sujarit's own write and
 * the page may read once more, depending on when the debounce fires: allowed there, exact elsewhere.
 */
export function expectSyncsAfterOwnWrite(excel: FakeExcel, actual: number, expected: number): void {
  if (excel.supports("1.8")) expect(actual).toBe(expected);
  else expect([expected, expected + trips(excel).read]).toContain(actual);
}
