/**
 * Issue 12: the Office host against the real office-js typings.
 * - The structural subset (excel-subset.ts) is satisfied by the real Excel types (excel-subset.types.ts compiles).
 * - No Excel member above the manifest's minimum ExcelApi set is used outside a supports() guard of at
 *   least its version (tools/check-api-sets.ts; also `npm run check:api-sets`).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  apiSetTagsOf, checkApiSets, compareVersions, compileErrors, formatResult, formatViolation, manifestMinimum, parseApiSetTag,
  type Violation,
} from "../../../tools/check-api-sets";

const ROOT = join(__dirname, "..", "..", "..");
// each case compiles a program over office-js's 190,000-line typings (parsed once per worker, then shared)
const SLOW = 120_000;

/** Fixtures sit next to the subset so that "./excel-subset" resolves as in the host; they exist only in memory. */
const FIXTURE = "src/hosts/office/__api-set-fixture__.ts";

const brief = (v: Violation) => ({ line: v.line, member: v.member, access: v.access, required: v.required, guard: v.guard });

describe("versions, tags and the manifest", () => {
  it("compares versions numerically", () => {
    expect(compareVersions("1.10", "1.9")).toBeGreaterThan(0);
    expect(compareVersions("1.9", "1.10")).toBeLessThan(0);
    expect(compareVersions("1.7", "1.7")).toBe(0);
    expect(compareVersions("1.13", "1.8")).toBeGreaterThan(0);
  });

  it.each([
    ["ExcelApi 1.9", { apiSet: "ExcelApi", read: "1.9", write: "1.9" }],
    ["ExcelApi 1.1 for get, 1.8 for set", { apiSet: "ExcelApi", read: "1.1", write: "1.8" }],
    ["ExcelApi 1.1 for reading visibility; 1.2 for setting it.", { apiSet: "ExcelApi", read: "1.1", write: "1.2" }],
    ["ExcelApi 1.1 for getting the name; 1.4 for setting it.", { apiSet: "ExcelApi", read: "1.1", write: "1.4" }],
    ["ExcelApi 1.1 for String,Integer,Double,Boolean,Range,Error; 1.7 for Array", { apiSet: "ExcelApi", read: "1.1", write: "1.1" }],
    ["ExcelApi 1.9, ExcelApi Preview for null `destinationRange`", { apiSet: "ExcelApi", read: "1.9", write: "1.9" }],
    ["ExcelApiOnline 1.1", { apiSet: "ExcelApiOnline", read: "1.1", write: "1.1" }],
  ])("reads the tag %s", (tag, expected) => {
    expect(parseApiSetTag(tag)).toEqual(expected);
  });

  it("takes the member's tag, not a parameter's", () => {
    const doc = [
      "/**",
      " * Protects a worksheet.",
      " * @remarks",
      " * [Api set: ExcelApi 1.2 for options; 1.7 for password]",
      " * @param password Optional. [Api set: ExcelApi 1.10 for Range objects]",
      " */",
    ].join("\n");
    expect(apiSetTagsOf(doc)).toEqual(["ExcelApi 1.2 for options; 1.7 for password"]);
  });

  it("reads the minimum from manifest.xml (the lowest ExcelApi set it declares)", () => {
    expect(manifestMinimum(readFileSync(join(ROOT, "manifest.xml"), "utf8"))).toBe("1.7");
    expect(manifestMinimum('<Set Name="ExcelApi" MinVersion="1.9"/><bt:Set Name="ExcelApi" MinVersion="1.10"/>')).toBe("1.9");
    expect(() => manifestMinimum('<Set Name="WordApi" MinVersion="1.3"/>')).toThrow(/no ExcelApi/);
  });
});

describe("the check fails where it must", () => {
  it("finds the one unguarded ExcelApi 1.9 call and passes the guarded one", () => {
    const fixture = [
      'import type { RequirementCheck, XContext } from "./excel-subset";',
      "",
      "export function suspend(ctx: XContext, supports: RequirementCheck): void {",
      "  ctx.workbook.application.suspendScreenUpdatingUntilNextSync();",
      '  if (supports("1.9")) ctx.workbook.application.suspendScreenUpdatingUntilNextSync();',
      "}",
      "",
    ].join("\n");
    const result = checkApiSets({ root: ROOT, sources: { [FIXTURE]: fixture } });
    expect(result.minimum).toBe("1.7");
    expect(result.typeErrors).toEqual([]);
    expect(result.violations.map(formatViolation)).toEqual([
      `${FIXTURE}:4:28 Excel.Application.suspendScreenUpdatingUntilNextSync (call) needs ExcelApi 1.9; guard: none`,
    ]);
  }, SLOW);

  it("understands the guard forms, get/set tags, load paths, Excel.run options and tagged helpers", () => {
    const lines = [
      /*  1 */ 'import type { RequirementCheck } from "./excel-subset";',
      /*  2 */ "declare const app: Excel.Application;",
      /*  3 */ "declare const ws: Excel.Worksheet;",
      /*  4 */ "declare const runtime: Excel.Runtime;",
      /*  5 */ "export class Fixture {",
      /*  6 */ "  constructor(private readonly supports: RequirementCheck) {}",
      /*  7 */ "  forms(): unknown {",
      /*  8 */ '    if (this.supports("1.10")) app.suspendScreenUpdatingUntilNextSync();',
      /*  9 */ '    if (this.supports("1.8")) app.suspendScreenUpdatingUntilNextSync();',
      /* 10 */ '    const quiet = this.supports("1.8");',
      /* 11 */ "    if (quiet) runtime.enableEvents = false;",
      /* 12 */ "    runtime.enableEvents = true;",
      /* 13 */ '    const areas = this.supports("1.9") ? ws.getRanges("A1:B2,D4") : undefined;',
      /* 14 */ '    if (ws.visibility === "Hidden" && this.supports("1.9")) app.suspendScreenUpdatingUntilNextSync();',
      /* 15 */ '    if (this.supports("1.9") || this.supports("1.10")) app.suspendScreenUpdatingUntilNextSync();',
      /* 16 */ "    const mode = app.calculationMode;",
      /* 17 */ '    app.calculationMode = "Manual";',
      /* 18 */ '    ws.load("name,showGridlines");',
      /* 19 */ '    if (this.supports("1.9")) runtime.enableEvents = false; else app.suspendScreenUpdatingUntilNextSync();',
      /* 20 */ "    return [areas, mode];",
      /* 21 */ "  }",
      /* 22 */ "  early(): void {",
      /* 23 */ '    if (!this.supports("1.9")) return;',
      /* 24 */ "    app.suspendScreenUpdatingUntilNextSync();",
      /* 25 */ "  }",
      /* 26 */ "  /** Callers guard it. [Api set: ExcelApi 1.9] */",
      /* 27 */ "  private helper(): void {",
      /* 28 */ "    app.suspendScreenUpdatingUntilNextSync();",
      /* 29 */ "  }",
      /* 30 */ "  callers(): void {",
      /* 31 */ "    this.helper();",
      /* 32 */ '    if (this.supports("1.9")) this.helper();',
      /* 33 */ "  }",
      /* 34 */ "}",
      /* 35 */ "export const runs = [",
      /* 36 */ "  Excel.run({ delayForCellEdit: true }, async () => undefined),",
      /* 37 */ "  Excel.run({ mergeUndoGroup: true }, async () => undefined),",
      /* 38 */ "];",
      "",
    ];
    const result = checkApiSets({ root: ROOT, sources: { [FIXTURE]: lines.join("\n") } });
    expect(result.typeErrors).toEqual([]);
    expect(result.violations.map(brief)).toEqual([
      { line: 9, member: "Excel.Application.suspendScreenUpdatingUntilNextSync", access: "call", required: "ExcelApi 1.9", guard: 'supports("1.8")' },
      { line: 12, member: "Excel.Runtime.enableEvents", access: "write", required: "ExcelApi 1.8", guard: undefined },
      { line: 17, member: "Excel.Application.calculationMode", access: "write", required: "ExcelApi 1.8", guard: undefined },
      { line: 18, member: 'load("showGridlines") → Excel.Worksheet.showGridlines', access: "load", required: "ExcelApi 1.8", guard: undefined },
      { line: 19, member: "Excel.Application.suspendScreenUpdatingUntilNextSync", access: "call", required: "ExcelApi 1.9", guard: undefined },
      { line: 31, member: "Fixture.helper", access: "call", required: "ExcelApi 1.9", guard: undefined },
      { line: 37, member: "Excel.RunOptions.mergeUndoGroup", access: "write", required: "ExcelApi 1.20", guard: undefined },
    ]);
  }, SLOW);

  it("refuses an X type of the subset that has no office-js counterpart, instead of checking nothing", () => {
    const subsetText = `${readFileSync(join(ROOT, "src/hosts/office/excel-subset.ts"), "utf8")}\nexport interface XNoSuchThing { readonly a: number }\n`;
    expect(() => checkApiSets({ root: ROOT, sources: { [FIXTURE]: "export {};\n" }, subsetText })).toThrow(/XNoSuchThing = Excel\.NoSuchThing/);
  }, SLOW);
});

describe("the host as it is", () => {
  it("the real Excel types satisfy the structural subset (excel-subset.types.ts compiles)", () => {
    expect(compileErrors(ROOT, ["test/hosts/office/excel-subset.types.ts"])).toEqual([]);
  }, SLOW);

  it("uses nothing above the manifest's minimum unguarded, and compiles against the real office-js types", () => {
    const result = checkApiSets({ root: ROOT });
    // a check that examined nothing would pass vacuously
    expect(result.files).toEqual(expect.arrayContaining(["src/hosts/office/office-workbook.ts", "src/hosts/office/office-session.ts", "src/hosts/office/excel-host.ts"]));
    expect(result.usesChecked).toBeGreaterThan(100);
    expect(formatResult(result).split("\n").slice(0, -1)).toEqual([]);
  }, SLOW);
});
