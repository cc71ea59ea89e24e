/**
 * The manual Excel check (test/manual/CHECKLIST.md + excel-behaviours.yaml) cannot run here: there
 * is no Excel. What can be checked is that a tester gets something that works: the snippet is
 * Script Lab YAML, its TypeScript compiles against @types/office-js, every button has a handler,
 * and the checklist explains every lettered button with Microsoft's documentation.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as ts from "typescript";

const ROOT = path.resolve(__dirname, "..", "..");
const SNIPPET = path.join(__dirname, "excel-behaviours.yaml");
const CHECKLIST = path.join(__dirname, "CHECKLIST.md");

interface Block {
  content: string;
  language: string;
}

interface Snippet {
  name: string;
  host: string;
  api_set: Record<string, string>;
  script: Block;
  template: Block;
  style?: Block;
  libraries: string;
}

// js-yaml ships no types; its load() is all this test needs.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const yaml = require("js-yaml") as { load(text: string): unknown };

const snippet = yaml.load(fs.readFileSync(SNIPPET, "utf8")) as Snippet;
const checklist = fs.readFileSync(CHECKLIST, "utf8");

/** The ids of the template's buttons. */
function buttonIds(): string[] {
  return [...snippet.template.content.matchAll(/<button\s+id="([^"]+)"/g)].map((match) => match[1] ?? "");
}

/** TypeScript's errors for the snippet's script, compiled as Script Lab does: a script with office.js's types. */
function typeErrors(script: string): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sujarit-snippet-"));
  try {
    const file = path.join(dir, "snippet.ts");
    fs.writeFileSync(file, script);
    const program = ts.createProgram([file], {
      target: ts.ScriptTarget.ES2020,
      lib: ["lib.es2020.d.ts", "lib.dom.d.ts", "lib.dom.iterable.d.ts"],
      types: ["office-js"],
      typeRoots: [path.join(ROOT, "node_modules", "@types")],
      strict: true,
      noUncheckedIndexedAccess: true,
      noUnusedLocals: true,
      noUnusedParameters: true,
      noEmit: true,
      skipLibCheck: true,
    });
    return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
      const text = ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n");
      if (!diagnostic.file || diagnostic.start === undefined) return text;
      const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
      return `script line ${line + 1}: ${text}`;
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe("the Script Lab snippet", () => {
  it("is Script Lab's YAML export format for Excel", () => {
    expect(typeof snippet.name).toBe("string");
    expect(snippet.host).toBe("EXCEL");
    expect(snippet.api_set.ExcelApi).toMatch(/^1\.\d+$/);
    expect(snippet.script.language).toBe("typescript");
    expect(snippet.template.language).toBe("html");
    const libraries = snippet.libraries.split("\n").map((line) => line.trim());
    expect(libraries).toEqual(expect.arrayContaining(["https://appsforoffice.microsoft.com/lib/1/hosted/office.js", "@types/office-js"]));
  });

  it("compiles against @types/office-js (strict)", () => {
    expect(typeErrors(snippet.script.content)).toEqual([]);
  }, 60_000);

  it("can fail to compile: a misspelt Excel call is reported", () => {
    const broken = snippet.script.content.replace("!.getNextOrNullObject()", "!.getNextOrNull()");
    expect(broken).not.toBe(snippet.script.content);
    expect(typeErrors(broken).join("\n")).toContain("getNextOrNull");
  }, 60_000);

  it("wires every button to a handler and has a button for every handler", () => {
    const ids = buttonIds();
    expect(ids).toEqual(expect.arrayContaining(["env", "a-walk", "b-events", "c-payload", "d-merges", "e-last-visible", "f-case", "g-calc", "h-ranges", "cleanup"]));
    for (const id of ids) expect({ id, wired: snippet.script.content.includes(`"${id}"`) }).toEqual({ id, wired: true });
    const handled = [...snippet.script.content.matchAll(/^\s+"([a-z][a-z-]*)": \w+,$/gm)].map((match) => match[1]);
    for (const id of handled) expect(ids).toContain(id);
  });
});

describe("the checklist", () => {
  const letters = buttonIds()
    .map((id) => /^([a-z])-/.exec(id)?.[1])
    .filter((letter): letter is string => letter !== undefined);

  it("has a section for every lettered button, citing Microsoft's documentation", () => {
    expect(letters).toEqual(["a", "b", "c", "d", "e", "f", "g", "h"]);
    const sections = checklist.split(/^### /m).slice(1);
    for (const letter of letters) {
      const section = sections.find((text) => text.startsWith(`(${letter}) `));
      expect({ letter, found: section !== undefined }).toEqual({ letter, found: true });
      for (const field of ["**Does**", "**Expect**", "**Why**", "**Microsoft**"]) expect(section).toContain(field);
      expect(section).toMatch(/\]\(https:\/\/learn\.microsoft\.com\/en-us\/[^)\s]+\)/);
    }
  });

  it("says what to write down and where to send it", () => {
    expect(checklist).toMatch(/host, platform and version/i);
    expect(checklist).toContain("Open an issue in this project");
    expect(checklist).toContain("excel-behaviours.yaml");
  });
});
