/**
 * ส่วนที่2 ผลการดำเนินงาน (REPORTS.md; seed 001 L172–452): the title block, มิติ → ภารกิจ → ภารกิจย่อย bands
 * with the two-row header under each lowest group, every active item once (numbered afresh per group, with
 * its indicator, target, the round's results and status), SUM totals carrying the core's figures, the rows
 * whose code is no plan item under their own band, page breaks with the header on every page, and no crash
 * on odd plans.
 */
import { parseArea } from "../../src/workbook/a1";
import { type CellInput, type FormulaInput, isFormula, type SheetSpec } from "../../src/workbook/grid";
import { reportContext, type ReportContext } from "../../src/workbook/reports/context";
import { heightFor } from "../../src/workbook/reports/paging";
import { buildPart2, listLines, part2Sheet, PART2_COL, takeLines } from "../../src/workbook/reports/part2-progress";
import { REPORT_SHEETS } from "../../src/workbook/reports/names";
import { newPlan } from "../../src/app/template";
import type { PlanItem, PlanWorkbook, ProgressEntry } from "../../src/domain/plan";
import { foldForMatch, normalizeSpace, toThaiDigits } from "../../src/domain/thai";
import { baht, type Baht, type DimensionNo, fiscalYear, type NodeCode, type PlanCode } from "../../src/domain/units";
import { loadSeed000, sampleModel } from "../../tools/build-sample";
import { seed001Report, seed001Workbook } from "../support/seed001";

/** A fixed generation time (test/support/reports.ts's, not imported so that this suite needs only Part 2). */
const REPORT_NOW = new Date("2026-11-23T03:00:00Z");

/* ---------- reading a spec ---------- */

const cell = (spec: SheetSpec, row: number, col: number): CellInput => spec.rows[row - 1]?.[col - 1] ?? null;
const textAt = (spec: SheetSpec, row: number, col: number): string => {
  const v = cell(spec, row, col);
  return typeof v === "string" ? v : "";
};
const rowsWhere = (spec: SheetSpec, pred: (r: number) => boolean): number[] => spec.rows.map((_, i) => i + 1).filter(pred);
/** Spacing and line breaks aside: texts are re-flowed into lines. */
const flat = (s: string) => foldForMatch(s);
/** Rows of the item table holding an item's first piece: the status key is set. */
const itemRows = (spec: SheetSpec) => rowsWhere(spec, (r) => textAt(spec, r, PART2_COL.status) !== "" && r > 2 && textAt(spec, r, PART2_COL.status) !== "สถานะ");
const headerRows = (spec: SheetSpec) => rowsWhere(spec, (r) => textAt(spec, r, 6) === "งบหน่วยงาน");
/** The value of a SUM over the sheet's own cells ("SUM(E9:E40)", "SUM(E41,E90)"), computed here. */
function evalSum(spec: SheetSpec, f: FormulaInput): number {
  const m = /^SUM\((.*)\)$/.exec(f.formula);
  if (!m) throw new Error(`not a SUM: ${f.formula}`);
  let total = 0;
  for (const part of (m[1] as string).split(",")) {
    const a = parseArea(part) as NonNullable<ReturnType<typeof parseArea>>;
    for (let r = a.top; r <= a.bottom; r++) for (let c = a.left; c <= a.right; c++) {
      const v = cell(spec, r, c);
      if (typeof v === "number") total += v;
      else if (v !== null && isFormula(v) && typeof v.result === "number") total += v.result;
    }
  }
  return total;
}
/** The number format the last area style covering a cell gives it. */
function numFmtAt(spec: SheetSpec, row: number, col: number): string | undefined {
  let fmt: string | undefined;
  for (const s of spec.areaStyles ?? []) {
    const a = parseArea(s.range);
    if (a && row >= a.top && row <= a.bottom && col >= a.left && col <= a.right && s.style.numFmt) fmt = s.style.numFmt;
  }
  return fmt;
}
/** The rows a cell's merged area covers (one when not merged). */
function spanOf(spec: SheetSpec, row: number, col: number): number[] {
  for (const m of spec.merges ?? []) {
    const a = parseArea(m);
    if (a && a.top === row && a.left === col) return Array.from({ length: a.bottom - a.top + 1 }, (_, i) => row + i);
  }
  return [row];
}
/** An item's rows: its first piece and the pieces continuing it (over page breaks), without the bands and headers between. */
function piecesOf(spec: SheetSpec, start: number): number[] {
  const next = itemRows(spec).find((r) => r > start) ?? spec.rows.length + 1;
  const total = rowsWhere(spec, (r) => r > start && textAt(spec, r, 1).startsWith("รวม"))[0] ?? spec.rows.length + 1;
  const out = [start];
  for (let r = start + 1; r < Math.min(next, total); r++) {
    const band = (spec.merges ?? []).some((m) => m.startsWith(`A${r}:G${r}`));
    const header = textAt(spec, r, 1) === "โครงการ/กิจกรรม/มาตรการ" || textAt(spec, r, 6) === "งบหน่วยงาน";
    if (!band && !header) out.push(r);
  }
  return out;
}
const joinedText = (spec: SheetSpec, rows: readonly number[], col: number) => rows.map((r) => textAt(spec, r, col)).join("\n");
const heightAt = (spec: SheetSpec, row: number) => spec.rowHeights?.find((h) => h.row === row)?.height ?? 15;

const seedCtx = (model: PlanWorkbook = seed001Workbook(), round: 6 | 12 = 12, draft?: number): ReportContext =>
  reportContext(model, { fy: fiscalYear(2564), round }, { now: REPORT_NOW, ...(draft ? { draft: { errors: draft } } : {}) });

/* ---------- a small plan ---------- */

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
const ctx2567 = (m: PlanWorkbook, round: 6 | 12 = 12) => reportContext(m, { fy: fiscalYear(2567), round }, { now: REPORT_NOW });

/* ---------- tests ---------- */

describe("listLines: numbered lists run into one line by the PDF conversion get their lines back", () => {
  it("breaks before each next number, in Thai or Arabic digits, with dots, parentheses or dashes", () => {
    expect(listLines("๑. ผู้บริหาร ๒. บุคลากร ๓. ประชาชน")).toBe("๑. ผู้บริหาร\n๒. บุคลากร\n๓. ประชาชน");
    expect(listLines("1) a 2) b")).toBe("1) a\n2) b");
    expect(listLines("(๑) ก (๒) ข")).toBe("(๑) ก\n(๒) ข");
    expect(listLines("- การบริหาร - ลดข้อร้องเรียน")).toBe("- การบริหาร\n- ลดข้อร้องเรียน");
    // seed 001 L194: "…สภาพแวดล้อม๓.สามารถ…" — the number glued to the word before it
    expect(listLines("๑.ก ๒. ข สภาพแวดล้อม๓.สามารถ")).toBe("๑.ก\n๒. ข สภาพแวดล้อม\n๓.สามารถ");
  });
  it("leaves numbers that are no list entry alone", () => {
    expect(listLines("ตามข้อ ๒.๑ และมาตรา ๙ วรรคหนึ่ง (๘)")).toBe("ตามข้อ ๒.๑ และมาตรา ๙ วรรคหนึ่ง (๘)");
    expect(listLines("๑. ตามข้อ ๒.๒.๑ ครบ")).toBe("๑. ตามข้อ ๒.๒.๑ ครบ");
    expect(listLines("  สองบรรทัด \n\n ของผู้ใช้  ")).toBe("สองบรรทัด\nของผู้ใช้");
  });
});

describe("takeLines: an item split over two pages", () => {
  it("never ends a piece with a list entry's number cut off from its text (seed 001's ๓.๑.๑ (๒) ended on \"๓.\")", () => {
    const text = "๑. มีการจัดตั้งศูนย์ข้อมูลข่าวสาร\n๒. มีการจัดระบบข้อมูลข่าวสาร\n๓. มีประชาชนขอตรวจดูข้อมูลข่าวสารทางราชการ";
    for (const width of [30, 40, 60]) {
      for (let lines = 1; lines <= 4; lines++) {
        const [head, rest] = takeLines(text, width, lines);
        expect([width, lines, /(^|\s)(\(?[๐-๙]+[.)]|-)$/.test(head)]).toEqual([width, lines, false]);
        // nothing lost or repeated (a Thai run too long for a line is cut between characters)
        expect(`${head}${rest}`.replace(/\s+/g, "")).toBe(text.replace(/\s+/g, ""));
      }
    }
  });
});

describe("Part 2 of seed 001 (FY2564, round 12)", () => {
  const ctx = seedCtx();
  const spec = part2Sheet(ctx);

  it("is the progress report form's title block (seed 001 L172–178), from the settings", () => {
    expect(spec.name).toBe(REPORT_SHEETS.part2);
    expect(textAt(spec, 2, 1)).toBe("แบบรายงานความคืบหน้าและผลการดำเนินงานตามแผนปฏิบัติการป้องกันการทุจริตปี พ.ศ.๒๕๖๑-๒๕๖๔");
    expect(textAt(spec, 3, 1)).toBe("(monitoring & Review Evaluation Report)");
    expect(textAt(spec, 4, 1)).toBe("เทศบาลตำบลก้อ อำเภอลี้ จังหวัดลำพูน");
    expect(textAt(spec, 5, 1)).toBe("รอบ ๑๒ เดือน ตุลาคม ๒๕๖๓-กันยายน ๒๕๖๔");
    expect(textAt(part2Sheet(seedCtx(seed001Workbook(), 6)), 5, 1)).toBe("รอบ ๖ เดือน ตุลาคม ๒๕๖๓-มีนาคม ๒๕๖๔");
  });

  it("shows every item active in FY2564 exactly once, none silently dropped (the seed dropped 15: M10)", () => {
    const rows = itemRows(spec);
    expect(rows).toHaveLength(ctx.summary.items.length);
    expect(ctx.summary.items).toHaveLength(80);
    for (const r of ctx.summary.items) {
      const name = flat(toThaiDigits(r.item.name));
      expect(rows.filter((x) => flat(textAt(spec, x, 1)).includes(name))).not.toHaveLength(0);
    }
    // the 15 the seed left out say they were not carried out, and why the report has nothing for them
    for (const nr of seed001Report.notReported) {
      const at = rows.find((x) => ctx.summary.items.find((r) => r.item.code === nr.code && flat(textAt(spec, x, 1)).includes(flat(r.item.name))));
      expect(at).toBeDefined();
      expect(textAt(spec, at as number, 4)).toBe("สถานะ: ยังไม่ได้รายงานผลในรอบ ๑๒ เดือน");
      expect(textAt(spec, at as number, PART2_COL.status)).toBe("ยังไม่ได้รายงานผล");
    }
  });

  it("groups items under มิติ, ภารกิจ and ภารกิจย่อย bands with the framework's labels, a header under each, numbered afresh", () => {
    const all = spec.rows.map((_, i) => textAt(spec, i + 1, 1));
    const at = (t: string) => all.indexOf(t);
    expect(at("มิติที่ ๑ การสร้างสังคมที่ไม่ทนต่อการทุจริต")).toBeGreaterThan(5);
    expect(at("๑.๑ การสร้างจิตสำนึกและความตระหนักแก่บุคลากรทั้งข้าราชการการเมืองฝ่ายบริหาร ข้าราชการการเมืองฝ่ายสภาท้องถิ่น และฝ่ายประจำขององค์กรปกครองส่วนท้องถิ่น"))
      .toBeGreaterThan(at("มิติที่ ๑ การสร้างสังคมที่ไม่ทนต่อการทุจริต"));
    expect(at("มิติที่ ๒ การบริหารราชการเพื่อป้องกันการทุจริต")).toBeGreaterThan(at("๑.๓ การสร้างจิตสำนึกและความตระหนักแก่เด็กและเยาวชน"));
    expect(all.filter((t) => t.startsWith("๒.๒.๑ สร้างความโปร่งใสในการบริหารงานบุคคล"))).toHaveLength(1);
    // a sub-mission the framework does not name (seed 001's plan uses 2.4.3; Part 2 never names it)
    expect(all).toContain("๒.๔.๓ (ไม่พบชื่อภารกิจย่อยนี้ในกรอบภารกิจของแผน)");
    // the two header rows (L184–185)
    const h = headerRows(spec)[0] as number;
    expect([1, 2, 3, 4].map((c) => textAt(spec, h - 1, c))).toEqual(["โครงการ/กิจกรรม/มาตรการ", "ตัวชี้วัด", "เป้าหมาย", "ผลการดำเนินงาน ผลลัพธ์/ผลสัมฤทธิ์"]);
    expect(textAt(spec, h - 1, 5)).toBe("งบประมาณ (ถ้ามี)");
    expect([5, 6, 7].map((c) => textAt(spec, h, c))).toEqual(["งบบูรณาการ", "งบหน่วยงาน", "ผลการเบิกจ่าย"]);
    // each item's first piece comes after a header with only items (or their continuations) between
    const headers = headerRows(spec);
    for (const r of itemRows(spec)) {
      const hdr = Math.max(...headers.filter((x) => x < r));
      for (let x = hdr + 1; x < r; x++) expect(/^\(\S+\)/.test(textAt(spec, x, 1)) || textAt(spec, x, 1) === "").toBe(true);
    }
    // numbering restarts after every header that opens a group: (๑) right after a band's header
    const firsts = headers.filter((x) => !textAt(spec, x - 2, 1).endsWith("(ต่อ)")).map((x) => textAt(spec, x + 1, 1));
    expect(firsts.filter((t) => !t.startsWith("(๑) "))).toEqual([]);
    expect(firsts.length).toBeGreaterThanOrEqual(30);
  });

  it("takes indicator and target from the plan, and the result from the round's monthly rows with its status", () => {
    const r = ctx.summary.items.find((x) => x.item.code === "1.1(2)");
    const row = itemRows(spec).find((x) => textAt(spec, x, 1).startsWith("(๒) โครงการฝึกอบรมคุณธรรม")) as number;
    expect(r).toBeDefined();
    expect(row).toBeDefined();
    // continuation pieces hold the rest of a long indicator: join them
    const pieces = piecesOf(spec, row);
    expect(flat(joinedText(spec, pieces, 2))).toBe(flat(r?.item.indicator ?? ""));
    expect(textAt(spec, row, 3)).toBe("ผู้บริหารท้องถิ่น สมาชิกสภาท้องถิ่น พนักงานเทศบาล พนักงานจ้าง และประชาชน จำนวน ๗๐ คน");
    expect(textAt(spec, row, 4)).toBe("มีบุคลากรกลุ่มเป้าหมายเข้าร่วมโครงการตาม จำนวน ๕๕ คน\nสถานะ: ดำเนินการแล้วเสร็จ");
    expect([5, 6, 7].map((c) => cell(spec, row, c))).toEqual([0, 20000, 19892]);
    expect(numFmtAt(spec, row, 6)).toBe('[$-D00041E]#,##0.00;-[$-D00041E]#,##0.00;"-"');
  });

  it("flags the duplicated code (P7) on both items that share it", () => {
    // in the item's row, or in its continuation when the item runs over a page
    const rows = rowsWhere(spec, (x) => textAt(spec, x, 4).includes("หมายเหตุ: รหัส ๒.๕.๒(๑) ใช้กับ ๒ รายการในแผน"));
    expect(rows).toHaveLength(2);
  });

  it("totals each มิติ and the whole with SUM formulas over its rows, carrying the core's figures", () => {
    const totals = rowsWhere(spec, (r) => textAt(spec, r, 1).startsWith("รวมมิติที่"));
    expect(totals).toHaveLength(4);
    ctx.summary.byDimension.forEach((d, i) => {
      const r = totals[i] as number;
      expect(textAt(spec, r, 1)).toBe(`รวมมิติที่ ${toThaiDigits(String(d.dimension))} (${toThaiDigits(String(d.totals.items))} รายการ)`);
      const [integrated, agency, disbursed] = [5, 6, 7].map((c) => cell(spec, r, c) as FormulaInput) as [FormulaInput, FormulaInput, FormulaInput];
      for (const f of [integrated, agency, disbursed]) {
        expect(f.formula).toMatch(/^SUM\(/);
        expect(evalSum(spec, f)).toBeCloseTo(f.result as number, 6);
      }
      expect((integrated.result as number) + (agency.result as number)).toBe(d.totals.ordinance);
      expect(disbursed.result).toBe(d.totals.disbursed);
    });
    const grand = rowsWhere(spec, (r) => textAt(spec, r, 1).startsWith("รวมทั้งสิ้น"))[0] as number;
    expect(textAt(spec, grand, 1)).toBe("รวมทั้งสิ้น (๘๐ รายการ)");
    const g = [5, 6, 7].map((c) => cell(spec, grand, c) as FormulaInput);
    g.forEach((f) => expect(evalSum(spec, f)).toBeCloseTo(f.result as number, 6));
    // seed 001's allocations: 20,000 + 20,000 + 13,500; disbursed 19,892 + 13,532 (report-fy2564.json totals)
    expect((g[0]?.result as number) + (g[1]?.result as number)).toBe(53500);
    expect(g[2]?.result).toBe(33424);
  });

  it("lists the row whose code is no plan item (M1, seed 001 L443) under its own band, outside the totals", () => {
    const band = rowsWhere(spec, (r) => textAt(spec, r, 1).startsWith("รายการที่รายงานแต่ไม่พบในแผน"))[0] as number;
    const grand = rowsWhere(spec, (r) => textAt(spec, r, 1).startsWith("รวมทั้งสิ้น"))[0] as number;
    expect(band).toBeGreaterThan(grand);
    const row = rowsWhere(spec, (r) => textAt(spec, r, 1).startsWith("(๑) รหัส ๔.๓.๒(๒) — ไม่พบในแผนปฏิบัติการ"))[0] as number;
    expect(row).toBeGreaterThan(band);
    const l443 = seed001Report.rows.find((x) => x.planSeq === null);
    const result = joinedText(spec, piecesOf(spec, row), 4);
    expect(flat(result)).toBe(flat(`${l443?.result}ผลตามตัวชี้วัด: ${l443?.indicator}สถานะ: ดำเนินการแล้วเสร็จ`));
    expect(textAt(spec, row, PART2_COL.dimension)).toBe("");
    expect(rowsWhere(spec, (r) => textAt(spec, r, 1) === "รวมรายการที่ไม่พบในแผน (๑ รหัส)")).toHaveLength(1);
  });

  it("prints on A4 landscape, one page wide, with the header at the top of every page and no row over 409 pt", () => {
    expect(spec.print).toMatchObject({ orientation: "landscape", paper: "A4", fitToWidth: true, footer: "หน้า &P จาก &N" });
    expect(spec.print?.printTitleRows).toBeUndefined();
    const area = parseArea(spec.print?.printArea ?? "");
    expect(area).toMatchObject({ top: 2, left: 1, right: 7, bottom: spec.rows.length });
    const breaks = spec.print?.pageBreaks ?? [];
    expect(breaks.length).toBeGreaterThan(10);
    expect([...breaks].sort((a, b) => a - b)).toEqual(breaks);
    const headers = headerRows(spec);
    const items = itemRows(spec);
    for (const br of breaks) {
      // the first item on the page comes after a header on the page
      const firstItem = items.find((r) => r >= br);
      if (firstItem === undefined) continue;
      expect(headers.some((h) => h >= br && h < firstItem)).toBe(true);
      // and a continued item's piece is never first on its page without the header
      const label = textAt(spec, br, 1);
      expect(label.endsWith("(ต่อ)") || label.startsWith("มิติที่") || label.startsWith("รวม") || /^[๐-๙.]+ /.test(label) || label.startsWith("รายการที่")).toBe(true);
    }
    for (const h of spec.rowHeights ?? []) expect(h.height).toBeLessThanOrEqual(409);
  });

  it("makes every row (or merged rows) tall enough for its wrapped text", () => {
    const widths = spec.columns.map((c) => c.width);
    const short: string[] = [];
    for (let r = 7; r <= spec.rows.length; r++) {
      for (const c of [1, 2, 3, 4]) {
        const t = textAt(spec, r, c);
        if (t === "" || spec.merges?.some((m) => m.startsWith(`A${r}:`) && !m.startsWith(`A${r}:A`))) continue;
        const height = spanOf(spec, r, c).reduce((s, x) => s + heightAt(spec, x), 0);
        // measured in the cell's own size (the items' cells are 14 pt, issue 13)
        const size = (spec.areaStyles ?? []).filter((a) => a.range.split(":")[0] === `${"ABCD"[c - 1]}${r}`).reduce((x, a) => a.style.fontSize ?? x, spec.font?.size ?? 16);
        if (height < heightFor(t, widths[c - 1] as number, size) - 1) short.push(`row ${r} col ${c}: ${height} pt for "${t.slice(0, 40)}"`);
      }
    }
    expect(short).toEqual([]);
  });

  it("labels the budget column as the settings say, and writes Arabic digits when they say so", () => {
    const model = seed001Workbook();
    const personnel = part2Sheet(seedCtx({ ...model, settings: { ...model.settings, budgetColumnLabel: "personnel" } }));
    expect(textAt(personnel, headerRows(personnel)[0] as number, 5)).toBe("งบบุคลากร");
    const arabic = part2Sheet(seedCtx({ ...model, settings: { ...model.settings, digits: "arabic" } }));
    expect(textAt(arabic, 2, 1)).toBe("แบบรายงานความคืบหน้าและผลการดำเนินงานตามแผนปฏิบัติการป้องกันการทุจริตปี พ.ศ.2561-2564");
    expect(textAt(arabic, 5, 1)).toBe("รอบ 12 เดือน ตุลาคม 2563-กันยายน 2564");
    const first = itemRows(arabic)[0] as number;
    expect(textAt(arabic, first, 1).startsWith("(1) ")).toBe(true);
    expect(numFmtAt(arabic, first, 6)).toBe('#,##0.00;-#,##0.00;"-"');
    // the seed's texts are typed with Thai digits: with อารบิก they are shown in Arabic ones too
    expect(arabic.rows.flat().filter((v): v is string => typeof v === "string" && /[๐-๙]/.test(v))).toEqual([]);
    expect(arabic.rows.flat()).toContain("(1) โครงการอบรมพัฒนาศักยภาพบุคลากร ผู้นำชุมชน สมาชิก ใช้หลักธรรมาภิบาล");
  });

  it("prints the draft banner in row 1 when the checks found errors, and the note off the page otherwise", () => {
    expect(textAt(spec, 1, 1)).toBe("สร้างโดย Sujarit — แก้ไขที่แผ่นงานข้อมูล");
    expect(spec.print?.printArea?.startsWith("A2:")).toBe(true);
    const draft = part2Sheet(seedCtx(seed001Workbook(), 12, 16));
    expect(textAt(draft, 1, 1)).toMatch(/^ฉบับร่าง \(DRAFT\): ข้อมูลในสมุดงานยังมีข้อผิดพลาด ๑๖ รายการ/);
    expect(draft.print?.printArea?.startsWith("A1:")).toBe(true);
  });

  it("gives Part 3 the rows to count: the key columns hold each item's มิติ, status and planned budget", () => {
    const layout = buildPart2(ctx);
    const rows = itemRows(layout.spec);
    expect(rows.every((r) => r >= layout.firstRow && r <= layout.lastRow)).toBe(true);
    const byDim = (d: number) => rows.filter((r) => cell(layout.spec, r, PART2_COL.dimension) === d).length;
    expect([1, 2, 3, 4].map(byDim)).toEqual(ctx.summary.byDimension.map((d) => d.totals.items));
    const planned = rows.reduce((s, r) => s + (cell(layout.spec, r, PART2_COL.planned) as number), 0);
    expect(planned).toBe(ctx.summary.total.planned);
  });
});

describe("Part 2 of the sample (seed 000, FY2567 round 6): results, allocation and reasons from the monthly rows", () => {
  const ctx = reportContext(sampleModel(loadSeed000()), { fy: fiscalYear(2567), round: 6 }, { now: REPORT_NOW });
  const spec = part2Sheet(ctx);
  const rowOf = (code: string) => {
    const r = ctx.summary.items.find((x) => x.item.code === code);
    return itemRows(spec).find((x) => flat(textAt(spec, x, 1)).includes(flat(toThaiDigits(r?.item.name ?? "?")))) as number;
  };

  it("runs the round's results in month order, then the indicator result, the output and the status", () => {
    const r = rowOf("1.1.3");
    expect(textAt(spec, r, 4)).toBe([
      "- เตรียมหลักสูตรอบรมและประสานวิทยากร", "- ขออนุมัติโครงการและจัดซื้อวัสดุอบรม", "- จัดอบรมผู้บริหาร สมาชิกสภา และพนักงาน ๔๕ คน",
      "ผลตามตัวชี้วัด: ผู้เข้าอบรมร้อยละ ๙๐ ผ่านแบบทดสอบ", "ผลผลิต: ๔๕ คน", "สถานะ: ดำเนินการแล้วเสร็จ",
    ].join("\n"));
    expect([5, 6, 7].map((c) => cell(spec, r, c))).toEqual([0, 20000, 19300.5]);
    expect(textAt(spec, rowOf("2.1.3"), 4).endsWith("สถานะ: อยู่ระหว่างดำเนินการ (ร้อยละ ๘๐)")).toBe(true);
    expect(textAt(spec, rowOf("4.1.2"), 4)).toBe("สถานะ: ไม่สามารถดำเนินการได้ เนื่องจากบุคลากรไม่เพียงพอ เจ้าหน้าที่ตรวจสอบภายในลาศึกษาต่อ");
    expect(textAt(spec, rowOf("4.1.2"), PART2_COL.status)).toBe("ไม่สามารถดำเนินการได้");
  });

  it("says the 6-month round for items with nothing reported", () => {
    const none = ctx.summary.items.filter((x) => x.status === "notReported");
    expect(none.length).toBeGreaterThan(30);
    for (const r of none.slice(0, 5)) expect(textAt(spec, rowOf(r.item.code as string), 4)).toBe("สถานะ: ยังไม่ได้รายงานผลในรอบ ๖ เดือน");
  });
});

describe("Part 2 never crashes and never hides an item", () => {
  it("on an empty plan: says there is nothing for the year", () => {
    const spec = part2Sheet(ctx2567(smallPlan([])));
    expect(spec.rows.flat()).toContain("ไม่มีรายการในแผนปฏิบัติการที่อยู่ในปีงบประมาณ พ.ศ. ๒๕๖๗");
    expect(spec.rows.flat().some((v) => v !== null && isFormula(v))).toBe(false);
  });

  it("on items without code, มิติ or ภารกิจ, unknown framework nodes, no progress, and a year outside the plan", () => {
    const m = smallPlan([
      item("", undefined, undefined, "โครงการไม่มีรหัสและมิติ", { code: undefined }),
      item("4.9.1", 4, "4.9", "โครงการในภารกิจที่ไม่มีในกรอบ"),
      item("1.1.1", 1, "1.1", ""),
      item("1.1.2", 1, "1.1", "โครงการไม่มีงบปีนี้", { budgets: { 2566: baht(5) } as Record<number, Baht> }),
    ]);
    const spec = part2Sheet(ctx2567({ ...m, framework: m.framework.filter((n) => n.code !== "4") }));
    const all = spec.rows.flat().filter((v): v is string => typeof v === "string");
    expect(all).toContain("ไม่ระบุมิติ");
    expect(all).toContain("ไม่ระบุภารกิจ");
    expect(all).toContain("มิติที่ ๔ (ไม่พบชื่อมิตินี้ในกรอบภารกิจของแผน)");
    expect(all).toContain("๔.๙ (ไม่พบชื่อภารกิจนี้ในกรอบภารกิจของแผน)");
    expect(all).toContain("(๑) (ไม่มีชื่อรายการ)");
    expect(all).toContain("รวมรายการที่ไม่ระบุมิติ (๑ รายการ)");
    expect(all.filter((t) => t === "สถานะ: ยังไม่ได้รายงานผลในรอบ ๑๒ เดือน")).toHaveLength(3);
    // an item whose budgets hold no FY2567 is not active that year (summarizeRound): not shown
    expect(all.some((t) => t.includes("โครงการไม่มีงบปีนี้"))).toBe(false);
    expect(itemRows(spec).map((r) => textAt(spec, r, PART2_COL.dimension) || cell(spec, r, PART2_COL.dimension))).toEqual([1, 4, "ไม่ระบุ"]);
    expect(part2Sheet(reportContext(m, { fy: fiscalYear(2580), round: 12 }, { now: REPORT_NOW })).rows.flat())
      .toContain("ไม่มีรายการในแผนปฏิบัติการที่อยู่ในปีงบประมาณ พ.ศ. ๒๕๘๐");
  });

  it("on very long texts: continued on the next rows and pages, nothing cut, no row over 409 pt", () => {
    const sentence = "ประชาชนในเขตองค์การบริหารส่วนตำบลมีความรู้ความเข้าใจเรื่องการป้องกันการทุจริตและมีส่วนร่วมในการตรวจสอบ ";
    const long = Array.from({ length: 60 }, (_, i) => `${i + 1}. ${sentence}`).join(" ");
    const m = smallPlan(
      [item("1.1.1", 1, "1.1", `โครงการ${"ยาวมาก".repeat(300)}`, { indicator: long, target: "ร้อยละ ๘๐" }), item("1.1.2", 1, "1.1", "โครงการสั้น")],
      [progress("1.1.1", 10, { result: long, status: "done", disbursed: baht(500), ordinanceAmount: baht(1000), budgetType: "agency" })],
    );
    const spec = part2Sheet(ctx2567(m));
    for (const h of spec.rowHeights ?? []) expect(h.height).toBeLessThanOrEqual(409);
    const pieces = piecesOf(spec, itemRows(spec)[0] as number);
    expect(pieces.length).toBeGreaterThan(3);
    expect(pieces.filter((r) => textAt(spec, r, 1) === "(๑) (ต่อ)").length).toBeGreaterThan(0);
    const joined = (c: number) => flat(joinedText(spec, pieces, c));
    expect(joined(2)).toBe(flat(toThaiDigits(long)));
    expect(joined(4)).toBe(flat(`${toThaiDigits(long)}สถานะ: ดำเนินการแล้วเสร็จ`));
    expect(joined(1).replace(/\(1\)\(ต่อ\)/g, "")).toBe(flat(`(๑) โครงการ${"ยาวมาก".repeat(300)}`));
    // amounts once, on the first piece
    expect(pieces.map((r) => cell(spec, r, 6)).filter((v) => v !== null)).toEqual([1000]);
    expect((spec.print?.pageBreaks ?? []).length).toBeGreaterThan(1);
    expect(normalizeSpace(textAt(spec, itemRows(spec)[1] as number, 1))).toBe("(๒) โครงการสั้น");
  });
});
