/**
 * Issue 14: the three seeds' plan tables in every layout — the sheet, PDF-copied text (one line a row,
 * each cell on one line, tabs between columns), a Word table as Word writes it (vMerge/gridSpan), and a
 * Word document LibreOffice made from the sheet (Calc → HTML → Writer → .docx, its own way of writing
 * merges and runs) — import to the same items, names and yearly budgets.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { importPlanDocument, importPlanTable } from "../../src/app/import";
import { readDocxPlan } from "../../src/hosts/docx/docx-file";
import { XlsxWorkbook } from "../../src/hosts/xlsx/xlsx-workbook";
import type { PlanItem } from "../../src/domain/plan";
import { findLegacySheet } from "../../src/workbook/legacy";
import { textToGrids } from "../../src/workbook/text-table";
import { docxBytes, gridDocBlocks } from "../support/docx";
import { asPdfText } from "../support/plan-layouts";

const legacy = join(__dirname, "..", "fixtures", "legacy");
const fixtures = join(__dirname, "..", "fixtures", "import");
const essence = (items: readonly PlanItem[]) => items.map((it) => ({ code: it.code, name: it.name, dimension: it.dimension, mission: it.mission, kind: it.kind, budgets: it.budgets }));

describe.each(["000", "001", "003"])("seed %s", (seed) => {
  let sheet: ReturnType<typeof importPlanTable>;
  let grids: Awaited<ReturnType<XlsxWorkbook["readGrids"]>>;
  beforeAll(async () => {
    grids = await (await XlsxWorkbook.open(readFileSync(join(legacy, `seed-${seed}-plan-table.xlsx`)))).readGrids();
    sheet = importPlanTable(grids);
  });

  it("from PDF-copied text", () => {
    const found = findLegacySheet(grids);
    const t = importPlanTable(textToGrids(asPdfText(found?.grid.rows ?? []), "copied.txt"));
    expect(essence(t.model.items)).toEqual(essence(sheet.model.items));
  });

  it("from a Word table (vMerge, gridSpan, header row)", async () => {
    const found = findLegacySheet(grids);
    const doc = await readDocxPlan(await docxBytes(gridDocBlocks(found?.grid.rows ?? [], found?.grid.merges ?? [], found?.headerRow ?? 0)));
    const r = importPlanDocument(doc as NonNullable<typeof doc>);
    expect(essence(r.model.items)).toEqual(essence(sheet.model.items));
    expect(r.model.settings.orgName).toBe(sheet.model.settings.orgName);
  });

  it("from the .docx LibreOffice made of the sheet", async () => {
    const doc = await readDocxPlan(readFileSync(join(fixtures, `seed-${seed}-plan-table.docx`)));
    const r = importPlanDocument(doc as NonNullable<typeof doc>);
    expect(essence(r.model.items)).toEqual(essence(sheet.model.items));
  });
});
