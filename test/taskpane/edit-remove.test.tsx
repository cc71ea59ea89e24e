/**
 * @jest-environment jsdom
 */
/**
 * Issue 16 in the pane: a saved monthly row and a risk are edited and removed from the page, in Excel
 * (the office host over the counting fake) and standalone (the .xlsx host), keyboard first: the Edit
 * button opens the same form prefilled with the same checks, Enter (a submit) never writes a row with
 * errors, a removal asks first with "ยกเลิก" as the safe action and focus comes back to where it was, and
 * a row another writer changed meanwhile is refused without losing anything.
 */
import { act, configure, fireEvent, screen, waitFor, within } from "@testing-library/react";
import type { WorkbookSession } from "../../src/app/session";
import { officeSession } from "../../src/hosts/office/office-session";
import { XlsxWorkbook } from "../../src/hosts/xlsx/xlsx-workbook";
import { readPlanWorkbook } from "../../src/workbook/read";
import { describeWorkbook } from "../../src/workbook/write";
import { loadSeed000, sampleModel } from "../../tools/build-sample";
import type { FakeExcel } from "../support/fake-excel";
import { mount, sampleExcel, services } from "../support/taskpane";

jest.setTimeout(120_000);
configure({ asyncUtilTimeout: 15_000 });

const SHEET = "ผลรายเดือน";
const REGISTER = "ทะเบียนความเสี่ยง";
const sample = sampleModel(loadSeed000());
/** 1.1.3's พ.ย. row of FY 2567 (sheet row 3 of the sample: ต.ค. is row 2). */
const NOV_ROW = 3;

interface Pane { session: WorkbookSession; excel?: FakeExcel; book?: XlsxWorkbook }

async function inExcel(): Promise<Pane> {
  const excel = await sampleExcel();
  return { session: officeSession(excel.run, excel.supports), excel };
}

async function standalone(): Promise<Pane> {
  const book = XlsxWorkbook.empty();
  await book.writeSheets(describeWorkbook(sample, { createdAt: new Date(0) }), "refuse");
  return { session: { port: book, title: "plan.xlsx", exportBytes: () => book.toBytes() }, book };
}

/** Another writer (or the user in the grid) types into a cell. */
function typeInSheet(p: Pane, sheet: string, cell: string, value: string | number): void {
  if (p.excel) p.excel.setCell(sheet, cell, { value });
  else (p.book?.book.getWorksheet(sheet) as NonNullable<ReturnType<XlsxWorkbook["book"]["getWorksheet"]>>).getCell(cell).value = value;
}

async function rows(p: Pane) {
  return readPlanWorkbook(await p.session.port.readGrids()).workbook;
}

async function openTab(p: Pane, tab: "monthly" | "risks"): Promise<HTMLElement> {
  mount(services(p.session));
  await screen.findByTestId("dashboard");
  fireEvent.click(screen.getByTestId(`tab-${tab}`));
  const page = await screen.findByTestId(tab);
  await waitFor(() => expect(page.getAttribute("data-ready")).toBe("true"));
  await act(async () => undefined);
  return page;
}

const historyRow = (page: HTMLElement, row: number) => within(page).getAllByTestId("history-row").find((r) => r.dataset.row === String(row)) as HTMLElement;
const type = (page: HTMLElement, field: string, value: string) => fireEvent.change(within(page).getByTestId(`field-${field}`), { target: { value } });
/** What Enter or Space on a focused button does. */
const press = (el: HTMLElement) => { el.focus(); fireEvent.click(el); };

describe.each([["in Excel", inExcel], ["standalone", standalone]] as const)("the monthly page edits and removes saved rows %s", (_, make) => {
  it("Edit opens the row's form prefilled; Enter with an error writes nothing; fixed, it rewrites that row only", async () => {
    const p = await make();
    const page = await openTab(p, "monthly");
    fireEvent.click(within(page).getAllByTestId("monthly-item").find((b) => b.dataset.code === "1.1.3") as HTMLElement);
    const edit = within(historyRow(page, NOV_ROW)).getByTestId("edit-row");
    expect(edit.getAttribute("aria-label")).toBe("แก้ไขแถว 3 (พ.ย. 2566)");
    press(edit);
    const form = await within(page).findByTestId("entry");
    expect(form.dataset.editing).toBe(String(NOV_ROW));
    expect(form.textContent).toContain("แก้ไขผลเดือน พ.ย. 2566 (แถว 3)");
    const saved = sample.progress.find((r) => r.code === "1.1.3" && r.month === 11);
    expect((within(page).getByTestId("field-disbursed") as HTMLInputElement).value).toBe(String(saved?.disbursed));
    expect((within(page).getByTestId("field-result") as HTMLTextAreaElement).value).toBe(saved?.result);
    // the row itself is not a duplicate of itself: no M9, no "already has a row"
    expect(within(page).queryByTestId("existing-row")).toBeNull();

    type(page, "disbursed", "9000"); // the year passes its allocation: M4 (on a later month's row)
    await waitFor(() => expect(within(page).getByTestId("draft-checks").dataset.errors).toBe("1"));
    const syncs = p.excel?.syncCount ?? 0;
    await act(async () => {
      fireEvent.submit(form); // Enter in a field
    });
    const dialog = await screen.findByTestId("confirm-errors");
    // (that this dialog opens focused on "back to editing" is checked in Chromium, as for adding: monthly.test.tsx)
    fireEvent.click(within(dialog).getByTestId("back-to-edit"));
    await waitFor(() => expect(screen.queryByTestId("confirm-errors")).toBeNull());
    // the error is on ธ.ค.'s row, which this edit pushes over the allocation: the cursor goes to the field of its column
    await waitFor(() => expect(document.activeElement?.getAttribute("data-field")).toBe("disbursed"));
    if (p.excel) expect(p.excel.syncCount).toBe(syncs);
    expect((await rows(p)).progress.find((r) => r.at?.row === NOV_ROW)?.disbursed).toBe(saved?.disbursed);

    type(page, "disbursed", "3000");
    type(page, "problems", "ฝนตกหนัก");
    await waitFor(() => expect(within(page).getByTestId("draft-checks").dataset.errors).toBe("0"));
    await act(async () => {
      fireEvent.submit(within(page).getByTestId("entry"));
    });
    await waitFor(() => expect(within(page).getByTestId("monthly-status").textContent).toContain(`แก้ไขแถว 3 ของแผ่นงาน ${SHEET} แล้ว`));
    const after = await rows(p);
    expect(after.progress).toHaveLength(sample.progress.length);
    expect(after.progress.find((r) => r.at?.row === NOV_ROW)).toMatchObject({ code: "1.1.3", month: 11, disbursed: 3000, problems: "ฝนตกหนัก", result: saved?.result });
    // back to adding, and the focus on the edited row's Edit button
    await waitFor(() => expect(within(page).getByTestId("entry").dataset.editing).toBeUndefined());
    await waitFor(() => expect(document.activeElement).toBe(within(historyRow(page, NOV_ROW)).getByTestId("edit-row")));
  });

  it("Remove asks first with ยกเลิก as the safe action; cancelling keeps the row and gives the focus back; confirming removes that row only", async () => {
    const p = await make();
    const page = await openTab(p, "monthly");
    fireEvent.click(within(page).getAllByTestId("monthly-item").find((b) => b.dataset.code === "1.1.3") as HTMLElement);
    const remove = within(historyRow(page, NOV_ROW)).getByTestId("remove-row");
    press(remove);
    let dialog = await screen.findByTestId("confirm-remove");
    expect(dialog.textContent).toContain("ลบแถว 3 (พ.ย. 2566)?");
    const cancel = within(dialog).getByTestId("cancel-remove");
    expect(cancel.textContent).toBe("ยกเลิก");
    await waitFor(() => expect(document.activeElement).toBe(cancel));
    fireEvent.click(cancel);
    await waitFor(() => expect(screen.queryByTestId("confirm-remove")).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(within(historyRow(page, NOV_ROW)).getByTestId("remove-row")));
    expect((await rows(p)).progress).toHaveLength(sample.progress.length);

    press(within(historyRow(page, NOV_ROW)).getByTestId("remove-row"));
    dialog = await screen.findByTestId("confirm-remove");
    await act(async () => {
      fireEvent.click(within(dialog).getByTestId("confirm-remove-row"));
    });
    await waitFor(() => expect(within(page).getByTestId("monthly-status").textContent).toContain(`ลบแถว 3 ของแผ่นงาน ${SHEET} แล้ว`));
    const after = await rows(p);
    expect(after.progress).toHaveLength(sample.progress.length - 1);
    expect(after.progress.some((r) => r.code === "1.1.3" && r.month === 11)).toBe(false);
    await waitFor(() => expect(within(page).getAllByTestId("history-row").map((r) => r.dataset.month)).toEqual(["10", "12"]));
    await waitFor(() => expect(document.activeElement?.id).toBe("history-heading"));
  });

  it("a month already reported offers to edit that row; in the browser an edit is work not yet downloaded", async () => {
    const p = await make();
    const page = await openTab(p, "monthly");
    fireEvent.click(within(page).getAllByTestId("monthly-item").find((b) => b.dataset.code === "1.1.3") as HTMLElement);
    fireEvent.click(within(page).getByTestId("month-filter"));
    fireEvent.click(screen.getByRole("option", { name: "ธ.ค. 2566" }));
    const existing = within(page).getByTestId("existing-row");
    expect(existing.textContent).toContain("แก้ไขแถวนี้");
    expect(existing.textContent).not.toContain("แผ่นงานโดยตรง");
    press(within(page).getByTestId("edit-existing"));
    const form = await within(page).findByTestId("entry");
    expect(form.dataset.editing).toBe("4");
    type(page, "recommendations", "ขยายผลปีหน้า");
    await act(async () => {
      fireEvent.submit(form);
    });
    await waitFor(() => expect(within(page).getByTestId("monthly-status").textContent).toContain("แก้ไขแถว 4"));
    expect((await rows(p)).progress.find((r) => r.at?.row === 4)?.recommendations).toBe("ขยายผลปีหน้า");
    if (p.book) expect((await screen.findByTestId("unsaved")).textContent).toContain("ยังไม่ได้ดาวน์โหลด");
  });

  it("a row another writer changed after the page read it is refused, with a message; their value stays", async () => {
    const p = await make();
    const page = await openTab(p, "monthly");
    fireEvent.click(within(page).getAllByTestId("monthly-item").find((b) => b.dataset.code === "1.1.3") as HTMLElement);
    press(within(historyRow(page, NOV_ROW)).getByTestId("edit-row"));
    await within(page).findByTestId("entry");
    type(page, "problems", "ของหน้าต่างนี้");
    typeInSheet(p, SHEET, `Q${NOV_ROW}`, 1234); // someone else, in the grid, before the save
    await act(async () => {
      fireEvent.submit(within(page).getByTestId("entry"));
    });
    await waitFor(() => expect(within(page).getByTestId("monthly-status").textContent).toContain("ถูกแก้ไขหรือย้าย"));
    expect(within(page).getByTestId("monthly-status").textContent).toContain("ไม่มีข้อมูลใดสูญหาย");
    const now = (await rows(p)).progress.find((r) => r.at?.row === NOV_ROW);
    expect(now).toMatchObject({ disbursed: 1234 });
    expect(now?.problems).not.toBe("ของหน้าต่างนี้");
  });
});

const riskCard = (page: HTMLElement, id: string) => within(page).getAllByTestId("risk").find((r) => r.dataset.id === id) as HTMLElement;

describe.each([["in Excel", inExcel], ["standalone", standalone]] as const)("the risks page edits and removes risks %s", (_, make) => {
  it("Edit opens the risk's form with the register's checks; Enter with an error saves nothing and goes to the field; fixed, it saves", async () => {
    const p = await make();
    const page = await openTab(p, "risks");
    const before = (await rows(p)).risks;
    const edit = within(riskCard(page, "R-01")).getByTestId("edit-risk");
    expect(edit.getAttribute("aria-label")).toBe("แก้ไขความเสี่ยง R-01");
    press(edit);
    const dialog = await screen.findByTestId("risk-edit");
    expect((within(dialog).getByTestId("risk-field-likelihood") as HTMLInputElement).value).toBe(String(before[0]?.likelihood));
    fireEvent.change(within(dialog).getByTestId("risk-field-likelihood"), { target: { value: "9" } });
    await waitFor(() => expect(screen.getByTestId("risk-edit").dataset.errors).toBe("1"));
    const syncs = p.excel?.syncCount ?? 0;
    await act(async () => {
      fireEvent.submit(within(screen.getByTestId("risk-edit")).getByTestId("risk-field-likelihood").closest("form") as HTMLFormElement);
    });
    expect(screen.getByTestId("risk-edit-errors").textContent).toContain("R1");
    await waitFor(() => expect(document.activeElement?.getAttribute("data-field")).toBe("likelihood"));
    if (p.excel) expect(p.excel.syncCount).toBe(syncs);
    expect((await rows(p)).risks).toEqual(before);

    fireEvent.change(within(screen.getByTestId("risk-edit")).getByTestId("risk-field-likelihood"), { target: { value: "2" } });
    fireEvent.change(within(screen.getByTestId("risk-edit")).getByTestId("risk-field-existingControls"), { target: { value: "ตรวจสองชั้น" } });
    await waitFor(() => expect(screen.getByTestId("risk-edit").dataset.errors).toBe("0"));
    await act(async () => {
      fireEvent.submit(within(screen.getByTestId("risk-edit")).getByTestId("risk-field-likelihood").closest("form") as HTMLFormElement);
    });
    await waitFor(() => expect(within(page).getByTestId("risks-status").textContent).toContain(`แก้ไขความเสี่ยง R-01 แล้ว (แผ่นงาน ${REGISTER} แถว 2)`));
    await waitFor(() => expect(screen.queryByTestId("risk-edit")).toBeNull());
    const after = (await rows(p)).risks;
    expect(after[0]).toMatchObject({ ...before[0], likelihood: 2, existingControls: "ตรวจสองชั้น" });
    expect(after.slice(1)).toEqual(before.slice(1));
    await waitFor(() => expect(document.activeElement).toBe(within(riskCard(page, "R-01")).getByTestId("edit-risk")));
  });

  it("Remove asks first, focused on ยกเลิก; cancelling gives the focus back; confirming removes that risk only", async () => {
    const p = await make();
    const page = await openTab(p, "risks");
    const before = (await rows(p)).risks;
    press(within(riskCard(page, "R-01")).getByTestId("remove-risk"));
    const dialog = await screen.findByTestId("confirm-remove-risk");
    expect(dialog.textContent).toContain("ลบความเสี่ยง R-01?");
    const cancel = within(dialog).getByTestId("cancel-remove-risk");
    await waitFor(() => expect(document.activeElement).toBe(cancel));
    fireEvent.click(cancel);
    await waitFor(() => expect(screen.queryByTestId("confirm-remove-risk")).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(within(riskCard(page, "R-01")).getByTestId("remove-risk")));

    press(within(riskCard(page, "R-01")).getByTestId("remove-risk"));
    await act(async () => {
      fireEvent.click(within(await screen.findByTestId("confirm-remove-risk")).getByTestId("confirm-remove-risk-button"));
    });
    await waitFor(() => expect(within(page).getByTestId("risks-status").textContent).toContain("ลบความเสี่ยง R-01 แล้ว"));
    const after = (await rows(p)).risks;
    expect(after.map((r) => r.id)).toEqual(before.slice(1).map((r) => r.id));
    await waitFor(() => expect(within(page).getAllByTestId("risk").map((r) => r.dataset.id)).toEqual(after.map((r) => r.id)));
    await waitFor(() => expect(document.activeElement?.getAttribute("data-testid")).toBe("risk-list-heading"));
  });

  it("a risk another writer changed after the page read it is refused with a message; their value stays", async () => {
    const p = await make();
    const page = await openTab(p, "risks");
    press(within(riskCard(page, "R-02")).getByTestId("remove-risk"));
    typeInSheet(p, REGISTER, "J3", "อีกคนแก้");
    await act(async () => {
      fireEvent.click(within(await screen.findByTestId("confirm-remove-risk")).getByTestId("confirm-remove-risk-button"));
    });
    await waitFor(() => expect(within(page).getByTestId("risks-status").textContent).toContain("ถูกแก้ไขหรือย้าย"));
    expect((await rows(p)).risks.find((r) => r.id === "R-02")?.existingControls).toBe("อีกคนแก้");
  });
});
