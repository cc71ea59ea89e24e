/**
 * คำนำ (issue 13): the foreword seed 001 prints between its title page and its contents (L64–73), in the
 * report's order (memo, title, foreword, contents, Parts 1–3, appendices), counted in the contents' pages.
 */
import type { PlanWorkbook } from "../../src/domain/plan";
import { fiscalYear } from "../../src/domain/units";
import { isFormula, type CellInput, type SheetSpec } from "../../src/workbook/grid";
import { reportContext, type ReportContext } from "../../src/workbook/reports/context";
import { contentsLines } from "../../src/workbook/reports/contents";
import { forewordParagraphs, forewordSheet } from "../../src/workbook/reports/foreword";
import { reportSheets, REPORT_SHEETS } from "../../src/workbook/reports/index";
import { pageCount } from "../../src/workbook/reports/contents";
import { REPORT_NOW } from "../support/reports";
import { seed001Workbook } from "../support/seed001";

const seed001 = seed001Workbook();
const ctxOf = (model: PlanWorkbook, digits?: "arabic"): ReportContext =>
  reportContext(digits ? { ...model, settings: { ...model.settings, digits } } : model, { fy: fiscalYear(2564), round: 12 }, { now: REPORT_NOW });
const valueText = (v: CellInput | undefined): string => (v === null || v === undefined ? "" : isFormula(v) ? String(v.result ?? "") : String(v));
/** The printed texts: from the print area's first row (row 1 is an on-screen note unless a draft banner prints). */
const texts = (spec: SheetSpec): string[] => {
  const from = Number(/^A(\d+):/.exec(spec.print?.printArea ?? "A1:")?.[1] ?? 1);
  return spec.rows.slice(from - 1).flatMap((r) => r.map(valueText)).filter((t) => t !== "");
};

describe("คำนำ (foreword)", () => {
  const ctx = ctxOf(seed001);
  const spec = forewordSheet(ctx);

  it("says what seed 001's foreword says, with the plan's period, the round and the year from the workbook (L66–68)", () => {
    const [first, second] = forewordParagraphs(ctx);
    expect(first).toContain("ตามที่เทศบาลตำบลก้อ ได้ดำเนินการจัดทำและประกาศใช้แผนปฏิบัติการป้องกันการทุจริต ๔ ปี");
    expect(first).toContain("๒๕๖๑");
    expect(first).toContain("(e-PlanNACC)");
    expect(second).toContain("รอบ ๑๒ เดือน ประจำปีงบประมาณ พ.ศ. ๒๕๖๔ เสร็จเรียบร้อยแล้ว");
    const all = texts(spec);
    expect(all[0]).toBe("คำนำ");
    expect(all.some((t) => t.includes(first as string))).toBe(true);
    // who made it, at the foot (L71–73)
    expect(all.slice(-1)).toEqual(["เทศบาลตำบลก้อ"]);
    // nothing addressed to the user, no Arabic digits in a Thai-digit report
    expect(all.join(" ")).not.toMatch(/แผ่นงาน|[0-9]/);
    expect(forewordParagraphs(ctxOf(seed001, "arabic")).join(" ")).toContain("รอบ 12 เดือน ประจำปีงบประมาณ พ.ศ. 2564");
  });

  it("is one A4 portrait page with the report's page numbers", () => {
    expect(spec.print).toMatchObject({ orientation: "portrait", paper: "A4", fitToWidth: true, footer: "หน้า &P จาก &N" });
    expect(pageCount(spec)).toBe(1);
  });

  it("comes between the title page and the contents, and the contents count its page", () => {
    const sheets = reportSheets(ctx);
    const names = sheets.map((s) => s.name);
    expect(names.slice(0, 4)).toEqual([REPORT_SHEETS.memo, REPORT_SHEETS.title, REPORT_SHEETS.foreword, REPORT_SHEETS.contents]);
    // memo 1, title 2, foreword 3, contents 4: Part 1 starts on page 5
    const lines = contentsLines(ctx, sheets.filter((s) => s.name !== REPORT_SHEETS.contents), 1);
    expect(lines[0]?.page).toBe(5);
  });
});
