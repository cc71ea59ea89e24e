/**
 * Page numbers in Thai digits on the published PDF (issue 13: "page numbers count report pages only, in Thai
 * digits"). Neither Excel nor LibreOffice can print them: Excel's footer codes &P and &N have no numeral
 * option (Microsoft, "Formatting and VBA codes for headers and footers"), and Calc draws a page-number field
 * only as 1, A, a, I or i — a page style's "Native Numbering" is ignored and the CTL numeral setting leaves
 * it Arabic (tried with LibreOffice 7.4). So the PDF copy is printed without its footer and each page gets
 * the report's footer here, with the page and the count in Thai digits, in the report's Thai font.
 *
 * pdf-lib (with its fontkit) writes the text: the maintained way to add text to an existing PDF from Node,
 * embedding a subset of the font with a ToUnicode map, so the stamped footer is searchable and copies as
 * Thai text. Thai needs no reordering; its marks sit on zero-width glyphs, which fontkit's layout keeps.
 */
import fontkit from "@pdf-lib/fontkit";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { PDFDocument, rgb } from "pdf-lib";
import { toThaiDigits } from "../domain/thai";

/** Where the footer's baseline sits: Excel's footer margin (0.3 in, hosts/xlsx) plus the text's descent. */
const BASELINE_PT = 24;
/** A Thai face (TH Sarabun's metrics) at 14 pt reads as large as the 10–11 pt Latin footer Excel prints. */
const FOOTER_PT = 14;

/** The text of an Excel footer for one page, or undefined when it uses codes this stamp does not draw. */
export function footerText(footer: string, page: number, pages: number): string | undefined {
  const centre = footer.startsWith("&C") ? footer.slice(2) : footer;
  let unknown = false;
  const text = centre.replace(/&(.)/g, (_, code: string) => {
    if (code === "P") return toThaiDigits(String(page));
    if (code === "N") return toThaiDigits(String(pages));
    if (code === "&") return "&";
    unknown = true;
    return "";
  });
  return unknown ? undefined : text;
}

/**
 * The font file fontconfig picks for `family` in Thai — the face LibreOffice printed the report in — if it
 * has every glyph `sample` needs; undefined without fontconfig or such a font (the caller then keeps the
 * Arabic page numbers rather than print boxes).
 */
export function thaiFontFile(family: string, sample: string): Uint8Array | undefined {
  let file: string;
  try {
    file = execFileSync("fc-match", ["-f", "%{file}", `${family}:lang=th`], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], timeout: 10_000 }).trim();
  } catch {
    return undefined;
  }
  if (file === "" || !existsSync(file) || !/\.(ttf|otf)$/i.test(file)) return undefined;
  const bytes = new Uint8Array(readFileSync(file));
  try {
    const font = fontkit.create(Buffer.from(bytes));
    const chars = [...sample.replace(/\s/g, "")];
    return chars.every((c) => font.hasGlyphForCodePoint(c.codePointAt(0) as number)) ? bytes : undefined;
  } catch {
    return undefined;
  }
}

/** `pdf` with `footer` (Excel's codes) drawn centred at the foot of every page, numbered in Thai digits. */
export async function stampFooters(pdf: Uint8Array, footer: string, fontBytes: Uint8Array): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf);
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(fontBytes, { subset: true });
  const pages = doc.getPages();
  pages.forEach((page, i) => {
    const text = footerText(footer, i + 1, pages.length);
    if (text === undefined) throw new Error(`footer codes not supported: ${footer}`);
    const { x, y, width } = page.getMediaBox();
    const textWidth = font.widthOfTextAtSize(text, FOOTER_PT);
    page.drawText(text, { x: x + (width - textWidth) / 2, y: y + BASELINE_PT, size: FOOTER_PT, font, color: rgb(0, 0, 0) });
  });
  return doc.save();
}
