/**
 * Issue 15: hostile files cost bounded time and memory, measured on real CLI processes (peak RSS from
 * the process itself, test/support/peak-rss.js), and end in a sentence, never a raw JavaScript message.
 * The corpus is made here from the bundled sample: a zip bomb that declares its size, one that lies
 * about it, a sheet with all 1,048,576 rows filled, a 1 MB text in one cell, billion laughs, an external
 * entity (XXE) naming /etc/passwd, 300 sheets; and texts at Excel's 32,767-character limit in every
 * item name, whose report time must grow linearly with the text's length.
 */
import { spawn } from "node:child_process";
import { deflateRawSync } from "node:zlib";
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { builtCli, root } from "../support/cli-build";

jest.setTimeout(600_000);

const sample = join(root, "samples", "nasameng-2566-2570.xlsx");
const peakRss = join(root, "test", "support", "peak-rss.js");
const RAW = /Cannot read|undefined|is not a function|TypeError|RangeError|Invalid string|internal error|\n\s+at /;
const MB = 1024;
let bin: string;
let dir: string;

interface Ran { code: number | null; out: string; err: string; ms: number; peakMb: number }

function sujarit(...argv: string[]): Promise<Ran> {
  return new Promise((resolve) => {
    const t = Date.now();
    const child = spawn(process.execPath, ["-r", peakRss, bin, ...argv]);
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => { out += d.toString(); });
    child.stderr.on("data", (d: Buffer) => { err += d.toString(); });
    child.on("close", (code) => {
      const kb = Number(/peak-rss-kb (\d+)/.exec(err)?.[1] ?? NaN);
      resolve({ code, out, err: err.replace(/\nsujarit-test: peak-rss-kb \d+\n/, ""), ms: Date.now() - t, peakMb: kb / MB });
    });
  });
}

async function withPart(name: string, edit: (xml: string) => string | Buffer, file: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(sample));
  zip.file(name, edit(await zip.file(name)!.async("string")));
  writeFileSync(join(dir, file), await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
  return join(dir, file);
}

/** Rewrites the uncompressed size of an entry, in the central directory and its local header, to `size`. */
function lieAboutSize(bytes: Buffer, entry: string, size: number): Buffer {
  const b = Buffer.from(bytes);
  for (let p = b.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); p >= 0; p = b.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), p + 4)) {
    const nameLength = b.readUInt16LE(p + 28);
    if (b.subarray(p + 46, p + 46 + nameLength).toString() !== entry) continue;
    b.writeUInt32LE(size, p + 24);
    b.writeUInt32LE(size, b.readUInt32LE(p + 42) + 22);
    return b;
  }
  throw new Error(`no entry ${entry}`);
}

async function planWithNames(file: string, text: string): Promise<string> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(sample);
  const ws = book.getWorksheet("แผนปฏิบัติการ") as ExcelJS.Worksheet;
  for (let r = 2; r <= 40; r++) ws.getCell(`F${r}`).value = text;
  await book.xlsx.writeFile(join(dir, file));
  return join(dir, file);
}

beforeAll(async () => {
  bin = await builtCli();
  dir = mkdtempSync(join(tmpdir(), "sujarit-hostile-"));
});

/** What every hostile file must get: refused (exit 2) with a sentence naming it, within the ceilings. */
function expectRefused(r: Ran, reason: RegExp, ceilings: { ms: number; mb: number }) {
  // validate reports an unreadable file in its report (stdout); the other commands on stderr
  expect(r.out + r.err).toMatch(reason);
  expect(r.code).toBe(2);
  expect(r.out + r.err).not.toMatch(RAW);
  expect(r.ms).toBeLessThan(ceilings.ms);
  expect(r.peakMb).toBeLessThan(ceilings.mb);
}

const results: string[] = [];
afterAll(() => {
  // the numbers for the closing note
  console.log(`hostile corpus (time, peak RSS):\n${results.join("\n")}`);
});
const note = (name: string, r: Ran) => results.push(`  ${name}: exit ${r.code}, ${(r.ms / 1000).toFixed(1)} s, ${r.peakMb.toFixed(0)} MB`);

it("a sample run costs what a baseline costs (the ceilings below are far above it)", async () => {
  const r = await sujarit("validate", sample);
  note("the sample (baseline)", r);
  expect(r.err).not.toMatch(RAW);
  expect(r.peakMb).toBeLessThan(300);
});

it("a zip bomb that declares 1 GB is refused from the central directory", async () => {
  const bytes = Buffer.from(readFileSync(sample));
  const zip = await JSZip.loadAsync(bytes);
  const sheet = Object.keys(zip.files).find((n) => n.startsWith("xl/worksheets/sheet")) as string;
  const f = join(dir, "declared.xlsx");
  writeFileSync(f, lieAboutSize(bytes, sheet, 1024 ** 3));
  const r = await sujarit("validate", f);
  note("zip bomb, declared 1 GB", r);
  expectRefused(r, /unpacks to 1024 MB, above the limit/, { ms: 5_000, mb: 200 });
});

it("a zip bomb that lies (300 MB of XML declared as 1 kB) is refused after inflating no more than it declares", async () => {
  const huge = Buffer.alloc(300 * 1024 * 1024, 0x20);
  const f = await withPart("xl/worksheets/sheet3.xml", () => huge, "lying.xlsx");
  writeFileSync(f, lieAboutSize(readFileSync(f), "xl/worksheets/sheet3.xml", 1000));
  expect(readFileSync(f).length).toBeLessThan(2 * 1024 * 1024);
  const r = await sujarit("validate", f);
  note("zip bomb, 300 MB declared as 1 kB", r);
  expectRefused(r, /holds more than the 1,000 bytes its zip directory declares/, { ms: 5_000, mb: 200 });
  expect(deflateRawSync).toBeDefined();
});

it("a sheet with all 1,048,576 rows filled is refused by its cell count", async () => {
  const rows: string[] = [];
  for (let r = 1; r <= 1_048_576; r++) rows.push(`<row r="${r}"><c r="A${r}"><v>1</v></c></row>`);
  const f = await withPart("xl/worksheets/sheet3.xml", (x) => x.replace(/<sheetData>[\s\S]*<\/sheetData>|<sheetData\/>/, `<sheetData>${rows.join("")}</sheetData>`), "rows.xlsx");
  const r = await sujarit("validate", f);
  note("1,048,576 filled rows", r);
  expectRefused(r, /more than 1,000,000 cells/, { ms: 10_000, mb: 600 });
});

it("a 1 MB text in one cell is refused as above Excel's limit", async () => {
  const f = await withPart("xl/sharedStrings.xml", (x) => x.replace("</sst>", `<si><t>${"ก".repeat(1_000_000)}</t></si></sst>`), "text.xlsx");
  const r = await sujarit("report", f, "--out", join(dir, "text-report.xlsx"));
  note("1 MB text in a cell (report)", r);
  expectRefused(r, /1,000,000 characters .* above Excel's limit of 32,767/, { ms: 10_000, mb: 400 });
});

it("billion laughs and an external entity are refused without expanding or reading anything", async () => {
  const lol = `<!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ""};`.repeat(10)}">`).join("")}]>`;
  const prolog = (x: string, doctype: string) => x.replace(/^(<\?xml[^>]*\?>)?/, (m) => m + doctype);
  const laughs = await withPart("xl/sharedStrings.xml", (x) => prolog(x, lol).replace("</sst>", "<si><t>&lol9;</t></si></sst>"), "laughs.xlsx");
  const xxe = await withPart("xl/sharedStrings.xml", (x) => prolog(x, `<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>`).replace("</sst>", "<si><t>&xxe;</t></si></sst>"), "xxe.xlsx");
  for (const [name, f] of [["billion laughs", laughs], ["external entity", xxe]] as const) {
    const r = await sujarit("inspect", f, "--json");
    note(name, r);
    expectRefused(r, /damaged \.xlsx/, { ms: 5_000, mb: 300 });
    expect(r.out + r.err).not.toMatch(/root:/);
  }
});

it("300 sheets read within the ceilings", async () => {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(sample);
  for (let i = 0; i < 300; i++) book.addWorksheet(`S${i}`).getCell("A1").value = i;
  const f = join(dir, "sheets.xlsx");
  await book.xlsx.writeFile(f);
  const r = await sujarit("validate", f);
  note("300 extra sheets (validate)", r);
  expect(r.err).not.toMatch(RAW);
  expect(r.ms).toBeLessThan(20_000);
  expect(r.peakMb).toBeLessThan(500);
});

it("texts at Excel's limit in all 39 item names: report time grows linearly with the text, memory bounded", async () => {
  const words = (n: number) => "โครงการอบรมคุณธรรม จริยธรรม และความโปร่งใส ".repeat(Math.ceil(n / 40)).slice(0, n);
  const times: Record<number, number> = {};
  for (const n of [300, 3_000, 32_000]) {
    const f = await planWithNames(`names-${n}.xlsx`, words(n));
    const r = await sujarit("report", f, "--out", join(dir, `names-${n}-report.xlsx`));
    note(`39 item names of ${n.toLocaleString("en")} characters (report)`, r);
    expect(r.err).not.toMatch(RAW);
    expect([0, 1]).toContain(r.code); // 1: a draft (the sample has items not reported)
    expect(r.peakMb).toBeLessThan(900);
    times[n] = r.ms;
  }
  // ×10.7 text from 3,000 to 32,000 characters: linear handling makes the whole run at most ~10.7× longer
  // (less, as reading and the rest do not grow); quadratic handling of the text would make it ~100× the
  // text's share. 12× lets linear pass on a noisy shared machine and fails quadratic.
  expect(times[32_000]).toBeLessThan(12 * (times[3_000] as number));
  expect(times[32_000]).toBeLessThan(60_000);
});

it("the corpus files are left as they were (nothing written in place)", () => {
  expect(readFileSync(join(dir, "rows.xlsx")).length).toBeGreaterThan(1000);
  copyFileSync(sample, join(dir, "unchanged.xlsx"));
  expect(readFileSync(join(dir, "unchanged.xlsx")).equals(readFileSync(sample))).toBe(true);
});
