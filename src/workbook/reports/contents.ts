/** PLACEHOLDER — being written; replace this whole file. */
import type { SheetSpec } from "../grid";
import { SheetBuilder } from "./builder";
import { footerOf, noteRow, type ReportContext } from "./context";
import { REPORT_SHEETS } from "./names";
import { REPORT_FONT } from "./style";

/** The contents page lists the other sheets (their specs, to estimate the page each one starts on). */
export function contentsSheet(ctx: ReportContext, sheets: readonly SheetSpec[]): SheetSpec {
  const b = new SheetBuilder();
  noteRow(b, ctx, 4);
  sheets.forEach((s, i) => b.set(i + 2, 1, s.name));
  return b.toSpec({ name: REPORT_SHEETS.contents, columns: [10, 10, 10, 10], font: REPORT_FONT, print: { orientation: "portrait", paper: "A4", fitToWidth: true, footer: footerOf(ctx) } });
}
