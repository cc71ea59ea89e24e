/** Standalone mode: a .xlsx file in the browser (or in node) as a session whose bytes can be downloaded. */
import type { WorkbookPort } from "../../app/port";
import type { WorkbookSession } from "../../app/session";
import { XlsxWorkbook } from "./xlsx-workbook";

/** A new workbook filled through its port, as the bytes of an .xlsx file (the UI downloads them). */
export async function newFileBytes(fill: (port: WorkbookPort) => Promise<void>): Promise<Uint8Array> {
  const book = XlsxWorkbook.empty();
  await fill(book);
  return book.toBytes();
}

function sessionOf(book: XlsxWorkbook, title: string): WorkbookSession {
  return { port: book, title, exportBytes: () => book.toBytes(), newWorkbook: newFileBytes };
}

export async function openFileSession(name: string, bytes: Uint8Array): Promise<WorkbookSession> {
  return sessionOf(await XlsxWorkbook.open(bytes), name);
}

export async function newFileSession(name: string): Promise<WorkbookSession> {
  return sessionOf(XlsxWorkbook.empty(), name);
}

/** Fetches the bundled sample from next to the page. */
export async function sampleSession(url: string): Promise<WorkbookSession> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return openFileSession(url.split("/").pop() ?? url, new Uint8Array(await res.arrayBuffer()));
}
