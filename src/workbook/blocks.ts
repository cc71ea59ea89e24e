/**
 * A SheetSpec's formatting as few rectangles as possible, for hosts that pay per operation (Excel: every
 * property set is an action in the request, and a request is capped in bytes). The spec says styles area
 * by area, later areas winning property by property; here every cell's final style is worked out once and
 * equal neighbours are joined into rectangles, so a report's tens of thousands of area styles become a few
 * hundred blocks. Pure: the Excel host renders the blocks, exceljs renders the spec as it is.
 */
import { type Area, parseArea } from "./a1";
import type { CellStyle, SheetSpec } from "./grid";

/** A style without its number format (number formats are written as arrays before the values). */
export type BlockStyle = Omit<CellStyle, "numFmt">;

export interface StyleBlock {
  readonly style: BlockStyle;
  /** Rectangles, top to bottom, that carry exactly this style. */
  readonly areas: readonly Area[];
}

export interface FormatBlock {
  readonly numFmt: string;
  readonly areas: readonly Area[];
}

/** A run of rows of one height. */
export interface HeightRun {
  readonly from: number;
  readonly to: number;
  readonly height: number;
}

/** Merges to make: single-row merges of the same columns on consecutive rows become one "across" merge. */
export interface MergeBlock {
  readonly area: Area;
  /** true: every row of `area` is merged on its own (range.merge(true)); false: one merged cell. */
  readonly across: boolean;
}

/** The width every per-row style covers: the declared columns, at least one. */
function rowStyleWidth(spec: SheetSpec): number {
  return Math.max(1, spec.columns.length);
}

/**
 * Rectangles of equal keys: runs along each row, then runs of equal runs down the rows. `keyAt` gives a
 * cell's key (undefined: nothing to do there).
 */
function rectangles(top: number, bottom: number, left: number, right: number, keyAt: (row: number, col: number) => string | undefined): Map<string, Area[]> {
  const out = new Map<string, Area[]>();
  // open rectangles by "left,right,key": extended while the next row has the same run
  let open = new Map<string, { top: number; left: number; right: number; key: string }>();
  const close = (o: { top: number; left: number; right: number; key: string }, lastRow: number) => {
    const list = out.get(o.key) ?? [];
    list.push({ top: o.top, left: o.left, bottom: lastRow, right: o.right });
    out.set(o.key, list);
  };
  for (let r = top; r <= bottom; r++) {
    const next = new Map<string, { top: number; left: number; right: number; key: string }>();
    let c = left;
    while (c <= right) {
      const key = keyAt(r, c);
      if (key === undefined) { c++; continue; }
      let end = c;
      while (end + 1 <= right && keyAt(r, end + 1) === key) end++;
      const id = `${c},${end},${key}`;
      const o = open.get(id);
      if (o) { next.set(id, o); open.delete(id); }
      else next.set(id, { top: r, left: c, right: end, key });
      c = end + 1;
    }
    for (const o of open.values()) close(o, r - 1);
    open = next;
  }
  for (const o of open.values()) close(o, bottom);
  return out;
}

/** The sheet's row and area styles (not number formats) as blocks of cells that end up with the same style. */
export function styleBlocks(spec: SheetSpec): StyleBlock[] {
  const layers: { area: Area; style: BlockStyle }[] = [];
  const width = rowStyleWidth(spec);
  for (const rs of spec.rowStyles) layers.push({ area: { top: rs.from, bottom: rs.to, left: 1, right: width }, style: withoutNumFmt(rs.style) });
  for (const as of spec.areaStyles ?? []) {
    const area = parseArea(as.range);
    if (area) layers.push({ area, style: withoutNumFmt(as.style) });
  }
  const styled = layers.filter((l) => Object.keys(l.style).length > 0);
  if (styled.length === 0) return [];
  // every cell's style as an index into `styles`, merged layer by layer (later wins per property)
  const styles: BlockStyle[] = [];
  const keyOf = new Map<string, number>();
  const intern = (s: BlockStyle): number => {
    const key = styleKey(s);
    let i = keyOf.get(key);
    if (i === undefined) { i = styles.length; styles.push(s); keyOf.set(key, i); }
    return i;
  };
  const mergedOf = new Map<string, number>();
  const cells = new Map<number, Int32Array>(); // row → style index + 1 per column (0: unstyled)
  let top = Infinity, bottom = 0, left = Infinity, right = 0;
  for (const { area } of styled) {
    top = Math.min(top, area.top); bottom = Math.max(bottom, area.bottom);
    left = Math.min(left, area.left); right = Math.max(right, area.right);
  }
  styled.forEach(({ area, style }, layer) => {
    const own = intern(style);
    for (let r = area.top; r <= area.bottom; r++) {
      let row = cells.get(r);
      if (!row) cells.set(r, (row = new Int32Array(right + 1)));
      for (let c = area.left; c <= area.right; c++) {
        const before = row[c] as number;
        if (before === 0) { row[c] = own + 1; continue; }
        const memo = `${before - 1}|${layer}`;
        let merged = mergedOf.get(memo);
        if (merged === undefined) mergedOf.set(memo, (merged = intern({ ...styles[before - 1], ...style })));
        row[c] = merged + 1;
      }
    }
  });
  const rects = rectangles(top, bottom, left, right, (r, c) => {
    const v = cells.get(r)?.[c] ?? 0;
    return v === 0 ? undefined : String(v - 1);
  });
  return [...rects].map(([key, areas]) => ({ style: styles[Number(key)] as BlockStyle, areas }));
}

/**
 * Every number format the spec sets, as blocks: column formats down to the formatted rows, then single
 * cells, then styled areas (the order the spec gives them precedence in).
 */
export function formatBlocks(spec: SheetSpec): FormatBlock[] {
  const height = Math.max(spec.rows.length, spec.formattedRows + 1);
  const layers: { area: Area; numFmt: string }[] = [];
  spec.columns.forEach((c, i) => { if (c.numFmt) layers.push({ area: { top: 1, bottom: height, left: i + 1, right: i + 1 }, numFmt: c.numFmt }); });
  for (const f of spec.cellFormats) {
    const area = parseArea(f.cell);
    if (area) layers.push({ area, numFmt: f.numFmt });
  }
  for (const as of spec.areaStyles ?? []) {
    const area = as.style.numFmt ? parseArea(as.range) : undefined;
    if (area) layers.push({ area, numFmt: as.style.numFmt as string });
  }
  if (layers.length === 0) return [];
  const formats: string[] = [];
  const index = new Map<string, number>();
  const cells = new Map<number, Map<number, number>>();
  let top = Infinity, bottom = 0, left = Infinity, right = 0;
  for (const { area, numFmt } of layers) {
    let i = index.get(numFmt);
    if (i === undefined) { i = formats.length; formats.push(numFmt); index.set(numFmt, i); }
    top = Math.min(top, area.top); bottom = Math.max(bottom, area.bottom);
    left = Math.min(left, area.left); right = Math.max(right, area.right);
    for (let r = area.top; r <= area.bottom; r++) {
      let row = cells.get(r);
      if (!row) cells.set(r, (row = new Map()));
      for (let c = area.left; c <= area.right; c++) row.set(c, i);
    }
  }
  const rects = rectangles(top, bottom, left, right, (r, c) => {
    const v = cells.get(r)?.get(c);
    return v === undefined ? undefined : String(v);
  });
  return [...rects].map(([key, areas]) => ({ numFmt: formats[Number(key)] as string, areas }));
}

/** Row heights as runs of consecutive rows of one height. */
export function heightRuns(spec: SheetSpec): HeightRun[] {
  const sorted = [...(spec.rowHeights ?? [])].sort((a, b) => a.row - b.row);
  const runs: { from: number; to: number; height: number }[] = [];
  for (const h of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.to === h.row - 1 && last.height === h.height) last.to = h.row;
    else if (last && last.to === h.row) last.height = h.height; // the same row twice: the later wins
    else runs.push({ from: h.row, to: h.row, height: h.height });
  }
  return runs;
}

/**
 * The spec's merges with single-row merges of the same columns on consecutive rows joined into one
 * across-merge: a card sheet's thousands of "B5:C5", "B6:C6", … become a handful of operations.
 */
export function mergeBlocks(spec: SheetSpec): MergeBlock[] {
  const areas = (spec.merges ?? []).map((m) => parseArea(m)).filter((a): a is Area => a !== undefined);
  const single = areas.filter((a) => a.top === a.bottom).sort((a, b) => a.left - b.left || a.right - b.right || a.top - b.top);
  const out: MergeBlock[] = areas.filter((a) => a.top !== a.bottom).map((area) => ({ area, across: false }));
  let run: { top: number; bottom: number; left: number; right: number } | undefined;
  const flush = () => {
    if (run) out.push({ area: { ...run }, across: run.bottom > run.top });
    run = undefined;
  };
  for (const a of single) {
    if (run && run.left === a.left && run.right === a.right && run.bottom === a.top - 1) run.bottom = a.top;
    else { flush(); run = { ...a }; }
  }
  flush();
  return out;
}

function withoutNumFmt(style: CellStyle): BlockStyle {
  const { numFmt: _numFmt, ...rest } = style;
  return Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)) as BlockStyle;
}

function styleKey(style: BlockStyle): string {
  return JSON.stringify(Object.keys(style).sort().map((k) => [k, style[k as keyof BlockStyle]]));
}
