/**
 * Requirement-set check (issue 12): fails when the Office host uses an Excel API member newer than the
 * manifest's minimum ExcelApi set outside a run-time `supports("x.y")` guard of at least that version.
 *
 * How: the host is written against structural types (src/hosts/office/excel-subset.ts), which carry no
 * requirement-set information. So the host files are type-checked a second time, in memory, against a
 * version of excel-subset.ts in which every X* type is an alias of its office-js counterpart
 * (XRange = Excel.Range, …). Every member the host touches then resolves to its declaration in
 * @types/office-js, whose JSDoc says `[Api set: ExcelApi x.y]`. Each use is compared with the manifest's
 * minimum and with the guards that dominate it lexically:
 *   if (supports("1.9")) …   supports("1.9") ? … : …   supports("1.9") && …
 *   const quiet = supports("1.8"); if (quiet) …       if (!supports("1.9")) return; …
 * (`this.supports`, any `x.supports`, and Office's isSetSupported("ExcelApi", "1.9") count alike).
 * A helper whose callers do the guarding says so in office-js's own notation, `[Api set: ExcelApi 1.13]`
 * in its JSDoc: its body counts as guarded by 1.13, and every reference to it becomes a use that needs
 * the guard instead. Property names computed at run time are not seen.
 *
 * Usage: `npm run check:api-sets` (exit 1 on findings); test/hosts/office/api-sets.test.ts runs it in `npm test`.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import * as ts from "typescript";

/** X* types that are not simply Excel.<name without the X>. An X type neither here nor in Excel fails the check. */
export const SUBSET_TO_OFFICE: Readonly<Record<string, string>> = {
  XContext: "Excel.RequestContext",
  XClientContext: "OfficeExtension.ClientRequestContext",
  XLoadable: "OfficeExtension.ClientObject",
  XBorder: "Excel.RangeBorder",
  XNewCustomConditionalFormat: "Excel.ConditionalFormat",
  XStyledAreas: "Excel.RangeAreas",
  XEventSource: "OfficeExtension.EventHandlers<Excel.WorksheetChangedEventArgs>",
  XEventResult: "OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs>",
};

/**
 * Excel members whose declaration (and class) in @types/office-js has no `[Api set]` tag, with the set
 * Microsoft's requirement-set tables list them in. Any other untagged Excel member is reported, so that
 * a guess never passes silently.
 */
export const UNTAGGED_MEMBERS: Readonly<Record<string, string>> = {
  // Excel.run itself (every overload) and the context it hands the batch: the first Excel API
  "Excel.run": "1.1",
  "Excel.RequestContext.workbook": "1.1",
  // Microsoft's ExcelApi 1.5 table listed it (with RequestContext.runtime) until 2022; the versioned
  // reference shows it from the 1.1 view on. The typings' JSDoc has no tag.
  "Excel.RunOptions.delayForCellEdit": "1.5",
};

export interface Requirement {
  /** "ExcelApi", or a platform-only set such as "ExcelApiOnline" that no ExcelApi guard satisfies. */
  apiSet: string;
  /** Version needed to read the member or call it. */
  read: string;
  /** Version needed to assign it ("ExcelApi 1.1 for get, 1.8 for set"); equal to `read` otherwise. */
  write: string;
}

export type Access = "read" | "write" | "call" | "load";

export interface Violation {
  /** Relative to the root, "/" separated. */
  file: string;
  line: number;
  column: number;
  /** e.g. "Excel.Worksheet.pageLayout", or `load("…") → Excel.Range.height` for a load path. */
  member: string;
  access: Access;
  /** e.g. "ExcelApi 1.9"; "no [Api set] tag" for an untagged member the table does not know. */
  required: string;
  /** The strongest guard in effect at the use, e.g. `supports("1.8")`, or undefined. */
  guard: string | undefined;
}

export interface CheckResult {
  minimum: string;
  files: string[];
  /** Uses of Excel members examined (a check that examined nothing is a broken check). */
  usesChecked: number;
  violations: Violation[];
  /** Errors of the host files compiled against the real office-js types: drift between subset and office-js. */
  typeErrors: string[];
}

export interface CheckOptions {
  root: string;
  /** Files to check, relative to root; default: hostFiles(root). */
  files?: string[];
  /** Default: the lowest ExcelApi MinVersion in root/manifest.xml. */
  minimum?: string;
  /** In-memory files (relative path → text), added to the program and checked (the tests' fixtures). */
  sources?: Readonly<Record<string, string>>;
  /** Text of excel-subset.ts to alias instead of the file on disk (tests). */
  subsetText?: string;
}

export const SUBSET_PATH = "src/hosts/office/excel-subset.ts";

/** Numeric comparison of dotted versions: 1.10 > 1.9. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

const maxVersion = (versions: readonly string[]): string | undefined =>
  versions.reduce<string | undefined>((m, v) => (m === undefined || compareVersions(v, m) > 0 ? v : m), undefined);

/** The lowest ExcelApi MinVersion the manifest declares (top-level and VersionOverrides requirements). */
export function manifestMinimum(manifestXml: string): string {
  const versions = [...manifestXml.matchAll(/<(?:bt:)?Set\s+Name="ExcelApi"\s+MinVersion="(\d+(?:\.\d+)*)"/g)].map((m) => m[1] as string);
  if (versions.length === 0) throw new Error("manifest.xml declares no ExcelApi requirement set");
  return versions.reduce((m, v) => (compareVersions(v, m) < 0 ? v : m));
}

/**
 * One `[Api set: …]` tag's text → requirement. "ExcelApi 1.9" → 1.9 both ways; "ExcelApi 1.1 for get,
 * 1.8 for set" and "1.1 for reading visibility; 1.2 for setting it." → read 1.1, write 1.8/1.2. Other
 * qualified forms ("1.1 for String…; 1.7 for Array", "1.9, ExcelApi Preview for null …") → the first
 * version, the one the member exists from.
 */
export function parseApiSetTag(text: string): Requirement | undefined {
  const head = /^\s*([A-Za-z]+)\s+(\d+(?:\.\d+)+)/.exec(text);
  if (!head) return undefined;
  const apiSet = head[1] as string;
  const first = head[2] as string;
  const read = /(\d+(?:\.\d+)+)\s+for\s+(?:get|getting|read|reading)\b/i.exec(text)?.[1] ?? first;
  const write = /(\d+(?:\.\d+)+)\s+for\s+(?:set|setting)\b/i.exec(text)?.[1] ?? read;
  return { apiSet, read, write };
}

/** The `[Api set]` tags of a JSDoc comment, leaving out those inside @param (they qualify one argument). */
export function apiSetTagsOf(comment: string): string[] {
  const tags: string[] = [];
  let section = "";
  for (const line of comment.split("\n")) {
    const tag = /^\s*\/?\*+\s*@(\w+)/.exec(line);
    if (tag) section = tag[1] as string;
    if (section === "param") continue;
    for (const m of line.matchAll(/\[Api set: ([^\]]*)\]/g)) tags.push(m[1] as string);
  }
  return tags;
}

/** src/hosts/office/*.ts, and the task pane and command files that touch Excel themselves. */
export function hostFiles(root: string): string[] {
  const list = (dir: string, pattern: RegExp): string[] => {
    const out: string[] = [];
    const walk = (d: string): void => {
      let entries: import("node:fs").Dirent[];
      try {
        entries = readdirSync(join(root, d), { withFileTypes: true });
      } catch {
        return;
      }
      for (const e of entries) {
        const rel = `${d}/${e.name}`;
        if (e.isDirectory()) walk(rel);
        else if (pattern.test(e.name) && !e.name.endsWith(".d.ts")) out.push(rel);
      }
    };
    walk(dir);
    return out.sort();
  };
  const office = readdirSync(join(root, "src/hosts/office"))
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"))
    .map((f) => `src/hosts/office/${f}`)
    .sort();
  // outside the host, only files that name the Excel namespace or the subset (text mentions of "Excel" don't count)
  const touchesExcel = (f: string): boolean => /\bExcel\s*\.\s*[A-Za-z_$]|excel-subset/.test(readFileSync(join(root, f), "utf8"));
  const others = [...list("src/taskpane", /\.tsx?$/), ...list("src/commands", /\.ts$/)].filter(touchesExcel);
  return [...office, ...others];
}

/**
 * excel-subset.ts with every exported X* interface or type replaced by an alias of its office-js type.
 * Unions of literals (XBorderIndex) and non-X declarations (BatchRunner, RequirementCheck) stay as written,
 * so they now speak of the real types.
 */
export function aliasSubset(subsetText: string): { text: string; aliases: Record<string, string> } {
  const sf = ts.createSourceFile(SUBSET_PATH, subsetText, ts.ScriptTarget.ES2020, true);
  const aliases: Record<string, string> = {};
  const out: string[] = [];
  for (const st of sf.statements) {
    const isType = ts.isInterfaceDeclaration(st) || ts.isTypeAliasDeclaration(st);
    const name = isType ? st.name.text : undefined;
    const literalUnion = ts.isTypeAliasDeclaration(st) && isLiteralUnion(st.type);
    if (!name || !/^X[A-Z]/.test(name) || literalUnion) {
      out.push(st.getFullText(sf));
      continue;
    }
    const target = SUBSET_TO_OFFICE[name] ?? `Excel.${name.slice(1)}`;
    if ((st as ts.InterfaceDeclaration | ts.TypeAliasDeclaration).typeParameters?.length && !SUBSET_TO_OFFICE[name]) {
      throw new Error(`${SUBSET_PATH} declares the generic ${name}: map it in SUBSET_TO_OFFICE (tools/check-api-sets.ts)`);
    }
    aliases[name] = target;
    out.push(`\nexport type ${name} = ${target};`);
  }
  return { text: out.join("") + "\n", aliases };
}

function isLiteralUnion(t: ts.TypeNode): boolean {
  if (ts.isParenthesizedTypeNode(t)) return isLiteralUnion(t.type);
  if (ts.isUnionTypeNode(t)) return t.types.every(isLiteralUnion);
  return ts.isLiteralTypeNode(t);
}

// Parsed declaration files are shared between programs (office-js alone is 190,000 lines).
const libCache = new Map<string, ts.SourceFile>();

function compilerOptions(root: string): ts.CompilerOptions {
  const parsed = ts.getParsedCommandLineOfConfigFile(join(root, "tsconfig.json"), {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    },
  });
  if (!parsed) throw new Error(`cannot read ${join(root, "tsconfig.json")}`);
  return { ...parsed.options, noEmit: true, incremental: false, composite: false };
}

/** A program over `roots` with some files replaced or added in memory (absolute path → text). */
export function createProgram(root: string, roots: readonly string[], overrides: ReadonlyMap<string, string>): ts.Program {
  const options = compilerOptions(root);
  const host = ts.createCompilerHost(options, true);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    const text = overrides.get(resolve(fileName));
    if (text !== undefined) return ts.createSourceFile(fileName, text, languageVersion, true);
    const shared = /[\\/]node_modules[\\/]/.test(fileName) || fileName.endsWith(".d.ts");
    const cached = shared ? libCache.get(fileName) : undefined;
    if (cached) return cached;
    const sf = getSourceFile(fileName, languageVersion, onError, shouldCreate);
    if (sf && shared) libCache.set(fileName, sf);
    return sf;
  };
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (f) => overrides.has(resolve(f)) || fileExists(f);
  const readFile = host.readFile.bind(host);
  host.readFile = (f) => overrides.get(resolve(f)) ?? readFile(f);
  return ts.createProgram([...roots], options, host);
}

/** Errors of `files` (relative to root) compiled with the project's tsconfig options, formatted. */
export function compileErrors(root: string, files: readonly string[], overrides: ReadonlyMap<string, string> = new Map()): string[] {
  const program = createProgram(root, files.map((f) => resolve(root, f)), overrides);
  return files.flatMap((f) => {
    const sf = program.getSourceFile(resolve(root, f));
    if (!sf) return [`${f}: not in the program`];
    return [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)].map((d) => formatDiagnostic(root, d));
  });
}

function formatDiagnostic(root: string, d: ts.Diagnostic): string {
  const message = ts.flattenDiagnosticMessageText(d.messageText, "\n");
  if (!d.file || d.start === undefined) return message;
  const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
  return `${toRel(root, d.file.fileName)}:${line + 1}:${character + 1} ${message}`;
}

const lineOf = (text: string, at: number | undefined): string =>
  at === undefined ? "" : text.slice(text.lastIndexOf("\n", at) + 1, (text.indexOf("\n", at) + 1 || text.length + 1) - 1).trim();

const toRel = (root: string, file: string): string => relative(root, file).split("\\").join("/");

interface Guard {
  apiSet: string;
  version: string;
  /** Where it comes from, when not a supports() call: a helper's own `[Api set]` tag. */
  label?: string;
}

export function checkApiSets(options: CheckOptions): CheckResult {
  const root = resolve(options.root);
  const minimum = options.minimum ?? manifestMinimum(readFileSync(join(root, "manifest.xml"), "utf8"));
  const sources = options.sources ?? {};
  const files = [...(options.files ?? (Object.keys(sources).length > 0 ? [] : hostFiles(root))), ...Object.keys(sources)];

  const subsetAbs = resolve(root, SUBSET_PATH);
  const aliased = aliasSubset(options.subsetText ?? readFileSync(subsetAbs, "utf8"));
  const overrides = new Map<string, string>([[subsetAbs, aliased.text]]);
  for (const [rel, text] of Object.entries(sources)) overrides.set(resolve(root, rel), text);
  const checked = files.filter((f) => f !== SUBSET_PATH);
  const program = createProgram(root, [...checked.map((f) => resolve(root, f)), subsetAbs], overrides);
  const checker = program.getTypeChecker();

  // the aliases must all name real office-js types, or the whole check would be checking nothing
  const subsetErrors = program.getSemanticDiagnostics(program.getSourceFile(subsetAbs));
  if (subsetErrors.length > 0) {
    throw new Error(
      `cannot alias ${SUBSET_PATH} to office-js (map the X type in SUBSET_TO_OFFICE, tools/check-api-sets.ts):\n` +
        subsetErrors.map((d) => `  ${lineOf(aliased.text, d.start)}  ← ${ts.flattenDiagnosticMessageText(d.messageText, " ")}`).join("\n"),
    );
  }

  const violations: Violation[] = [];
  const typeErrors: string[] = [];
  let usesChecked = 0;
  const seen = new Set<string>();

  for (const rel of checked) {
    const sf = program.getSourceFile(resolve(root, rel));
    if (!sf) throw new Error(`${rel} is not in the program`);
    for (const d of [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)]) typeErrors.push(formatDiagnostic(root, d));

    const use = (at: ts.Node, symbol: ts.Symbol | undefined, access: Access, label?: (member: string) => string, declarations?: readonly ts.Declaration[]): void => {
      const decls = (declarations ?? symbol?.declarations ?? []).filter((d) => isExcelDeclaration(d) || isTaggedHostDeclaration(d));
      if (decls.length === 0 || !symbol) return;
      usesChecked++;
      // overloads and union members: the strictest of what applies
      const reqs = decls.map((d) => requirementOf(checker, d, symbol));
      // a module's own declarations are qualified with the module's quoted path: keep the readable part
      const name = checker.getFullyQualifiedName(symbol).replace(/^"[^"]*"\./, "");
      const member = label ? label(name) : name;
      const { line, character } = sf.getLineAndCharacterOfPosition(at.getStart(sf));
      const guards = guardsAt(checker, at);
      const report = (required: string, guard: Guard | undefined): void => {
        const key = `${rel}:${line}:${character}:${member}`;
        if (seen.has(key)) return;
        seen.add(key);
        violations.push({ file: rel, line: line + 1, column: character + 1, member, access, required, guard: guard && describeGuard(guard) });
      };
      const strongest = (apiSet: string): Guard | undefined =>
        guards.filter((g) => g.apiSet === apiSet).reduce<Guard | undefined>((m, g) => (m === undefined || compareVersions(g.version, m.version) > 0 ? g : m), undefined);
      if (reqs.some((r) => r === undefined)) {
        report("no [Api set] tag", strongest("ExcelApi"));
        return;
      }
      for (const r of reqs as Requirement[]) {
        const version = access === "write" ? r.write : r.read;
        const guard = strongest(r.apiSet);
        const baseline = r.apiSet === "ExcelApi" ? minimum : undefined;
        const covered = (baseline !== undefined && compareVersions(version, baseline) <= 0) || (guard !== undefined && compareVersions(version, guard.version) <= 0);
        if (!covered) {
          report(`${r.apiSet} ${version}`, guard ?? strongest("ExcelApi"));
          return;
        }
      }
    };

    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAccessExpression(node)) {
        const call = ts.isCallExpression(node.parent) && node.parent.expression === node ? node.parent : undefined;
        const signature = call && checker.getResolvedSignature(call)?.declaration;
        use(node.name, checker.getSymbolAtLocation(node.name), call ? "call" : accessOf(node), undefined,
          signature && !ts.isJSDocSignature(signature) ? [signature] : undefined);
        if (call && node.name.text === "load") checkLoadPaths(checker, call, node.expression, use);
      } else if (ts.isIdentifier(node) && !ts.isPropertyAccessExpression(node.parent) && !isDeclarationName(node)) {
        // a reference to one of the host's own tagged helpers (called here or handed on as a callback)
        const symbol = checker.getSymbolAtLocation(node);
        const tagged = symbol?.declarations?.filter(isTaggedHostDeclaration) ?? [];
        if (tagged.length > 0) use(node, symbol, ts.isCallExpression(node.parent) && node.parent.expression === node ? "call" : "read", undefined, tagged);
      } else if (ts.isElementAccessExpression(node) && ts.isStringLiteralLike(node.argumentExpression)) {
        use(node.argumentExpression, checker.getSymbolAtLocation(node.argumentExpression), accessOf(node));
      } else if (
        (ts.isPropertyAssignment(node) || ts.isShorthandPropertyAssignment(node) || ts.isMethodDeclaration(node)) &&
        ts.isObjectLiteralExpression(node.parent) && (ts.isIdentifier(node.name) || ts.isStringLiteral(node.name))
      ) {
        // properties of an object Excel receives (Excel.run options, dataValidation.rule = {…}, zoom = {…})
        const contextual = checker.getContextualType(node.parent);
        const prop = contextual && checker.getPropertyOfType(checker.getNonNullableType(contextual), node.name.text);
        const owner = prop?.declarations?.[0]?.parent;
        const isLoadOptions = owner && ts.isInterfaceDeclaration(owner) && owner.name.text.endsWith("LoadOptions");
        use(node.name, prop, isLoadOptions ? "read" : "write");
      } else if (ts.isBindingElement(node) && ts.isObjectBindingPattern(node.parent)) {
        const key = node.propertyName ?? node.name;
        if (ts.isIdentifier(key) || ts.isStringLiteral(key)) {
          const prop = checker.getPropertyOfType(checker.getTypeAtLocation(node.parent), key.text);
          use(key, prop, "read");
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }

  violations.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
  return { minimum, files: checked, usesChecked, violations, typeErrors };
}

type Use = (at: ts.Node, symbol: ts.Symbol | undefined, access: Access, label?: (member: string) => string) => void;

/** `x.load("a,b/c")` (or a const holding the string): each path's members are read. */
function checkLoadPaths(checker: ts.TypeChecker, call: ts.CallExpression, receiver: ts.Expression, use: Use): void {
  const arg = call.arguments[0];
  if (!arg) return;
  const text = stringValue(checker, arg);
  if (text === undefined) return;
  for (const path of text.split(",").map((p) => p.trim()).filter(Boolean)) {
    let type: ts.Type | undefined = checker.getTypeAtLocation(receiver);
    for (const segment of path.split("/")) {
      if (!type) break;
      const prop = checker.getPropertyOfType(checker.getNonNullableType(type), segment);
      if (!prop) break; // a wrong path is office-js's error at run time (and the fake's in tests)
      use(arg, prop, "load", (m) => `load("${path}") → ${m}`);
      type = checker.getTypeOfSymbolAtLocation(prop, receiver);
      // "items/…" goes on into the collection's element type
      const element = checker.isArrayType(type) ? checker.getTypeArguments(type as ts.TypeReference)[0] : undefined;
      if (element) type = element;
    }
  }
}

function stringValue(checker: ts.TypeChecker, e: ts.Expression): string | undefined {
  if (ts.isStringLiteralLike(e)) return e.text;
  if (ts.isIdentifier(e)) {
    const decl = checker.getSymbolAtLocation(e)?.valueDeclaration;
    if (decl && ts.isVariableDeclaration(decl) && decl.initializer && isConst(decl)) return stringValue(checker, decl.initializer);
  }
  return undefined;
}

function accessOf(node: ts.Expression): Access {
  const p = node.parent;
  if (ts.isBinaryExpression(p) && p.left === node && p.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && p.operatorToken.kind <= ts.SyntaxKind.LastAssignment) return "write";
  if ((ts.isPrefixUnaryExpression(p) || ts.isPostfixUnaryExpression(p)) && (p.operator === ts.SyntaxKind.PlusPlusToken || p.operator === ts.SyntaxKind.MinusMinusToken)) return "write";
  if (ts.isDeleteExpression(p)) return "write";
  return "read";
}

/** The declaration's own name (not a reference to it). */
function isDeclarationName(id: ts.Identifier): boolean {
  const p = id.parent as ts.Node & { name?: ts.Node };
  return p.name === id && (ts.isDeclarationStatement(p) || ts.isVariableDeclaration(p) || ts.isParameter(p) || ts.isBindingElement(p) ||
    ts.isClassElement(p) || ts.isTypeElement(p) || ts.isFunctionExpression(p) || ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p));
}

/** A function or method of the project (not a library) with an `[Api set: ExcelApi x.y]` JSDoc tag: a helper its callers guard. */
function isTaggedHostDeclaration(d: ts.Declaration): boolean {
  const file = d.getSourceFile();
  return !file.isDeclarationFile && !/[\\/]node_modules[\\/]/.test(file.fileName) && tagOf(d) !== undefined;
}

/** Declared in @types/office-js inside `namespace Excel` (OfficeExtension/OfficeCore members belong to no ExcelApi set). */
function isExcelDeclaration(d: ts.Declaration): boolean {
  if (!/[\\/]@types[\\/]office-js[\\/]/.test(d.getSourceFile().fileName)) return false;
  let outer: string | undefined;
  for (let n: ts.Node | undefined = d; n; n = n.parent) if (ts.isModuleDeclaration(n)) outer = n.name.text;
  return outer === "Excel";
}

function requirementOf(checker: ts.TypeChecker, d: ts.Declaration, symbol: ts.Symbol): Requirement | undefined {
  const own = tagOf(d);
  if (own) return own;
  const table = UNTAGGED_MEMBERS[checker.getFullyQualifiedName(symbol)];
  if (table) return { apiSet: "ExcelApi", read: table, write: table };
  // a member without a tag of its own (load, toJSON, context …) exists as long as its class does
  for (let n: ts.Node | undefined = d.parent; n; n = n.parent) {
    if (ts.isClassDeclaration(n) || ts.isInterfaceDeclaration(n) || ts.isEnumDeclaration(n)) return tagOf(n);
    if (ts.isModuleDeclaration(n)) break;
  }
  return undefined;
}

function tagOf(d: ts.Node): Requirement | undefined {
  const sf = d.getSourceFile();
  const anchor = ts.isVariableDeclaration(d) ? d.parent.parent : d;
  const comments = ts.getLeadingCommentRanges(sf.text, anchor.getFullStart()) ?? [];
  const doc = comments.filter((c) => sf.text.startsWith("/**", c.pos)).pop();
  if (!doc) return undefined;
  const reqs = apiSetTagsOf(sf.text.slice(doc.pos, doc.end)).map(parseApiSetTag).filter((r): r is Requirement => r !== undefined);
  return reqs.find((r) => r.apiSet === "ExcelApi") ?? reqs[0];
}

function describeGuard(g: Guard): string {
  if (g.label) return g.label;
  return g.apiSet === "ExcelApi" ? `supports("${g.version}")` : `isSetSupported("${g.apiSet}", "${g.version}")`;
}

/** The guards known to hold where `node` runs, from the conditions that dominate it lexically. */
function guardsAt(checker: ts.TypeChecker, node: ts.Node): Guard[] {
  const out: Guard[] = [];
  let child: ts.Node = node;
  for (let parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (ts.isFunctionLike(parent)) {
      // inside a helper tagged [Api set: ExcelApi x.y]: its callers guarantee x.y
      const holder = ts.isVariableDeclaration(parent.parent) || ts.isPropertyAssignment(parent.parent) || ts.isPropertyDeclaration(parent.parent) ? parent.parent : parent;
      const tag = tagOf(parent) ?? tagOf(holder);
      const name = (holder as { name?: ts.Node }).name;
      if (tag) out.push({ apiSet: tag.apiSet, version: tag.read, label: `[Api set: ${tag.apiSet} ${tag.read}] on ${name && ts.isIdentifier(name) ? name.text : "the function"}` });
    } else if (ts.isIfStatement(parent)) {
      if (child === parent.thenStatement) out.push(...facts(checker, parent.expression, true));
      else if (child === parent.elseStatement) out.push(...facts(checker, parent.expression, false));
    } else if (ts.isConditionalExpression(parent)) {
      if (child === parent.whenTrue) out.push(...facts(checker, parent.condition, true));
      else if (child === parent.whenFalse) out.push(...facts(checker, parent.condition, false));
    } else if (ts.isBinaryExpression(parent) && child === parent.right) {
      if (parent.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) out.push(...facts(checker, parent.left, true));
      else if (parent.operatorToken.kind === ts.SyntaxKind.BarBarToken) out.push(...facts(checker, parent.left, false));
    } else if (ts.isWhileStatement(parent) && child === parent.statement) {
      out.push(...facts(checker, parent.expression, true));
    } else if (ts.isForStatement(parent) && child === parent.statement && parent.condition) {
      out.push(...facts(checker, parent.condition, true));
    } else if (ts.isBlock(parent) || ts.isSourceFile(parent) || ts.isModuleBlock(parent) || ts.isCaseClause(parent) || ts.isDefaultClause(parent)) {
      // `if (!supports("1.9")) return;` guards everything after it in the block
      for (const st of parent.statements) {
        if (st === child) break;
        if (ts.isIfStatement(st) && !st.elseStatement && exits(st.thenStatement)) out.push(...facts(checker, st.expression, false));
      }
    }
  }
  return out;
}

function exits(st: ts.Statement): boolean {
  if (ts.isReturnStatement(st) || ts.isThrowStatement(st) || ts.isBreakStatement(st) || ts.isContinueStatement(st)) return true;
  if (ts.isBlock(st)) {
    const last = st.statements[st.statements.length - 1];
    return last !== undefined && exits(last);
  }
  return false;
}

/** What `e` being `truth` tells about supported sets. */
function facts(checker: ts.TypeChecker, e: ts.Expression, truth: boolean, depth = 0): Guard[] {
  if (depth > 8) return [];
  if (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isNonNullExpression(e) || ts.isSatisfiesExpression(e)) return facts(checker, e.expression, truth, depth + 1);
  if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.ExclamationToken) return facts(checker, e.operand, !truth, depth + 1);
  if (ts.isBinaryExpression(e)) {
    const op = e.operatorToken.kind;
    const l = (t: boolean): Guard[] => facts(checker, e.left, t, depth + 1);
    const r = (t: boolean): Guard[] => facts(checker, e.right, t, depth + 1);
    if (op === ts.SyntaxKind.AmpersandAmpersandToken) return truth ? [...l(true), ...r(true)] : [];
    if (op === ts.SyntaxKind.BarBarToken) {
      if (!truth) return [...l(false), ...r(false)];
      // either side holds: only what both sides guarantee (the weaker of their strongest guards per set)
      const left = l(true);
      const right = r(true);
      return left.flatMap((g) => {
        const other = maxVersion(right.filter((h) => h.apiSet === g.apiSet).map((h) => h.version));
        return other === undefined ? [] : [{ apiSet: g.apiSet, version: compareVersions(g.version, other) <= 0 ? g.version : other }];
      });
    }
    return [];
  }
  if (ts.isCallExpression(e)) {
    const guard = guardCall(e);
    return guard && truth ? [guard] : [];
  }
  if (ts.isIdentifier(e)) {
    // stored first: const quiet = supports("1.8"); if (quiet) …
    const decl = checker.getSymbolAtLocation(e)?.valueDeclaration;
    if (decl && ts.isVariableDeclaration(decl) && decl.initializer && isConst(decl)) return facts(checker, decl.initializer, truth, depth + 1);
  }
  return [];
}

function isConst(decl: ts.VariableDeclaration): boolean {
  return ts.isVariableDeclarationList(decl.parent) && (decl.parent.flags & ts.NodeFlags.Const) !== 0;
}

/** supports("1.9"), this.supports("1.9"), x.supports("1.9"), …isSetSupported("ExcelApi", "1.9"). */
function guardCall(call: ts.CallExpression): Guard | undefined {
  const callee = call.expression;
  const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
  const literal = (i: number): string | undefined => {
    const a = call.arguments[i];
    return a && ts.isStringLiteralLike(a) ? a.text : undefined;
  };
  if (name === "supports") {
    const v = literal(0);
    return v && /^\d+(\.\d+)*$/.test(v) ? { apiSet: "ExcelApi", version: v } : undefined;
  }
  if (name === "isSetSupported") {
    const set = literal(0);
    const v = literal(1);
    return set && v && /^\d+(\.\d+)*$/.test(v) ? { apiSet: set, version: v } : undefined;
  }
  return undefined;
}

export function formatViolation(v: Violation): string {
  return `${v.file}:${v.line}:${v.column} ${v.member} (${v.access}) needs ${v.required}; guard: ${v.guard ?? "none"}`;
}

export function formatResult(r: CheckResult): string {
  const lines = [
    ...r.violations.map(formatViolation),
    ...r.typeErrors.map((e) => `type error against the real office-js types: ${e}`),
    `api-set check: ${r.usesChecked} uses of Excel members in ${r.files.length} files against the manifest's ExcelApi ${r.minimum}: ` +
      `${r.violations.length} unguarded, ${r.typeErrors.length} type errors`,
  ];
  return lines.join("\n");
}

if (require.main === module) {
  // dist-cli/tools/check-api-sets.js → the repository root
  const root = process.argv[2] ?? join(__dirname, "..", "..");
  const result = checkApiSets({ root });
  console.log(formatResult(result));
  process.exitCode = result.violations.length > 0 || result.typeErrors.length > 0 || result.usesChecked === 0 ? 1 : 0;
}
