/**
 * @jest-environment jsdom
 */
/** Importing a legacy plan table from the task pane: a file in the browser, or a sheet of the open Excel workbook. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import type { HostServices, WorkbookSession } from "../../src/app/session";
import { OfficeWorkbook } from "../../src/hosts/office/office-workbook";
import { newFileSession, openFileSession } from "../../src/hosts/xlsx/file-session";
import { XlsxWorkbook } from "../../src/hosts/xlsx/xlsx-workbook";
import { App } from "../../src/taskpane/App";
import { PrefsProvider } from "../../src/taskpane/prefs";
import { address } from "../../src/workbook/a1";
import { FakeExcel } from "../support/fake-excel";

const legacy = join(__dirname, "..", "fixtures", "legacy", "seed-001-plan-table.xlsx");

function mount(services: HostServices) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <PrefsProvider initial={{ lang: "th", digits: "arabic" }}>
        <App services={services} />
      </PrefsProvider>
    </FluentProvider>,
  );
}

const total = (dashboard: HTMLElement) => Number(within(dashboard).getByTestId("dimension-total").querySelector('[data-count="items"]')?.getAttribute("data-value"));

it("standalone: a legacy table file becomes a new template workbook, with the import report and the seed's errors", async () => {
  const services: HostServices = { current: undefined, openFile: openFileSession, newFile: newFileSession, loadSample: async () => { throw new Error("unused"); } };
  mount(services);
  const bytes = readFileSync(legacy);
  const file = new File([bytes], "แผนเดิม.xlsx");
  Object.defineProperty(file, "arrayBuffer", { value: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) });
  await act(async () => fireEvent.change(screen.getByTestId("legacy-input"), { target: { files: [file] } }));
  const report = await screen.findByTestId("import-report", {}, { timeout: 10000 });
  expect(report.getAttribute("data-items")).toBe("80");
  expect(report.getAttribute("data-unplaced")).toBe("0");
  expect(report.textContent).toContain("แผน ๔ ปี!C22");
  expect(total(screen.getByTestId("dashboard"))).toBe(80);
  expect(screen.getByTestId("workbook-title").textContent).toBe("แผนเดิม-sujarit.xlsx");
  expect(screen.getByTestId("download")).toBeTruthy();
});

it("Excel: the plan table already in the open workbook is imported beside it, the user's sheet untouched", async () => {
  const excel = new FakeExcel();
  const grid = (await (await XlsxWorkbook.open(readFileSync(join(__dirname, "..", "fixtures", "legacy", "seed-000-plan-table.xlsx")))).readGrids()).sheets[0];
  grid?.rows.forEach((row, r) => row.forEach((v, c) => {
    if (v !== null) excel.setCell("ส่วนที่ ๒", address(r + 1, c + 1), { value: v as string | number });
  }));
  const session: WorkbookSession = { port: new OfficeWorkbook(excel.run, excel.supports) };
  mount({ current: session, openFile: openFileSession, newFile: newFileSession, loadSample: async () => session });
  await screen.findByTestId("not-template");
  const before = JSON.stringify([...(excel.sheet("ส่วนที่ ๒")?.cells ?? new Map())]);
  await act(async () => fireEvent.click(screen.getByTestId("import-here")));
  const report = await screen.findByTestId("import-report");
  expect(report.getAttribute("data-items")).toBe("39");
  expect(total(screen.getByTestId("dashboard"))).toBe(39);
  expect(JSON.stringify([...(excel.sheet("ส่วนที่ ๒")?.cells ?? new Map())])).toBe(before);
  expect(excel.sheet("แผนปฏิบัติการ")).toBeDefined();
});
