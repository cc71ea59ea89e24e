/**
 * What the task pane works on: a workbook behind the port, and what its host can do with it. Hosts say
 * what they can do (capabilities), so the UI never asks which host it runs in.
 */
import type { CellLocation, Severity } from "../domain/findings";
import type { CellValue } from "../workbook/grid";
import type { WorkbookPort } from "./port";

/** A cell (or area) the checks found a problem in, to be marked in the workbook. */
export interface CellMark {
  readonly sheet: string;
  /** A1 address of a cell or an area. */
  readonly range: string;
  /** The worst severity found there; it decides the colour. */
  readonly severity: Severity;
  /**
   * The value the (single) cell held when it was checked. A host that can should make the mark vanish
   * by itself as soon as the cell holds something else; absent, the mark stays until the next check.
   */
  readonly value?: CellValue;
}

/** A read or write of the workbook under way, where the host needs several round trips for it (Excel). */
export interface HostActivity {
  readonly kind: "read" | "write";
  /** Steps done of `total` (cells read, or round trips of a write). */
  readonly done: number;
  readonly total: number;
  /** True once it has finished (or failed). */
  readonly finished: boolean;
}

export interface WorkbookSession {
  readonly port: WorkbookPort;
  /** The file name; undefined for the workbook open in Excel, which the UI names in its own words. */
  readonly title?: string;
  /** Present where the workbook lives outside Excel (a file in the browser): its bytes, for download. */
  readonly exportBytes?: () => Promise<Uint8Array>;
  /**
   * Present where the workbook is on the user's screen (Excel): shows the location there (activates
   * its sheet and selects the cell or row). Without it, the UI shows the location itself.
   */
  readonly reveal?: (location: CellLocation) => Promise<void>;
  /**
   * Present where marks can be put on cells without touching their values or the user's formatting
   * (Excel conditional formats): removes the marks of the previous check from `sheets` and puts these.
   */
  readonly highlight?: (marks: readonly CellMark[], sheets: readonly string[]) => Promise<void>;
  /**
   * Present where the user edits the workbook while the pane is open (Excel): calls onChange after
   * each change of a sheet (not Sujarit's own writes). Returns the function that stops watching.
   */
  readonly watch?: (onChange: () => void) => () => void;
  /**
   * Present where reading or writing the workbook can take several round trips (Excel): calls the
   * listener as they go, so the UI can show how far a long action is. Returns the unsubscribe function.
   */
  readonly activity?: (listener: (activity: HostActivity) => void) => () => void;
  /**
   * Present where the host can hand the user a second workbook made here (the report alone, to print whole:
   * issue 13): `fill` writes into an empty workbook through its port. A file in the browser gives the new
   * file's bytes, for the UI to download; Excel opens it as a new workbook of its own (Excel.createWorkbook,
   * ExcelApi 1.8) and answers "opened".
   */
  readonly newWorkbook?: (fill: (port: WorkbookPort) => Promise<void>) => Promise<Uint8Array | "opened">;
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
