/** What a command needs from the outside world, so that tests can run commands in-process. */
import { readFileSync, statSync } from "node:fs";
import { inflateRawSync } from "node:zlib";
import { useBoundedInflate, WorkbookOpenError } from "../hosts/xlsx/xlsx-workbook";
import { readErrorSentence } from "./safe-write";

export const EXIT = { ok: 0, findings: 1, unreadable: 2 } as const;

// hostile packages: the CLI checks actual entry sizes, cells and texts before exceljs unpacks (PACKAGE_LIMITS)
useBoundedInflate((data, max) => inflateRawSync(data, { maxOutputLength: max }));

export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** Progress for long runs; absent when nobody watches (not a terminal, tests). */
  progress?(done: number, total: number, label: string): void;
}

export function readBytes(file: string): Uint8Array {
  try {
    if (statSync(file).isDirectory()) throw Object.assign(new Error("EISDIR"), { code: "EISDIR" });
    return readFileSync(file);
  } catch (e) {
    throw new WorkbookOpenError(readErrorSentence(file, e));
  }
}
