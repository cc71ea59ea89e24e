/**
 * A typed, in-memory fake of the Excel calls OfficeWorkbook makes, enforcing Excel's documented rules by
 * default (ENGINEERING.md, "Excel's limits"):
 * - work is queued and done at context.sync(); a property can be read only after it was loaded (only the
 *   paths asked for) and synced; numeric text typed into a non-text cell becomes a number;
 * - every sync is measured: actions queued, request bytes (each action ~150 bytes plus its arguments as
 *   UTF-8 JSON) and response bytes (what the loads return as JSON); in web mode (the default) a request or
 *   a response over 5 MB fails the sync (RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded);
 * - a range read is limited to 5 million cells, getMergedAreasOrNullObject to 512 merged areas;
 * - a batch is not a transaction: actions before a failing one stay applied (injectFailure(n) makes the
 *   n-th action from now fail);
 * - the last visible sheet can be neither deleted nor hidden; sheet and name lookups ignore case;
 * - requirement sets mean "at least": supports("1.8") is true on a 1.9 host, and members above the
 *   host's sets fail with ApiNotFound;
 * - onChanged fires for the add-in's own writes while events are on; handlers die with their sheet;
 * - suspendApiCalculationUntilNextSync leaves formulas stale until application.calculate().
 */
import type {
  BatchRunner, XBorder, XBorderIndex, XConditionalFormat, XConditionalFormatCollection, XContext, XEventResult, XEventSource,
  XNamedItem, XNamedItemCollection, XNewCustomConditionalFormat, XPageLayout, XRange, XRangeAreas, XRangeFormat, XStyledAreas, XWorksheet, XWorksheetCollection,
} from "../../src/hosts/office/excel-subset";
import { columnLetter, columnNumber, parseArea } from "../../src/workbook/a1";
import { shiftFormulaRows } from "../../src/workbook/shift-rows";

export interface FakeCell {
  value: string | number | boolean | null;
  formula?: string;
  error?: string;
  numberFormat?: string;
  /** The cell's own fill colour (range.format.fill.color), e.g. the user's formatting. */
  fill?: string;
}

/** A conditional format on a sheet: its type, where it applies, its rule's formula and its fill. */
export interface FakeConditionalFormat {
  id: number;
  type: string;
  /** A1 address it applies to. */
  range: string;
  formula: string;
  fill: string;
  fontColor?: string;
}

/**
 * One format assignment, as Excel was asked to do it: `range.format.font.bold = true` on "A1:C3" is
 * { address: "A1:C3", key: "font.bold", value: true }. Later assignments win (formatOf reads them back).
 */
export interface FakeFormat {
  address: string;
  key: string;
  value: string | number | boolean;
}

/** worksheet.pageLayout as set (ExcelApi 1.9). */
export interface FakePageLayout {
  orientation?: string;
  paperSize?: string;
  zoom?: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  printTitleRows?: string;
  printArea?: string;
  centerFooter?: string;
  /** Rows that begin a page (horizontalPageBreaks.add). */
  pageBreaks?: number[];
}

/** Where the user's selection is (range.select()). */
export interface FakeSelection {
  sheet: string;
  address: string;
}

export interface FakeSheet {
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  cells: Map<string, FakeCell>;
  columnWidths: Map<number, number>;
  frozenRows: number;
  validations: { address: string; source: string }[];
  merges: string[];
  tabColor: string;
  conditionalFormats: FakeConditionalFormat[];
  /** Every format assignment, in order. */
  formats: FakeFormat[];
  rowHeights: Map<number, number>;
  pageLayout: FakePageLayout;
}

/** FakeExcel's workbook as plain JSON (Maps as entry lists): what toJSON() gives and fromJSON() takes. */
export interface FakeExcelState {
  sheets: {
    name: string;
    visibility: FakeSheet["visibility"];
    cells: [string, FakeCell][];
    columnWidths: [number, number][];
    frozenRows: number;
    validations: { address: string; source: string }[];
    merges: string[];
    tabColor: string;
    conditionalFormats: FakeConditionalFormat[];
    formats?: FakeFormat[];
    rowHeights?: [number, number][];
    pageLayout?: FakePageLayout;
  }[];
  names: { name: string; formula: string }[];
  supported: string[];
  enableEvents: boolean;
  activeSheet?: string;
  selection?: FakeSelection;
}

/** A change handler registered with onChanged.add: for one sheet, or for every sheet (worksheets.onChanged). */
interface FakeHandler {
  sheet: FakeSheet | undefined;
  handler: (args: unknown) => Promise<unknown>;
}

/** Excel's per-sync limits as the fake enforces them. */
export interface FakeLimits {
  /** Bytes of one request (the queued actions); Excel on the web: 5 MB. */
  requestBytes: number;
  /** Bytes of one response (what the loads return); Excel on the web: 5 MB. */
  responseBytes: number;
  /** Cells of one range read. */
  cellsPerRead: number;
  /** Merged areas getMergedAreasOrNullObject returns before it fails. */
  mergedAreasPerRead: number;
}

/** Excel on the web's limits ("Resource limits and performance optimization for Office Add-ins"). */
export const WEB_LIMITS: Readonly<FakeLimits> = { requestBytes: 5_000_000, responseBytes: 5_000_000, cellsPerRead: 5_000_000, mergedAreasPerRead: 512 };

/** What one sync carried. */
export interface FakeSyncRecord {
  actions: number;
  requestBytes: number;
  responseBytes: number;
}

/** Requirement-set profiles the suites run under: the manifest's minimum, Office 2019's ceiling, everything. */
export const PROFILES = { "1.7": "1.7", "1.9": "1.9", all: "1.20" } as const;
export type FakeProfile = keyof typeof PROFILES;

/** The ExcelApi sets up to and including `max` ("1.9" → 1.1 … 1.9). */
export function setsUpTo(max: string): Set<string> {
  const top = Number(max.split(".")[1]);
  return new Set(Array.from({ length: top }, (_, i) => `1.${i + 1}`));
}

/** The profile of this run: SUJARIT_EXCEL_PROFILE (jest projects set it), else 1.9. */
export function currentProfile(): FakeProfile {
  const env = typeof process !== "undefined" ? process.env?.SUJARIT_EXCEL_PROFILE : undefined;
  return env === "1.7" || env === "all" || env === "1.9" ? env : "1.9";
}

/** Compares "1.10" > "1.9" numerically. */
export function versionAtLeast(have: string, need: string): boolean {
  const [a1, a2] = have.split(".").map(Number) as [number, number];
  const [b1, b2] = need.split(".").map(Number) as [number, number];
  return a1 !== b1 ? a1 > b1 : (a2 ?? 0) >= (b2 ?? 0);
}

export class FakeExcel {
  readonly sheets: FakeSheet[] = [];
  readonly names: { name: string; formula: string }[] = [];
  syncCount = 0;
  enableEvents = true;
  supported = setsUpTo(PROFILES[currentProfile()]);
  /** null: desktop (no byte limits, as Excel on Windows and Mac); WEB_LIMITS by default. */
  limits: FakeLimits | null = { ...WEB_LIMITS };
  /** One record per sync, in order. */
  readonly syncLog: FakeSyncRecord[] = [];
  /** Formulas written while calculation was suspended and not recalculated since. */
  staleFormulas = false;
  /** Change events dispatched and not yet handled (await settled()). */
  private dispatched: Promise<unknown>[] = [];
  /** Actions to run before the injected failure (injectFailure). */
  private failIn: number | undefined;
  /** The active sheet's name; undefined means the first sheet, as when a workbook opens. */
  activeSheet: string | undefined;
  selection: FakeSelection | undefined;
  /** Registered change handlers (onChanged.add … sync), removed by remove() … sync. */
  readonly handlers: FakeHandler[] = [];
  private nextId = 1;

  addSheet(name: string): FakeSheet {
    const s: FakeSheet = {
      name, visibility: "Visible", cells: new Map(), columnWidths: new Map(), frozenRows: 0, validations: [], merges: [], tabColor: "",
      conditionalFormats: [], formats: [], rowHeights: new Map(), pageLayout: {},
    };
    this.sheets.push(s);
    return s;
  }

  /** The sheet of that name, ignoring case as Excel does. */
  sheet(name: string): FakeSheet | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  /** The n-th action executed from now (1-based, counting across syncs) throws, as a failing Excel call would. */
  injectFailure(n: number): void {
    this.failIn = n;
  }

  /** Called by each action as it runs: throws when it is the injected failure. */
  tick(): void {
    if (this.failIn === undefined) return;
    this.failIn--;
    if (this.failIn <= 0) {
      this.failIn = undefined;
      throw new Error("GeneralException: injected failure");
    }
  }

  /** Summary of the syncs so far: how many, actions, the largest request and response, bytes in all. */
  stats(): { syncs: number; actions: number; maxRequestBytes: number; maxResponseBytes: number; totalBytes: number } {
    return {
      syncs: this.syncLog.length,
      actions: this.syncLog.reduce((n, r) => n + r.actions, 0),
      maxRequestBytes: Math.max(0, ...this.syncLog.map((r) => r.requestBytes)),
      maxResponseBytes: Math.max(0, ...this.syncLog.map((r) => r.responseBytes)),
      totalBytes: this.syncLog.reduce((n, r) => n + r.requestBytes + r.responseBytes, 0),
    };
  }

  /** Dispatches a change event to the handlers of `sheet` and the workbook's, if events are on. */
  dispatchChange(sheet: FakeSheet, address: string, source: "Local" | "Remote" = "Local"): void {
    if (!this.enableEvents) return;
    const args = { type: "WorksheetChanged", changeType: "RangeEdited", source, address, worksheetId: sheet.name };
    for (const h of this.handlers.filter((x) => x.sheet === undefined || x.sheet === sheet)) this.dispatched.push(Promise.resolve().then(() => h.handler(args)));
  }

  /** Waits until every dispatched change event has been handled. */
  async settled(): Promise<void> {
    while (this.dispatched.length > 0) await Promise.all(this.dispatched.splice(0));
  }

  setCell(sheet: string, address: string, cell: Partial<FakeCell>): void {
    const s = this.sheet(sheet) ?? this.addSheet(sheet);
    s.cells.set(address, { value: null, ...s.cells.get(address), ...cell });
  }

  /** Adds a conditional format as the user (or another add-in) would; returns it. */
  addConditionalFormat(sheet: string, cf: Omit<FakeConditionalFormat, "id">): FakeConditionalFormat {
    const s = this.sheet(sheet) ?? this.addSheet(sheet);
    const made = { ...cf, id: this.newId() };
    s.conditionalFormats.push(made);
    return made;
  }

  newId(): number {
    return this.nextId++;
  }

  /** The format `key` ("font.bold", "fill.color", "borders.EdgeTop.style", …) of one cell: the last assignment covering it. */
  formatOf(sheet: string, cell: string, key: string): FakeFormat["value"] | undefined {
    const s = this.sheet(sheet);
    const at = parseArea(cell);
    if (!s || !at) return undefined;
    for (let i = s.formats.length - 1; i >= 0; i--) {
      const f = s.formats[i] as FakeFormat;
      if (f.key !== key) continue;
      const area = areaOf(f.address);
      if (area.top <= at.top && at.top <= area.bottom && area.left <= at.left && at.left <= area.right) return f.value;
    }
    return undefined;
  }

  /**
   * The user edits `address` of `sheet` (set the cells first): calls the handlers registered for that
   * sheet and for the workbook, unless events are off (runtime.enableEvents = false), as Excel does.
   */
  async fireChange(sheet: string, address: string): Promise<void> {
    const s = this.sheet(sheet);
    if (!s) return;
    this.dispatchChange(s, address);
    await this.settled();
  }

  get activeSheetName(): string | undefined {
    return this.activeSheet ?? this.sheets[0]?.name;
  }

  readonly run: BatchRunner = async (batch, within) => batch(within instanceof FakeContext && within.excel === this ? within : new FakeContext(this));
  /** "At least": a host with ExcelApi 1.9 supports every set up to 1.9. */
  readonly supports = (version: string): boolean => [...this.supported].some((v) => versionAtLeast(v, version));

  /**
   * The workbook (sheets, names, supported requirement sets, enableEvents) as plain JSON, e.g. to hand
   * it to a browser page (test/support/fake-office-global.ts). The sync count is not state: a fake made
   * by fromJSON() starts counting from 0.
   */
  toJSON(): FakeExcelState {
    return {
      sheets: this.sheets.map((s) => ({
        name: s.name,
        visibility: s.visibility,
        cells: [...s.cells].map(([address, cell]): [string, FakeCell] => [address, { ...cell }]),
        columnWidths: [...s.columnWidths],
        frozenRows: s.frozenRows,
        validations: s.validations.map((v) => ({ ...v })),
        merges: [...s.merges],
        tabColor: s.tabColor,
        conditionalFormats: s.conditionalFormats.map((cf) => ({ ...cf })),
        formats: s.formats.map((f) => ({ ...f })),
        rowHeights: [...s.rowHeights],
        pageLayout: { ...s.pageLayout },
      })),
      names: this.names.map((n) => ({ ...n })),
      supported: [...this.supported],
      enableEvents: this.enableEvents,
      ...(this.activeSheet !== undefined ? { activeSheet: this.activeSheet } : {}),
      ...(this.selection ? { selection: { ...this.selection } } : {}),
    };
  }

  /** A fake holding the workbook toJSON() described (also accepts that JSON as a string). */
  static fromJSON(state: FakeExcelState | string): FakeExcel {
    const json: FakeExcelState = typeof state === "string" ? (JSON.parse(state) as FakeExcelState) : state;
    const excel = new FakeExcel();
    for (const s of json.sheets) {
      excel.sheets.push({
        name: s.name,
        visibility: s.visibility,
        cells: new Map(s.cells.map(([address, cell]): [string, FakeCell] => [address, { ...cell }])),
        columnWidths: new Map(s.columnWidths),
        frozenRows: s.frozenRows,
        validations: s.validations.map((v) => ({ ...v })),
        merges: [...s.merges],
        tabColor: s.tabColor,
        conditionalFormats: (s.conditionalFormats ?? []).map((cf) => ({ ...cf })),
        formats: (s.formats ?? []).map((f) => ({ ...f })),
        rowHeights: new Map(s.rowHeights ?? []),
        pageLayout: { ...s.pageLayout },
      });
    }
    excel.names.push(...json.names.map((n) => ({ ...n })));
    excel.supported = new Set(json.supported);
    excel.enableEvents = json.enableEvents;
    excel.activeSheet = json.activeSheet;
    excel.selection = json.selection ? { ...json.selection } : undefined;
    excel.nextId = Math.max(0, ...excel.sheets.flatMap((s) => s.conditionalFormats.map((cf) => cf.id))) + 1;
    return excel;
  }
}

type Op = () => void;

/** What one queued action costs besides its arguments (office-js sends object path, ids and type). */
export const FAKE_ACTION_BYTES = 150;

/** UTF-8 bytes of a value as JSON: how the fake measures arguments and results. */
export function jsonByteLength(value: unknown): number {
  // not TextEncoder: jsdom (the component tests' environment) has none
  const text = JSON.stringify(value ?? null);
  let n = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) as number;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

/**
 * The actions of one batch. push() queues an action (counted, with the bytes of its arguments);
 * note() queues bookkeeping the fake needs (resolving a proxy), which costs nothing.
 */
class ActionQueue {
  private items: { op: Op; action: boolean; bytes: number }[] = [];
  constructor(private readonly excel: FakeExcel) {}
  push(op: Op, argBytes = 0): void {
    this.items.push({ op, action: true, bytes: FAKE_ACTION_BYTES + argBytes });
  }
  note(op: Op): void {
    this.items.push({ op, action: false, bytes: 0 });
  }
  take(): { op: Op; action: boolean; bytes: number }[] {
    return this.items.splice(0);
  }
  get excelOf(): FakeExcel { return this.excel; }
}

class FakeContext implements XContext {
  readonly ops: ActionQueue;
  readonly workbook: XContext["workbook"];
  readonly runtime: { enableEvents: boolean };
  /** Bytes the loads of the current sync return. */
  responseBytes = 0;
  /** Set by suspendApiCalculationUntilNextSync for the current sync. */
  calcSuspended = false;
  /** Cells written by the current sync, for change events and stale formulas. */
  readonly written: { sheet: FakeSheet; address: string; formulas: boolean }[] = [];

  constructor(readonly excel: FakeExcel) {
    const ops = (this.ops = new ActionQueue(excel));
    const suspendCalc = () => { this.calcSuspended = true; };
    this.workbook = {
      worksheets: new FakeWorksheets(this),
      names: new FakeNames(this),
      application: {
        suspendApiCalculationUntilNextSync: () => ops.push(() => { requireSet(excel, "1.6", "suspendApiCalculationUntilNextSync"); suspendCalc(); }),
        suspendScreenUpdatingUntilNextSync: () => ops.push(() => requireSet(excel, "1.9", "suspendScreenUpdatingUntilNextSync")),
        calculate: () => ops.push(() => { excel.staleFormulas = false; }, 20),
      },
    };
    this.runtime = {
      get enableEvents() { return excel.enableEvents; },
      set enableEvents(v: boolean) { ops.push(() => { requireSet(excel, "1.8", "runtime.enableEvents"); excel.enableEvents = v; }); },
    };
  }

  async sync(): Promise<void> {
    const { excel } = this;
    excel.syncCount++;
    const items = this.ops.take();
    const record: FakeSyncRecord = { actions: items.filter((i) => i.action).length, requestBytes: items.reduce((n, i) => n + i.bytes, 0), responseBytes: 0 };
    excel.syncLog.push(record);
    if (excel.limits && record.requestBytes > excel.limits.requestBytes) {
      throw new Error(`RequestPayloadSizeLimitExceeded: the request of ${record.requestBytes} bytes is over ${excel.limits.requestBytes}`);
    }
    this.responseBytes = 0;
    this.calcSuspended = false;
    this.written.length = 0;
    try {
      for (const item of items) {
        if (item.action) excel.tick();
        item.op();
      }
    } finally {
      // what was done stays done, as in Excel: the writes so far raise their events and may be stale
      for (const w of this.written) {
        if (w.formulas && this.calcSuspended) excel.staleFormulas = true;
        excel.dispatchChange(w.sheet, w.address);
      }
      this.written.length = 0;
      record.responseBytes = this.responseBytes;
    }
    if (excel.limits && record.responseBytes > excel.limits.responseBytes) {
      throw new Error(`ResponsePayloadSizeLimitExceeded: the response of ${record.responseBytes} bytes is over ${excel.limits.responseBytes}`);
    }
  }

  /** Adds what a load returns to this sync's response. */
  respond(value: unknown): void {
    this.responseBytes += jsonByteLength(value);
  }
}

/** The property paths a load() string asks for: "values,valueTypes" or "items/name,items/visibility". */
function pathsOf(props: string): Set<string> {
  return new Set(props.split(",").map((p) => p.trim().replace(/^items\//, "")).filter(Boolean));
}

/** A property that can be read only after load + sync, as in office-js. */
class Loaded<T> {
  private value: T | undefined;
  private loaded = false;
  set(v: T): void { this.value = v; this.loaded = true; }
  get(what: string): T {
    if (!this.loaded) throw new Error(`PropertyNotLoaded: ${what} was read before load() and sync()`);
    return this.value as T;
  }
}

class FakeWorksheets implements XWorksheetCollection {
  private readonly itemsProp = new Loaded<XWorksheet[]>();
  readonly onChanged: XEventSource;
  constructor(private readonly ctx: FakeContext) {
    this.onChanged = new FakeEvents(ctx, undefined);
  }
  get items(): XWorksheet[] { return this.itemsProp.get("worksheets.items"); }
  load(props: string): XWorksheetCollection {
    const paths = pathsOf(props);
    this.ctx.ops.push(() => {
      const sheets = this.ctx.excel.sheets;
      this.itemsProp.set(sheets.map((s) => {
        const ws = new FakeWorksheet(this.ctx, sticky(this.ctx.excel, () => s));
        ws.snapshot(paths);
        return ws;
      }));
      this.ctx.respond(sheets.map((s) => ({ ...(paths.has("name") ? { name: s.name } : {}), ...(paths.has("visibility") ? { visibility: s.visibility } : {}) })));
    }, jsonByteLength(props));
    return this;
  }
  getItem(name: string): XWorksheet {
    // like Excel, a missing sheet fails the batch at the sync
    this.ctx.ops.push(() => {
      if (!this.ctx.excel.sheet(name)) throw new Error(`ItemNotFound: worksheet ${name}`);
    }, jsonByteLength(name));
    return new FakeWorksheet(this.ctx, sticky(this.ctx.excel, () => this.ctx.excel.sheet(name)));
  }
  add(name: string): XWorksheet {
    let made: FakeSheet | undefined;
    this.ctx.ops.push(() => {
      if (this.ctx.excel.sheet(name)) throw new Error(`ItemAlreadyExists: ${name}`);
      if (name.length > 31 || /[:\\/?*[\]]/.test(name)) throw new Error(`InvalidArgument: sheet name ${name}`);
      made = this.ctx.excel.addSheet(name);
    }, jsonByteLength(name));
    return new FakeWorksheet(this.ctx, sticky(this.ctx.excel, () => made));
  }
}

/**
 * A proxy's sheet: found once (by name, when the action runs), then the same sheet whatever it is
 * renamed to, as an office-js proxy keeps its object; a deleted sheet is gone (undefined).
 */
function sticky(excel: FakeExcel, find: () => FakeSheet | undefined): () => FakeSheet | undefined {
  let found: FakeSheet | undefined;
  return () => {
    if (!found) found = find();
    return found && excel.sheets.includes(found) ? found : undefined;
  };
}

class FakeWorksheet implements XWorksheet {
  private readonly nameProp = new Loaded<string>();
  private readonly visibilityProp = new Loaded<FakeSheet["visibility"]>();
  private readonly nullProp = new Loaded<boolean>();
  readonly freezePanes: XWorksheet["freezePanes"];
  readonly onChanged: XEventSource;
  readonly pageLayout: XPageLayout;
  readonly horizontalPageBreaks: XWorksheet["horizontalPageBreaks"];

  constructor(private readonly ctx: FakeContext, readonly resolve: () => FakeSheet | undefined) {
    this.ctx.ops.note(() => this.nullProp.set(this.resolve() === undefined));
    this.onChanged = new FakeEvents(ctx, () => this.must());
    this.freezePanes = {
      freezeRows: (n: number) => this.ctx.ops.push(() => { requireSet(ctx.excel, "1.7", "freezePanes"); this.must().frozenRows = n; }),
      freezeAt: (range: string) => this.ctx.ops.push(() => { requireSet(ctx.excel, "1.7", "freezePanes"); this.must().frozenRows = parseArea(range)?.bottom ?? 0; }),
    };
    const layout = (op: (p: FakePageLayout) => void) => this.ctx.ops.push(() => {
      requireSet(this.ctx.excel, "1.9", "worksheet.pageLayout");
      op(this.must().pageLayout);
    });
    this.horizontalPageBreaks = {
      add: (range: string) => {
        const area = parseArea(range);
        if (!area) throw new Error(`InvalidArgument: page break at ${range}`);
        layout((p) => { p.pageBreaks = [...(p.pageBreaks ?? []), area.top]; });
        return undefined;
      },
    };
    this.pageLayout = {
      set orientation(v: string) {
        if (v !== "Portrait" && v !== "Landscape") throw new Error(`InvalidArgument: orientation ${v}`);
        layout((p) => { p.orientation = v; });
      },
      get orientation(): string { throw new Error("PropertyNotLoaded: pageLayout.orientation"); },
      set paperSize(v: string) { layout((p) => { p.paperSize = v; }); },
      get paperSize(): string { throw new Error("PropertyNotLoaded: pageLayout.paperSize"); },
      set zoom(v: FakePageLayout["zoom"]) { layout((p) => { p.zoom = { ...v }; }); },
      get zoom(): NonNullable<FakePageLayout["zoom"]> { throw new Error("PropertyNotLoaded: pageLayout.zoom"); },
      setPrintTitleRows: (rows: string) => {
        if (!/^\$\d+:\$\d+$/.test(rows)) throw new Error(`InvalidArgument: print title rows ${rows}`);
        layout((p) => { p.printTitleRows = rows; });
      },
      setPrintArea: (range: string) => {
        if (!parseArea(range)) throw new Error(`InvalidArgument: print area ${range}`);
        layout((p) => { p.printArea = range; });
      },
      headersFooters: {
        defaultForAllPages: {
          set centerFooter(v: string) { layout((p) => { p.centerFooter = v; }); },
          get centerFooter(): string { throw new Error("PropertyNotLoaded: centerFooter"); },
        },
      },
    };
  }
  must(): FakeSheet {
    const s = this.resolve();
    if (!s) throw new Error("ItemNotFound: worksheet");
    return s;
  }
  /** Fills the loaded properties: only the paths asked for (all, when none is named). */
  snapshot(paths?: Set<string>): void {
    const s = this.resolve();
    this.nullProp.set(s === undefined);
    if (!paths || paths.has("name")) this.nameProp.set(s?.name ?? "");
    if (!paths || paths.has("visibility")) this.visibilityProp.set(s?.visibility ?? "Visible");
  }
  get isNullObject(): boolean { return this.nullProp.get("worksheet.isNullObject"); }
  get name(): string { return this.nameProp.get("worksheet.name"); }
  set name(v: string) {
    this.ctx.ops.push(() => {
      const s = this.must();
      const other = this.ctx.excel.sheet(v);
      if (other && other !== s) throw new Error(`ItemAlreadyExists: ${v}`);
      if (v.length > 31 || /[:\\/?*[\]]/.test(v)) throw new Error(`InvalidArgument: sheet name ${v}`);
      // Excel rewrites every reference to the sheet: the defined names here
      for (const n of this.ctx.excel.names) n.formula = renameInFormula(n.formula, s.name, v);
      s.name = v;
    }, jsonByteLength(v));
  }
  get visibility(): FakeSheet["visibility"] { return this.visibilityProp.get("worksheet.visibility"); }
  set visibility(v: FakeSheet["visibility"]) {
    this.ctx.ops.push(() => {
      const s = this.must();
      if (v !== "Visible" && s.visibility === "Visible" && !this.ctx.excel.sheets.some((o) => o !== s && o.visibility === "Visible")) {
        throw new Error(`InvalidOperation: ${s.name} is the last visible sheet; a workbook keeps at least one`);
      }
      s.visibility = v as FakeSheet["visibility"];
    });
  }
  get tabColor(): string { return this.must().tabColor; }
  set tabColor(v: string) { this.ctx.ops.push(() => { requireSet(this.ctx.excel, "1.7", "worksheet.tabColor"); this.must().tabColor = v; }); }
  load(props: string): XWorksheet {
    const paths = pathsOf(props);
    this.ctx.ops.push(() => {
      this.snapshot(paths);
      const s = this.resolve();
      this.ctx.respond({ name: s?.name, visibility: s?.visibility });
    }, jsonByteLength(props));
    return this;
  }
  getRange(address?: string): XRange {
    this.ctx.ops.push(() => { this.must(); }, jsonByteLength(address ?? ""));
    return new FakeRange(this.ctx, this.resolve, () => address ?? WHOLE_SHEET);
  }
  getRanges(address: string): XStyledAreas {
    this.ctx.ops.push(() => {
      requireSet(this.ctx.excel, "1.9", "worksheet.getRanges");
      this.must();
      for (const a of address.split(",")) areaOf(a);
    }, jsonByteLength(address));
    return { format: makeFormat(this.ctx, () => this.must(), () => address.split(",")) };
  }
  activate(): void {
    this.ctx.ops.push(() => {
      const s = this.must();
      if (s.visibility !== "Visible") throw new Error(`InvalidOperation: cannot activate the hidden sheet ${s.name}`);
      this.ctx.excel.activeSheet = s.name;
    });
  }
  getUsedRangeOrNullObject(): XRange {
    this.ctx.ops.push(() => { requireSet(this.ctx.excel, "1.4", "getUsedRangeOrNullObject"); this.must(); });
    return new FakeRange(this.ctx, this.resolve, () => {
      const s = this.resolve();
      if (!s || s.cells.size === 0) return undefined;
      let top = Infinity, left = Infinity, bottom = 0, right = 0;
      for (const [addr, cell] of s.cells) {
        if (cell.value === null && cell.formula === undefined && cell.error === undefined) continue;
        const a = parseArea(addr);
        if (!a) continue;
        top = Math.min(top, a.top); left = Math.min(left, a.left); bottom = Math.max(bottom, a.top); right = Math.max(right, a.left);
      }
      return bottom === 0 ? undefined : `${columnLetter(left)}${top}:${columnLetter(right)}${bottom}`;
    });
  }
  delete(): void {
    this.ctx.ops.push(() => {
      const s = this.must();
      const excel = this.ctx.excel;
      // as in Excel (office-js#365): a very hidden sheet must be made visible or hidden before it can go
      if (s.visibility === "VeryHidden") throw new Error(`InvalidOperation: cannot delete the very hidden sheet ${s.name}`);
      if (s.visibility === "Visible" && !excel.sheets.some((o) => o !== s && o.visibility === "Visible")) {
        throw new Error(`InvalidOperation: ${s.name} is the last visible sheet; a workbook keeps at least one`);
      }
      excel.sheets.splice(excel.sheets.indexOf(s), 1);
      // references to it become #REF!, and its change handlers die with it
      for (const n of excel.names) if (refersTo(n.formula, s.name)) n.formula = "=#REF!";
      for (let i = excel.handlers.length - 1; i >= 0; i--) if (excel.handlers[i]?.sheet === s) excel.handlers.splice(i, 1);
    });
  }
}

/** Whether a name's formula points into `sheet` ('Sheet'!… or Sheet!…, any case). */
function refersTo(formula: string, sheet: string): boolean {
  const f = formula.toLowerCase();
  const q = sheet.replace(/'/g, "''").toLowerCase();
  return f.includes(`'${q}'!`) || f.includes(`=${sheet.toLowerCase()}!`);
}

function renameInFormula(formula: string, from: string, to: string): string {
  if (!refersTo(formula, from)) return formula;
  const quoted = `'${to.replace(/'/g, "''")}'!`;
  const at = formula.indexOf("!");
  return `=${quoted}${formula.slice(at + 1)}`;
}

/** What worksheet.getRange() without an address means. */
const WHOLE_SHEET = "A1:XFD1048576";

const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;

/** The area an address covers: "A1:C3", whole columns "A:C", whole rows "3:5". */
function areaOf(address: string): { top: number; left: number; bottom: number; right: number } {
  const cols = /^([A-Z]+):([A-Z]+)$/.exec(address);
  if (cols) return { top: 1, bottom: MAX_ROW, left: columnNumber(cols[1] as string), right: columnNumber(cols[2] as string) };
  const rows = /^(\d+):(\d+)$/.exec(address);
  if (rows) return { top: Number(rows[1]), bottom: Number(rows[2]), left: 1, right: MAX_COL };
  const area = parseArea(address);
  if (!area) throw new Error(`InvalidArgument: ${address}`);
  return area;
}

/** Expands "A1:C3" or "A:A" (bounded by the sheet's used rows) to cell addresses, row by row. */
function cellsOf(address: string): { rows: number; cols: number; at: (r: number, c: number) => string } {
  const whole = /^([A-Z]+):([A-Z]+)$/.exec(address);
  const area = whole ? { top: 1, bottom: 1, left: columnNumber(whole[1] as string), right: columnNumber(whole[2] as string) } : parseArea(address);
  if (!area) throw new Error(`InvalidArgument: ${address}`);
  return {
    rows: area.bottom - area.top + 1,
    cols: area.right - area.left + 1,
    at: (r, c) => `${columnLetter(area.left + c)}${area.top + r}`,
  };
}

/**
 * range.format (one address) or a RangeAreas' format (several): every property write is an action,
 * logged for each area it covers.
 */
function makeFormat(ctx: FakeContext, sheet: () => FakeSheet, addresses: () => string[]): XRangeFormat {
  const push = (op: (s: FakeSheet, a: string) => void, args: unknown) => ctx.ops.push(() => { const sh = sheet(); for (const a of addresses()) op(sh, a); }, jsonByteLength(args));
  const log = (key: string, value: FakeFormat["value"]) => push((sh, a) => { areaOf(a); sh.formats.push({ address: a, key, value }); }, value);
  const prop = <T extends FakeFormat["value"]>(key: string) => ({
    set(v: T) { log(key, v); },
    get(): T { throw new Error(`PropertyNotLoaded: format.${key}`); },
  });
  const props = <T extends object>(target: T, keys: Record<string, string>): T => {
    for (const [name, key] of Object.entries(keys)) Object.defineProperty(target, name, { ...prop(key), enumerable: true });
    return target;
  };
  const border = (edge: XBorderIndex): XBorder => {
    ctx.ops.push(() => undefined, jsonByteLength(edge));
    return props({} as XBorder, { style: `borders.${edge}.style`, weight: `borders.${edge}.weight`, color: `borders.${edge}.color` });
  };
  return props({
    set columnWidth(w: number) {
      push((s, a) => { const m = /^([A-Z]+):/.exec(a); if (m) s.columnWidths.set(columnNumber(m[1] as string), w); }, w);
    },
    get columnWidth(): number { throw new Error("not loaded"); },
    set rowHeight(h: number) {
      push((s, a) => {
        const m = /^(\d+):(\d+)$/.exec(a);
        if (!m) throw new Error(`InvalidArgument: rowHeight is set on whole rows here, not ${a}`);
        if (h < 0 || h > 409) throw new Error(`InvalidArgument: row height ${h} (0–409 points)`);
        for (let r = Number(m[1]); r <= Number(m[2]); r++) s.rowHeights.set(r, h);
      }, h);
    },
    get rowHeight(): number { throw new Error("PropertyNotLoaded: format.rowHeight"); },
    font: props({} as XRangeFormat["font"], { bold: "font.bold", italic: "font.italic", color: "font.color", name: "font.name", size: "font.size" }),
    fill: {
      set color(c: string) {
        push((s, a) => {
          areaOf(a);
          s.formats.push({ address: a, key: "fill.color", value: c });
          const { rows: h, cols: w, at } = cellsOf(a);
          if (h * w > 100_000) return; // whole columns or the whole sheet: the format log has it
          for (let r = 0; r < h; r++) for (let col = 0; col < w; col++) s.cells.set(at(r, col), { value: null, ...s.cells.get(at(r, col)), fill: c });
        }, c);
      },
      get color(): string { throw new Error("PropertyNotLoaded: format.fill.color"); },
    },
    borders: { getItem: border },
  } as unknown as XRangeFormat, { wrapText: "wrapText", verticalAlignment: "verticalAlignment", horizontalAlignment: "horizontalAlignment" });
}

class FakeRange implements XRange {
  private readonly valuesProp = new Loaded<unknown[][]>();
  private readonly typesProp = new Loaded<string[][]>();
  private readonly formulasProp = new Loaded<unknown[][]>();
  private readonly rowProp = new Loaded<number>();
  private readonly colProp = new Loaded<number>();
  private readonly rowCountProp = new Loaded<number>();
  private readonly colCountProp = new Loaded<number>();
  private readonly addressProp = new Loaded<string>();
  private readonly nullProp = new Loaded<boolean>();
  readonly format: XRange["format"];
  readonly dataValidation: XRange["dataValidation"];

  constructor(private readonly ctx: FakeContext, private readonly sheet: () => FakeSheet | undefined, private readonly addr: () => string | undefined) {
    this.format = makeFormat(ctx, () => this.mustSheet(), () => [this.mustAddr()]);
    const push = (op: (s: FakeSheet, a: string) => void, args: unknown) => this.ctx.ops.push(() => op(this.mustSheet(), this.mustAddr()), jsonByteLength(args));
    this.dataValidation = {
      set rule(r: { list: { inCellDropDown: boolean; source: string } }) {
        push((s, a) => {
          requireSet(ctx.excel, "1.8", "dataValidation");
          // Excel checks the source when the rule is set: a name must already exist
          const name = /^=([A-Za-z_][\w.]*)$/.exec(r.list.source)?.[1];
          if (name && !ctx.excel.names.some((n) => n.name.toUpperCase() === name.toUpperCase() && n.formula !== "=#REF!")) {
            throw new Error(`InvalidArgument: data validation source ${r.list.source} is not a defined name`);
          }
          s.validations.push({ address: a, source: r.list.source });
        }, r);
      },
      get rule() { throw new Error("not loaded"); },
      errorAlert: { showAlert: true, style: "Stop", title: "", message: "" },
    };
  }
  private mustSheet(): FakeSheet {
    const s = this.sheet();
    if (!s) throw new Error("ItemNotFound: worksheet");
    return s;
  }
  private mustAddr(): string {
    const a = this.addr();
    if (!a) throw new Error("ItemNotFound: range");
    return a;
  }
  get isNullObject(): boolean { return this.nullProp.get("range.isNullObject"); }
  get values(): unknown[][] { return this.valuesProp.get("range.values"); }
  set values(_v: unknown[][]) { throw new Error("the host writes through formulas"); }
  get valueTypes(): string[][] { return this.typesProp.get("range.valueTypes"); }
  /** As Excel: a formula cell's formula text, any other cell's value ("" when empty). */
  get formulas(): unknown[][] { return this.formulasProp.get("range.formulas"); }
  set formulas(rows: unknown[][]) {
    this.ctx.ops.push(() => {
      const s = this.mustSheet();
      const address = this.mustAddr();
      const { rows: h, cols: w, at } = cellsOf(address);
      if (rows.length !== h || rows.some((r) => r.length !== w)) throw new Error(`InvalidArgument: ${h}x${w} range, ${rows.length} rows given`);
      rows.forEach((row, r) => row.forEach((v, c) => {
        // documented: null in a 2-D array leaves that cell unchanged ("" clears it)
        if (v === null) return;
        const a = at(r, c);
        const cell: FakeCell = { value: null, ...s.cells.get(a) };
        delete cell.formula;
        if (typeof v === "string" && v.startsWith("=")) { cell.formula = v; cell.value = null; }
        else if (typeof v === "string" && v.startsWith("'")) cell.value = v.slice(1);
        else if (typeof v === "string" && cell.numberFormat !== "@" && v.trim() !== "" && Number.isFinite(Number(v))) cell.value = Number(v);
        else cell.value = v === "" ? null : (v as FakeCell["value"]);
        s.cells.set(a, cell);
      }));
      this.ctx.written.push({ sheet: s, address, formulas: rows.some((row) => row.some((v) => typeof v === "string" && v.startsWith("="))) });
    }, jsonByteLength(rows));
  }
  get numberFormat(): unknown[][] { throw new Error("not used"); }
  set numberFormat(rows: unknown[][]) {
    this.ctx.ops.push(() => {
      const s = this.mustSheet();
      const { rows: h, cols: w, at } = cellsOf(this.mustAddr());
      if (rows.length !== h || rows.some((r) => r.length !== w)) throw new Error(`InvalidArgument: numberFormat ${h}x${w}`);
      rows.forEach((row, r) => row.forEach((f, c) => {
        const a = at(r, c);
        s.cells.set(a, { value: null, ...s.cells.get(a), numberFormat: String(f) });
      }));
    }, jsonByteLength(rows));
  }
  get rowIndex(): number { return this.rowProp.get("range.rowIndex"); }
  get columnIndex(): number { return this.colProp.get("range.columnIndex"); }
  get rowCount(): number { return this.rowCountProp.get("range.rowCount"); }
  get columnCount(): number { return this.colCountProp.get("range.columnCount"); }
  get address(): string { return this.addressProp.get("range.address"); }
  load(props: string): XRange {
    const paths = pathsOf(props);
    const unknown = [...paths].filter((p) => !["values", "valueTypes", "formulas", "rowIndex", "columnIndex", "rowCount", "columnCount", "address"].includes(p));
    if (unknown.length > 0) throw new Error(`the fake does not load ${unknown.join(", ")}`);
    this.ctx.ops.push(() => {
      const s = this.sheet();
      const a = s ? this.addr() : undefined;
      this.nullProp.set(a === undefined);
      if (!s || !a) return;
      const area = parseArea(a);
      if (!area) return;
      const { rows, cols, at } = cellsOf(a);
      if (paths.has("rowIndex")) this.rowProp.set(area.top - 1);
      if (paths.has("columnIndex")) this.colProp.set(area.left - 1);
      if (paths.has("rowCount")) this.rowCountProp.set(rows);
      if (paths.has("columnCount")) this.colCountProp.set(cols);
      if (paths.has("address")) this.addressProp.set(`${s.name}!${a}`);
      this.ctx.respond({ rowIndex: area.top - 1, columnIndex: area.left - 1, rowCount: rows, columnCount: cols });
      if (!paths.has("values") && !paths.has("valueTypes") && !paths.has("formulas")) return;
      const limit = this.ctx.excel.limits?.cellsPerRead;
      if (limit !== undefined && rows * cols > limit) throw new Error(`InvalidOperation: a read of ${rows * cols} cells is over Excel's ${limit}`);
      const values: unknown[][] = [];
      const types: string[][] = [];
      const formulas: unknown[][] = [];
      for (let r = 0; r < rows; r++) {
        const vr: unknown[] = [];
        const tr: string[] = [];
        const fr: unknown[] = [];
        for (let c = 0; c < cols; c++) {
          const cell = s.cells.get(at(r, c));
          if (cell?.error) { vr.push(cell.error); tr.push("Error"); }
          else { vr.push(cell?.value ?? ""); tr.push(cell?.value === null || cell?.value === undefined ? "Empty" : typeof cell.value === "number" ? "Double" : typeof cell.value === "boolean" ? "Boolean" : "String"); }
          fr.push(cell?.formula ?? vr[vr.length - 1]);
        }
        values.push(vr);
        types.push(tr);
        formulas.push(fr);
      }
      if (paths.has("values")) { this.valuesProp.set(values); this.ctx.respond(values); }
      if (paths.has("valueTypes")) { this.typesProp.set(types); this.ctx.respond(types); }
      if (paths.has("formulas")) { this.formulasProp.set(formulas); this.ctx.respond(formulas); }
    }, jsonByteLength(props));
    return this;
  }
  merge(across = false): void {
    this.ctx.ops.push(() => {
      const s = this.mustSheet();
      const a = this.mustAddr();
      const area = parseArea(a);
      if (!area) throw new Error(`InvalidArgument: ${a}`);
      const parts = across
        ? Array.from({ length: area.bottom - area.top + 1 }, (_, i) => ({ ...area, top: area.top + i, bottom: area.top + i }))
        : [area];
      for (const part of parts) {
        if (part.top === part.bottom && part.left === part.right) continue; // one cell: nothing to merge
        if (mergedAreasNear(s, part).some((m) => intersects(m, part))) throw new Error(`InvalidOperation: ${a} overlaps a merged area`);
        s.merges.push(`${columnLetter(part.left)}${part.top}:${columnLetter(part.right)}${part.bottom}`);
      }
    }, 8);
  }
  /**
   * Range.delete(shift) [ExcelApi 1.1], whole rows shifted up only (what the host asks for): the cells
   * below move up and, as Excel does, every reference to them follows (formulas of every sheet, names,
   * dropdowns, conditional formats, merged areas, formats and row heights); a reference to a deleted
   * cell becomes #REF!.
   */
  delete(shift: "Up" | "Left"): void {
    this.ctx.ops.push(() => {
      const s = this.mustSheet();
      const a = this.mustAddr();
      const rows = /^(\d+):(\d+)$/.exec(a);
      if (shift !== "Up" || !rows) throw new Error(`the fake deletes whole rows upwards only, not ${a} ${shift}`);
      const top = Number(rows[1]);
      const count = Number(rows[2]) - top + 1;
      for (let n = 0; n < count; n++) deleteRow(this.ctx.excel, s, top);
      this.ctx.written.push({ sheet: s, address: a, formulas: false });
    }, jsonByteLength([this.addr() ?? "", shift]));
  }
  select(): void {
    this.ctx.ops.push(() => {
      const s = this.mustSheet();
      if (this.ctx.excel.activeSheetName !== s.name) throw new Error(`InvalidSelection: ${s.name} is not the active sheet`);
      this.ctx.excel.selection = { sheet: s.name, address: this.mustAddr() };
    });
  }
  get conditionalFormats(): XConditionalFormatCollection {
    return new FakeConditionalFormats(this.ctx, () => this.mustSheet(), () => this.mustAddr());
  }
  getMergedAreasOrNullObject(): XRangeAreas {
    const areas = new Loaded<{ items: { address: string }[] }>();
    const isNull = new Loaded<boolean>();
    const { ctx } = this;
    const result: XRangeAreas = {
      get isNullObject() { return isNull.get("areas.isNullObject"); },
      get areas() { return areas.get("areas"); },
      load: () => {
        ctx.ops.push(() => {
          requireSet(ctx.excel, "1.13", "getMergedAreasOrNullObject");
          const s = this.sheet();
          const a = s ? this.addr() : undefined;
          const within = a ? parseArea(a) : undefined;
          const found = s && within ? s.merges.filter((m) => intersects(parseArea(m), within)) : [];
          const limit = ctx.excel.limits?.mergedAreasPerRead ?? WEB_LIMITS.mergedAreasPerRead;
          // documented: "if the merged areas count in this range is more than 512, the API will fail"
          if (found.length > limit) throw new Error(`GeneralException: ${found.length} merged areas, more than ${limit}, in ${s?.name}!${a}`);
          isNull.set(found.length === 0);
          const items = found.map((m) => ({ address: `${s?.name}!${m}` }));
          areas.set({ items });
          ctx.respond(items);
        });
        return result;
      },
    };
    ctx.ops.push(() => undefined);
    return result;
  }
}

/** Excel's deletion of row `row` of `s`: what is below moves up one, references follow (shiftFormulaRows). */
function deleteRow(excel: FakeExcel, s: FakeSheet, row: number): void {
  const moved = new Map<string, FakeCell>();
  for (const [addr, cell] of s.cells) {
    const m = /^([A-Z]+)(\d+)$/.exec(addr);
    if (!m) continue;
    const r = Number(m[2]);
    if (r === row) continue;
    moved.set(r > row ? `${m[1]}${r - 1}` : addr, cell);
  }
  s.cells.clear();
  for (const [addr, cell] of moved) s.cells.set(addr, cell);
  for (const sheet of excel.sheets) {
    for (const cell of sheet.cells.values()) if (cell.formula !== undefined) cell.formula = shiftFormulaRows(cell.formula, s.name, sheet.name, row);
  }
  for (const n of excel.names) n.formula = shiftFormulaRows(n.formula, s.name, "", row);
  const area = (address: string): string | undefined => {
    const shifted = shiftFormulaRows(address, s.name, s.name, row);
    return shifted.includes("#REF!") ? undefined : shifted;
  };
  s.validations = s.validations.flatMap((v) => { const x = area(v.address); return x ? [{ ...v, address: x }] : []; });
  s.merges = s.merges.flatMap((m) => { const x = area(m); return x && x.includes(":") && !/^([A-Z]+)(\d+):\1\2$/.test(x) ? [x] : []; });
  // a rule's formula is relative to the range's top-left cell: it moves only when the whole range moves
  s.conditionalFormats = s.conditionalFormats.flatMap((cf) => {
    const x = area(cf.range);
    if (!x) return [];
    const below = (parseArea(cf.range)?.top ?? 0) > row;
    return [{ ...cf, range: x, ...(below ? { formula: shiftFormulaRows(cf.formula, s.name, s.name, row) } : {}) }];
  });
  s.formats = s.formats.flatMap((f) => { const x = /^\d+:\d+$|^[A-Z]+:[A-Z]+$/.test(f.address) ? f.address : area(f.address); return x ? [{ ...f, address: x }] : []; });
  const heights = [...s.rowHeights].flatMap(([r, h]): [number, number][] => (r === row ? [] : [[r > row ? r - 1 : r, h]]));
  s.rowHeights = new Map(heights);
}

class FakeNames implements XNamedItemCollection {
  private readonly itemsProp = new Loaded<XNamedItem[]>();
  constructor(private readonly ctx: FakeContext) {}
  get items(): XNamedItem[] { return this.itemsProp.get("names.items"); }
  load(props: string): XNamedItemCollection {
    const paths = pathsOf(props);
    this.ctx.ops.push(() => {
      const { excel } = this.ctx;
      this.itemsProp.set(excel.names.map((n) => {
        const item = {
          delete: () => this.ctx.ops.push(() => {
            requireSet(excel, "1.4", "namedItem.delete");
            const at = excel.names.indexOf(n);
            if (at < 0) throw new Error(`ItemNotFound: name ${n.name}`);
            excel.names.splice(at, 1);
          }),
        } as { name: string; formula: string; delete(): void };
        // only what was asked for can be read, as in office-js
        Object.defineProperty(item, "name", { get: () => { if (!paths.has("name")) throw new Error("PropertyNotLoaded: name.name"); return n.name; } });
        const formula = n.formula;
        Object.defineProperty(item, "formula", { get: () => { if (!paths.has("formula")) throw new Error("PropertyNotLoaded: name.formula"); return formula; } });
        return item;
      }));
      this.ctx.respond(excel.names.map((n) => ({ ...(paths.has("name") ? { name: n.name } : {}), ...(paths.has("formula") ? { formula: n.formula } : {}) })));
    }, jsonByteLength(props));
    return this;
  }
  add(name: string, reference: string): unknown {
    this.ctx.ops.push(() => {
      requireSet(this.ctx.excel, "1.4", "names.add");
      if (this.ctx.excel.names.some((n) => n.name.toUpperCase() === name.toUpperCase())) throw new Error(`ItemAlreadyExists: ${name}`);
      const target = /^=?'?(.*?)'?!/.exec(reference)?.[1]?.replace(/''/g, "'");
      if (target !== undefined && !this.ctx.excel.sheet(target)) throw new Error(`InvalidArgument: ${name} points at the missing sheet ${target}`);
      this.ctx.excel.names.push({ name, formula: reference });
    }, jsonByteLength([name, reference]));
    return undefined;
  }
}

function requireSet(excel: FakeExcel, version: string, what: string): void {
  if (!excel.supports(version)) throw new Error(`ApiNotFound: ${what} needs ExcelApi ${version}`);
}

/**
 * The merged areas of a sheet that share a row with `area`, from an index by row: report sheets merge
 * tens of thousands of areas, and checking each against all the others made the fake quadratic.
 * Rebuilt whenever the sheet's merge list changed other than by merge() appending to it.
 */
const mergeIndexes = new WeakMap<FakeSheet, { count: number; byRow: Map<number, NonNullable<ReturnType<typeof parseArea>>[]> }>();
function mergedAreasNear(s: FakeSheet, area: NonNullable<ReturnType<typeof parseArea>>): NonNullable<ReturnType<typeof parseArea>>[] {
  let index = mergeIndexes.get(s);
  if (!index || index.count > s.merges.length) {
    index = { count: 0, byRow: new Map() };
    mergeIndexes.set(s, index);
  }
  for (; index.count < s.merges.length; index.count++) {
    const m = parseArea(s.merges[index.count] as string);
    if (!m) continue;
    for (let r = m.top; r <= m.bottom; r++) index.byRow.set(r, [...(index.byRow.get(r) ?? []), m]);
  }
  const out: NonNullable<ReturnType<typeof parseArea>>[] = [];
  for (let r = area.top; r <= area.bottom; r++) out.push(...(index.byRow.get(r) ?? []));
  return out;
}

function intersects(a: ReturnType<typeof parseArea>, b: ReturnType<typeof parseArea>): boolean {
  return !!a && !!b && a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

const NULL_CUSTOM: XConditionalFormat["customOrNullObject"] = {
  isNullObject: true,
  get rule(): { formula: string } { throw new Error("the custom format of a non-custom conditional format is a null object"); },
};

/** range.conditionalFormats (ExcelApi 1.6): the sheet's conditional formats that intersect the range. */
class FakeConditionalFormats implements XConditionalFormatCollection {
  private readonly itemsProp = new Loaded<XConditionalFormat[]>();
  constructor(private readonly ctx: FakeContext, private readonly sheet: () => FakeSheet, private readonly addr: () => string) {}
  get items(): XConditionalFormat[] { return this.itemsProp.get("conditionalFormats.items"); }
  load(_props: string): XConditionalFormatCollection {
    this.ctx.ops.push(() => {
      requireSet(this.ctx.excel, "1.6", "conditionalFormats");
      const s = this.sheet();
      const area = parseArea(this.addr());
      this.itemsProp.set(s.conditionalFormats.filter((cf) => intersects(parseArea(cf.range), area)).map((cf) => ({
        type: cf.type,
        customOrNullObject: cf.type === "Custom" ? { isNullObject: false, rule: { formula: cf.formula } } : NULL_CUSTOM,
        delete: () => this.ctx.ops.push(() => {
          const i = s.conditionalFormats.indexOf(cf);
          if (i >= 0) s.conditionalFormats.splice(i, 1);
        }),
      })));
    });
    return this;
  }
  add(type: "Custom"): XNewCustomConditionalFormat {
    const { ctx } = this;
    const made: FakeConditionalFormat = { id: 0, type, range: "", formula: "", fill: "" };
    ctx.ops.push(() => {
      requireSet(ctx.excel, "1.6", "conditionalFormats.add");
      const a = this.addr();
      if (!parseArea(a)) throw new Error(`InvalidArgument: ${a}`);
      made.id = ctx.excel.newId();
      made.range = a;
      this.sheet().conditionalFormats.push(made);
    });
    return {
      custom: {
        rule: {
          set formula(f: string) {
            ctx.ops.push(() => {
              if (!f.startsWith("=")) throw new Error(`InvalidArgument: a conditional format formula starts with "=": ${f}`);
              if (f.length > 255) throw new Error("InvalidArgument: conditional format formula longer than 255 characters");
              made.formula = f;
            });
          },
          get formula(): string { throw new Error("PropertyNotLoaded: rule.formula"); },
        },
        format: {
          fill: {
            set color(c: string) { ctx.ops.push(() => { made.fill = c; }); },
            get color(): string { throw new Error("PropertyNotLoaded: fill.color"); },
          },
          font: {
            set color(c: string) { ctx.ops.push(() => { made.fontColor = c; }); },
            get color(): string { throw new Error("PropertyNotLoaded: font.color"); },
          },
        },
      },
    };
  }
}

/** onChanged of a worksheet (ExcelApi 1.7) or, without a sheet, of the worksheet collection (1.9). */
class FakeEvents implements XEventSource {
  constructor(private readonly ctx: FakeContext, private readonly sheet: (() => FakeSheet) | undefined) {}
  add(handler: (args: unknown) => Promise<unknown>): XEventResult {
    const { ctx, sheet } = this;
    const entry: FakeHandler = { sheet: undefined, handler };
    ctx.ops.push(() => {
      requireSet(ctx.excel, sheet ? "1.7" : "1.9", sheet ? "worksheet.onChanged" : "worksheets.onChanged");
      entry.sheet = sheet?.();
      ctx.excel.handlers.push(entry);
    });
    return {
      context: ctx,
      remove: () => ctx.ops.push(() => {
        const i = ctx.excel.handlers.indexOf(entry);
        if (i >= 0) ctx.excel.handlers.splice(i, 1);
      }),
    };
  }
}
