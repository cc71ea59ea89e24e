/**
 * The บันทึกข้อความ sheet: the cover memo that sends the report up the line, laid out as seed 001's (L5–50):
 * ส่วนราชการ / ที่ · วันที่ / เรื่อง / เรียน, the paragraphs ตามที่… (L16) and บัดนี้… (L18), จึงเรียนมาเพื่อโปรดทราบ
 * (L20), the reporter's signature (L22–26), then a comment block for each commenter (L28–50: ความเห็นของ…,
 * dotted lines, signature, name, position, "รักษาราชการแทน" on its own line as L37–39 print it) — side by
 * side rather than one under the other as the seed has them, so that the memo keeps to one sheet of paper.
 *
 * Not copied from the seed: the wrong district (อำเภอสี, L7, for ลี้), the system's name "E-planncc" (L18),
 * the missing space in "มิชอบความละเอียด" (L16) and the second block headed with the first commenter's
 * office (L41 says ความเห็นของปลัด… above the mayor's signature). Every name comes from ตั้งค่า; a setting
 * left blank prints as a dotted line to be filled by hand, never as a made-up name.
 */
import type { OrgType } from "../../domain/lists";
import type { CellStyle, SheetSpec } from "../grid";
import { columnPx, linesFor, rowHeightPt, textWidthPx } from "../text-size";
import { SheetBuilder } from "./builder";
import { footerOf, noteRow, orgLine, planPeriod, type ReportContext, roundEnd, roundStart } from "./context";
import { pageRowsPt, printScale, widthForScale } from "./paging";
import { digitsInText } from "./ita";
import { REPORT_SHEETS } from "./names";
import { REPORT_FONT } from "./style";
import { expandOrgName } from "../../domain/org-types";

/** Eight equal columns, 96 characters: A4 portrait at 100 %. */
const COLUMNS: readonly number[] = [12, 12, 12, 12, 12, 12, 12, 12];
const LAST = COLUMNS.length;
/** The first line of a paragraph is indented (2.5 cm in the official format). */
const INDENT = "\u00a0".repeat(14);
/** A line to be filled by hand. */
export const DOTS = ".".repeat(40);
/** The official memo's sizes: the head 29 pt, the labels 20 pt bold, the text 16 pt. */
const HEAD_PT = 29;
const LABEL_PT = 20;
/**
 * The smallest print (fit to width) a memo is shrunk to, to keep it on one page: 16 pt prints as 11.8 pt. At 78 %
 * the sample's draft memo (its banner above the head) still measured 976 pt on a 969 pt page: the contents then
 * counted it as two pages and every page number in it was one too high.
 */
const MIN_SCALE_PCT = 74;

/** "องค์การบริหารส่วนตำบลนาสะเม็ง" for "อบต.นาสะเม็ง": titles are written out in full. */
const fullOrgName = expandOrgName;

/**
 * The organization's executive, from its name and type: นายกเทศมนตรีตำบลก้อ for เทศบาลตำบลก้อ (seed 001, L14,
 * L50), นายกองค์การบริหารส่วนตำบล… for an อบต.; undefined without an organization name.
 */
export function executiveTitle(orgName: string, orgType: OrgType | undefined): string | undefined {
  const name = fullOrgName(orgName.trim());
  if (name === "") return undefined;
  if (name.startsWith("เทศบาล")) return `นายกเทศมนตรี${name.slice("เทศบาล".length)}`;
  if (name.startsWith("องค์การบริหารส่วน") || orgType === "sao" || orgType === "pao") return `นายก${name}`;
  return `ผู้บริหาร${name}`;
}

/** The organization's permanent secretary (ปลัด), who comments first (seed 001, L28: ความเห็นของปลัดเทศบาลตำบลก้อ). */
export function clerkTitle(orgName: string): string | undefined {
  const name = fullOrgName(orgName.trim());
  return name === "" ? undefined : `ปลัด${name}`;
}

/** A position as signed under a name: "ผู้อำนวยการกองคลัง รักษาราชการแทน" / "ปลัดเทศบาลตำบลก้อ" (L37–39). */
export interface Position {
  /** The lines printed under the name. */
  readonly lines: readonly string[];
  /** The office the comment is the comment of: the office held or acted for ("ความเห็นของปลัดเทศบาลตำบลก้อ", L28). */
  readonly office: string;
}

export function positionOf(text: string): Position {
  const t = text.replace(/\s+/g, " ").trim();
  const acting = /^(.*?)\s*รักษาราชการแทน\s*(.*)$/.exec(t);
  if (acting && acting[2]) {
    const own = (acting[1] ?? "").trim();
    return { lines: [`${own} รักษาราชการแทน`.trim(), acting[2].trim()], office: acting[2].trim() };
  }
  return { lines: t === "" ? [] : [t], office: t };
}

/** The memo's subject (REPORTS.md; seed 001, L12). */
export function memoSubject(ctx: ReportContext): string {
  return `รายงานผลการประเมินตามแผนปฏิบัติการป้องกันและปราบปรามการทุจริตขององค์กรปกครองส่วนท้องถิ่นประจำปีงบประมาณ พ.ศ.${ctx.num(ctx.fy)} ` +
    `รอบ ${ctx.num(ctx.round)} เดือน (ระหว่างวันที่ ${roundStart(ctx)} ถึง ${roundEnd(ctx)})`;
}

/** The two paragraphs (seed 001, L16 and L18), with the organization, plan period, year and round of the settings. */
export function memoParagraphs(ctx: ReportContext): readonly [string, string] {
  const s = ctx.model.settings;
  const org = s.orgName.trim() || "องค์กรปกครองส่วนท้องถิ่น";
  const plan = `แผนปฏิบัติการป้องกันการทุจริต ${ctx.num(s.years)} ปี (${planPeriod(ctx)})`;
  const who = s.division.trim() || org;
  return [
    `ตามที่ ${org} ได้จัดทำ${plan} เพื่อเป็นการขับเคลื่อนตามยุทธศาสตร์ชาติว่าด้วยการป้องกันและปราบปรามการทุจริตของภาครัฐ ` +
      "ซึ่งมุ่งสู่การเป็นประเทศที่มีมาตรฐานทางคุณธรรมจริยธรรม ด้วยความตระหนักถึงภัยจากปัญหาการทุจริตที่ส่งผลกระทบต่อองค์กร" +
      "และเข้ามามีส่วนร่วมเพื่อเป็นกลไกในการป้องกันและปราบปรามการทุจริตให้มีประสิทธิภาพยิ่งขึ้นอย่างต่อเนื่อง " +
      "อีกทั้งยังเป็นกลไกสำคัญในการป้องกันไม่ให้เกิดการใช้อำนาจหน้าที่ในการบริหารราชการโดยมิชอบ ความละเอียดแจ้งแล้ว นั้น",
    `บัดนี้ ${who} ได้ดำเนินการบันทึกในระบบสารสนเทศ e-PlanNACC เป็นที่เรียบร้อยแล้ว ` +
      `จึงขอรายงานผลการดำเนินการตามโครงการ/กิจกรรม/มาตรการ/และแนวทางในการปฏิบัติตาม${plan} ${org} ` +
      `ประจำปีงบประมาณ พ.ศ.${ctx.num(ctx.fy)} (รอบ ${ctx.num(ctx.round)} เดือน ระหว่างวันที่ ${roundStart(ctx)} ถึง ${roundEnd(ctx)})`,
  ];
}

export function memoSheet(ctx: ReportContext): SheetSpec {
  // A memo is one sheet of paper: when its rows are taller than an A4 page at 100 %, the columns are
  // widened so that "fit to one page wide" prints it smaller — the largest print that fits, never below
  // 78 % (wider columns also wrap into fewer lines, so each try estimates the heights again).
  let spec = buildMemo(ctx, COLUMNS);
  for (let pct = 100; pct >= MIN_SCALE_PCT; pct -= 2) {
    const columns = pct === 100 ? COLUMNS : COLUMNS.map(() => Math.floor((widthForScale(pct / 100, "portrait") / COLUMNS.length) * 10) / 10);
    spec = buildMemo(ctx, columns);
    if (printedHeight(spec) <= pageRowsPt("portrait", printScale("portrait", columns)) - 12) break;
  }
  return spec;
}

function printedHeight(spec: SheetSpec): number {
  const area = /^A(\d+):[A-Z]+(\d+)$/.exec(spec.print?.printArea ?? "");
  const from = Number(area?.[1] ?? 1);
  const to = Number(area?.[2] ?? spec.rows.length);
  return (spec.rowHeights ?? []).filter((h) => h.row >= from && h.row <= to).reduce((sum, h) => sum + h.height, 0);
}

function buildMemo(ctx: ReportContext, columns: readonly number[]): SheetSpec {
  const s = ctx.model.settings;
  const b = new SheetBuilder();
  const width = (from: number, to: number) => columns.slice(from - 1, to).reduce((sum, w) => sum + w, 0);
  const { firstRow, printFrom } = noteRow(b, ctx, LAST);
  const size = REPORT_FONT.size;
  const line = rowHeightPt(1, size);
  const label = { bold: true, fontSize: LABEL_PT, vertical: "middle" } as const;
  const text = { vertical: "top", wrap: true } as const;
  /** A row at least this tall (rows shared by two texts take the taller). */
  const grow = (row: number, pt: number) => b.height(row, Math.max(b.heights.some((h) => h.row === row) ? b.heightOf(row) : 0, pt));
  /** A text over columns `from`–`to` of one row; the row as tall as its tallest text needs. Dots are a line to fill in by hand: one line. */
  const put = (row: number, from: number, to: number, value: string, style: CellStyle = text) => {
    b.area(row, from, row, to, value, style);
    const fontSize = style.fontSize ?? size;
    grow(row, rowHeightPt(linesOf(value, width(from, to), fontSize), fontSize));
  };
  let row = firstRow;
  b.area(row, 1, row, LAST, "บันทึกข้อความ", { bold: true, fontSize: HEAD_PT, horizontal: "center", vertical: "middle" });
  b.height(row, rowHeightPt(1, HEAD_PT) + 6);
  row++;

  // ส่วนราชการ: the division, the organization and its place (L7)
  const office = [s.division.trim(), orgLine(ctx)].filter(Boolean).join(" ");
  put(row, 1, 2, "ส่วนราชการ", label);
  put(row, 3, LAST, digitsInText(ctx, office) || DOTS, { ...text, vertical: "middle" });
  row++;
  // ที่ · วันที่ (L9): the document number as typed, the report date as a date (BE, the digit setting's digits)
  put(row, 1, 1, "ที่", label);
  put(row, 2, 4, digitsInText(ctx, s.documentNo.trim()) || DOTS, { ...text, vertical: "middle" });
  put(row, 5, 5, "วันที่", { ...label, horizontal: "right" });
  if (s.reportDate) b.area(row, 6, row, LAST, s.reportDate, { vertical: "middle", horizontal: "left", numFmt: ctx.formats.date });
  else b.area(row, 6, row, LAST, DOTS, { vertical: "middle" });
  row++;
  // เรื่อง (L12)
  put(row, 1, 1, "เรื่อง", { ...label, vertical: "top" });
  put(row, 2, LAST, memoSubject(ctx));
  row++;
  b.height(row, 6);
  row++;
  // เรียน the executive (L14): the second commenter's office, else the executive of the organization's type
  const c1 = positionOf(s.commenter1Position);
  const c2 = positionOf(s.commenter2Position);
  put(row, 1, 1, "เรียน", { vertical: "top" });
  put(row, 2, LAST, c2.office || executiveTitle(s.orgName, s.orgType) || DOTS);
  row++;
  for (const p of memoParagraphs(ctx)) {
    put(row, 1, LAST, INDENT + p);
    row++;
  }
  put(row, 1, LAST, `${INDENT}จึงเรียนมาเพื่อโปรดทราบ`);
  row++;
  b.height(row, 14);
  row++;
  // the reporter's signature (L22–26), in the right half
  row = signature(row, 4, LAST, s.reporter, positionOf(s.reporterPosition).lines);
  // the commenters' blocks (L28–50), each headed with the office it comments as; side by side, as the
  // comment and the order of the executive often are, so that the memo keeps to one sheet of paper
  b.height(row, 12);
  row++;
  // without a position in the settings, the blocks are headed with the offices that usually comment: the
  // ปลัด, then the executive (the lines under the signatures stay to be filled in)
  const halves = [
    { from: 1, to: LAST / 2, name: s.commenter1, position: c1, office: c1.office || clerkTitle(s.orgName) },
    { from: LAST / 2 + 1, to: LAST, name: s.commenter2, position: c2, office: c2.office || executiveTitle(s.orgName, s.orgType) },
  ];
  const top = row;
  let end = row;
  for (const h of halves) {
    let r = top;
    put(r, h.from, h.to, `ความเห็นของ${h.office || DOTS}`, { bold: true, vertical: "top", wrap: true });
    r++;
    for (let i = 0; i < 2; i++) {
      b.area(r, h.from, r, h.to, dottedLine(width(h.from, h.to)), { vertical: "top" });
      grow(r, line);
      r++;
    }
    end = Math.max(end, signature(r, h.from, h.to, h.name, h.position.lines));
  }
  row = end;
  const lastRow = row - 1;
  b.defaultHeights(line);
  return b.toSpec({
    name: REPORT_SHEETS.memo,
    columns,
    font: REPORT_FONT,
    // a one-page memo carries no page number; a draft still says so at its foot
    print: { orientation: "portrait", paper: "A4", fitToWidth: true, printArea: `A${printFrom}:H${lastRow}`, ...(ctx.draft ? { footer: footerOf(ctx) } : {}) },
  });

  /** (ลงชื่อ)…… / (name) / the position's lines, centred over columns `from`–`to`; returns the next row. */
  function signature(first: number, from: number, to: number, name: string, position: readonly string[]): number {
    const centre = { horizontal: "center", vertical: "top", wrap: true } as const;
    let r = first;
    b.area(r, from, r, to, `(ลงชื่อ)${DOTS}`, centre);
    grow(r, line + 8);
    r++;
    b.area(r, from, r, to, `(${digitsInText(ctx, name.trim()) || DOTS})`, centre);
    grow(r, line);
    r++;
    for (const p of position.length > 0 ? position : [`ตำแหน่ง${DOTS}`]) {
      put(r, from, to, digitsInText(ctx, p), centre);
      r++;
    }
    return r;
  }
}

/**
 * Lines a memo text wraps into: as text-size.ts estimates, with dots and the indent's no-break spaces
 * measured as the narrow characters they are (text-size counts them as Latin letters).
 */
function linesOf(text: string, widthChars: number, size: number): number {
  const plain = text.replace(/[.\u00a0]/g, " ");
  const short = linesFor(plain, widthChars, size);
  if (short <= 2) return short;
  // a long paragraph loses less to wrapping than text-size's 15 % per line (that is for short cells): 8 %
  const avail = columnPx(widthChars) - 8;
  return Math.min(short, Math.ceil((textWidthPx(plain, size) * 1.08) / avail));
}

/** Dots across a width (a dot is about 4.6 px of TH Sarabun at 16 pt; a few short of the edge so that it never wraps). */
function dottedLine(widthChars: number): string {
  return ".".repeat(Math.max(10, Math.floor((columnPx(widthChars) - 24) / 4.8)));
}
