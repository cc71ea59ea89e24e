/**
 * `บัตรโครงการ`: one card per plan item in the plans' ส่วนที่ ๓ layout (seed 000 L341–2731, 39 cards; seed 003
 * from L193), portrait, each card on its own page, after a title page like seed 000's (L341–349):
 *
 *   มิติที่ ๑ การสร้างวัฒนธรรมสุจริต / ๑.๑ การเสริมสร้าง…   (seed 003 L197–199: the card's dimension and mission)
 *   ลำดับที่ ๑                                                 (seed 000 L351)
 *   ๑. ชื่อโครงการ : …                                         (L353)
 *   ๒. หลักการและเหตุผล · ๓. วัตถุประสงค์ · ๔. เป้าหมาย · ๕. วิธีดำเนินการ      (L355–371)
 *   ๖. ระยะเวลาดำเนินการ · ๗. งบประมาณดำเนินการ · ๘. ผู้รับผิดชอบโครงการ        (L377–387)
 *   ๙. ผลผลิต/ผลลัพธ์ with its two sub-headings ผลผลิต and ผลลัพธ์               (L389–399)
 *
 * Name, budget, period and owner come from the plan item (แผนปฏิบัติการ), the texts from รายละเอียดโครงการ by
 * code: the budget line is written from the plan table's figures ("ปีละ ๒๐,๐๐๐ บาท" as on L497, "ไม่ใช้
 * งบประมาณ" as on L383), so a card cannot say 20,000 a year for an item the table funds with nothing, as
 * seed 000's card 3.1.1 does (B10). An item without a detail row still gets its card, with "-" where nothing
 * is known.
 *
 * Spreadsheets do not fit merged cells, so every paragraph is its own row of estimated height, and a paragraph
 * longer than a row can be (409 pt) is cut at a space into several rows.
 */
import { THAI_MONTHS_FULL } from "../../domain/calendar";
import type { PlanItem, ProjectDetail, Quarter } from "../../domain/plan";
import { formatAmount, normalizeSpace } from "../../domain/thai";
import { rangeAddress } from "../a1";
import type { CellStyle, SheetSpec } from "../grid";
import { linesFor, rowHeightPt } from "../text-size";
import { SheetBuilder } from "./builder";
import { footerOf, noteRow, orgLine, planPeriod, type ReportContext } from "./context";
import { REPORT_SHEETS } from "./names";
import { pageCapacity, PageFlow } from "./paging";
import { missionLabel } from "./labels";
import { planGroups, printedCode } from "./part1-plan";
import { REPORT_FONT, STYLE } from "./style";
import { type Baht, type FiscalYear, sumBaht, ZERO_BAHT } from "../../domain/units";

/* ---------- the texts a card writes from the plan ---------- */

const PLAN_DASH = "–";

/** The years the item is in the plan for (those it has a budget entry for), first to last. */
function activeYears(ctx: ReportContext, item: PlanItem): FiscalYear[] {
  return ctx.planYears.filter((y) => y in item.budgets);
}

/** "๒๕๖๖ – ๒๕๗๐" for consecutive years, "๒๕๖๑, ๒๕๖๓" otherwise. */
function yearsText(ctx: ReportContext, years: readonly number[]): string {
  if (years.length === 0) return "-";
  const consecutive = years.every((y, i) => i === 0 || y === (years[i - 1] as number) + 1);
  if (years.length === 1) return ctx.num(years[0] as number);
  return consecutive ? `${ctx.num(years[0] as number)} ${PLAN_DASH} ${ctx.num(years[years.length - 1] as number)}` : years.map((y) => ctx.num(y)).join(", ");
}

/** The months of a fiscal quarter: ๑ = ตุลาคม – ธันวาคม … ๔ = กรกฎาคม – กันยายน. */
const QUARTER_MONTHS: Readonly<Record<Quarter, readonly [keyof typeof THAI_MONTHS_FULL, keyof typeof THAI_MONTHS_FULL]>> = {
  1: [10, 12], 2: [1, 3], 3: [4, 6], 4: [7, 9],
};

/**
 * ๖. ระยะเวลาดำเนินการ: "ปีงบประมาณ พ.ศ. ๒๕๖๖ – ๒๕๗๐" (seed 000 L379), and the quarters when the plan names
 * some but not all four (ไตรมาสที่ดำเนินการ).
 */
export function cardPeriod(ctx: ReportContext, item: PlanItem): string[] {
  const years = activeYears(ctx, item);
  const lines = [years.length === 0 ? "-" : `ปีงบประมาณ พ.ศ. ${yearsText(ctx, years)}`];
  const quarters = [...new Set(item.quarters)].sort();
  if (quarters.length > 0 && quarters.length < 4) {
    const words = quarters.map((q) => `ไตรมาสที่ ${ctx.num(q)} (${THAI_MONTHS_FULL[QUARTER_MONTHS[q][0]]} ${PLAN_DASH} ${THAI_MONTHS_FULL[QUARTER_MONTHS[q][1]]})`);
    lines.push(`ดำเนินการใน${words.length === 1 ? words[0] : `${words.slice(0, -1).join(" ")} และ${words[words.length - 1]}`}`);
  }
  return lines;
}

/**
 * ๗. งบประมาณดำเนินการ, from the plan table's budgets: "ปีละ ๒๐,๐๐๐ บาท" when every year has the same
 * amount (seed 000 L497), "ไม่ใช้งบประมาณ" when none has any (L383), otherwise one line per year and the total.
 */
export function cardBudget(ctx: ReportContext, item: PlanItem): string[] {
  const years = activeYears(ctx, item);
  if (years.length === 0) return ["-"];
  const amounts: Baht[] = years.map((y) => item.budgets[y] ?? ZERO_BAHT);
  const money = (v: number) => `${formatAmount(v, ctx.digits)} บาท`;
  if (amounts.every((a) => a === 0)) return ["ไม่ใช้งบประมาณ"];
  if (amounts.every((a) => a === amounts[0])) return [years.length === 1 ? `ปีงบประมาณ พ.ศ. ${ctx.num(years[0] as number)} จำนวน ${money(amounts[0] as number)}` : `ปีละ ${money(amounts[0] as number)}`];
  const total = sumBaht(amounts);
  return [
    ...years.map((y, i) => `ปีงบประมาณ พ.ศ. ${ctx.num(y)} ${(amounts[i] ?? 0) === 0 ? "ไม่ใช้งบประมาณ" : `จำนวน ${money(amounts[i] ?? 0)}`}`),
    `รวมทั้งสิ้น ${money(total)}`,
  ];
}

/** The detail row of an item, by code (the first, if a code is used twice). */
export function detailOf(ctx: ReportContext, item: PlanItem): ProjectDetail | undefined {
  return item.code === undefined ? undefined : ctx.model.details.find((d) => d.code === item.code);
}

/** A text field's paragraphs (one per line, as the detail sheet holds them), or "-" when it is empty. */
function paragraphs(text: string | undefined): string[] {
  const lines = (text ?? "").split(/\r?\n/).map((l) => normalizeSpace(l)).filter((l) => l !== "");
  return lines.length > 0 ? lines : ["-"];
}

/** One card's contents: the nine fields in the seeds' order, each a heading and its paragraphs. */
export interface CardField {
  readonly heading: string;
  readonly paragraphs: readonly string[];
  /** ๙ has two sub-headings, each with its own paragraphs. */
  readonly parts?: readonly { readonly heading: string; readonly paragraphs: readonly string[] }[];
}

export function cardFields(ctx: ReportContext, item: PlanItem): CardField[] {
  const d = detailOf(ctx, item);
  const n = (i: number) => `${ctx.num(i)}.`;
  const target = d?.targetGroups || item.target || item.targetGroups.join(", ");
  const measures = [
    ...paragraphs(item.indicator).filter((p) => p !== "-").map((p) => `ตัวชี้วัด: ${p}`),
    ...(item.target ? [`ค่าเป้าหมาย: ${normalizeSpace(item.target)}`] : []),
  ];
  const outcomes = paragraphs(d?.outcomes);
  return [
    { heading: `${n(1)} ชื่อโครงการ : ${normalizeSpace(item.name) || "-"}`, paragraphs: [] },
    { heading: `${n(2)} หลักการและเหตุผล`, paragraphs: paragraphs(d?.rationale) },
    { heading: `${n(3)} วัตถุประสงค์`, paragraphs: paragraphs(d?.objectives) },
    { heading: `${n(4)} เป้าหมาย`, paragraphs: paragraphs(target) },
    { heading: `${n(5)} วิธีดำเนินการ`, paragraphs: paragraphs(d?.method) },
    { heading: `${n(6)} ระยะเวลาดำเนินการ`, paragraphs: cardPeriod(ctx, item) },
    { heading: `${n(7)} งบประมาณดำเนินการ`, paragraphs: cardBudget(ctx, item) },
    { heading: `${n(8)} ผู้รับผิดชอบโครงการ`, paragraphs: paragraphs(item.owner) },
    {
      heading: `${n(9)} ผลผลิต/ผลลัพธ์`, paragraphs: [],
      parts: [
        { heading: "ผลผลิต", paragraphs: paragraphs(d?.outputs) },
        // the plan's indicator and target measure the outcome: listed under it
        { heading: "ผลลัพธ์", paragraphs: measures.length > 0 && outcomes[0] === "-" ? measures : [...outcomes, ...measures] },
      ],
    },
  ];
}

/* ---------- the sheet ---------- */

/** Columns: a margin for headings, an indent, the text. */
const WIDTH = { heading: 5, indent: 5, text: 86 } as const;
const WIDTHS = [WIDTH.heading, WIDTH.indent, WIDTH.text];
const LAST = 3;
/** A paragraph row holds at most this many lines; longer ones are cut into several rows (409 pt is 15 lines). */
const MAX_LINES = 12;

/**
 * A paragraph cut at spaces into pieces of at most `maxLines` lines in a column `width` wide; a run without
 * spaces longer than that is cut between characters (never before a combining vowel or tone mark).
 */
export function splitParagraph(text: string, width: number, size: number, maxLines = MAX_LINES): string[] {
  if (linesFor(text, width, size) <= maxLines) return [text];
  const out: string[] = [];
  let current = "";
  const push = () => {
    if (current.trim() !== "") out.push(current.trim());
    current = "";
  };
  for (const word of text.split(/(?<= )/)) {
    if (linesFor(current + word, width, size) <= maxLines) {
      current += word;
      continue;
    }
    push();
    if (linesFor(word, width, size) <= maxLines) {
      current = word;
      continue;
    }
    for (const ch of word.match(/.[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]*/gsu) ?? []) {
      if (linesFor(current + ch, width, size) > maxLines) push();
      current += ch;
    }
  }
  push();
  return out;
}

export function cardsSheet(ctx: ReportContext): SheetSpec {
  const b = new SheetBuilder();
  const size: number = REPORT_FONT.size;
  const { printFrom } = noteRow(b, ctx, LAST);
  const capacity = pageCapacity("portrait", WIDTHS);
  const banner = printFrom === 1 ? b.heightOf(1) : 0;
  const pager = new PageFlow(capacity, banner);
  const height = (text: string, width: number, pt: number = size) => Math.min(409, rowHeightPt(linesFor(text, width, pt), pt));
  let row = 2;
  const put = (left: number, text: string, style: CellStyle, pt: number = size): number => {
    const width = WIDTHS.slice(left - 1).reduce((x, w) => x + w, 0);
    b.area(row, left, row, LAST, text, { ...STYLE.text, ...style });
    const h = height(text, width, pt);
    b.height(row, h);
    row++;
    return h;
  };
  const space = (pt: number): number => {
    b.height(row, pt);
    row++;
    return pt;
  };

  /**
   * A heading and its paragraphs; the heading stays on the page of its first line (with a heading that has no
   * paragraphs of its own, such as ๙ above ผลผลิต, kept waiting in `pending`), the rest flows over pages.
   */
  let pending: { first: number; heights: number[] } | undefined;
  const block = (headingLeft: number, heading: string, bodyLeft: number, texts: readonly string[]) => {
    const first = pending?.first ?? row;
    const headings = [...(pending?.heights ?? []), put(headingLeft, heading, { bold: true })];
    pending = undefined;
    const width = WIDTHS.slice(bodyLeft - 1).reduce((x, w) => x + w, 0);
    const body: number[] = [];
    for (const p of texts) for (const piece of splitParagraph(p, width, size)) body.push(put(bodyLeft, piece, {}));
    if (body.length === 0 && texts.length === 0) {
      pending = { first, heights: headings };
      return;
    }
    pager.keep(first, [...headings, ...body.slice(0, 1)]);
    body.slice(1).forEach((h, i) => pager.keep(first + headings.length + 1 + i, [h]));
  };

  // the title page of the cards (seed 000 L343–349), the text a third down the page
  const s = ctx.model.settings;
  const coverFirst = row;
  const cover: number[] = [space(Math.floor(capacity / 4))];
  cover.push(put(1, "รายละเอียดโครงการ / กิจกรรม / มาตรการ", { ...STYLE.title, fontSize: 24 }, 24));
  cover.push(put(1, "แผนปฏิบัติการป้องกันการทุจริต", { ...STYLE.title, fontSize: 20 }, 20));
  cover.push(put(1, `(${planPeriod(ctx)})`, { ...STYLE.title, fontSize: 20 }, 20));
  if (s.orgName) cover.push(put(1, `ของ${orgLine(ctx)}`, { ...STYLE.title, fontSize: 20 }, 20));
  pager.keep(coverFirst, cover);

  let seq = 0;
  for (const g of planGroups(ctx)) {
    for (const m of g.missions) {
      for (const item of m.items) {
        seq++;
        const first = row;
        pager.newPage(first);
        // the card's place in the plan (seed 003 L197–199) and its number (seed 000 L351)
        const head: number[] = [];
        head.push(put(1, g.dimension === undefined ? "ไม่ระบุมิติ" : `มิติที่ ${ctx.num(g.dimension)}${g.name ? ` ${g.name}` : ""}`, { bold: true }));
        head.push(put(1, m.code === undefined ? "ภารกิจ -" : `ภารกิจที่ ${missionLabel(ctx, m.code)}`, { bold: true }));
        head.push(space(6));
        // the code ties the card to its row of the plan table ("๒.๒.๑ (๑)" as the table prints it)
        head.push(put(1, `ลำดับที่ ${ctx.num(seq)}${item.code ? ` — รหัส ${printedCode(ctx, item.code)}` : ""}`, { bold: true, horizontal: "center", fontSize: 18 }, 18));
        head.push(space(6));
        pager.keep(first, head);
        for (const field of cardFields(ctx, item)) {
          block(1, field.heading, 2, field.paragraphs);
          for (const part of field.parts ?? []) block(2, part.heading, 3, part.paragraphs);
        }
      }
    }
  }
  if (pending) pager.keep(pending.first, pending.heights);
  if (seq === 0) {
    pager.newPage(row);
    put(1, "ยังไม่มีโครงการ/กิจกรรม/มาตรการในแผน", { italic: true, horizontal: "center" });
  }
  const last = row - 1;

  return b.toSpec({
    name: REPORT_SHEETS.cards,
    columns: WIDTHS,
    font: REPORT_FONT,
    print: {
      orientation: "portrait", paper: "A4", fitToWidth: true,
      printArea: rangeAddress(printFrom, 1, last, LAST), footer: footerOf(ctx),
      ...(pager.breaks.length > 0 ? { pageBreaks: pager.breaks } : {}),
    },
  });
}
