/** PLACEHOLDER — being written; replace this whole file. */
import type { SheetSpec } from "../grid";
import { SheetBuilder } from "./builder";
import { footerOf, noteRow, type ReportContext } from "./context";
import { REPORT_SHEETS } from "./names";
import { REPORT_FONT } from "./style";

export function part3Sheet(ctx: ReportContext): SheetSpec {
  const b = new SheetBuilder();
  noteRow(b, ctx, 4);
  return b.toSpec({ name: REPORT_SHEETS.part3, columns: [10, 10, 10, 10], font: REPORT_FONT, print: { orientation: "portrait", paper: "A4", fitToWidth: true, footer: footerOf(ctx) } });
}
