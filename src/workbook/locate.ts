/** Finding the template's sheets in a workbook: by name, else by the marker name that follows a rename. */
import type { Finding } from "../domain/findings";
import { msg } from "../domain/messages";
import type { SheetGrid, WorkbookGrids } from "./grid";
import { type InputSheetKey, INPUT_SHEET_NAMES, MATRIX_SHEET, SETTINGS_SHEET, sheetMarkerName, TABLE_SHEETS } from "./schema";
import { findLayout } from "./table";

const EN_NAMES: Readonly<Record<InputSheetKey, string>> = {
  settings: SETTINGS_SHEET.en,
  matrix: MATRIX_SHEET.en,
  ...(Object.fromEntries(TABLE_SHEETS.map((s) => [s.key, s.en])) as Record<Exclude<InputSheetKey, "settings" | "matrix">, string>),
};

export interface LocatedSheets {
  readonly sheets: Partial<Record<InputSheetKey, SheetGrid>>;
  readonly findings: Finding[];
}

export function locateSheets(grids: WorkbookGrids, wanted: readonly InputSheetKey[]): LocatedSheets {
  const byName = new Map(grids.sheets.map((s) => [s.name, s]));
  const byFoldedName = new Map(grids.sheets.map((s) => [s.name.replace(/\s/g, "").toLowerCase(), s]));
  const sheets: Partial<Record<InputSheetKey, SheetGrid>> = {};
  const findings: Finding[] = [];
  for (const key of wanted) {
    const expected = INPUT_SHEET_NAMES[key];
    const direct =
      byName.get(expected) ??
      byFoldedName.get(expected.replace(/\s/g, "").toLowerCase()) ??
      byFoldedName.get(EN_NAMES[key].replace(/\s/g, "").toLowerCase());
    if (direct) {
      sheets[key] = direct;
      continue;
    }
    const marker = grids.names.find((n) => n.name.toUpperCase() === sheetMarkerName(key));
    const renamed = (marker ? byName.get(marker.sheet) : undefined) ?? byHeaders(grids, key);
    if (renamed) {
      sheets[key] = renamed;
      findings.push({ rule: "X5", severity: "info", message: msg.sheetFoundByMarker(expected, renamed.name), location: { sheet: renamed.name } });
      continue;
    }
    findings.push({ rule: "P1", severity: "error", message: msg.missingSheet(expected, EN_NAMES[key]), location: { sheet: expected } });
  }
  return { sheets, findings };
}

/**
 * Last resort for a renamed sheet whose marker name was lost (tools other than Excel do not follow
 * renames): a sheet whose header row has every required column of that table.
 */
function byHeaders(grids: WorkbookGrids, key: InputSheetKey): SheetGrid | undefined {
  const def = TABLE_SHEETS.find((t) => t.key === key);
  if (!def) return undefined;
  const required = def.columns.filter((c) => c.required);
  const known = new Set(Object.values(INPUT_SHEET_NAMES));
  return grids.sheets.find((g) => {
    if (known.has(g.name) || g.visibility !== "visible") return false;
    const layout = findLayout(g, def.columns);
    return required.every((c) => layout.columns.has(c.key));
  });
}
