/**
 * Excel's limits on one round trip, and a batch that respects them.
 *
 * Excel on the web caps every request and every response at 5 MB ("Resource limits and performance
 * optimization for Office Add-ins", learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-
 * performance-optimization: "Excel on the web has a payload size limit for requests and responses of
 * 5MB"; a range read is limited to five million cells). Desktop Excel has no byte cap but restarts an
 * add-in that blocks it for about five seconds, so the same budget keeps each sync short there too.
 * A batch is cut by bytes, not by items, so round trips grow with the bytes moved.
 */
import type { Progress } from "../../app/port";
import type { XContext } from "./excel-subset";

/** What one request or response may carry, by our estimate: 3.5 MB, so that what Excel measures stays under 4 MB (its limit is 5 MB). */
export const PAYLOAD_BUDGET_BYTES = 3_500_000;

/**
 * What one queued action costs besides its arguments: office-js sends each action as JSON with its
 * object path, ids and type (about 150 bytes measured on the recorded requests of issue 12).
 */
export const ACTION_BYTES = 150;

/** Excel's cap on the cells of one range read. */
export const MAX_CELLS_PER_READ = 5_000_000;

/** UTF-8 bytes of a value as JSON (Thai letters are three bytes each), without building the JSON text. */
export function jsonBytes(value: unknown): number {
  if (value === null || value === undefined) return 4;
  switch (typeof value) {
    case "string": return utf8Bytes(value) + 2;
    case "number": return String(value).length;
    case "boolean": return value ? 4 : 5;
    case "object": {
      if (Array.isArray(value)) {
        let n = 2 + Math.max(0, value.length - 1);
        for (const v of value) n += jsonBytes(v);
        return n;
      }
      let n = 2;
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) n += utf8Bytes(k) + 4 + jsonBytes(v);
      return n;
    }
    default: return 4;
  }
}

function utf8Bytes(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // a surrogate pair is 4 bytes: 3 + 1 over its two halves
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? 1 : 3;
  }
  return n;
}

/**
 * Queues actions and syncs whenever the next would take the request past the budget. `queue` gives the
 * bytes of the action(s) it is about to queue, so the sync happens before, not after, the overflow.
 */
export class BudgetedBatch {
  private pending = 0;
  syncs = 0;

  constructor(
    private readonly ctx: XContext,
    private readonly beforeSync: () => void = () => undefined,
    private readonly progress?: { report: Progress; total: () => number; offset: number },
    private readonly budget = PAYLOAD_BUDGET_BYTES,
  ) {}

  /** Queues `actions` (estimated at `bytes`), syncing first if they would not fit. */
  async queue(bytes: number, actions: () => void): Promise<void> {
    if (this.pending > 0 && this.pending + bytes > this.budget) await this.flush();
    actions();
    this.pending += bytes;
  }

  /** Syncs what is queued (nothing to do when nothing is); `last`: without the beforeSync actions. */
  async flush(last = false): Promise<void> {
    if (this.pending === 0) return;
    if (!last) this.beforeSync();
    await this.ctx.sync();
    this.pending = 0;
    this.syncs++;
    this.progress?.report(this.progress.offset + this.syncs, Math.max(this.progress.total(), this.progress.offset + this.syncs));
  }
}
