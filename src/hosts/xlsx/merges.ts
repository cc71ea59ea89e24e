/**
 * Merged areas registered in bulk (issue 13). exceljs's `Worksheet.mergeCells` compares each new area with
 * every area the sheet already has (`_mergeCellsInternal` walks the private `_merges` map: master address →
 * Range) before it marks the cells, so a sheet of n merges costs n²/2 comparisons — 67 % of the 500-item
 * report's time, and the 2,000-item report (some 40,000 merges on Part 2 and the cards) never finished.
 *
 * Here the overlap check is made once for all areas, then each area is still merged by exceljs's own
 * `mergeCells` (its Range, its cell marking, its style copy) with the map set aside, so its check has
 * nothing to walk; the map is put back with every new area added in the order given, as one-by-one calls
 * would leave it (test/hosts/xlsx-merges.test.ts compares the saved sheets). The check marks every cell
 * each area covers — work proportional to the merged cells, which exceljs's marking walks anyway — and
 * refuses any overlap, with an earlier area of the sheet or between the new ones, before anything is
 * merged: exceljs would throw midway, leaving half the areas merged. SheetSpecs never overlap merges
 * (`SheetBuilder.area` places each value once), so the refusal is a bug's symptom, never an input's.
 *
 * Opening a file has the same cost: exceljs's loader merges a sheet's areas one by one
 * (`Worksheet._parseMergeCells` → `mergeCellsWithoutStyle`), so a workbook holding the 500-item report took
 * 9 s to open against 2.4 s for the plan alone, and one with the 2,000-item report minutes. Importing this
 * module routes that loader through `mergeAll` too (without the style copy, as exceljs loads). A file whose
 * merged areas overlap still fails to open (exceljs threw "Cannot merge already merged cells"; Excel calls
 * such a file damaged); a sheet with a merge reference this module does not parse is loaded by exceljs's
 * own loop, as before.
 */
import ExcelJS from "exceljs";
import { type Area, parseArea } from "../../workbook/a1";

/** exceljs 4.4's private merge index (pinned version; `gridOf` reads it too). */
interface MergeIndex {
  _merges: Record<string, { readonly top: number; readonly left: number; readonly bottom: number; readonly right: number; readonly range: string }>;
}

export class MergeOverlapError extends Error {
  constructor(readonly sheet: string, readonly range: string, readonly other: string) {
    super(`merged areas overlap on sheet "${sheet}": ${range} and ${other}`);
    this.name = "MergeOverlapError";
  }
}

/** Excel's last column is XFD (16,384): a cell's key in one number. */
const COLUMNS = 16_385;

/**
 * Merges `ranges` (A1 areas) into `ws`, as `ws.mergeCells` one by one would (`mergeCellsWithoutStyle` with
 * `style: false`, as exceljs's loader), in time linear in the cells merged.
 */
export function mergeAll(ws: ExcelJS.Worksheet, ranges: readonly string[], options: { style: boolean } = { style: true }): void {
  if (ranges.length === 0) return;
  const index = ws as unknown as MergeIndex;
  const owner = new Map<number, string>();
  const claim = (area: Area, range: string): void => {
    for (let r = area.top; r <= area.bottom; r++) {
      for (let c = area.left; c <= area.right; c++) {
        const key = r * COLUMNS + c;
        const other = owner.get(key);
        if (other !== undefined) throw new MergeOverlapError(ws.name, range, other);
        owner.set(key, range);
      }
    }
  };
  for (const m of Object.values(index._merges)) claim(m, m.range);
  for (const range of ranges) {
    const area = parseArea(range);
    if (!area) throw new Error(`not a cell range on sheet "${ws.name}": ${range}`);
    claim(area, range);
  }
  const all = index._merges;
  try {
    for (const range of ranges) {
      index._merges = {};
      if (options.style) ws.mergeCells(range);
      else ws.mergeCellsWithoutStyle(range);
      Object.assign(all, index._merges);
    }
  } finally {
    index._merges = all;
  }
}

/** exceljs 4.4's loader step for a sheet's merges (the model's `mergeCells`: A1 ranges as the file lists them). */
interface MergeLoader {
  _parseMergeCells(this: ExcelJS.Worksheet, model: { mergeCells?: unknown }): void;
}

const worksheetPrototype = Object.getPrototypeOf(new ExcelJS.Workbook().addWorksheet("probe")) as Partial<MergeLoader>;

/** exceljs's own loader step, one merge at a time (kept for sheets `mergeAll` cannot take, and for the tests). */
export const exceljsParseMergeCells: MergeLoader["_parseMergeCells"] | undefined = worksheetPrototype._parseMergeCells;

if (exceljsParseMergeCells) {
  const original = exceljsParseMergeCells;
  worksheetPrototype._parseMergeCells = function parseMergeCellsInBulk(this: ExcelJS.Worksheet, model: { mergeCells?: unknown }): void {
    const ranges = model.mergeCells;
    if (Array.isArray(ranges) && ranges.every((r) => typeof r === "string" && parseArea(r) !== undefined)) mergeAll(this, ranges as string[], { style: false });
    else original.call(this, model);
  };
}
