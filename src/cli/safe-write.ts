/**
 * Writing users' files without losing anything (issue 15; ENGINEERING.md "Writing users' files").
 *
 * In place (`report`, `consolidate`, `progress --add`): `updateInPlace(file, change)`
 *  1. refuses a file open in Excel (`~$name` beside it) or LibreOffice (`.~lock.name#`), and a read-only file;
 *  2. takes an exclusive lock for the whole read-modify-write: `.<name>.sujarit-lock`, created with O_EXCL
 *     (`wx`), holding {pid, host, time}. A second writer waits for it (polling, up to LOCK_WAIT_MS) and
 *     then reads the file the first one wrote, so no update is lost. A lock whose process is dead on this
 *     machine is stale and is broken at once (under a short second O_EXCL "breaker" lock, so two waiters
 *     never both break it); a lock from another machine (a shared folder) is stale after STALE_MS.
 *     Why not `proper-lockfile`: it marks a lock stale only by age (its mtime refreshed every few
 *     seconds, `stale` ≥ 2 s), so after a kill -9 every later run waits that long, and it cannot tell a
 *     dead owner from a slow one; the pid check here frees a dead writer's lock immediately, and the O_EXCL
 *     file works the same on a local disk and an SMB share. No dependency is added.
 *  3. reads the bytes and remembers size, mtime and SHA-256; `change` builds the new bytes;
 *  4. checks again that the file is still the one read (another program, e.g. Excel, may save it
 *     without knowing our lock) and refuses otherwise;
 *  5. writes a unique temp file in the same folder (`.<name>.<pid>-<random>.sujarit-tmp`, O_EXCL), with the
 *     original's mode, fsyncs it, renames it over the file and fsyncs the folder;
 *  6. removes the temp file on every failure, and the lock in every case. A kill -9 cannot clean up after
 *     itself: the next write of that file removes the temp files and the lock of dead processes.
 *
 * New files (`--out`): `writeNewFile` refuses an existing file without --force, and any of the command's
 * own inputs always (same device and inode, or same real path); it never replaces a file that appeared
 * in the meantime (link(2) of the temp file fails on an existing name).
 *
 * Every failure is a `FileError`: a Thai + English sentence naming the file and what to do.
 */
import { createHash, randomBytes } from "node:crypto";
import {
  closeSync, constants, existsSync, fchmodSync, fsyncSync, linkSync, openSync, readdirSync, readFileSync, realpathSync, renameSync,
  type Stats, statSync, unlinkSync, writeSync,
} from "node:fs";
import { hostname } from "node:os";
import { basename, dirname, extname, join, resolve } from "node:path";
import { FEATURE_TH, partsAnExcelJsWriteDrops } from "../hosts/xlsx/package";
import { type PackageFacts, WorkbookOpenError } from "../hosts/xlsx/xlsx-workbook";

export class FileError extends WorkbookOpenError {
  constructor(reason: string) {
    super(reason);
    this.name = "FileError";
  }
}

export const LOCK_WAIT_MS = 120_000;
export const STALE_MS = 10 * 60_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A write error as a sentence naming the file (EACCES, ENOSPC, EISDIR, ENOENT …), never "internal error". */
export function writeErrorSentence(file: string, e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  const dir = dirname(resolve(file));
  switch (code) {
    case "EACCES":
    case "EPERM":
      return `${file}: no permission to write here (folder ${dir}); save to a folder you can write to with --out, or ask your administrator / ไม่มีสิทธิ์เขียนไฟล์ ${file} ในโฟลเดอร์นี้ ใช้ --out บันทึกไปโฟลเดอร์อื่น`;
    case "EROFS":
      return `${file}: the disk or folder is read-only; save to another folder with --out / ดิสก์หรือโฟลเดอร์ของ ${file} เป็นแบบอ่านอย่างเดียว ใช้ --out บันทึกที่อื่น`;
    case "ENOSPC":
    case "EDQUOT":
      return `${file}: the disk is full, nothing was written and the file is as it was; free some space and run again / ดิสก์เต็ม ไม่ได้บันทึก ${file} (ไฟล์เดิมไม่เปลี่ยนแปลง) ลบไฟล์ที่ไม่ใช้แล้วลองใหม่`;
    case "EISDIR":
      return `${file} is a folder, not a file; give a file name such as report.xlsx / ${file} เป็นโฟลเดอร์ ไม่ใช่ไฟล์ ระบุชื่อไฟล์ เช่น report.xlsx`;
    case "ENOENT":
    case "ENOTDIR":
      return `${file}: the folder ${dir} does not exist; create it first or choose another place / ไม่พบโฟลเดอร์ ${dir} สร้างโฟลเดอร์ก่อนหรือเลือกที่อื่น`;
    case "EBUSY":
    case "ETXTBSY":
      return `${file} is in use by another program; close it and run again / ไฟล์ ${file} ถูกโปรแกรมอื่นใช้อยู่ ปิดแล้วลองใหม่`;
    case "ENAMETOOLONG":
      return `${file}: the name is too long; choose a shorter one / ชื่อไฟล์ ${file} ยาวเกินไป`;
    default:
      return `${file}: could not be written (${code ?? "unknown reason"}); nothing was changed / เขียนไฟล์ ${file} ไม่ได้ ไฟล์เดิมไม่เปลี่ยนแปลง`;
  }
}

/** Excel's owner file of an open workbook (`~$name`, or `~$` over the first two characters of a long name), or LibreOffice's. */
export function openInOfficeBy(file: string): string | undefined {
  const dir = dirname(file);
  const name = basename(file);
  const candidates = [`~$${name}`, `~$${name.slice(2)}`, `~$${name.slice(1)}`, `.~lock.${name}#`];
  return candidates.map((c) => join(dir, c)).find((p) => existsSync(p));
}

function refuseIfOpenElsewhere(file: string): void {
  const owner = openInOfficeBy(file);
  if (owner) {
    throw new FileError(`${file} is open in Excel (its lock file ${basename(owner)} is beside it): a change written now would be undone by Excel's next save. Close it in Excel and run again, or write a copy with --out / ไฟล์ ${file} เปิดอยู่ใน Excel ปิดไฟล์ก่อนแล้วลองใหม่ หรือใช้ --out บันทึกเป็นไฟล์ใหม่`);
  }
}

function isReadOnly(st: Stats): boolean {
  // the mode bits, not access(2): root may write anything, but a file marked read-only stays so
  return (st.mode & 0o222) === 0;
}

function refuseIfReadOnly(file: string, st: Stats): void {
  if (isReadOnly(st)) {
    throw new FileError(`${file} is read-only, so it is not changed; make it writable, or write a copy with --out / ไฟล์ ${file} เป็นแบบอ่านอย่างเดียว จึงไม่เขียนทับ ใช้ --out บันทึกเป็นไฟล์ใหม่`);
  }
}

// ---------- the lock ----------

interface LockInfo { pid: number; host: string; time: number; nonce: string }

const lockPath = (file: string) => join(dirname(file), `.${basename(file)}.sujarit-lock`);
const TEMP = /^\.(.*)\.(\d+)-[0-9a-f]+\.sujarit-tmp$/;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readLock(path: string): LockInfo | undefined {
  try {
    return JSON.parse(readFileSync(path, "utf8")) as LockInfo;
  } catch {
    return undefined; // gone, or being written this instant
  }
}

function stale(info: LockInfo | undefined, path: string): boolean {
  if (!info) {
    // unreadable content: stale only when old (a lock is written in one call right after its creation)
    try { return Date.now() - statSync(path).mtimeMs > 5_000; } catch { return false; }
  }
  if (info.host === hostname()) return !alive(info.pid) || Date.now() - info.time > STALE_MS * 3;
  return Date.now() - info.time > STALE_MS;
}

function tryCreate(path: string, content: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, "wx", 0o644);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw e;
  }
  try { writeSync(fd, content); } finally { closeSync(fd); }
  return true;
}

/** Breaks a stale lock under the breaker lock, so that only one waiter breaks it and no fresh lock is removed. */
function breakIfStale(path: string): void {
  const breaker = `${path}.break`;
  if (!tryCreate(breaker, String(process.pid))) {
    try { if (Date.now() - statSync(breaker).mtimeMs > 5_000) unlinkSync(breaker); } catch { /* gone */ }
    return;
  }
  try {
    const info = readLock(path);
    if (stale(info, path)) {
      try { unlinkSync(path); } catch { /* gone */ }
    }
  } finally {
    try { unlinkSync(breaker); } catch { /* gone */ }
  }
}

/** Removes temp files of `file` left by processes that died on this machine (a kill -9 during a write). */
function sweepLeftovers(file: string): void {
  const dir = dirname(file);
  const name = basename(file);
  let names: string[];
  try { names = readdirSync(dir); } catch { return; }
  for (const n of names) {
    const m = TEMP.exec(n);
    if (m && m[1] === name && !alive(Number(m[2]))) {
      try { unlinkSync(join(dir, n)); } catch { /* gone */ }
    }
  }
}

/** Runs `body` holding the exclusive lock of `file`; waits for another writer, breaks a dead one's lock. */
export async function withFileLock<T>(file: string, body: () => Promise<T>, waitMs = LOCK_WAIT_MS): Promise<T> {
  const path = lockPath(file);
  const info: LockInfo = { pid: process.pid, host: hostname(), time: Date.now(), nonce: randomBytes(8).toString("hex") };
  const deadline = Date.now() + waitMs;
  let delay = 10;
  for (;;) {
    let created: boolean;
    try {
      created = tryCreate(path, JSON.stringify(info));
    } catch (e) {
      throw new FileError(writeErrorSentence(file, e));
    }
    if (created) break;
    breakIfStale(path);
    if (Date.now() > deadline) {
      const owner = readLock(path);
      throw new FileError(`${file} is being written by another Sujarit command${owner ? ` (process ${owner.pid} on ${owner.host})` : ""}; nothing was changed. Run again when it has finished, or remove ${basename(path)} if no command is running / ไฟล์ ${file} กำลังถูกคำสั่งอื่นของสุจริตเขียนอยู่ ไม่ได้บันทึก ลองใหม่เมื่อเสร็จแล้ว`);
    }
    await sleep(delay + Math.random() * delay);
    delay = Math.min(delay * 2, 200);
  }
  try {
    sweepLeftovers(file);
    return await body();
  } finally {
    // only our own lock: a lock broken as stale (we were too slow) and taken by another is not ours
    if (readLock(path)?.nonce === info.nonce) {
      try { unlinkSync(path); } catch { /* gone */ }
    }
  }
}

// ---------- reading and replacing ----------

export interface Snapshot {
  readonly file: string;
  readonly bytes: Buffer;
  readonly size: number;
  readonly mtimeMs: number;
  readonly ino: number;
  readonly mode: number;
  readonly sha256: string;
}

const hash = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

/** The file's bytes and what identifies this version of it. */
export function snapshot(file: string): Snapshot {
  let st: Stats;
  let bytes: Buffer;
  try {
    st = statSync(file);
    if (st.isDirectory()) throw Object.assign(new Error("EISDIR"), { code: "EISDIR" });
    bytes = readFileSync(file);
  } catch (e) {
    throw new FileError(readErrorSentence(file, e));
  }
  return { file, bytes, size: st.size, mtimeMs: st.mtimeMs, ino: st.ino, mode: st.mode & 0o7777, sha256: hash(bytes) };
}

export function readErrorSentence(file: string, e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  switch (code) {
    case "ENOENT": return `${file}: no such file / ไม่พบแฟ้ม ${file}`;
    case "EISDIR": return `${file} is a folder, not an .xlsx file / ${file} เป็นโฟลเดอร์ ไม่ใช่ไฟล์ .xlsx`;
    case "EACCES":
    case "EPERM": return `${file}: no permission to read it / ไม่มีสิทธิ์อ่านไฟล์ ${file}`;
    default: return `${file}: could not be read (${code ?? "unknown reason"}) / อ่านไฟล์ ${file} ไม่ได้`;
  }
}

function unchanged(s: Snapshot): boolean {
  try {
    const st = statSync(s.file);
    if (st.size !== s.size || st.mtimeMs !== s.mtimeMs || st.ino !== s.ino) return false;
    return hash(readFileSync(s.file)) === s.sha256;
  } catch {
    return false;
  }
}

/** Hooks for tests: called between the temp file's write and the rename (the "write phase"). */
export const testHooks: { beforeRename?: (tmp: string) => void } = {};

/** Writes bytes to a unique temp file beside `target`, fsynced, with `mode`; returns its path. Removes it on failure. */
function writeTemp(target: string, bytes: Uint8Array, mode: number): string {
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}-${randomBytes(6).toString("hex")}.sujarit-tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, mode);
    fchmodSync(fd, mode); // open's mode passes through the umask
    // SUJARIT_TEST_WRITE_PHASE (the kill -9 test only): say when the write phase starts, and write in small
    // slow chunks so that a kill lands inside it
    const slow = process.env.SUJARIT_TEST_WRITE_PHASE === "1";
    if (slow) process.stderr.write("sujarit-test: write phase\n");
    const chunk = slow ? 8192 : bytes.length;
    let off = 0;
    while (off < bytes.length) {
      off += writeSync(fd, bytes, off, Math.min(chunk, bytes.length - off));
      if (slow) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1);
    }
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    return tmp;
  } catch (e) {
    if (fd !== undefined) try { closeSync(fd); } catch { /* already closed */ }
    try { unlinkSync(tmp); } catch { /* never created */ }
    throw new FileError(writeErrorSentence(target, e));
  }
}

function fsyncDir(dir: string): void {
  try {
    const fd = openSync(dir, "r");
    try { fsyncSync(fd); } finally { closeSync(fd); }
  } catch { /* not every platform can fsync a folder (Windows); the rename is still atomic */ }
}

/**
 * The in-place read-modify-write. `change` gets the file's bytes and returns the new bytes, or undefined
 * to write nothing; its result is returned. Every refusal is a FileError and leaves the file untouched.
 */
export async function updateInPlace<T>(file: string, change: (bytes: Buffer) => Promise<{ bytes?: Uint8Array; result: T }>): Promise<T> {
  let st: Stats;
  try {
    st = statSync(file);
  } catch (e) {
    throw new FileError(readErrorSentence(file, e));
  }
  if (st.isDirectory()) throw new FileError(readErrorSentence(file, Object.assign(new Error(), { code: "EISDIR" })));
  refuseIfOpenElsewhere(file);
  refuseIfReadOnly(file, st);
  return withFileLock(file, async () => {
    const before = snapshot(file);
    const { bytes, result } = await change(before.bytes);
    if (bytes === undefined) return result;
    refuseIfOpenElsewhere(file);
    const tmp = writeTemp(file, bytes, before.mode);
    try {
      if (!unchanged(before)) {
        throw new FileError(`${file} was changed by another program while Sujarit worked on it, so nothing was written (its new content is kept); run the command again / ไฟล์ ${file} ถูกโปรแกรมอื่นแก้ไขระหว่างทำงาน จึงไม่ได้บันทึก (ไฟล์ที่แก้ไขยังอยู่ครบ) สั่งใหม่อีกครั้ง`);
      }
      testHooks.beforeRename?.(tmp);
      renameSync(tmp, file);
    } catch (e) {
      try { unlinkSync(tmp); } catch { /* renamed or gone */ }
      if (e instanceof FileError) throw e;
      throw new FileError(writeErrorSentence(file, e));
    }
    fsyncDir(dirname(file));
    return result;
  });
}

function sameFile(a: string, b: string): boolean {
  try {
    const sa = statSync(a);
    const sb = statSync(b);
    if (sa.dev === sb.dev && sa.ino === sb.ino) return true;
  } catch { /* one does not exist */ }
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return resolve(a) === resolve(b);
  }
}

/**
 * Checks an --out before any work: refuses one of the command's inputs always, an existing file without
 * --force, a folder, an open or read-only file. Call it before reading, and `writeNewFile` at the end.
 */
export function checkOut(out: string, options: { force: boolean; inputs: readonly string[] }): void {
  const input = options.inputs.find((i) => sameFile(i, out));
  if (input !== undefined) {
    throw new FileError(`--out ${out} is one of the command's own input files (${input}); choose another name (to change the file itself, leave out --out where the command allows it) / --out ${out} เป็นไฟล์ต้นทางของคำสั่งนี้ ระบุชื่อไฟล์อื่น`);
  }
  let st: Stats | undefined;
  try { st = statSync(out); } catch { st = undefined; }
  if (!st) return;
  if (st.isDirectory()) throw new FileError(writeErrorSentence(out, Object.assign(new Error(), { code: "EISDIR" })));
  if (!options.force) throw new FileError(`${out} already exists; choose another --out or add --force to replace it / มีแฟ้ม ${out} อยู่แล้ว ระบุชื่ออื่นหรือเพิ่ม --force เพื่อเขียนทับ`);
  refuseIfOpenElsewhere(out);
  refuseIfReadOnly(out, st);
}

/** Writes a new file (an --out): never over an input, never over an existing file without --force. */
export async function writeNewFile(out: string, bytes: Uint8Array, options: { force: boolean; inputs: readonly string[] }): Promise<void> {
  checkOut(out, options);
  if (existsSync(out)) {
    // --force over an existing file: the same lock and atomic replacement as in place
    await updateInPlace(out, async () => ({ bytes, result: undefined }));
    return;
  }
  const tmp = writeTemp(out, bytes, 0o666 & ~currentUmask());
  try {
    linkSync(tmp, out); // fails on a name that appeared meanwhile: never replaced silently
  } catch (e) {
    try { unlinkSync(tmp); } catch { /* gone */ }
    if ((e as NodeJS.ErrnoException).code === "EEXIST") throw new FileError(`${out} appeared while Sujarit worked; it is not replaced. Run again with another --out or --force / มีไฟล์ ${out} เกิดขึ้นระหว่างทำงาน จึงไม่เขียนทับ`);
    if ((e as NodeJS.ErrnoException).code === "EPERM" || (e as NodeJS.ErrnoException).code === "ENOTSUP") {
      // file systems without hard links (FAT, some shares): fall back to a rename after a last check
      if (existsSync(out)) throw new FileError(`${out} appeared while Sujarit worked; it is not replaced / มีไฟล์ ${out} เกิดขึ้นระหว่างทำงาน จึงไม่เขียนทับ`);
      const again = writeTemp(out, bytes, 0o666 & ~currentUmask());
      try { renameSync(again, out); } catch (e2) { try { unlinkSync(again); } catch { /* gone */ } throw new FileError(writeErrorSentence(out, e2)); }
      return;
    }
    throw new FileError(writeErrorSentence(out, e));
  }
  try { unlinkSync(tmp); } catch { /* the link stays; the temp name goes */ }
  fsyncDir(dirname(resolve(out)));
}

function currentUmask(): number {
  // process.umask() without an argument is deprecated for its race; worker threads cannot call it at all
  try { return process.umask(); } catch { return 0o022; }
}

/**
 * An in-place write goes through exceljs, which writes back only what it models: a package holding
 * anything else (macros, charts, pictures, pivots …, see `partsAnExcelJsWriteDrops`) is refused with a
 * sentence suggesting --out, before any change. So is a macro-enabled or template name (.xlsm, .xltx,
 * .xltm): exceljs writes an .xlsx package, which Excel would not open under that name.
 */
export function refuseIfAWriteWouldLose(file: string, pkg: PackageFacts | undefined): void {
  const ext = extname(file).toLowerCase();
  const lost = pkg ? partsAnExcelJsWriteDrops(pkg.entries) : { parts: [], th: [], en: [] };
  for (const f of pkg?.sheetFeatures ?? []) {
    lost.parts.push(`(worksheet ${f})`);
    lost.en.push(f);
    lost.th.push(FEATURE_TH[f]);
  }
  if (lost.parts.length === 0 && (ext === ".xlsx" || ext === "")) return;
  const what = lost.parts.length > 0
    ? { en: `it holds ${lost.en.join(", ")}, which Sujarit's writer does not keep`, th: `มี${lost.th.join(" ")}ซึ่งตัวเขียนไฟล์ของสุจริตเก็บไว้ไม่ได้` }
    : { en: `a ${ext} file must stay one, and Sujarit writes .xlsx`, th: `ไฟล์ ${ext} ต้องคงชนิดเดิม แต่สุจริตเขียนได้เฉพาะ .xlsx` };
  throw new FileError(`${file} was not changed: ${what.en}. Write a copy instead with --out new.xlsx (the copy has everything Sujarit reads and writes, without those parts) / ไม่ได้แก้ไข ${file} เพราะ${what.th} ใช้ --out ชื่อใหม่.xlsx เพื่อบันทึกเป็นไฟล์ใหม่แทน`);
}
