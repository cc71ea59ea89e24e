/**
 * @jest-environment jsdom
 */
/** The task pane imports a Word plan picked as a file (issue 14). */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, fireEvent, render, screen } from "@testing-library/react";
import type { HostServices } from "../../src/app/session";
import { newFileSession, openFileSession } from "../../src/hosts/xlsx/file-session";
import { App } from "../../src/taskpane/App";
import { PrefsProvider } from "../../src/taskpane/prefs";

it("a .docx picked for import becomes a new template workbook with the import report", async () => {
  const services: HostServices = { current: undefined, openFile: openFileSession, newFile: newFileSession, loadSample: async () => { throw new Error("unused"); } };
  render(
    <FluentProvider theme={webLightTheme}>
      <PrefsProvider initial={{ lang: "th", digits: "arabic" }}>
        <App services={services} />
      </PrefsProvider>
    </FluentProvider>,
  );
  const bytes = readFileSync(join(__dirname, "..", "fixtures", "import", "municipality-36-libreoffice.docx"));
  const file = new File([bytes], "แผนเทศบาล.docx");
  Object.defineProperty(file, "arrayBuffer", { value: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) });
  expect(screen.getByTestId("legacy-input").getAttribute("accept")).toMatch(/\.docx/);
  await act(async () => fireEvent.change(screen.getByTestId("legacy-input"), { target: { files: [file] } }));
  const report = await screen.findByTestId("import-report", {}, { timeout: 10000 });
  expect(report.getAttribute("data-items")).toBe("36");
  expect(screen.getByTestId("workbook-title").textContent).toBe("แผนเทศบาล-sujarit.xlsx");
});
