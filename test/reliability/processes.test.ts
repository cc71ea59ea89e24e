/**
 * Issue 15 with real processes (bin/sujarit.js over dist-cli/, compiled in beforeAll):
 * - races: 20 pairs of concurrent `progress --add` on one file, and 20 pairs of `report` in place against
 *   `progress --add`: every row must be there afterwards (0 lost);
 * - kill -9 during the write phase (SUJARIT_TEST_WRITE_PHASE=1 says when it starts and slows the temp
 *   file's write), 30 times per command (report, progress --add, consolidate): the file is the original or
 *   the complete new one, never damaged; what the killed process left (its temp file, its lock) is gone
 *   after the next write of that file.
 */
import { spawn } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { withFileLock } from "../../src/cli/safe-write";
import { XlsxWorkbook } from "../../src/hosts/xlsx/xlsx-workbook";
import { readPlanWorkbook } from "../../src/workbook/read";
import { bin, builtCli, root } from "../support/cli-build";

jest.setTimeout(600_000);

const sample = join(root, "samples", "nasameng-2566-2570.xlsx");
const RACES = 20;
const KILLS = 30;
const LANES = 2;

beforeAll(async () => {
  await builtCli();
  expect(existsSync(join(root, "dist-cli", "src", "cli", "safe-write.js"))).toBe(true);
});

interface Ran { code: number | null; signal: NodeJS.Signals | null; out: string; err: string; killedInWritePhase: boolean }

function sujarit(argv: string[], opts: { killAfterWritePhaseMs?: number } = {}): Promise<Ran> {
  return new Promise((resolve) => {
    const env = { ...process.env, ...(opts.killAfterWritePhaseMs !== undefined ? { SUJARIT_TEST_WRITE_PHASE: "1" } : {}) };
    const child = spawn(process.execPath, [bin, ...argv], { env });
    let out = "";
    let err = "";
    let killedInWritePhase = false;
    child.stdout.on("data", (d: Buffer) => { out += d.toString(); });
    child.stderr.on("data", (d: Buffer) => {
      err += d.toString();
      if (opts.killAfterWritePhaseMs !== undefined && !killedInWritePhase && err.includes("sujarit-test: write phase")) {
        killedInWritePhase = true;
        setTimeout(() => child.kill("SIGKILL"), opts.killAfterWritePhaseMs);
      }
    });
    child.on("close", (code, signal) => resolve({ code, signal, out, err, killedInWritePhase }));
  });
}

async function lanes<T>(n: number, job: (i: number) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  await Promise.all(Array.from({ length: LANES }, async () => {
    while (next < n) {
      const i = next++;
      results[i] = await job(i);
    }
  }));
  return results;
}

function fresh(name = "plan.xlsx"): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), "sujarit-proc-"));
  const file = join(dir, name);
  copyFileSync(sample, file);
  return { dir, file };
}

async function progressKeys(file: string): Promise<string[]> {
  const read = readPlanWorkbook(await (await XlsxWorkbook.open(readFileSync(file))).readGrids());
  return read.workbook.progress.map((p) => `${p.code}/${p.month}`);
}

const add = (file: string, code: string, month: string) =>
  ["progress", file, "--add", "--code", code, "--fy", "2567", "--month", month, "--status", "inProgress", "--pct", "50", "--force"];
const leftovers = (dir: string) => readdirSync(dir).filter((n) => /sujarit-(tmp|lock)/.test(n));

describe("no lost update", () => {
  it(`${RACES} pairs of concurrent progress --add on one file: both rows kept every time`, async () => {
    const lost = await lanes(RACES, async () => {
      const { dir, file } = fresh();
      const before = (await progressKeys(file)).length;
      const [a, b] = await Promise.all([sujarit(add(file, "1.1.1", "3")), sujarit(add(file, "1.1.2", "3"))]);
      expect([a.code, b.code, a.err, b.err]).toEqual([0, 0, "", ""]);
      const keys = await progressKeys(file);
      expect(leftovers(dir)).toEqual([]);
      return (before + 2 - keys.length) + (keys.includes("1.1.1/3") ? 0 : 1) + (keys.includes("1.1.2/3") ? 0 : 1);
    });
    const total = lost.reduce((n: number, x) => n + x, 0);
    console.log(`progress --add × progress --add: ${RACES} races, ${total} lost rows`);
    expect(total).toBe(0);
  });

  it(`${RACES} pairs of report in place against progress --add started 0–500 ms later: the row and the report both there`, async () => {
    const lost = await lanes(RACES, async (i) => {
      const { dir, file } = fresh();
      const report = sujarit(["report", file]);
      await new Promise((r) => setTimeout(r, (i * 37) % 500));
      const progress = sujarit(add(file, "1.1.1", "4"));
      const [r, p] = await Promise.all([report, progress]);
      expect(r.code === 0 || r.code === 1).toBe(true);
      expect([p.code, p.err]).toEqual([0, ""]);
      const book = await XlsxWorkbook.open(readFileSync(file));
      expect((await book.listSheets()).some((s) => s.name === "ปก")).toBe(true);
      expect(leftovers(dir)).toEqual([]);
      return (await progressKeys(file)).includes("1.1.1/4") ? 0 : 1;
    });
    const total = lost.reduce((n: number, x) => n + x, 0);
    console.log(`report × progress --add: ${RACES} races, ${total} lost rows`);
    expect(total).toBe(0);
  });
});

describe("kill -9 during the write phase", () => {
  let division: string;
  beforeAll(async () => {
    division = fresh("division.xlsx").file;
    const r = await main(add(division, "1.1.3", "5"), { out: () => undefined, err: () => undefined });
    expect(r).toBe(0);
  });

  const commands: [string, (file: string) => string[], (file: string) => Promise<boolean>][] = [
    ["report", (f) => ["report", f], async (f) => (await (await XlsxWorkbook.open(readFileSync(f))).listSheets()).some((s) => s.name === "ปก")],
    ["progress --add", (f) => add(f, "1.1.1", "6"), async (f) => (await progressKeys(f)).includes("1.1.1/6")],
    ["consolidate", (f) => ["consolidate", f, division], async (f) => (await progressKeys(f)).includes("1.1.3/5")],
  ];

  it.each(commands)(`%s: ${KILLS} kills leave the original or the complete new file, and no leftovers after the next write`, async (name, argv, isNew) => {
    const original = readFileSync(sample);
    // a kill that lands after the process has finished kills nothing: run until KILLS kills have landed
    let landed = 0;
    const results = await lanes(KILLS * 2, async (i) => {
      if (landed >= KILLS) return undefined;
      const { dir, file } = fresh();
      const r = await sujarit(argv(file), { killAfterWritePhaseMs: (i * 7) % 30 });
      const now = readFileSync(file);
      let state: "original" | "new" | "damaged";
      if (now.equals(original)) state = "original";
      else state = await isNew(file).then((ok) => (ok ? "new" : "damaged"), () => "damaged");
      const left = leftovers(dir).length;
      await withFileLock(file, async () => undefined); // what the next write of the file does first
      if (r.signal === "SIGKILL") landed++;
      return { state, killed: r.signal === "SIGKILL", inPhase: r.killedInWritePhase, left, after: leftovers(dir).length };
    }).then((all) => all.filter((x) => x !== undefined));
    const count = (p: (x: (typeof results)[number]) => boolean) => results.filter(p).length;
    const summary = {
      runs: results.length, killed: count((x) => x.killed), inWritePhase: count((x) => x.inPhase), original: count((x) => x.state === "original"),
      completeNew: count((x) => x.state === "new"), damaged: count((x) => x.state === "damaged"),
      leftRightAfterKill: count((x) => x.left > 0), leftoversAfterNextWrite: results.reduce((n, x) => n + x.after, 0),
    };
    console.log(`kill -9 ${name}: ${JSON.stringify(summary)}`);
    expect(summary.inWritePhase).toBe(summary.runs);
    expect(summary.killed).toBeGreaterThanOrEqual(KILLS);
    expect(summary.damaged).toBe(0);
    expect(summary.leftoversAfterNextWrite).toBe(0);
  });
});
