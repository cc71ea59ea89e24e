/**
 * The คำนำ sheet: the foreword between the title page and the contents, as seed 001 prints it (L64–73) —
 * the heading, a paragraph on the plan and the rounds the NACC asks for (6 months by April, 12 months by
 * October, through e-PlanNACC), a paragraph saying this round's report is done, and at the foot, right of
 * centre, who made it: the division and the organization. Figures, years and the round come from the
 * workbook. The seed's second paragraph names the committee's meeting date, which the workbook does not hold:
 * it is not invented here.
 */
import type { SheetSpec } from "../grid";
import { linesFor, rowHeightPt } from "../text-size";
import { SheetBuilder } from "./builder";
import { footerOf, noteRow, planPeriod, type ReportContext } from "./context";
import { REPORT_SHEETS } from "./names";
import { REPORT_FONT } from "./style";

/** Eight equal columns, 96 characters: A4 portrait at 100 %, as the memo. */
const COLUMNS: readonly number[] = [12, 12, 12, 12, 12, 12, 12, 12];
const LAST = COLUMNS.length;
const WIDTH = COLUMNS.reduce((s, w) => s + w, 0);
/** A paragraph's first line is indented as in the seed (a Thai document's tab). */
const INDENT = "\u00a0".repeat(12);

/** The foreword's paragraphs (seed 001 L66, L68), in the report's digits. */
export function forewordParagraphs(ctx: ReportContext): string[] {
  const s = ctx.model.settings;
  const org = s.orgName.trim() || "องค์กรปกครองส่วนท้องถิ่น";
  const years = ctx.num(s.years);
  const period = planPeriod(ctx);
  const round = ctx.num(ctx.round);
  const fy = ctx.num(ctx.fy);
  return [
    `ตามที่${org} ได้ดำเนินการจัดทำและประกาศใช้แผนปฏิบัติการป้องกันการทุจริต ${years} ปี (${period}) ` +
      "เพื่อเป็นการแสดงเจตจำนงทางการเมืองของผู้บริหารองค์กรปกครองส่วนท้องถิ่นในการต่อต้านการทุจริตอย่างเป็นรูปธรรม " +
      "ตามยุทธศาสตร์ชาติว่าด้วยการป้องกันและปราบปรามการทุจริต โดยกำหนดให้มีกระบวนการติดตามและประเมินผลการดำเนินงานตามแผนปฏิบัติการป้องกันการทุจริต " +
      `รอบ ${ctx.num(6)} เดือน (เดือนตุลาคม - เดือนมีนาคม) ภายในเดือนเมษายน และรอบ ${ctx.num(12)} เดือน (เดือนเมษายน - เดือนกันยายน) ภายในเดือนตุลาคม ` +
      "ให้สำนักงาน ป.ป.ช. ทราบ ผ่านระบบรายงานติดตามผลการดำเนินงานตามแผนปฏิบัติการป้องกันการทุจริต (e-PlanNACC) นั้น",
    `บัดนี้ ${org} ได้ดำเนินการติดตามและประเมินผลการนำแผนปฏิบัติการป้องกันการทุจริตไปสู่การปฏิบัติ รอบ ${round} เดือน ` +
      `ประจำปีงบประมาณ พ.ศ. ${fy} เสร็จเรียบร้อยแล้ว จึงได้จัดทำรายงานผลการนำแผนปฏิบัติการป้องกันการทุจริตไปสู่การปฏิบัติ ` +
      `รอบ ${round} เดือน ประจำปีงบประมาณ พ.ศ. ${fy} ขึ้น`,
  ];
}

export function forewordSheet(ctx: ReportContext): SheetSpec {
  const b = new SheetBuilder();
  const size = REPORT_FONT.size;
  const { firstRow, printFrom } = noteRow(b, ctx, LAST);
  const s = ctx.model.settings;
  let row = firstRow;
  b.area(row, 1, row, LAST, "คำนำ", { bold: true, fontSize: 20, horizontal: "center", vertical: "middle" });
  b.height(row, rowHeightPt(1, 20) + 12);
  row++;
  for (const p of forewordParagraphs(ctx)) {
    const text = INDENT + p;
    b.area(row, 1, row, LAST, text, { wrap: true, vertical: "top" });
    b.height(row, Math.min(409, rowHeightPt(linesFor(text, WIDTH, size), size) + 8));
    row++;
  }
  b.height(row, 40);
  row++;
  // who made it, right of centre (seed 001 L71–73)
  const by = [s.division.trim(), s.orgName.trim()].filter(Boolean);
  for (const line of by) {
    b.area(row, 5, row, LAST, line, { horizontal: "center", vertical: "top", wrap: true });
    b.height(row, rowHeightPt(linesFor(line, WIDTH / 2, size), size));
    row++;
  }
  const lastRow = row - 1;
  return b.toSpec({
    name: REPORT_SHEETS.foreword,
    columns: COLUMNS,
    font: REPORT_FONT,
    print: { orientation: "portrait", paper: "A4", fitToWidth: true, printArea: `A${printFrom}:H${lastRow}`, footer: footerOf(ctx) },
  });
}
