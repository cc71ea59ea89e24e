/**
 * สรุป e-PlanNACC and สรุปภาพรวม: the per-item block in the order of e-PlanNACC's round report, the four
 * summaries and the implementation score as COUNTIFS/SUMIF over that block, and the overview over the same
 * block. Every formula is evaluated here by a small evaluator over the sheets themselves (the LibreOffice
 * oracle does it again with a real spreadsheet) and must equal both the value written with it and what
 * domain/progress/round.ts computes.
 */
import { toThaiDigits } from "../../src/domain/thai";
import { newPlan } from "../../src/app/template";
import type { ItemKind } from "../../src/domain/kinds";
import type { PlanItem, PlanWorkbook, ProgressEntry, Settings } from "../../src/domain/plan";
import { totalsOf } from "../../src/domain/progress/round";
import { baht, type Baht, type DimensionNo, fiscalYear, type PlanCode } from "../../src/domain/units";
import { columnNumber, parseArea } from "../../src/workbook/a1";
import type { CellInput, SheetSpec } from "../../src/workbook/grid";
import { isFormula } from "../../src/workbook/grid";
import { reportContext, type ReportContext } from "../../src/workbook/reports/context";
import { pageCount, pageStarts } from "../../src/workbook/reports/contents";
import { printScale } from "../../src/workbook/reports/paging";
import { dashboardSheet } from "../../src/workbook/reports/dashboard";
import { eplanSummary, STATUS_TEXT } from "../../src/workbook/reports/eplan-summary";
import { REPORT_SHEETS } from "../../src/workbook/reports/names";
import { loadSeed000, sampleModel } from "../../tools/build-sample";
import { REPORT_NOW } from "../support/reports";
import { seed001Workbook } from "../support/seed001";

/* ---------- a small evaluator of the formulas these sheets write ---------- */

type Value = number | string | Value[];

function evaluator(sheets: readonly SheetSpec[]) {
  const byName = new Map(sheets.map((s) => [s.name, s]));
  const cellValue = (sheet: SheetSpec, row: number, col: number): number | string => {
    const v = sheet.rows[row - 1]?.[col - 1];
    if (v === null || v === undefined) return "";
    if (isFormula(v)) return evaluate(sheet, v.formula) as number | string;
    if (typeof v === "number" || typeof v === "string") return v;
    return "";
  };
  function evaluate(sheet: SheetSpec, formula: string): Value {
    let i = 0;
    const peek = () => formula[i] ?? "";
    const skip = () => {
      while (peek() === " ") i++;
    };
    const expr = (): Value => {
      const left = additive();
      skip();
      const op = /^(<>|<=|>=|=|<|>)/.exec(formula.slice(i))?.[0];
      if (!op) return left;
      i += op.length;
      const right = additive();
      const [a, b] = [left as number | string, right as number | string];
      return { "=": a === b, "<>": a !== b, "<": a < b, ">": a > b, "<=": a <= b, ">=": a >= b }[op] ? 1 : 0;
    };
    const additive = (): Value => {
      let v = term();
      for (skip(); peek() === "+" || peek() === "-"; skip()) {
        const op = formula[i++];
        const r = term();
        v = op === "+" ? (v as number) + (r as number) : (v as number) - (r as number);
      }
      return v;
    };
    const term = (): Value => {
      let v = factor();
      for (skip(); peek() === "*" || peek() === "/"; skip()) {
        const op = formula[i++];
        const r = factor();
        v = op === "*" ? (v as number) * (r as number) : (v as number) / (r as number);
      }
      return v;
    };
    const factor = (): Value => {
      skip();
      if (peek() === "(") {
        i++;
        const v = expr();
        i++; // )
        return v;
      }
      if (peek() === "-") {
        i++;
        return -(factor() as number);
      }
      if (peek() === '"') {
        let s = "";
        i++;
        while (i < formula.length) {
          if (formula[i] === '"' && formula[i + 1] === '"') { s += '"'; i += 2; continue; }
          if (formula[i] === '"') { i++; break; }
          s += formula[i++];
        }
        return s;
      }
      const num = /^\d+(\.\d+)?/.exec(formula.slice(i));
      if (num) {
        i += num[0].length;
        return Number(num[0]);
      }
      const fn = /^([A-Z]+)\(/.exec(formula.slice(i));
      if (fn) {
        i += fn[0].length;
        const args: Value[] = [];
        for (skip(); peek() !== ")"; skip()) {
          args.push(expr());
          skip();
          if (peek() === ",") i++;
        }
        i++;
        return call(fn[1] as string, args);
      }
      const ref = /^(?:'((?:[^']|'')+)'!)?\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?/.exec(formula.slice(i));
      if (!ref) throw new Error(`cannot read ${formula.slice(i)} in ${formula}`);
      i += ref[0].length;
      const target = ref[1] ? byName.get(ref[1].replace(/''/g, "'")) : sheet;
      if (!target) throw new Error(`no sheet ${ref[1]}`);
      const [c1, r1] = [columnNumber(ref[2] as string), Number(ref[3])];
      if (!ref[4]) return cellValue(target, r1, c1);
      const [c2, r2] = [columnNumber(ref[4]), Number(ref[5])];
      const out: Value[] = [];
      for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) out.push(cellValue(target, r, c));
      return out;
    };
    const v = expr();
    if (i < formula.length) throw new Error(`left over: ${formula.slice(i)}`);
    return v;
  }
  const matches = (v: Value, crit: Value): boolean => {
    if (typeof crit === "number") return v === crit;
    const cmp = /^(>|<|>=|<=)(-?\d+(?:\.\d+)?)$/.exec(String(crit));
    if (cmp) return typeof v === "number" && ({ ">": v > Number(cmp[2]), "<": v < Number(cmp[2]), ">=": v >= Number(cmp[2]), "<=": v <= Number(cmp[2]) }[cmp[1] as string] as boolean);
    return typeof v === "string" && v.toLowerCase() === String(crit).toLowerCase();
  };
  function call(name: string, args: Value[]): Value {
    const arr = (v: Value) => (Array.isArray(v) ? v : [v]);
    switch (name) {
      case "SUM": return args.flatMap(arr).reduce<number>((s, v) => s + (typeof v === "number" ? v : 0), 0);
      case "COUNTIFS": {
        const ranges = args.filter((_, k) => k % 2 === 0).map(arr);
        const crits = args.filter((_, k) => k % 2 === 1);
        return (ranges[0] as Value[]).filter((_, k) => ranges.every((r, j) => matches(r[k] as Value, crits[j] as Value))).length;
      }
      case "SUMIF": {
        const [range, crit, sums] = [arr(args[0] as Value), args[1] as Value, arr(args[2] as Value)];
        return range.reduce<number>((s, v, k) => s + (matches(v, crit) && typeof sums[k] === "number" ? (sums[k] as number) : 0), 0);
      }
      case "IF": return args[0] ? (args[1] as Value) : (args[2] as Value);
      case "ROUND": return Math.round((args[0] as number) * 10 ** (args[1] as number)) / 10 ** (args[1] as number);
      case "HYPERLINK": return args[1] as Value;
      default: throw new Error(`no function ${name}`);
    }
  }
  return { evaluate };
}

/** Every formula of a sheet, evaluated: [address, value, result written]. */
function formulasOf(sheets: readonly SheetSpec[], name: string): { at: string; value: Value; result: unknown; formula: string }[] {
  const ev = evaluator(sheets);
  const spec = sheets.find((s) => s.name === name) as SheetSpec;
  const out: { at: string; value: Value; result: unknown; formula: string }[] = [];
  spec.rows.forEach((cells, r) => cells.forEach((v, c) => {
    if (v !== null && isFormula(v)) out.push({ at: `R${r + 1}C${c + 1}`, value: ev.evaluate(spec, v.formula), result: v.result, formula: v.formula });
  }));
  return out;
}

/* ---------- cases ---------- */

const seed001 = seed001Workbook();
const sample = sampleModel(loadSeed000());
const ctxOf = (model: PlanWorkbook, fy: number, round: 6 | 12, settings: Partial<Settings> = {}, draft?: number): ReportContext =>
  reportContext({ ...model, settings: { ...model.settings, ...settings } }, { fy: fiscalYear(fy), round }, { now: REPORT_NOW, ...(draft ? { draft: { errors: draft } } : {}) });
const sheetsOf = (ctx: ReportContext) => [eplanSummary(ctx).spec, dashboardSheet(ctx)];

const text = (v: CellInput | undefined): string => (v === null || v === undefined ? "" : isFormula(v) ? String(v.result ?? "") : String(v));
const rowOf = (spec: SheetSpec, test: (t: string) => boolean) => spec.rows.findIndex((r) => r.some((v) => test(text(v)))) + 1;
const styleAt = (spec: SheetSpec, row: number, col: number) =>
  Object.assign({}, ...(spec.areaStyles ?? []).filter((s) => {
    const a = parseArea(s.range);
    return a && a.top <= row && row <= a.bottom && a.left <= col && col <= a.right;
  }).map((s) => s.style)) as Record<string, unknown>;
/** The figures of a summary table: its rows under `heading`, label → the values written. */
function table(spec: SheetSpec, heading: string): Map<string, (string | number | undefined)[]> {
  const top = rowOf(spec, (t) => t.includes(heading));
  const out = new Map<string, (string | number | undefined)[]>();
  for (let r = top + 1; r < spec.rows.length; r++) {
    const cells = spec.rows[r] as CellInput[];
    const label = text(cells[0]);
    if (label === "") break;
    out.set(label, cells.slice(1).filter((v) => v !== null).map((v) => (isFormula(v) ? v.result : (v as string | number))));
  }
  return out;
}

const CASES = [
  { name: "seed 001, FY2564 round 12", ctx: () => ctxOf(seed001, 2564, 12, {}, 16) },
  { name: "the sample, FY2567 round 6", ctx: () => ctxOf(sample, 2567, 6) },
  { name: "the sample with Arabic digits", ctx: () => ctxOf(sample, 2567, 6, { digits: "arabic" }) },
];

describe.each(CASES)("$name", ({ ctx: make }) => {
  const ctx = make();
  const sheets = sheetsOf(ctx);
  const [eplan, dash] = sheets as [SheetSpec, SheetSpec];

  it("every formula of both sheets evaluates to the value written with it", () => {
    for (const name of [REPORT_SHEETS.eplan, REPORT_SHEETS.dashboard]) {
      const fs = formulasOf(sheets, name);
      expect(fs.length).toBeGreaterThan(30);
      const wrong = fs.filter((f) => (typeof f.result === "number" ? Math.abs((f.value as number) - f.result) > 1e-9 : f.value !== f.result));
      expect(wrong).toEqual([]);
    }
  });

  it("lists every item of the year once, in the order of e-PlanNACC's form", () => {
    const { block } = eplanSummary(ctx);
    // the headers as printed, their line breaks aside (a break before "(บาท)" stands for a space)
    const header = eplan.rows[block.firstRow - 2]?.map((c) => text(c).replace(/\n\(/g, " (").replace(/\n/g, ""));
    expect(header).toEqual(["ลำดับ", "รหัส", "มิติ", "ประเภท", "โครงการ/กิจกรรม/มาตรการ", "วงเงินตามแผนพัฒนาท้องถิ่น (บาท)",
      "วงเงินตามข้อบัญญัติ/เทศบัญญัติ (บาท)", "เบิกจ่ายจริง (บาท)", "บรรจุในข้อบัญญัติ", "สถานะ", "เหตุที่ดำเนินการไม่ได้", "หมายเหตุ"]);
    expect(block.lastRow - block.firstRow + 1).toBe(ctx.summary.items.length);
    ctx.summary.items.forEach((r, i) => {
      const cells = eplan.rows[block.firstRow - 1 + i] as CellInput[];
      expect(cells[0]).toBe(i + 1);
      expect(cells[5]).toBe(r.planned);
      expect(cells[6]).toBe(r.ordinance ?? 0);
      expect(cells[7]).toBe(r.disbursed);
      expect(cells[8]).toBe(r.inOrdinance ? "ใช่" : "ไม่");
      expect(cells[9]).toBe(STATUS_TEXT[r.status]);
    });
    // the block's header repeats on every page it runs over; it starts a page of its own
    expect(eplan.print?.printTitleRows).toBe(`${block.firstRow - 1}:${block.firstRow - 1}`);
    expect(pageStarts(eplan)).toContain(block.firstRow - 2);
    for (const col of [6, 7, 8]) expect(styleAt(eplan, block.firstRow, col).numFmt).toBe(ctx.formats.amount);
  });

  it("gives the four summaries and the score per dimension and in total, as the core computes them", () => {
    const items = ctx.summary.items;
    const t = ctx.summary.total;
    const dims = ctx.model.framework.filter((n) => n.level === "dimension").map((n) => Number(n.code) as DimensionNo);
    const per = (d: DimensionNo) => totalsOf(items.filter((r) => r.item.dimension === d));
    const one = table(eplan, "(" + ctx.num(1) + ")");
    const four = table(eplan, "(" + ctx.num(4) + ")");
    const three = table(eplan, "(" + ctx.num(3) + ")");
    for (const d of dims) {
      const label = `มิติที่ ${ctx.num(d)}`;
      expect(one.get(label)).toEqual([per(d).plannedItems, per(d).planned]);
      expect(three.get(label)).toEqual([per(d).planned, per(d).ordinance, per(d).disbursed]);
      const s = per(d).byStatus;
      expect(four.get(label)).toEqual([per(d).ordinanceItems, s.inProgress, s.done, s.notPossible, s.inProgress + s.done + s.notPossible, s.notStarted + s.notReported, per(d).implementationScore]);
    }
    const total = `รวม ${ctx.num(4)} มิติ`;
    expect(one.get(total)).toEqual([t.plannedItems, t.planned]);
    expect(four.get(total)?.[6]).toBe(t.implementationScore);
    expect((four.get(total)?.[4] as number) + (four.get(total)?.[5] as number)).toBe(items.length);
  });

  it("shows the overview's counts, budget and score from the same item rows", () => {
    const t = ctx.summary.total;
    const tiles = dash.rows.find((r) => r.some((v) => v !== null && isFormula(v) && v.result === t.implementationScore && /!|^[A-Z]+\d+$/.test(v.formula)));
    expect(tiles?.filter((v) => v !== null).map((v) => (isFormula(v as CellInput) ? (v as { result: unknown }).result : v))).toEqual([t.items, t.byStatus.done, t.disbursed, t.implementationScore]);
    const counts = table(dash, "และสถานะ ณ สิ้นรอบ");
    const total = counts.get(`รวม ${ctx.num(4)} มิติ`) as number[];
    const kinds = (k: ItemKind) => ctx.summary.items.filter((r) => r.item.kind === k).length;
    expect(total.slice(0, 3)).toEqual([kinds("project"), kinds("activity"), kinds("measure")]);
    expect(total.at(-1)).toBe(t.implementationScore);
    // the counts go over the e-PlanNACC sheet's item rows
    const f = formulasOf(sheets, REPORT_SHEETS.dashboard).find((x) => x.formula.startsWith("COUNTIFS"));
    expect(f?.formula).toContain(`'${REPORT_SHEETS.eplan}'!$C$`);
    const budget = table(dash, "งบประมาณและการเบิกจ่าย").get(`รวม ${ctx.num(4)} มิติ`);
    expect(budget?.slice(0, 3)).toEqual([t.planned, t.ordinance, t.disbursed]);
    expect(budget?.[3]).toBe(t.ordinance === 0 ? "-" : Math.round((t.disbursed / t.ordinance) * 10000) / 100);
  });

  it("prints landscape on A4, one page wide, the overview on two pages with no table cut", () => {
    for (const spec of [eplan, dash]) expect(spec.print).toMatchObject({ orientation: "landscape", paper: "A4", fitToWidth: true });
    // the item block's name, status and remark wide enough for one or two lines each (issue 13): about 71 %
    expect(printScale("landscape", eplan.columns.map((c) => c.width))).toBeGreaterThanOrEqual(0.7);
    expect(pageCount(dash)).toBe(2);
    const budgetTop = rowOf(dash, (x) => x === "งบประมาณและการเบิกจ่าย");
    expect(dash.print?.pageBreaks).toEqual([budgetTop]);
    for (const spec of [eplan, dash]) for (const h of spec.rowHeights ?? []) expect(h.height).toBeLessThanOrEqual(409);
    const fmt = ctx.digits === "thai" ? "[$-D00041E]" : "";
    const counted = styleAt(dash, rowOf(dash, (x) => x === `มิติที่ ${ctx.num(1)}`), 2).numFmt as string;
    expect(counted.startsWith(fmt) && (ctx.digits === "thai" || !counted.includes("[$-D0"))).toBe(true);
  });
});

describe("seed 001's own figures", () => {
  const ctx = ctxOf(seed001, 2564, 12, {}, 16);
  const { spec } = eplanSummary(ctx);

  it("65 of 80 done and 15 never reported: a score of 81.25 (seed 001 dropped the 15, M10)", () => {
    const four = table(spec, "(๔)");
    expect(four.get("รวม ๔ มิติ")).toEqual([3, 0, 65, 0, 65, 15, 81.25]);
  });

  it("says which monthly rows have a code the plan lacks (M1, 4.3.2(2)), not counted", () => {
    const note = spec.rows.flat().map(text).find((t) => t.startsWith("หมายเหตุ: ผลการดำเนินงานรายเดือน"));
    expect(note).toBe("หมายเหตุ: ผลการดำเนินงานรายเดือน ๑ รายการ มีรหัสที่ไม่มีในแผนปฏิบัติการ (4.3.2(2)) จึงไม่ได้นับในสรุปนี้");
  });

  it("writes the plan's ไม่ใช่งบประมาณ (L90) as ไม่ใช้งบประมาณ", () => {
    const remarks = spec.rows.map((r) => text(r[11]));
    expect(remarks).toContain("ไม่ใช้งบประมาณ");
    expect(remarks.some((t) => t.includes("ไม่ใช่งบประมาณ"))).toBe(false);
  });
});

describe("the sample's statuses", () => {
  const ctx = ctxOf(sample, 2567, 6);
  const { spec, block } = eplanSummary(ctx);
  // codes print in the report's digits, as on every other sheet (issue 13: ๑.๑.๓ on one sheet, 1.1.3 on this one)
  const rowOfCode = (code: string) => spec.rows.slice(block.firstRow - 1).find((r) => r[1] === toThaiDigits(code)) as CellInput[];

  it("gives the reason an item could not be done, and the progress of one under way", () => {
    expect(rowOfCode("4.1.2").slice(8, 11)).toEqual(["ไม่", "ไม่สามารถดำเนินการได้", "บุคลากรไม่เพียงพอ: เจ้าหน้าที่ตรวจสอบภายในลาศึกษาต่อ"]);
    expect(rowOfCode("2.1.3")[9]).toBe("อยู่ระหว่างดำเนินการ");
    expect(rowOfCode("2.1.3")[11]).toContain("ความก้าวหน้าร้อยละ ๘๐");
    expect(rowOfCode("1.1.3").slice(5, 10)).toEqual([20000, 20000, 19300.5, "ใช่", "ดำเนินการแล้วเสร็จ"]);
    expect(rowOfCode("1.1.1")[9]).toBe("รอรายงานผล");
  });
});

describe("plans the documents do not show", () => {
  const plan = (items: PlanItem[], progress: ProgressEntry[] = []): PlanWorkbook => {
    const base = newPlan({ orgName: "อบต.ตัวอย่าง", orgType: "sao", district: "", province: "", firstYear: fiscalYear(2566), years: 5, framework: "2566-2570" });
    return { ...base, items, progress };
  };
  const item = (extra: Partial<PlanItem>): PlanItem => ({
    code: undefined, dimension: undefined, mission: undefined, subMission: undefined, kind: undefined, name: "",
    budgets: { 2566: baht(0), 2567: baht(0), 2568: baht(0), 2569: baht(0), 2570: baht(0) } as Record<number, Baht>,
    note: "", owner: "", indicator: "", target: "", targetGroups: [], quarters: [1, 2, 3, 4], itaIndicator: "", ...extra,
  });

  it("an empty plan: one honest row, zeros everywhere, every formula still good", () => {
    const ctx = ctxOf(plan([]), 2567, 6);
    const sheets = sheetsOf(ctx);
    const [eplan, dash] = sheets as [SheetSpec, SheetSpec];
    expect(eplan.rows.flat().map(text)).toContain("ไม่มีรายการในแผนปฏิบัติการสำหรับปีงบประมาณนี้");
    for (const name of [REPORT_SHEETS.eplan, REPORT_SHEETS.dashboard]) {
      for (const f of formulasOf(sheets, name)) expect(f.value).toEqual(f.result);
    }
    expect(table(eplan, "(๔)").get("รวม ๔ มิติ")).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(table(dash, "งบประมาณและการเบิกจ่าย").get("รวม ๔ มิติ")).toEqual([0, 0, 0, "-", "-"]);
  });

  it("items without code, dimension or kind: counted under ไม่ระบุ, the totals still the sum of the rows", () => {
    const items = [
      item({ name: "โครงการ ก", code: "1.1.1" as PlanCode, dimension: 1, kind: "project", budgets: { 2567: baht(5000) } as Record<number, Baht> }),
      item({ name: "ไม่มีมิติ", budgets: { 2567: baht(1200) } as Record<number, Baht> }),
      item({ name: "", code: "3.1.1" as PlanCode, dimension: 3, kind: "guideline" }),
    ];
    const ctx = ctxOf(plan(items), 2567, 12);
    const sheets = sheetsOf(ctx);
    const [eplan, dash] = sheets as [SheetSpec, SheetSpec];
    for (const name of [REPORT_SHEETS.eplan, REPORT_SHEETS.dashboard]) {
      for (const f of formulasOf(sheets, name)) expect(f.value).toEqual(f.result);
    }
    const one = table(eplan, "(๑)");
    expect(one.get("ไม่ระบุมิติ")).toEqual([1, 1200]);
    expect(one.get("รวม ๔ มิติ")).toEqual([2, 6200]);
    const { block } = eplanSummary(ctx);
    expect(eplan.rows[block.firstRow]?.slice(1, 5)).toEqual(["-", "ไม่ระบุ", "ไม่ระบุ", "ไม่มีมิติ"]);
    expect(eplan.rows[block.firstRow + 1]?.[4]).toBe("-");
    // the overview shows แนวปฏิบัติงาน and ไม่ระบุประเภท only because items are such
    const header = dash.rows[rowOf(dash, (t) => t === "โครงการ") - 1]?.map(text).filter(Boolean);
    expect(header?.slice(0, 7)).toEqual(["มิติ", "โครงการ", "กิจกรรม", "มาตรการ", "แนวปฏิบัติงาน", "ไม่ระบุประเภท", "รวม"]);
    expect(table(dash, "และสถานะ ณ สิ้นรอบ").get("รวม ๔ มิติ")?.slice(0, 6)).toEqual([1, 0, 0, 1, 1, 3]);
  });
});
