/**
 * `sujarit validate <file-or-folder>…`: every check on every workbook, findings per file and a summary
 * over all of them. Exit 0 clean, 1 findings at or above --fail-on, 2 a file could not be read.
 */
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { type Validation, validateWorkbook } from "../../app/validate";
import { type Finding, SEVERITY_ORDER, type Severity } from "../../domain/findings";
import { XlsxWorkbook, WorkbookOpenError } from "../../hosts/xlsx/xlsx-workbook";
import { type Lang, langOf, parse, UsageError } from "../args";
import { findingLine } from "../findings";
import { EXIT, type Io, readBytes } from "../io";
import { renderTable } from "../table";

type Format = "text" | "json" | "csv";

interface FileResult {
  readonly file: string;
  readonly validation?: Validation;
  /** Why the file could not be read at all. */
  readonly unreadable?: string;
}

export async function validateCommand(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, {
    format: { type: "string", default: "text" },
    "fail-on": { type: "string", default: "error" },
    lang: { type: "string" },
  });
  const lang = langOf(values.lang);
  const format = values.format as Format;
  if (!["text", "json", "csv"].includes(format)) throw new UsageError("--format must be text, json or csv");
  const failOn = values["fail-on"] as Severity;
  if (!(failOn in SEVERITY_ORDER)) throw new UsageError("--fail-on must be error, warning or info");
  if (positionals.length === 0) throw new UsageError("validate needs at least one .xlsx file or folder / ระบุแฟ้มหรือโฟลเดอร์");

  const { files, missing } = collectFiles(positionals);
  const results: FileResult[] = missing.map((file) => ({ file, unreadable: `${file}: no such file or folder / ไม่พบแฟ้มหรือโฟลเดอร์` }));
  for (const [i, file] of files.entries()) {
    io.progress?.(i, files.length, file);
    results.push(await validateFile(file));
  }
  io.progress?.(files.length, files.length, "");

  if (format === "json") io.out(JSON.stringify(jsonReport(results, failOn), null, 2));
  else if (format === "csv") io.out(csvReport(results, lang));
  else io.out(textReport(results, lang, failOn));

  if (results.some((r) => r.unreadable)) return EXIT.unreadable;
  return results.some((r) => failing(r, failOn)) ? EXIT.findings : EXIT.ok;
}

async function validateFile(file: string): Promise<FileResult> {
  try {
    return { file, validation: await validateWorkbook(await XlsxWorkbook.open(readBytes(file))) };
  } catch (e) {
    if (e instanceof WorkbookOpenError) return { file, unreadable: e.message };
    throw e;
  }
}

/** Files as given, and folders walked for .xlsx (skipping Excel's ~$ lock files and hidden entries), sorted. */
function collectFiles(paths: readonly string[]): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith(".") || entry.name.startsWith("~$")) continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.xlsx$/i.test(entry.name)) files.push(full);
    }
  };
  for (const p of paths) {
    let stat;
    try {
      stat = statSync(p);
    } catch {
      missing.push(p);
      continue;
    }
    if (stat.isDirectory()) walk(p);
    else files.push(p);
  }
  return { files, missing };
}

const atOrAbove = (f: Finding, threshold: Severity) => SEVERITY_ORDER[f.severity] <= SEVERITY_ORDER[threshold];
const failing = (r: FileResult, threshold: Severity) => (r.validation?.findings ?? []).some((f) => atOrAbove(f, threshold));

const WORDS = {
  th: { error: "ข้อผิดพลาด", warning: "คำเตือน", info: "ข้อสังเกต", file: "แฟ้ม", status: "ผล", clean: "ผ่าน", failed: "ไม่ผ่าน", unreadable: "อ่านไม่ได้", files: "แฟ้ม", summary: "สรุป" },
  en: { error: "errors", warning: "warnings", info: "info", file: "File", status: "Result", clean: "pass", failed: "fail", unreadable: "unreadable", files: "files", summary: "Summary" },
} as const;

function textReport(results: readonly FileResult[], lang: Lang, failOn: Severity): string {
  const w = WORDS[lang];
  const out: string[] = [];
  for (const r of results) {
    if (r.unreadable) {
      out.push(`${r.file} — ${w.unreadable}: ${r.unreadable}`);
      continue;
    }
    const v = r.validation as Validation;
    out.push(`${r.file} — ${w.error} ${v.counts.error} · ${w.warning} ${v.counts.warning} · ${w.info} ${v.counts.info}`);
    for (const f of v.findings) out.push(`  ${findingLine(f, lang)}`);
  }
  if (results.length > 1) {
    const rows = results.map((r) => [
      r.file,
      r.validation ? String(r.validation.counts.error) : "-",
      r.validation ? String(r.validation.counts.warning) : "-",
      r.validation ? String(r.validation.counts.info) : "-",
      r.unreadable ? w.unreadable : failing(r, failOn) ? w.failed : w.clean,
    ]);
    const total = (s: Severity) => String(results.reduce((n, r) => n + (r.validation?.counts[s] ?? 0), 0));
    rows.push([`${w.summary}: ${results.length} ${w.files}`, total("error"), total("warning"), total("info"),
      `${results.filter((r) => !r.unreadable && !failing(r, failOn)).length} ${w.clean}`]);
    out.push("", renderTable([w.file, w.error, w.warning, w.info, w.status], rows));
  }
  return out.join("\n");
}

function jsonReport(results: readonly FileResult[], failOn: Severity) {
  return {
    failOn,
    files: results.map((r) => ({
      file: r.file,
      ...(r.unreadable ? { unreadable: r.unreadable } : {}),
      ...(r.validation ? { counts: r.validation.counts, passed: !failing(r, failOn), findings: r.validation.findings } : {}),
    })),
    summary: {
      files: results.length,
      unreadable: results.filter((r) => r.unreadable).length,
      failed: results.filter((r) => failing(r, failOn)).length,
      error: results.reduce((n, r) => n + (r.validation?.counts.error ?? 0), 0),
      warning: results.reduce((n, r) => n + (r.validation?.counts.warning ?? 0), 0),
      info: results.reduce((n, r) => n + (r.validation?.counts.info ?? 0), 0),
    },
  };
}

const csvCell = (v: string | number | undefined) => {
  const s = v === undefined ? "" : String(v);
  // a leading =, +, - or @ would make Excel run the cell as a formula: prefix an apostrophe
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** UTF-8 with a BOM so that Excel shows Thai correctly when the CSV is opened directly. */
function csvReport(results: readonly FileResult[], lang: Lang): string {
  const header = ["file", "rule", "severity", "sheet", "cell", "row", "message", "found", "expected", "suggestion"];
  const rows = results.flatMap((r) =>
    r.unreadable
      ? [[r.file, "X4", "error", "", "", "", r.unreadable, "", "", ""]]
      : (r.validation as Validation).findings.map((f) => [
          r.file, f.rule, f.severity, f.location.sheet, f.location.cell ?? "", f.location.row ?? "", f.message[lang],
          f.found ?? "", f.expected?.[lang] ?? "", f.suggestion ?? "",
        ]),
  );
  return `\ufeff${[header, ...rows].map((row) => row.map(csvCell).join(",")).join("\r\n")}`;
}


