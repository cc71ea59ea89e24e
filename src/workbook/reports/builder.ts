/**
 * Builds a report sheet cell by cell — values, merged areas, styles and row heights side by side — so
 * that a generator says where things go and this turns it into a SheetSpec. Shared by every report sheet.
 */
import { rangeAddress } from "../a1";
import type { AreaStyle, CellInput, CellStyle, ConditionalFill, PrintSetup, RowHeight, SheetFont, SheetSpec } from "../grid";

export class SheetBuilder {
  readonly rows: CellInput[][] = [];
  readonly merges: string[] = [];
  readonly styles: AreaStyle[] = [];
  /** Row → height, in the order the heights were last set (a Map: a row's height is set and read per row, issue 13). */
  private readonly heightByRow = new Map<number, number>();
  readonly fills: ConditionalFill[] = [];

  set(row: number, col: number, value: CellInput): void {
    while (this.rows.length < row) this.rows.push([]);
    const r = this.rows[row - 1] as CellInput[];
    while (r.length < col) r.push(null);
    r[col - 1] = value;
  }

  /** A value in an area (merged when bigger than one cell), with a style on the whole area; returns its A1 range. */
  area(top: number, left: number, bottom: number, right: number, value: CellInput, style?: CellStyle): string {
    this.set(top, left, value);
    const single = bottom === top && right === left;
    const range = single ? (rangeAddress(top, left, bottom, right).split(":")[0] as string) : rangeAddress(top, left, bottom, right);
    if (!single) this.merges.push(range);
    if (style) this.styles.push({ range, style });
    return range;
  }

  /** A style on an area without a value (borders around empty cells, a band's fill). */
  style(top: number, left: number, bottom: number, right: number, style: CellStyle): void {
    this.styles.push({ range: rangeAddress(top, left, bottom, right), style });
  }

  height(row: number, height: number): void {
    this.heightByRow.delete(row);
    this.heightByRow.set(row, height);
  }

  heightOf(row: number): number {
    return this.heightByRow.get(row) ?? 15;
  }

  /** The heights set so far, in the order they were last set. */
  get heights(): readonly RowHeight[] {
    return [...this.heightByRow].map(([row, height]) => ({ row, height }));
  }

  /** The last row holding anything. */
  get lastRow(): number {
    return this.rows.length;
  }

  /** Rows without a height get one line's: spreadsheets do not fit rows whose cells are merged. */
  defaultHeights(height: number): void {
    const set = new Set(this.heightByRow.keys());
    this.rows.forEach((r, i) => {
      if (!set.has(i + 1) && r.some((v) => v !== null)) this.heightByRow.set(i + 1, height);
    });
    // the heights in row order from here on, as the sheets that hand `heights` on unsorted expect
    const sorted = [...this.heightByRow].sort((a, b) => a[0] - b[0]);
    this.heightByRow.clear();
    for (const [row, h] of sorted) this.heightByRow.set(row, h);
  }

  toSpec(sheet: { name: string; columns: readonly number[]; font: SheetFont; print: PrintSetup; tabColor?: string }): SheetSpec {
    return {
      name: sheet.name,
      visibility: "visible",
      rows: this.rows,
      columns: sheet.columns.map((width) => ({ width })),
      formattedRows: 0,
      freeze: { rows: 0, columns: 0 },
      rowStyles: [],
      validations: [],
      cellFormats: [],
      font: sheet.font,
      merges: this.merges,
      areaStyles: this.styles,
      rowHeights: [...this.heights].sort((a, b) => a.row - b.row),
      conditionalFills: this.fills,
      print: sheet.print,
      ...(sheet.tabColor ? { tabColor: sheet.tabColor } : {}),
    };
  }
}
