/**
 * @jest-environment jsdom
 */
/**
 * The รายงาน page in jsdom over the counting Excel fake: the round's figures equal the core's, the errors
 * that would make the report wrong are shown before generating, generating writes every report sheet in
 * a constant number of syncs, a draft is said to be one, and a user's sheet of a report's name is only
 * replaced once the box is ticked.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { openFileSession } from "../../src/hosts/xlsx/file-session";
import { XlsxWorkbook } from "../../src/hosts/xlsx/xlsx-workbook";
import { sheetsNamedIn } from "../../src/workbook/reports/report-only";
import { generatedSheets } from "../../src/app/generated";
import { REPORT_SHEET_NAMES } from "../../src/app/report";
import { officeSession } from "../../src/hosts/office/office-session";
import { OfficeWorkbook } from "../../src/hosts/office/office-workbook";
import { summarizeRound } from "../../src/domain/progress/round";
import { baht, fiscalYear } from "../../src/domain/units";
import { readMeta } from "../../src/workbook/read";
import { describeWorkbook } from "../../src/workbook/write";
import { loadSeed000, sampleModel } from "../../tools/build-sample";
import type { WorkbookPort } from "../../src/app/port";
import { FakeExcel, setsUpTo } from "../support/fake-excel";
import { mount, sampleExcel, services } from "../support/taskpane";
import { expectSyncsAfterOwnWrite, expectWithinBudget, trips } from "../support/budget";

const sample = sampleModel(loadSeed000());

async function ready(): Promise<HTMLElement> {
  const page = await screen.findByTestId("reports");
  await waitFor(() => expect(page.getAttribute("data-ready")).toBe("true"), { timeout: 15_000 });
  return page;
}

async function openReports(excel: FakeExcel): Promise<HTMLElement> {
  mount(services(officeSession(excel.run, excel.supports)));
  await screen.findByTestId("dashboard");
  fireEvent.click(screen.getByTestId("tab-reports"));
  return ready();
}

const rowText = (el: HTMLElement) => [...el.querySelectorAll("th,td")].map((c) => c.textContent);

describe("the รายงาน page in Excel", () => {
  it("shows the settings' round with the core's figures, no errors but the gaps, and the sheets the report holds; one read", async () => {
    const excel = await sampleExcel();
    const page = await openReports(excel);
    const expected = summarizeRound(sample, fiscalYear(2567), 6);
    expect((within(page).getByTestId("report-fy") as HTMLSelectElement).value).toBe("2567");
    const total = within(page).getByTestId("report-total");
    expect(rowText(total)).toEqual([
      "รวม", String(expected.total.items), String(expected.total.byStatus.done), String(expected.total.byStatus.inProgress),
      String(expected.total.byStatus.notReported + expected.total.byStatus.notStarted), "19,300.50", expected.total.implementationScore.toFixed(2),
    ]);
    // no errors, but gaps (35 items not reported, a sample-data signer): listed, and the report will be a draft
    expect(within(page).queryByTestId("report-no-errors")).toBeNull();
    expect(within(page).getByTestId("report-gaps").textContent).toContain("ยังไม่ได้รายงานผลรอบ 6 เดือน 35 รายการ");
    expect(within(page).getByTestId("generate-reports").textContent).toBe("สร้างรายงานฉบับร่าง");
    // no project cards unless asked for, no ITA appendix without ITA measures
    expect(within(within(page).getByTestId("report-sheets")).getAllByRole("listitem")).toHaveLength(REPORT_SHEET_NAMES.length - 2);
    fireEvent.click(within(page).getByTestId("report-cards"));
    expect(within(within(page).getByTestId("report-sheets")).getAllByRole("listitem")).toHaveLength(REPORT_SHEET_NAMES.length - 1);
    // an appendix the official report does not have can be left out: it leaves the list (issue 13)
    const risk = within(page).getByTestId("report-appendix-risk") as HTMLInputElement;
    expect(risk.checked).toBe(true);
    fireEvent.click(risk);
    const listed = within(within(page).getByTestId("report-sheets")).getAllByRole("listitem").map((li) => li.textContent ?? "");
    expect(listed).toHaveLength(REPORT_SHEET_NAMES.length - 2);
    expect(listed.some((t) => t.includes("การประเมินความเสี่ยง"))).toBe(false);
  });

  it("generates every report sheet in 3 syncs (read, then write), inputs untouched; the round can be changed", async () => {
    const excel = await sampleExcel();
    const page = await openReports(excel);
    fireEvent.click(within(page).getByLabelText("รอบ 12 เดือน (ต.ค.–ก.ย.)"));
    await ready();
    const before = excel.syncCount;
    fireEvent.click(within(page).getByTestId("generate-reports"));
    const status = await within(page).findByTestId("reports-status", {}, { timeout: 15_000 });
    // eleven sheets with the คำนำ; six gaps: items not reported, the sample signer, position and phone, no report date,
    // the risk register's sample data
    expect(status.textContent).toBe("สร้างรายงาน 11 แผ่นงานในสมุดงานแล้ว รายงานเป็นฉบับร่าง เพราะข้อมูลยังไม่ครบ 6 เรื่อง");
    // generate (read + write = 3) then the preview read again (1)
    await ready();
    expectSyncsAfterOwnWrite(excel, excel.syncCount - before, 2 * trips(excel).read + trips(excel).write); // read, write, the page reads again
    expectWithinBudget(excel, before);
    const grids = await new OfficeWorkbook(excel.run, excel.supports).readGrids();
    expect(generatedSheets(grids).sort()).toEqual(REPORT_SHEET_NAMES.filter((n) => n !== "บัตรโครงการ" && n !== "ผลมาตรการ ITA").sort());
    expect([readMeta(grids).get("report.fy"), readMeta(grids).get("report.round")]).toEqual(["2567", "12"]);
    // the sheets can be shown in Excel now
    fireEvent.click(within(page).getByLabelText("ไปที่แผ่นงาน ปก"));
    await waitFor(() => expect(excel.activeSheet).toBe("ปก"));
  });

  it("lists the errors that would make the report wrong, and makes a draft on request", async () => {
    const excel = new FakeExcel();
    const bad = { ...sample, progress: sample.progress.map((p, i) => (i === 0 ? { ...p, ordinanceAmount: baht(1000), disbursed: baht(50_000) } : p)) };
    await new OfficeWorkbook(excel.run, excel.supports).writeSheets(describeWorkbook(bad, { createdAt: new Date(0) }), "refuse");
    const page = await openReports(excel);
    const errors = within(page).getByTestId("report-errors");
    expect(Number(errors.dataset.count)).toBeGreaterThan(0);
    expect(errors.textContent).toContain("ฉบับร่าง");
    const button = within(page).getByTestId("generate-reports");
    expect(button.textContent).toBe("สร้างรายงานฉบับร่าง");
    fireEvent.click(button);
    expect((await within(page).findByTestId("reports-status", {}, { timeout: 15_000 })).textContent).toMatch(/ฉบับร่าง เพราะยังมีข้อผิดพลาด/);
    const grids = await new OfficeWorkbook(excel.run, excel.supports).readGrids();
    expect(String(grids.sheets.find((s) => s.name === "ส่วนที่1 แผน")?.rows[0]?.[0])).toMatch(/^ฉบับร่าง/);
  });

  it("leaves a user's sheet of a report's name alone until the box is ticked", async () => {
    const excel = await sampleExcel();
    excel.setCell("สารบัญ", "A1", { value: "สารบัญของฉัน" });
    const page = await openReports(excel);
    expect(within(page).getByTestId("report-user-sheets").textContent).toContain("สารบัญ");
    const button = within(page).getByTestId("generate-reports") as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    const box = within(page).getByTestId("replace-user-sheets");
    fireEvent.click(box.tagName === "INPUT" ? box : (box.querySelector("input") as HTMLInputElement));
    await waitFor(() => expect(button.disabled).toBe(false));
    fireEvent.click(button);
    await within(page).findByTestId("reports-status", {}, { timeout: 15_000 });
    const grids = await new OfficeWorkbook(excel.run, excel.supports).readGrids();
    expect(grids.sheets.find((s) => s.name === "สารบัญ")?.rows.flat()).not.toContain("สารบัญของฉัน");
  });

  it("shows how far a write of several round trips is, and takes the bar away when done", async () => {
    const excel = await sampleExcel();
    const base = officeSession(excel.run, excel.supports);
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => { release = r; });
    const port: WorkbookPort = {
      readGrids: (o) => base.port.readGrids(o),
      listSheets: () => base.port.listSheets(),
      appendRows: (sh, first, rows) => base.port.appendRows(sh, first, rows),
      rewriteRow: (...args) => base.port.rewriteRow(...args),
      removeRow: (...args) => base.port.removeRow(...args),
      writeSheets: async (spec, policy, options) => {
        options?.progress?.(2, 5); // as the Excel host reports a write of five round trips, two done
        await gate;
        return base.port.writeSheets(spec, policy, options);
      },
    };
    mount(services({ ...base, port }));
    await screen.findByTestId("dashboard");
    fireEvent.click(screen.getByTestId("tab-reports"));
    const page = await ready();
    fireEvent.click(within(page).getByTestId("generate-reports"));
    const bar = await within(page).findByTestId("write-progress", {}, { timeout: 15_000 }); // after the read that comes first
    expect(bar.textContent).toContain("ส่งข้อมูลไปยัง Excel แล้ว 2 จาก 5 รอบ");
    expect(within(bar).getByRole("progressbar").getAttribute("aria-valuenow")).toBe("2");
    release();
    await within(page).findByTestId("reports-status", {}, { timeout: 15_000 });
    expect(within(page).queryByTestId("write-progress")).toBeNull();
  });
});

/** The sheets of an .xlsx, in order, with how many formulas name a sheet that is not in the file. */
async function sheetsOf(bytes: Uint8Array): Promise<{ names: string[]; outside: number }> {
  const grids = await (await XlsxWorkbook.open(bytes)).readGrids();
  const names = grids.sheets.map((s) => s.name);
  const outside = grids.sheets.flatMap((s) => s.formulas ?? []).filter((f) => sheetsNamedIn(f.formula).some((n) => !names.includes(n))).length;
  return { names, outside };
}

/** jsdom's Blob has no arrayBuffer(): its FileReader does. */
const bufferOf = (blob: Blob) => new Promise<ArrayBuffer>((resolve, reject) => {
  const reader = new FileReader();
  reader.onload = () => resolve(reader.result as ArrayBuffer);
  reader.onerror = () => reject(reader.error);
  reader.readAsArrayBuffer(blob);
});

describe("the report alone, to print whole (issue 13)", () => {
  it("in Excel (ExcelApi 1.8): opened as a new workbook, the report sheets in order and nothing else; the open workbook untouched", async () => {
    const excel = await sampleExcel();
    excel.supported = setsUpTo("1.8"); // whatever the profile: the API that opens a new workbook
    const opened: string[] = [];
    mount(services(officeSession(excel.run, excel.supports, async (base64) => { opened.push(base64); })));
    await screen.findByTestId("dashboard");
    fireEvent.click(screen.getByTestId("tab-reports"));
    const page = await ready();
    expect(within(page).queryByTestId("report-only")).toBeNull(); // nothing to print before a report is made
    fireEvent.click(within(page).getByTestId("generate-reports"));
    await within(page).findByTestId("reports-status", {}, { timeout: 15_000 });
    await ready();
    const before = excel.syncCount;
    fireEvent.click(within(page).getByTestId("report-only"));
    const status = await within(page).findByTestId("report-only-status", {}, { timeout: 15_000 });
    expect(status.textContent).toBe("เปิดรายงานเป็นสมุดงานใหม่แล้ว — พิมพ์หรือส่งออกทั้งสมุดงานนั้นได้เลย");
    expect(opened).toHaveLength(1);
    const made = await sheetsOf(new Uint8Array(Buffer.from(opened[0] as string, "base64")));
    const listed = within(within(page).getByTestId("report-sheets")).getAllByRole("listitem").map((li) => (li.textContent ?? "").split("·")[0]?.trim());
    expect(made.names).toEqual(listed);
    expect(made.outside).toBe(0);
    expect(excel.syncCount).toBe(before); // built as a file and handed to Excel: no batch against the open workbook
  });

  it("not offered where Excel cannot open a new workbook (ExcelApi 1.7)", async () => {
    const excel = await sampleExcel();
    excel.supported = setsUpTo("1.7");
    mount(services(officeSession(excel.run, excel.supports, async () => undefined)));
    await screen.findByTestId("dashboard");
    fireEvent.click(screen.getByTestId("tab-reports"));
    const page = await ready();
    fireEvent.click(within(page).getByTestId("generate-reports"));
    await within(page).findByTestId("reports-status", {}, { timeout: 15_000 });
    await ready();
    expect(within(page).queryByTestId("report-only")).toBeNull();
  });

  it("in the browser: downloaded as a file named after the workbook, year and round", async () => {
    const blobs: Blob[] = [];
    const names: string[] = [];
    Object.assign(URL, { createObjectURL: (b: Blob) => { blobs.push(b); return "blob:sujarit"; }, revokeObjectURL: () => undefined });
    const click = jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) { names.push(this.download); });
    try {
      const session = await openFileSession("nasameng.xlsx", new Uint8Array(readFileSync(join(__dirname, "..", "..", "samples", "nasameng-2566-2570.xlsx"))));
      mount(services(session));
      await screen.findByTestId("dashboard");
      fireEvent.click(screen.getByTestId("tab-reports"));
      const page = await ready();
      fireEvent.click(within(page).getByTestId("generate-reports"));
      const made = await within(page).findByTestId("reports-status", {}, { timeout: 15_000 });
      // a draft says to download the workbook, and carries the button to do it
      expect(made.textContent).toContain("ดาวน์โหลดแฟ้ม");
      expect(within(made).getByTestId("message-download")).toBeTruthy();
      await ready();
      fireEvent.click(within(page).getByTestId("report-only"));
      const status = await within(page).findByTestId("report-only-status", {}, { timeout: 15_000 });
      expect(names).toEqual(["nasameng รายงาน ปีงบ 2567 รอบ 6 เดือน.xlsx"]);
      expect(status.textContent).toBe("ดาวน์โหลด nasameng รายงาน ปีงบ 2567 รอบ 6 เดือน.xlsx แล้ว — เปิดแล้วพิมพ์ทั้งแฟ้มได้เลย");
      const file = await sheetsOf(new Uint8Array(await bufferOf(blobs[0] as Blob)));
      expect(file.names[0]).toBe("บันทึกข้อความ");
      expect(file.names).not.toContain("แผน");
      expect(file.names).not.toContain("_meta");
      expect(file.outside).toBe(0);
    } finally {
      click.mockRestore();
    }
  });
});
