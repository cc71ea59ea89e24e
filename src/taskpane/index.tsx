/**
 * The composition root of the task pane: find out where we run (hosts/ decides), wire the host's
 * workbook into HostServices, render. exceljs is loaded only when a file is opened in the browser.
 */
import { FluentProvider } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import type { HostServices } from "../app/session";
import { excelSession, runsInExcel } from "../hosts/office/excel-host";
import { App } from "./App";
import { PrefsProvider } from "./prefs";
import { sujaritTheme } from "./theme";

const SAMPLE_URL = "samples/nasameng-2566-2570.xlsx";

const fileHost = () => import(/* webpackChunkName: "xlsx" */ "../hosts/xlsx/file-session");

async function services(): Promise<HostServices> {
  const inExcel = await runsInExcel();
  return {
    current: inExcel ? excelSession() : undefined,
    openFile: async (name, bytes) => (await fileHost()).openFileSession(name, bytes),
    newFile: async (name) => (await fileHost()).newFileSession(name),
    loadSample: async () => (await fileHost()).sampleSession(SAMPLE_URL),
  };
}

async function start(): Promise<void> {
  const container = document.getElementById("root");
  if (!container) throw new Error('taskpane.html has no <div id="root">');
  const host = await services();
  const openSample = !host.current && new URLSearchParams(location.search).has("sample");
  createRoot(container).render(
    <FluentProvider theme={sujaritTheme}>
      <PrefsProvider>
        <App services={host} openSampleAtStart={openSample} />
      </PrefsProvider>
    </FluentProvider>,
  );
}

void start();
