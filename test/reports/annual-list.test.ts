/**
 * แผนรายปี e-PlanNACC: the list e-PlanNACC prints for a fiscal year (seed 003 L3256–3336), made from the plan,
 * and read back by the annual-list reader (`sujarit annual-list`), which must find it equal to the plan.
 */
import { compareAnnualList, planFromGrids } from "../../src/app/annual-list";
import type { PlanItem, PlanWorkbook, Quarter } from "../../src/domain/plan";
import { fiscalYear } from "../../src/domain/units";
import { XlsxWorkbook } from "../../src/hosts/xlsx/xlsx-workbook";
import { readAnnualLists } from "../../src/workbook/annual-list";
import type { CellInput, FormulaInput, SheetSpec } from "../../src/workbook/grid";
import { isFormula } from "../../src/workbook/grid";
import { annualItems, annualListSheet, TICK } from "../../src/workbook/reports/annual-list";
import { reportContext } from "../../src/workbook/reports/context";
import { REPORT_SHEETS } from "../../src/workbook/reports/names";
import { loadSeed000, sampleModel } from "../../tools/build-sample";
import { generatedCase, REPORT_CASES, REPORT_NOW } from "../support/reports";
import { seed001Workbook } from "../support/seed001";

const seed001 = seed001Workbook();
const sample = sampleModel(loadSeed000());
const ctxOf = (model: PlanWorkbook, fy: number, draft?: number) =>
  reportContext(model, { fy: fiscalYear(fy), round: 12 }, { now: REPORT_NOW, ...(draft ? { draft: { errors: draft } } : {}) });

const cell = (s: SheetSpec, row: number, col: number): CellInput => s.rows[row - 1]?.[col - 1] ?? null;
const text = (s: SheetSpec, row: number, col: number): string => {
  const v = cell(s, row, col);
  return typeof v === "string" ? v : "";
};
const formula = (s: SheetSpec, row: number, col: number): FormulaInput => {
  const v = cell(s, row, col);
  if (!isFormula(v)) throw new Error(`no formula at row ${row} col ${col}`);
  return v;
};
const rowOf = (s: SheetSpec, col: number, test: (t: string) => boolean): number => s.rows.findIndex((_, i) => test(text(s, i + 1, col))) + 1;

describe("seed 001 for FY2564", () => {
  const ctx = ctxOf(seed001, 2564);
  const s = annualListSheet(ctx);

  it("titles and heads the list as e-PlanNACC does (seed 003 L3256–3259)", () => {
    expect(text(s, 2, 1)).toBe("แผนปฏิบัติการป้องกันการทุจริต พ.ศ. ๒๕๖๔ ของ เทศบาลตำบลก้อ");
    expect([1, 2, 3, 4, 5, 9].map((c) => text(s, 4, c))).toEqual(["ลำดับ", "รายการโครงการ (ตั้งต้น)", "มิติ", "งบประมาณ (บาท)", "ดำเนินการไตรมาส", "หมายเหตุ"]);
    expect([5, 6, 7, 8].map((c) => cell(s, 5, c))).toEqual([1, 2, 3, 4]);
    expect(s.merges).toEqual(expect.arrayContaining(["E4:H4", "A4:A5", "B4:B5"]));
  });

  it("lists every item active in the year, once, in plan order, with the plan's budget for the year", () => {
    const items = annualItems(ctx);
    expect(items).toHaveLength(80);
    items.forEach((it, i) => {
      const r = 6 + i;
      expect(cell(s, r, 1)).toBe(i + 1);
      expect(text(s, r, 2)).toBe(it.name.trim());
      expect(cell(s, r, 3)).toBe(it.dimension);
      expect(cell(s, r, 4)).toBe(it.budgets[fiscalYear(2564)]);
      expect([5, 6, 7, 8].map((c) => cell(s, r, c))).toEqual([TICK, TICK, TICK, TICK]);
    });
  });

  it("totals with live formulas: the budget's SUM equals the plan's 2564 column, ticks counted per quarter", () => {
    const total = rowOf(s, 1, (t) => t === "รวมทั้งสิ้น");
    expect(total).toBe(86);
    const planTotal = seed001.items.reduce((x, it) => x + (it.budgets[fiscalYear(2564)] ?? 0), 0);
    expect(formula(s, total, 4)).toEqual({ formula: "SUM(D6:D85)", result: planTotal });
    expect([5, 6, 7, 8].map((c) => formula(s, total, c))).toEqual(["E", "F", "G", "H"].map((l) => ({ formula: `COUNTIF(${l}6:${l}85,"${TICK}")`, result: 80 })));
  });

  it("ends with the date of the data, the reporter and the legend of the four มิติ (L3324–3336)", () => {
    const total = rowOf(s, 1, (t) => t === "รวมทั้งสิ้น");
    const under = s.rows.slice(total).map((r) => (typeof r[0] === "string" ? r[0] : "")).filter(Boolean);
    expect(under).toEqual([
      "** ข้อมูล ณ วันที่ ๒๓ พฤศจิกายน ๒๕๖๙",
      "ชื่อ - สกุล ผู้ออกรายงาน -",
      "คำอธิบาย",
      "มิติ ๑ การสร้างสังคมที่ไม่ทนต่อการทุจริต",
      "มิติ ๒ การบริหารราชการเพื่อป้องกันการทุจริต",
      "มิติ ๓ การส่งเสริมบทบาทและการมีส่วนร่วมของภาคประชาชน",
      "มิติ ๔ การเสริมสร้างและปรับปรุงกลไกในการตรวจสอบการปฏิบัติราชการขององค์กรปกครองส่วนท้องถิ่น",
    ]);
  });

  it("prints landscape, the title and header on every page, a break at every page end, the notes kept with the last rows", () => {
    expect(s.print).toMatchObject({ orientation: "landscape", paper: "A4", fitToWidth: true, printTitleRows: "2:5", printArea: `A2:I${s.rows.length}` });
    const breaks = s.print?.pageBreaks ?? [];
    expect(breaks.length).toBeGreaterThan(0);
    // pages evenly filled (issue 13): 80 rows, no page but the last with fewer than 12 item rows
    const starts = [6, ...breaks, 86];
    const perPage = starts.slice(1).map((b, i) => b - (starts[i] as number));
    expect(perPage.slice(0, -1).every((n) => n >= 12)).toBe(true);
    // the total (row 86) and the notes under it follow the last two item rows on their page, never alone
    expect(Math.max(...breaks)).toBeLessThanOrEqual(84);
  });

  it("shows Thai digits through the number formats, and Arabic ones when the setting says so", () => {
    const style = (sheet: SheetSpec, address: string) => (sheet.areaStyles ?? []).filter((a) => a.range === address).reduce((x, a) => ({ ...x, ...a.style }), {} as { numFmt?: string });
    expect(style(s, "D6").numFmt).toBe('[$-D00041E]#,##0.00;-[$-D00041E]#,##0.00;"-"');
    expect(style(s, "A6").numFmt).toBe("[$-D00041E]0");
    const arabic = annualListSheet(ctxOf({ ...seed001, settings: { ...seed001.settings, digits: "arabic" } }, 2564));
    expect(text(arabic, 2, 1)).toBe("แผนปฏิบัติการป้องกันการทุจริต พ.ศ. 2564 ของ เทศบาลตำบลก้อ");
    expect(style(arabic, "D6").numFmt).toBe('#,##0.00;-#,##0.00;"-"');
    // what Sujarit writes (item names keep the digits they were typed with: "พ.ศ. ๒๕๒๒")
    const total = rowOf(arabic, 1, (t) => t === "รวมทั้งสิ้น");
    expect(JSON.stringify([...arabic.rows.slice(0, 5), ...arabic.rows.slice(total - 1)])).not.toMatch(/[๐-๙]/);
  });
});

describe("the quarters an item is planned in (ไตรมาสที่ดำเนินการ)", () => {
  it("ticks those quarters only, and the total counts them", () => {
    const items: PlanItem[] = sample.items.map((it, i) => (i === 0 ? { ...it, quarters: [2, 4] as Quarter[] } : i === 1 ? { ...it, quarters: [] } : it));
    const s = annualListSheet(ctxOf({ ...sample, items }, 2567));
    expect([5, 6, 7, 8].map((c) => cell(s, 6, c))).toEqual([null, TICK, null, TICK]);
    expect([5, 6, 7, 8].map((c) => cell(s, 7, c))).toEqual([null, null, null, null]);
    const total = rowOf(s, 1, (t) => t === "รวมทั้งสิ้น");
    expect([5, 6, 7, 8].map((c) => formula(s, total, c).result)).toEqual([37, 38, 37, 38]);
  });

  it("an FY outside the plan gives an honest empty list, its totals zero", () => {
    const s = annualListSheet(ctxOf(sample, 2580));
    expect(text(s, 6, 1)).toBe("ไม่มีโครงการ/กิจกรรม/มาตรการในแผนสำหรับปีงบประมาณ พ.ศ. ๒๕๘๐");
    expect(formula(s, 7, 4).result).toBe(0);
  });
});

describe("the annual-list reader (sujarit annual-list) reads the generated sheet back as the plan", () => {
  it.each(REPORT_CASES.map((c) => [c.name, c] as const))("%s: no difference, no finding", async (_, c) => {
    const { book } = await generatedCase(c);
    const grids = await book.readGrids();
    const list = readAnnualLists(grids).find((l) => l.sheet === REPORT_SHEETS.annualList);
    expect(list).toBeDefined();
    if (!list) return;
    const comparison = compareAnnualList(list, planFromGrids(grids));
    expect(comparison.fiscalYear).toBe(c.fy);
    expect(comparison.comparedWithPlan).toBe(true);
    expect(comparison.findings).toEqual([]);
    expect(comparison.unmatched).toEqual([]);
    expect(comparison.missing).toEqual([]);
    const active = c.model.items.filter((it) => c.fy in it.budgets);
    expect(comparison.matches).toHaveLength(active.length);
    expect(comparison.matches.every((m) => m.how === "name" && m.row.budget === (m.item.budgets[fiscalYear(c.fy)] ?? 0))).toBe(true);
    expect(comparison.sums.statedBudget).toBe(comparison.sums.planBudget);
    expect(list.legend.map((l) => l.dimension)).toEqual([1, 2, 3, 4]);
    expect(list.reporter).toBe(c.model.settings.reporter || "-");
    expect(list.accounts.filter((a) => a.disposition === "unplaced")).toEqual([]);
  });

  it("and would catch seed 003's error: one budget changed in the list is a B11 against the plan", async () => {
    const c = REPORT_CASES[1] as (typeof REPORT_CASES)[number];
    const { book } = await generatedCase(c);
    const bytes = await book.toBytes();
    const edited = await XlsxWorkbook.open(bytes);
    const ws = edited.book.getWorksheet(REPORT_SHEETS.annualList);
    if (!ws) throw new Error("no annual list");
    ws.getCell("D7").value = 100; // seed 003 L3266: 100.00 typed where the plan has nothing
    const grids = await edited.readGrids();
    const list = readAnnualLists(grids).find((l) => l.sheet === REPORT_SHEETS.annualList);
    const rules = compareAnnualList(list as NonNullable<typeof list>, planFromGrids(grids)).findings.map((f) => `${f.rule} ${f.location.cell ?? ""}`);
    expect(rules).toContain("B11 D7");
  });
});
