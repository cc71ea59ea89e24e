/**
 * The workbook open in Excel as a task-pane session: the port, plus what only Excel can do — select a
 * finding's cell, mark offending cells with conditional formats, and tell when the user edits a sheet.
 *
 * Round trips: reveal is one sync; highlight is three for a usual check (load the conditional formats
 * of the sheets, delete Sujarit's and add the new ones within the payload budget, events back on); watch is one sync to subscribe
 * with ExcelApi 1.9 (two with 1.7: list the sheets, subscribe to each) and one to unsubscribe.
 */
import type { WorkbookPort } from "../../app/port";
import type { CellMark, HostActivity, WorkbookSession } from "../../app/session";
import type { CellLocation, Severity } from "../../domain/findings";
import { parseArea } from "../../workbook/a1";
import { type CellValue, isCellError } from "../../workbook/grid";
import type { BatchRunner, RequirementCheck, XConditionalFormat, XContext, XEventResult, XWorksheet } from "./excel-subset";
import { OfficeWorkbook } from "./office-workbook";
import { ACTION_BYTES, BudgetedBatch, jsonBytes, PAYLOAD_BUDGET_BYTES } from "./payload";

/**
 * Every conditional format Sujarit adds has this in its formula (N of a text is 0, so it is always
 * true): it is how a later check finds its own marks and leaves the user's conditional formats alone.
 */
export const MARK_TAG = 'N("sujarit")=0';

/** Fill of a marked cell by severity: Excel's own "light red" and "yellow" presets, and a light blue. */
export const MARK_FILL: Readonly<Record<Severity, string>> = { error: "#FFC7CE", warning: "#FFEB9C", info: "#DDEBF7" };

/** Excel refuses conditional-format formulas longer than this. */
const MAX_FORMULA = 255;

const CF_LOAD = "items/type,items/customOrNullObject/rule/formula";

/** Excel.createWorkbook: opens an .xlsx (Base64) as a new workbook in a new Excel window (ExcelApi 1.8). */
export type CreateWorkbook = (base64: string) => Promise<void>;

export function officeSession(run: BatchRunner, supports: RequirementCheck, createWorkbook?: CreateWorkbook): WorkbookSession {
  const listeners = new Set<(a: HostActivity) => void>();
  return {
    port: new OfficeWorkbook(run, supports, (a) => { for (const l of listeners) l(a); }),
    activity: (listener) => {
      listeners.add(listener);
      return () => { listeners.delete(listener); };
    },
    reveal: (location) => reveal(run, location),
    ...(supports("1.6") ? { highlight: (marks: readonly CellMark[], sheets: readonly string[]) => highlight(run, supports, marks, sheets) } : {}),
    ...(supports("1.7") ? { watch: (onChange: () => void) => watch(run, supports, onChange) } : {}),
    ...(createWorkbook && supports("1.8") ? { newWorkbook: (fill: (port: WorkbookPort) => Promise<void>) => newWorkbook(fill, createWorkbook) } : {}),
  };
}

/**
 * A second workbook for the user, opened by Excel (Microsoft, "Manage workbooks using the Excel JavaScript
 * API" → Create a workbook: createWorkbook takes an .xlsx as Base64 and opens it in a new instance, the add-in
 * staying with the current workbook). It is built as a file (exceljs, the chunk standalone mode loads) and handed
 * over whole: one call, instead of a write per sheet through batches into a workbook the add-in cannot reach.
 */
export async function newWorkbook(fill: (port: WorkbookPort) => Promise<void>, create: CreateWorkbook, limit = PAYLOAD_BUDGET_BYTES): Promise<"opened"> {
  const { newFileBytes } = await import(/* webpackChunkName: "xlsx" */ "../xlsx/file-session");
  const base64 = base64Of(await newFileBytes(fill));
  // one request: Excel on the web refuses one over 5 MB (payload.ts), after the user has waited for it to be built
  if (base64.length > limit) throw new NewWorkbookTooLargeError(base64.length, limit);
  await create(base64);
  return "opened";
}

/** A workbook too large to hand to Excel in one request: said in both languages, with what to do instead. */
export class NewWorkbookTooLargeError extends Error {
  constructor(readonly bytes: number, readonly limit: number) {
    const mb = (n: number) => (n / 1_000_000).toFixed(1);
    super(
      `แฟ้มใหม่มีขนาด ${mb(bytes)} MB เกินกว่าที่ Excel รับได้ในครั้งเดียว (${mb(limit)} MB) — ใช้คำสั่ง sujarit report --report-only หรือเลือกแผ่นงานรายงานแล้วสั่ง "พิมพ์แผ่นงานที่ใช้งานอยู่" / ` +
        `the new workbook is ${mb(bytes)} MB, more than Excel takes in one request (${mb(limit)} MB): use sujarit report --report-only, or select the report sheets and "Print Active Sheets"`,
    );
    this.name = "NewWorkbookTooLargeError";
  }
}

/** Bytes as Base64, in chunks (String.fromCharCode over a whole file would overflow the argument stack). */
export function base64Of(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Activates the location's sheet and selects its cell (or row): one batch, one sync. */
async function reveal(run: BatchRunner, location: CellLocation): Promise<void> {
  await run(async (ctx) => {
    const sheet = ctx.workbook.worksheets.getItem(location.sheet);
    sheet.activate();
    const target = location.cell ?? (location.row ? `${location.row}:${location.row}` : undefined);
    if (target) sheet.getRange(target).select();
    await ctx.sync();
  });
}

/**
 * Removes Sujarit's conditional formats from `sheets` and adds one per mark: one sync to list them, then
 * syncs of at most the payload budget (one for a usual check), with events off (ExcelApi 1.8) and back on
 * in a batch of their own even if Excel fails.
 */
async function highlight(run: BatchRunner, supports: RequirementCheck, marks: readonly CellMark[], sheets: readonly string[]): Promise<void> {
  // Sujarit's own change: no change events for it (ExcelApi 1.8), as for the template writer
  const quiet = supports("1.8");
  try {
    await run(async (ctx) => {
      const worksheets = new Map<string, XWorksheet>();
      const sheet = (name: string): XWorksheet => {
        let ws = worksheets.get(name);
        if (!ws) worksheets.set(name, (ws = ctx.workbook.worksheets.getItem(name)));
        return ws;
      };
      const existing = [...new Set(sheets)].map((name) => sheet(name).getRange().conditionalFormats.load(CF_LOAD));
      await ctx.sync();

      const batch = new BudgetedBatch(ctx);
      await batch.queue(ACTION_BYTES, () => { if (quiet) ctx.runtime.enableEvents = false; });
      for (const formats of existing) for (const cf of formats.items) if (isMark(cf)) await batch.queue(ACTION_BYTES, () => cf.delete());
      for (const m of marks) {
        const formula = markFormula(m);
        await batch.queue(5 * ACTION_BYTES + jsonBytes(formula) + m.range.length, () => {
          const cf = sheet(m.sheet).getRange(m.range).conditionalFormats.add("Custom");
          cf.custom.rule.formula = formula;
          cf.custom.format.fill.color = MARK_FILL[m.severity];
        });
      }
      await batch.flush();
    });
  } finally {
    if (quiet) {
      await run(async (ctx) => {
        ctx.runtime.enableEvents = true;
        await ctx.sync();
      });
    }
  }
}

export function isMark(cf: XConditionalFormat): boolean {
  return cf.type === "Custom" && !cf.customOrNullObject.isNullObject && cf.customOrNullObject.rule.formula.toUpperCase().includes(MARK_TAG.toUpperCase());
}

/**
 * The mark's formula: the tag, and for a single cell "still holds the value checked", so that the mark
 * disappears the moment the user fixes the cell, even with the task pane closed.
 */
export function markFormula(mark: CellMark): string {
  const tagged = `=${MARK_TAG}`;
  const area = parseArea(mark.range);
  if (!area || mark.value === undefined) return tagged;
  const cell = mark.range.split(":")[0] as string;
  const still = stillHolds(cell, mark.value);
  const formula = still ? `=AND(${MARK_TAG},${still})` : tagged;
  return formula.length <= MAX_FORMULA ? formula : tagged;
}

/** An Excel condition true while `cell` holds `value`; undefined when no exact one can be written. */
function stillHolds(cell: string, value: CellValue): string | undefined {
  if (value === null) return `LEN(TRIM(${cell}))=0`;
  if (isCellError(value)) return `ISERROR(${cell})`;
  if (typeof value === "boolean") return `${cell}=${value ? "TRUE" : "FALSE"}`;
  if (typeof value === "number") {
    const text = String(value);
    // Excel reads 15 significant digits: a longer literal would never equal the cell
    const digits = text.replace(/^-/, "").replace(".", "").replace(/^0+/, "");
    return Number.isFinite(value) && !/e/i.test(text) && digits.length <= 15 ? `${cell}=${text}` : undefined;
  }
  if (typeof value === "string") return `EXACT(${cell},"${value.replace(/"/g, '""')}")`;
  return undefined;
}

/**
 * Calls onChange after each data change of a sheet. Sujarit's own writes switch events off, so they do
 * not come back here. The subscription is made at once; the returned function ends it.
 */
function watch(run: BatchRunner, supports: RequirementCheck, onChange: () => void): () => void {
  let watching = true;
  const handler = async (): Promise<void> => {
    if (watching) onChange();
  };
  const subscribed = subscribe(run, supports, handler).catch((error: unknown) => {
    // live re-checks are a convenience: the page's button still runs the checks
    console.warn("Sujarit: cannot watch the workbook for changes", error);
    return [] as XEventResult[];
  });
  return () => {
    watching = false;
    void subscribed.then(async (results) => {
      const first = results[0];
      if (!first) return;
      await run(async (ctx: XContext) => {
        for (const r of results) r.remove();
        await ctx.sync();
      }, first.context);
    }).catch(() => undefined);
  };
}

async function subscribe(run: BatchRunner, supports: RequirementCheck, handler: () => Promise<void>): Promise<XEventResult[]> {
  return run(async (ctx) => {
    if (supports("1.9")) {
      const result = ctx.workbook.worksheets.onChanged.add(handler);
      await ctx.sync();
      return [result];
    }
    const sheets = ctx.workbook.worksheets.load("items/name");
    await ctx.sync();
    const results = sheets.items.map((s) => s.onChanged.add(handler));
    await ctx.sync();
    return results;
  });
}
