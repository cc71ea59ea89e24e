/**
 * ส่วนที่3 บทสรุป (REPORTS.md; seed 001 L454–514): the heading, the paragraph walking มิติ → ภารกิจ → items with
 * its labels bold on rows of their own, the table per มิติ whose counts and sums are formulas over Part 2's item
 * rows (evaluated here against the Part 2 sheet, and by LibreOffice in test/oracle), ปัญหาอุปสรรค and
 * ข้อเสนอแนะ from the monthly rows without repeats, the sign-off from the settings, and no crash on odd plans.
 */
import { rowHeightPt } from "../../src/workbook/text-size";
import { parseArea } from "../../src/workbook/a1";
import { type CellInput, type FormulaInput, isFormula, type SheetSpec } from "../../src/workbook/grid";
import { reportContext, type ReportContext } from "../../src/workbook/reports/context";
import { REPORT_SHEETS } from "../../src/workbook/reports/names";
import { buildPart2 } from "../../src/workbook/reports/part2-progress";
import { gathered, part3Sheet, percentOf, round2 } from "../../src/workbook/reports/part3-summary";
import { newPlan } from "../../src/app/template";
import type { PlanItem, PlanWorkbook, ProgressEntry } from "../../src/domain/plan";
import { foldForMatch, toThaiDigits } from "../../src/domain/thai";
import { baht, type Baht, type DimensionNo, fiscalYear, type NodeCode, type PlanCode } from "../../src/domain/units";
import { loadSeed000, sampleModel } from "../../tools/build-sample";
import { seed001Workbook } from "../support/seed001";

const REPORT_NOW = new Date("2026-11-23T03:00:00Z");

const cell = (spec: SheetSpec, row: number, col: number): CellInput => spec.rows[row - 1]?.[col - 1] ?? null;
const textAt = (spec: SheetSpec, row: number, col: number): string => {
  const v = cell(spec, row, col);
  return typeof v === "string" ? v : "";
};
const rowOf = (spec: SheetSpec, pred: (text: string) => boolean, col = 1): number => spec.rows.findIndex((_, i) => pred(textAt(spec, i + 1, col))) + 1;
function styleAt(spec: SheetSpec, row: number, col: number): { bold?: boolean; numFmt?: string } {
  const out: { bold?: boolean; numFmt?: string } = {};
  for (const s of spec.areaStyles ?? []) {
    const a = parseArea(s.range);
    if (a && row >= a.top && row <= a.bottom && col >= a.left && col <= a.right) Object.assign(out, s.style);
  }
  return out;
}

/**
 * The value of the table's formulas, computed here over the Part 2 sheet and this sheet: COUNTIF, COUNTIFS,
 * SUMIF (summed with +), SUM over a range, and IF(x=0,0,ROUND(a/b*100,2)) — the only shapes the table uses.
 */
function evaluate(f: string, part2: SheetSpec, part3: SheetSpec): number {
  const sheetOf = (ref: string) => (ref.startsWith(`'${REPORT_SHEETS.part2}'!`) ? part2 : part3);
  const valuesOf = (ref: string): CellInput[] => {
    const spec = sheetOf(ref);
    const a = parseArea(ref.replace(/^'.*'!/, "").replace(/\$/g, "")) as NonNullable<ReturnType<typeof parseArea>>;
    const out: CellInput[] = [];
    for (let r = a.top; r <= a.bottom; r++) for (let c = a.left; c <= a.right; c++) out.push(cell(spec, r, c));
    return out;
  };
  const num = (v: CellInput) => (typeof v === "number" ? v : v !== null && isFormula(v) && typeof v.result === "number" ? v.result : 0);
  const matches = (v: CellInput, crit: string) => (crit.startsWith('"') ? v === crit.slice(1, -1) : v === Number(crit));
  const ref = String.raw`'[^']+'!\$[A-Z]+\$\d+:\$[A-Z]+\$\d+`;
  const crit = String.raw`(?:"[^"]*"|\d+)`;
  let m = new RegExp(`^COUNTIF\\((${ref}),(${crit})\\)$`).exec(f);
  if (m) return valuesOf(m[1] as string).filter((v) => matches(v, m?.[2] as string)).length;
  m = new RegExp(`^COUNTIFS\\((${ref}),(${crit}),(${ref}),(${crit})\\)$`).exec(f);
  if (m) {
    const a = valuesOf(m[1] as string);
    const b = valuesOf(m[3] as string);
    return a.filter((v, i) => matches(v, m?.[2] as string) && matches(b[i] ?? null, m?.[4] as string)).length;
  }
  if (f.startsWith("SUMIF(")) {
    return f.split("+").reduce((total, part) => {
      const s = new RegExp(`^SUMIF\\((${ref}),(${crit}),(${ref})\\)$`).exec(part);
      if (!s) throw new Error(`unexpected ${part}`);
      const keys = valuesOf(s[1] as string);
      const values = valuesOf(s[3] as string);
      return total + keys.reduce<number>((x, k, i) => x + (matches(k, s[2] as string) ? num(values[i] ?? null) : 0), 0);
    }, 0);
  }
  m = /^SUM\(([A-Z]+\d+:[A-Z]+\d+)\)$/.exec(f);
  if (m) return valuesOf(m[1] as string).reduce<number>((x, v) => x + num(v), 0);
  m = /^IF\(([A-Z]+\d+)=0,0,ROUND\(([A-Z]+\d+)\/([A-Z]+\d+)\*100,2\)\)$/.exec(f);
  if (m) {
    const [den, part, whole] = [m[1], m[2], m[3]].map((a) => num(valuesOf(a as string)[0] ?? null));
    return den === 0 ? 0 : round2(((part as number) / (whole as number)) * 100);
  }
  m = /^IF\(([A-Z]+\d+)=0,0,ROUND\(\(([A-Z]+\d+)\+([A-Z]+\d+)\*0\.5\)\/([A-Z]+\d+)\*100,2\)\)$/.exec(f);
  if (m) {
    const [den, done, doing, whole] = [m[1], m[2], m[3], m[4]].map((a) => num(valuesOf(a as string)[0] ?? null)) as number[];
    return den === 0 ? 0 : round2((((done as number) + (doing as number) * 0.5) / (whole as number)) * 100);
  }
  throw new Error(`a formula shape the table should not use: ${f}`);
}

const ctxOf = (model: PlanWorkbook, fy: number, round: 6 | 12, draft?: number): ReportContext =>
  reportContext(model, { fy: fiscalYear(fy), round }, { now: REPORT_NOW, ...(draft ? { draft: { errors: draft } } : {}) });

function item(code: string, dimension: number | undefined, mission: string | undefined, name: string, extra: Partial<PlanItem> = {}): PlanItem {
  return {
    code: code as PlanCode, dimension: dimension as DimensionNo | undefined, mission: mission as NodeCode | undefined, subMission: undefined,
    kind: "project", name, budgets: { 2566: baht(10000), 2567: baht(10000), 2568: baht(0), 2569: baht(0), 2570: baht(0) } as Record<number, Baht>,
    note: "", owner: "", indicator: "", target: "", targetGroups: [], quarters: [1, 2, 3, 4], itaIndicator: "", ...extra,
  };
}
function progress(code: string, month: ProgressEntry["month"], extra: Partial<ProgressEntry> = {}): ProgressEntry {
  return {
    fy: fiscalYear(2567), month, code: code as PlanCode, status: "inProgress", reason: undefined, reasonText: "", inOrdinance: undefined,
    progressPct: undefined, startDate: undefined, endDate: undefined, output: "", unit: "", indicatorResult: "", result: "", budgetType: undefined,
    ordinanceAmount: undefined, disbursed: undefined, evidence: "", problems: "", recommendations: "", enteredBy: "", enteredOn: undefined, ...extra,
  };
}
function smallPlan(items: PlanItem[], rows: ProgressEntry[] = []): PlanWorkbook {
  const base = newPlan({ orgName: "อบต.ทดสอบ", orgType: "sao", district: "เมือง", province: "มุกดาหาร", firstYear: fiscalYear(2566), years: 5, framework: "2566-2570" });
  return { ...base, items, progress: rows };
}

describe("Part 3 of seed 001 (FY2564, round 12)", () => {
  const model = seed001Workbook();
  const signed: PlanWorkbook = {
    ...model,
    settings: {
      ...model.settings, reporter: "นางลภัสสรดา ดงคำฟู", reporterPosition: "ผู้อำนวยการกองยุทธศาสตร์และงบประมาณ", phone: "053-096011", fax: "053-096011",
      website: "www.tambonkor.go.th", reportDate: new Date(Date.UTC(2021, 9, 5)),
    },
  };
  const ctx = ctxOf(signed, 2564, 12);
  const spec = part3Sheet(ctx);
  const part2 = buildPart2(ctx).spec;

  it("has the summary's heading (seed 001 L454–458), the organization from the settings, portrait A4", () => {
    expect(spec.name).toBe(REPORT_SHEETS.part3);
    expect(textAt(spec, 2, 1)).toBe("แบบรายงานผลการดำเนินงานเกี่ยวกับการป้องกันและปราบปรามการทุจริตของ อปท.");
    expect(textAt(spec, 3, 1)).toBe("บทสรุป/ข้อเสนอแนะ/แนวทางแก้ไขปรับปรุง");
    // the seed writes อำเภอสี here (L458); the settings say ลี้, as the plan table does (L84)
    expect(textAt(spec, 4, 1)).toBe("เทศบาลตำบลก้อ อำเภอลี้ จังหวัดลำพูน");
    expect(textAt(spec, 5, 1)).toBe("ประจำปีงบประมาณ พ.ศ. ๒๕๖๔ รอบ ๑๒ เดือน (๑ ตุลาคม ๒๕๖๓ ถึง ๓๐ กันยายน ๒๕๖๔)");
    expect(spec.print).toMatchObject({ orientation: "portrait", paper: "A4", fitToWidth: true, footer: "หน้า &P จาก &N" });
    expect(spec.print?.printArea).toBe(`A2:J${spec.rows.length}`);
    for (const h of spec.rowHeights ?? []) expect(h.height).toBeLessThanOrEqual(409);
  });

  it("walks มิติ → ภารกิจ → items in a paragraph (L462–499), labels bold on rows of their own", () => {
    const intro = rowOf(spec, (t) => t.startsWith("เทศบาลตำบลก้อ ได้จัดส่งรายงานผลการดำเนินการตามแผนปฏิบัติการป้องกันการทุจริต ๔ ปี (พ.ศ. ๒๕๖๑ - ๒๕๖๔)"));
    expect(intro).toBeGreaterThan(0);
    const d1 = rowOf(spec, (t) => t === "มิติที่ ๑ การสร้างสังคมที่ไม่ทนต่อการทุจริต");
    expect(d1).toBeGreaterThan(intro);
    expect(styleAt(spec, d1, 1).bold).toBe(true);
    expect(textAt(spec, d1 + 1, 1)).toBe("ได้ดำเนินการตามภารกิจ ดังนี้");
    expect(styleAt(spec, d1 + 1, 1).bold).toBeFalsy();
    const m11 = rowOf(spec, (t) => t.startsWith("ภารกิจที่ ๑.๑ การสร้างจิตสำนึก"), 2);
    expect(m11).toBe(d1 + 2);
    expect(styleAt(spec, m11, 2).bold).toBe(true);
    // the paragraph of a mission runs over a few rows (cut between items)
    let end = m11 + 1;
    while (!styleAt(spec, end + 1, 2).bold && textAt(spec, end + 1, 2) !== "") end++;
    const list = Array.from({ length: end - m11 }, (_, i) => textAt(spec, m11 + 1 + i, 2)).join(" ");
    expect(list.startsWith("ประกอบด้วย ๑. โครงการอบรมพัฒนาศักยภาพบุคลากร ผู้นำชุมชน สมาชิก ใช้หลักธรรมาภิบาล ๒. โครงการฝึกอบรมคุณธรรม")).toBe(true);
    expect(styleAt(spec, m11 + 1, 2).bold).toBeFalsy();
    // the seed counts ๗. มาตรการ “ปลูกฝังองค์ความรู้…” (L94) among what was done although it never reported it: here it says so
    expect(list).toContain("๗. มาตรการ “ปลูกฝังองค์ความรู้ให้มีความเข้าใจเกี่ยวกับ Conflict of Interest” (ยังไม่ได้รายงานผล)");
    // every active item is named once in the paragraph
    const paragraph = foldForMatch(spec.rows.map((_, i) => textAt(spec, i + 1, 2)).join(" "));
    for (const r of ctx.summary.items) expect(paragraph).toContain(foldForMatch(r.item.name));
    const missions = spec.rows.map((_, i) => textAt(spec, i + 1, 2)).filter((t) => t.startsWith("ภารกิจที่ "));
    expect(missions).toHaveLength(15);
    expect(spec.rows.flat()).toContain("นอกจากนี้ มีผลการดำเนินงานที่รายงานด้วยรหัสที่ไม่พบในแผนปฏิบัติการ ๑ รหัส (๔.๓.๒(๒)) ซึ่งไม่ได้นับรวมในบทสรุปและตารางนี้");
  });

  it("tables each มิติ with formulas over Part 2 that give the core's figures — the recomputed counts, not the seed's", () => {
    const header = rowOf(spec, (t) => t === "มิติ");
    expect(textAt(spec, header, 3)).toBe("จำนวนโครงการ/กิจกรรม/มาตรการ");
    expect([3, 4, 5, 6, 7, 8, 9, 10].map((c) => textAt(spec, header + 1, c))).toEqual([
      "ตามแผน", "ดำเนินการแล้วเสร็จ", "อยู่ระหว่างดำเนินการ", "ผลการนำแผนไปปฏิบัติ (ร้อยละ)", "ตามแผน", "ตามเทศบัญญัติ", "เบิกจ่าย", "ร้อยละการเบิกจ่าย",
    ]);
    const rows = ctx.summary.byDimension.map((_, i) => header + 2 + i);
    ctx.summary.byDimension.forEach((d, i) => {
      const r = rows[i] as number;
      expect(textAt(spec, r, 1).startsWith(`มิติที่ ${toThaiDigits(String(d.dimension))} `)).toBe(true);
      const f = [3, 4, 5, 6, 7, 8, 9, 10].map((c) => cell(spec, r, c) as FormulaInput);
      // the one % done of the report: e-PlanNACC's implementation score, as สรุป e-PlanNACC and สรุปภาพรวม show it
      expect(f.map((x) => x.result)).toEqual([
        d.totals.items, d.totals.byStatus.done, d.totals.byStatus.inProgress, d.totals.implementationScore, d.totals.planned, d.totals.ordinance,
        d.totals.disbursed, percentOf(d.totals.disbursed, d.totals.ordinance),
      ]);
      for (const x of f) expect(evaluate(x.formula, part2, spec)).toBeCloseTo(x.result as number, 9);
      expect(f[0]?.formula).toMatch(/^COUNTIF\('ส่วนที่2 ผลการดำเนินงาน'!\$H\$\d+:\$H\$\d+,\d\)$/);
    });
    // seed 001's รวม rows state 18, 28, 17 and 16 items (L105, L124, L147, L170); the plan has 17, 29, 19 and 15
    expect(rows.map((r) => (cell(spec, r, 3) as FormulaInput).result)).toEqual([17, 29, 19, 15]);
    const total = (rows[3] as number) + 1;
    expect(textAt(spec, total, 1)).toBe("รวม");
    const t = [3, 4, 5, 6, 7, 8, 9, 10].map((c) => cell(spec, total, c) as FormulaInput);
    const all = ctx.summary.total;
    expect(t.map((x) => x.result)).toEqual([80, 65, all.byStatus.inProgress, all.implementationScore, 385000, 53500, 33424, 62.47]);
    for (const x of t) expect(evaluate(x.formula, part2, spec)).toBeCloseTo(x.result as number, 9);
    // dimension 3 disbursed 13,532 of 13,500 (M4, L355): its rate says so
    expect((cell(spec, rows[2] as number, 10) as FormulaInput).result).toBe(100.24);
    expect(styleAt(spec, rows[0] as number, 3).numFmt).toBe("[$-D00041E]0");
    expect(styleAt(spec, rows[0] as number, 7).numFmt).toBe('[$-D00041E]#,##0.00;-[$-D00041E]#,##0.00;"-"');
  });

  it("says '-' where the monthly rows give no problems or recommendations, and signs off from the settings (L509–514)", () => {
    const problems = rowOf(spec, (t) => t === "ปัญหาอุปสรรค");
    expect(styleAt(spec, problems, 1).bold).toBe(true);
    expect(textAt(spec, problems + 1, 2)).toBe("-");
    const recs = rowOf(spec, (t) => t === "ข้อเสนอแนะ");
    expect(textAt(spec, recs + 1, 2)).toBe("-");
    const sign = rowOf(spec, (t) => t.startsWith("ลงชื่อ "), 5);
    expect([0, 1, 2, 3, 4, 5, 6].map((i) => textAt(spec, sign + i, 5))).toEqual([
      "ลงชื่อ ........................ ผู้รายงาน", "(นางลภัสสรดา ดงคำฟู)", "ผู้อำนวยการกองยุทธศาสตร์และงบประมาณ", "๕ ตุลาคม ๒๕๖๔",
      "โทรศัพท์ ๐๕๓-๐๙๖๐๑๑", "โทรสาร ๐๕๓-๐๙๖๐๑๑", "www.tambonkor.go.th",
    ]);
    // the sign-off stays on one page, each line one line high, and with the ข้อเสนอแนะ it closes (issue 13: the
    // sample's sign-off printed alone on a page)
    const breaks = spec.print?.pageBreaks ?? [];
    expect(breaks.some((b) => b > sign && b <= sign + 6)).toBe(false);
    expect(breaks.some((b) => b > recs + 1 && b <= sign)).toBe(false);
    for (let i = 0; i < 7; i++) expect(spec.rowHeights?.find((h) => h.row === sign + i)?.height).toBe(rowHeightPt(1, 16));
  });

  it("keeps headings with what follows them on the page", () => {
    const breaks = spec.print?.pageBreaks ?? [];
    for (const b of breaks) {
      const before = textAt(spec, b - 1, 1) || textAt(spec, b - 1, 2);
      expect(styleAt(spec, b - 1, 1).bold && before !== "" ? before : "").toBe("");
      expect(before === "ได้ดำเนินการตามภารกิจ ดังนี้" || textAt(spec, b - 1, 2) === "ประกอบด้วย").toBe(false);
    }
  });
});

describe("Part 3 of the sample (FY2567, round 6)", () => {
  const ctx = ctxOf(sampleModel(loadSeed000()), 2567, 6);
  const spec = part3Sheet(ctx);

  it("prints the sign-off on the page of the ข้อเสนอแนะ it closes, never alone on a page (issue 13)", () => {
    const recs = rowOf(spec, (t) => t === "ข้อเสนอแนะ");
    const sign = rowOf(spec, (t) => t.startsWith("ลงชื่อ "), 5);
    expect(recs).toBeGreaterThan(0);
    expect(sign).toBeGreaterThan(recs);
    const breaks = spec.print?.pageBreaks ?? [];
    expect(breaks.filter((b) => b > recs && b <= sign + 6)).toEqual([]);
    // and ข้อเสนอแนะ never begins a page without ปัญหาอุปสรรค's last line above it: one closing block (seed L505–507)
    const problems = rowOf(spec, (t) => t === "ปัญหาอุปสรรค");
    expect(problems).toBeGreaterThan(0);
    expect(breaks.filter((b) => b > problems + 1 && b <= recs)).toEqual([]);
  });

  it("gathers ปัญหาอุปสรรค and ข้อเสนอแนะ from the monthly rows", () => {
    const problems = rowOf(spec, (t) => t === "ปัญหาอุปสรรค");
    expect(textAt(spec, problems + 1, 2)).toBe("ผู้ดูแลเว็บไซต์มีภาระงานมาก");
    const recs = rowOf(spec, (t) => t === "ข้อเสนอแนะ");
    expect(textAt(spec, recs + 1, 2)).toBe("มอบหมายผู้ช่วยผู้ดูแลเว็บไซต์");
    expect(spec.rows.flat()).toContain("ตามข้อบัญญัติ");
  });

  it("writes Arabic digits in text and formats when the settings say so", () => {
    const m = sampleModel(loadSeed000());
    const arabic = part3Sheet(ctxOf({ ...m, settings: { ...m.settings, digits: "arabic" } }, 2567, 6));
    expect(textAt(arabic, 5, 1)).toBe("ประจำปีงบประมาณ พ.ศ. 2567 รอบ 6 เดือน (1 ตุลาคม 2566 ถึง 31 มีนาคม 2567)");
    const header = rowOf(arabic, (t) => t === "มิติ");
    expect(styleAt(arabic, header + 2, 3).numFmt).toBe("0");
    expect(styleAt(arabic, header + 2, 6).numFmt).toBe("0.00");
    expect(arabic.rows.flat().filter((v): v is string => typeof v === "string").some((v) => /[๐-๙]/.test(v))).toBe(false);
  });
});

describe("Part 3 helpers and odd plans", () => {
  it("removes repeats that differ only in spacing or digit script, keeping the first order", () => {
    expect(gathered(["ก ข", "ก  ข", "", " ค ", "งบ ๑๐", "งบ 10"])).toEqual(["ก ข", "ค", "งบ ๑๐"]);
  });

  it("rounds percentages as ROUND(…, 2) does", () => {
    expect(percentOf(1, 8)).toBe(12.5);
    expect(percentOf(2, 3)).toBe(66.67);
    expect(percentOf(1, 0)).toBe(0);
    expect(round2(1.005)).toBe(1.01);
  });

  it("numbers several problems, and never crashes on an empty plan or items without a มิติ", () => {
    const m = smallPlan(
      [item("1.1.1", 1, "1.1", "โครงการหนึ่ง"), item("9.9", undefined, undefined, "โครงการไม่มีมิติ")],
      [
        progress("1.1.1", 10, { problems: "งบประมาณล่าช้า", recommendations: "ขอจัดสรรเพิ่ม", status: "done", ordinanceAmount: baht(8000), disbursed: baht(2000) }),
        progress("1.1.1", 11, { problems: "งบประมาณ ล่าช้า", status: "done", disbursed: baht(1000) }),
        progress("9.9", 11, { problems: "บุคลากรไม่พอ" }),
      ],
    );
    const ctx = ctxOf(m, 2567, 12);
    const spec = part3Sheet(ctx);
    const problems = rowOf(spec, (t) => t === "ปัญหาอุปสรรค");
    expect([1, 2, 3].map((i) => textAt(spec, problems + i, 2))).toEqual(["๑. งบประมาณล่าช้า", "๒. บุคลากรไม่พอ", ""]);
    const header = rowOf(spec, (t) => t === "มิติ");
    expect(textAt(spec, header + 3, 1)).toBe("ไม่ระบุมิติ");
    expect((cell(spec, header + 3, 3) as FormulaInput).formula).toMatch(/,"ไม่ระบุ"\)$/);
    expect((cell(spec, header + 3, 3) as FormulaInput).result).toBe(1);
    const part2 = buildPart2(ctx).spec;
    for (let r = header + 2; r <= header + 4; r++) {
      for (let c = 3; c <= 9; c++) {
        const f = cell(spec, r, c) as FormulaInput;
        expect(evaluate(f.formula, part2, spec)).toBeCloseTo(f.result as number, 9);
      }
    }
    expect((cell(spec, header + 4, 9) as FormulaInput).result).toBe(3000);
    expect((cell(spec, header + 4, 10) as FormulaInput).result).toBe(37.5);

    const empty = part3Sheet(ctxOf(smallPlan([]), 2567, 12));
    expect(empty.rows.flat()).toContain("ไม่มีรายการในแผนปฏิบัติการที่อยู่ในปีงบประมาณ พ.ศ. ๒๕๖๗");
    // no rows to count: the totals are plain zeros, only the percentages stay formulas (of those zeros)
    const formulas = empty.rows.flat().filter((v): v is FormulaInput => v !== null && isFormula(v));
    expect(formulas.map((f) => [f.formula.startsWith("IF("), f.result])).toEqual([[true, 0], [true, 0]]);
  });

  it("cuts a very long problem text into rows under Excel's limit, nothing lost", () => {
    const long = "ปัญหาการประสานงานระหว่างกองและการจัดสรรงบประมาณที่ไม่เพียงพอ ".repeat(120).trim();
    const spec = part3Sheet(ctxOf(smallPlan([item("1.1.1", 1, "1.1", "โครงการหนึ่ง")], [progress("1.1.1", 10, { problems: long })]), 2567, 12));
    for (const h of spec.rowHeights ?? []) expect(h.height).toBeLessThanOrEqual(409);
    const problems = rowOf(spec, (t) => t === "ปัญหาอุปสรรค");
    const recs = rowOf(spec, (t) => t === "ข้อเสนอแนะ");
    const text = spec.rows.slice(problems, recs - 1).map((r) => (typeof r[1] === "string" ? r[1] : "")).join(" ");
    expect(foldForMatch(text)).toBe(foldForMatch(long));
    expect(recs - problems).toBeGreaterThan(3);
  });

  it("prints the draft banner in row 1 when the checks found errors", () => {
    const spec = part3Sheet(ctxOf(seed001Workbook(), 2564, 12, 16));
    expect(textAt(spec, 1, 1)).toMatch(/^ฉบับร่าง \(DRAFT\)/);
    expect(spec.print?.printArea?.startsWith("A1:")).toBe(true);
    expect(spec.print?.footer).toBe("ฉบับร่าง (DRAFT) · หน้า &P จาก &N");
  });
});
