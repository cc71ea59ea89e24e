/**
 * How every report sheet looks (REPORTS.md): the official font, number and date formats per digit
 * setting, the header/body cell styles, and the note row at the top (generated / draft).
 */
import type { DigitStyle } from "../../domain/lists";
import type { CellStyle } from "../grid";

/** Thai official documents: TH SarabunPSK 16 pt (spreadsheets substitute an installed Thai font where it is missing). */
export const REPORT_FONT = { name: "TH SarabunPSK", size: 16 } as const;

/**
 * Thai digits by number format. REPORTS.md writes [$-D000000]: Excel shows Thai digits with it, but
 * LibreOffice needs the locale too and shows Arabic ones; [$-D00041E] (Thai digits, Thai locale) shows Thai
 * digits in both (checked by rendering to PDF with LibreOffice 7).
 */
export const THAI_DIGITS = "[$-D00041E]";

export const GENERATED_NOTE = "สร้างโดย Sujarit — แก้ไขที่แผ่นงานข้อมูล";

/** Number and date formats for one digit setting. Amounts show zero as "-", as the documents do. */
export interface ReportFormats {
  /** Baht with satang, as official printouts show money (seed 003 L3262 "750,100.00") · zero "-". */
  readonly amount: string;
  /** The same (kept for the e-PlanNACC list, which always printed 2 decimals). */
  readonly amount2: string;
  /** Counts: 0 shown as 0. */
  readonly count: string;
  /** Percentages stored as numbers 0–100, two decimals. */
  readonly percent: string;
  /** A date, day month-name BE year. */
  readonly date: string;
}

export function reportFormats(digits: DigitStyle): ReportFormats {
  if (digits === "thai") {
    const t = THAI_DIGITS;
    return {
      amount: `${t}#,##0.00;-${t}#,##0.00;"-"`,
      amount2: `${t}#,##0.00;-${t}#,##0.00;"-"`,
      count: `${t}0`,
      percent: `${t}0.00`,
      date: "[$-D07041E]d mmmm yyyy",
    };
  }
  return { amount: '#,##0.00;-#,##0.00;"-"', amount2: '#,##0.00;-#,##0.00;"-"', count: "0", percent: "0.00", date: "[$-107041E]d mmmm yyyy" };
}

export const STYLE = {
  title: { bold: true, fontSize: 18, horizontal: "center", vertical: "middle", wrap: true },
  subtitle: { bold: true, horizontal: "center", vertical: "middle", wrap: true },
  header: { bold: true, fill: "FFD9E1F2", horizontal: "center", vertical: "middle", wrap: true, border: "thin" },
  body: { vertical: "top", wrap: true, border: "thin" },
  /** A group band in a table (มิติ, ภารกิจ): bold, shaded, bordered. */
  band: { bold: true, fill: "FFF2F2F2", vertical: "top", wrap: true, border: "thin" },
  total: { bold: true, fill: "FFFFF2CC", vertical: "top", wrap: true, border: "thin" },
  text: { vertical: "top", wrap: true },
  note: { italic: true, fontSize: 12, fontColor: "FF7F7F7F" },
  draft: { bold: true, fontSize: 16, fontColor: "FFC00000", fill: "FFFDE9E9", wrap: true, vertical: "middle" },
} as const satisfies Record<string, CellStyle>;

export const FOOTER = "หน้า &P จาก &N";
export const DRAFT_FOOTER = "ฉบับร่าง (DRAFT) · หน้า &P จาก &N";
