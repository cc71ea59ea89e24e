/**
 * Editing and removing a row the user saw (issue 16: monthly rows and risks), without a lost update.
 * The user saw a record read at some moment; before anything is written the workbook is read again and
 * the row must still hold that record (another writer may have changed it, or moved it by inserting or
 * deleting rows above it). The host then compares the row's cells once more just before its change
 * (WorkbookPort.rewriteRow / removeRow), so the gap is one round trip. A rewrite writes only the
 * template's input columns: formula columns and columns the user added are left as they are.
 */
import type { RowRef } from "../domain/plan";
import type { CellInput, WorkbookGrids } from "../workbook/grid";
import type { TableSheetDef } from "../workbook/schema";
import { type ExpectedRow, KEEP_CELL, type RewriteCell, RowChangedError } from "./port";

/** A record's fields as one comparable text: `at` aside, dates by time, arrays in order, keys sorted. */
export function recordKey(record: object): string {
  const norm = (v: unknown): unknown => {
    if (v instanceof Date) return { date: v.getTime() };
    if (Array.isArray(v)) return v.map(norm);
    if (v !== null && typeof v === "object") {
      return Object.fromEntries(Object.keys(v).filter((k) => k !== "at").sort().map((k) => [k, norm((v as Record<string, unknown>)[k])]));
    }
    return v === undefined ? null : v;
  };
  return JSON.stringify(norm(record));
}

export function sameRecord(a: object, b: object): boolean {
  return recordKey(a) === recordKey(b);
}

/** Why a change was refused: the row no longer holds what was seen. */
export interface RowChanged<T> {
  readonly kind: "changed";
  readonly sheet: string;
  /** The row the user saw the record in. */
  readonly row: number;
  /** What that row holds now (undefined: nothing a reader takes as a record). */
  readonly now: T | undefined;
  /** Where the record the user saw is now, when it moved (the only row holding it). */
  readonly movedTo: number | undefined;
}

export type Located<T> =
  | { readonly kind: "found"; readonly sheet: string; readonly row: number; readonly expected: ExpectedRow }
  | RowChanged<T>;

/** The row of `seen` in the fresh read: found when it still holds the same record, else why not. */
export function locateSeen<T extends { readonly at?: RowRef }>(grids: WorkbookGrids, sheet: string, records: readonly T[], seen: T): Located<T> {
  const row = seen.at?.row ?? 0;
  const now = records.find((r) => r.at?.row === row);
  if (now && row > 0 && sameRecord(now, seen)) {
    const grid = grids.sheets.find((g) => g.name === sheet);
    return { kind: "found", sheet, row, expected: [...(grid?.rows[row - 1] ?? [])] };
  }
  const same = records.filter((r) => sameRecord(r, seen));
  return { kind: "changed", sheet, row, now, movedTo: same.length === 1 ? same[0]?.at?.row : undefined };
}

/**
 * The host's change of a row found holding what the user saw (a rewrite or a removal), and what it comes
 * to: `done`, or — when the host refuses because the row changed in the round trip between (RowChangedError)
 * — what the row holds now, read afresh by `again`. Edit and remove of monthly rows and risks alike.
 */
export async function changeSeenRow<T, D>(
  found: { readonly sheet: string; readonly row: number },
  change: () => Promise<void>,
  again: () => Promise<Located<T>>,
  done: D,
): Promise<D | RowChanged<T>> {
  try {
    await change();
  } catch (e) {
    if (!(e instanceof RowChangedError)) throw e;
    const now = await again();
    return now.kind === "changed" ? now : { kind: "changed", sheet: found.sheet, row: found.row, now: undefined, movedTo: undefined };
  }
  return done;
}

/** The cells of a rewrite: the template's input columns from `cells` (null clears), every other column kept. */
export function inputCellsOnly(def: Pick<TableSheetDef, "columns">, columns: ReadonlyMap<string, number>, cells: readonly CellInput[]): RewriteCell[] {
  const inputs = new Set(def.columns.filter((c) => c.type.kind !== "formula").map((c) => columns.get(c.key)).filter((c): c is number => c !== undefined));
  return cells.map((v, c) => (inputs.has(c) ? v : KEEP_CELL));
}

/** A refusal in words, Thai and English (the pane and the CLI say the same). */
export function rowChangedMessage(change: RowChanged<unknown>): { readonly th: string; readonly en: string } {
  const moved = change.movedTo !== undefined;
  return {
    th: `แถว ${change.row} ของแผ่นงาน "${change.sheet}" ถูกแก้ไขหรือย้าย${moved ? ` (ตอนนี้อยู่ที่แถว ${change.movedTo})` : ""}หลังจากที่อ่านไว้ จึงไม่ได้บันทึกการเปลี่ยนแปลง ไม่มีข้อมูลใดสูญหาย อ่านแฟ้มใหม่แล้ว ตรวจดูอีกครั้งแล้วลองใหม่`,
    en: `Row ${change.row} of "${change.sheet}" was changed or moved${moved ? ` (it is now row ${change.movedTo})` : ""} since it was read, so nothing was written and nothing was lost. The workbook has been read again: check it and try again.`,
  };
}

