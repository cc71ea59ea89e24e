/** One finding as a line of text, in the user's language. */
import { describeLocation, type Finding } from "../domain/findings";
import type { Lang } from "./args";

export function findingLine(f: Finding, lang: Lang): string {
  const found = f.found !== undefined ? ` — ${lang === "th" ? "พบ" : "found"} "${f.found.replace(/\s*\r?\n\s*/g, " ⏎ ")}"` : "";
  const expected = f.expected ? `; ${lang === "th" ? "ต้องเป็น" : "expected"} ${f.expected[lang]}` : "";
  const fix = f.suggestion ? `; ${lang === "th" ? "แนะนำ" : "suggest"} ${f.suggestion}` : "";
  return `[${f.rule}] ${describeLocation(f.location)}: ${f.message[lang]}${found}${expected}${fix}`;
}
