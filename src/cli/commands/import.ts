/**
 * `sujarit import old-plan.xlsx|plan.docx|copied.txt --out plan.xlsx`: a plan table as the documents lay it out becomes a
 * template workbook; the report accounts for every non-empty source row and lists every finding at
 * its source cell. Exit 0 imported cleanly, 1 imported with errors to fix, 2 nothing to import.
 */
import { extname } from "node:path";
import { importPlanDocument, importPlanTable, importPlanText, NoPlanTableError } from "../../app/import";
import { writePlanWorkbook } from "../../app/template";
import { lookup, ORG_TYPES } from "../../domain/lists";
import { budgetIn } from "../../domain/plan";
import type { FiscalYear } from "../../domain/units";
import { NotADocxError, readDocxPlan } from "../../hosts/docx/docx-file";
import { XlsxWorkbook } from "../../hosts/xlsx/xlsx-workbook";
import { type Lang, langOf, parse, UsageError } from "../args";
import { findingLine } from "../findings";
import { EXIT, type Io, readBytes } from "../io";
import { checkOut, writeNewFile } from "../safe-write";
import { renderTable } from "../table";

const WORDS = {
  th: {
    table: "ตารางแผน", wrote: "สร้างแฟ้มแล้ว", rows: "แถวในตารางเดิม", title: "หัวเรื่อง", header: "หัวตาราง", item: "รายการ",
    total: "แถวรวม", unplaced: "นำเข้าไม่ได้", dimension: "มิติ", items: "รายการ", findings: "ข้อควรตรวจสอบ", none: "ไม่มี", year: "ปี",
  },
  en: {
    table: "Plan table", wrote: "Wrote", rows: "Source rows", title: "title", header: "header", item: "item",
    total: "total", unplaced: "not imported", dimension: "Dimension", items: "Items", findings: "Findings", none: "none", year: "FY",
  },
} as const;

export async function importCommand(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, {
    out: { type: "string" }, force: { type: "boolean", default: false }, lang: { type: "string" }, json: { type: "boolean", default: false },
    org: { type: "string" }, type: { type: "string" }, district: { type: "string" }, province: { type: "string" },
  });
  const lang: Lang = langOf(values.lang);
  if (positionals.length !== 1) throw new UsageError("import takes one .xlsx, .docx or .txt/.tsv file / ระบุแฟ้ม .xlsx .docx หรือ .txt หนึ่งแฟ้ม");
  const out = values.out;
  if (!out) throw new UsageError("--out is required / ต้องระบุ --out");
  checkOut(out, { force: values.force, inputs: [positionals[0] as string] });
  const orgType = values.type === undefined ? undefined : lookup(ORG_TYPES, values.type)?.key;
  if (values.type !== undefined && !orgType) throw new UsageError(`--type must be one of ${ORG_TYPES.entries.map((e) => e.th).join(", ")}`);

  const source = positionals[0] as string;
  const options = {
    ...(values.org ? { orgName: values.org } : {}), ...(orgType ? { orgType } : {}),
    ...(values.district ? { district: values.district } : {}), ...(values.province ? { province: values.province } : {}),
  };
  let result;
  try {
    const kind = extname(source).toLowerCase();
    if (kind === ".docx") {
      const doc = await readDocxPlan(readBytes(source));
      if (!doc) throw new NoPlanTableError();
      result = importPlanDocument(doc, options);
    } else if (kind === ".txt" || kind === ".tsv") {
      // a table copied out of a PDF viewer: one line a row, tabs between the columns
      result = importPlanText(new TextDecoder("utf-8").decode(readBytes(source)), source, options);
    } else {
      result = importPlanTable(await (await XlsxWorkbook.open(readBytes(source))).readGrids(), options);
    }
  } catch (e) {
    if (e instanceof NotADocxError) {
      io.err(`sujarit: ${source}: ${e.message}`);
      return EXIT.unreadable;
    }
    if (e instanceof NoPlanTableError) {
      io.err(`sujarit: ${source}: ${e.message}`);
      return EXIT.unreadable;
    }
    throw e;
  }
  const book = XlsxWorkbook.empty();
  await writePlanWorkbook(book, result.model, new Date());
  await writeNewFile(out, await book.toBytes(), { force: values.force, inputs: [source] });

  if (values.json) {
    io.out(JSON.stringify({ source, out, sheet: result.legacy.sheet, years: result.legacy.years, rows: result.rowCounts, accounts: result.legacy.rows, items: result.model.items.length, settings: result.model.settings, findings: result.findings }, null, 2));
  } else {
    const w = WORDS[lang];
    const years = result.legacy.years;
    const dims = [1, 2, 3, 4].map((d) => result.model.items.filter((it) => it.dimension === d));
    const sum = (its: typeof result.model.items, y: FiscalYear) => its.reduce((s, it) => s + budgetIn(it.budgets, y), 0).toLocaleString("en-US");
    const rows = dims.map((its, i) => [String(i + 1), String(its.length), ...years.map((y) => sum(its, y))]);
    rows.push(["∑", String(result.model.items.length), ...years.map((y) => sum(result.model.items, y))]);
    const c = result.rowCounts;
    io.out([
      `${w.table}: ${source} › ${result.legacy.sheet} (${result.model.settings.orgName || "-"}, ${years[0]}–${years[years.length - 1]})`,
      `${w.rows}: ${w.title} ${c.title} · ${w.header} ${c.header} · ${w.item} ${c.item} · ${w.total} ${c.total} · ${w.unplaced} ${c.unplaced}`,
      "",
      renderTable([w.dimension, w.items, ...years.map((y) => `${w.year} ${y}`)], rows),
      "",
      `${w.findings}: ${result.findings.length === 0 ? w.none : result.findings.length}`,
      ...result.findings.map((f) => `  ${findingLine(f, lang)}`),
      "",
      `${w.wrote}: ${out}`,
    ].join("\n"));
  }
  return result.findings.some((f) => f.severity === "error") ? EXIT.findings : EXIT.ok;
}
