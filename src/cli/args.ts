/** Command-line arguments: a thin layer over node's parseArgs that turns mistakes into UsageError. */
import { parseArgs, type ParseArgsConfig } from "node:util";

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

export function parse<O extends NonNullable<ParseArgsConfig["options"]>>(argv: readonly string[], options: O) {
  try {
    return parseArgs({ args: [...argv], options, allowPositionals: true as const, strict: true as const });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

export type Lang = "th" | "en";

export function langOf(v: unknown): Lang {
  if (v === undefined || v === "th") return "th";
  if (v === "en") return "en";
  throw new UsageError(`--lang must be th or en (got ${String(v)})`);
}
