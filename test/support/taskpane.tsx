/** What the task-pane tests share: the sample in the Excel fake, HostServices over it, and mounting the pane. */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { configure, render } from "@testing-library/react";
import type { HostServices, WorkbookSession } from "../../src/app/session";
import { OfficeWorkbook } from "../../src/hosts/office/office-workbook";
import { openFileSession } from "../../src/hosts/xlsx/file-session";
import { App } from "../../src/taskpane/App";
import type { Lang } from "../../src/taskpane/i18n";
import { PrefsProvider } from "../../src/taskpane/prefs";
import { describeWorkbook } from "../../src/workbook/write";
import { loadSeed000, sampleModel } from "../../tools/build-sample";
import { FakeExcel } from "./fake-excel";
// The pages App loads lazily (their own webpack chunks). Under jest, `import()` is a require that
// compiles the page on first use, which on a loaded machine takes longer than a findBy's wait: loaded
// here, each page is already in the module registry when a test opens its tab.
import "../../src/taskpane/pages/ChecksPage";
import "../../src/taskpane/pages/MonthlyPage";
import "../../src/taskpane/pages/ReportsPage";
import "../../src/taskpane/pages/RisksPage";

// findBy and waitFor wait up to 10 s, not testing-library's 1 s: writing the template through the Excel fake and
// reading it back took longer than that on the shared CI machine under load ("task pane in Excel › asks before
// replacing a sheet" failed to find the dashboard once, at stop 12). Only a failure waits longer.
configure({ asyncUtilTimeout: 10_000 });

/** The Excel fake holding the seed-000 sample workbook (its sync counter still counts the write). */
export async function sampleExcel(): Promise<FakeExcel> {
  const excel = new FakeExcel();
  await new OfficeWorkbook(excel.run, excel.supports).writeSheets(describeWorkbook(sampleModel(loadSeed000()), { createdAt: new Date(0) }), "refuse");
  return excel;
}

/** Services for the pane: the given session as the open workbook (or none: standalone), real .xlsx opening. */
export function services(current: WorkbookSession | undefined, sample?: WorkbookSession): HostServices {
  return {
    current,
    openFile: openFileSession,
    newFile: async () => {
      throw new Error("not used");
    },
    loadSample: async () => {
      if (!sample) throw new Error("no sample");
      return sample;
    },
  };
}

export function mount(s: HostServices, openSampleAtStart = false, lang: Lang = "th") {
  return render(
    <FluentProvider theme={webLightTheme}>
      <PrefsProvider initial={{ lang, digits: "arabic" }}>
        <App services={s} openSampleAtStart={openSampleAtStart} />
      </PrefsProvider>
    </FluentProvider>,
  );
}
