/**
 * @jest-environment jsdom
 */
/**
 * Fitting a 320–350 px pane (issue 16): the checks page folds each warnings' rule group to its first
 * findings behind "แสดงอีก N รายการ" (errors' groups open, errors first), operable by keyboard with focus
 * kept; a wide table is a named, focusable scroll area. (jsdom has no layout: the scroll cue itself is
 * measured in Chromium by test/e2e/standalone.e2e.test.ts.)
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { officeSession } from "../../src/hosts/office/office-session";
import { FOLDED_SHOWN, ChecksPage } from "../../src/taskpane/pages/ChecksPage";
import { PrefsProvider } from "../../src/taskpane/prefs";
import { ScrollArea } from "../../src/taskpane/ScrollArea";
import { sampleExcel } from "../support/taskpane";

afterEach(cleanup);

const PLAN = "แผนปฏิบัติการ";

async function checksOver(lang: "th" | "en" = "th"): Promise<HTMLElement> {
  const excel = await sampleExcel();
  // A2's code typed again in four rows: four P7 errors (one group, more than FOLDED_SHOWN), beside the sample's 35 M10 warnings
  for (const cell of ["A4", "A5", "A6", "A7"]) excel.setCell(PLAN, cell, { value: "1.1.1" });
  render(
    <FluentProvider theme={webLightTheme}>
      <PrefsProvider initial={{ lang, digits: "arabic" }}>
        <ChecksPage session={officeSession(excel.run, excel.supports)} />
      </PrefsProvider>
    </FluentProvider>,
  );
  const page = await screen.findByTestId("checks");
  await waitFor(() => expect(page.getAttribute("data-ready")).toBe("true"), { timeout: 10_000 });
  return page;
}

const group = (page: HTMLElement, rule: string, severity: string) =>
  [...page.querySelectorAll<HTMLElement>(`[data-testid="severity-group"][data-severity="${severity}"] [data-testid="rule-group"][data-rule="${rule}"]`)][0] as HTMLElement;

describe("the checks page folds long rule groups", () => {
  it("errors first and open; a warnings' group shows its first findings and says how many more", async () => {
    const page = await checksOver();
    const groups = within(page).getAllByTestId("rule-group");
    expect(groups[0]?.closest<HTMLElement>('[data-testid="severity-group"]')?.dataset.severity).toBe("error");

    const p7 = group(page, "P7", "error");
    expect(Number(p7.dataset.count)).toBeGreaterThan(FOLDED_SHOWN);
    expect(p7.dataset.open).toBe("true");
    expect(within(p7).getAllByTestId("finding")).toHaveLength(Number(p7.dataset.count));
    expect(within(p7).getByTestId("rule-fold").textContent).toBe("แสดงน้อยลง");

    const m10 = group(page, "M10", "warning");
    const n = Number(m10.dataset.count); // the sample's 35, and one more where a duplicated code leaves an item without progress
    expect(n).toBeGreaterThanOrEqual(35);
    expect(m10.dataset.open).toBe("false");
    expect(within(m10).getAllByTestId("finding")).toHaveLength(FOLDED_SHOWN);
    const fold = within(m10).getByTestId("rule-fold");
    expect(fold.textContent).toBe(`แสดงอีก ${n - FOLDED_SHOWN} รายการ`);
    expect(fold.getAttribute("aria-expanded")).toBe("false");
    expect(document.getElementById(fold.getAttribute("aria-controls") ?? "")).toBe(within(m10).getByRole("list"));
  });

  it("opens and folds by keyboard: the button is a tab stop; opened, focus goes to the first finding it showed; folded, focus stays on it", async () => {
    const page = await checksOver();
    const m10 = group(page, "M10", "warning");
    const fold = within(m10).getByTestId("rule-fold");
    expect(fold.tagName).toBe("BUTTON"); // Enter and Space press it in every browser (the e2e test presses Enter)
    expect(fold.tabIndex).toBe(0);
    fold.focus();
    expect(document.activeElement).toBe(fold);
    fireEvent.click(fold);

    await waitFor(() => expect(within(m10).getAllByTestId("finding")).toHaveLength(Number(m10.dataset.count)));
    expect(fold.getAttribute("aria-expanded")).toBe("true");
    const fourth = within(m10).getAllByTestId("finding")[FOLDED_SHOWN] as HTMLElement;
    await waitFor(() => expect(document.activeElement).toBe(within(fourth).getByTestId("finding-go")));

    const again = within(m10).getByTestId("rule-fold");
    expect(again.textContent).toBe("แสดงน้อยลง");
    again.focus();
    fireEvent.click(again);
    expect(within(m10).getAllByTestId("finding")).toHaveLength(FOLDED_SHOWN);
    expect(document.activeElement).toBe(within(m10).getByTestId("rule-fold"));
  });

  it("says it in English too", async () => {
    const page = await checksOver("en");
    const m10 = group(page, "M10", "warning");
    expect(within(m10).getByTestId("rule-fold").textContent).toBe(`Show ${Number(m10.dataset.count) - FOLDED_SHOWN} more`);
  });
});

describe("a table wider than the pane", () => {
  it("sits in a named region that takes keyboard focus", () => {
    render(
      <FluentProvider theme={webLightTheme}>
        <PrefsProvider initial={{ lang: "th", digits: "arabic" }}>
          <ScrollArea label="ตัวเลขของรอบนี้" testId="area"><table aria-label="t"><tbody><tr><td>1</td></tr></tbody></table></ScrollArea>
        </PrefsProvider>
      </FluentProvider>,
    );
    const area = screen.getByTestId("area");
    expect(area.getAttribute("role")).toBe("region");
    expect(area.tabIndex).toBe(0);
    expect(area.getAttribute("aria-label")).toBe("ตัวเลขของรอบนี้");
  });
});
