/**
 * ผลมาตรการ ITA: seed 002's table (อบต.โคกคอน, FY2566) — title (L3), the sentence before the table (L5), the six
 * columns (L7) repeated on every page — with measures built here (neither fixture has any): the result
 * column from the measure's own result and its linked plan items' round (results, evidence), records taller
 * than a page continued on the next, and an honest row when there are no measures.
 */
import type { ItaMeasure, PlanWorkbook, Settings } from "../../src/domain/plan";
import { fiscalYear } from "../../src/domain/units";
import { parseArea } from "../../src/workbook/a1";
import type { CellInput, SheetSpec } from "../../src/workbook/grid";
import { reportContext, type ReportContext } from "../../src/workbook/reports/context";
import { pageCount, pageStarts } from "../../src/workbook/reports/contents";
import { digitsInText, itaResult, itaSheet, takeLines } from "../../src/workbook/reports/ita";
import { linesFor } from "../../src/workbook/text-size";
import { loadSeed000, sampleModel } from "../../tools/build-sample";
import { REPORT_NOW } from "../support/reports";
import { seed001Workbook } from "../support/seed001";

const HEADERS = ["ลำดับ", "แนวทาง/มาตรการดำเนินการ", "ขั้นตอน/วิธีการปฏิบัติ", "ผู้รับผิดชอบ", "ระยะเวลาดำเนินการ", "ผลการดำเนินงาน"];

const measure = (m: Partial<ItaMeasure>): ItaMeasure => ({ no: "", indicator: "", measure: "", steps: "", owner: "", period: "", linkedCodes: [], result: "", ...m });

/** Seed 002's measures ๑, ๒ and ๕ (L8, L9, L17), linked to the sample's items; ๕'s result three times over, to run past a page. */
const LONG = "- ผู้บริหารจัดทำประกาศเจตนารมณ์นโยบาย No Gift Policy จากการปฏิบัติหน้าที่ - จัดให้การประชุมเกี่ยวกับการปฏิบัติหน้าที่ ให้เป็นไปด้วยความถูกต้อง " +
  "ซื่อสัตย์สุจริต เน้นคุณธรรมและความโปร่งใสในการทำงาน และเพื่อปลูกจิตสำนึกหรือสร้างวัฒนธรรมให้ เจ้าหน้าที่ในการเสริมสร้างการรับของขวัญ ของกำนัลทุกชนิด " +
  "เพื่อให้เกิดประสิทธิภาพและประโยชน์สูงสุดแก่ประชาชนในฐานะผู้รับบริการจากหน่วยงาน อย่างแท้จริง - จัดทำแผนป้องกันการทุจริต ประจำปี พ.ศ. ๒๕๖๖ – ๒๕๗๐";
const MEASURES: ItaMeasure[] = [
  measure({
    no: "๑", measure: "มาตรการหรือแนวทางในการพัฒนาด้านการปฏิบัติหน้าที่",
    steps: "- หน่วยงานต้องจัดให้มีการประเมินความพึงพอใจของผู้มาติดต่อหรือรับบริการ\n- หน่วยงานต้องแสดงคู่มือการให้บริการประชาชน",
    owner: "- สำนักปลัด - กองคลัง - กองช่าง - กองสวัสดิการสังคม", period: "ตุลาคม 2566 - 30 กันยายน 2567",
    linkedCodes: ["1.1.3", "9.9.9"],
    result: "- มีการมอบหมายเจ้าหน้าที่ดำเนินการจัดทำแบบสำรวจความพึงพอใจของผู้มารับบริการ",
  }),
  measure({
    no: "๒", measure: "๒. มาตรการหรือแนวทางในการใช้จ่ายงบประมาณ", owner: "กองคลัง", period: "ตุลาคม ๒๕๖๖ - ๓๐ กันยายน ๒๕๖๗",
    steps: "-หน่วยงานมาตรการในการเผยแพร่ข้อมูลที่เกี่ยวข้องกับการใช้จ่ายงบประมาณให้บุคลากรทราบ -หน่วยงานต้องจัดทำรายงานการใช้จ่ายงบประมาณประจำปีและเผยแพร่บนเว็บไซต์ของหน่วยงาน",
    linkedCodes: ["2.1.3", "4.1.1"],
  }),
  measure({ no: "๕", measure: "มาตรการการแก้ไขปัญหาการทุจริต", owner: "สำนักปลัด", result: `${LONG} ${LONG.replace(/๒๕๗๐/, "๒๕๗๑")} ${LONG.replace(/๒๕๗๐/, "๒๕๗๒")}` }),
];

const sample = sampleModel(loadSeed000());
const withMeasures = (model: PlanWorkbook, settings: Partial<Settings> = {}): PlanWorkbook => ({ ...model, itaMeasures: MEASURES, settings: { ...model.settings, ...settings } });
const ctxOf = (model: PlanWorkbook, fy: number, round: 6 | 12, draft?: number): ReportContext =>
  reportContext(model, { fy: fiscalYear(fy), round }, { now: REPORT_NOW, ...(draft ? { draft: { errors: draft } } : {}) });

const text = (v: CellInput | undefined) => (typeof v === "string" ? v : v === null || v === undefined ? "" : String(v));
const headerRow = (spec: SheetSpec) => spec.rows.findIndex((r) => text(r[0]) === "ลำดับ") + 1;
/** The record rows: one sheet row per block (merged cells keep their text in the first row). */
const bodyRows = (spec: SheetSpec) => spec.rows.slice(headerRow(spec)).map((r, i) => ({ row: headerRow(spec) + 1 + i, cells: r })).filter((x) => x.cells.some((v) => v !== null));

describe("ผลมาตรการ ITA", () => {
  it("has seed 002's title, introduction and six columns (L3, L5, L7)", () => {
    const spec = itaSheet(ctxOf(withMeasures(sample), 2567, 6));
    const texts = spec.rows.flat().map(text);
    expect(texts).toContain("มาตรการส่งเสริมคุณธรรมและความโปร่งใสขององค์การบริหารส่วนตำบลนาสะเม็ง ประจำปีงบประมาณ พ.ศ. ๒๕๖๗");
    expect(texts.find((t) => t.includes("จากการวิเคราะห์"))).toContain(
      "จากการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๖ นำมาสู่ข้อเสนอแนะในการกำหนดมาตรการในการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงานของ องค์การบริหารส่วนตำบลนาสะเม็ง ดังนี้",
    );
    const h = headerRow(spec);
    expect(spec.rows[h - 1]?.map(text)).toEqual(HEADERS);
    expect(spec.print).toMatchObject({ orientation: "landscape", paper: "A4", fitToWidth: true, printTitleRows: `${h}:${h}` });
  });

  it("builds the result from the measure's own result, then its linked items' results and evidence", () => {
    const ctx = ctxOf(withMeasures(sample), 2567, 6);
    expect(itaResult(ctx, MEASURES[0] as ItaMeasure).split("\n")).toEqual([
      "- มีการมอบหมายเจ้าหน้าที่ดำเนินการจัดทำแบบสำรวจความพึงพอใจของผู้มารับบริการ",
      "- เตรียมหลักสูตรอบรมและประสานวิทยากร",
      "- ขออนุมัติโครงการและจัดซื้อวัสดุอบรม",
      "- จัดอบรมผู้บริหาร สมาชิกสภา และพนักงาน 45 คน",
      "- รหัส 9.9.9 ไม่มีในแผนปฏิบัติการปีงบประมาณนี้",
      "- หลักฐาน: https://example.org/sample/1-1-3",
    ]);
    // an item without a result in the round says so, by name
    const second = itaResult(ctx, MEASURES[1] as ItaMeasure).split("\n");
    expect(second.slice(0, 3)).toEqual(["- เผยแพร่ข้อมูลสาธารณะบนเว็บไซต์ครบ 12 หัวข้อ", "- ปรับปรุงหน้า ITA บนเว็บไซต์", "- ตรวจสอบการเผยแพร่ข้อมูลรายไตรมาส"]);
    expect(second[3]).toMatch(/^- .+: ยังไม่มีผลการดำเนินงานในรอบนี้$/);
    // nothing at all: "-"
    expect(itaResult(ctx, measure({ measure: "x" }))).toBe("-");
  });

  it("puts a record's cells in seed 002's columns: its number once, bullets a line each, digits as set", () => {
    const spec = itaSheet(ctxOf(withMeasures(sample), 2567, 6));
    const rows = bodyRows(spec);
    const first = rows[0];
    const second = rows.find((r) => text(r.cells[0]) === "๒");
    expect(text(first?.cells[0])).toBe("๑");
    expect(text(first?.cells[3])).toBe("- สำนักปลัด\n- กองคลัง\n- กองช่าง\n- กองสวัสดิการสังคม");
    expect(text(first?.cells[4])).toBe("ตุลาคม ๒๕๖๖ - ๓๐ กันยายน ๒๕๖๗");
    // record ๑ does not fit under the header on page 1: it goes on in a continuation row; links and Latin words keep their digits
    const result = rows.slice(0, rows.indexOf(second as (typeof rows)[number])).map((r) => text(r.cells[5])).join("\n");
    expect(result).toContain("- หลักฐาน: https://example.org/sample/1-1-3");
    expect(result).toContain("- จัดอบรมผู้บริหาร สมาชิกสภา และพนักงาน ๔๕ คน");
    // the number typed twice in seed 002 (L9 "๒ | ๒. มาตรการ…") once
    expect(text(second?.cells[0])).toBe("๒");
    expect(text(second?.cells[1])).toBe("มาตรการหรือแนวทางในการใช้จ่ายงบประมาณ");
    expect(text(second?.cells[2])).toBe("- หน่วยงานมาตรการในการเผยแพร่ข้อมูลที่เกี่ยวข้องกับการใช้จ่ายงบประมาณให้บุคลากรทราบ\n- หน่วยงานต้องจัดทำรายงานการใช้จ่ายงบประมาณประจำปีและเผยแพร่บนเว็บไซต์ของหน่วยงาน");
    const arabic = itaSheet(ctxOf(withMeasures(sample, { digits: "arabic" }), 2567, 6));
    expect(text(bodyRows(arabic).find((r) => text(r.cells[0]) === "2")?.cells[4])).toBe("ตุลาคม 2566 - 30 กันยายน 2567");
    expect(text(bodyRows(arabic)[0]?.cells[0])).toBe("1");
  });

  it("continues a record taller than a page on the next, losing nothing, in rows Excel can hold", () => {
    const spec = itaSheet(ctxOf(withMeasures(sample), 2567, 6));
    const rows = bodyRows(spec);
    const third = rows.findIndex((r) => text(r.cells[0]) === "๕");
    const pieces = rows.slice(third);
    expect(pieces.length).toBeGreaterThan(1);
    // continuation rows leave ลำดับ and the measure empty, as seed 002's do (L16, L20)
    for (const p of pieces.slice(1)) {
      expect(text(p.cells[0])).toBe("");
      expect(text(p.cells[1])).toBe("");
    }
    const joined = pieces.map((p) => text(p.cells[5])).join(" ").replace(/\s+/g, " ");
    const whole = itaResult(ctxOf(withMeasures(sample), 2567, 6), MEASURES[2] as ItaMeasure);
    expect(joined).toBe(digitsInText(ctxOf(sample, 2567, 6), whole).replace(/\s+/g, " "));
    // every continuation starts a page, below the repeated header
    const starts = pageStarts(spec);
    // (a piece taller than Excel's 409-point row is merged down two rows: its second row starts nothing)
    for (const p of pieces.slice(1).filter((x) => text(x.cells[5]) !== "")) expect(starts).toContain(p.row);
    for (const h of spec.rowHeights ?? []) expect(h.height).toBeLessThanOrEqual(409);
    expect(pageCount(spec)).toBe(starts.length);
    expect(spec.print?.pageBreaks?.length).toBe(starts.length - 1);
  });

  it("says so in one row when there are no measures (both fixtures have none)", () => {
    for (const spec of [itaSheet(ctxOf(seed001Workbook(), 2564, 12, 16)), itaSheet(ctxOf(sample, 2567, 6))]) {
      const rows = bodyRows(spec);
      expect(rows).toHaveLength(1);
      expect(text(rows[0]?.cells[0])).toBe("ไม่มีมาตรการส่งเสริมคุณธรรมและความโปร่งใส (ITA) ในแผน");
      expect(spec.merges).toContain(`A${rows[0]?.row}:F${rows[0]?.row}`);
      expect(pageCount(spec)).toBe(1);
    }
    const draft = itaSheet(ctxOf(seed001Workbook(), 2564, 12, 16));
    expect(text(draft.rows[0]?.[0])).toContain("ฉบับร่าง (DRAFT)");
    expect(parseArea(draft.print?.printArea ?? "")?.top).toBe(1);
  });

  it("cuts a text between its bullets where it can, between words where it must, and loses nothing", () => {
    const bullets = Array.from({ length: 12 }, (_, i) => `- ข้อที่ ${i + 1} การดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส`).join("\n");
    const [head, rest] = takeLines(bullets, 40, 8);
    expect(linesFor(head, 40, 16)).toBeLessThanOrEqual(8);
    expect(head.split("\n").every((l) => l.startsWith("- "))).toBe(true);
    expect(`${head}\n${rest}`).toBe(bullets);
    const long = "คำ ".repeat(400).trim();
    const [h2, r2] = takeLines(long, 40, 5);
    expect(linesFor(h2, 40, 16)).toBeLessThanOrEqual(5);
    expect(`${h2} ${r2}`.replace(/\s+/g, " ")).toBe(long);
    expect(takeLines("สั้น", 40, 5)).toEqual(["สั้น", ""]);
  });
});
