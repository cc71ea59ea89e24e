/**
 * Browser-side stand-in for office.js inside Excel: installs `Office` and `Excel` globals backed by a
 * FakeExcel (test/support/fake-excel.ts) holding the workbook described by `state` (FakeExcel#toJSON).
 * The e2e suite (test/e2e/excel.e2e.test.ts) bundles this file for the browser and serves it, plus one
 * call of installFakeOffice(state), in place of https://appsforoffice.microsoft.com/lib/1/hosted/office.js.
 *
 * Only what the task pane bootstrap and src/hosts/office/excel-host.ts use is modelled: Office.onReady,
 * Office.HostType, Office.context.{host, platform, requirements.isSetSupported, displayLanguage} and
 * Excel.run (also Excel.run(context, batch)). The fake is exposed as `window.__fakeExcel` so that tests can read `syncCount`.
 */
import { FakeExcel, type FakeExcelState } from "./fake-excel";

export interface FakeOfficeOptions {
  /** Office.context.displayLanguage; Excel reports the UI language, e.g. "th-TH" or "en-US". */
  displayLanguage?: string;
  /** Office.context.platform and the onReady info's platform. */
  platform?: string;
}

export interface FakeOfficeGlobals {
  Office: unknown;
  Excel: unknown;
  __fakeExcel: FakeExcel;
}

type Batch = Parameters<FakeExcel["run"]>[0];

/** Installs the fake `Office`/`Excel` globals on `target` (the page's window) and returns the fake. */
export function installFakeOffice(
  state: FakeExcelState | string,
  options: FakeOfficeOptions = {},
  target: object = globalThis,
): FakeExcel {
  const fake = FakeExcel.fromJSON(state);
  const platform = options.platform ?? "PC";
  const info = { host: "Excel", platform };
  const office = {
    HostType: { Excel: "Excel", Word: "Word", PowerPoint: "PowerPoint", Outlook: "Outlook", OneNote: "OneNote", Project: "Project", Access: "Access" },
    PlatformType: { PC: "PC", OfficeOnline: "OfficeOnline", Mac: "Mac", iOS: "iOS", Android: "Android", Universal: "Universal" },
    onReady(callback?: (value: typeof info) => void): Promise<typeof info> {
      if (typeof callback === "function") callback(info);
      return Promise.resolve(info);
    },
    context: {
      host: "Excel",
      platform,
      displayLanguage: options.displayLanguage ?? "th-TH",
      contentLanguage: options.displayLanguage ?? "th-TH",
      requirements: {
        // Excel.run code asks isSetSupported("ExcelApi", "1.9"); a missing version means "any".
        isSetSupported: (name: string, version?: string | number): boolean =>
          name === "ExcelApi" && fake.supports(version === undefined ? "1.1" : String(version)),
      },
    },
  };
  const excel = {
    run: (optionsOrBatch: unknown, maybeBatch?: unknown): Promise<unknown> => {
      const batch = (typeof optionsOrBatch === "function" ? optionsOrBatch : maybeBatch) as Batch | undefined;
      if (typeof batch !== "function") return Promise.reject(new Error("Excel.run: no batch function given"));
      // Excel.run(context, batch) runs in an existing context (e.g. to remove an event handler)
      const within = typeof optionsOrBatch === "object" && optionsOrBatch !== null && "sync" in optionsOrBatch ? optionsOrBatch : undefined;
      return fake.run(batch, within as Parameters<FakeExcel["run"]>[1]);
    },
  };
  const globals: FakeOfficeGlobals = { Office: office, Excel: excel, __fakeExcel: fake };
  Object.assign(target, globals);
  return fake;
}
