/**
 * Issue 17: the layers are kept by the linter, not by discipline.
 * - the code-layering rule (tools/eslint-local/code-layering.mjs) reports a bad import and passes a good one;
 * - src/ as it is passes it (the same check `npm run lint` makes);
 * - the import graph of src/ has no circle, between layers or between files.
 */
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

jest.setTimeout(120_000);

const root = join(__dirname, "..", "..");
const src = join(root, "src");

/**
 * Lints snippets as if they were the given files, and src/ itself, with the project's ESLint config, in
 * a child process: ESLint 9 loads eslint.config.mjs as an ES module, which jest's CommonJS runtime cannot.
 */
function lint(cases: readonly (readonly [string, string])[]): { snippets: string[][]; src: string[] } {
  const script = `
    import { ESLint } from "eslint";
    import { relative } from "node:path";
    const cases = JSON.parse(process.argv[1]);
    const eslint = new ESLint({ cwd: process.cwd() });
    const layering = (r) => r.messages.filter((m) => m.ruleId === "local/code-layering");
    const snippets = [];
    for (const [file, code] of cases) {
      const [r] = await eslint.lintText(code, { filePath: file });
      snippets.push(layering(r).map((m) => m.message));
    }
    const src = (await eslint.lintFiles(["src"])).flatMap((r) => layering(r).map((m) => relative(process.cwd(), r.filePath) + ":" + m.line + " " + m.message));
    process.stdout.write(JSON.stringify({ snippets, src }));
  `;
  const out = execFileSync(process.execPath, ["--input-type=module", "-e", script, JSON.stringify(cases.map(([f, c]) => [join(root, f), c]))], { cwd: root, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(out) as { snippets: string[][]; src: string[] };
}

const BAD = [
  ["src/domain/x.ts", 'import { readPlanWorkbook } from "../workbook/read";', "workbook"],
  ["src/workbook/x.ts", 'import { checkRead } from "../app/validate";', "app"],
  ["src/app/x.ts", 'import { XlsxWorkbook } from "../hosts/xlsx/xlsx-workbook";', "hosts"],
  ["src/taskpane/pages/X.tsx", 'import { parseDate } from "../../workbook/cells";', "workbook"],
  ["src/cli/commands/x.ts", 'export { REPORT_SHEETS } from "../../workbook/reports";', "workbook"],
  ["src/domain/x.ts", 'export * from "../taskpane/i18n";', "taskpane"],
] as const;
const GOOD = [
  ["src/workbook/x.ts", 'import { baht } from "../domain/units";'],
  ["src/app/x.ts", 'import { readPlanWorkbook } from "../workbook/read";'],
  ["src/hosts/xlsx/x.ts", 'import type { WorkbookPort } from "../../app/port";'],
  ["src/taskpane/pages/X.tsx", 'import { checkRead } from "../../app/validate";'],
  ["src/cli/x.ts", 'import { XlsxWorkbook } from "../hosts/xlsx/xlsx-workbook";'],
  ["src/domain/validation/x.ts", 'import { RULES } from "./index";'],
] as const;
let linted: { snippets: string[][]; src: string[] };
beforeAll(() => {
  linted = lint([...BAD.map(([f, c]) => [f, c] as const), ...GOOD]);
});

describe("the code-layering rule", () => {
  it.each(BAD.map((b, i) => [...b, i] as const))("%s may not: %s", (_file, _code, target, i) => {
    const messages = linted.snippets[i] as string[];
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain(`Bad layering. You are not allowed to access ${target} from here`);
    expect(messages[0]).toMatch(/allowed layers are: \[/);
  });

  it.each(GOOD.map((g, i) => [...g, BAD.length + i] as const))("%s may: %s", (_file, _code, i) => {
    expect(linted.snippets[i]).toEqual([]);
  });

  it("src/ as it is keeps its layers", () => {
    expect(linted.src).toEqual([]);
  });
});

/** Every .ts/.tsx file under src/ with the files it imports (relative imports, resolved). */
function importGraph(): Map<string, string[]> {
  const files: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.tsx?$/.test(e.name)) files.push(p);
    }
  };
  walk(src);
  const known = new Set(files);
  const resolveImport = (from: string, spec: string): string | undefined => {
    const base = resolve(dirname(from), spec);
    return [`${base}.ts`, `${base}.tsx`, join(base, "index.ts"), join(base, "index.tsx")].find((f) => known.has(f));
  };
  const graph = new Map<string, string[]>();
  for (const f of files) {
    const text = readFileSync(f, "utf8");
    // type-only imports vanish at run time and cannot make a circle of modules
    const specs = [...text.matchAll(/^(?:import|export)\s+(?!type\s)[^;]*?from\s+"(\.[^"]+)"/gms)].map((m) => m[1] as string);
    graph.set(f, specs.map((s) => resolveImport(f, s)).filter((x): x is string => x !== undefined));
  }
  return graph;
}

/** The circles of a graph (Tarjan's strongly connected components of more than one node, or a self-import). */
function circles(graph: Map<string, readonly string[]>): string[][] {
  let index = 0;
  const stack: string[] = [];
  const on = new Set<string>();
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const out: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v) as number, idx.get(w) as number));
    }
    if (low.get(v) === idx.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop() as string;
        on.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1 || (graph.get(v) ?? []).includes(v)) out.push(scc);
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) visit(v);
  return out;
}

describe("the import graph", () => {
  it("has no circle between layers (the folders under src/)", () => {
    const layer = (f: string) => relative(src, f).split(/[\\/]/)[0] as string;
    const layers = new Map<string, string[]>();
    for (const [f, deps] of importGraph()) {
      const from = layer(f);
      const to = new Set([...(layers.get(from) ?? []), ...deps.map(layer).filter((l) => l !== from)]);
      layers.set(from, [...to]);
    }
    expect(circles(layers)).toEqual([]);
    // and the graph is what the README draws: domain imports nothing else
    expect(layers.get("domain")).toEqual([]);
  });

  it("has no circle between files", () => {
    const found = circles(importGraph()).map((c) => c.map((f) => relative(src, f)).sort());
    expect(found).toEqual([]);
  });

  it("finds a circle when there is one (the check can fail)", () => {
    expect(circles(new Map([["a", ["b"]], ["b", ["c"]], ["c", ["a"]], ["d", ["a"]]]))).toEqual([["c", "b", "a"]]);
  });
});
