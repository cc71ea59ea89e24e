/** The one place that touches the `Excel` and `Office` globals, and so the one place that detects the host. */
import type { WorkbookSession } from "../../app/session";
import type { BatchRunner, RequirementCheck } from "./excel-subset";
import { officeSession } from "./office-session";
import { OfficeWorkbook } from "./office-workbook";

/**
 * Safety net only: outside Office, office.js resolves `Office.onReady` at once with `host: null`
 * (standalone mode); this covers an office.js that loaded but never reports ready.
 */
const OFFICE_READY_TIMEOUT_MS = 10_000;

/**
 * Resolves with whether the page runs inside Excel. False when office.js is absent (CDN unreachable,
 * plain browser) or reports another host.
 */
export async function runsInExcel(): Promise<boolean> {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") return false;
  const info = await new Promise<{ host: unknown } | undefined>((resolve) => {
    const timer = setTimeout(() => resolve(undefined), OFFICE_READY_TIMEOUT_MS);
    Office.onReady().then(
      (i) => { clearTimeout(timer); resolve(i as { host: unknown }); },
      () => { clearTimeout(timer); resolve(undefined); },
    );
  });
  return info?.host === Office.HostType.Excel && typeof Excel !== "undefined";
}

// No casts of the context: test/hosts/office/excel-subset.types.ts proves Excel.RequestContext is an XContext.
const runBatch: BatchRunner = (batch, within) =>
  within
    ? // an existing context (removing an event handler must happen in the context that added it)
      Excel.run(within as OfficeExtension.ClientRequestContext, batch)
    : // delayForCellEdit: wait for the user to leave cell-edit mode instead of failing the batch
      Excel.run({ delayForCellEdit: true }, batch);

const supportsExcelApi: RequirementCheck = (version) => Office.context.requirements.isSetSupported("ExcelApi", version);

export function excelWorkbook(): OfficeWorkbook {
  return new OfficeWorkbook(runBatch, supportsExcelApi);
}

/** The workbook open in Excel as the task pane's session (call after Office.onReady). */
export function excelSession(): WorkbookSession {
  // Excel.createWorkbook opens a second workbook (the report alone, to print whole): ExcelApi 1.8
  const createWorkbook = Office.context.requirements.isSetSupported("ExcelApi", "1.8") ? (base64: string) => Excel.createWorkbook(base64) : undefined;
  return officeSession(runBatch, supportsExcelApi, createWorkbook);
}
