/**
 * Bundle size of the production task pane, against a reference: the same Fluent UI components with
 * React and nothing of Sujarit. Figures, not pass/fail.
 *
 *   npm run build && npm run build:cli && node dist-cli/bench/bundle.js [--json]
 *
 * Task pane: the .js files of dist/ that taskpane.html loads (initial) plus the chunks no page loads
 * (async, e.g. exceljs loaded on demand); not the commands page's own files, source maps, or office.js
 * (loaded from Microsoft's CDN, never bundled). Sizes raw and gzipped (zlib level 9, per file, as served).
 *
 * Reference: bench/reference/index.tsx built with webpack's node API in production mode into a temp
 * dir, its `./used` module generated from the @fluentui/* imports found in src/taskpane at run time.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, sep } from "node:path";
import { gzipSync } from "node:zlib";
import webpack from "webpack";

export interface FileSize {
  file: string;
  raw: number;
  gzip: number;
}

export interface BundleSize {
  files: FileSize[];
  raw: number;
  gzip: number;
}

/** The repository root: up from here (bench/ or dist-cli/bench/) to package.json with tools/serve.js beside it. */
function repoRoot(): string {
  let dir = __dirname;
  for (;;) {
    if (existsSync(join(dir, "package.json")) && existsSync(join(dir, "tools", "serve.js"))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error(`no repository root above ${__dirname}`);
    dir = up;
  }
}

function sizeOf(file: string, base: string): FileSize {
  const bytes = readFileSync(file);
  return { file: relative(base, file).split(sep).join("/"), raw: bytes.byteLength, gzip: gzipSync(bytes, { level: 9 }).byteLength };
}

function total(files: FileSize[]): BundleSize {
  return { files, raw: files.reduce((s, f) => s + f.raw, 0), gzip: files.reduce((s, f) => s + f.gzip, 0) };
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** Local script files an HTML page loads (relative to dist), ignoring absolute URLs such as office.js's CDN. */
export function localScripts(html: string): string[] {
  const out: string[] = [];
  // minified HTML leaves attribute values unquoted: <script defer src=taskpane.1234.js>
  for (const match of html.matchAll(/<script\b[^>]*?\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/gi)) {
    const src = (match[1] ?? match[2] ?? match[3] ?? "").split(/[?#]/)[0] as string;
    if (src === "") continue;
    if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(src)) continue;
    out.push(src.replace(/^\.?\//, ""));
  }
  return out;
}

export interface TaskpaneBundle {
  initial: BundleSize;
  async: BundleSize;
  all: BundleSize;
  excludedCommands: string[];
}

/** The task pane's JavaScript in dist/: initial (taskpane.html) and async chunks. */
export function measureTaskpane(dist: string): TaskpaneBundle {
  const page = join(dist, "taskpane.html");
  if (!existsSync(page)) throw new Error(`${page} is missing: run npm run build first`);
  const taskpane = new Set(localScripts(readFileSync(page, "utf8")));
  const commandsPage = join(dist, "commands.html");
  const commands = new Set(existsSync(commandsPage) ? localScripts(readFileSync(commandsPage, "utf8")) : []);
  const js = walk(dist)
    .filter((f) => f.endsWith(".js") && !/(^|[\\/])office\.js$/.test(f))
    .map((f) => relative(dist, f).split(sep).join("/"));
  for (const src of taskpane) if (!js.includes(src)) throw new Error(`taskpane.html loads ${src}, which is not in ${dist}`);
  const initial = js.filter((f) => taskpane.has(f));
  const excludedCommands = js.filter((f) => commands.has(f) && !taskpane.has(f));
  const asyncChunks = js.filter((f) => !taskpane.has(f) && !commands.has(f));
  const sized = (files: string[]): FileSize[] => files.map((f) => sizeOf(join(dist, f), dist));
  const initialSizes = sized(initial);
  const asyncSizes = sized(asyncChunks);
  return { initial: total(initialSizes), async: total(asyncSizes), all: total([...initialSizes, ...asyncSizes]), excludedCommands };
}

/** The names each @fluentui/* package gives the task pane (value imports only; `type` imports cost nothing). */
export function fluentImports(taskpaneDir: string): Map<string, string[]> {
  const found = new Map<string, Set<string>>();
  const sources = walk(taskpaneDir).filter((f) => /\.(tsx?|jsx?)$/.test(f) && !/\.d\.ts$/.test(f));
  for (const file of sources) {
    const text = readFileSync(file, "utf8");
    const bare = /import\s+(?!type\s)[A-Za-z_$][\w$]*\s+from\s*["'](@fluentui\/[^"']+)["']/.exec(text);
    if (bare) throw new Error(`${relative(taskpaneDir, file)}: default import of ${bare[1]}; list named imports so the reference can match them`);
    for (const m of text.matchAll(/import\s+(type\s+)?(?:([A-Za-z_$][\w$]*)\s*,\s*)?(\{[^}]*\}|\*\s+as\s+[A-Za-z_$][\w$]*)\s*from\s*["'](@fluentui\/[^"']+)["']/g)) {
      if (m[1]) continue;
      const pkg = m[4] as string;
      const clause = m[3] as string;
      if (m[2] || clause.startsWith("*")) {
        throw new Error(`${relative(taskpaneDir, file)}: default or namespace import of ${pkg}; list named imports so the reference can match them`);
      }
      const names = found.get(pkg) ?? new Set<string>();
      for (const spec of clause.slice(1, -1).split(",")) {
        const s = spec.trim();
        if (s === "" || /^type\s/.test(s)) continue;
        names.add((s.split(/\s+as\s+/)[0] as string).trim());
      }
      found.set(pkg, names);
    }
  }
  return new Map([...found].sort(([a], [b]) => a.localeCompare(b)).map(([pkg, names]) => [pkg, [...names].sort()]));
}

/** Builds bench/reference/index.tsx in production mode into a temp dir and sizes what it emits. */
export async function measureReference(root: string, imports: Map<string, string[]>): Promise<BundleSize> {
  const out = mkdtempSync(join(tmpdir(), "sujarit-reference-"));
  try {
    const seen = new Map<string, string>();
    const lines: string[] = [];
    for (const [pkg, names] of imports) {
      for (const name of names) {
        const other = seen.get(name);
        if (other) throw new Error(`${name} is imported from both ${other} and ${pkg}`);
        seen.set(name, pkg);
      }
      lines.push(`export { ${names.join(", ")} } from ${JSON.stringify(pkg)};`);
    }
    const generated = join(out, "used.generated.js");
    writeFileSync(generated, `// generated by bench/bundle.ts from src/taskpane's imports\n${lines.join("\n")}\n`);
    const referenceDir = join(root, "bench", "reference");
    const bundleDir = join(out, "bundle");
    const compiler = webpack({
      mode: "production",
      devtool: false,
      target: "web",
      context: root,
      entry: { reference: join(referenceDir, "index.tsx") },
      output: { path: bundleDir, filename: "[name].[contenthash].js", clean: true },
      resolve: { extensions: [".ts", ".tsx", ".js"], modules: [join(root, "node_modules"), "node_modules"] },
      module: {
        rules: [
          {
            test: /\.tsx?$/,
            exclude: /node_modules/,
            loader: "ts-loader",
            options: { transpileOnly: true, configFile: join(root, "tsconfig.json") },
          },
        ],
      },
      plugins: [
        new webpack.NormalModuleReplacementPlugin(/^\.\/used$/, (resource: { context: string; request: string }) => {
          if (resource.context === referenceDir) resource.request = generated;
        }),
      ],
      performance: { hints: false },
      infrastructureLogging: { level: "error" },
    });
    const stats = await new Promise<webpack.Stats>((resolve, reject) => {
      compiler.run((error, result) => {
        compiler.close(() => undefined);
        if (error || !result) reject(error ?? new Error("webpack gave no result"));
        else resolve(result);
      });
    });
    if (stats.hasErrors()) throw new Error(`reference build failed:\n${stats.toString("errors-only")}`);
    const files = walk(bundleDir).filter((f) => f.endsWith(".js"));
    return total(files.map((f) => sizeOf(f, bundleDir)));
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

const kib = (n: number): string => `${(n / 1024).toFixed(1)} KiB`;
const ratio = (a: number, b: number): string => (b > 0 ? `${(a / b).toFixed(2)}×` : "n/a");

async function main(): Promise<void> {
  const json = process.argv.includes("--json");
  const root = repoRoot();
  const taskpane = measureTaskpane(join(root, "dist"));
  const imports = fluentImports(join(root, "src", "taskpane"));
  const reference = await measureReference(root, imports);
  if (json) {
    console.log(JSON.stringify({ taskpane, reference, imports: Object.fromEntries(imports) }, null, 2));
    return;
  }
  const names = [...imports].map(([pkg, list]) => `${pkg}: ${list.length} (${list.join(", ")})`);
  console.log(`Fluent names the task pane imports — ${names.join("; ")}`);
  for (const f of [...taskpane.initial.files.map((x) => ({ ...x, kind: "initial" })), ...taskpane.async.files.map((x) => ({ ...x, kind: "async" }))]) {
    console.log(`  ${f.kind.padEnd(7)} ${f.file.padEnd(40)} ${kib(f.raw).padStart(11)} raw ${kib(f.gzip).padStart(10)} gzip`);
  }
  if (taskpane.excludedCommands.length > 0) console.log(`  (not counted, commands page only: ${taskpane.excludedCommands.join(", ")})`);
  console.log(
    `task pane: ${kib(taskpane.all.raw)} raw, ${kib(taskpane.all.gzip)} gzip ` +
      `(initial ${kib(taskpane.initial.raw)} / ${kib(taskpane.initial.gzip)} gzip; async ${kib(taskpane.async.raw)} / ${kib(taskpane.async.gzip)} gzip)`,
  );
  console.log(`reference (React + FluentProvider + the same Fluent names): ${kib(reference.raw)} raw, ${kib(reference.gzip)} gzip`);
  console.log(
    `ratio task pane / reference: all ${ratio(taskpane.all.raw, reference.raw)} raw, ${ratio(taskpane.all.gzip, reference.gzip)} gzip; ` +
      `initial only ${ratio(taskpane.initial.raw, reference.raw)} raw, ${ratio(taskpane.initial.gzip, reference.gzip)} gzip`,
  );
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(`bench/bundle: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
