/**
 * The Excel host (office-js), within Excel's limits (ENGINEERING.md, "Excel's limits"):
 * - reading: the sheet list (1 sync), the used ranges' sizes and merged areas (1 sync), then the cells in
 *   bands that keep every response under the payload budget (1 sync for a usual plan). A sheet with more
 *   than 512 merged areas, which Excel refuses to list, fails that sync: the sizes are asked again and
 *   the merges sheet by sheet, and that sheet comes back without merges;
 * - writing: the sheet list (1 sync), then steps packed into syncs of at most the budget; sheets that
 *   replace others are built under a temporary name and swapped in only at the end, names exist before
 *   any dropdown points at them, the workbook is recalculated, and events are switched back on in a
 *   batch of their own even when the write fails.
 * Only documented behaviour is relied on: sheets are walked through the loaded collection, never by
 * chaining calls on a null object.
 */
import type { ExistingSheetPolicy, ExpectedRow, Progress, ReadOptions, RewriteCell, SheetInfo, WorkbookPort, WriteOptions } from "../../app/port";
import type { HostActivity } from "../../app/session";
import { RowChangedError, sameRow, SheetConflictError } from "../../app/port";
import { type Area, rangeAddress, sheetRef } from "../../workbook/a1";
import type { CellInput, CellValue, DefinedName, GridFormula, SheetGrid, SheetVisibility, WorkbookGrids, WorkbookSpec } from "../../workbook/grid";
import type { BatchRunner, RequirementCheck, XContext, XRange, XRangeAreas, XWorksheet } from "./excel-subset";
import { ACTION_BYTES, BudgetedBatch, jsonBytes, MAX_CELLS_PER_READ, PAYLOAD_BUDGET_BYTES } from "./payload";
import { arraySteps, sheetSteps, toFormulaCell, VISIBILITY_OUT } from "./sheet-steps";

export { toFormulaCell } from "./sheet-steps";

const VISIBILITY_IN: Readonly<Record<string, SheetVisibility>> = { Visible: "visible", Hidden: "hidden", VeryHidden: "veryHidden" };

/**
 * Sheets being built to replace others are called this until the swap. Left behind only if Excel itself
 * fails mid-write; the next write removes them and readers skip them.
 */
export const TEMP_SHEET_PREFIX = "~sujarit-";

export function isTempSheet(name: string): boolean {
  return name.startsWith(TEMP_SHEET_PREFIX);
}

/** Cells asked for in the first band of a read; later bands follow the bytes per cell measured. */
const FIRST_BAND_CELLS = 20_000;

/** A read aims at half the budget per response: the next band's text may be longer than the last's. */
const READ_TARGET_BYTES = PAYLOAD_BUDGET_BYTES / 2;

/** Bytes of one cell in a response besides its value: its valueType and the JSON around both. */
const CELL_OVERHEAD_BYTES = 12;

/**
 * Round trips of each action when its bytes fit one request and one response (a usual plan): the
 * yardstick of the tests and the bench. Larger plans add one per budget's worth of bytes moved.
 */
export function roundTrips(supports: RequirementCheck): { read: number; write: number; append: number; rewrite: number; remove: number; highlight: number } {
  const eventsBack = supports("1.8") ? 1 : 0;
  return {
    /** the sheet list; the used ranges' sizes (and merges); the cells */
    read: 3,
    /** the sheet list; the write; events back on */
    write: 2 + eventsBack,
    /** the rows; events back on */
    append: 1 + eventsBack,
    /** the row read (is it still what the caller saw?); the row written; events back on */
    rewrite: 2 + eventsBack,
    /** the row read; the row deleted; events back on */
    remove: 2 + eventsBack,
    /** the conditional formats there; the marks; events back on */
    highlight: 2 + eventsBack,
  };
}

/** Who hears of the host's multi-round-trip reads and writes (the session's `activity`). */
export type ActivityListener = (activity: HostActivity) => void;

export class OfficeWorkbook implements WorkbookPort {
  constructor(
    private readonly run: BatchRunner,
    private readonly supports: RequirementCheck,
    private readonly onActivity: ActivityListener = () => undefined,
  ) {}

  async listSheets(): Promise<SheetInfo[]> {
    return this.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets.load("items/name,items/visibility");
      await ctx.sync();
      return sheets.items.filter((s) => !isTempSheet(s.name)).map((s) => ({ name: s.name, visibility: VISIBILITY_IN[s.visibility] ?? "visible" }));
    });
  }

  /* ---------------- reading ---------------- */

  async readGrids(options: ReadOptions = {}): Promise<WorkbookGrids> {
    let last: { done: number; total: number } = { done: 0, total: 0 };
    try {
      return await this.readAll(options, (done, total) => {
        last = { done, total };
        options.progress?.(done, total);
        this.onActivity({ kind: "read", done, total, finished: false });
      });
    } finally {
      if (last.total > 0) this.onActivity({ kind: "read", ...last, finished: true });
    }
  }

  private async readAll(options: ReadOptions, progress: Progress): Promise<WorkbookGrids> {
    return this.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets.load("items/name,items/visibility");
      const names = ctx.workbook.names.load("items/name,items/formula");
      await ctx.sync();
      const listed = sheets.items
        .filter((ws) => !isTempSheet(ws.name))
        .map((ws) => ({ ws, info: { name: ws.name, visibility: VISIBILITY_IN[ws.visibility] ?? "visible" } as SheetInfo }));
      const wanted = listed.filter((s) => options.cellsOf?.(s.info) ?? true);
      // the used ranges' sizes, and (ExcelApi 1.13) the merged areas of the same sheets in the same sync
      const sizes = () => wanted.map((s) => ({ ...s, used: s.ws.getUsedRangeOrNullObject(true).load("rowIndex,columnIndex,rowCount,columnCount") }));
      let used = sizes();
      let mergeAreas = this.supports("1.13") ? wanted.map((s) => ({ name: s.info.name, areas: s.ws.getRange().getMergedAreasOrNullObject().load("areas/items/address") })) : undefined;
      if (used.length > 0) {
        try {
          await ctx.sync();
        } catch (error) {
          // a sheet with more than 512 merged areas fails the whole batch: sizes again, merges one by one
          if (!mergeAreas) throw error;
          used = sizes();
          mergeAreas = undefined;
          await ctx.sync();
        }
      }
      const rowsOf = new Map<string, CellValue[][]>();
      const shapes = used.filter((u) => !u.used.isNullObject).map((u) => ({
        name: u.info.name, ws: u.ws, top: u.used.rowIndex, left: u.used.columnIndex, rows: u.used.rowCount, cols: u.used.columnCount,
      }));
      const totalCells = shapes.reduce((n, s) => n + s.rows * s.cols, 0);
      let done = 0;
      const formulasOf = new Map<string, GridFormula[]>();
      await readBands(ctx, shapes, (name, top, values, types, left, formulas) => {
        const rows = rowsOf.get(name) ?? [];
        rowsOf.set(name, rows);
        const found = formulasOf.get(name) ?? [];
        formulasOf.set(name, found);
        values.forEach((row, r) => {
          const out: CellValue[] = Array.from({ length: left }, () => null);
          row.forEach((v, c) => {
            out.push(cellOf(v, types[r]?.[c]));
            // a formula: Excel gives its text where a constant gives itself (a text "=…" typed as text equals its value)
            const f = formulas[r]?.[c];
            if (typeof f === "string" && f.startsWith("=") && f !== v) found.push({ row: top + r, col: left + c, formula: f });
          });
          rows[top + r] = out;
        });
        done += values.length * (values[0]?.length ?? 0);
        progress(done, totalCells);
      });
      const merges = !this.supports("1.13")
        ? new Map<string, string[]>()
        : mergeAreas ? new Map(mergeAreas.map((m) => [m.name, mergeAddresses(m.areas)])) : await readMerges(ctx, shapes);
      const grids: SheetGrid[] = listed.map(({ info }) => {
        const rows = rowsOf.get(info.name) ?? [];
        for (let i = 0; i < rows.length; i++) if (rows[i] === undefined) rows[i] = [];
        const formulas = formulasOf.get(info.name) ?? [];
        return { name: info.name, visibility: info.visibility, rows, merges: merges.get(info.name) ?? [], ...(formulas.length > 0 ? { formulas } : {}) };
      });
      return { sheets: grids, names: names.items.flatMap((n) => parseNameFormula(n.name, n.formula)) };
    });
  }

  /* ---------------- writing ---------------- */

  async writeSheets(spec: WorkbookSpec, policy: ExistingSheetPolicy, options: WriteOptions = {}): Promise<void> {
    let last: { done: number; total: number } = { done: 0, total: 0 };
    const report: Progress = (done, total) => {
      last = { done, total };
      options.progress?.(done, total);
      this.onActivity({ kind: "write", done, total, finished: false });
    };
    try {
      await this.writeAll(spec, policy, report);
    } finally {
      if (last.total > 0) this.onActivity({ kind: "write", ...last, finished: true });
    }
  }

  private async writeAll(spec: WorkbookSpec, policy: ExistingSheetPolicy, report: Progress): Promise<void> {
    const quiet = this.supports("1.8");
    const added: string[] = [];
    let swapped = false;
    try {
      await this.run(async (ctx) => {
        const sheets = ctx.workbook.worksheets.load("items/name,items/visibility");
        const names = ctx.workbook.names.load("items/name");
        await ctx.sync();
        const byName = new Map(sheets.items.map((s) => [s.name.toLowerCase(), s]));
        const existing = spec.sheets.map((s) => byName.get(s.name.toLowerCase())).filter((s): s is XWorksheet => s !== undefined);
        if (existing.length > 0 && policy === "refuse") throw new SheetConflictError(existing.map((s) => s.name));

        const plans = spec.sheets.map((s, i) => {
          const old = byName.get(s.name.toLowerCase());
          return { spec: s, old, building: old ? `${TEMP_SHEET_PREFIX}${i + 1}` : s.name, steps: sheetSteps(s, this.supports) };
        });
        const stepBytes = plans.reduce((n, p) => n + p.steps.reduce((m, st) => m + st.bytes, 0), 0);
        const expected = 2 + Math.ceil(stepBytes / PAYLOAD_BUDGET_BYTES);
        const batch = new BudgetedBatch(ctx, () => this.suspend(ctx), { report, total: () => expected, offset: 1 });

        // 1. events off; what an earlier failed write left; the new sheets; the names they need
        await batch.queue(ACTION_BYTES, () => { if (quiet) ctx.runtime.enableEvents = false; });
        for (const left of sheets.items.filter((s) => isTempSheet(s.name))) {
          await batch.queue(2 * ACTION_BYTES, () => {
            if (left.visibility === "VeryHidden") left.visibility = "Hidden";
            left.delete();
          });
        }
        const built = new Map<string, XWorksheet>();
        for (const p of plans) {
          await batch.queue(ACTION_BYTES + jsonBytes(p.building), () => { built.set(p.building, ctx.workbook.worksheets.add(p.building)); });
          added.push(p.building);
        }
        const redefined = new Set(spec.names.map((n) => n.name.toUpperCase()));
        const buildingOf = new Map(plans.map((p) => [p.spec.name, p.building]));
        for (const n of names.items.filter((item) => redefined.has(item.name.toUpperCase()))) await batch.queue(ACTION_BYTES, () => n.delete());
        for (const n of spec.names) {
          const ref = `=${sheetRef(buildingOf.get(n.sheet) ?? n.sheet, n.range)}`;
          await batch.queue(ACTION_BYTES + jsonBytes(n.name) + jsonBytes(ref), () => { ctx.workbook.names.add(n.name, ref); });
        }
        // 2. the sheets' contents, in syncs of at most the budget
        for (const p of plans) {
          const ws = built.get(p.building) as XWorksheet;
          for (const st of p.steps) await batch.queue(st.bytes, () => st.run(ws));
        }
        // 3. the swap: old sheets go only now that their replacements are complete
        for (const p of plans) {
          const ws = built.get(p.building) as XWorksheet;
          const old = p.old;
          await batch.queue(4 * ACTION_BYTES + jsonBytes(p.spec.name), () => {
            if (old) {
              // Excel refuses to delete a very hidden sheet (by design): make it merely hidden first
              if (old.visibility === "VeryHidden") old.visibility = "Hidden";
              old.delete();
              ws.name = p.spec.name;
            }
            ws.visibility = VISIBILITY_OUT[p.spec.visibility];
          });
        }
        // 4. calculation was suspended for every sync of the write, and Excel leaves recalculating to the
        // add-in ("it is the developer's responsibility to re-calc the workbook"): a full calculation, in
        // the last sync, which is not suspended
        await batch.queue(ACTION_BYTES, () => ctx.workbook.application.calculate("Full"));
        await batch.flush(true);
        swapped = true;
      });
    } catch (error) {
      if (!swapped && added.length > 0) await this.removeQuietly(added);
      throw error;
    } finally {
      if (quiet) await this.eventsOn();
    }
  }

  /**
   * Writes rows below the used rows of an existing sheet, starting at `firstRow` (1-based), in syncs of
   * at most the budget, with events off (ExcelApi 1.8) and back on in a batch of their own.
   */
  async appendRows(sheet: string, firstRow: number, rows: readonly (readonly CellInput[])[]): Promise<void> {
    if (rows.length === 0) return;
    const width = Math.max(...rows.map((r) => r.length));
    const quiet = this.supports("1.8");
    try {
      await this.run(async (ctx) => {
        const batch = new BudgetedBatch(ctx);
        const ws = ctx.workbook.worksheets.getItem(sheet);
        await batch.queue(ACTION_BYTES, () => { if (quiet) ctx.runtime.enableEvents = false; });
        // the same row bands as a sheet's values (sheet-steps.ts), below the rows already there
        const area = { top: firstRow, left: 1, bottom: firstRow + rows.length - 1, right: width };
        const steps = arraySteps(area, (r, c) => toFormulaCell(rows[r - firstRow]?.[c - 1] ?? null), (range, band) => { range.formulas = band; });
        for (const st of steps) await batch.queue(st.bytes, () => st.run(ws));
        await batch.flush();
      });
    } finally {
      if (quiet) await this.eventsOn();
    }
  }

  /**
   * Rewrites one row once it is found to still hold `expect`: one sync reads the row (events off in the
   * same batch), one writes it as a single 2-D array in which KEEP_CELL is null, which Excel documents
   * as "leave this cell unchanged" ("null input in 2-D array", learn.microsoft.com/office/dev/add-ins/
   * excel/excel-add-ins-blank-null-values) and "" as clearing it. Formulas go through range.formulas,
   * as every write of this host (a value is its own formula), so a formula kept is never flattened.
   */
  async rewriteRow(sheet: string, row: number, cells: readonly RewriteCell[], expect: ExpectedRow): Promise<void> {
    const width = Math.max(1, cells.length, expect.length);
    const band = [Array.from({ length: width }, (_, c) => {
      const v = cells[c];
      return v === undefined ? null : toFormulaCell(v);
    })];
    await this.afterCheck(sheet, row, expect, width, (ws) => { ws.getRange(rangeAddress(row, 1, row, width)).formulas = band; }, jsonBytes(band));
  }

  /**
   * Deletes one row once it is found to still hold `expect`: the whole row ("5:5"), so the user's own
   * columns go with it and nothing beside it shifts out of line; Excel moves the rows below up and
   * rewrites the references to them (Range.delete(Excel.DeleteShiftDirection.up), ExcelApi 1.1,
   * learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-delete-member(1)).
   */
  async removeRow(sheet: string, row: number, expect: ExpectedRow): Promise<void> {
    await this.afterCheck(sheet, row, expect, Math.max(1, expect.length), (ws) => ws.getRange(`${row}:${row}`).delete("Up"), 0);
  }

  /**
   * Reads `row` (one sync), refuses with RowChangedError when it no longer holds `expect`, else runs
   * `change` (one sync); events off for both, back on in a batch of their own. The row is read again
   * here, just before the change, so the gap another writer could use is one round trip, not the time
   * since the caller's read.
   */
  private async afterCheck(sheet: string, row: number, expect: ExpectedRow, width: number, change: (ws: XWorksheet) => void, bytes: number): Promise<void> {
    const quiet = this.supports("1.8");
    try {
      await this.run(async (ctx) => {
        if (quiet) ctx.runtime.enableEvents = false;
        const ws = ctx.workbook.worksheets.getItem(sheet);
        const now = ws.getRange(rangeAddress(row, 1, row, width)).load("values,valueTypes");
        await ctx.sync();
        const found = (now.values[0] ?? []).map((v, c) => cellOf(v, now.valueTypes[0]?.[c]));
        if (!sameRow(found, expect)) throw new RowChangedError(sheet, row, found);
        const batch = new BudgetedBatch(ctx);
        await batch.queue(ACTION_BYTES + bytes, () => change(ws));
        await batch.flush();
      });
    } finally {
      if (quiet) await this.eventsOn();
    }
  }

  private suspend(ctx: XContext): void {
    ctx.workbook.application.suspendApiCalculationUntilNextSync();
    if (this.supports("1.9")) ctx.workbook.application.suspendScreenUpdatingUntilNextSync();
  }

  /** Events back on, in a batch of its own: a failed batch must not leave them off for the session. [Api set: ExcelApi 1.8] */
  private async eventsOn(): Promise<void> {
    await this.run(async (ctx) => {
      ctx.runtime.enableEvents = true;
      await ctx.sync();
    });
  }

  /** After a failed write: remove the sheets it added (best effort; the error that matters is the first). */
  private async removeQuietly(sheets: readonly string[]): Promise<void> {
    try {
      await this.run(async (ctx) => {
        const all = ctx.workbook.worksheets.load("items/name,items/visibility");
        await ctx.sync();
        const gone = new Set(sheets.map((s) => s.toLowerCase()));
        for (const s of all.items) {
          if (!gone.has(s.name.toLowerCase())) continue;
          if (s.visibility === "VeryHidden") s.visibility = "Hidden";
          s.delete();
        }
        await ctx.sync();
      });
    } catch {
      // what is left is named ~sujarit-…, skipped by readers and removed by the next write
    }
  }
}

interface SheetShape {
  readonly name: string;
  readonly ws: XWorksheet;
  /** 0-based, as office-js gives them. */
  readonly top: number;
  readonly left: number;
  readonly rows: number;
  readonly cols: number;
}

type BandSink = (sheet: string, top0: number, values: unknown[][], types: string[][], left0: number, formulas: unknown[][]) => void;

/**
 * The cells of every sheet, a band of rows at a time, several bands per sync while the response stays
 * near READ_TARGET_BYTES. The bytes per cell of each response set the size of the next; a response Excel
 * refuses as too large is asked again in halves.
 */
async function readBands(ctx: XContext, shapes: readonly SheetShape[], sink: BandSink): Promise<void> {
  let cellsPerSync = FIRST_BAND_CELLS;
  const queue = shapes.map((s) => ({ shape: s, next: 0 }));
  let qi = 0;
  while (qi < queue.length) {
    const pending: { shape: SheetShape; top: number; count: number; range: XRange }[] = [];
    let cells = 0;
    while (qi < queue.length && cells < cellsPerSync) {
      const q = queue[qi] as { shape: SheetShape; next: number };
      const { shape } = q;
      const rowsLeft = shape.rows - q.next;
      const room = Math.max(1, Math.floor((cellsPerSync - cells) / Math.max(1, shape.cols)));
      const count = Math.min(rowsLeft, room, Math.floor(MAX_CELLS_PER_READ / Math.max(1, shape.cols)));
      const top = shape.top + q.next;
      const address = rangeAddress(top + 1, shape.left + 1, top + count, shape.left + shape.cols);
      // formulas in the same load: the reader tells a formula typed into an input cell (X11); the band's bytes count them
      pending.push({ shape, top, count, range: shape.ws.getRange(address).load("values,valueTypes,formulas") });
      cells += count * shape.cols;
      q.next += count;
      if (q.next >= shape.rows) qi++;
    }
    try {
      await ctx.sync();
    } catch (error) {
      if (!isPayloadError(error) || cells <= 1) throw error;
      // too much for one response after all: put the bands back and ask for half as many cells
      for (const p of pending.reverse()) {
        const at = queue.findIndex((q) => q.shape === p.shape);
        const q = queue[at] as { shape: SheetShape; next: number };
        q.next = Math.min(q.next, p.top - p.shape.top);
        qi = Math.min(qi, at);
      }
      cellsPerSync = Math.max(1, Math.floor(cells / 2));
      continue;
    }
    let bytes = 0;
    for (const p of pending) {
      bytes += jsonBytes(p.range.values) + jsonBytes(p.range.formulas) + p.count * p.shape.cols * CELL_OVERHEAD_BYTES;
      sink(p.shape.name, p.top, p.range.values, p.range.valueTypes, p.shape.left, p.range.formulas);
    }
    const perCell = Math.max(1, bytes / Math.max(1, cells));
    cellsPerSync = Math.max(1, Math.floor(READ_TARGET_BYTES / perCell));
  }
}

/**
 * Merged areas (ExcelApi 1.13) of the sheets read, one sync for all; Excel refuses to list more than
 * 512 merged areas of a range, and one refusal fails the whole batch, so on failure each sheet is asked
 * alone and a sheet that is refused comes back with none. [Api set: ExcelApi 1.13]
 */
async function readMerges(ctx: XContext, shapes: readonly SheetShape[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  const ask = async (group: readonly SheetShape[]): Promise<boolean> => {
    const areas = group.map((s) => ({ s, areas: s.ws.getRange(usedAddress(s)).getMergedAreasOrNullObject().load("areas/items/address") }));
    try {
      await ctx.sync();
    } catch {
      return false;
    }
    for (const { s, areas: a } of areas) out.set(s.name, mergeAddresses(a));
    return true;
  };
  if (shapes.length === 0 || (await ask(shapes))) return out;
  for (const s of shapes) await ask([s]);
  return out;
}

function usedAddress(s: SheetShape): string {
  const area: Area = { top: s.top + 1, left: s.left + 1, bottom: s.top + s.rows, right: s.left + s.cols };
  return rangeAddress(area.top, area.left, area.bottom, area.right);
}

/** [Api set: ExcelApi 1.13] (RangeAreas is 1.9; callers read merges only on 1.13) */
function mergeAddresses(a: XRangeAreas): string[] {
  return a.isNullObject ? [] : a.areas.items.map((r) => r.address.replace(/^.*!/, "").replace(/\$/g, ""));
}

/** office-js's errors for a request or response over the payload limit. */
function isPayloadError(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown } | undefined;
  return /PayloadSizeLimitExceeded/i.test(`${String(e?.code ?? "")} ${String(e?.message ?? "")}`);
}

function cellOf(v: unknown, type: string | undefined): CellValue {
  if (type === "Error") return { error: String(v) };
  if (v === "" || v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  return String(v);
}

/** "='แผนปฏิบัติการ'!$A$1" → the sheet and range it points into. */
export function parseNameFormula(name: string, formula: string): DefinedName[] {
  const m = /^=?'?(.*?)'?!(\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?)$/.exec(formula);
  return m ? [{ name, sheet: (m[1] as string).replace(/''/g, "'"), range: m[2] as string }] : [];
}
