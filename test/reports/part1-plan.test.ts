/**
 * ส่วนที่1 แผน: the plan table of seed 001 (เทศบาลตำบลก้อ, 2561–2564, L83–170) and seed 000 (อบต.นาสะเม็ง,
 * 2566–2570, L283–339) regenerated from the plan — one item per row, recomputed รวม rows, landscape print.
 */
import { type PlanItem, type PlanWorkbook, yearBudgets } from "../../src/domain/plan";
import { fiscalYear, type DimensionNo, type NodeCode, type PlanCode } from "../../src/domain/units";
import { importLegacyTable } from "../../src/workbook/legacy";
import { XlsxWorkbook } from "../../src/hosts/xlsx/xlsx-workbook";
import type { CellInput, FormulaInput, SheetSpec } from "../../src/workbook/grid";
import { isFormula } from "../../src/workbook/grid";
import { parseArea } from "../../src/workbook/a1";
import { reportContext } from "../../src/workbook/reports/context";
import { itemTitle, orderedItems, part1Sheet, planGroups } from "../../src/workbook/reports/part1-plan";
import { loadSeed000, sampleModel } from "../../tools/build-sample";
import { seed001Plan, seed001Workbook } from "../support/seed001";

const NOW = new Date("2026-11-23T03:00:00Z");
const seed001 = seed001Workbook();
const sample = sampleModel(loadSeed000());
const ctxOf = (model: PlanWorkbook, fy = 2564, draft?: number) =>
  reportContext(model, { fy: fiscalYear(fy), round: 12 }, { now: NOW, ...(draft ? { draft: { errors: draft } } : {}) });

const cell = (s: SheetSpec, row: number, col: number): CellInput => s.rows[row - 1]?.[col - 1] ?? null;
const text = (s: SheetSpec, row: number, col: number): string => {
  const v = cell(s, row, col);
  return typeof v === "string" ? v : "";
};
const rowsWhere = (s: SheetSpec, col: number, test: (t: string) => boolean): number[] =>
  s.rows.flatMap((_, i) => (test(text(s, i + 1, col)) ? [i + 1] : []));
const formula = (s: SheetSpec, row: number, col: number): FormulaInput => {
  const v = cell(s, row, col);
  if (!isFormula(v)) throw new Error(`no formula at row ${row} col ${col}: ${JSON.stringify(v)}`);
  return v;
};
const styleAt = (s: SheetSpec, row: number, col: number) =>
  (s.areaStyles ?? []).filter((a) => {
    const area = parseArea(a.range.includes(":") ? a.range : `${a.range}:${a.range}`);
    return area !== undefined && row >= area.top && row <= area.bottom && col >= area.left && col <= area.right;
  }).reduce((acc, a) => ({ ...acc, ...a.style }), {} as Record<string, unknown>);

// seed 001's table: มิติ · ภารกิจ · 4 name columns (โครงการ กิจกรรม มาตรการ ไม่ระบุประเภท) · 4 years · หมายเหตุ · ประเภท
const S1 = { name: 3, kinds: 4, firstYear: 7, note: 11, kind: 12 };

describe("seed 001 (เทศบาลตำบลก้อ, plan 2561–2564)", () => {
  const ctx = ctxOf(seed001);
  const s = part1Sheet(ctx);

  it("titles the table as seed 001 L83–84 does, from the settings", () => {
    expect(text(s, 2, 1)).toBe("รายละเอียดแผนปฏิบัติการป้องกันการทุจริต ๔ ปี");
    expect(text(s, 3, 1)).toBe("(พ.ศ. ๒๕๖๑ - ๒๕๖๔) ของเทศบาลตำบลก้อ อำเภอลี้ จังหวัดลำพูน");
  });

  it("has the seeds' header: มิติ / ภารกิจตามมิติ / โครงการ/กิจกรรม/มาตรการ / ปี … งบประมาณ (บาท) / หมายเหตุ", () => {
    expect([text(s, 5, 1), text(s, 5, 2), text(s, 5, S1.name)]).toEqual(["มิติ", "ภารกิจตามมิติ", "โครงการ/กิจกรรม/มาตรการ"]);
    expect([7, 8, 9, 10].map((c) => text(s, 5, c))).toEqual(["ปี ๒๕๖๑", "ปี ๒๕๖๒", "ปี ๒๕๖๓", "ปี ๒๕๖๔"]);
    expect(text(s, 6, 7).replace("\n", " ")).toBe("งบประมาณ (บาท)");
    expect(text(s, 5, S1.note)).toBe("หมายเหตุ");
    expect(s.merges).toEqual(expect.arrayContaining(["A5:A6", "B5:B6", "C5:F6", "K5:K6"]));
  });

  it("prints one item per row, every plan item once, numbered as the plan numbers it", () => {
    const itemRows = rowsWhere(s, S1.kind, (t) => t !== "" && !t.startsWith("ประเภท"));
    expect(itemRows).toHaveLength(80);
    const names = itemRows.map((r) => text(s, r, S1.name));
    expect(names.every((n) => !n.includes("\n"))).toBe(true);
    expect(names).toEqual(orderedItems(ctx).map((it) => itemTitle(ctx, it)));
    // the packed cell of seed 001 L110 is nine rows here, each with its code as the seed prints it
    expect(names).toContain("๒.๒.๑ (๑) มาตรการการสร้างความโปร่งใสในการบริหารงานบุคคล");
    expect(names).toContain("๒.๒.๑ (๒) มาตรการออกคำสั่งมอบหมายของนายกเทศมนตรีตำบลก้อ ปลัดเทศบาลตำบลก้อ และหัวหน้าส่วนราชการ");
    expect(names.filter((n) => n.startsWith("๒.๕.๒ (๑) "))).toHaveLength(2); // printed twice in the seed (P7): both kept
  });

  it("recomputes the รวม rows: COUNTIF per kind and SUM per year over the dimension's own rows", () => {
    const totals = rowsWhere(s, 1, (t) => t.startsWith("มิติที่"));
    expect(totals.map((r) => text(s, r, 1))).toEqual(["มิติที่ ๑", "มิติที่ ๒", "มิติที่ ๓", "มิติที่ ๔"]);
    totals.forEach((r, d) => {
      expect(text(s, r, 2)).toBe("รวม");
      const items = seed001Plan.items.filter((i) => i.dimension === d + 1);
      const count = (kind: string | null) => items.filter((i) => i.kind === kind).length;
      const counts = [0, 1, 2, 3].map((k) => formula(s, r, S1.name + k));
      expect(counts.map((f) => f.result)).toEqual([count("project"), count("activity"), count("measure"), count(null)]);
      expect(counts[0]?.formula).toMatch(/^COUNTIF\(\$L\$\d+:\$L\$\d+,"โครงการ"\)$/);
      [2561, 2562, 2563, 2564].forEach((y, k) => {
        const f = formula(s, r, S1.firstYear + k);
        expect(f.formula).toMatch(/^SUM\([A-Z]+\d+:[A-Z]+\d+\)$/);
        expect(f.result).toBe(items.reduce((x, i) => x + (i.budgets[String(y)] ?? 0), 0));
      });
    });
    // seed 001's stated counts are all wrong (B7): "๔ มาตรการ ๒ กิจกรรม ๑๒ โครงการ" for dimension 1 (L105)
    expect(formula(s, totals[0] as number, S1.name).result).toBe(11);
    expect(formula(s, totals[0] as number, S1.name).result).not.toBe(12);
  });

  it("ends with รวมทั้งสิ้น, the SUM of the dimensions' รวม rows", () => {
    const totals = rowsWhere(s, 1, (t) => t.startsWith("มิติที่"));
    const [grand] = rowsWhere(s, 1, (t) => t === "รวมทั้งสิ้น");
    expect(grand).toBe(s.rows.length);
    const f = formula(s, grand as number, S1.firstYear);
    expect(f.formula).toBe(`SUM(${totals.map((r) => `G${r}`).join(",")})`);
    expect(f.result).toBe(seed001.items.reduce((x, it) => x + (it.budgets[fiscalYear(2561)] ?? 0), 0));
    expect(formula(s, grand as number, S1.name).result).toBe(23);
    expect(formula(s, grand as number, S1.name + 3).result).toBe(3); // three items without a kind word
  });

  it("merges each dimension and mission cell down its rows on every page, and repeats them after a break", () => {
    const breaks = s.print?.pageBreaks ?? [];
    expect(breaks.length).toBeGreaterThan(0);
    const mergesAt = (col: string) => (s.merges ?? []).filter((m) => m.startsWith(col) && /^[A-Z]+\d+:[A-Z]+\d+$/.test(m)).map((m) => parseArea(m));
    for (const br of breaks) {
      // a page starts with an item row or a รวม row, never in the middle of a merged label
      const spanning = [...mergesAt("A"), ...mergesAt("B")].filter((a) => a && a.top < br && a.bottom >= br);
      expect(spanning).toEqual([]);
      if (text(s, br, S1.kind) !== "") expect(text(s, br, 1)).not.toBe(""); // the label starts again
    }
    // every item row is inside a dimension and a mission label
    const itemRows = rowsWhere(s, S1.kind, (t) => t !== "" && !t.startsWith("ประเภท"));
    for (const r of itemRows) {
      for (const col of ["A", "B"]) {
        const inLabel = mergesAt(col).some((a) => a && a.top <= r && a.bottom >= r) || text(s, r, col === "A" ? 1 : 2) !== "";
        expect(inLabel).toBe(true);
      }
    }
    expect(text(s, 7, 1)).toBe("๑. การสร้างสังคมที่ไม่ทนต่อการทุจริต");
    expect(text(s, 7, 2)).toMatch(/^๑\.๑ การสร้างจิตสำนึกและความตระหนักแก่บุคลากร/);
  });

  it("prints landscape A4, one page wide, the header on every page, the kind column left out", () => {
    expect(s.print).toMatchObject({ orientation: "landscape", paper: "A4", fitToWidth: true, printTitleRows: "5:6" });
    expect(s.print?.printArea).toBe(`A2:K${s.rows.length}`);
    expect(s.print?.pageBreaks?.every((r) => r > 6)).toBe(true);
  });

  it("shows amounts as numbers in Thai digits with zero as '-', and counts with their kind word", () => {
    const first = rowsWhere(s, S1.kind, (t) => t === "โครงการ")[0] as number;
    expect(cell(s, first, S1.firstYear)).toBe(20000);
    expect(styleAt(s, first, S1.firstYear).numFmt).toBe('[$-D00041E]#,##0.00;-[$-D00041E]#,##0.00;"-"');
    const total = rowsWhere(s, 1, (t) => t === "มิติที่ ๑")[0] as number;
    expect(styleAt(s, total, S1.name).numFmt).toBe('[$-D00041E]0" โครงการ";;""');
    const rowHeights = new Map((s.rowHeights ?? []).map((h) => [h.row, h.height]));
    expect([...rowHeights.values()].every((h) => h > 0 && h <= 409)).toBe(true);
  });

  it("says it is a draft when the checks found errors, and prints that line", () => {
    const d = part1Sheet(ctxOf(seed001, 2564, 3));
    expect(text(d, 1, 1)).toMatch(/^ฉบับร่าง/);
    expect(d.print?.printArea).toMatch(/^A1:/);
    expect(d.print?.footer).toMatch(/ฉบับร่าง/);
  });

  it("reads back with the importer as the same plan, its รวม rows agreeing with its items (no B6)", async () => {
    const book = XlsxWorkbook.empty();
    await book.writeSheets({ sheets: [s], names: [] }, "refuse");
    const imported = importLegacyTable(await book.readGrids());
    expect(imported).toBeDefined();
    expect(imported?.items.map((it) => it.name)).toEqual(orderedItems(ctx).map((it) => it.name.trim()));
    expect(imported?.items.map((it) => it.code)).toEqual(orderedItems(ctx).map((it) => it.code));
    expect(imported?.items.map((it) => it.budgets)).toEqual(orderedItems(ctx).map((it) => it.budgets));
    expect(imported?.findings.filter((f) => f.rule === "B6" || f.rule === "B7")).toEqual([]);
    expect(imported?.totals.filter((t) => t.scope === "all")).toHaveLength(1);
  });
});

describe("seed 000 (อบต.นาสะเม็ง, plan 2566–2570)", () => {
  const ctx = ctxOf(sample, 2567);
  const s = part1Sheet(ctx);
  // three kinds only: มิติ · ภารกิจ · 3 name columns · 5 years · หมายเหตุ · ประเภท
  const S0 = { name: 3, firstYear: 6, note: 11, kind: 12 };

  it("numbers items by their code as seed 000 prints them (L287–289)", () => {
    const itemRows = rowsWhere(s, S0.kind, (t) => t !== "" && !t.startsWith("ประเภท"));
    expect(itemRows).toHaveLength(39);
    expect(text(s, itemRows[2] as number, S0.name)).toBe("๑.๑.๓ โครงการป้องกันผลประโยชน์ทับซ้อน");
    expect([0, 1, 2, 3, 4].map((k) => cell(s, itemRows[2] as number, S0.firstYear + k))).toEqual([20000, 20000, 20000, 20000, 20000]);
    expect(text(s, itemRows[0] as number, S0.note)).toBe("ไม่ใช้งบประมาณ");
  });

  it("counts dimension 1 as seed 000 L298 states it (8 projects, 2 activities, 1 measure) and adds the sums the seed leaves out", () => {
    const [total] = rowsWhere(s, 1, (t) => t === "มิติที่ ๑");
    expect([0, 1, 2].map((k) => formula(s, total as number, S0.name + k).result)).toEqual([8, 2, 1]);
    expect(formula(s, total as number, S0.firstYear).result).toBe(20000);
    const [grand] = rowsWhere(s, 1, (t) => t === "รวมทั้งสิ้น");
    expect([0, 1, 2, 3, 4].map((k) => formula(s, grand as number, S0.firstYear + k).result)).toEqual([20000, 20000, 20000, 20000, 20000]);
  });

  it("writes Arabic digits in text and number formats when the setting says so", () => {
    const arabic = { ...sample, settings: { ...sample.settings, digits: "arabic" as const } };
    const a = part1Sheet(ctxOf(arabic, 2567));
    expect(text(a, 2, 1)).toBe("รายละเอียดแผนปฏิบัติการป้องกันการทุจริต 5 ปี");
    expect(text(a, 5, 6)).toBe("ปี 2566");
    const first = rowsWhere(a, S0.kind, (t) => t === "โครงการ")[0] as number;
    expect(text(a, first, S0.name)).toMatch(/^1\.1\.1 โครงการ/);
    expect(styleAt(a, first, S0.firstYear).numFmt).toBe('#,##0.00;-#,##0.00;"-"');
    expect(JSON.stringify(a.rows)).not.toMatch(/[๐-๙]/);
  });
});

describe("plans the documents never show", () => {
  const item = (over: Partial<PlanItem>): PlanItem => ({
    code: undefined, dimension: undefined, mission: undefined, subMission: undefined, kind: undefined, name: "", budgets: {},
    note: "", owner: "", indicator: "", target: "", targetGroups: [], quarters: [], itaIndicator: "", ...over,
  });

  it("an empty plan: all four dimensions, each saying it has nothing, and zero totals", () => {
    const s = part1Sheet(ctxOf({ ...sample, items: [], details: [], progress: [] }, 2567));
    expect(rowsWhere(s, 3, (t) => t === "ไม่มีโครงการ/กิจกรรม/มาตรการในมิตินี้")).toHaveLength(4);
    const [grand] = rowsWhere(s, 1, (t) => t === "รวมทั้งสิ้น");
    expect(formula(s, grand as number, 6).result).toBe(0);
  });

  it("items without code, dimension, mission or name, an unknown mission, a guideline, a very long name", () => {
    const long = "โครงการ" + "ยาวมาก".repeat(400);
    const model: PlanWorkbook = {
      ...sample,
      items: [
        item({ name: "ไม่มีอะไรเลย" }),
        item({ dimension: 2 as DimensionNo, mission: "2.9" as NodeCode, kind: "project", name: "โครงการภารกิจที่ไม่มีในกรอบ", budgets: yearBudgets({ 2567: 5000 }) }),
        item({ code: "1.1.1" as PlanCode, dimension: 1 as DimensionNo, mission: "1.1" as NodeCode, kind: "guideline", name: "แนวปฏิบัติงานหนึ่ง" }),
        item({ code: "1.1.2" as PlanCode, dimension: 1 as DimensionNo, kind: "project", name: long, note: "หมายเหตุ".repeat(200) }),
      ],
    };
    const ctx = ctxOf(model, 2567);
    const s = part1Sheet(ctx);
    const flat = JSON.stringify(s.rows);
    expect(flat).toContain("ไม่ระบุมิติ");
    expect(flat).toContain("๒.๙ (ไม่พบชื่อภารกิจนี้ในกรอบภารกิจของแผน)");
    expect(flat).toContain("แนวปฏิบัติงานหนึ่ง");
    expect(planGroups(ctx).map((g) => g.label)).toEqual([
      "๑. การสร้างวัฒนธรรมสุจริต", "๒. การบริหารราชการด้วยความโปร่งใส", "๓. การส่งเสริมบทบาทและการมีส่วนร่วมของภาคประชาชน",
      "๔. การยกระดับกลไกการตรวจสอบการดำเนินงานขององค์กรปกครองส่วนท้องถิ่น", "ไม่ระบุมิติ",
    ]);
    // the guideline and the unknown kind get their own count columns: โครงการ กิจกรรม มาตรการ แนวปฏิบัติงาน ไม่ระบุประเภท
    const [d1] = rowsWhere(s, 1, (t) => t === "มิติที่ ๑");
    expect([3, 4, 5, 6, 7].map((c) => formula(s, d1 as number, c).formula.replace(/^.*,"(.*)"\)$/, "$1"))).toEqual(["โครงการ", "กิจกรรม", "มาตรการ", "แนวปฏิบัติงาน", "ไม่ระบุประเภท"]);
    expect(Math.max(...(s.rowHeights ?? []).map((h) => h.height))).toBe(409);
    const [grand] = rowsWhere(s, 1, (t) => t === "รวมทั้งสิ้น");
    expect(s.rows[(grand as number) - 1]?.filter((v) => isFormula(v)).map((v) => (v as FormulaInput).result)).toEqual([2, 0, 0, 1, 1, 0, 5000, 0, 0, 0]);
  });
});
