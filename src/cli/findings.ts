/** Findings as lines of text, in the user's language: errors first, and never an error folded into "… และอีก N". */
import { describeLocation, type Finding, SEVERITY_ORDER } from "../domain/findings";
import type { Lang } from "./args";

export function findingLine(f: Finding, lang: Lang): string {
  const found = f.found !== undefined ? ` — ${lang === "th" ? "พบ" : "found"} "${f.found.replace(/\s*\r?\n\s*/g, " ⏎ ")}"` : "";
  const expected = f.expected ? `; ${lang === "th" ? "ต้องเป็น" : "expected"} ${f.expected[lang]}` : "";
  const fix = f.suggestion ? `; ${lang === "th" ? "แนะนำ" : "suggest"} ${f.suggestion}` : "";
  return `[${f.rule}] ${describeLocation(f.location)}: ${f.message[lang]}${found}${expected}${fix}`;
}

/** Errors, then warnings, then notes; each in the order given (sheet order). */
export function errorsFirst(findings: readonly Finding[]): Finding[] {
  return findings.map((f, i) => ({ f, i })).sort((a, b) => SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] || a.i - b.i).map((x) => x.f);
}

/** "R7 ×3, M6 ×1": how many findings of each rule, most first. */
export function ruleCounts(findings: readonly Finding[]): string {
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(f.rule, (counts.get(f.rule) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([rule, n]) => `${rule} ×${n}`).join(", ");
}

const MORE = { th: (n: number, rules: string) => `… และอีก ${n} รายการที่ไม่ใช่ข้อผิดพลาด (${rules})`, en: (n: number, rules: string) => `… and ${n} more that are not errors (${rules})` };

/**
 * The findings as indented lines, errors first: every error is listed; warnings and notes up to `limit`
 * lines in all, the rest counted by rule.
 */
export function findingLines(findings: readonly Finding[], lang: Lang, limit = Number.POSITIVE_INFINITY, indent = "  "): string[] {
  const sorted = errorsFirst(findings);
  const errors = sorted.filter((f) => f.severity === "error");
  const others = sorted.filter((f) => f.severity !== "error");
  const room = Math.max(0, limit - errors.length);
  const shown = others.slice(0, room);
  const rest = others.slice(room);
  const lines = [...errors, ...shown].map((f) => `${indent}${findingLine(f, lang)}`);
  if (rest.length > 0) lines.push(`${indent}${MORE[lang](rest.length, ruleCounts(rest))}`);
  return lines;
}
