/**
 * The ปก sheet: the report's title page as seed 001 prints it (L52–62) — the title on two lines, the round
 * and fiscal year, "ของ{org}", and at the foot "จัดทำโดย" with the division, the organization and its
 * district, and the province. Centred and large, spread over one A4 portrait page. The seed's wrong
 * district (อำเภอสี, L61, for ลี้) is not copied: the place comes from ตั้งค่า.
 */
import type { CellStyle, SheetSpec } from "../grid";
import { columnPx, linesFor, rowHeightPt, textWidthPx } from "../text-size";
import { SheetBuilder } from "./builder";
import { footerOf, noteRow, type ReportContext } from "./context";
import { pageRowsPt, printScale } from "./paging";
import { REPORT_SHEETS } from "./names";
import { REPORT_FONT } from "./style";

const COLUMNS: readonly number[] = [24, 24, 24, 24];
const LAST = COLUMNS.length;
const WIDTH = COLUMNS.reduce((s, w) => s + w, 0);
/**
 * The title's size: its longer line, bold, is about 600 px at 24 pt (measured in LibreOffice's PDF on
 * Laksaman Bold), which one line of the page's 672 px holds; at 28 pt it would wrap in two.
 */
const TITLE_PT = 24;
/** Bold Thai is about a fifth wider than text-size.ts's regular measure. */
const BOLD = 1.2;

interface TitleLine {
  readonly text: string;
  readonly size: number;
  readonly bold: boolean;
}

/** The title page's two blocks of lines: the title (L52–55) and who made it (L59–62). */
export function titleLines(ctx: ReportContext): { readonly title: readonly TitleLine[]; readonly by: readonly TitleLine[] } {
  const s = ctx.model.settings;
  const org = s.orgName.trim();
  const title: TitleLine[] = [
    { text: "รายงานผลการติดตามประเมินการนำ", size: TITLE_PT, bold: true },
    { text: "แผนปฏิบัติการป้องกันการทุจริตไปสู่การปฏิบัติ", size: TITLE_PT, bold: true },
    { text: `รอบ ${ctx.num(ctx.round)} เดือน ประจำปีงบประมาณ พ.ศ.${ctx.num(ctx.fy)}`, size: 22, bold: true },
  ];
  if (org) title.push({ text: `ของ${org}`, size: 22, bold: true });
  const by: TitleLine[] = [{ text: "จัดทำโดย", size: 20, bold: true }];
  if (s.division.trim()) by.push({ text: s.division.trim(), size: 20, bold: false });
  const orgDistrict = [org, s.district.trim() && `อำเภอ${s.district.trim()}`].filter(Boolean).join(" ");
  if (orgDistrict) by.push({ text: orgDistrict, size: 20, bold: false });
  if (s.province.trim()) by.push({ text: `จังหวัด${s.province.trim()}`, size: 20, bold: false });
  return { title, by };
}

export function titleSheet(ctx: ReportContext): SheetSpec {
  const b = new SheetBuilder();
  const { firstRow, printFrom } = noteRow(b, ctx, LAST);
  const { title, by } = titleLines(ctx);
  // a centred title line: one line when it fits the page's width as measured, else as text-size wraps it
  const lines = (l: TitleLine) => (textWidthPx(l.text, l.size) * (l.bold ? BOLD : 1) <= columnPx(WIDTH) - 16 ? 1 : linesFor(l.text, WIDTH, l.size * (l.bold ? BOLD : 1)));
  const heightOf = (l: TitleLine) => rowHeightPt(lines(l), l.size) + 6;
  const content = [...title, ...by].reduce((s, l) => s + heightOf(l), 0);
  // the white space around the two blocks, so that the page looks filled: a third above the title, half between
  const banner = printFrom === 1 ? b.heightOf(1) : 0;
  const page = pageRowsPt("portrait", printScale("portrait", COLUMNS)) - 24 - banner;
  const free = Math.max(60, page - content);
  let row = firstRow;
  const space = (pt: number) => {
    // a row is at most 409 points tall
    for (let left = pt; left > 0; left -= 409) {
      b.height(row, Math.min(409, Math.floor(left)));
      row++;
    }
  };
  const put = (l: TitleLine) => {
    const style: CellStyle = { bold: l.bold, fontSize: l.size, horizontal: "center", vertical: "middle", wrap: true };
    b.area(row, 1, row, LAST, l.text, style);
    b.height(row, heightOf(l));
    row++;
  };
  space(free * 0.3);
  title.forEach(put);
  space(free * 0.45);
  by.forEach(put);
  const lastRow = row - 1;
  return b.toSpec({
    name: REPORT_SHEETS.title,
    columns: COLUMNS,
    font: REPORT_FONT,
    // a title page carries no page number; a draft still says so at its foot
    print: { orientation: "portrait", paper: "A4", fitToWidth: true, printArea: `A${printFrom}:D${lastRow}`, ...(ctx.draft ? { footer: footerOf(ctx) } : {}) },
  });
}
