/** What a command needs from the outside world, so that tests can run commands in-process. */
import { readFileSync } from "node:fs";
import { WorkbookOpenError } from "../hosts/xlsx/xlsx-workbook";

export const EXIT = { ok: 0, findings: 1, unreadable: 2 } as const;

export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** Progress for long runs; absent when nobody watches (not a terminal, tests). */
  progress?(done: number, total: number, label: string): void;
}

export function readBytes(file: string): Uint8Array {
  try {
    return readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new WorkbookOpenError(code === "ENOENT" ? `${file}: no such file / ไม่พบแฟ้ม` : `${file}: ${code ?? (e as Error).message}`);
  }
}
