/**
 * Consolidation of division workbooks' monthly rows into the master, as a plan: which rows to add,
 * which are already there, and which disagree with a row the master (or an earlier division) has for
 * the same item and month. Pure; app/consolidate.ts carries it out. Nothing is dropped: every source
 * row ends in exactly one of added, already there, conflict or unusable.
 */
import type { CellLocation } from "../domain/findings";
import type { CalendarMonth } from "../domain/calendar";
import type { ProgressEntry } from "../domain/plan";
import type { FiscalYear, PlanCode } from "../domain/units";

export interface SourceProgress {
  /** The file the rows come from, as the user named it. */
  readonly source: string;
  readonly rows: readonly ProgressEntry[];
}

export interface FieldDifference {
  readonly field: string;
  readonly kept: string;
  readonly incoming: string;
}

export interface Conflict {
  readonly key: RowKey;
  readonly source: string;
  readonly incoming: CellLocation;
  /** Where the kept row is: the master's sheet row, or an earlier division file's. */
  readonly kept: CellLocation & { readonly source: string };
  readonly differences: readonly FieldDifference[];
}

export interface SourceOutcome {
  readonly source: string;
  readonly rows: number;
  readonly added: number;
  readonly alreadyThere: number;
  readonly conflicts: number;
  readonly unusable: number;
}

export interface ConsolidationPlan {
  readonly toAdd: readonly { readonly entry: ProgressEntry; readonly source: string }[];
  readonly conflicts: readonly Conflict[];
  /** Rows without an item code, fiscal year or month: they cannot be matched, so they are reported, not merged. */
  readonly unusable: readonly { readonly source: string; readonly at: CellLocation }[];
  readonly outcomes: readonly SourceOutcome[];
}

const FIELDS: readonly (keyof ProgressEntry)[] = [
  "status", "reason", "reasonText", "inOrdinance", "progressPct", "startDate", "endDate", "output", "unit", "indicatorResult",
  "result", "budgetType", "ordinanceAmount", "disbursed", "evidence", "problems", "recommendations", "enteredBy", "enteredOn",
];

const show = (v: unknown): string => (v === undefined ? "" : v instanceof Date ? v.toISOString().slice(0, 10) : String(v));
/** What makes a monthly row the same row in another workbook: the item, the year and the month. */
export interface RowKey {
  readonly code: PlanCode;
  readonly fy: FiscalYear;
  readonly month: CalendarMonth;
}
const rowKey = (p: ProgressEntry): RowKey | undefined => (p.code && p.fy && p.month ? { code: p.code, fy: p.fy, month: p.month } : undefined);
const keyText = (k: RowKey) => `${k.code}|${k.fy}|${k.month}`;
const keyOf = (p: ProgressEntry) => {
  const k = rowKey(p);
  return k ? keyText(k) : undefined;
};
const where = (p: ProgressEntry): CellLocation => (p.at ? { sheet: p.at.sheet, row: p.at.row } : { sheet: "" });

export function differences(kept: ProgressEntry, incoming: ProgressEntry): FieldDifference[] {
  return FIELDS.filter((f) => show(kept[f]) !== show(incoming[f])).map((f) => ({ field: f, kept: show(kept[f]), incoming: show(incoming[f]) }));
}

export function planConsolidation(master: readonly ProgressEntry[], sources: readonly SourceProgress[]): ConsolidationPlan {
  const known = new Map<string, { entry: ProgressEntry; source: string }>();
  for (const p of master) {
    const k = keyOf(p);
    if (k && !known.has(k)) known.set(k, { entry: p, source: "master" });
  }
  const toAdd: { entry: ProgressEntry; source: string }[] = [];
  const conflicts: Conflict[] = [];
  const unusable: { source: string; at: CellLocation }[] = [];
  const outcomes: SourceOutcome[] = [];
  for (const s of sources) {
    let added = 0;
    let alreadyThere = 0;
    let conflicted = 0;
    let bad = 0;
    for (const p of s.rows) {
      const key = rowKey(p);
      if (!key) {
        unusable.push({ source: s.source, at: where(p) });
        bad++;
        continue;
      }
      const k = keyText(key);
      const kept = known.get(k);
      if (!kept) {
        known.set(k, { entry: p, source: s.source });
        toAdd.push({ entry: p, source: s.source });
        added++;
        continue;
      }
      const diff = differences(kept.entry, p);
      if (diff.length === 0) {
        alreadyThere++;
        continue;
      }
      conflicts.push({
        key,
        source: s.source,
        incoming: where(p),
        kept: { ...where(kept.entry), source: kept.source },
        differences: diff,
      });
      conflicted++;
    }
    outcomes.push({ source: s.source, rows: s.rows.length, added, alreadyThere, conflicts: conflicted, unusable: bad });
  }
  return { toAdd, conflicts, unusable, outcomes };
}
