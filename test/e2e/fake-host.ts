/**
 * The fake Excel host for the e2e suite: a FakeExcel holding the sample workbook, written through the
 * real Excel adapter (OfficeWorkbook), and a browser script that installs it as the `Office`/`Excel`
 * globals (test/support/fake-office-global.ts bundled with webpack's node API).
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import webpack from "webpack";
import { OfficeWorkbook } from "../../src/hosts/office/office-workbook";
import { describeWorkbook } from "../../src/workbook/write";
import { loadSeed000, SAMPLE_CREATED_AT, sampleModel } from "../../tools/build-sample";
import { FakeExcel, type FakeExcelState } from "../support/fake-excel";
import type { FakeOfficeOptions } from "../support/fake-office-global";
import { repoRoot } from "./browser";

/** The global the bundle defines (webpack `output.library`). */
const LIBRARY = "SujaritFakeOffice";

/** A FakeExcel holding the sample workbook as the template writer puts it into Excel. */
export async function sampleInFakeExcel(): Promise<FakeExcel> {
  const excel = new FakeExcel();
  await new OfficeWorkbook(excel.run, excel.supports).writeSheets(
    describeWorkbook(sampleModel(loadSeed000()), { createdAt: SAMPLE_CREATED_AT }),
    "refuse",
  );
  return excel;
}

let bundled: Promise<string> | undefined;

/** test/support/fake-office-global.ts (and what it imports) as one browser script; built once per process. */
export function fakeOfficeBundle(): Promise<string> {
  bundled ??= buildBundle();
  return bundled;
}

async function buildBundle(): Promise<string> {
  const root = repoRoot();
  const out = mkdtempSync(join(tmpdir(), "sujarit-fake-office-"));
  try {
    const compiler = webpack({
      mode: "development",
      devtool: false,
      target: "web",
      context: root,
      entry: join(root, "test", "support", "fake-office-global.ts"),
      output: { path: out, filename: "fake-office.js", library: { name: LIBRARY, type: "var" } },
      resolve: { extensions: [".ts", ".js"] },
      module: {
        rules: [
          {
            test: /\.ts$/,
            exclude: /node_modules/,
            loader: "ts-loader",
            options: { transpileOnly: true, configFile: join(root, "tsconfig.json") },
          },
        ],
      },
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
    if (stats.hasErrors()) throw new Error(`bundling fake-office-global.ts failed:\n${stats.toString("errors-only")}`);
    return readFileSync(join(out, "fake-office.js"), "utf8");
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** The script served in place of office.js: the bundle, then one call installing the fake with `state`. */
export async function fakeOfficeScript(state: FakeExcelState, options: FakeOfficeOptions = {}): Promise<string> {
  return `${await fakeOfficeBundle()}\n;${LIBRARY}.installFakeOffice(${JSON.stringify(state)}, ${JSON.stringify(options)}, window);\n`;
}
