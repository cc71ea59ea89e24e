/**
 * The report's front matter: the cover memo (seed 001, L5–50), the title page (L52–62) and the contents
 * (L74–81) with its page estimate, on seed 001 (เทศบาลตำบลก้อ, FY2564 round 12) and the sample (seed 000,
 * อบต.นาสะเม็ง, FY2567 round 6), with both digit settings; and what the seed got wrong, not reproduced.
 */
import { newPlan } from "../../src/app/template";
import type { PlanWorkbook, Settings } from "../../src/domain/plan";
import { fiscalYear } from "../../src/domain/units";
import { parseArea } from "../../src/workbook/a1";
import type { CellInput, SheetSpec } from "../../src/workbook/grid";
import { isFormula } from "../../src/workbook/grid";
import { reportContext, type ReportContext } from "../../src/workbook/reports/context";
import { contentsLines, contentsSheet, dimensionRow, linkTo, pageCount, pageOfRow, pageStarts } from "../../src/workbook/reports/contents";
import { balanced, columnPt, PageFlow, pageRowsPt, printScale } from "../../src/workbook/reports/paging";
import { dashboardSheet } from "../../src/workbook/reports/dashboard";
import { eplanSummarySheet } from "../../src/workbook/reports/eplan-summary";
import { itaSheet } from "../../src/workbook/reports/ita";
import { executiveTitle, memoSheet, memoSubject, positionOf } from "../../src/workbook/reports/memo";
import { REPORT_SHEETS } from "../../src/workbook/reports/names";
import { reportSheets as reportSheetsOf } from "../../src/workbook/reports/index";
import { DRAFT_FOOTER } from "../../src/workbook/reports/style";
import { titleLines, titleSheet } from "../../src/workbook/reports/title";
import { loadSeed000, sampleModel } from "../../tools/build-sample";
import { REPORT_NOW } from "../support/reports";
import { seed001Workbook } from "../support/seed001";

const seed001 = seed001Workbook();
const sample = sampleModel(loadSeed000());

function ctxOf(model: PlanWorkbook, fy: number, round: 6 | 12, options: { draft?: number; settings?: Partial<Settings> } = {}): ReportContext {
  const m = options.settings ? { ...model, settings: { ...model.settings, ...options.settings } } : model;
  return reportContext(m, { fy: fiscalYear(fy), round }, { now: REPORT_NOW, ...(options.draft ? { draft: { errors: options.draft } } : {}) });
}
const seedCtx = (o?: Parameters<typeof ctxOf>[3]) => ctxOf(seed001, 2564, 12, o);
const sampleCtx = (o?: Parameters<typeof ctxOf>[3]) => ctxOf(sample, 2567, 6, o);

/** The memo's settings as seed 001 prints them (L7–50). */
const SEED001_MEMO: Partial<Settings> = {
  division: "กองยุทธศาสตร์และงบประมาณ", documentNo: "ลพ 55605/", reportDate: new Date(Date.UTC(2021, 9, 5)),
  reporter: "นางลภัสสรดา ดงคำฟู", reporterPosition: "ผู้อำนวยการกองยุทธศาสตร์และงบประมาณ",
  commenter1: "นางสาวภัทรวดี เจตน์จิรันตน์", commenter1Position: "ผู้อำนวยการกองคลัง รักษาราชการแทนปลัดเทศบาลตำบลก้อ",
  commenter2: "นายอุดม เชียงยศ", commenter2Position: "นายกเทศมนตรีตำบลก้อ",
};

const valueText = (v: CellInput | undefined): string => (v === null || v === undefined ? "" : isFormula(v) ? String(v.result ?? "") : v instanceof Date ? v.toISOString() : String(v));
const texts = (spec: SheetSpec): string[] => spec.rows.flatMap((r) => r.map(valueText)).filter((t) => t !== "");
const rowOf = (spec: SheetSpec, test: (t: string) => boolean): number => spec.rows.findIndex((r) => r.some((v) => test(valueText(v)))) + 1;
const styleAt = (spec: SheetSpec, row: number, col: number) =>
  Object.assign({}, ...(spec.areaStyles ?? []).filter((s) => {
    const a = parseArea(s.range);
    return a && a.top <= row && row <= a.bottom && a.left <= col && col <= a.right;
  }).map((s) => s.style)) as Record<string, unknown>;
const printedRows = (spec: SheetSpec) => {
  const a = parseArea(spec.print?.printArea ?? "") as NonNullable<ReturnType<typeof parseArea>>;
  return { from: a.top, to: a.bottom };
};
const THAI = /[๐-๙]/;
const ARABIC = /[0-9]/;

describe("บันทึกข้อความ (cover memo)", () => {
  it("has the subject of seed 001 (L12), with the fiscal year and round of the request", () => {
    expect(memoSubject(seedCtx())).toBe(
      "รายงานผลการประเมินตามแผนปฏิบัติการป้องกันและปราบปรามการทุจริตขององค์กรปกครองส่วนท้องถิ่นประจำปีงบประมาณ พ.ศ.๒๕๖๔ " +
        "รอบ ๑๒ เดือน (ระหว่างวันที่ ๑ ตุลาคม ๒๕๖๓ ถึง ๓๐ กันยายน ๒๕๖๔)",
    );
    expect(memoSubject(sampleCtx())).toContain("พ.ศ.๒๕๖๗ รอบ ๖ เดือน (ระหว่างวันที่ ๑ ตุลาคม ๒๕๖๖ ถึง ๓๑ มีนาคม ๒๕๖๗)");
    expect(memoSubject(sampleCtx({ settings: { digits: "arabic" } }))).toContain("พ.ศ.2567 รอบ 6 เดือน (ระหว่างวันที่ 1 ตุลาคม 2566 ถึง 31 มีนาคม 2567)");
  });

  it("lays the memo out as seed 001 does, with its names from the settings and not the seed's mistakes", () => {
    const spec = memoSheet(seedCtx({ settings: SEED001_MEMO }));
    const all = texts(spec);
    const order = ["บันทึกข้อความ", "ส่วนราชการ", "ที่", "วันที่", "เรื่อง", "เรียน", "จึงเรียนมาเพื่อโปรดทราบ", "(นางลภัสสรดา ดงคำฟู)",
      "ความเห็นของปลัดเทศบาลตำบลก้อ", "(นางสาวภัทรวดี เจตน์จิรันตน์)", "ผู้อำนวยการกองคลัง รักษาราชการแทน", "ปลัดเทศบาลตำบลก้อ"];
    const rows = order.map((t) => rowOf(spec, (x) => x.trim() === t || x.trim().startsWith(t)));
    expect(rows.every((r) => r > 0)).toBe(true);
    expect([...rows].sort((a, b) => a - b)).toEqual(rows);
    expect(all).toContain("กองยุทธศาสตร์และงบประมาณ เทศบาลตำบลก้อ อำเภอลี้ จังหวัดลำพูน");
    expect(all).toContain("ลพ ๕๕๖๐๕/");
    expect(all.some((t) => t.includes("อำเภอสี"))).toBe(false); // L7, L61: the wrong district
    expect(all.some((t) => /E-planncc/i.test(t))).toBe(false); // L18
    expect(all.find((t) => t.includes("บัดนี้"))).toContain("บัดนี้ กองยุทธศาสตร์และงบประมาณ ได้ดำเนินการบันทึกในระบบสารสนเทศ e-PlanNACC เป็นที่เรียบร้อยแล้ว");
    expect(all.find((t) => t.includes("ตามที่"))).toContain("ตามที่ เทศบาลตำบลก้อ ได้จัดทำแผนปฏิบัติการป้องกันการทุจริต ๔ ปี (พ.ศ. ๒๕๖๑ - ๒๕๖๔)");
    expect(all.find((t) => t.includes("ตามที่"))).toContain("โดยมิชอบ ความละเอียดแจ้งแล้ว นั้น");
    // เรียน the executive; the second block is the executive's, not headed ปลัด again (L41)
    const to = rowOf(spec, (t) => t === "เรียน");
    expect(valueText(spec.rows[to - 1]?.[1])).toBe("นายกเทศมนตรีตำบลก้อ");
    expect(all).toContain("ความเห็นของนายกเทศมนตรีตำบลก้อ");
    expect(all.filter((t) => t === "ความเห็นของปลัดเทศบาลตำบลก้อ")).toHaveLength(1);
    // the two comment blocks side by side, each with its signature
    expect(rowOf(spec, (t) => t === "ความเห็นของนายกเทศมนตรีตำบลก้อ")).toBe(rowOf(spec, (t) => t === "ความเห็นของปลัดเทศบาลตำบลก้อ"));
    expect(all.filter((t) => t.startsWith("(ลงชื่อ)"))).toHaveLength(3);
    expect(styleAt(spec, rowOf(spec, (t) => t === "บันทึกข้อความ"), 1)).toMatchObject({ bold: true, fontSize: 29 });
  });

  it("writes the report date as a date with the BE format of the digit setting", () => {
    for (const digits of ["thai", "arabic"] as const) {
      const spec = memoSheet(seedCtx({ settings: { ...SEED001_MEMO, digits } }));
      const at = spec.rows.flatMap((r, i) => r.map((v, c) => ({ v, row: i + 1, col: c + 1 }))).find((x) => x.v instanceof Date);
      expect(at?.v).toEqual(new Date(Date.UTC(2021, 9, 5)));
      expect(styleAt(spec, at?.row ?? 0, at?.col ?? 0).numFmt).toBe(digits === "thai" ? "[$-D07041E]d mmmm yyyy" : "[$-107041E]d mmmm yyyy");
    }
  });

  it("leaves dotted lines where a setting is blank, never a made-up name", () => {
    const spec = memoSheet(seedCtx());
    expect(spec.rows.flat().some((v) => v instanceof Date)).toBe(false);
    const date = rowOf(spec, (t) => t === "วันที่");
    expect(valueText(spec.rows[date - 1]?.[5])).toMatch(/^\.{10,}$/);
    expect(texts(spec)).toContain(`(${".".repeat(40)})`);
    // เรียน: the executive of the organization's type; the comment blocks headed with the usual offices
    expect(valueText(spec.rows[rowOf(spec, (t) => t === "เรียน") - 1]?.[1])).toBe("นายกเทศมนตรีตำบลก้อ");
    expect(texts(spec)).toEqual(expect.arrayContaining(["ความเห็นของปลัดเทศบาลตำบลก้อ", "ความเห็นของนายกเทศมนตรีตำบลก้อ", `ตำแหน่ง${".".repeat(40)}`]));
    const none = memoSheet(ctxOf(newPlan({ orgName: "", orgType: undefined, district: "", province: "", firstYear: fiscalYear(2566), years: 5, framework: "2566-2570" }), 2567, 6));
    expect(texts(none)).toContain(`ความเห็นของ${".".repeat(40)}`);
    const other = memoSheet(sampleCtx());
    expect(valueText(other.rows[rowOf(other, (t) => t === "เรียน") - 1]?.[1])).toBe("นายกองค์การบริหารส่วนตำบลนาสะเม็ง");
  });

  it("keeps Thai digits out of an Arabic-digit memo and Arabic ones out of a Thai-digit memo", () => {
    const textsOnly = (spec: SheetSpec) => spec.rows.flat().filter((v): v is string => typeof v === "string");
    const thai = textsOnly(memoSheet(seedCtx({ settings: SEED001_MEMO })));
    expect(thai.filter((t) => ARABIC.test(t) && !/e-PlanNACC/.test(t))).toEqual([]);
    // typed with Thai digits, printed with the setting's
    const arabic = textsOnly(memoSheet(seedCtx({ settings: { ...SEED001_MEMO, documentNo: "ลพ ๕๕๖๐๕/", digits: "arabic" } })));
    expect(arabic.filter((t) => THAI.test(t))).toEqual([]);
    expect(arabic).toContain("ลพ 55605/");
  });

  it("prints on one A4 portrait page, with no page number unless it is a draft", () => {
    // the sample as `npm start` reports it: a draft, its banner above the memo's head
    for (const ctx of [seedCtx(), seedCtx({ settings: SEED001_MEMO }), sampleCtx(), seedCtx({ draft: 4, settings: SEED001_MEMO }), sampleCtx({ draft: 5 })]) {
      const spec = memoSheet(ctx);
      expect(spec.print).toMatchObject({ orientation: "portrait", paper: "A4", fitToWidth: true });
      expect(pageCount(spec)).toBe(1);
      const { from, to } = printedRows(spec);
      expect(from).toBe(ctx.draft ? 1 : 2);
      expect(to).toBe(spec.rows.length);
      expect(printScale("portrait", spec.columns.map((c) => c.width))).toBeGreaterThanOrEqual(0.74);
      expect(spec.print?.footer).toBe(ctx.draft ? DRAFT_FOOTER : undefined);
      for (const h of spec.rowHeights ?? []) expect(h.height).toBeLessThanOrEqual(409);
    }
    expect(valueText(memoSheet(seedCtx({ draft: 4 })).rows[0]?.[0])).toContain("ฉบับร่าง (DRAFT)");
  });

  it("is counted as one page by the contents, so the sample's draft report starts Part 1 on page ๕ (the PDF's page 5)", () => {
    const ctx = sampleCtx({ draft: 5 });
    const sheets = reportSheetsOf(ctx).filter((s) => s.name !== REPORT_SHEETS.contents);
    expect(contentsLines(ctx, sheets, 1)[0]?.page).toBe(5);
  });

  it("names the executive and the office acted for from the settings", () => {
    expect(executiveTitle("เทศบาลตำบลก้อ", "subdistrictMunicipality")).toBe("นายกเทศมนตรีตำบลก้อ");
    expect(executiveTitle("เทศบาลนครนครศรีธรรมราช", "cityMunicipality")).toBe("นายกเทศมนตรีนครนครศรีธรรมราช");
    expect(executiveTitle("อบต.โคกคอน", "sao")).toBe("นายกองค์การบริหารส่วนตำบลโคกคอน");
    expect(executiveTitle("อบจ.ลำพูน", "pao")).toBe("นายกองค์การบริหารส่วนจังหวัดลำพูน");
    expect(executiveTitle("", undefined)).toBeUndefined();
    expect(positionOf("ผู้อำนวยการกองคลัง รักษาราชการแทนปลัดเทศบาลตำบลก้อ")).toEqual({
      lines: ["ผู้อำนวยการกองคลัง รักษาราชการแทน", "ปลัดเทศบาลตำบลก้อ"], office: "ปลัดเทศบาลตำบลก้อ",
    });
    expect(positionOf(" นายกเทศมนตรีตำบลก้อ ")).toEqual({ lines: ["นายกเทศมนตรีตำบลก้อ"], office: "นายกเทศมนตรีตำบลก้อ" });
    expect(positionOf("")).toEqual({ lines: [], office: "" });
  });
});

describe("ปก (title page)", () => {
  it("has seed 001's lines (L52–62), the place from the settings", () => {
    const { title, by } = titleLines(seedCtx({ settings: { division: "กองยุทธศาสตร์และงบประมาณ" } }));
    expect(title.map((l) => l.text)).toEqual([
      "รายงานผลการติดตามประเมินการนำ", "แผนปฏิบัติการป้องกันการทุจริตไปสู่การปฏิบัติ", "รอบ ๑๒ เดือน ประจำปีงบประมาณ พ.ศ.๒๕๖๔", "ของเทศบาลตำบลก้อ",
    ]);
    expect(by.map((l) => l.text)).toEqual(["จัดทำโดย", "กองยุทธศาสตร์และงบประมาณ", "เทศบาลตำบลก้อ อำเภอลี้", "จังหวัดลำพูน"]);
    expect(titleLines(sampleCtx({ settings: { digits: "arabic" } })).title[2]?.text).toBe("รอบ 6 เดือน ประจำปีงบประมาณ พ.ศ.2567");
    // a blank division is left out, not printed empty
    expect(titleLines(seedCtx()).by.map((l) => l.text)).toEqual(["จัดทำโดย", "เทศบาลตำบลก้อ อำเภอลี้", "จังหวัดลำพูน"]);
  });

  it("is centred, large and bold, and fills one portrait page", () => {
    for (const ctx of [seedCtx(), sampleCtx(), seedCtx({ draft: 2 })]) {
      const spec = titleSheet(ctx);
      const row = rowOf(spec, (t) => t === "รายงานผลการติดตามประเมินการนำ");
      expect(styleAt(spec, row, 1)).toMatchObject({ bold: true, fontSize: 24, horizontal: "center" });
      expect(spec.merges).toContain(`A${row}:D${row}`);
      expect(spec.print).toMatchObject({ orientation: "portrait", paper: "A4", fitToWidth: true });
      expect(pageCount(spec)).toBe(1);
      const { from, to } = printedRows(spec);
      const used = (spec.rowHeights ?? []).filter((h) => h.row >= from && h.row <= to).reduce((s, h) => s + h.height, 0);
      const page = pageRowsPt("portrait", printScale("portrait", spec.columns.map((c) => c.width)));
      expect(used).toBeLessThanOrEqual(page);
      // the white space is shared above, between and below the two blocks: the text reaches three quarters down
      expect(used).toBeGreaterThan(page * 0.8);
      // the round is below the title, "จัดทำโดย" well below that
      expect(rowOf(spec, (t) => t === "จัดทำโดย")).toBeGreaterThan(rowOf(spec, (t) => t.startsWith("รอบ")) + 1);
    }
  });
});

/** A sheet of `rows` rows of `height` points on A4 landscape at 100 %, with optional breaks and print titles. */
function fakeSheet(name: string, rows: readonly (string | null)[], height: number, extra: { breaks?: number[]; titles?: string; from?: number } = {}): SheetSpec {
  return {
    name, visibility: "visible", rows: rows.map((t) => [t]), columns: [{ width: 100 }], formattedRows: 0, freeze: { rows: 0, columns: 0 },
    rowStyles: [], validations: [], cellFormats: [],
    rowHeights: rows.map((_, i) => ({ row: i + 1, height })),
    print: {
      orientation: "landscape", paper: "A4", fitToWidth: true, printArea: `A${extra.from ?? 1}:A${rows.length}`,
      ...(extra.titles ? { printTitleRows: extra.titles } : {}), ...(extra.breaks ? { pageBreaks: extra.breaks } : {}),
    },
  };
}

describe("page estimate", () => {
  it("breaks where a row no longer fits, at manual breaks, and repeats the print titles", () => {
    const capacity = pageRowsPt("landscape", 1); // 508.9 pt at 100 %
    expect(capacity).toBeCloseTo(508.88, 1);
    const rows = Array.from({ length: 40 }, (_, i) => `r${i + 1}`);
    // 50-pt rows: 10 a page
    expect(pageStarts(fakeSheet("a", rows, 50))).toEqual([1, 11, 21, 31]);
    // a manual break resets the page
    expect(pageStarts(fakeSheet("a", rows, 50, { breaks: [5] }))).toEqual([1, 5, 15, 25, 35]);
    // title rows 1:2 repeated: 8 new rows on each following page
    expect(pageStarts(fakeSheet("a", rows, 50, { titles: "1:2" }))).toEqual([1, 11, 19, 27, 35]);
    expect(pageOfRow(fakeSheet("a", rows, 50), 25)).toBe(3);
    expect(pageCount(fakeSheet("a", rows, 50, { from: 2 }))).toBe(4);
  });

  it("counts the scale that fits the columns on one page wide", () => {
    // Excel draws a column whose file width is w round(7w) px wide (the width counts its padding): 146 fits 769.9 pt
    expect(columnPt(9.140625)).toBe(48); // Excel's default column, 64 px
    expect(printScale("portrait", [96])).toBe(1);
    expect(printScale("landscape", [146])).toBe(1);
    expect(printScale("landscape", [147])).toBe(0.99);
    expect(printScale("landscape", [176])).toBe(0.83);
    expect(printScale("portrait", [124])).toBe(0.8);
    // at 83 % a page holds more rows
    const wide = { ...fakeSheet("a", Array.from({ length: 40 }, () => "x"), 50), columns: [{ width: 176 }] };
    expect(pageStarts(wide)).toEqual([1, 13, 25, 37]);
  });

  it("keeps blocks together, splitting only those taller than a page", () => {
    const flow = new PageFlow(500, 100, 50);
    flow.keep(3, [100, 100]); // 300
    flow.keep(5, [150, 100]); // does not fit the 200 left: a new page, below the repeated 50
    expect(flow.breaks).toEqual([5]);
    flow.keep(7, [200, 200, 200]); // taller than a page: fills this page, goes on between its rows
    expect(flow.breaks).toEqual([5, 8]);
    expect(flow.rowsOnPage).toBe(2);
    expect(flow.room).toBe(50);
  });

  it("spreads rows evenly over the pages when the last page would hold a remnant, in as few pages", () => {
    // 21 rows of 40 pt on pages of 400 (10 a page): 10/10/1 at full pages
    const layOut = (fill: number) => {
      const flow = new PageFlow(fill);
      for (let i = 0; i < 21; i++) flow.keep(i + 1, [40]);
      return { pages: flow.pages, lastUsed: flow.used, breaks: [...flow.breaks] };
    };
    expect(layOut(400)).toEqual({ pages: 3, lastUsed: 40, breaks: [11, 21] });
    const even = balanced(400, layOut);
    expect(even.pages).toBe(3);
    expect(even.breaks).toEqual([8, 15]); // 7/7/7
    // a last page already well filled is left as it is
    const full = (fill: number) => {
      const flow = new PageFlow(fill);
      for (let i = 0; i < 19; i++) flow.keep(i + 1, [40]);
      return { pages: flow.pages, lastUsed: flow.used, breaks: [...flow.breaks] };
    };
    expect(balanced(400, full).breaks).toEqual([11]);
  });
});

describe("สารบัญ (contents)", () => {
  const ctx = seedCtx();
  // stand-ins of the other sheets: pages known by construction
  const part1 = fakeSheet(REPORT_SHEETS.part1, Array.from({ length: 30 }, (_, i) => `p1-${i}`), 50, { from: 2 }); // rows 2–30: 3 pages
  const part2Rows = Array.from({ length: 45 }, (_, i) => `p2-${i}`);
  part2Rows[3] = "มิติที่ ๑ การสร้างสังคมที่ไม่ทนต่อการทุจริต";
  part2Rows[14] = "มิติที่ ๒ การบริหารราชการเพื่อป้องกันการทุจริต";
  part2Rows[33] = "มิติที่ 3 การส่งเสริมบทบาทและการมีส่วนร่วมของภาคประชาชน";
  const part2 = fakeSheet(REPORT_SHEETS.part2, part2Rows, 50, { from: 2, breaks: [15] }); // pages: 2–11, 12–14, 15–24, 25–34, 35–44, 45
  const memo = memoSheet(ctx);
  const title = titleSheet(ctx);
  const part3 = fakeSheet(REPORT_SHEETS.part3, ["x", "y"], 50, { from: 2 });
  const ita = itaSheet(ctx);
  const sheets = [memo, title, part1, part2, part3, ita];

  it("finds the row each dimension starts on in Part 2, Thai digit or Arabic", () => {
    expect(dimensionRow(part2, 1)).toBe(4);
    expect(dimensionRow(part2, 2)).toBe(15);
    expect(dimensionRow(part2, 3)).toBe(34);
    expect(dimensionRow(part2, 4)).toBeUndefined();
  });

  it("lists ส่วนที่ ๑–๓ with a line per dimension and the annexes, each at the page it starts on", () => {
    const lines = contentsLines(ctx, sheets);
    // memo 1, title 2, contents 3, Part 1 4–6, Part 2 7–…, Part 3, then the ITA annex
    expect(pageCount(memo)).toBe(1);
    expect(pageCount(part2)).toBe(6);
    expect(lines.map((l) => [l.text, l.page])).toEqual([
      ["ส่วนที่ ๑ แผนปฏิบัติการป้องกันการทุจริต ๔ ปี (พ.ศ. ๒๕๖๑ - ๒๕๖๔)", 4],
      ["ส่วนที่ ๒ แบบรายงานความคืบหน้าและผลการดำเนินงานตามแผนปฏิบัติการป้องกันการทุจริต", 7],
      ["มิติที่ ๑ การสร้างสังคมที่ไม่ทนต่อการทุจริต", 7],
      ["มิติที่ ๒ การบริหารราชการเพื่อป้องกันการทุจริต", 9],
      ["มิติที่ ๓ การส่งเสริมบทบาทและการมีส่วนร่วมของภาคประชาชน", 10],
      // no heading found for dimension 4 in the stand-in: its line points at the sheet's start
      ["มิติที่ ๔ การเสริมสร้างและปรับปรุงกลไกในการตรวจสอบการปฏิบัติราชการขององค์กรปกครองส่วนท้องถิ่น", 7],
      ["ส่วนที่ ๓ บทสรุป/ข้อเสนอแนะ/แนวทางแก้ไขปรับปรุง", 13],
      ["ภาคผนวก ก ผลการดำเนินงานตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส (ITA)", 14],
    ]);
    expect(lines.filter((l) => l.indent).map((l) => l.row)).toEqual([4, 15, 34, 2]);
  });

  it("links each line to its sheet and row, the page numbers in the digit setting's format", () => {
    const spec = contentsSheet(ctx, sheets);
    const links = spec.rows.flat().filter((v): v is { formula: string; result: string } => v !== null && isFormula(v));
    expect(links).toHaveLength(8);
    expect(links[3]).toEqual(linkTo(REPORT_SHEETS.part2, 15, "มิติที่ ๒ การบริหารราชการเพื่อป้องกันการทุจริต"));
    expect(links[3]?.formula).toBe(`HYPERLINK("#'ส่วนที่2 ผลการดำเนินงาน'!A15","มิติที่ ๒ การบริหารราชการเพื่อป้องกันการทุจริต")`);
    // a line break is CHAR(10) in the formula (the annual list's line puts "(ตามระบบ e-PlanNACC)" on a line of its own)
    expect(linkTo("ก", 2, 'แผน\n(ตามระบบ "e")')).toEqual({ result: 'แผน\n(ตามระบบ "e")', formula: 'HYPERLINK("#\'ก\'!A2","แผน"&CHAR(10)&"(ตามระบบ ""e"")")' });
    // a dimension's line is indented by a column of its own, so its wrapped lines hang under its first;
    // a part's line spans that column too
    const dimension = spec.rows.find((r) => r.some((v) => v !== null && isFormula(v) && v.result?.toString().startsWith("มิติที่ ๒")));
    expect(dimension?.[0]).toBeNull();
    expect(isFormula(dimension?.[1] ?? null)).toBe(true);
    const pageCell = spec.rows.find((r) => r.some((v) => v !== null && isFormula(v) && v.result?.toString().startsWith("ส่วนที่ ๓")));
    expect(isFormula(pageCell?.[0] ?? null)).toBe(true);
    expect(pageCell?.[2]).toBe(13);
    const row = spec.rows.indexOf(pageCell as CellInput[]) + 1;
    expect(spec.merges).toContain(`A${row}:B${row}`);
    expect(styleAt(spec, row, 3).numFmt).toBe(ctx.formats.count);
    expect(texts(spec)).toContain("เรื่อง");
    expect(texts(spec)).toContain("หน้า");
    expect(spec.print).toMatchObject({ orientation: "portrait", paper: "A4", fitToWidth: true });
    // the note on how pages are counted is on screen only, below the print area
    const noteRow = rowOf(spec, (t) => t.startsWith("เลขหน้านับ"));
    expect(noteRow).toBeGreaterThan(printedRows(spec).to);
    expect(pageCount(spec)).toBe(1);
  });

  it("letters the annexes in the order they are there, and counts the real sheets' pages", () => {
    const c = sampleCtx();
    const eplan = eplanSummarySheet(c);
    const dash = dashboardSheet(c);
    const lines = contentsLines(c, [memoSheet(c), titleSheet(c), itaSheet(c), eplan, dash]);
    expect(lines.map((l) => l.text)).toEqual([
      "ภาคผนวก ก ผลการดำเนินงานตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส (ITA)",
      "ภาคผนวก ข สรุปผลการดำเนินงานตามระบบ e-PlanNACC",
      "ภาคผนวก ค สรุปภาพรวมผลการดำเนินงาน",
    ]);
    // memo 1, title 2, contents 3, ITA 4, e-PlanNACC 5…, then the overview
    expect(lines.map((l) => l.page)).toEqual([4, 5, 5 + pageCount(eplan)]);
  });

  it("is one page, with nothing to list for an empty plan but no crash", () => {
    const empty = newPlan({ orgName: "", orgType: undefined, district: "", province: "", firstYear: fiscalYear(2566), years: 5, framework: "2566-2570" });
    const c = ctxOf(empty, 2566, 6);
    const spec = contentsSheet(c, [memoSheet(c), titleSheet(c)]);
    expect(texts(spec)).toContain("ยังไม่มีส่วนของรายงาน");
    expect(pageCount(spec)).toBe(1);
    expect(pageCount(memoSheet(c))).toBe(1);
    expect(titleLines(c).title.map((l) => l.text)).toHaveLength(3);
  });
});
