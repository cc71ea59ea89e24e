/**
 * `sujarit validate <file-or-folder>…`: every check on every workbook, findings per file and a summary
 * over all of them. Exit 0 clean, 1 findings at or above --fail-on, 2 a file could not be read.
 */
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { type Finding, SEVERITY_ORDER, type Severity } from "../../domain/findings";
import { type Lang, langOf, parse, UsageError } from "../args";
import { findingLines } from "../findings";
import { EXIT, type Io } from "../io";
import { renderTable } from "../table";
import { defaultJobs, validateAll } from "./pool";
import type { FileResult } from "./validate-file";

type Format = "text" | "json" | "csv";

export async function validateCommand(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, {
    format: { type: "string", default: "text" },
    "fail-on": { type: "string", default: "error" },
    lang: { type: "string" },
    jobs: { type: "string" },
  });
  const lang = langOf(values.lang);
  const format = values.format as Format;
  if (!["text", "json", "csv"].includes(format)) throw new UsageError("--format must be text, json or csv");
  const failOn = values["fail-on"] as Severity;
  if (!(failOn in SEVERITY_ORDER)) throw new UsageError("--fail-on must be error, warning or info");
  if (positionals.length === 0) throw new UsageError("validate needs at least one .xlsx file or folder / ระบุแฟ้มหรือโฟลเดอร์");

  const { files, missing } = collectFiles(positionals);
  if (files.length === 0 && missing.length === 0) {
    // nothing checked is not "all fine" (issue 15): a usage error, exit 2 (issue 18)
    throw new UsageError(`no .xlsx file found in ${positionals.join(", ")}; nothing was checked / ไม่พบแฟ้ม .xlsx ใน ${positionals.join(", ")} จึงไม่ได้ตรวจสอบ`);
  }
  const jobs = values.jobs === undefined ? defaultJobs(files.length) : Number(values.jobs);
  if (!Number.isInteger(jobs) || jobs < 1) throw new UsageError("--jobs must be a whole number of 1 or more");
  const results: FileResult[] = missing.map((file) => ({ file, unreadable: `${file}: no such file or folder / ไม่พบแฟ้มหรือโฟลเดอร์` }));
  io.progress?.(0, files.length, "");
  results.push(...(await validateAll(files, jobs, (done) => io.progress?.(done, files.length, files[done - 1] ?? ""))));

  if (format === "json") io.out(JSON.stringify(jsonReport(results, failOn), null, 2));
  else if (format === "csv") io.out(csvReport(results, lang));
  else io.out(textReport(results, lang, failOn));

  if (results.some((r) => r.unreadable)) return EXIT.unreadable;
  return results.some((r) => failing(r, failOn)) ? EXIT.findings : EXIT.ok;
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
const failing = (r: FileResult, threshold: Severity) => (r.findings ?? []).some((f) => atOrAbove(f, threshold));

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
    const counts = r.counts ?? { error: 0, warning: 0, info: 0 };
    out.push(`${r.file} — ${w.error} ${counts.error} · ${w.warning} ${counts.warning} · ${w.info} ${counts.info}`);
    out.push(...findingLines(r.findings ?? [], lang));
  }
  if (results.length > 1) {
    const rows = results.map((r) => [
      r.file,
      r.counts ? String(r.counts.error) : "-",
      r.counts ? String(r.counts.warning) : "-",
      r.counts ? String(r.counts.info) : "-",
      r.unreadable ? w.unreadable : failing(r, failOn) ? w.failed : w.clean,
    ]);
    const total = (s: Severity) => String(results.reduce((n, r) => n + (r.counts?.[s] ?? 0), 0));
    // every file given is counted: passed, failed and unreadable (issue 18)
    const unreadable = results.filter((r) => r.unreadable).length;
    const failed = results.filter((r) => !r.unreadable && failing(r, failOn)).length;
    const outcome = [`${results.length - unreadable - failed} ${w.clean}`, ...(failed > 0 ? [`${failed} ${w.failed}`] : []), ...(unreadable > 0 ? [`${unreadable} ${w.unreadable}`] : [])];
    rows.push([`${w.summary}: ${results.length} ${w.files}`, total("error"), total("warning"), total("info"), outcome.join(" · ")]);
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
      ...(r.counts ? { counts: r.counts, passed: !failing(r, failOn), findings: r.findings } : {}),
    })),
    summary: {
      files: results.length,
      unreadable: results.filter((r) => r.unreadable).length,
      failed: results.filter((r) => failing(r, failOn)).length,
      error: results.reduce((n, r) => n + (r.counts?.error ?? 0), 0),
      warning: results.reduce((n, r) => n + (r.counts?.warning ?? 0), 0),
      info: results.reduce((n, r) => n + (r.counts?.info ?? 0), 0),
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
      : (r.findings ?? []).map((f) => [
          r.file, f.rule, f.severity, f.location.sheet, f.location.cell ?? "", f.location.row ?? "", f.message[lang],
          f.found ?? "", f.expected?.[lang] ?? "", f.suggestion ?? "",
        ]),
  );
  return `\ufeff${[header, ...rows].map((row) => row.map(csvCell).join(",")).join("\r\n")}`;
}


