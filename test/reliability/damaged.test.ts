/**
 * Issue 15: damaged packages never show a raw JavaScript message. 2,000 byte-level mutations of a small
 * Sujarit workbook (bytes flipped, a run zeroed, truncated, a part's XML cut) are opened and read as the
 * CLI does; each either reads, or fails with a WorkbookOpenError whose message is a sentence.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import "../../src/cli/io"; // the CLI's bounded inflate
import { main } from "../../src/cli/main";
import { WorkbookOpenError, XlsxWorkbook } from "../../src/hosts/xlsx/xlsx-workbook";
import { readPlanWorkbook } from "../../src/workbook/read";

jest.setTimeout(300_000);

const RAW = /Cannot read|undefined|is not a function|TypeError|RangeError|Invalid string|Unexpected token|of null/;
let base: Buffer;

beforeAll(async () => {
  const out = join(mkdtempSync(join(tmpdir(), "sujarit-fuzz-")), "small.xlsx");
  const code = await main(["template", "--org", "อบต.ทดสอบ", "--type", "อบต.", "--district", "เมือง", "--province", "มุกดาหาร", "--first-year", "2566", "--out", out], { out: () => undefined, err: () => undefined });
  expect(code).toBe(0);
  base = readFileSync(out);
});

type Mutation = { kind: "flip"; at: number; xor: number } | { kind: "zero"; at: number; len: number } | { kind: "truncate"; at: number };

function mutate(b: Buffer, ms: readonly Mutation[]): Buffer {
  let x = Buffer.from(b);
  for (const m of ms) {
    const at = m.at % x.length;
    if (m.kind === "flip") x[at] = (x[at] as number) ^ (m.xor || 1);
    else if (m.kind === "zero") x.fill(0, at, Math.min(x.length, at + m.len));
    else x = x.subarray(0, Math.max(1, at));
  }
  return x;
}

it("2,000 damaged workbooks: every failure is a sentence, never a raw JavaScript message", async () => {
  const tally = { runs: 0, read: 0, refused: 0, raw: 0 };
  const mutation = fc.oneof(
    fc.record({ kind: fc.constant("flip" as const), at: fc.nat(), xor: fc.integer({ min: 1, max: 255 }) }),
    fc.record({ kind: fc.constant("zero" as const), at: fc.nat(), len: fc.integer({ min: 1, max: 64 }) }),
    fc.record({ kind: fc.constant("truncate" as const), at: fc.nat() }),
  );
  await fc.assert(
    fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 4 }), async (ms) => {
      tally.runs++;
      try {
        const book = await XlsxWorkbook.open(mutate(base, ms));
        readPlanWorkbook(await book.readGrids());
        tally.read++;
      } catch (e) {
        if (!(e instanceof WorkbookOpenError) || RAW.test(e.message)) {
          tally.raw++;
          throw new Error(`raw message: ${(e as Error).message}`);
        }
        tally.refused++;
      }
    }),
    { numRuns: 2000, seed: 15 },
  );
  console.log(`damaged workbooks: ${JSON.stringify(tally)}`);
  expect(tally.runs).toBeGreaterThanOrEqual(2000);
  expect(tally.raw).toBe(0);
});

it("600 workbooks with a damaged XML part inside a sound zip: every failure is a sentence", async () => {
  const JSZip = (await import("jszip")).default;
  const zip = await JSZip.loadAsync(base);
  const names = Object.keys(zip.files).filter((n) => n.endsWith(".xml") || n.endsWith(".rels"));
  const texts = new Map<string, string>();
  for (const n of names) texts.set(n, await zip.file(n)!.async("string"));
  const tally = { runs: 0, read: 0, refused: 0, raw: 0 };
  const reasons = new Map<string, number>();
  await fc.assert(
    fc.asyncProperty(fc.nat(names.length - 1), fc.nat(), fc.nat(200), fc.constantFrom("", "<", ">", "\"", "&", "<x>", "</row>", "r=\"Q0\"", "s=\"999\"", "t=\"s\"", "9".repeat(12)), async (which, at, len, junk) => {
      tally.runs++;
      const name = names[which] as string;
      const xml = texts.get(name) as string;
      const p = at % Math.max(1, xml.length);
      const copy = await JSZip.loadAsync(base);
      copy.file(name, xml.slice(0, p) + junk + xml.slice(p + len));
      const bytes = await copy.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
      try {
        const book = await XlsxWorkbook.open(bytes);
        readPlanWorkbook(await book.readGrids());
        tally.read++;
      } catch (e) {
        if (!(e instanceof WorkbookOpenError) || RAW.test(e.message)) {
          tally.raw++;
          throw new Error(`raw message (${name}): ${(e as Error).message}`);
        }
        const key = e.message.split(" / ")[0]!.slice(0, 60);
        reasons.set(key, (reasons.get(key) ?? 0) + 1);
        tally.refused++;
      }
    }),
    { numRuns: 600, seed: 15 },
  );
  console.log(`damaged XML parts: ${JSON.stringify(tally)} ${JSON.stringify([...reasons])}`);
  expect(tally.raw).toBe(0);
});
