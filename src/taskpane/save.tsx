/**
 * Nothing lost in the browser: a file opened in the browser lives in memory until it is downloaded. The
 * session's writes are watched (every write goes through its port), so the pane knows when there is work
 * not yet downloaded: it says so beside the file name, asks before the tab closes, and offers the
 * download wherever a message says to download.
 */
import { Button } from "@fluentui/react-components";
import { ArrowDownloadRegular } from "@fluentui/react-icons";
import { createContext, useContext } from "react";
import type { WorkbookPort } from "../app/port";
import type { WorkbookSession } from "../app/session";
import { usePrefs } from "./prefs";

const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Hands `bytes` to the browser as a downloaded .xlsx file named `name`. */
export function saveXlsxAs(name: string, bytes: Uint8Array): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: XLSX_MIME }));
  const a = document.createElement("a");
  a.href = url;
  a.download = /\.xlsx$/i.test(name) ? name : `${name}.xlsx`;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const tracked = new WeakSet<WorkbookSession>();

/** The session with its port's writes reported to onWrite (after each write, done or failed). */
export function trackWrites(session: WorkbookSession, onWrite: () => void): WorkbookSession {
  if (tracked.has(session) || !session.exportBytes) return session;
  const inner = session.port;
  const port: WorkbookPort = {
    readGrids: (options) => inner.readGrids(options),
    listSheets: () => inner.listSheets(),
    // a failed write may still have changed the workbook in memory: it counts as a change too
    writeSheets: async (spec, policy, options) => {
      try {
        await inner.writeSheets(spec, policy, options);
      } finally {
        onWrite();
      }
    },
    appendRows: async (sheet, firstRow, rows) => {
      try {
        await inner.appendRows(sheet, firstRow, rows);
      } finally {
        onWrite();
      }
    },
    rewriteRow: async (sheet, row, cells, expect) => {
      try {
        await inner.rewriteRow(sheet, row, cells, expect);
      } finally {
        onWrite();
      }
    },
    removeRow: async (sheet, row, expect) => {
      try {
        await inner.removeRow(sheet, row, expect);
      } finally {
        onWrite();
      }
    },
  };
  const wrapped: WorkbookSession = { ...session, port };
  tracked.add(wrapped);
  return wrapped;
}

export interface SaveApi {
  /** Downloads the workbook as it is now (and marks it saved). */
  download(): Promise<void>;
  /** Written since opened or last downloaded. */
  readonly unsaved: boolean;
}

export const SaveContext = createContext<SaveApi | undefined>(undefined);

/** A download button for a message that says to download; nothing where the workbook is not a file. */
export function DownloadAction({ testId = "message-download" }: { testId?: string }) {
  const api = useContext(SaveContext);
  const { t } = usePrefs();
  if (!api) return null;
  return (
    <Button size="small" appearance="primary" icon={<ArrowDownloadRegular />} onClick={() => void api.download()} data-testid={testId}>
      {t("downloadNow")}
    </Button>
  );
}
