/** The `sujarit` command. Users never see a stack trace: every failure is a sentence and an exit code. */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { inspectWorkbook, type Inspection } from "../app/inspect";
import { newPlan, writePlanWorkbook } from "../app/template";
import { readBEYear } from "../domain/calendar";
import { describeLocation, type Finding } from "../domain/findings";
import { FRAMEWORK_CHOICES, lookup, ORG_TYPES } from "../domain/lists";
import { formatAmount } from "../domain/thai";
import { XlsxWorkbook, WorkbookOpenError } from "../hosts/xlsx/xlsx-workbook";
import { type Lang, langOf, parse, UsageError } from "./args";
import { label } from "./text";
import { displayWidth, renderTable } from "./table";

export const EXIT = { ok: 0, findings: 1, unreadable: 2 } as const;

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

const HELP = `สุจริต (Sujarit) — แผนปฏิบัติการป้องกันการทุจริตของ อปท.

การใช้งาน / Usage:
  sujarit template --org <ชื่อ> --type <อบต.|เทศบาลตำบล|…> --district <อำเภอ> --province <จังหวัด>
                   --first-year <พ.ศ.> [--years 4|5] [--framework 2566-2570|2561-2564]
                   [--division <ส่วนราชการ>] --out <plan.xlsx> [--force]
  sujarit inspect <plan.xlsx> [--lang th|en] [--json]

รหัสออก / Exit codes: 0 ok · 1 findings at or above the threshold · 2 unreadable input or wrong usage`;

export async function main(argv: readonly string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case "template":
        return await templateCommand(rest, io);
      case "inspect":
        return await inspectCommand(rest, io);
      case undefined:
      case "help":
      case "--help":
      case "-h":
        io.out(HELP);
        return command === undefined ? EXIT.unreadable : EXIT.ok;
      default:
        throw new UsageError(`unknown command "${command}" / ไม่รู้จักคำสั่ง "${command}"`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`sujarit: ${e.message}\n\n${HELP}`);
      return EXIT.unreadable;
    }
    if (e instanceof WorkbookOpenError) {
      io.err(`sujarit: ${e.message}`);
      return EXIT.unreadable;
    }
    // anything else is our bug: say so plainly, keep the detail for the report
    io.err(`sujarit: เกิดข้อผิดพลาดภายในโปรแกรม / internal error: ${(e as Error).message}`);
    return EXIT.unreadable;
  }
}

/* ---------- template ---------- */

async function templateCommand(argv: readonly string[], io: Io): Promise<number> {
  const { values } = parse(argv, {
    org: { type: "string" }, type: { type: "string" }, district: { type: "string" }, province: { type: "string" },
    division: { type: "string" }, "first-year": { type: "string" }, years: { type: "string", default: "5" },
    framework: { type: "string", default: "2566-2570" }, out: { type: "string" }, force: { type: "boolean", default: false },
    lang: { type: "string" },
  });
  const lang = langOf(values.lang);
  const need = (name: string, v: string | undefined): string => {
    if (v === undefined || v.trim() === "") throw new UsageError(`--${name} is required / ต้องระบุ --${name}`);
    return v.trim();
  };
  const orgType = lookup(ORG_TYPES, need("type", values.type));
  if (!orgType) throw new UsageError(`--type must be one of ${ORG_TYPES.entries.map((e) => e.th).join(", ")}`);
  const year = readBEYear(need("first-year", values["first-year"]));
  if (year.kind === "ce") throw new UsageError(`--first-year ${year.typed} is a CE year; use the Buddhist-Era year ${year.suggested} / ใช้ปี พ.ศ. ${year.suggested}`);
  if (year.kind !== "be") throw new UsageError("--first-year must be a Buddhist-Era year such as 2566");
  const years = Number(values.years);
  if (years !== 4 && years !== 5) throw new UsageError("--years must be 4 or 5");
  const framework = lookup(FRAMEWORK_CHOICES, values.framework ?? "");
  if (!framework) throw new UsageError("--framework must be 2566-2570 or 2561-2564");
  const out = need("out", values.out);
  if (existsSync(out) && !values.force) {
    throw new UsageError(`${out} already exists; choose another --out or add --force / มีแฟ้ม ${out} อยู่แล้ว`);
  }
  const model = newPlan({
    orgName: need("org", values.org), orgType: orgType.key, district: need("district", values.district),
    province: need("province", values.province), division: values.division ?? "", firstYear: year.year, years,
    framework: framework.key,
  });
  const book = XlsxWorkbook.empty();
  await writePlanWorkbook(book, model, new Date());
  writeFileSync(out, await book.toBytes());
  io.out(`${label("wrote", lang)}: ${out}`);
  return EXIT.ok;
}

/* ---------- inspect ---------- */

async function inspectCommand(argv: readonly string[], io: Io): Promise<number> {
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

function readBytes(file: string): Uint8Array {
  try {
    return readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new WorkbookOpenError(code === "ENOENT" ? `${file}: no such file / ไม่พบแฟ้ม` : `${file}: ${code ?? (e as Error).message}`);
  }
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
    for (const f of ins.read.findings.slice(0, 20)) lines.push(`  ${findingLine(f, lang)}`);
    if (ins.read.findings.length > 20) lines.push(`  … ${label("more", lang)} ${ins.read.findings.length - 20}`);
  }
  return lines.join("\n");
}

export function findingLine(f: Finding, lang: Lang): string {
  const found = f.found !== undefined ? ` — ${lang === "th" ? "พบ" : "found"} "${f.found}"` : "";
  const expected = f.expected ? `; ${lang === "th" ? "ต้องเป็น" : "expected"} ${f.expected[lang]}` : "";
  const fix = f.suggestion ? `; ${lang === "th" ? "แนะนำ" : "suggest"} ${f.suggestion}` : "";
  return `[${f.rule}] ${describeLocation(f.location)}: ${f.message[lang]}${found}${expected}${fix}`;
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
