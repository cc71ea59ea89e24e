/**
 * Plans rendered as people print them, to import back: a table sheet with one item a row, rows that
 * pack several items on one line (as copied out of a PDF or a Word cell), tab-separated text as a PDF
 * viewer copies it, with Arabic or Thai digits and several numbering styles.
 */
import type { ItemKind } from "../../src/domain/kinds";
import { KIND_WORD } from "../../src/domain/kinds";
import type { CellValue, WorkbookGrids } from "../../src/workbook/grid";

export interface GenItem {
  readonly dimension: 1 | 2 | 3 | 4;
  readonly mission: string; // "1.1"
  readonly kind: ItemKind | undefined;
  /** The name after the kind word ("ส่งเสริม…"); the full name is kind word + rest. */
  readonly rest: string;
  readonly budgets: readonly number[];
}

export type Numbering = "close" | "paren" | "dot" | "tiered" | "bullet" | "dash";

export interface Layout {
  /** Groups of consecutive item indices printed in one row; items not in a group get a row each. */
  readonly packs: readonly (readonly number[])[];
  readonly numbering: Numbering;
  readonly thaiDigits: boolean;
  /** Packed items: on one line (PDF/Word copy) or one a line. */
  readonly oneLine: boolean;
  /** Packed budgets: one amount per item on the line, or one amount for the row (shared), or "-". */
  readonly packBudgets: "each" | "shared";
  readonly noteColumn: boolean;
  readonly firstYear: number;
  readonly years: number;
  readonly orgName: string;
  /** Stated counts in the รวมทั้งสิ้น row ("auto": the true counts). */
  readonly stated?: "auto" | Partial<Record<ItemKind | "total", number>>;
}

export const DIMENSION_TITLES = ["การสร้างวัฒนธรรมสุจริต", "การบริหารราชการเพื่อป้องกันการทุจริต", "การส่งเสริมบทบาทและการมีส่วนร่วมของภาคประชาชน", "การเสริมสร้างและปรับปรุงกลไกในการตรวจสอบการปฏิบัติราชการ"];

export const nameOf = (it: GenItem) => `${it.kind ? KIND_WORD[it.kind] : ""}${it.rest}`;

const thai = (s: string, on: boolean) => (on ? s.replace(/[0-9]/g, (d) => "๐๑๒๓๔๕๖๗๘๙"[Number(d)] as string) : s);
const amount = (n: number, t: boolean) => (n === 0 ? "-" : thai(n.toLocaleString("en-US"), t));

function token(numbering: Numbering, k: number, code: string): string {
  switch (numbering) {
    case "close": return `${k})`;
    case "paren": return `(${k})`;
    case "dot": return `${k}.`;
    case "tiered": return code;
    case "bullet": return "•";
    case "dash": return "-";
  }
}

/** Rows of the plan table (title rows first), with the items' codes as the renderer numbered them. */
export function renderRows(items: readonly GenItem[], layout: Layout): { rows: CellValue[][]; codes: string[] } {
  const t = layout.thaiDigits;
  const years = Array.from({ length: layout.years }, (_, i) => layout.firstYear + i);
  const head: CellValue[] = ["มิติ", "ภารกิจตามมิติ", "โครงการ/กิจกรรม/มาตรการ", ...years.map((y) => thai(`ปี ${y}`, t)), ...(layout.noteColumn ? ["หมายเหตุ"] : [])];
  const rows: CellValue[][] = [
    [thai(`แผนปฏิบัติการป้องกันการทุจริต (พ.ศ. ${layout.firstYear} - ${layout.firstYear + layout.years - 1}) ของ${layout.orgName}`, t)],
    head,
    ["", "", "", ...years.map(() => "งบประมาณ (บาท)"), ...(layout.noteColumn ? [""] : [])],
  ];
  const packOf = new Map<number, readonly number[]>();
  for (const p of layout.packs) for (const i of p) packOf.set(i, p);
  const seq = new Map<string, number>();
  const codes = items.map((it) => {
    const n = (seq.get(it.mission) ?? 0) + 1;
    seq.set(it.mission, n);
    return `${it.mission}.${n}`;
  });
  let dim = 0;
  let mission = "";
  for (let i = 0; i < items.length; ) {
    const it = items[i] as GenItem;
    const group = packOf.get(i) && packOf.get(i)?.[0] === i ? (packOf.get(i) as readonly number[]) : [i];
    const members = group.map((g) => items[g] as GenItem);
    const dimCell = it.dimension !== dim ? thai(`${it.dimension}. ${DIMENSION_TITLES[it.dimension - 1]}`, t) : "";
    const missionCell = it.mission !== mission ? thai(`${it.mission} ภารกิจตามมิติ ${it.mission}`, t) : "";
    dim = it.dimension;
    mission = it.mission;
    const texts = members.map((m, k) => `${thai(token(group.length > 1 ? layout.numbering : "tiered", k + 1, codes[group[k] as number] as string), t)} ${nameOf(m)}`);
    const itemCell = texts.join(layout.oneLine ? " " : "\n");
    const budgetCells = years.map((_, y) => {
      const amounts = members.map((m) => m.budgets[y] ?? 0);
      if (members.length === 1) return (amounts[0] ?? 0) === 0 ? "-" : (amounts[0] as number);
      if (layout.packBudgets === "shared") {
        const sum = amounts.reduce((s, a) => s + a, 0);
        return sum === 0 ? "-" : amount(sum, t);
      }
      return amounts.map((a) => amount(a, t)).join(layout.oneLine ? " " : "\n");
    });
    const note = members.every((m) => m.budgets.every((b) => b === 0)) ? "ไม่ใช้งบประมาณ" : "";
    rows.push([dimCell, missionCell, itemCell, ...budgetCells, ...(layout.noteColumn ? [note] : [])]);
    i += group.length;
  }
  const stated = layout.stated === undefined || layout.stated === "auto" ? countsOf(items) : layout.stated;
  const kinds = (["project", "activity", "measure"] as const).filter((k) => (stated[k] ?? 0) > 0).map((k) => `${stated[k]} ${KIND_WORD[k]}`);
  rows.push(["รวมทั้งสิ้น", "", thai(`${kinds.join(" ")}${stated.total !== undefined ? ` (${stated.total} รายการ)` : ""}`, t), ...years.map((_, y) => amount(items.reduce((s, it) => s + (it.budgets[y] ?? 0), 0), t)), ...(layout.noteColumn ? [""] : [])]);
  return { rows, codes };
}

export function countsOf(items: readonly GenItem[]): Partial<Record<ItemKind | "total", number>> {
  const out: Partial<Record<ItemKind | "total", number>> = { total: items.length };
  for (const it of items) if (it.kind) out[it.kind] = (out[it.kind] ?? 0) + 1;
  return out;
}

export const gridsOf = (rows: CellValue[][]): WorkbookGrids => ({ sheets: [{ name: "แผน", visibility: "visible", rows, merges: [] }], names: [] });

/** As a PDF viewer copies a table: one line a row, cells flattened onto one line, tabs between them. */
export function asPdfText(rows: readonly (readonly CellValue[])[]): string {
  return rows.map((r) => r.map((c) => (c === null ? "" : String(c).replace(/\s*\n\s*/g, " "))).join("\t")).join("\n");
}

/**
 * The issue-14 เทศบาล: 36 items in 12 rows, eight rows packing 2–10 numbered items on one line, one
 * item with no kind word; its stated totals are right (23 โครงการ 7 กิจกรรม 5 มาตรการ, 36 รายการ).
 */
export function municipality36(): { items: GenItem[]; layout: Layout } {
  const spec: [1 | 2 | 3 | 4, string, ItemKind | undefined, string, number][] = [];
  const add = (d: 1 | 2 | 3 | 4, m: string, k: ItemKind | undefined, rest: string, b = 0) => spec.push([d, m, k, rest, b]);
  add(1, "1.1", "activity", "อบรมคุณธรรมจริยธรรมแก่ผู้บริหาร สมาชิกสภา และพนักงานเทศบาล", 30000);
  add(1, "1.1", "measure", "ส่งเสริมการปฏิบัติตามประมวลจริยธรรมของพนักงานเทศบาล");
  add(1, "1.1", "activity", "ให้ความรู้เรื่องผลประโยชน์ทับซ้อนตามมาตรา 126 (1) แห่งพระราชบัญญัติประกอบรัฐธรรมนูญ");
  add(1, "1.1", "project", "เสริมสร้างค่านิยมต่อต้านการทุจริต ระยะที่ 2");
  add(1, "1.2", "project", "ปลูกจิตสำนึกรักษ์ท้องถิ่น", 10000);
  add(1, "1.2", "project", "รณรงค์คัดแยกขยะในชุมชน", 5000);
  add(1, "1.2", "activity", "ประกวดคำขวัญต่อต้านการทุจริต");
  add(1, "1.3", "project", "โตไปไม่โกง");
  add(1, "1.3", "project", "ค่ายเยาวชนคุณธรรม", 20000);
  add(1, "1.3", "activity", "สอดแทรกหลักสูตรต้านทุจริตศึกษาในศูนย์พัฒนาเด็กเล็ก");
  add(2, "2.1", "measure", "แสดงเจตจำนงทางการเมืองในการต่อต้านการทุจริตของผู้บริหาร");
  add(2, "2.2", "measure", "ออกคำสั่งมอบหมายของนายกเทศมนตรี ปลัดเทศบาล และหัวหน้าส่วนราชการ");
  add(2, "2.2", "project", "เผยแพร่ข้อมูลการจัดซื้อจัดจ้าง พ.ศ. 2560 ตามข้อ 3) ของระเบียบ");
  add(2, "2.2", "activity", "ควบคุมการเบิกจ่ายเงินตามข้อบัญญัติงบประมาณรายจ่ายประจำปี");
  add(2, "2.2", undefined, "การจัดทำคู่มือการปฏิบัติงานด้านการเงินและพัสดุ");
  add(2, "2.3", "project", "จัดทำคู่มือสำหรับประชาชน", 3000);
  add(2, "2.3", "project", "ลดขั้นตอนการให้บริการประชาชน");
  add(2, "2.3", "project", "ประเมินความพึงพอใจของผู้รับบริการ", 25000);
  add(2, "2.3", "activity", "ให้บริการนอกเวลาราชการ");
  add(2, "2.3", "project", "พัฒนาระบบการให้บริการผ่านระบบอิเล็กทรอนิกส์");
  add(2, "2.3", "project", "ศูนย์บริการร่วมเบ็ดเสร็จ");
  add(2, "2.3", "project", "จัดทำมาตรฐานการให้บริการประชาชน");
  add(2, "2.3", "measure", "กำหนดระยะเวลาการให้บริการ");
  add(2, "2.3", "project", "ติดตั้งป้ายประชาสัมพันธ์ขั้นตอนการให้บริการ", 8000);
  add(2, "2.3", "project", "เทศบาลเคลื่อนที่พบประชาชน", 15000);
  add(3, "3.1", "project", "ปรับปรุงเว็บไซต์ของเทศบาล", 12000);
  add(3, "3.1", "project", "จัดทำวารสารประชาสัมพันธ์ผลการดำเนินงาน", 40000);
  add(3, "3.1", "activity", "เผยแพร่ข้อมูลข่าวสารทางหอกระจายข่าว");
  add(3, "3.2", "project", "จัดเวทีประชาคมเพื่อทบทวนแผนพัฒนาท้องถิ่น", 20000);
  add(3, "3.2", "project", "รับเรื่องร้องเรียนร้องทุกข์ผ่านช่องทางออนไลน์");
  add(3, "3.2", "project", "แต่งตั้งคณะกรรมการชุมชนร่วมตรวจรับพัสดุ");
  add(3, "3.3", "project", "ส่งเสริมบทบาทของคณะกรรมการติดตามและประเมินผลแผนพัฒนา");
  add(4, "4.1", "project", "จัดทำแผนการตรวจสอบภายในประจำปี");
  add(4, "4.1", "measure", "ติดตามประเมินผลการควบคุมภายใน");
  add(4, "4.2", "project", "อบรมสมาชิกสภาเทศบาลเรื่องบทบาทหน้าที่", 15000);
  add(4, "4.3", "project", "ส่งเสริมเครือข่ายภาคประชาชนต่อต้านการทุจริต", 10000);
  const items: GenItem[] = spec.map(([dimension, mission, kind, rest, b]) => ({ dimension, mission, kind, rest, budgets: [b, b, b, b, b] }));
  // 12 rows: 8 packs (4, 3, 3, 4, 10, 3, 3, 2 items = 32) and 4 items alone
  const packs = [[0, 1, 2, 3], [4, 5, 6], [7, 8, 9], [11, 12, 13, 14], [15, 16, 17, 18, 19, 20, 21, 22, 23, 24], [25, 26, 27], [28, 29, 30], [32, 33]];
  return {
    items,
    layout: { packs, numbering: "close", thaiDigits: false, oneLine: true, packBudgets: "shared", noteColumn: true, firstYear: 2566, years: 5, orgName: "เทศบาลตำบลโคกสูง", stated: { project: 23, activity: 7, measure: 5, total: 36 } },
  };
}
