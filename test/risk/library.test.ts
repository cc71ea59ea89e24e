/**
 * The library of typical risks, and adding its entries to a register: appended below the last row a user
 * typed, with the register's formulas, linked to the plan's own items by code, on both hosts.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { WorkbookPort } from "../../src/app/port";
import { addRisksFromLibrary, nextRiskIds, UnknownLibraryRiskError } from "../../src/app/risks";
import { checkRead } from "../../src/app/validate";
import { RISK_CATEGORIES } from "../../src/domain/lists";
import type { PlanItem } from "../../src/domain/plan";
import { itemNamed } from "../../src/domain/risk/assess";
import { LIBRARY_AREAS, RISK_LIBRARY } from "../../src/domain/risk/library";
import { PRESETS, type RiskMatrix, score } from "../../src/domain/risk/matrix";
import { OfficeWorkbook } from "../../src/hosts/office/office-workbook";
import { XlsxWorkbook } from "../../src/hosts/xlsx/xlsx-workbook";
import { readPlanWorkbook } from "../../src/workbook/read";
import { describeWorkbook } from "../../src/workbook/write";
import { loadSeed000, sampleModel } from "../../tools/build-sample";
import { FakeExcel } from "../support/fake-excel";
import { trips } from "../support/budget";

const fixtures = join(__dirname, "..", "fixtures");
const seed003Items = (JSON.parse(readFileSync(join(fixtures, "seed-003", "plan-table.json"), "utf8")) as { items: PlanItem[] }).items;
const sample = sampleModel(loadSeed000());
const REGISTER = "ทะเบียนความเสี่ยง";

describe("the library", () => {
  it("holds 15–25 typical risks over the six areas of the issue, each complete and citing its seed lines", () => {
    expect(RISK_LIBRARY.length).toBeGreaterThanOrEqual(15);
    expect(RISK_LIBRARY.length).toBeLessThanOrEqual(25);
    expect(new Set(RISK_LIBRARY.map((r) => r.id)).size).toBe(RISK_LIBRARY.length);
    for (const area of ["personnel", "procurement", "works", "permits", "services", "property", "budget"] as const) {
      expect(RISK_LIBRARY.filter((r) => r.area === area).length).toBeGreaterThanOrEqual(2);
    }
    const categories = new Set(RISK_CATEGORIES.entries.map((e) => e.key));
    for (const r of RISK_LIBRARY) {
      expect(LIBRARY_AREAS[r.area]).toBeDefined();
      expect(categories.has(r.category)).toBe(true);
      expect([r.process.th, r.process.en, r.event.th, r.event.en, r.existingControls, r.cause.th].every((t) => t.trim() !== "")).toBe(true);
      expect(score(PRESETS["5x5"] as RiskMatrix, r.likelihood, r.impact)).toBeDefined();
      expect(r.planItems.length).toBeGreaterThan(0);
      expect(r.source).toMatch(/seed 00[03] .*L\d+/);
    }
  });

  it("covers seed 003's published table: its processes, issues and level words on the default 5 × 5", () => {
    const m = PRESETS["5x5"] as RiskMatrix;
    const fromSeed = RISK_LIBRARY.filter((r) => r.source.startsWith("seed 003"));
    const seen = fromSeed.map((r) => [r.process.th, score(m, r.likelihood, r.impact)?.level.name.th]);
    // L62: three issues, ปานกลาง · L63: two issues, "สูง ปานกลาง" · L64: one issue, ปานกลาง
    expect(seen).toEqual([
      ["การบริหารงานของหน่วยงาน และการปฏิบัติงานของบุคลากร", "ปานกลาง"],
      ["การบริหารงานของหน่วยงาน และการปฏิบัติงานของบุคลากร", "ปานกลาง"],
      ["การบริหารงานของหน่วยงาน และการปฏิบัติงานของบุคลากร", "ปานกลาง"],
      ["การบริหารการเงิน งบประมาณ การจัดซื้อจัดจ้าง การบริหารพัสดุ", "สูง"],
      ["การบริหารการเงิน งบประมาณ การจัดซื้อจัดจ้าง การบริหารพัสดุ", "ปานกลาง"],
      ["การให้บริการสาธารณะ/บริการประชาชน", "ปานกลาง"],
    ]);
    expect(fromSeed[0]?.event.th).toBe("บุคลากรของหน่วยงานยังขาดความรู้ ความเข้าใจ ในด้านกฎหมาย หนังสือสั่งการ และระเบียบที่เกี่ยวข้อง");
  });

  it("names typical mitigating items that the seed plans carry (seed 000 or seed 003)", () => {
    const names = [...new Set(RISK_LIBRARY.flatMap((r) => r.planItems))];
    const unmatched = names.filter((n) => !itemNamed(n, sample.items) && !itemNamed(n, seed003Items));
    expect(unmatched).toEqual([]);
  });

  it("numbers new risks after the register's own", () => {
    expect(nextRiskIds(["R-01", "R-02", "R-03"], 2)).toEqual(["R-04", "R-05"]);
    expect(nextRiskIds([], 1)).toEqual(["R-01"]);
    expect(nextRiskIds(["R-009", "x"], 1)).toEqual(["R-010"]);
  });
});

interface Host {
  name: string;
  make(): Promise<{ port: WorkbookPort; syncs(): number; expected?: number }>;
}
const hosts: Host[] = [
  {
    name: "xlsx (exceljs)",
    async make() {
      const book = XlsxWorkbook.empty();
      await book.writeSheets(describeWorkbook(sample, { createdAt: new Date(0) }), "refuse");
      return { port: book, syncs: () => 0 };
    },
  },
  {
    name: "office (Excel.run fake)",
    async make() {
      const excel = new FakeExcel();
      const port = new OfficeWorkbook(excel.run, excel.supports);
      await port.writeSheets(describeWorkbook(sample, { createdAt: new Date(0) }), "refuse");
      return { port, syncs: () => excel.syncCount, expected: trips(excel).read + trips(excel).append };
    },
  },
];

describe.each(hosts)("adding from the library: $name", (host) => {
  it("appends below the register's rows, links the plan's items by code, keeps every row users typed", async () => {
    const { port, syncs, expected } = await host.make();
    const before = await port.readGrids();
    const s0 = syncs();
    const added = await addRisksFromLibrary(port, ["proc-spec-bias", "permit-bribe", "service-queue"]);
    if (expected !== undefined) expect(syncs() - s0).toBe(expected); // read, then write the rows (and events back on)
    expect(added.firstRow).toBe(5);
    expect(added.risks.map((r) => r.id)).toEqual(["R-04", "R-05", "R-06"]);

    const read = readPlanWorkbook(await port.readGrids());
    expect(read.findings).toEqual([]);
    expect(read.workbook.risks).toHaveLength(6);
    const [a, b, c] = read.workbook.risks.slice(3);
    expect(a).toMatchObject({ id: "R-04", process: "การจัดซื้อจัดจ้าง: การกำหนดคุณลักษณะเฉพาะและราคากลาง", category: "budget", likelihood: 3, impact: 4, at: { sheet: REGISTER, row: 5 } });
    // seed 000 has 2.1.1 โครงการเสริมสร้างความโปร่งใสในการบริหารงบประมาณ and 2.1.3 มาตรการเปิดเผยข้อมูลสาธารณะ…, not the procurement review
    expect(a?.mitigations).toEqual(["กิจกรรมวิเคราะห์ผลการจัดซื้อจัดจ้างประจำปี", "2.1.1", "2.1.3"]);
    expect(b?.mitigations).toEqual(["2.3.1", "2.3.3", "มาตรการ No Gift Policy"]);
    expect(c?.category).toBe("authority");
    // the rows users typed are as they were
    const after = await port.readGrids();
    const cells = (g: typeof before, rows: number) => g.sheets.find((s) => s.name === REGISTER)?.rows.slice(0, rows);
    expect(cells(after, 4)).toEqual(cells(before, 4));
    // and the rules see the new rows: no control rating yet (R5, for the user to assess), and each typical
    // item this plan does not have is a free-text control that names no item (R7: add it to the plan or link another)
    const findings = checkRead(read).findings.filter((f) => f.location.sheet === REGISTER && /^[A-Z]+[5-7]$/.test(f.location.cell ?? ""));
    const freeText = read.workbook.risks.slice(3).flatMap((r) => r.mitigations.filter((x) => !/^\d/.test(x)));
    expect(freeText).toHaveLength(5);
    expect(findings.filter((f) => f.rule === "R5")).toHaveLength(3);
    expect(findings.filter((f) => f.rule === "R7").map((f) => f.found)).toEqual(freeText);
    expect(findings.filter((f) => !["R5", "R7"].includes(f.rule))).toEqual([]);
  });

  it("writes the register's formulas into the new rows", async () => {
    const { port } = await host.make();
    await addRisksFromLibrary(port, RISK_LIBRARY.map((r) => r.id));
    const grids = await port.readGrids();
    const read = readPlanWorkbook(grids);
    expect(read.workbook.risks).toHaveLength(3 + RISK_LIBRARY.length);
    expect(read.workbook.risks.at(-1)?.at?.row).toBe(4 + RISK_LIBRARY.length);
    if (port instanceof XlsxWorkbook) {
      const ws = port.book.getWorksheet(REGISTER);
      const row = 4 + RISK_LIBRARY.length;
      expect(ws?.getCell(`H${row}`).value).toMatchObject({ formula: expect.stringContaining(`F${row}*G${row}`) });
      expect(ws?.getCell(`Q${row}`).value).toMatchObject({ formula: expect.stringContaining("SUJARIT_RISK_GRID") });
    }
  });

  it("refuses ids that are not in the library, writing nothing", async () => {
    const { port } = await host.make();
    await expect(addRisksFromLibrary(port, ["no-such-risk"])).rejects.toBeInstanceOf(UnknownLibraryRiskError);
    expect(readPlanWorkbook(await port.readGrids()).workbook.risks).toHaveLength(3);
  });
});

it("in Excel, a row holding only a typed value in an extra column is not written over", async () => {
  const excel = new FakeExcel();
  const port = new OfficeWorkbook(excel.run, excel.supports);
  await port.writeSheets(describeWorkbook(sample, { createdAt: new Date(0) }), "refuse");
  excel.setCell(REGISTER, "Z7", { value: "บันทึกของผู้ใช้" });
  const added = await addRisksFromLibrary(port, ["service-fees"]);
  expect(added.firstRow).toBe(8);
  expect(excel.sheet(REGISTER)?.cells.get("Z7")?.value).toBe("บันทึกของผู้ใช้");
});
