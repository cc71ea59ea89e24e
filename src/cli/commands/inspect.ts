/** `sujarit inspect`: what a workbook holds, per dimension and in total. */
import { inspectWorkbook, type Inspection } from "../../app/inspect";
import { formatAmount } from "../../domain/thai";
import { XlsxWorkbook } from "../../hosts/xlsx/xlsx-workbook";
import { type Lang, langOf, parse, UsageError } from "../args";
import { EXIT, type Io, readBytes } from "../io";
import { displayWidth, renderTable } from "../table";
import { findingLines } from "../findings";
import { label } from "../text";

export async function inspectCommand(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, { lang: { type: "string" }, json: { type: "boolean", default: false } });
  const lang = langOf(values.lang);
  if (positionals.length !== 1) throw new UsageError("inspect takes one .xlsx file / ระบุแฟ้ม .xlsx หนึ่งแฟ้ม");
  const file = positionals[0] as string;
  const book = await XlsxWorkbook.open(readBytes(file));
  const inspection = await inspectWorkbook(book);
  if (values.json) io.out(JSON.stringify(inspectionJson(file, inspection), null, 2));
  else io.out(inspectionText(inspection, lang));
  return inspection.isTemplate ? EXIT.ok : EXIT.unreadable;
}

function shorten(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let out = "";
  for (const ch of text) {
    if (displayWidth(out + ch) >= width) break;
    out += ch;
  }
  return `${out}…`;
}

export function inspectionText(ins: Inspection, lang: Lang): string {
  if (!ins.isTemplate) return label("notTemplate", lang);
  const s = ins.summary;
  const st = ins.read.workbook.settings;
  const place = [st.district && `${lang === "th" ? "อ." : ""}${st.district}`, st.province && `${lang === "th" ? "จ." : ""}${st.province}`].filter(Boolean).join(" ");
  const lines = [
    `${label("org", lang)}: ${s.orgName || "-"}${place ? ` (${place})` : ""}`,
    `${label("period", lang)}: ${lang === "th" ? "พ.ศ. " : "BE "}${s.firstYear}–${s.lastYear} (${s.years.length} ${lang === "th" ? "ปี" : "years"}) · ${label("framework", lang)} ${s.framework}`,
    "",
  ];
  const kinds = ["project", "activity", "measure", "guideline"] as const;
  const header = [label("dimension", lang), ...kinds.map((k) => label(k, lang)), label("items", lang), ...s.years.map((y) => `${label("year", lang)} ${y}`)];
  const row = (name: string, t: typeof s.total): string[] => [
    name, ...kinds.map((k) => String(t.byKind[k])), String(t.items), ...t.budgets.map((b) => formatAmount(b.amount)),
  ];
  const rows = s.dimensions.map((d) => row(d.dimension ? shorten(`${d.dimension} ${d.name}`, 34) : label("unplaced", lang), d));
  rows.push(row(label("total", lang), s.total));
  lines.push(renderTable(header, rows));
  lines.push("", `${label("progressRows", lang)}: ${s.progressRows} · ${label("risks", lang)}: ${s.risks}`);
  const errors = ins.read.findings.filter((f) => f.severity === "error").length;
  const warnings = ins.read.findings.filter((f) => f.severity === "warning").length;
  if (ins.read.findings.length > 0) {
    lines.push("", `${label("findings", lang)}: ${errors} ${label("errors", lang)}, ${warnings} ${label("warnings", lang)}`);
    lines.push(...findingLines(ins.read.findings, lang, 20));
  }
  return lines.join("\n");
}


function inspectionJson(file: string, ins: Inspection) {
  const s = ins.summary;
  const st = ins.read.workbook.settings;
  return {
    file,
    isTemplate: ins.isTemplate,
    templateVersion: ins.read.templateVersion ?? null,
    organization: { name: st.orgName, type: st.orgType ?? null, district: st.district, province: st.province },
    period: { firstYear: s.firstYear, lastYear: s.lastYear, years: s.years },
    framework: s.framework,
    dimensions: s.dimensions.map((d) => ({ dimension: d.dimension ?? null, name: d.name, items: d.items, byKind: d.byKind, budgets: d.budgets, total: d.total })),
    total: s.total,
    progressRows: s.progressRows,
    risks: s.risks,
    findings: ins.read.findings,
  };
}
