/**
 * Issue 15, in process: refusals that leave the file as it was (read-only, open in Excel, parts exceljs
 * would drop, .xlsm), --out never over an input or an existing file without --force, the lock, the
 * unchanged-file check, the temp file removed on failure, file kinds and write errors as sentences.
 */
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { deflateRawSync } from "node:zlib";
import JSZip from "jszip";
import { FileError, openInOfficeBy, testHooks, updateInPlace, withFileLock, writeErrorSentence } from "../../src/cli/safe-write";
import { notXlsxReason, PACKAGE_LIMITS, partsAnExcelJsWriteDrops, zipEntries } from "../../src/hosts/xlsx/package";
import { XlsxWorkbook } from "../../src/hosts/xlsx/xlsx-workbook";
import { run } from "../support/cli";

const sample = join(__dirname, "..", "..", "samples", "nasameng-2566-2570.xlsx");

function dir(): string {
  return mkdtempSync(join(tmpdir(), "sujarit-safe-"));
}
function copy(d = dir(), name = "plan.xlsx"): string {
  const f = join(d, name);
  copyFileSync(sample, f);
  return f;
}
const ADD = ["--add", "--code", "1.1.3", "--fy", "2567", "--month", "1", "--status", "done", "--pct", "100", "--disbursed", "5000"];
const leftovers = (d: string) => readdirSync(d).filter((n) => /sujarit-(tmp|lock)/.test(n));

async function withParts(file: string, parts: Record<string, string | Uint8Array>): Promise<void> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  for (const [name, data] of Object.entries(parts)) zip.file(name, data);
  writeFileSync(file, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
}

describe("in-place writes refuse and change nothing", () => {
  it("a read-only file is not replaced (mode 444 kept, bytes kept), with a Thai and English sentence", async () => {
    const f = copy();
    chmodSync(f, 0o444);
    const before = readFileSync(f);
    for (const argv of [["report", f], ["progress", f, ...ADD]]) {
      const r = await run(...argv);
      expect(r.code).toBe(2);
      expect(r.err).toContain("is read-only");
      expect(r.err).toContain("อ่านอย่างเดียว");
      expect(r.err).not.toMatch(/internal error/);
    }
    expect(readFileSync(f).equals(before)).toBe(true);
    expect(statSync(f).mode & 0o777).toBe(0o444);
  });

  it("a workbook open in Excel (~$name beside it, or ~$ over a long name's first two characters) is not written", async () => {
    const d = dir();
    const f = copy(d, "plan.xlsx");
    writeFileSync(join(d, "~$plan.xlsx"), "owner");
    const before = readFileSync(f);
    const r = await run("progress", f, ...ADD);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/open in Excel .*--out/);
    expect(r.err).toContain("เปิดอยู่ใน Excel");
    expect(readFileSync(f).equals(before)).toBe(true);
    const g = copy(d, "แผนปฏิบัติการ-2567.xlsx");
    writeFileSync(join(d, "~$นปฏิบัติการ-2567.xlsx"), "owner");
    expect(openInOfficeBy(g)).toBeDefined();
    expect((await run("report", g)).code).toBe(2);
  });

  it("a package with parts exceljs would drop (macros, a chart, pictures, pivots, custom XML) is refused with --out suggested", async () => {
    const d = dir();
    const f = copy(d);
    await withParts(f, {
      "xl/vbaProject.bin": new Uint8Array([1, 2, 3]),
      "xl/charts/chart1.xml": "<c:chartSpace/>",
      "xl/media/image1.png": new Uint8Array([0x89, 0x50]),
      "xl/pivotTables/pivotTable1.xml": "<pivotTableDefinition/>",
      "customXml/item1.xml": "<x/>",
    });
    const before = readFileSync(f);
    for (const argv of [["report", f], ["progress", f, ...ADD], ["consolidate", f, copy(dir())]]) {
      const r = await run(...argv);
      expect(r.code).toBe(2);
      expect(r.err).toContain("macros (VBA), charts, drawings or pictures, pivot tables, custom XML");
      expect(r.err).toContain("--out");
      expect(r.err).toContain("แมโคร");
    }
    expect(readFileSync(f).equals(before)).toBe(true);
    expect(leftovers(d)).toEqual([]);
    // a copy is still possible, and says what it is
    const out = join(d, "copy.xlsx");
    expect((await run("report", f, "--out", out)).code).toBeLessThan(2);
    expect(statSync(out).size).toBeGreaterThan(0);
  });

  it("sparklines inside a sheet's XML (no part of their own) are refused too", async () => {
    const d = dir();
    const f = copy(d);
    const zip = await JSZip.loadAsync(readFileSync(f));
    const sheet = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    zip.file("xl/worksheets/sheet1.xml", sheet.replace("</worksheet>", `<extLst><ext uri="{05C60535-1F16-4fd2-B633-F4F36F0B64E0}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:sparklineGroups><x14:sparklineGroup><x14:sparklines><x14:sparkline><xm:f xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main">A1:C1</xm:f><xm:sqref xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main">D1</xm:sqref></x14:sparkline></x14:sparklines></x14:sparklineGroup></x14:sparklineGroups></ext></extLst></worksheet>`));
    writeFileSync(f, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
    const before = readFileSync(f);
    const r = await run("progress", f, ...ADD);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/it holds sparklines.*--out/);
    expect(readFileSync(f).equals(before)).toBe(true);
  });

  it("an .xlsm name is refused in place even without a macro part (exceljs writes an .xlsx package)", async () => {
    const d = dir();
    const f = copy(d, "plan.xlsm");
    const before = readFileSync(f);
    const r = await run("progress", f, ...ADD);
    expect(r.code).toBe(2);
    expect(r.err).toContain("a .xlsm file must stay one");
    expect(readFileSync(f).equals(before)).toBe(true);
  });

  it("lists exactly the parts it would drop, and none of a Sujarit workbook", async () => {
    expect(partsAnExcelJsWriteDrops(zipEntries(readFileSync(sample))).parts).toEqual([]);
  });
});

describe("--out never overwrites silently", () => {
  it("consolidate --out refuses an existing file without --force, and any of its inputs even with --force", async () => {
    const d = dir();
    const master = copy(d, "master.xlsx");
    const division = copy(d, "division.xlsx");
    const existing = join(d, "existing.xlsx");
    writeFileSync(existing, "keep me");
    const r = await run("consolidate", master, division, "--out", existing);
    expect(r.code).toBe(2);
    expect(r.err).toContain("already exists");
    expect(readFileSync(existing, "utf8")).toBe("keep me");
    const before = readFileSync(division);
    for (const out of [division, master, join(d, ".", "division.xlsx")]) {
      const s = await run("consolidate", master, division, "--out", out, "--force");
      expect(s.code).toBe(2);
      expect(s.err).toContain("is one of the command's own input files");
    }
    expect(readFileSync(division).equals(before)).toBe(true);
  });

  it("report, risk and import --out refuse their own input; template refuses an existing file; a folder is named as one", async () => {
    const d = dir();
    const f = copy(d);
    for (const argv of [["report", f, "--out", f, "--force"], ["risk", f, "--out", f, "--force"], ["import", f, "--out", f, "--force"]]) {
      const r = await run(...argv);
      expect(r.code).toBe(2);
      expect(r.err).toContain("own input");
    }
    const t = ["template", "--org", "อบต.ทดสอบ", "--type", "อบต.", "--district", "เมือง", "--province", "มุกดาหาร", "--first-year", "2566"];
    expect((await run(...t, "--out", f)).err).toContain("already exists");
    mkdirSync(join(d, "folder.xlsx"));
    const folder = await run(...t, "--out", join(d, "folder.xlsx"), "--force");
    expect(folder.err).toContain("is a folder");
    const missing = await run(...t, "--out", join(d, "no", "such", "dir", "plan.xlsx"));
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/does not exist.*ไม่พบโฟลเดอร์/);
    expect(missing.err).not.toContain("internal error");
    expect(leftovers(d)).toEqual([]);
  });
});

describe("the read-modify-write", () => {
  it("refuses when the file changed between the read and the write, and keeps the other program's content", async () => {
    const d = dir();
    const f = copy(d);
    await expect(updateInPlace(f, async (bytes) => {
      writeFileSync(f, "saved by Excel meanwhile");
      return { bytes: new Uint8Array(bytes), result: 0 };
    })).rejects.toThrow(/was changed by another program/);
    expect(readFileSync(f, "utf8")).toBe("saved by Excel meanwhile");
    expect(leftovers(d)).toEqual([]);
  });

  it("removes its temp file when the write fails, leaves the original, and keeps the file's mode on success", async () => {
    const d = dir();
    const f = copy(d);
    chmodSync(f, 0o640);
    const before = readFileSync(f);
    testHooks.beforeRename = () => { throw Object.assign(new Error("no space"), { code: "ENOSPC" }); };
    try {
      await expect(updateInPlace(f, async () => ({ bytes: new Uint8Array([1, 2, 3]), result: 0 }))).rejects.toThrow(/disk is full/);
    } finally {
      testHooks.beforeRename = undefined;
    }
    expect(readFileSync(f).equals(before)).toBe(true);
    expect(leftovers(d)).toEqual([]);
    await updateInPlace(f, async () => ({ bytes: new Uint8Array([1, 2, 3]), result: 0 }));
    expect([...readFileSync(f)]).toEqual([1, 2, 3]);
    expect(statSync(f).mode & 0o777).toBe(0o640);
    expect(leftovers(d)).toEqual([]);
  });

  it("a second writer waits for the lock; a dead process's lock is broken at once; a live one's holds until the wait ends", async () => {
    const d = dir();
    const f = copy(d);
    const order: string[] = [];
    let release!: () => void;
    const first = withFileLock(f, () => new Promise<void>((r) => { order.push("first in"); release = () => { order.push("first out"); r(); }; }));
    await new Promise((r) => setTimeout(r, 20));
    const second = withFileLock(f, async () => { order.push("second in"); });
    await new Promise((r) => setTimeout(r, 100));
    release();
    await Promise.all([first, second]);
    expect(order).toEqual(["first in", "first out", "second in"]);
    // a lock left by a dead process (pid far above pid_max)
    writeFileSync(join(d, ".plan.xlsx.sujarit-lock"), JSON.stringify({ pid: 2 ** 22 + 7, host: hostname(), time: Date.now(), nonce: "x" }));
    writeFileSync(join(d, `.plan.xlsx.${2 ** 22 + 7}-abcdef.sujarit-tmp`), "half");
    await withFileLock(f, async () => { order.push("after a dead owner"); });
    expect(order).toContain("after a dead owner");
    expect(leftovers(d)).toEqual([]);
    // our own pid is alive: its lock holds
    writeFileSync(join(d, ".plan.xlsx.sujarit-lock"), JSON.stringify({ pid: process.pid, host: hostname(), time: Date.now(), nonce: "y" }));
    await expect(withFileLock(f, async () => undefined, 300)).rejects.toThrow(/being written by another Sujarit command/);
  });
});

describe("files named for what they are, damaged files and hostile sizes as sentences", () => {
  it("names .ods, .docx, .xls, encrypted, PDF and empty files", async () => {
    const ods = new JSZip();
    ods.file("mimetype", "application/vnd.oasis.opendocument.spreadsheet");
    ods.file("content.xml", "<office:document-content/>");
    const docx = new JSZip();
    docx.file("word/document.xml", "<w:document/>");
    const ole = Buffer.alloc(2048);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
    const encrypted = Buffer.concat([ole, Buffer.from("EncryptedPackage", "utf16le")]);
    const cases: [Uint8Array, RegExp][] = [
      [await ods.generateAsync({ type: "uint8array" }), /OpenDocument spreadsheet \(\.ods\)/],
      [await docx.generateAsync({ type: "uint8array" }), /Word document \(\.docx\)/],
      [ole, /old Excel 97–2003 \.xls/],
      [encrypted, /protected with a password/],
      [Buffer.from("%PDF-1.4"), /a PDF file/],
      [new Uint8Array(0), /empty file/],
    ];
    const d = dir();
    for (const [bytes, re] of cases) {
      expect(notXlsxReason(bytes)).toMatch(re);
      const f = join(d, "x.xlsx");
      writeFileSync(f, bytes);
      const r = await run("inspect", f);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(re);
    }
  });

  it("a damaged part gives a sentence, never a raw JavaScript message", async () => {
    const d = dir();
    const f = copy(d);
    await withParts(f, { "xl/workbook.xml": "<workbook><sheets><sheet name=" });
    const r = await run("inspect", f);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/damaged \.xlsx/);
    expect(r.err).not.toMatch(/Cannot read|undefined|TypeError|internal error/);
  });

  it("refuses a declared zip bomb, an actual one that lies about its size, too many cells and a text above Excel's limit — before exceljs unpacks", async () => {
    const d = dir();
    // declared: patch the central directory's size of a sheet to 1 GB
    const bytes = Buffer.from(readFileSync(sample));
    const entries = zipEntries(bytes);
    let p = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    while (p >= 0 && !bytes.subarray(p + 46, p + 46 + 30).toString().startsWith("xl/worksheets/")) p = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), p - 1);
    expect(entries.length).toBeGreaterThan(5);
    bytes.writeUInt32LE(1024 ** 3, p + 24);
    const bomb = join(d, "bomb.xlsx");
    writeFileSync(bomb, bytes);
    const t0 = Date.now();
    const r = await run("inspect", bomb);
    expect(r.err).toMatch(/unpacks to 1024 MB, above the limit of 256 MB/);
    expect(Date.now() - t0).toBeLessThan(2000);

    // actual: 1.1 million cells in a sheet that deflates to a few kB
    const rows: string[] = [];
    for (let r0 = 1; r0 <= 110_000; r0++) rows.push(`<row r="${r0}">${"<c><v>1</v></c>".repeat(10)}</row>`);
    const sheet = Buffer.from(`<worksheet><sheetData>${rows.join("")}</sheetData></worksheet>`);
    const big = join(d, "cells.xlsx");
    copyFileSync(sample, big);
    await withParts(big, { "xl/worksheets/sheet1.xml": sheet });
    const heap0 = process.memoryUsage().rss;
    const t1 = Date.now();
    const c = await run("inspect", big);
    expect(c.code).toBe(2);
    expect(c.err).toMatch(/more than 1,000,000 cells/);
    expect(Date.now() - t1).toBeLessThan(5000);
    expect(process.memoryUsage().rss - heap0).toBeLessThan(400 * 1024 * 1024);

    // a text of 1 MB in one cell
    const long = join(d, "long.xlsx");
    copyFileSync(sample, long);
    const zip = await JSZip.loadAsync(readFileSync(long));
    const ss = await zip.file("xl/sharedStrings.xml")!.async("string");
    zip.file("xl/sharedStrings.xml", ss.replace("</sst>", `<si><t>${"ก".repeat(1_000_000)}</t></si></sst>`));
    writeFileSync(long, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
    const t2 = Date.now();
    const l = await run("report", long);
    expect(l.code).toBe(2);
    expect(l.err).toMatch(/a text of 1,000,000 characters .* above Excel's limit of 32,767/);
    expect(Date.now() - t2).toBeLessThan(5000);
    expect(deflateRawSync).toBeDefined();
    expect(PACKAGE_LIMITS.cells).toBe(1_000_000);
  });
});

it("a defined name over a huge area or beyond the last row is refused before exceljs expands it", async () => {
  const d = dir();
  for (const [range, re] of [["$A$1:$XFD$1048576", /covers 17,179,869,184 cells/], ["$J$2999999999999", /beyond Excel's last row/]] as const) {
    const f = copy(d, `names-${range.length}.xlsx`);
    const zip = await JSZip.loadAsync(readFileSync(f));
    const wb = await zip.file("xl/workbook.xml")!.async("string");
    zip.file("xl/workbook.xml", wb.replace("</definedNames>", `<definedName name="HUGE">'ตั้งค่า'!${range}</definedName></definedNames>`));
    writeFileSync(f, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
    const t = Date.now();
    const r = await run("inspect", f);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(re);
    expect(Date.now() - t).toBeLessThan(3000);
  }
});

describe("write errors are sentences naming the file", () => {
  it.each([
    ["EACCES", /no permission to write here.*ไม่มีสิทธิ์/],
    ["EROFS", /read-only.*อ่านอย่างเดียว/],
    ["ENOSPC", /disk is full.*ดิสก์เต็ม/],
    ["EISDIR", /is a folder.*โฟลเดอร์/],
    ["ENOENT", /does not exist.*ไม่พบโฟลเดอร์/],
  ])("%s", (code, re) => {
    const s = writeErrorSentence("/x/plan.xlsx", Object.assign(new Error(code), { code }));
    expect(s).toMatch(re);
    expect(s).toContain("plan.xlsx");
    expect(new FileError(s)).toBeInstanceOf(Error);
  });
});

it("a Sujarit workbook still opens (the package checks accept what Sujarit and Excel write)", async () => {
  const book = await XlsxWorkbook.open(readFileSync(sample));
  expect(book.pkg?.entries.length).toBeGreaterThan(5);
});

it("validate of a folder without any .xlsx exits 2 with a sentence (nothing checked is not a pass)", async () => {
  const d = dir();
  writeFileSync(join(d, "~$plan.xlsx"), "owner");
  const r = await run("validate", d);
  expect(r.code).toBe(2);
  expect(r.err).toMatch(/no \.xlsx file found .*nothing was checked/);
});
