/**
 * A typed, in-memory fake of the Excel calls OfficeWorkbook makes. Like Excel, it queues work and does
 * it at context.sync(), refuses to read a property that was not loaded and synced, turns numeric text
 * typed into a non-text cell into a number, and counts every sync.
 */
import type {
  BatchRunner, XBorder, XBorderIndex, XConditionalFormat, XConditionalFormatCollection, XContext, XEventResult, XEventSource,
  XNamedItem, XNamedItemCollection, XNewCustomConditionalFormat, XPageLayout, XRange, XRangeAreas, XWorksheet, XWorksheetCollection,
} from "../../src/hosts/office/excel-subset";
import { columnLetter, columnNumber, parseArea } from "../../src/workbook/a1";

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

export class FakeExcel {
  readonly sheets: FakeSheet[] = [];
  readonly names: { name: string; formula: string }[] = [];
  syncCount = 0;
  enableEvents = true;
  supported = new Set(["1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7", "1.8", "1.9"]);
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

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name === name);
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
    if (!this.enableEvents) return;
    const s = this.sheet(sheet);
    const args = { type: "WorksheetChanged", changeType: "RangeEdited", source: "Local", address, worksheetId: sheet };
    await Promise.all(this.handlers.filter((h) => h.sheet === undefined || h.sheet === s).map((h) => h.handler(args)));
  }

  get activeSheetName(): string | undefined {
    return this.activeSheet ?? this.sheets[0]?.name;
  }

  readonly run: BatchRunner = async (batch, within) => batch(within instanceof FakeContext && within.excel === this ? within : new FakeContext(this));
  readonly supports = (version: string): boolean => this.supported.has(version);

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

class FakeContext implements XContext {
  readonly ops: Op[] = [];
  readonly workbook: XContext["workbook"];
  readonly runtime: { enableEvents: boolean };

  constructor(readonly excel: FakeExcel) {
    const { ops } = this;
    this.workbook = {
      worksheets: new FakeWorksheets(this),
      names: new FakeNames(this),
      application: { suspendApiCalculationUntilNextSync: () => undefined, suspendScreenUpdatingUntilNextSync: () => undefined },
    };
    this.runtime = {
      get enableEvents() { return excel.enableEvents; },
      set enableEvents(v: boolean) { ops.push(() => { excel.enableEvents = v; }); },
    };
  }

  async sync(): Promise<void> {
    this.excel.syncCount++;
    const ops = this.ops.splice(0);
    for (const op of ops) op();
  }
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
  load(_props: string): XWorksheetCollection {
    this.ctx.ops.push(() => {
      this.itemsProp.set(this.ctx.excel.sheets.map((s) => {
        const ws = new FakeWorksheet(this.ctx, () => s);
        ws.snapshot();
        return ws;
      }));
    });
    return this;
  }
  getFirst(): XWorksheet {
    return new FakeWorksheet(this.ctx, () => this.ctx.excel.sheets[0]);
  }
  getItem(name: string): XWorksheet {
    // like Excel, a missing sheet fails the batch at the sync
    this.ctx.ops.push(() => {
      if (!this.ctx.excel.sheet(name)) throw new Error(`ItemNotFound: worksheet ${name}`);
    });
    return new FakeWorksheet(this.ctx, () => this.ctx.excel.sheet(name));
  }
  add(name: string): XWorksheet {
    this.ctx.ops.push(() => {
      if (this.ctx.excel.sheet(name)) throw new Error(`ItemAlreadyExists: ${name}`);
      this.ctx.excel.addSheet(name);
    });
    return new FakeWorksheet(this.ctx, () => this.ctx.excel.sheet(name));
  }
}

class FakeWorksheet implements XWorksheet {
  private readonly nameProp = new Loaded<string>();
  private readonly visibilityProp = new Loaded<string>();
  private readonly nullProp = new Loaded<boolean>();
  readonly freezePanes: XWorksheet["freezePanes"];
  readonly onChanged: XEventSource;
  readonly pageLayout: XPageLayout;
  readonly horizontalPageBreaks: XWorksheet["horizontalPageBreaks"];

  constructor(private readonly ctx: FakeContext, readonly resolve: () => FakeSheet | undefined) {
    this.ctx.ops.push(() => this.nullProp.set(this.resolve() === undefined));
    this.onChanged = new FakeEvents(ctx, () => this.must());
    this.freezePanes = {
      freezeRows: (n: number) => this.ctx.ops.push(() => { this.must().frozenRows = n; }),
      freezeAt: (range: string) => this.ctx.ops.push(() => { this.must().frozenRows = parseArea(range)?.bottom ?? 0; }),
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
  snapshot(): void {
    const s = this.resolve();
    this.nullProp.set(s === undefined);
    this.nameProp.set(s?.name ?? "");
    this.visibilityProp.set(s?.visibility ?? "Visible");
  }
  get isNullObject(): boolean { return this.nullProp.get("worksheet.isNullObject"); }
  get name(): string { return this.nameProp.get("worksheet.name"); }
  set name(_v: string) { throw new Error("renaming is not used"); }
  get visibility(): string { return this.visibilityProp.get("worksheet.visibility"); }
  set visibility(v: string) { this.ctx.ops.push(() => { this.must().visibility = v as FakeSheet["visibility"]; }); }
  get tabColor(): string { return this.must().tabColor; }
  set tabColor(v: string) { this.ctx.ops.push(() => { this.must().tabColor = v; }); }
  load(_props: string): XWorksheet {
    this.ctx.ops.push(() => this.snapshot());
    return this;
  }
  getRange(address?: string): XRange {
    return new FakeRange(this.ctx, this.resolve, () => address ?? WHOLE_SHEET);
  }
  activate(): void {
    this.ctx.ops.push(() => {
      const s = this.must();
      if (s.visibility !== "Visible") throw new Error(`InvalidOperation: cannot activate the hidden sheet ${s.name}`);
      this.ctx.excel.activeSheet = s.name;
    });
  }
  getUsedRangeOrNullObject(): XRange {
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
  getNextOrNullObject(): XWorksheet {
    return new FakeWorksheet(this.ctx, () => {
      const s = this.resolve();
      if (!s) return undefined;
      const i = this.ctx.excel.sheets.indexOf(s);
      return this.ctx.excel.sheets[i + 1];
    });
  }
  delete(): void {
    this.ctx.ops.push(() => {
      const s = this.must();
      // as in Excel (office-js#365): a very hidden sheet must be made visible or hidden before it can go
      if (s.visibility === "VeryHidden") throw new Error(`InvalidOperation: cannot delete the very hidden sheet ${s.name}`);
      this.ctx.excel.sheets.splice(this.ctx.excel.sheets.indexOf(s), 1);
    });
  }
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

class FakeRange implements XRange {
  private readonly valuesProp = new Loaded<unknown[][]>();
  private readonly typesProp = new Loaded<string[][]>();
  private readonly rowProp = new Loaded<number>();
  private readonly colProp = new Loaded<number>();
  private readonly nullProp = new Loaded<boolean>();
  readonly format: XRange["format"];
  readonly dataValidation: XRange["dataValidation"];

  constructor(private readonly ctx: FakeContext, private readonly sheet: () => FakeSheet | undefined, private readonly addr: () => string | undefined) {
    const push = (op: (s: FakeSheet, a: string) => void) => this.ctx.ops.push(() => op(this.mustSheet(), this.mustAddr()));
    const log = (key: string, value: FakeFormat["value"]) => push((sh, a) => { areaOf(a); sh.formats.push({ address: a, key, value }); });
    const prop = <T extends FakeFormat["value"]>(key: string) => ({
      set(v: T) { log(key, v); },
      get(): T { throw new Error(`PropertyNotLoaded: format.${key}`); },
    });
    const props = <T extends object>(target: T, keys: Record<string, string>): T => {
      for (const [name, key] of Object.entries(keys)) Object.defineProperty(target, name, { ...prop(key), enumerable: true });
      return target;
    };
    const border = (edge: XBorderIndex): XBorder => props({} as XBorder, { style: `borders.${edge}.style`, weight: `borders.${edge}.weight`, color: `borders.${edge}.color` });
    this.format = props({
      set columnWidth(w: number) {
        push((s, a) => { const m = /^([A-Z]+):/.exec(a); if (m) s.columnWidths.set(columnNumber(m[1] as string), w); });
      },
      get columnWidth(): number { throw new Error("not loaded"); },
      set rowHeight(h: number) {
        push((s, a) => {
          const m = /^(\d+):(\d+)$/.exec(a);
          if (!m) throw new Error(`InvalidArgument: rowHeight is set on whole rows here, not ${a}`);
          if (h < 0 || h > 409) throw new Error(`InvalidArgument: row height ${h} (0–409 points)`);
          for (let r = Number(m[1]); r <= Number(m[2]); r++) s.rowHeights.set(r, h);
        });
      },
      get rowHeight(): number { throw new Error("PropertyNotLoaded: format.rowHeight"); },
      font: props({} as XRange["format"]["font"], { bold: "font.bold", italic: "font.italic", color: "font.color", name: "font.name", size: "font.size" }),
      fill: {
        set color(c: string) {
          log("fill.color", c);
          push((s, a) => {
            const { rows: h, cols: w, at } = cellsOf(a);
            if (h * w > 100_000) return; // whole columns or the whole sheet: the format log has it
            for (let r = 0; r < h; r++) for (let col = 0; col < w; col++) s.cells.set(at(r, col), { value: null, ...s.cells.get(at(r, col)), fill: c });
          });
        },
        get color(): string { throw new Error("PropertyNotLoaded: format.fill.color"); },
      },
      borders: { getItem: border },
    } as unknown as XRange["format"], { wrapText: "wrapText", verticalAlignment: "verticalAlignment", horizontalAlignment: "horizontalAlignment" });
    this.dataValidation = {
      set rule(r: { list: { inCellDropDown: boolean; source: string } }) {
        push((s, a) => s.validations.push({ address: a, source: r.list.source }));
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
  get formulas(): unknown[][] { throw new Error("not used"); }
  set formulas(rows: unknown[][]) {
    this.ctx.ops.push(() => {
      const s = this.mustSheet();
      const { rows: h, cols: w, at } = cellsOf(this.mustAddr());
      if (rows.length !== h || rows.some((r) => r.length !== w)) throw new Error(`InvalidArgument: ${h}x${w} range, ${rows.length} rows given`);
      rows.forEach((row, r) => row.forEach((v, c) => {
        const a = at(r, c);
        const cell: FakeCell = { value: null, ...s.cells.get(a) };
        delete cell.formula;
        if (typeof v === "string" && v.startsWith("=")) { cell.formula = v; cell.value = null; }
        else if (typeof v === "string" && v.startsWith("'")) cell.value = v.slice(1);
        else if (typeof v === "string" && cell.numberFormat !== "@" && v.trim() !== "" && Number.isFinite(Number(v))) cell.value = Number(v);
        else cell.value = v === "" ? null : (v as FakeCell["value"]);
        s.cells.set(a, cell);
      }));
    });
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
    });
  }
  get rowIndex(): number { return this.rowProp.get("range.rowIndex"); }
  get columnIndex(): number { return this.colProp.get("range.columnIndex"); }
  get address(): string { return this.addr() ?? ""; }
  load(_props: string): XRange {
    this.ctx.ops.push(() => {
      const s = this.sheet();
      const a = s ? this.addr() : undefined;
      this.nullProp.set(a === undefined);
      if (!s || !a) return;
      const area = parseArea(a);
      if (!area) return;
      const { rows, cols, at } = cellsOf(a);
      const values: unknown[][] = [];
      const types: string[][] = [];
      for (let r = 0; r < rows; r++) {
        const vr: unknown[] = [];
        const tr: string[] = [];
        for (let c = 0; c < cols; c++) {
          const cell = s.cells.get(at(r, c));
          if (cell?.error) { vr.push(cell.error); tr.push("Error"); }
          else { vr.push(cell?.value ?? ""); tr.push(cell?.value === null || cell?.value === undefined ? "Empty" : typeof cell.value === "number" ? "Double" : typeof cell.value === "boolean" ? "Boolean" : "String"); }
        }
        values.push(vr);
        types.push(tr);
      }
      this.valuesProp.set(values);
      this.typesProp.set(types);
      this.rowProp.set(area.top - 1);
      this.colProp.set(area.left - 1);
    });
    return this;
  }
  merge(across = false): void {
    if (across) throw new Error("merge(across) is not used");
    this.ctx.ops.push(() => {
      const s = this.mustSheet();
      const a = this.mustAddr();
      const area = parseArea(a);
      if (!area) throw new Error(`InvalidArgument: ${a}`);
      if (mergedAreasNear(s, area).some((m) => intersects(m, area))) throw new Error(`InvalidOperation: ${a} overlaps a merged area`);
      s.merges.push(a);
    });
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
    const result: XRangeAreas = {
      get isNullObject() { return isNull.get("areas.isNullObject"); },
      get areas() { return areas.get("areas"); },
      load: () => {
        this.ctx.ops.push(() => {
          const s = this.sheet();
          isNull.set(!s || s.merges.length === 0);
          areas.set({ items: (s?.merges ?? []).map((m) => ({ address: `${s?.name}!${m}` })) });
        });
        return result;
      },
    };
    return result;
  }
}

class FakeNames implements XNamedItemCollection {
  private readonly itemsProp = new Loaded<XNamedItem[]>();
  constructor(private readonly ctx: FakeContext) {}
  get items(): XNamedItem[] { return this.itemsProp.get("names.items"); }
  load(_props: string): XNamedItemCollection {
    this.ctx.ops.push(() => {
      this.itemsProp.set(this.ctx.excel.names.map((n) => ({
        name: n.name,
        formula: n.formula,
        delete: () => this.ctx.ops.push(() => { this.ctx.excel.names.splice(this.ctx.excel.names.indexOf(n), 1); }),
      })));
    });
    return this;
  }
  add(name: string, reference: string): unknown {
    this.ctx.ops.push(() => {
      if (this.ctx.excel.names.some((n) => n.name.toUpperCase() === name.toUpperCase())) throw new Error(`ItemAlreadyExists: ${name}`);
      this.ctx.excel.names.push({ name, formula: reference });
    });
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
