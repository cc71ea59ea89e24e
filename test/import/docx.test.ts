/**
 * Issue 14: plans as Word documents — the table found, continued over pages, merged cells undone,
 * the title's organization and period taken, the foreword's stated counts compared with the table.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { importPlanDocument } from "../../src/app/import";
import { readDocxPlan } from "../../src/hosts/docx/docx-file";
import { docxBytes, planDocBlocks } from "../support/docx";
import { municipality36, nameOf, renderRows } from "../support/plan-layouts";

describe("a Word plan written as Word writes it (vMerge, gridSpan, header rows, a table per page)", () => {
  const { items, layout } = municipality36();
  const one = { ...layout, oneLine: false };

  it.each([
    ["packs one a line in their cells", one],
    ["packs on one line", layout],
  ])("the 36-item เทศบาล, %s, reads 36 items", async (_, l) => {
    const { rows } = renderRows(items, l);
    const doc = await readDocxPlan(await docxBytes(planDocBlocks(rows, { foreword: "แผนนี้มีโครงการ/กิจกรรม/มาตรการ รวมทั้งสิ้น 36 รายการ", breakAt: 6 })));
    expect(doc?.tables).toBe(2);
    const r = importPlanDocument(doc as NonNullable<typeof doc>);
    expect(r.model.items.map((it) => it.name)).toEqual(items.map(nameOf));
    expect(r.model.items.map((it) => it.mission)).toEqual(items.map((it) => it.mission));
    expect(r.model.settings).toMatchObject({ orgName: "เทศบาลตำบลโคกสูง", orgType: "subdistrictMunicipality", firstYear: 2566, years: 5 });
    expect(r.findings.filter((f) => f.rule === "B7" || f.rule === "X6")).toEqual([]);
    expect(r.rowCounts.unplaced).toBe(0);
  });

  it("a foreword whose count differs from the table is a finding citing the paragraph and the table's total", async () => {
    const { rows } = renderRows(items, one);
    const doc = await readDocxPlan(await docxBytes(planDocBlocks(rows, { foreword: "รวมทั้งสิ้น 38 โครงการ/กิจกรรม/มาตรการ", breakAt: 6 })));
    const r = importPlanDocument(doc as NonNullable<typeof doc>);
    const b7 = r.findings.filter((f) => f.rule === "B7");
    expect(b7).toHaveLength(1);
    expect(b7[0]?.location.sheet).toBe("ย่อหน้าที่ 2");
    expect(b7[0]?.message.en).toMatch(/states 38 items .* 36 were read .*total row/);
  });

  it("a document without a plan table says so", async () => {
    expect(await readDocxPlan(await docxBytes([{ p: "คำนำ" }, { rows: [[{ text: "ก" }, { text: "ข" }]] }]))).toBeUndefined();
  });
});

describe("a Word document LibreOffice wrote from HTML (a layout the reader was not written around)", () => {
  it("reads the 36-item เทศบาล", async () => {
    const doc = await readDocxPlan(readFileSync(join(__dirname, "..", "fixtures", "import", "municipality-36-libreoffice.docx")));
    expect(doc).toBeDefined();
    const r = importPlanDocument(doc as NonNullable<typeof doc>);
    const { items } = municipality36();
    expect(r.model.items.map((it) => it.name)).toEqual(items.map(nameOf));
    expect(r.model.items.map((it) => it.dimension)).toEqual(items.map((it) => it.dimension));
    expect(r.model.settings.orgName).toBe("เทศบาลตำบลโคกสูง");
    expect(r.findings.filter((f) => f.rule === "B7")).toEqual([]);
  });
});
