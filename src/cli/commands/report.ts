/**
 * `sujarit report plan.xlsx --fy 2567 --round 6|12 [--out report.xlsx] [--cards] [--without risk,annual-list,…]`: every
 * report sheet of REPORTS.md (project cards only with --cards: they belong to the plan document, not to a progress
 * report; --without leaves out appendices the official document does not have)
 * for the fiscal year and round (the settings' when not given). The checks run first; their errors are
 * printed, and the report is still generated but marked draft on every sheet (exit 1). Writes the input
 * file in place (under its lock, safe-write.ts) unless --out; only report sheets and `_meta` are written.
 * --report-only also writes the report alone as a workbook of its own (what Excel prints as "Entire Workbook"),
 * --pdf the report sheets rendered by LibreOffice.
 * Exit 0 generated, 1 generated as a draft, 2 unreadable input or wrong usage.
 */
import { readBEYear } from "../../domain/calendar";
import { formatAmount } from "../../domain/thai";
import type { ReportRound } from "../../domain/lists";
import { SheetConflictError } from "../../app/port";
import {
  type GeneratedReports, generateReports, type OptionalAppendix, previewFrom, REPORT_SHEET_ORDER, REPORT_SHEETS, REPORT_SHEETS_EN, type ReportPreview, writeReportOnly,
} from "../../app/report";
import { looksLikeTemplate } from "../../app/validate";
import { XlsxWorkbook } from "../../hosts/xlsx/xlsx-workbook";
import { type Lang, langOf, parse, UsageError } from "../args";
import { findingLine, findingLines, ruleCounts } from "../findings";
import { EXIT, type Io, readBytes } from "../io";
import { PdfToolMissingError, renderSheetsToPdf } from "../pdf";
import { checkOut, refuseIfAWriteWouldLose, updateInPlace, writeNewFile } from "../safe-write";
import { renderTable } from "../table";

const WORDS = {
  th: {
    title: "รายงานผลการดำเนินงานตามแผนปฏิบัติการป้องกันการทุจริต", fy: "ปีงบประมาณ", round: "รอบ", months: "เดือน",
    errors: "ข้อผิดพลาดที่ทำให้รายงานไม่ถูกต้อง", more: "และอีก", items: "รายการ", draft: "รายงานนี้จึงเป็นฉบับร่าง (ทุกแผ่นงานมีข้อความฉบับร่าง) — แก้ไขแล้วสร้างใหม่",
    noErrors: "ตรวจสอบแล้ว ไม่พบข้อผิดพลาด",
    warnings: (n: number, kinds: string) => `ตรวจสอบแล้ว พบคำเตือน ${n} รายการ (${kinds}) ซึ่งไม่ทำให้รายงานเป็นฉบับร่าง — sujarit validate แสดงทุกรายการ`, gaps: "ข้อมูลที่ยังไม่ครบสำหรับรายงานฉบับลงนาม",
    gapsDraft: "รายงานนี้จึงเป็นฉบับร่าง — เติมข้อมูลแล้วสร้างใหม่", dim: "มิติ", total: "รวม", count: "โครงการ", done: "แล้วเสร็จ", doing: "ระหว่างดำเนินการ",
    notPossible: "ดำเนินการไม่ได้", notReported: "รอรายงานผล", planned: "งบตามแผน", disbursed: "เบิกจ่าย", score: "ผลการนำแผนไปปฏิบัติ (ร้อยละ)",
    sheets: "แผ่นงานที่สร้าง", wrote: "บันทึกแล้ว", pdf: "PDF (เฉพาะแผ่นงานรายงาน)",
    reportOnly: "แฟ้มรายงานอย่างเดียว (สั่งพิมพ์ทั้งแฟ้มได้)",
    arabicPages: "เลขหน้าใน PDF เป็นเลขอารบิก เพราะไม่พบฟอนต์ภาษาไทยที่มีเลขไทย (Debian/Ubuntu: sudo apt-get install fonts-thai-tlwg)", checkOnly: "ตรวจอย่างเดียว: ยังไม่ได้สร้างรายงาน", unmatched: "แถวผลรายเดือนที่ไม่พบรหัสในแผน",
    notTemplate: "แฟ้มนี้ไม่ใช่แฟ้มแม่แบบของสุจริต (ไม่มีแผ่นงานของแม่แบบ) จึงสร้างรายงานไม่ได้",
    conflict: "มีแผ่นงานชื่อเดียวกับรายงานที่ผู้ใช้สร้างเอง จึงไม่เขียนทับ", conflictHint: "เปลี่ยนชื่อแผ่นงานเหล่านั้น หรือเพิ่ม --replace-user-sheets ถ้าต้องการแทนที่",
  },
  en: {
    title: "Anti-corruption action plan progress report", fy: "FY", round: "round", months: "months",
    errors: "Errors that would make the report wrong", more: "and", items: "more", draft: "The report is therefore a draft (every sheet says so) — fix them and generate again",
    noErrors: "Checked: no errors",
    warnings: (n: number, kinds: string) => `Checked: ${n} warning${n === 1 ? "" : "s"} (${kinds}), which do not make the report a draft — sujarit validate lists them`, gaps: "Missing before the report can be signed",
    gapsDraft: "The report is therefore a draft — complete them and generate again", dim: "Dimension", total: "Total", count: "Items", done: "Done", doing: "In progress",
    notPossible: "Not possible", notReported: "Not reported", planned: "Planned", disbursed: "Disbursed", score: "Implementation score (%)",
    sheets: "Sheets generated", wrote: "Wrote", pdf: "PDF (the report sheets only)",
    reportOnly: "The report alone (print the entire workbook)",
    arabicPages: "the PDF's page numbers are in Arabic digits: no Thai font with Thai digits was found (Debian/Ubuntu: sudo apt-get install fonts-thai-tlwg)", checkOnly: "Check only: no report generated", unmatched: "Monthly rows whose code is not in the plan",
    notTemplate: "This is not a Sujarit workbook (none of the template's sheets), so no report can be made",
    conflict: "Sheets with a report's name that the user made; not overwritten", conflictHint: "rename them, or add --replace-user-sheets to replace them",
  },
} as const;

function requestOf(values: { fy?: string; round?: string }) {
  let fy;
  if (values.fy !== undefined) {
    const y = readBEYear(values.fy);
    if (y.kind === "ce") throw new UsageError(`--fy ${values.fy} looks like a CE year; use the BE year ${y.suggested} / ใช้ปี พ.ศ. ${y.suggested}`);
    if (y.kind !== "be") throw new UsageError(`--fy must be a BE fiscal year such as 2567 (got ${values.fy}) / --fy ต้องเป็นปีงบประมาณ พ.ศ. เช่น 2567`);
    fy = y.year;
  }
  let round: ReportRound | undefined;
  if (values.round !== undefined) {
    if (values.round !== "6" && values.round !== "12") throw new UsageError(`--round must be 6 or 12 (got ${values.round}) / --round ต้องเป็น 6 หรือ 12`);
    round = Number(values.round) as ReportRound;
  }
  return { fy, round };
}

/** `--without`'s names of the appendices a user may leave out. */
const APPENDIX_NAMES: Readonly<Record<string, OptionalAppendix>> = {
  risk: "risk", "annual-list": "annualList", "eplan-summary": "eplan", overview: "dashboard",
};

function appendicesLeftOut(value: string | undefined): OptionalAppendix[] {
  if (value === undefined) return [];
  return value.split(",").map((s) => s.trim()).filter((s) => s !== "").map((name) => {
    const key = APPENDIX_NAMES[name];
    if (key === undefined) {
      const known = Object.keys(APPENDIX_NAMES).join(", ");
      throw new UsageError(`--without takes ${known} (got ${name}) / --without รับได้เฉพาะ ${known}`);
    }
    return key;
  });
}

export async function reportCommand(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, {
    fy: { type: "string" }, round: { type: "string" }, out: { type: "string" }, force: { type: "boolean", default: false },
    "replace-user-sheets": { type: "boolean", default: false }, "check-only": { type: "boolean", default: false },
    json: { type: "boolean", default: false }, lang: { type: "string" }, cards: { type: "boolean", default: false },
    pdf: { type: "string" }, without: { type: "string" }, "report-only": { type: "string" },
  });
  const leaveOut = appendicesLeftOut(values.without);
  const lang: Lang = langOf(values.lang);
  const w = WORDS[lang];
  if (positionals.length !== 1) throw new UsageError("report takes one .xlsx file / ระบุแฟ้ม .xlsx หนึ่งแฟ้ม");
  const file = positionals[0] as string;
  const asked = requestOf(values);
  if (values.out !== undefined) checkOut(values.out, { force: values.force, inputs: [file] });
  if (values.pdf !== undefined) {
    if (values["check-only"]) throw new UsageError("--pdf makes a report; it cannot go with --check-only / --pdf ใช้คู่กับ --check-only ไม่ได้");
    checkOut(values.pdf, { force: values.force, inputs: [file, ...(values.out !== undefined ? [values.out] : [])] });
  }
  const reportOnly = values["report-only"];
  if (reportOnly !== undefined) {
    if (values["check-only"]) throw new UsageError("--report-only makes a report; it cannot go with --check-only / --report-only ใช้คู่กับ --check-only ไม่ได้");
    checkOut(reportOnly, { force: values.force, inputs: [file, ...[values.out, values.pdf].filter((p): p is string => p !== undefined)] });
  }
  // in place: the whole read-modify-write under the file's lock (safe-write.ts); --out and --check-only read only
  const inPlace = values.out === undefined && !values["check-only"];
  let failed: number | undefined;
  let preview!: ReportPreview;
  let sheets: readonly string[] = [];
  let specs: GeneratedReports["sheets"] = [];
  /** The report workbook as written, for --pdf. */
  let written: Uint8Array | undefined;
  const work = async (bytes: Uint8Array): Promise<XlsxWorkbook | undefined> => {
    const book = await XlsxWorkbook.open(bytes);
    if (inPlace) refuseIfAWriteWouldLose(file, book.pkg);
    const grids = await book.readGrids();
    if (!looksLikeTemplate(grids)) {
      io.err(`sujarit: ${file}: ${w.notTemplate}`);
      failed = EXIT.unreadable;
      return undefined;
    }
    const now = new Date();
    // the settings' year and round fill what the command line leaves out
    const base = previewFrom(grids, undefined, now).request;
    const request = { fy: asked.fy ?? base.fy, round: asked.round ?? base.round };
    if (values["check-only"]) {
      preview = previewFrom(grids, request, now, { cards: values.cards, leaveOut });
      return undefined;
    }
    try {
      const generated = await generateReports(book, request, { now, replaceUserSheets: values["replace-user-sheets"], contents: { cards: values.cards, leaveOut } });
      preview = generated.preview;
      sheets = generated.sheets.map((s) => s.name);
      specs = generated.sheets;
    } catch (e) {
      if (e instanceof SheetConflictError) {
        io.err(`sujarit: ${file}: ${w.conflict}: ${e.sheets.join(", ")} — ${w.conflictHint}`);
        failed = EXIT.unreadable;
        return undefined;
      }
      throw e;
    }
    return book;
  };
  if (inPlace) {
    await updateInPlace(file, async (bytes) => {
      const book = await work(bytes);
      written = book ? await book.toBytes() : undefined;
      return { bytes: written, result: undefined };
    });
  } else {
    const book = await work(readBytes(file));
    if (book) written = await book.toBytes();
    if (written && values.out !== undefined) await writeNewFile(values.out, written, { force: values.force, inputs: [file] });
  }
  if (failed !== undefined) return failed;
  let reportOnlyWritten: string | undefined;
  if (reportOnly !== undefined && written !== undefined) {
    const only = XlsxWorkbook.empty();
    await writeReportOnly(only, specs);
    await writeNewFile(reportOnly, await only.toBytes(), { force: values.force, inputs: [file] });
    reportOnlyWritten = reportOnly;
  }
  let pdfWritten: string | undefined;
  if (values.pdf !== undefined && written !== undefined) {
    // only the report sheets, in the printed order: the page numbers count report pages only
    try {
      const rendered = await renderSheetsToPdf(written, sheets);
      await writeNewFile(values.pdf, rendered.pdf, { force: values.force, inputs: [file] });
      if (rendered.pageNumbers === "arabic") io.err(`sujarit: ${w.arabicPages}`);
      pdfWritten = values.pdf;
    } catch (e) {
      if (!(e instanceof PdfToolMissingError)) throw e;
      io.err(`sujarit: ${e.message}`);
      failed = EXIT.unreadable;
    }
  }
  const draft = preview.draft;
  const out = values["check-only"] ? null : (values.out ?? file);
  const request = preview.request;
  if (values.json) {
    const s = preview.context.summary;
    io.out(JSON.stringify({
      file, out, pdf: pdfWritten ?? null, reportOnly: reportOnlyWritten ?? null, fy: request.fy, round: request.round, draft, errors: preview.errors, gaps: preview.gaps,
      warnings: preview.validation.findings.filter((f) => f.severity !== "error"), sheets,
      totals: s.total, byDimension: s.byDimension, unmatched: s.unmatched.map((p) => ({ code: p.code ?? null, at: p.at ?? null })),
    }, null, 2));
  } else {
    io.out(text(preview, sheets, out, lang));
    if (reportOnlyWritten !== undefined) io.out(`${w.reportOnly}: ${reportOnlyWritten}`);
    if (pdfWritten !== undefined) io.out(`${w.pdf}: ${pdfWritten}`);
  }
  if (failed !== undefined) return failed;
  return draft ? EXIT.findings : EXIT.ok;
}

function text(preview: ReportPreview, sheets: readonly string[], out: string | null, lang: Lang): string {
  const w = WORDS[lang];
  const { fy, round } = preview.request;
  const s = preview.context.summary;
  const lines = [`${w.title} — ${w.fy} ${fy} ${w.round} ${round} ${w.months}`, ""];
  if (preview.errors.length > 0) {
    lines.push(`${w.errors} (${preview.errors.length}):`);
    lines.push(...findingLines(preview.errors, lang));
    lines.push(`  ${w.draft}`, "");
  } else {
    // the checks' warnings are said, with their kinds, never hidden under "no errors"
    const warnings = preview.validation.findings.filter((f) => f.severity !== "error");
    if (warnings.length > 0) lines.push(w.warnings(warnings.length, ruleCounts(warnings)), "");
    else if (preview.gaps.length === 0) lines.push(w.noErrors, "");
  }
  if (preview.gaps.length > 0) {
    lines.push(`${w.gaps} (${preview.gaps.length}):`);
    for (const f of preview.gaps) lines.push(`  ${findingLine(f, lang)}`);
    if (preview.errors.length === 0) lines.push(`  ${w.gapsDraft}`);
    lines.push("");
  }
  const row = (label: string, t: typeof s.total) => [
    label, String(t.items), String(t.byStatus.done), String(t.byStatus.inProgress), String(t.byStatus.notPossible),
    String(t.byStatus.notReported + t.byStatus.notStarted), formatAmount(t.planned), formatAmount(t.disbursed), t.implementationScore.toFixed(2),
  ];
  const table = s.byDimension.map((d) => row(String(d.dimension), d.totals));
  table.push(row(w.total, s.total));
  lines.push(renderTable([w.dim, w.count, w.done, w.doing, w.notPossible, w.notReported, w.planned, w.disbursed, w.score], table));
  if (s.unmatched.length > 0) lines.push("", `${w.unmatched}: ${s.unmatched.map((p) => `${p.code ?? "-"} (${p.at ? `${p.at.sheet} แถว ${p.at.row}` : "-"})`).join(", ")}`);
  if (out !== null) {
    const names = REPORT_SHEET_ORDER.map((k) => (lang === "th" ? REPORT_SHEETS[k] : `${REPORT_SHEETS[k]} (${REPORT_SHEETS_EN[k]})`)).filter((n) => sheets.some((x) => n.startsWith(x)));
    lines.push("", `${w.sheets} (${sheets.length}): ${names.join(" · ")}`, `${w.wrote}: ${out}`);
  } else {
    lines.push("", w.checkOnly);
  }
  return lines.join("\n");
}
