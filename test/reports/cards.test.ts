/**
 * บัตรโครงการ: one card per plan item in the plans' ส่วนที่ ๓ layout (seed 000 L341–2731), texts from the
 * รายละเอียดโครงการ sheet, name/budget/period/owner from the plan table so that card and table agree.
 */
import { type PlanItem, type PlanWorkbook, type Quarter, yearBudgets } from "../../src/domain/plan";
import { baht, fiscalYear, type PlanCode } from "../../src/domain/units";
import type { CellInput, SheetSpec } from "../../src/workbook/grid";
import { cardBudget, cardFields, cardPeriod, cardsSheet, splitParagraph } from "../../src/workbook/reports/cards";
import { reportContext } from "../../src/workbook/reports/context";
import { orderedItems } from "../../src/workbook/reports/part1-plan";
import { linesFor, rowHeightPt } from "../../src/workbook/text-size";
import { loadSeed000, sampleModel } from "../../tools/build-sample";
import { REPORT_NOW } from "../support/reports";
import { seed001Workbook } from "../support/seed001";

const seed000 = loadSeed000() as ReturnType<typeof loadSeed000> & { items: { code: string; card?: { rationale?: string } }[] };
const sample = sampleModel(seed000);
const seed001 = seed001Workbook();
const ctxOf = (model: PlanWorkbook, fy = 2567) => reportContext(model, { fy: fiscalYear(fy), round: 6 }, { now: REPORT_NOW });
const item = (model: PlanWorkbook, code: string): PlanItem => model.items.find((it) => it.code === code) as PlanItem;

const cell = (s: SheetSpec, row: number, col: number): CellInput => s.rows[row - 1]?.[col - 1] ?? null;
const text = (s: SheetSpec, row: number, col: number): string => {
  const v = cell(s, row, col);
  return typeof v === "string" ? v : "";
};
const allRows = (s: SheetSpec) => s.rows.map((_, i) => i + 1);

const HEADINGS = ["๑. ชื่อโครงการ : ", "๒. หลักการและเหตุผล", "๓. วัตถุประสงค์", "๔. เป้าหมาย", "๕. วิธีดำเนินการ", "๖. ระยะเวลาดำเนินการ", "๗. งบประมาณดำเนินการ", "๘. ผู้รับผิดชอบโครงการ", "๙. ผลผลิต/ผลลัพธ์"];

describe("seed 000's 39 cards (อบต.นาสะเม็ง)", () => {
  const ctx = ctxOf(sample);
  const s = cardsSheet(ctx);
  const starts = allRows(s).filter((r) => text(s, r, 1).startsWith("ลำดับที่ "));

  it("has one card per item, in the plan table's order, each starting a printed page", () => {
    expect(starts).toHaveLength(39);
    expect(starts.map((r) => text(s, r, 1))).toEqual(orderedItems(ctx).map((it, i) => `ลำดับที่ ${ctx.num(i + 1)} — รหัส ${ctx.num(it.code as string)}`));
    const breaks = s.print?.pageBreaks ?? [];
    // the card's heading lines (มิติ, ภารกิจ) sit above its number, on the page the card starts
    for (const r of starts) expect(breaks).toContain(r - 3);
    // a page never ends with a heading whose text went to the next page
    for (const br of breaks) {
      expect(text(s, br - 1, 1)).not.toMatch(/^[๑-๙]\. /);
      expect(["ผลผลิต", "ผลลัพธ์"]).not.toContain(text(s, br - 1, 2));
    }
    expect(text(s, (starts[0] as number) - 3, 1)).toBe("มิติที่ ๑ การสร้างวัฒนธรรมสุจริต");
    expect(text(s, (starts[0] as number) - 2, 1)).toMatch(/^ภารกิจที่ ๑\.๑ การเสริมสร้างจิตสำนึก/);
  });

  it("opens with a title page like seed 000 L343–349", () => {
    const firstCard = (s.print?.pageBreaks ?? [])[0] as number;
    const firstTexts = s.rows.slice(1, firstCard - 1).map((r) => r[0]).filter((v): v is string => typeof v === "string");
    expect(firstTexts).toEqual(["รายละเอียดโครงการ / กิจกรรม / มาตรการ", "แผนปฏิบัติการป้องกันการทุจริต", "(พ.ศ. ๒๕๖๖ - ๒๕๗๐)", "ขององค์การบริหารส่วนตำบลนาสะเม็ง อำเภอดอนตาล จังหวัดมุกดาหาร"]);
  });

  it("writes the nine fields in the seeds' order, ๙ with its two sub-headings", () => {
    starts.forEach((start, k) => {
      const end = starts[k + 1] ?? s.rows.length + 1;
      const headings = allRows(s).filter((r) => r > start && r < end && text(s, r, 1) !== "").map((r) => text(s, r, 1));
      expect(headings.map((h, i) => (i === 0 ? h.slice(0, HEADINGS[0]?.length) : h)).slice(0, 9)).toEqual(HEADINGS);
      const subs = allRows(s).filter((r) => r > start && r < end && (text(s, r, 2) === "ผลผลิต" || text(s, r, 2) === "ผลลัพธ์")).map((r) => text(s, r, 2));
      expect(subs).toEqual(["ผลผลิต", "ผลลัพธ์"]);
    });
  });

  it("takes the texts from the detail sheet: card 1's rationale (seed 000 L357) and its target (L365)", () => {
    const rationale = seed000.items[0]?.card?.rationale as string;
    const flat = s.rows.map((r) => r.filter((v) => typeof v === "string").join("")).join("\n");
    expect(flat).toContain(rationale.split("\n")[0]);
    const fields = cardFields(ctx, item(sample, "1.1.1"));
    expect(fields[3]?.paragraphs).toEqual(["บุคลากร ผู้บริหาร สมาชิกสภาองค์การบริหารส่วนตำบล จำนวน ๗๐ คน"]);
    expect(fields[7]?.paragraphs).toEqual(["งานเจ้าหน้าที่ องค์การบริหารส่วนตำบลนาสะเม็ง"]);
  });

  it("writes budget and period from the plan table: 1.1.3 'ปีละ ๒๐,๐๐๐ บาท' (L497), 3.1.1 no budget whatever its card said (B10)", () => {
    expect(cardBudget(ctx, item(sample, "1.1.3"))).toEqual(["ปีละ ๒๐,๐๐๐ บาท"]);
    expect(cardBudget(ctx, item(sample, "3.1.1"))).toEqual(["ไม่ใช้งบประมาณ"]);
    expect(cardPeriod(ctx, item(sample, "1.1.1"))).toEqual(["ปีงบประมาณ พ.ศ. ๒๕๖๖ – ๒๕๗๐"]);
  });

  it("prints portrait A4, one page wide, rows tall enough for their wrapped text and never above 409 pt", () => {
    expect(s.print).toMatchObject({ orientation: "portrait", paper: "A4", fitToWidth: true, printArea: `A2:C${s.rows.length}` });
    expect(s.print?.printTitleRows).toBeUndefined();
    const heights = new Map((s.rowHeights ?? []).map((h) => [h.row, h.height]));
    for (const r of allRows(s)) {
      const body = text(s, r, 2) || text(s, r, 3);
      if (body && !["ผลผลิต", "ผลลัพธ์"].includes(body)) {
        const width = text(s, r, 2) ? 91 : 86;
        expect(heights.get(r)).toBe(Math.min(409, rowHeightPt(linesFor(body, width, 16), 16)));
      }
    }
    expect(Math.max(...heights.values())).toBeLessThanOrEqual(409);
  });
});

describe("cards of an old plan without detail rows (seed 001)", () => {
  const ctx = ctxOf(seed001, 2564);

  it("still gets a card per item, '-' where nothing is known", () => {
    const s = cardsSheet(ctx);
    expect(allRows(s).filter((r) => text(s, r, 1).startsWith("ลำดับที่ "))).toHaveLength(80);
    const fields = cardFields(ctx, seed001.items[0] as PlanItem);
    expect(fields[1]?.paragraphs).toEqual(["-"]);
    expect(fields[7]?.paragraphs).toEqual(["-"]);
    // the indicator and target the plan has are listed under ผลลัพธ์
    expect(fields[8]?.parts?.[1]?.paragraphs[0]).toMatch(/^ตัวชี้วัด: /);
  });

  it("lists the budget year by year when the years differ (seed 001 L96: 50,000 in 2561 only)", () => {
    const it1 = seed001.items.find((it) => it.name.startsWith("โครงการปรับปรุงภูมิทัศน์")) as PlanItem;
    expect(cardBudget(ctx, it1)).toEqual([
      "ปีงบประมาณ พ.ศ. ๒๕๖๑ จำนวน ๕๐,๐๐๐ บาท", "ปีงบประมาณ พ.ศ. ๒๕๖๒ ไม่ใช้งบประมาณ",
      "ปีงบประมาณ พ.ศ. ๒๕๖๓ ไม่ใช้งบประมาณ", "ปีงบประมาณ พ.ศ. ๒๕๖๔ ไม่ใช้งบประมาณ", "รวมทั้งสิ้น ๕๐,๐๐๐ บาท",
    ]);
  });
});

describe("what the documents never show", () => {
  const base = sample.items[0] as PlanItem;

  it("planned quarters and a partial period", () => {
    const ctx = ctxOf(sample);
    const it1: PlanItem = { ...base, quarters: [4, 2] as Quarter[], budgets: yearBudgets({ 2567: baht(1000), 2568: baht(1000) }) };
    expect(cardPeriod(ctx, it1)).toEqual(["ปีงบประมาณ พ.ศ. ๒๕๖๗ – ๒๕๖๘", "ดำเนินการในไตรมาสที่ ๒ (มกราคม – มีนาคม) และไตรมาสที่ ๔ (กรกฎาคม – กันยายน)"]);
    expect(cardBudget(ctx, it1)).toEqual(["ปีละ ๑,๐๐๐ บาท"]);
    expect(cardBudget(ctx, { ...it1, budgets: yearBudgets({ 2569: baht(2500.5) }) })).toEqual(["ปีงบประมาณ พ.ศ. ๒๕๖๙ จำนวน ๒,๕๐๐.๕๐ บาท"]);
    expect(cardPeriod(ctx, { ...it1, quarters: [], budgets: yearBudgets({ 2566: baht(0), 2568: baht(0) }) })).toEqual(["ปีงบประมาณ พ.ศ. ๒๕๖๖, ๒๕๖๘"]);
    expect(cardBudget(ctx, { ...it1, budgets: {} })).toEqual(["-"]);
  });

  it("a rationale longer than a page is cut into rows of at most twelve lines, nothing lost", () => {
    const long = Array.from({ length: 120 }, (_, i) => `ประโยคที่${i} ว่าด้วยความโปร่งใสในการบริหารราชการขององค์กรปกครองส่วนท้องถิ่น`).join(" ");
    const pieces = splitParagraph(long, 91, 16);
    expect(pieces.length).toBeGreaterThan(3);
    expect(pieces.every((p) => linesFor(p, 91, 16) <= 12)).toBe(true);
    expect(pieces.join(" ")).toBe(long);
    const noSpaces = "ก".repeat(3000);
    const cut = splitParagraph(noSpaces, 91, 16);
    expect(cut.join("")).toBe(noSpaces);
    expect(cut.every((p) => linesFor(p, 91, 16) <= 12)).toBe(true);

    const model: PlanWorkbook = {
      ...sample,
      items: [{ ...base, code: "9.9" as PlanCode, dimension: undefined, mission: undefined, name: "" }],
      details: [{ code: "9.9" as PlanCode, rationale: `${long}\n${noSpaces}`, objectives: "", targetGroups: "", method: "", outputs: "", outcomes: "" }],
    };
    const s = cardsSheet(ctxOf(model));
    expect(Math.max(...(s.rowHeights ?? []).map((h) => h.height))).toBeLessThanOrEqual(409);
    const flat = JSON.stringify(s.rows);
    expect(flat).toContain("ไม่ระบุมิติ");
    expect(flat).toContain("๑. ชื่อโครงการ : -");
    // the card flows over several pages, a heading never left alone at the foot of one
    expect((s.print?.pageBreaks ?? []).length).toBeGreaterThan(2);
  });

  it("an empty plan: the title page and one honest line", () => {
    const s = cardsSheet(ctxOf({ ...sample, items: [], details: [] }));
    expect(JSON.stringify(s.rows)).toContain("ยังไม่มีโครงการ/กิจกรรม/มาตรการในแผน");
  });

  it("Arabic digits when the setting says so", () => {
    const arabic = { ...sample, settings: { ...sample.settings, digits: "arabic" as const } };
    const ctx = ctxOf(arabic);
    expect(cardBudget(ctx, item(arabic, "1.1.3"))).toEqual(["ปีละ 20,000 บาท"]);
    expect(cardFields(ctx, item(arabic, "1.1.3")).map((f) => f.heading.slice(0, 2))).toEqual(["1.", "2.", "3.", "4.", "5.", "6.", "7.", "8.", "9."]);
  });
});
