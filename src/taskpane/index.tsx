import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "./App";

/**
 * Safety net only: outside Office, office.js resolves `Office.onReady` at once with `host: null`
 * (standalone mode); this timeout covers an office.js that loaded but never reports ready.
 */
const OFFICE_READY_TIMEOUT_MS = 10_000;

/** Resolves when office.js is ready, immediately when office.js is absent (CDN unreachable). */
function whenOfficeReady(): Promise<void> {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, OFFICE_READY_TIMEOUT_MS);
    const done = (): void => {
      clearTimeout(timer);
      resolve();
    };
    Office.onReady().then(done, done);
  });
}

function render(): void {
  const container = document.getElementById("root");
  if (!container) throw new Error('taskpane.html has no <div id="root">');
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <App />
    </FluentProvider>,
  );
}

void whenOfficeReady().then(render);
