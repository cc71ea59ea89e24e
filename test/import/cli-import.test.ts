/** `sujarit import` of a Word document and of PDF-copied text (issue 14). */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { XlsxWorkbook } from "../../src/hosts/xlsx/xlsx-workbook";
import { readPlanWorkbook } from "../../src/workbook/read";
import { asPdfText, municipality36, nameOf, renderRows } from "../support/plan-layouts";
import { run } from "../support/cli";

const dir = mkdtempSync(join(tmpdir(), "sujarit-import-"));
const fixture = join(__dirname, "..", "fixtures", "import", "municipality-36-libreoffice.docx");

describe("sujarit import", () => {
  const { items, layout } = municipality36();

  it("imports a .docx into a template with the 36 items, the organization and the period from the title", async () => {
    const out = join(dir, "from-docx.xlsx");
    const r = await run("import", fixture, "--out", out);
    expect(r.err).toBe("");
    expect(r.out).toMatch(/เทศบาลตำบลโคกสูง, 2566–2570/);
    expect(r.out).toMatch(/∑\s*│?\s*36/);
    const read = readPlanWorkbook(await (await XlsxWorkbook.open(readFileSync(out))).readGrids());
    expect(read.workbook.items.map((it) => it.name)).toEqual(items.map(nameOf));
    expect(read.workbook.settings.orgName).toBe("เทศบาลตำบลโคกสูง");
  });

  it("imports PDF-copied text (.txt, tabs between columns, packs on one line)", async () => {
    const txt = join(dir, "copied.txt");
    writeFileSync(txt, asPdfText(renderRows(items, layout).rows));
    const r = await run("import", txt, "--out", join(dir, "from-text.xlsx"), "--json");
    const json = JSON.parse(r.out) as { items: number; findings: { rule: string }[] };
    expect(json.items).toBe(36);
    expect(json.findings.filter((f) => f.rule === "B7")).toEqual([]);
  });

  it("a file that is not a Word document is a sentence and exit 2", async () => {
    const bad = join(dir, "bad.docx");
    writeFileSync(bad, "not a zip");
    const r = await run("import", bad, "--out", join(dir, "bad.xlsx"));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/not a Word document/);
  });
});
