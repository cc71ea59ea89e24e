/**
 * What the task pane works on: a workbook behind the port, and what its host can do with it. Hosts say
 * what they can do (capabilities), so the UI never asks which host it runs in.
 */
import type { WorkbookPort } from "./port";

export interface WorkbookSession {
  readonly port: WorkbookPort;
  /** The file name; undefined for the workbook open in Excel, which the UI names in its own words. */
  readonly title?: string;
  /** Present where the workbook lives outside Excel (a file in the browser): its bytes, for download. */
  readonly exportBytes?: () => Promise<Uint8Array>;
}

/** The composition root (taskpane/index.tsx) gives the UI these; tests give it their own. */
export interface HostServices {
  /** The workbook open in Excel, or undefined in a plain browser (standalone mode). */
  readonly current: WorkbookSession | undefined;
  /** Opens .xlsx bytes as a session (standalone mode). */
  openFile(name: string, bytes: Uint8Array): Promise<WorkbookSession>;
  /** A new, empty workbook to write the template into (standalone mode). */
  newFile(name: string): Promise<WorkbookSession>;
  /** The bundled sample, fetched from next to the page. */
  loadSample(): Promise<WorkbookSession>;
}
