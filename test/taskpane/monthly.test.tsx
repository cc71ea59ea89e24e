/**
 * @jest-environment jsdom
 */
/**
 * The ผลรายเดือน page in jsdom over the counting Excel fake: a division's items, an item's figures for
 * the year (against values computed here from the sample), the checks as one types (no round trip),
 * saving one row below the sheet's last row in one write sync, never over or beside an existing month
 * without asking, rows typed in the sheet picked up after an edit, and merging division workbooks.
 */
import { act, configure, fireEvent, screen, waitFor, within } from "@testing-library/react";
import type { WorkbookPort } from "../../src/app/port";
import type { WorkbookSession } from "../../src/app/session";
import type { PlanWorkbook, ProgressEntry } from "../../src/domain/plan";
import { baht, fiscalYear, type PlanCode } from "../../src/domain/units";
import { officeSession } from "../../src/hosts/office/office-session";
import { XlsxWorkbook } from "../../src/hosts/xlsx/xlsx-workbook";
import type { Lang } from "../../src/taskpane/i18n";
import { LIVE_DEBOUNCE_MS } from "../../src/taskpane/pages/ChecksPage";
import { readPlanWorkbook } from "../../src/workbook/read";
import { describeWorkbook } from "../../src/workbook/write";
import { loadSeed000, sampleModel } from "../../tools/build-sample";
import type { FakeExcel } from "../support/fake-excel";
import { mount, sampleExcel, services } from "../support/taskpane";
import { expectSyncsAfterOwnWrite, trips } from "../support/budget";

// a whole pane in jsdom with Fluent's dropdowns and dialogs: several seconds a test alone, more on a busy machine
jest.setTimeout(90_000);
configure({ asyncUtilTimeout: 10_000 });

const SHEET = "ผลรายเดือน";
const sample = sampleModel(loadSeed000());
/** The sample's 8 monthly rows are sheet rows 2–9: the next row goes to 10. */
const NEXT_ROW = sample.progress.length + 2;

/** The Excel session, with its port counting the syncs each appendRows call costs. */
function countingSession(excel: FakeExcel): { session: WorkbookSession; writes: number[] } {
  const base = officeSession(excel.run, excel.supports);
  const writes: number[] = [];
  const port: WorkbookPort = {
    readGrids: (options) => base.port.readGrids(options),
    listSheets: () => base.port.listSheets(),
    writeSheets: (spec, policy, options) => base.port.writeSheets(spec, policy, options),
    appendRows: async (sheet, first, rows) => {
      const before = excel.syncCount;
      await base.port.appendRows(sheet, first, rows);
      writes.push(excel.syncCount - before);
    },
    rewriteRow: async (...args) => {
      const before = excel.syncCount;
      await base.port.rewriteRow(...args);
      writes.push(excel.syncCount - before);
    },
    removeRow: async (...args) => {
      const before = excel.syncCount;
      await base.port.removeRow(...args);
      writes.push(excel.syncCount - before);
    },
  };
  return { session: { ...base, port }, writes };
}

async function ready(): Promise<HTMLElement> {
  const page = await screen.findByTestId("monthly");
  await waitFor(() => expect(page.getAttribute("data-ready")).toBe("true"));
  return page;
}

async function openMonthly(session: WorkbookSession, lang: Lang = "th"): Promise<HTMLElement> {
  mount(services(session), false, lang);
  await screen.findByTestId("dashboard");
  fireEvent.click(screen.getByTestId("tab-monthly"));
  const page = await ready();
  await act(async () => undefined); // the watch subscription's sync
  return page;
}

function pick(page: HTMLElement, testId: string, option: string | RegExp): void {
  fireEvent.click(within(page).getByTestId(testId));
  fireEvent.click(screen.getByRole("option", { name: option }));
}

const items = (page: HTMLElement) => within(page).queryAllByTestId("monthly-item").map((b) => b.dataset.code);
const item = (page: HTMLElement, code: string) => within(page).getAllByTestId("monthly-item").find((b) => b.dataset.code === code) as HTMLElement;
const figure = (page: HTMLElement, id: string) => Number(within(page).getByTestId(id).dataset.value);
const findings = (page: HTMLElement) =>
  within(page).queryAllByTestId("draft-finding").map((li) => `${li.dataset.rule}@${li.dataset.field ?? "-"}`).sort();
const type = (page: HTMLElement, field: string, value: string) => fireEvent.change(within(page).getByTestId(`field-${field}`), { target: { value } });

/** What the sample says about an item in a fiscal year, computed here from the model (not by src/app/monthly). */
function expectedFigures(model: PlanWorkbook, code: string, fy: number) {
  const rows = model.progress.filter((p) => p.code === code && p.fy === fy);
  const allocations = rows.flatMap((r) => (r.ordinanceAmount === undefined ? [] : [r.ordinanceAmount]));
  return {
    planned: model.items.find((i) => i.code === code)?.budgets[fiscalYear(fy)] ?? 0,
    allocation: allocations.length ? Math.max(...allocations) : undefined,
    disbursed: Math.round(rows.reduce((s, r) => s + (r.disbursed ?? 0), 0) * 100) / 100,
  };
}

describe("the ผลรายเดือน page in Excel", () => {
  it("lists a unit's items for the report year, with the month's state; the figures are the sample's", async () => {
    const excel = await sampleExcel();
    const page = await openMonthly(officeSession(excel.run, excel.supports));
    // the settings' report year (2567) and the month after the latest reported (ธ.ค. → ม.ค.)
    expect(within(page).getByTestId("fy-filter").textContent).toBe("2567");
    expect(within(page).getByTestId("month-filter").textContent).toBe("ม.ค. 2567");
    expect(items(page)).toEqual(sample.items.map((i) => i.code));

    const owner = "กองคลัง องค์การบริหารส่วนตำบลนาสะเม็ง";
    pick(page, "owner-filter", new RegExp(`^${owner} \\(`));
    const expected = sample.items.filter((i) => i.owner.includes(owner)).map((i) => i.code);
    expect(expected).toEqual(["2.1.1", "2.1.3", "2.2.1", "2.2.4", "2.2.5"]); // the unit's own and those it shares
    expect(items(page)).toEqual(expected);
    expect(within(page).getByTestId("items-heading").textContent).toBe("5 รายการ · บันทึกผลเดือน ม.ค. 2567 แล้ว 0 รายการ");
    pick(page, "month-filter", "ธ.ค. 2566");
    expect(item(page, "2.1.3").dataset.reported).toBe("true");
    expect(item(page, "2.1.1").dataset.reported).toBe("false");

    pick(page, "owner-filter", /^ทุกหน่วยงาน/);
    expect(items(page)).toHaveLength(39);
    fireEvent.click(item(page, "1.1.3"));
    const detail = within(page).getByTestId("item-detail");
    const f = expectedFigures(sample, "1.1.3", 2567);
    expect(f).toEqual({ planned: 20000, allocation: 20000, disbursed: 19300.5 });
    expect([figure(detail, "fig-planned"), figure(detail, "fig-allocation"), figure(detail, "fig-disbursed"), figure(detail, "fig-remaining")])
      .toEqual([f.planned, f.allocation, f.disbursed, (f.allocation as number) - f.disbursed]);
    expect(within(detail).getByTestId("fig-disbursed").textContent).toBe("19,300.50");
    expect(within(detail).getByTestId("fig-share").textContent).toBe("เบิกจ่ายร้อยละ 96.5 ของวงเงินตามข้อบัญญัติ");
    expect(within(detail).getAllByTestId("history-row").map((r) => [r.dataset.month, r.dataset.row])).toEqual([["10", "2"], ["11", "3"], ["12", "4"]]);
    expect(item(page, "1.1.3").textContent).toContain("เบิกจ่ายสะสม 19,300.50 จาก 20,000 บาท");
  });

  it("checks the row as it is typed, on the model, without a round trip; the findings go when fixed", async () => {
    const excel = await sampleExcel();
    const page = await openMonthly(officeSession(excel.run, excel.supports));
    fireEvent.click(item(page, "1.1.3"));
    const syncs = excel.syncCount;
    // ม.ค. starts from ธ.ค.'s row: done, agency budget, 20,000 allocated, the dates: nothing to report yet
    expect(within(page).getByTestId("field-status").textContent).toBe("ดำเนินการแล้วเสร็จ");
    expect((within(page).getByTestId("field-ordinanceAmount") as HTMLInputElement).value).toBe("20000");
    expect((within(page).getByTestId("field-startDate") as HTMLInputElement).value).toBe("20/11/2566");
    expect(findings(page)).toEqual([]);
    expect(within(page).getByTestId("draft-summary").textContent).toBe("ไม่พบปัญหาในแถวนี้");

    type(page, "disbursed", "5,000");
    type(page, "progressPct", "80");
    await waitFor(() => expect(findings(page)).toEqual(["M4@disbursed", "M7@progressPct", "M8@status"]));
    const m4 = within(page).getAllByTestId("draft-finding").find((li) => li.dataset.rule === "M4") as HTMLElement;
    expect(m4.dataset.severity).toBe("error");
    expect(m4.textContent).toContain(`เบิกจ่าย (Q${NEXT_ROW})`);
    expect(m4.textContent).toContain("1.1.3 เบิกจ่ายสะสม 24,300.50 บาท เกินวงเงินตามข้อบัญญัติ 20,000 บาท");
    expect(within(page).getByTestId("draft-summary").textContent).toBe("ข้อผิดพลาด 2 · คำเตือน 1");
    // the field says so too
    expect(within(page).getByTestId("field-disbursed").closest("[class*='fui-Field']")?.textContent).toContain("เกินวงเงินตามข้อบัญญัติ");

    type(page, "endDate", "31/2/2567");
    type(page, "disbursed", "สองพัน");
    await waitFor(() => expect(findings(page)).toEqual(["B1@disbursed", "M7@progressPct", "M8@status", "X1@endDate"]));

    type(page, "disbursed", "๕๐๐"); // Thai digits are read
    type(page, "progressPct", "100");
    type(page, "endDate", "15/12/2566");
    await waitFor(() => expect(findings(page)).toEqual([]));
    expect(excel.syncCount).toBe(syncs);
  });

  it("saves the row below the last one: one sync to write it (three in all: read, write, read again), figures updated", async () => {
    const excel = await sampleExcel();
    const { session, writes } = countingSession(excel);
    const page = await openMonthly(session);
    fireEvent.click(item(page, "1.1.3"));
    type(page, "progressPct", "100");
    type(page, "disbursed", "500");
    type(page, "result", "=ติดตามผลหลังอบรม"); // text that looks like a formula stays text
    type(page, "enteredBy", "นางสาวทดสอบ");
    const before = excel.syncCount;
    await act(async () => {
      fireEvent.click(within(page).getByTestId("save-row"));
    });
    await waitFor(() => expect(within(page).getByTestId("monthly-status").textContent).toContain(`บันทึกแล้วที่แผ่นงาน ${SHEET} แถว ${NEXT_ROW}`));
    await ready();
    expect(writes).toEqual([trips(excel).append]);
    expectSyncsAfterOwnWrite(excel, excel.syncCount - before, 2 * trips(excel).read + trips(excel).append); // read, append, read again
    await act(async () => {
      fireEvent.click(within(page).getByTestId("status-reveal"));
    });
    expect(excel.selection).toEqual({ sheet: SHEET, address: `${NEXT_ROW}:${NEXT_ROW}` });

    const cells = excel.sheet(SHEET)?.cells;
    expect(["A", "B", "C", "D", "H", "Q", "N", "U"].map((c) => cells?.get(`${c}${NEXT_ROW}`)?.value)).toEqual([2567, "ม.ค.", "1.1.3", "ดำเนินการแล้วเสร็จ", 100, 500, "=ติดตามผลหลังอบรม", "นางสาวทดสอบ"]);
    expect(cells?.get(`N${NEXT_ROW}`)?.formula ?? "").not.toMatch(/^=/);
    expect(cells?.get(`A${NEXT_ROW + 1}`)?.value ?? null).toBeNull();
    const read = readPlanWorkbook(await session.port.readGrids());
    expect(read.findings).toEqual([]);
    expect(read.workbook.progress.slice(0, 8).map(({ at: _, ...p }) => p)).toEqual(sample.progress);
    expect(read.workbook.progress[8]).toMatchObject({ fy: 2567, month: 1, code: "1.1.3", status: "done", progressPct: 100, disbursed: 500, result: "=ติดตามผลหลังอบรม", at: { sheet: SHEET, row: NEXT_ROW } });

    const detail = within(page).getByTestId("item-detail");
    expect(figure(detail, "fig-disbursed")).toBe(19800.5);
    expect(within(detail).getAllByTestId("history-row").map((r) => r.dataset.row)).toEqual(["2", "3", "4", String(NEXT_ROW)]);
    // the month now has its row: the page shows it instead of a second form
    expect(within(page).getByTestId("existing-row").dataset.row).toBe(String(NEXT_ROW));
    expect(item(page, "1.1.3").dataset.reported).toBe("true");
  });

  it("never adds a second row for an item and month silently: shows where it is, adds one only after a confirmation", async () => {
    const excel = await sampleExcel();
    const { session, writes } = countingSession(excel);
    const page = await openMonthly(session);
    fireEvent.click(item(page, "1.1.3"));
    pick(page, "month-filter", "ธ.ค. 2566");
    const existing = within(page).getByTestId("existing-row");
    expect(existing.dataset.row).toBe("4");
    expect(existing.textContent).toContain(`1.1.3 เดือน ธ.ค. 2566 อยู่ที่แผ่นงาน ${SHEET} แถว 4`);
    expect(within(page).queryByTestId("save-row")).toBeNull();
    const syncs = excel.syncCount;
    await act(async () => {
      fireEvent.click(within(page).getByTestId("reveal-existing"));
    });
    expect(excel.selection).toEqual({ sheet: SHEET, address: "4:4" });
    expect(excel.syncCount - syncs).toBe(1);

    // asking, then cancelling, changes nothing
    fireEvent.click(within(page).getByTestId("add-anyway"));
    fireEvent.click(await screen.findByTestId("cancel-duplicate"));
    await waitFor(() => expect(screen.queryByTestId("confirm-duplicate")).toBeNull());
    expect(within(page).queryByTestId("save-row")).toBeNull();

    fireEvent.click(within(page).getByTestId("add-anyway"));
    fireEvent.click(await screen.findByTestId("confirm-add"));
    await waitFor(() => expect(within(page).getByTestId("save-row")).toBeTruthy());
    expect(within(page).getByTestId("field-status").textContent).toBe("อยู่ระหว่างดำเนินการ"); // from พ.ย.'s row
    pick(page, "field-status", "ดำเนินการแล้วเสร็จ");
    type(page, "progressPct", "100");
    type(page, "endDate", "15/12/2566");
    type(page, "result", "แก้ไขผลเดือนธันวาคม");
    await waitFor(() => expect(findings(page)).toEqual(["M9@code"]));
    await act(async () => {
      fireEvent.click(within(page).getByTestId("save-row"));
    });
    await waitFor(() => expect(within(page).getByTestId("monthly-status").textContent).toContain(`แถว ${NEXT_ROW}`));
    expect(writes).toEqual([trips(excel).append]);
    expect(excel.sheet(SHEET)?.cells.get("D4")?.value).toBe("ดำเนินการแล้วเสร็จ"); // the row typed before is as it was
    expect(excel.sheet(SHEET)?.cells.get(`N${NEXT_ROW}`)?.value).toBe("แก้ไขผลเดือนธันวาคม");
  });

  it("refuses to save when the sheet got a row for that month meanwhile, and shows it; rows typed in the sheet show up after an edit", async () => {
    jest.useFakeTimers({ doNotFake: ["queueMicrotask", "nextTick", "setImmediate"] });
    try {
      const excel = await sampleExcel();
      const { session, writes } = countingSession(excel);
      const page = await openMonthly(session);
      fireEvent.click(item(page, "2.1.3"));
      type(page, "progressPct", "90");
      // someone types ม.ค.'s row for 2.1.3 straight into the sheet (the page has not re-read yet)
      for (const [c, v] of [["A", 2567], ["B", "ม.ค."], ["C", "2.1.3"], ["D", "อยู่ระหว่างดำเนินการ"], ["H", 85]] as const) excel.setCell(SHEET, `${c}${NEXT_ROW}`, { value: v });
      await act(async () => {
        fireEvent.click(within(page).getByTestId("save-row"));
      });
      await waitFor(() => expect(within(page).getByTestId("monthly-status").textContent).toContain(`ไม่ได้บันทึก: ระหว่างนี้มีผลของเดือนนี้ถูกบันทึกไว้แล้วที่แผ่นงาน ${SHEET} แถว ${NEXT_ROW}`));
      expect(writes).toEqual([]);
      expect(excel.sheet(SHEET)?.cells.get(`H${NEXT_ROW}`)?.value).toBe(85);
      await waitFor(() => expect(within(page).getByTestId("existing-row").dataset.row).toBe(String(NEXT_ROW)));

      // an edit in the sheet: the page reads it again after the pause
      excel.setCell(SHEET, `Q${NEXT_ROW}`, { value: 1200 });
      excel.setCell(SHEET, `P${NEXT_ROW}`, { value: 5000 });
      await act(async () => {
        await excel.fireChange(SHEET, `Q${NEXT_ROW}`);
      });
      await act(async () => {
        jest.advanceTimersByTime(LIVE_DEBOUNCE_MS);
      });
      await waitFor(() => expect(figure(page, "fig-disbursed")).toBe(1200));
      expect(figure(page, "fig-allocation")).toBe(5000);
    } finally {
      jest.useRealTimers();
    }
  });

  it("asks before saving a row with errors, focused on going back; going back writes nothing and returns to the field in error", async () => {
    const excel = await sampleExcel();
    const { session, writes } = countingSession(excel);
    const page = await openMonthly(session);
    fireEvent.click(item(page, "1.1.3"));
    type(page, "progressPct", "100");
    type(page, "disbursed", "9000"); // 28,300.50 against 20,000: M4
    await waitFor(() => expect(findings(page)).toEqual(["M4@disbursed"]));
    fireEvent.click(within(page).getByTestId("save-row"));
    const dialog = await screen.findByTestId("confirm-errors");
    expect(dialog.textContent).toContain("แถวนี้มีข้อผิดพลาด 1 ข้อ");
    expect(dialog.textContent).toContain("M4: 1.1.3 เบิกจ่ายสะสม 28,300.50 บาท");
    // (that the dialog opens focused on "back to editing" is checked in Chromium: jsdom has no layout for tabster)
    fireEvent.click(within(dialog).getByTestId("back-to-edit"));
    await waitFor(() => expect(screen.queryByTestId("confirm-errors")).toBeNull());
    expect(writes).toEqual([]);
    // and the cursor goes to the field in error
    await waitFor(() => expect(document.activeElement?.getAttribute("data-field")).toBe("disbursed"));
    expect((within(page).getByTestId("field-disbursed") as HTMLInputElement).value).toBe("9000");

    fireEvent.click(within(page).getByTestId("save-row"));
    await act(async () => {
      fireEvent.click(await screen.findByTestId("save-anyway"));
    });
    await waitFor(() => expect(writes).toEqual([trips(excel).append]));
    expect(excel.sheet(SHEET)?.cells.get(`Q${NEXT_ROW}`)?.value).toBe(9000);
  });

  it("speaks English: labels, months and the checks' messages", async () => {
    const excel = await sampleExcel();
    const page = await openMonthly(officeSession(excel.run, excel.supports), "en");
    expect(within(page).getByTestId("month-filter").textContent).toBe("Jan 2567");
    fireEvent.click(item(page, "2.1.3"));
    type(page, "disbursed", "1000"); // 2.1.3 has no budget in 2567 and no allocation: M6
    await waitFor(() => expect(findings(page)).toEqual(["M6@disbursed"]));
    expect(within(page).getByTestId("draft-finding").textContent).toContain("Disbursed (Q10)");
    expect(within(page).getByTestId("draft-finding").textContent).toContain("2.1.3 has no 2567 budget but 1,000 baht was disbursed");
    expect(within(page).getByTestId("draft-summary").textContent).toBe("0 errors · 1 warnings");
  });
});

/* ---------- consolidation ---------- */

const first = sample.progress[0] as ProgressEntry;
const notPossible = sample.progress[7] as ProgressEntry;
const newRow = (code: string, month: ProgressEntry["month"]): ProgressEntry => ({ ...first, code: code as PlanCode, month, result: `ผลของ ${code}`, disbursed: baht(250) });

async function divisionFile(name: string, rows: ProgressEntry[]): Promise<File> {
  const book = XlsxWorkbook.empty();
  await book.writeSheets(describeWorkbook({ ...sample, progress: rows }, { createdAt: new Date(0) }), "refuse");
  const bytes = await book.toBytes();
  const file = new File([bytes as BlobPart], name);
  Object.defineProperty(file, "arrayBuffer", { value: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) });
  return file;
}

const outcomes = (page: HTMLElement) =>
  within(page).getAllByTestId("merge-outcome").map((r) => [r.dataset.source, r.dataset.rows, r.dataset.added, r.dataset.already, r.dataset.conflicts, r.dataset.unusable].join(" "));

describe("merging division workbooks on the ผลรายเดือน page", () => {
  it("previews, merges two files (rows added below, conflicts shown with both values), and adds nothing the second time", async () => {
    const excel = await sampleExcel();
    const { session, writes } = countingSession(excel);
    const page = await openMonthly(session);
    const a = await divisionFile("กองคลัง.xlsx", [newRow("2.1.1", 1), first, { ...notPossible, reasonText: "ย้ายไปสังกัดอื่น" }]);
    const b = await divisionFile("กองช่าง.xlsx", [newRow("2.2.5", 2), { ...newRow("2.2.7", 2), code: undefined }]);
    await act(async () => {
      fireEvent.change(within(page).getByTestId("merge-files"), { target: { files: [a, b] } });
    });
    await waitFor(() => expect(within(page).getAllByTestId("merge-file").map((f) => f.dataset.name)).toEqual(["กองคลัง.xlsx", "กองช่าง.xlsx"]));

    let syncs = excel.syncCount;
    await act(async () => {
      fireEvent.click(within(page).getByTestId("merge-preview"));
    });
    await waitFor(() => expect(within(page).getByTestId("merge-status").dataset.dryRun).toBe("true"));
    expect(within(page).getByTestId("merge-status").textContent).toBe("ตรวจดูเท่านั้น ยังไม่ได้บันทึก: จะเพิ่ม 2 แถว");
    expect(outcomes(page)).toEqual(["กองคลัง.xlsx 3 1 1 1 0", "กองช่าง.xlsx 2 1 0 0 1"]);
    expect(writes).toEqual([]);
    expect(excel.syncCount - syncs).toBe(trips(excel).read);

    syncs = excel.syncCount;
    await act(async () => {
      fireEvent.click(within(page).getByTestId("merge-run"));
    });
    await waitFor(() => expect(within(page).getByTestId("merge-status").dataset.dryRun).toBe("false"));
    await ready();
    expect(within(page).getByTestId("merge-status").textContent).toBe(`รวมแล้ว: เพิ่ม 2 แถวในแผ่นงาน ${SHEET} (แถว ${NEXT_ROW}–${NEXT_ROW + 1})`);
    expect(writes).toEqual([trips(excel).append]);
    expectSyncsAfterOwnWrite(excel, excel.syncCount - syncs, 2 * trips(excel).read + trips(excel).append); // read the master, append, the page reads again
    expect(excel.sheet(SHEET)?.cells.get(`C${NEXT_ROW}`)?.value).toBe("2.1.1");
    expect(excel.sheet(SHEET)?.cells.get(`C${NEXT_ROW + 1}`)?.value).toBe("2.2.5");
    expect(excel.sheet(SHEET)?.cells.get("F9")?.value).toBe("เจ้าหน้าที่ตรวจสอบภายในลาศึกษาต่อ"); // the kept value is still there
    expect(item(page, "2.1.1").dataset.reported).toBe("true"); // the page shows the merged rows

    const conflict = within(page).getByTestId("merge-conflict");
    expect([conflict.dataset.code, conflict.dataset.month, conflict.dataset.source, conflict.dataset.keptRow, conflict.dataset.incomingRow]).toEqual(["4.1.2", "12", "กองคลัง.xlsx", "9", "4"]);
    expect(conflict.textContent).toContain("4.1.2 เดือน ธ.ค. 2566");
    expect(conflict.textContent).toContain(`คงไว้: แฟ้มนี้ · แผ่นงาน ${SHEET} แถว 9`);
    expect(conflict.textContent).toContain(`ที่ส่งมา: กองคลัง.xlsx · แผ่นงาน ${SHEET} แถว 4`);
    const diff = within(conflict).getByTestId("conflict-diff");
    expect([diff.dataset.field, diff.dataset.kept, diff.dataset.incoming]).toEqual(["reasonText", "เจ้าหน้าที่ตรวจสอบภายในลาศึกษาต่อ", "ย้ายไปสังกัดอื่น"]);
    expect(diff.textContent).toBe("รายละเอียดเหตุคงไว้: เจ้าหน้าที่ตรวจสอบภายในลาศึกษาต่อที่ส่งมา: ย้ายไปสังกัดอื่น");
    expect(within(page).getByTestId("merge-unusable").textContent).toBe(`กองช่าง.xlsx · แผ่นงาน ${SHEET} แถว 3`);
    // a click on the kept row's place selects it in Excel
    await act(async () => {
      fireEvent.click(within(conflict).getByTestId("conflict-reveal"));
    });
    expect(excel.selection).toEqual({ sheet: SHEET, address: "9:9" });

    await act(async () => {
      fireEvent.click(within(page).getByTestId("merge-run"));
    });
    await waitFor(() => expect(outcomes(page)).toEqual(["กองคลัง.xlsx 3 0 2 1 0", "กองช่าง.xlsx 2 0 1 0 1"]));
    expect(within(page).getByTestId("merge-status").textContent).toBe("ไม่มีแถวใหม่ที่ต้องเพิ่ม ข้อมูลจากแฟ้มที่เลือกมีอยู่แล้วหรือขัดแย้ง");
    expect(writes).toEqual([trips(excel).append]);
    expect(excel.sheet(SHEET)?.cells.get(`A${NEXT_ROW + 2}`)?.value ?? null).toBeNull();
  });

  it("reports each file it cannot use and merges the good ones: one that is no workbook, one without a monthly sheet", async () => {
    const excel = await sampleExcel();
    const { session, writes } = countingSession(excel);
    const page = await openMonthly(session);
    const good = await divisionFile("กองคลัง.xlsx", [newRow("2.1.1", 1)]);
    const bad = new File(["not a workbook"], "บันทึก.txt");
    Object.defineProperty(bad, "arrayBuffer", { value: async () => new Uint8Array(Buffer.from("not a workbook")).buffer });
    // a workbook of the plan without its ผลรายเดือน sheet
    const book = XlsxWorkbook.empty();
    const spec = describeWorkbook(sample, { createdAt: new Date(0) });
    await book.writeSheets({ ...spec, sheets: spec.sheets.filter((x) => x.name !== SHEET), names: spec.names.filter((n) => n.sheet !== SHEET) }, "refuse");
    const noSheetBytes = await book.toBytes();
    const noSheet = new File([noSheetBytes as BlobPart], "กองช่าง.xlsx");
    Object.defineProperty(noSheet, "arrayBuffer", { value: async () => noSheetBytes.buffer.slice(noSheetBytes.byteOffset, noSheetBytes.byteOffset + noSheetBytes.byteLength) });
    await act(async () => {
      fireEvent.change(within(page).getByTestId("merge-files"), { target: { files: [bad, good, noSheet] } });
    });
    await waitFor(() => expect(within(page).getAllByTestId("merge-file").map((f) => f.dataset.name)).toEqual(["กองคลัง.xlsx", "กองช่าง.xlsx"]));
    const failed = within(page).getByTestId("merge-file-failed");
    expect(failed.dataset.name).toBe("บันทึก.txt");
    expect(failed.textContent).toContain("ไม่ได้นำมารวม: ไม่ใช่ไฟล์ .xlsx");
    expect(within(page).queryByTestId("merge-error")).toBeNull();

    await act(async () => {
      fireEvent.click(within(page).getByTestId("merge-run"));
    });
    await waitFor(() => expect(within(page).getByTestId("merge-status").dataset.added).toBe("1"));
    expect(outcomes(page)).toEqual(["กองคลัง.xlsx 1 1 0 0 0"]);
    const skipped = within(page).getByTestId("merge-skipped");
    expect(skipped.dataset.source).toBe("กองช่าง.xlsx");
    expect(skipped.textContent).toContain("ไม่ได้นำมารวม:");
    expect(skipped.textContent).toContain(SHEET);
    expect(writes).toEqual([trips(excel).append]);
    expect(excel.sheet(SHEET)?.cells.get(`C${NEXT_ROW}`)?.value).toBe("2.1.1");
  });
});
