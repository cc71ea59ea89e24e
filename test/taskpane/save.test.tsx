/**
 * @jest-environment jsdom
 */
/**
 * Nothing lost in the browser: a file opened in the pane lives in the page until downloaded. The pane says
 * when it holds changes not downloaded, asks before the tab closes, and every message that says to
 * download carries the button to do it.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { openFileSession } from "../../src/hosts/xlsx/file-session";
import { mount, services } from "../support/taskpane";

const SAMPLE = join(__dirname, "..", "..", "samples", "nasameng-2566-2570.xlsx");

function leaving(): boolean {
  const event = new Event("beforeunload", { cancelable: true });
  window.dispatchEvent(event);
  return event.defaultPrevented;
}

let downloads: string[] = [];
beforeEach(() => {
  downloads = [];
  Object.assign(URL, { createObjectURL: () => "blob:sujarit", revokeObjectURL: () => undefined });
  jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push(this.download);
  });
});
afterEach(() => jest.restoreAllMocks());

it("a file just opened has nothing unsaved: a labelled download button, no warning, leaving is not held up", async () => {
  mount(services(undefined, await openFileSession("nasameng.xlsx", new Uint8Array(readFileSync(SAMPLE)))), true);
  await screen.findByTestId("dashboard", undefined, { timeout: 10_000 });
  const button = screen.getByTestId("download");
  expect(button.textContent).toBe("ดาวน์โหลด");
  expect(button.getAttribute("data-unsaved")).toBe("false");
  expect(screen.queryByTestId("unsaved")).toBeNull();
  expect(leaving()).toBe(false);
});

it("after a write the pane says so, asks before leaving, and the message's own button downloads; then all is saved", async () => {
  mount(services(undefined, await openFileSession("nasameng.xlsx", new Uint8Array(readFileSync(SAMPLE)))), true);
  await screen.findByTestId("dashboard", undefined, { timeout: 10_000 });
  fireEvent.click(screen.getByTestId("tab-risks"));
  const generate = await screen.findByTestId("generate-report", undefined, { timeout: 10_000 });
  await waitFor(() => expect((generate as HTMLButtonElement).disabled).toBe(false));
  await act(async () => {
    fireEvent.click(generate);
  });
  const status = await screen.findByTestId("risks-status", undefined, { timeout: 10_000 });
  expect(status.textContent).toContain("ดาวน์โหลดแฟ้ม");
  const unsaved = await screen.findByTestId("unsaved");
  expect(unsaved.textContent).toContain("ยังไม่ได้ดาวน์โหลด");
  expect(screen.getByTestId("download").getAttribute("data-unsaved")).toBe("true");
  expect(leaving()).toBe(true);

  await act(async () => {
    fireEvent.click(within(status).getByTestId("message-download"));
  });
  await waitFor(() => expect(screen.queryByTestId("unsaved")).toBeNull());
  expect(downloads).toEqual(["nasameng.xlsx"]);
  expect(screen.getByTestId("download").getAttribute("data-unsaved")).toBe("false");
  expect(leaving()).toBe(false);
});

it("a new workbook made in the pane is unsaved from its first write", async () => {
  const bytes = new Uint8Array(readFileSync(SAMPLE));
  const s = services(undefined);
  mount({ ...s, newFile: async () => (await import("../../src/hosts/xlsx/file-session")).newFileSession("แผนปฏิบัติการ.xlsx"), loadSample: () => openFileSession("x.xlsx", bytes) });
  fireEvent.click(screen.getByTestId("new-workbook"));
  fireEvent.change(await screen.findByLabelText(/ชื่อหน่วยงาน/), { target: { value: "อบต.ทดสอบ" } });
  fireEvent.change(screen.getByLabelText(/อำเภอ/), { target: { value: "เมือง" } });
  fireEvent.change(screen.getByLabelText(/จังหวัด/), { target: { value: "ลำพูน" } });
  fireEvent.change(screen.getByLabelText(/ปีเริ่มต้นแผน/), { target: { value: "2567" } });
  await act(async () => {
    fireEvent.click(screen.getByTestId("create-template"));
  });
  await screen.findByTestId("dashboard", undefined, { timeout: 10_000 });
  expect(await screen.findByTestId("unsaved")).toBeTruthy();
  expect(leaving()).toBe(true);
});
