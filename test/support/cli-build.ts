/**
 * The compiled CLI (bin/sujarit.js over dist-cli/) for tests that run it as real processes. Compiled
 * when the sources changed: test files running in parallel jest workers take a lock (the CLI's own O_EXCL lock)
 * so that one tsc does not rewrite dist-cli/ while another file's processes load it.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { withFileLock } from "../../src/cli/safe-write";

export const root = join(__dirname, "..", "..");
export const bin = join(root, "bin", "sujarit.js");
const stamp = join(root, "dist-cli", ".built-by-tests");

/** The newest modification time of the sources the CLI is compiled from. */
function newestSource(dir = join(root, "src")): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestSource(p) : statSync(p).mtimeMs);
  }
  return newest;
}

export async function builtCli(): Promise<string> {
  await withFileLock(join(root, "dist-cli"), async () => {
    // compiled (by another test file, or an earlier run) after the last change to the sources: use that
    if (existsSync(stamp) && statSync(stamp).mtimeMs > newestSource()) return;
    // tsc emits even when another part of the tree has a type error; the CLI must be there
    spawnSync("npx", ["tsc", "-p", "tsconfig.cli.json"], { cwd: root, stdio: "ignore" });
    writeFileSync(stamp, "");
  });
  if (!existsSync(join(root, "dist-cli", "src", "cli", "main.js"))) throw new Error("the CLI did not compile (npx tsc -p tsconfig.cli.json)");
  return bin;
}
