/**
 * @jest-environment jsdom
 */
/**
 * Thai on the ผลรายเดือน and ความเสี่ยง pages (issue 16), with Thai digits chosen: codes, messages and short
 * dates in Thai digits through usePrefs (rule ids and cell addresses as written; what is typed and written
 * stays as typed), Thai text as word spans that the browser cannot cut inside ("ผลก|ระทบ"), and the item
 * history in a named ScrollArea. Text split into word spans is read as textContent.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, cleanup, configure, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import type { WorkbookSession } from "../../src/app/session";
import { officeSession } from "../../src/hosts/office/office-session";
import { CATALOGUE } from "../../src/taskpane/i18n";
import { MonthlyPage } from "../../src/taskpane/pages/MonthlyPage";
import { RisksPage } from "../../src/taskpane/pages/RisksPage";
import { PrefsProvider } from "../../src/taskpane/prefs";
import { loadSeed000, sampleModel } from "../../tools/build-sample";
import { sampleExcel } from "../support/taskpane";

jest.setTimeout(90_000);
configure({ asyncUtilTimeout: 10_000 });
afterEach(cleanup);

const sample = sampleModel(loadSeed000());
const THAI_DIGITS = { lang: "th", digits: "thai" } as const;

function withThaiDigits(node: React.ReactNode) {
  return render(<FluentProvider theme={webLightTheme}><PrefsProvider initial={THAI_DIGITS}>{node}</PrefsProvider></FluentProvider>);
}

async function readyPage(testId: string): Promise<HTMLElement> {
  const page = await screen.findByTestId(testId);
  await waitFor(() => expect(page.getAttribute("data-ready")).toBe("true"));
  await act(async () => undefined); // the watch subscription's sync
  return page;
}

/** The word spans of an element: each Thai word unbreakable (ThaiText). */
const words = (el: Element) => [...el.querySelectorAll("[data-thai-word]")].map((w) => w.textContent);

describe("ผลรายเดือน with Thai digits", () => {
  const session = async (): Promise<WorkbookSession> => {
    const excel = await sampleExcel();
    return officeSession(excel.run, excel.supports);
  };
  const openFile = async () => { throw new Error("unused"); };
  const today = new Date(Date.UTC(2024, 0, 10));

  it("codes, the item's heading and names in Thai digits and word spans; the history in a named scroll area", async () => {
    withThaiDigits(<MonthlyPage session={await session()} openFile={openFile} today={today} />);
    const page = await readyPage("monthly");
    const button = within(page).getAllByTestId("monthly-item").find((b) => b.dataset.code === "1.1.3") as HTMLElement;
    expect(button.dataset.code).toBe("1.1.3"); // the value the page works with stays as written
    const name = sample.items.find((i) => i.code === "1.1.3")?.name as string;
    expect(button.textContent).toContain("๑.๑.๓");
    expect(button.textContent).not.toContain("1.1.3");
    expect(button.querySelector("[data-thai-wrap]")?.textContent).toBe(name.replace(/[0-9]/g, (d) => "๐๑๒๓๔๕๖๗๘๙"[Number(d)] as string));
    expect(words(button).length).toBeGreaterThan(1);

    fireEvent.click(button);
    const detail = within(page).getByTestId("item-detail");
    const heading = within(detail).getByRole("heading", { level: 3 });
    expect(heading.textContent?.startsWith("๑.๑.๓ ")).toBe(true);
    expect(words(heading).length).toBeGreaterThan(1);

    // the history: a region named by its heading, one tab stop, holding the table
    const region = within(detail).getByRole("region", { name: CATALOGUE.th.historyHeading });
    expect(region.tabIndex).toBe(0);
    expect(within(region).getByTestId("history")).toBeTruthy();
    expect(within(region).getAllByTestId("history-row").map((r) => r.dataset.row)).toEqual(["2", "3", "4"]);
    expect(words(within(region).getAllByRole("columnheader")[0] as HTMLElement)).toEqual(["เดือน"]);
  });

  it("findings, the field's message, the errors dialog and the date hint in Thai digits; rule ids, cells and typed values as written", async () => {
    withThaiDigits(<MonthlyPage session={await session()} openFile={openFile} today={today} />);
    const page = await readyPage("monthly");
    fireEvent.click(within(page).getAllByTestId("monthly-item").find((b) => b.dataset.code === "1.1.3") as HTMLElement);
    const start = within(page).getByTestId("field-startDate") as HTMLInputElement;
    expect(start.value).toBe("20/11/2566"); // what the form will write: as typed
    expect(start.closest("[class*='fui-Field']")?.textContent).toContain("๒๐ พ.ย. ๒๕๖๖");

    fireEvent.change(within(page).getByTestId("field-disbursed"), { target: { value: "5,000" } });
    await waitFor(() => expect(within(page).queryAllByTestId("draft-finding").some((li) => li.dataset.rule === "M4")).toBe(true));
    const m4 = within(page).getAllByTestId("draft-finding").find((li) => li.dataset.rule === "M4") as HTMLElement;
    expect(m4.textContent).toContain("M4 · เบิกจ่าย (Q10)"); // the rule id and the cell stay Arabic
    expect(m4.textContent).toContain("๑.๑.๓ เบิกจ่ายสะสม ๒๔,๓๐๐.๕๐ บาท เกินวงเงินตามข้อบัญญัติ ๒๐,๐๐๐ บาท");
    expect(words(m4)).toContain("เกิน");
    const field = within(page).getByTestId("field-disbursed").closest("[class*='fui-Field']") as HTMLElement;
    expect((within(page).getByTestId("field-disbursed") as HTMLInputElement).value).toBe("5,000");
    expect(field.textContent).toContain("๒๔,๓๐๐.๕๐ บาท เกินวงเงินตามข้อบัญญัติ");
    expect(field.querySelector("[data-thai-wrap]")).not.toBeNull();

    fireEvent.click(within(page).getByTestId("save-row"));
    const dialog = await screen.findByTestId("confirm-errors");
    const lines = [...dialog.querySelectorAll("li")].map((li) => li.textContent ?? "");
    expect(lines.find((l) => l.startsWith("M4: "))).toContain("๑.๑.๓ เบิกจ่ายสะสม ๒๔,๓๐๐.๕๐ บาท");
    expect(words(dialog).length).toBeGreaterThan(5);
    fireEvent.click(within(dialog).getByTestId("back-to-edit"));
  });
});

describe("ความเสี่ยง with Thai digits", () => {
  async function openRisks(): Promise<HTMLElement> {
    const excel = await sampleExcel();
    withThaiDigits(<RisksPage session={officeSession(excel.run, excel.supports)} />);
    return readyPage("risks");
  }

  it("the register's process and event in word spans, its plan items' codes in Thai digits", async () => {
    const page = await openRisks();
    const r1 = within(page).getAllByTestId("risk").find((li) => li.dataset.id === "R-01") as HTMLElement;
    const risk = sample.risks.find((r) => r.id === "R-01");
    expect(r1.textContent).toContain(risk?.event as string);
    expect(words(r1).length).toBeGreaterThan(3);
    const items = within(r1).getByTestId("risk-items").querySelectorAll<HTMLElement>("li[data-code]");
    expect(items.length).toBeGreaterThan(0);
    for (const li of items) {
      const code = li.dataset.code as string;
      expect(li.textContent?.startsWith(`${code.replace(/[0-9]/g, (d) => "๐๑๒๓๔๕๖๗๘๙"[Number(d)] as string)} `)).toBe(true);
    }
  });

  it("the library dialog: title, body and each entry's label in word spans, ผลกระทบ never cut", async () => {
    const page = await openRisks();
    fireEvent.click(within(page).getByTestId("open-library"));
    const dialog = await screen.findByTestId("library-dialog");
    const title = dialog.querySelector("h2") as HTMLElement; // the dialog is aria-hidden while it opens in jsdom: no role queries
    expect(title.textContent).toBe(CATALOGUE.th.libraryTitle);
    expect(words(title).length).toBeGreaterThan(1);
    const entries = within(dialog).getAllByTestId("library-entry");
    expect(entries.length).toBeGreaterThan(5);
    for (const entry of entries) {
      const label = entry.closest("li") as HTMLElement;
      expect(label.textContent).toMatch(/โอกาส [๑-๕] × ผลกระทบ [๑-๕]/);
      expect(words(label)).toContain("ผลกระทบ");
    }
    // the label still names the checkbox as one text
    const first = entries[0] as HTMLInputElement;
    expect(screen.getByLabelText(first.closest("li")?.textContent as string)).toBe(first);
  });

  it("the edit dialog: labels in word spans, messages in Thai digits", async () => {
    const page = await openRisks();
    const r1 = within(page).getAllByTestId("risk").find((li) => li.dataset.id === "R-01") as HTMLElement;
    fireEvent.click(within(r1).getByTestId("edit-risk"));
    const dialog = await screen.findByTestId("risk-edit");
    const impact = within(dialog).getByTestId("risk-field-impact") as HTMLInputElement;
    expect(within(dialog).getByLabelText("ผลกระทบ")).toBe(impact);
    expect(words(impact.closest("[class*='fui-Field']") as HTMLElement)).toContain("ผลกระทบ");
    fireEvent.change(within(dialog).getByTestId("risk-field-likelihood"), { target: { value: "9" } });
    await waitFor(() => expect(dialog.getAttribute("data-errors")).toBe("1"));
    const field = within(dialog).getByTestId("risk-field-likelihood").closest("[class*='fui-Field']") as HTMLElement;
    expect((within(dialog).getByTestId("risk-field-likelihood") as HTMLInputElement).value).toBe("9"); // as typed
    expect(field.textContent).toMatch(/๙/);
    expect(field.textContent).not.toMatch(/[0-9]/);
  });
});
