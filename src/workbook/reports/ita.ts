/**
 * The ผลมาตรการ ITA sheet: the measures to promote integrity and transparency (ITA) and what was done, laid out
 * as seed 002 (อบต.โคกคอน, FY2566): the title (L3), the sentence that introduces the table (L5), and the
 * six-column table ลำดับ · แนวทาง/มาตรการดำเนินการ · ขั้นตอน/วิธีการปฏิบัติ · ผู้รับผิดชอบ · ระยะเวลาดำเนินการ ·
 * ผลการดำเนินงาน (L7), its header repeated on every page as the seed's pages do (L11, L15, L19, L24, L28).
 *
 * The result column is a list of bullets: the measure's own result as typed in มาตรการ ITA, then the results
 * of the round's monthly rows of the plan items it is linked to (รหัสแผนที่เกี่ยวข้อง) and their evidence
 * links. Not copied from the seed: the numbering typed twice ("๒ | ๒. มาตรการ…", L9, L12).
 *
 * A record taller than a page continues on the next one in rows that hold only what is left of its
 * texts, as the seed's continuation rows do (L16, L20); cells are never cut at the 409-point row limit.
 */
import type { ItaMeasure } from "../../domain/plan";
import type { ItemRound } from "../../domain/progress/round";
import { normalizeSpace, toArabicDigits, toThaiDigits } from "../../domain/thai";
import { rangeAddress } from "../a1";
import type { SheetSpec } from "../grid";
import { linesFor, rowHeightPt } from "../text-size";
import { SheetBuilder } from "./builder";
import { footerOf, noteRow, type ReportContext } from "./context";
import { pageCapacity, PageFlow } from "./paging";
import { REPORT_SHEETS } from "./names";
import { REPORT_FONT, STYLE } from "./style";

/** ลำดับ · มาตรการ · ขั้นตอน · ผู้รับผิดชอบ · ระยะเวลา · ผล: 145 characters, A4 landscape at 100 %. */
const COLUMNS: readonly number[] = [7, 26, 36, 20, 16, 40];
const LAST = COLUMNS.length;
const HEADERS = ["ลำดับ", "แนวทาง/มาตรการดำเนินการ", "ขั้นตอน/วิธีการปฏิบัติ", "ผู้รับผิดชอบ", "ระยะเวลาดำเนินการ", "ผลการดำเนินงาน"] as const;
const SIZE = REPORT_FONT.size;
/** Excel's tallest row. */
const MAX_ROW_PT = 409;

/**
 * Digits of a typed text in the digit setting's style, token by token: tokens with Latin letters (links,
 * "O36", "No-Gift-Policy") keep theirs.
 */
export function digitsInText(ctx: ReportContext, text: string): string {
  return text.split(/(\s+)/).map((tok) => (/[A-Za-z]/.test(tok) ? tok : ctx.digits === "thai" ? toThaiDigits(tok) : toArabicDigits(tok))).join("");
}

const BULLET = /^\s*(?:[-–•»*]|<li>)\s*/;

/**
 * Text as bullet lines "- …": each line of a typed text; a text that starts with a bullet and has further
 * bullets on the same line (seed 002, L12: "- … -มีการปรับปรุง…") is cut before each of them.
 */
function bullets(text: string): string[] {
  return text
    .split("\n")
    .flatMap((l) => (BULLET.test(l) ? l.split(/\s+(?=-\s*[^\s\d-])/) : [l]))
    .map((l) => normalizeSpace(l.replace(BULLET, "")))
    .filter((l) => l !== "" && l !== "-")
    .map((l) => `- ${l}`);
}

/** What the result column says for a measure (bullets), from its own result and its linked items' round. */
export function itaResult(ctx: ReportContext, m: ItaMeasure): string {
  const out: string[] = [];
  const seen = new Set<string>();
  const add = (line: string) => {
    const key = normalizeSpace(line.replace(BULLET, ""));
    if (key === "" || seen.has(key)) return;
    seen.add(key);
    out.push(line);
  };
  bullets(m.result).forEach(add);
  const byCode = new Map<string, ItemRound>();
  for (const r of ctx.summary.items) if (r.item.code && !byCode.has(r.item.code)) byCode.set(r.item.code, r);
  const codes = [...new Set(m.linkedCodes.map((c) => c.replace(/\s+/g, "")).filter((c) => c !== ""))];
  const evidence: string[] = [];
  for (const code of codes) {
    const r = byCode.get(code) ?? byCode.get(toArabicDigits(code));
    if (!r) {
      add(`- รหัส ${code} ไม่มีในแผนปฏิบัติการปีงบประมาณนี้`);
      continue;
    }
    if (r.results.length === 0) add(`- ${normalizeSpace(r.item.name) || code}: ยังไม่มีผลการดำเนินงานในรอบนี้`);
    for (const result of r.results) bullets(result).forEach(add);
    for (const row of r.rows) if (row.evidence.trim() && !evidence.includes(row.evidence.trim())) evidence.push(row.evidence.trim());
  }
  evidence.forEach((e) => add(`- หลักฐาน: ${e}`));
  return out.length === 0 ? "-" : out.join("\n");
}

/** The measure's name without the number typed in front of it when that number is its ลำดับ (seed 002, L9). */
function measureText(m: ItaMeasure): string {
  const t = normalizeSpace(m.measure);
  const lead = /^([0-9๐-๙]+)\s*[.)]\s*/.exec(t);
  return lead && toArabicDigits(lead[1] as string) === toArabicDigits(m.no.trim()) ? t.slice(lead[0].length) : t;
}

/**
 * The first lines of a text, at most `maxLines` of them as wrapped in a column, and the rest: cut between
 * its lines where it can, else between words. A record taller than a page continues on the next.
 */
export function takeLines(text: string, widthChars: number, maxLines: number): [string, string] {
  const paras = text.split("\n");
  const head: string[] = [];
  let used = 0;
  for (let i = 0; i < paras.length; i++) {
    const para = paras[i] as string;
    const n = linesFor(para, widthChars, SIZE);
    if (used + n <= maxLines) {
      head.push(para);
      used += n;
      continue;
    }
    // between paragraphs (bullets) when fewer than three lines are left: a bullet is not cut to leave one line behind
    if (head.length > 0 && maxLines - used < 3) return [head.join("\n"), paras.slice(i).join("\n")];
    // as many of its words as fit, the rest goes on
    let part = "";
    const words = para.split(/(?<=\s)/);
    let w = 0;
    for (; w < words.length; w++) {
      const next = part + (words[w] as string);
      if (used + linesFor(next, widthChars, SIZE) > maxLines) break;
      part = next;
    }
    if (part.replace(BULLET, "").trim() === "") {
      // not even a word fits: the paragraph goes on (whole, when nothing is before it, rather than loop)
      return head.length > 0 ? [head.join("\n"), paras.slice(i).join("\n")] : [para, paras.slice(i + 1).join("\n")];
    }
    head.push(part.trimEnd());
    const rest = [words.slice(w).join(""), ...paras.slice(i + 1)].join("\n");
    return [head.join("\n"), rest.trim() === "" ? "" : rest];
  }
  return [head.join("\n"), ""];
}

/** A typed list kept as lines: a text typed with its bullets on one line ("- สำนักปลัด - กองคลัง", seed 002 L12) gets a line per bullet. */
function asLines(text: string): string {
  const t = text.trim();
  return BULLET.test(t) ? bullets(t).join("\n") : t;
}

export function itaSheet(ctx: ReportContext): SheetSpec {
  const s = ctx.model.settings;
  const b = new SheetBuilder();
  const { firstRow, printFrom } = noteRow(b, ctx, LAST);
  const width = (from: number, to: number) => COLUMNS.slice(from - 1, to).reduce((x, w) => x + w, 0);
  const all = width(1, LAST);
  const line = rowHeightPt(1, SIZE);
  let row = firstRow;
  const org = s.orgName.trim();
  const title = `มาตรการส่งเสริมคุณธรรมและความโปร่งใส${org ? `ของ${org}` : ""} ประจำปีงบประมาณ พ.ศ. ${ctx.num(ctx.fy)}`;
  b.area(row, 1, row, LAST, title, STYLE.title);
  b.height(row, rowHeightPt(linesFor(title, all, 18), 18) + 4);
  row++;
  const intro = "\u00a0".repeat(14) +
    `จากการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงาน ประจำปีงบประมาณ พ.ศ. ${ctx.num(ctx.fy - 1)} ` +
    `นำมาสู่ข้อเสนอแนะในการกำหนดมาตรการในการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน${org ? `ของ ${org}` : ""} ดังนี้`;
  b.area(row, 1, row, LAST, intro, STYLE.text);
  b.height(row, rowHeightPt(linesFor(intro, all, SIZE), SIZE));
  row++;
  b.height(row, 8);
  row++;
  const header = row;
  HEADERS.forEach((h, i) => b.area(header, i + 1, header, i + 1, h, STYLE.header));
  b.height(header, Math.max(...HEADERS.map((h, i) => rowHeightPt(linesFor(h, COLUMNS[i] as number, SIZE), SIZE))));
  row++;

  const capacity = pageCapacity("landscape", COLUMNS);
  let used = 0;
  for (let r = printFrom; r < row; r++) used += b.heightOf(r);
  const flow = new PageFlow(capacity, used, b.heightOf(header));
  // the lines one piece of a record may take: a page below the repeated header (the flow's capacity keeps its own margin)
  const lineHeight = rowHeightPt(2, SIZE) - rowHeightPt(1, SIZE);
  const maxLines = Math.max(3, Math.floor((capacity - b.heightOf(header) - 4) / lineHeight));

  const measures = ctx.model.itaMeasures;
  /** One block of a record (all of it, or what fits a page): its cells merged down rows of at most 409 points. */
  const place = (parts: readonly string[]) => {
    const lines = Math.max(1, ...parts.map((t, c) => (t === "" ? 1 : linesFor(t, COLUMNS[c] as number, SIZE))));
    const need = rowHeightPt(lines, SIZE);
    const n = Math.ceil(need / MAX_ROW_PT);
    const heights = Array.from({ length: n }, () => Math.ceil(need / n));
    parts.forEach((t, c) => b.area(row, c + 1, row + n - 1, c + 1, t, c === 0 ? { ...STYLE.body, horizontal: "center" } : STYLE.body));
    heights.forEach((h, j) => b.height(row + j, h));
    flow.keep(row, heights);
    row += n;
  };
  measures.forEach((m, i) => {
    let texts = [
      digitsInText(ctx, m.no.trim() || String(i + 1)),
      digitsInText(ctx, measureText(m)) || "-",
      digitsInText(ctx, asLines(m.steps)) || "-",
      digitsInText(ctx, asLines(m.owner)) || "-",
      digitsInText(ctx, normalizeSpace(m.period)) || "-",
      digitsInText(ctx, itaResult(ctx, m)),
    ];
    const lines = Math.max(...texts.map((t, c) => linesFor(t, COLUMNS[c] as number, SIZE)));
    // whole where it fits this page, or the next one when this one already holds a record
    if (flow.fits(rowHeightPt(lines, SIZE)) || (lines <= maxLines && flow.rowsOnPage > 0)) {
      place(texts);
      return;
    }
    // taller than what is left under the header, or than a page: what fits here, then page by page
    let budget = Math.floor((flow.room - 4) / lineHeight);
    if (budget < 4) budget = maxLines;
    while (texts.some((t) => t !== "")) {
      const split = texts.map((t, c) => takeLines(t, COLUMNS[c] as number, budget));
      place(split.map(([head]) => head));
      texts = split.map(([, rest]) => rest);
      budget = maxLines;
    }
  });
  if (measures.length === 0) {
    b.area(row, 1, row, LAST, "ไม่มีมาตรการส่งเสริมคุณธรรมและความโปร่งใส (ITA) ในแผน", { ...STYLE.body, horizontal: "center", italic: true });
    b.height(row, line);
    flow.keep(row, [line]);
    row++;
  }
  const lastRow = row - 1;
  b.defaultHeights(line);
  return b.toSpec({
    name: REPORT_SHEETS.ita,
    columns: COLUMNS,
    font: REPORT_FONT,
    print: {
      orientation: "landscape", paper: "A4", fitToWidth: true, printTitleRows: `${header}:${header}`,
      printArea: rangeAddress(printFrom, 1, lastRow, LAST), footer: footerOf(ctx),
      ...(flow.breaks.length > 0 ? { pageBreaks: flow.breaks } : {}),
    },
  });
}
