/**
 * @jest-environment jsdom
 */
/** The task pane in jsdom, over the same counting fake of Excel the host tests use. */
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import type { HostActivity, WorkbookSession } from "../../src/app/session";
import { OfficeWorkbook } from "../../src/hosts/office/office-workbook";
import { PAGES } from "../../src/taskpane/App";
import { CATALOGUE } from "../../src/taskpane/i18n";
import { readPlanWorkbook } from "../../src/workbook/read";
import { loadSeed000 } from "../../tools/build-sample";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { XlsxWorkbook } from "../../src/hosts/xlsx/xlsx-workbook";
import { plainMessage } from "../../src/taskpane/ErrorBar";
import { FakeExcel } from "../support/fake-excel";
import { mount, sampleExcel, services } from "../support/taskpane";
import { expectWithinBudget, trips } from "../support/budget";

const seed = loadSeed000();
const SAMPLE = join(__dirname, "..", "..", "samples", "nasameng-2566-2570.xlsx");

/** An OLE compound file header (Office 97–2003), with the encrypted package's stream name when asked. */
function oleFile(encrypted: boolean): Uint8Array {
  const bytes = new Uint8Array(4096);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  if (encrypted) bytes.set([..."EncryptedPackage"].flatMap((c) => [c.charCodeAt(0), 0]), 1024);
  return bytes;
}

async function excelWithSample(): Promise<FakeExcel> {
  const excel = await sampleExcel();
  excel.syncCount = 0;
  return excel;
}

function excelSession(excel: FakeExcel): WorkbookSession {
  return { port: new OfficeWorkbook(excel.run, excel.supports) };
}



const value = (root: HTMLElement, selector: string) => Number(root.querySelector(selector)?.getAttribute("data-value"));

describe("task pane in Excel", () => {
  it("opens on the dashboard of the workbook with one read (its fixed round trips, within the payload budget)", async () => {
    const excel = await excelWithSample();
    mount(services(excelSession(excel)));
    const dashboard = await screen.findByTestId("dashboard");
    expect(excel.syncCount).toBe(trips(excel).read);
    expectWithinBudget(excel);
    const dim1 = within(dashboard).getByTestId("dimension-1");
    expect([value(dim1, '[data-count="project"]'), value(dim1, '[data-count="activity"]'), value(dim1, '[data-count="measure"]'), value(dim1, '[data-count="items"]')]).toEqual([8, 2, 1, 11]);
    const total = within(dashboard).getByTestId("dimension-total");
    expect(value(total, '[data-count="items"]')).toBe(seed.items.length);
    for (const y of [2566, 2567, 2568, 2569, 2570]) {
      expect(value(total, `[data-budget-year="${y}"]`)).toBe(seed.items.reduce((s, it) => s + (it.budgets[String(y)] ?? 0), 0));
    }
    expect(screen.getByText("องค์การบริหารส่วนตำบลนาสะเม็ง")).toBeTruthy();
    expect(screen.queryByTestId("download")).toBeNull();
  });

  it("switches to English and to Thai digits", async () => {
    mount(services(excelSession(await excelWithSample())));
    await screen.findByTestId("dashboard");
    expect(screen.getByTestId("tab-overview").textContent).toBe("ภาพรวม");
    fireEvent.click(screen.getByTestId("lang-toggle"));
    expect(screen.getByTestId("tab-overview").textContent).toBe("Overview");
    expect(document.documentElement.lang).toBe("en");
    fireEvent.click(screen.getByTestId("tab-settings"));
    fireEvent.click(screen.getByLabelText("Thai digits (๑๒๓)"));
    fireEvent.click(screen.getByTestId("tab-overview"));
    const total = await screen.findByTestId("dimension-total");
    expect(total.querySelector('[data-count="items"]')?.textContent).toBe("๓๙");
    expect(total.querySelector('[data-budget-year="2566"]')?.textContent).toBe("๒๐,๐๐๐");
  });

  it("says plainly which pages are not built yet (none is, today)", async () => {
    mount(services(excelSession(await excelWithSample())));
    await screen.findByTestId("dashboard");
    for (const page of PAGES as readonly { id: string; comingWith?: string }[]) {
      fireEvent.click(screen.getByTestId(`tab-${page.id}`));
      if (page.comingWith) expect(screen.getByTestId("not-built").textContent).toContain("หน้านี้ยังไม่พร้อมใช้งาน");
      else expect(screen.queryByTestId("not-built")).toBeNull();
    }
  });

  it("offers to create the template in a workbook without it, and keeps the user's own sheet", async () => {
    const excel = new FakeExcel();
    excel.setCell("งบของฉัน", "A1", { value: "ห้ามลบ" });
    mount(services(excelSession(excel)));
    await screen.findByTestId("not-template");
    fireEvent.change(screen.getByLabelText(/ชื่อหน่วยงาน/), { target: { value: "อบต.ทดสอบ" } });
    fireEvent.change(screen.getByLabelText(/อำเภอ/), { target: { value: "เมือง" } });
    fireEvent.change(screen.getByLabelText(/จังหวัด/), { target: { value: "ลำพูน" } });
    fireEvent.change(screen.getByLabelText(/ปีเริ่มต้นแผน/), { target: { value: "2023" } });
    fireEvent.click(screen.getByTestId("create-template"));
    expect(await screen.findByText(/2023 เป็นปี ค.ศ. — ใช้ปี พ.ศ. 2566/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText(/ปีเริ่มต้นแผน/), { target: { value: "2567" } });
    fireEvent.click(screen.getByTestId("create-template"));
    const dashboard = await screen.findByTestId("dashboard");
    expect(within(dashboard).getByTestId("period").getAttribute("data-first")).toBe("2567");
    expect(excel.sheet("งบของฉัน")?.cells.get("A1")?.value).toBe("ห้ามลบ");
    expect(excel.sheet("แผนปฏิบัติการ")).toBeDefined();
  });

  it("asks before replacing a sheet of the same name, and replaces nothing on cancel", async () => {
    const excel = new FakeExcel();
    excel.setCell("_lists", "A1", { value: "รายการของฉัน" });
    mount(services(excelSession(excel)));
    await screen.findByTestId("not-template");
    fireEvent.change(screen.getByLabelText(/ชื่อหน่วยงาน/), { target: { value: "อบต.ทดสอบ" } });
    fireEvent.change(screen.getByLabelText(/อำเภอ/), { target: { value: "เมือง" } });
    fireEvent.change(screen.getByLabelText(/จังหวัด/), { target: { value: "ลำพูน" } });
    fireEvent.click(screen.getByTestId("create-template"));
    // the dialog's text is broken into words (ThaiText: one element per Thai word), so it is read whole
    const conflictText = () => document.getElementById("conflict-body")?.textContent;
    await waitFor(() => expect(conflictText()).toMatch(/แผ่นงานต่อไปนี้มีอยู่แล้ว: _lists/));
    // replacing is the risky choice: the dialog opens on ยกเลิก, and cancelling gives focus back to the create button
    await waitFor(() => expect(document.activeElement?.textContent).toBe("ยกเลิก"));
    fireEvent.click(screen.getByText("ยกเลิก"));
    await waitFor(() => expect(conflictText()).toBeUndefined());
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId("create-template")));
    expect(excel.sheets.map((s) => s.name)).toEqual(["_lists"]);
    fireEvent.click(screen.getByTestId("create-template"));
    fireEvent.click(await screen.findByTestId("confirm-replace"));
    await screen.findByTestId("dashboard");
    const grids = await new OfficeWorkbook(excel.run, excel.supports).readGrids();
    expect(readPlanWorkbook(grids).workbook.settings.orgName).toBe("อบต.ทดสอบ");
  });
});

describe("task pane in a browser (standalone)", () => {
  it("starts on the start page and opens the sample", async () => {
    const excel = await excelWithSample();
    mount(services(undefined, excelSession(excel)));
    expect(screen.getByTestId("start")).toBeTruthy();
    await act(async () => fireEvent.click(screen.getByTestId("open-sample")));
    expect(await screen.findByTestId("dashboard")).toBeTruthy();
  });

  it("opens the sample at start when asked (npm start)", async () => {
    mount(services(undefined, excelSession(await excelWithSample())), true);
    expect(await screen.findByTestId("dashboard")).toBeTruthy();
  });

  it("explains a file that cannot be opened, in Thai, with details", async () => {
    mount(services(undefined));
    const input = screen.getByTestId("file-input") as HTMLInputElement;
    const file = new File(["hello"], "notes.xlsx");
    Object.defineProperty(file, "arrayBuffer", { value: async () => new ArrayBuffer(5) });
    await act(async () => fireEvent.change(input, { target: { files: [file] } }));
    const error = await screen.findByTestId("error");
    expect(error.textContent).toContain("เปิดแฟ้มนี้ไม่ได้");
    expect(error.textContent).toContain("ไม่ใช่ไฟล์ .xlsx");
    expect(error.textContent).toContain("รายละเอียดสำหรับผู้ดูแลระบบ");
    // the start page stays under the error
    expect(screen.getByTestId("start")).toBeTruthy();
    fireEvent.click(within(error).getByText("ปิดข้อความนี้"));
    expect(screen.queryByTestId("error")).toBeNull();
    expect(screen.getByTestId("start")).toBeTruthy();
  });

  it.each([
    ["a damaged .xlsx (cut short)", "แผน.xlsx", () => new Uint8Array(readFileSync(SAMPLE)).slice(0, 20_000)],
    ["an old .xls", "แผน.xls", () => oleFile(false)],
    ["an encrypted .xlsx", "แผน.xlsx", () => oleFile(true)],
    ["an empty file", "แผน.xlsx", () => new Uint8Array(0)],
    ["a text file", "แผน.xlsx", () => new Uint8Array(Buffer.from("มิติ\tภารกิจ", "utf8"))],
  ])("%s: the core's Thai sentence and what to do, with the start page still there; the next file opens", async (_, name, make) => {
    const bytes = make();
    // the sentence is the core's own (hosts/xlsx), not a copy in the pane
    const core = await XlsxWorkbook.open(bytes).then(() => "", (e: unknown) => plainMessage(e, "th"));
    expect(core).toMatch(/[\u0e00-\u0e7f]/);
    mount(services(undefined, excelSession(await excelWithSample())));
    const input = screen.getByTestId("file-input") as HTMLInputElement;
    const file = new File([bytes as BlobPart], name);
    Object.defineProperty(file, "arrayBuffer", { value: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) });
    await act(async () => fireEvent.change(input, { target: { files: [file] } }));
    const error = await screen.findByTestId("error");
    expect(within(error).getByTestId("error-message").textContent).toBe(core);
    expect(within(error).getByTestId("error-hint").textContent).toContain("บันทึกเป็น .xlsx");
    expect(error.textContent).not.toMatch(/Corrupted zip|end of central directory|TypeError|undefined/);
    expect(screen.getByTestId("start")).toBeTruthy();
    await act(async () => fireEvent.click(screen.getByTestId("open-sample")));
    expect(await screen.findByTestId("dashboard")).toBeTruthy();
    expect(screen.queryByTestId("error")).toBeNull();
  });
});

describe("the string catalogue", () => {
  it("has every string in Thai and English", () => {
    // the Thai abbreviations อ./จ. before a district/province have no English counterpart
    const mayBeEmpty = new Set(["districtShort", "provinceShort"]);
    for (const key of Object.keys(CATALOGUE.th) as (keyof typeof CATALOGUE.th)[]) {
      expect(CATALOGUE.th[key].length > 0).toBe(true);
      if (!mayBeEmpty.has(key)) expect(CATALOGUE.en[key]).toBeTruthy();
    }
  });
  it("Thai strings are Thai", () => {
    const latinOnly = Object.entries(CATALOGUE.th).filter(([, v]) => v !== "" && !/[\u0e00-\u0e7f]/.test(v)).map(([k]) => k);
    expect(latinOnly).toEqual(["switchLanguage", "switchLanguageShort"]);
  });
});

describe("how far a long read or write is", () => {
  it("shows a bar under the tabs while the host reports more round trips to come, in the pane's language, and takes it away at the end", async () => {
    const excel = await excelWithSample();
    let emit: (a: HostActivity) => void = () => undefined;
    const session: WorkbookSession = {
      ...excelSession(excel),
      activity: (listener) => {
        emit = listener;
        return () => { emit = () => undefined; };
      },
    };
    mount(services(session));
    await screen.findByTestId("dashboard");
    expect(screen.queryByTestId("activity")).toBeNull();
    act(() => emit({ kind: "read", done: 45_000, total: 100_000, finished: false }));
    expect(screen.getByTestId("activity").textContent).toBe("กำลังอ่านสมุดงาน 45%");
    act(() => emit({ kind: "write", done: 4, total: 12, finished: false }));
    expect(screen.getByTestId("activity").textContent).toBe("กำลังเขียนลงสมุดงาน รอบที่ 4 จาก 12");
    expect(within(screen.getByTestId("activity")).getByRole("progressbar").getAttribute("aria-valuenow")).toBe("4");
    // a short write (list, write, events back on) is over before a bar helps: none
    act(() => emit({ kind: "write", done: 2, total: 3, finished: false }));
    expect(screen.queryByTestId("activity")).toBeNull();
    act(() => emit({ kind: "write", done: 12, total: 12, finished: true }));
    expect(screen.queryByTestId("activity")).toBeNull();
  });

  it("the Excel host reports a read of several bands as it goes, ending with a finished report", async () => {
    const excel = new FakeExcel();
    const seen: HostActivity[] = [];
    const port = new OfficeWorkbook(excel.run, excel.supports, (a) => seen.push(a));
    const rows = Array.from({ length: 30_000 }, (_, i) => [`แถวที่ ${i} ข้อความภาษาไทยสำหรับการทดสอบ`, i]);
    await port.writeSheets({ sheets: [{ name: "ข้อมูล", visibility: "visible", rows, columns: [{ width: 30 }, { width: 8 }], formattedRows: 0, freeze: { rows: 0, columns: 0 }, rowStyles: [], validations: [], cellFormats: [] }], names: [] }, "refuse");
    expect(seen.filter((a) => a.kind === "write").length).toBeGreaterThan(2);
    seen.length = 0;
    await port.readGrids();
    const reads = seen.filter((a) => a.kind === "read");
    expect(reads.length).toBeGreaterThan(2);
    expect(reads.map((a) => a.done)).toEqual([...reads.map((a) => a.done)].sort((a, b) => a - b));
    expect(reads.at(-1)).toEqual({ kind: "read", done: 60_000, total: 60_000, finished: true });
    expect(reads.slice(0, -1).every((a) => !a.finished)).toBe(true);
  });
});
