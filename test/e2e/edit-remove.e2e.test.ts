/**
 * Issue 16 in the production task pane, standalone (the bundled sample), in Debian's Chromium, by
 * keyboard only: a saved monthly row is edited (Enter on its Edit button opens the form prefilled; Enter
 * with an error opens the dialog on "back to editing"; fixed, Enter saves it in its own row) and removed
 * (Enter on Remove opens a dialog focused on ยกเลิก, so Enter, Enter removes nothing; focus returns to the
 * button); a risk is edited and removed the same way. axe on each dialog, at 320 and 800 px.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { guardNetwork, launchChromium, newTaskpaneContext, type NetworkLog, serveDist, type Served } from "./browser";
import { checkState, OFFICE_TELEMETRY, openTab, waitForDashboard } from "./support";

let served: Served;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let network: NetworkLog;
const pageErrors: string[] = [];

beforeAll(async () => {
  served = await serveDist();
  browser = await launchChromium();
  context = await newTaskpaneContext(browser);
  network = await guardNetwork(context, { kind: "package" });
  page = await context.newPage();
  page.on("pageerror", (error) => pageErrors.push(error.stack ?? error.message));
  await page.goto(served.url, { waitUntil: "load" });
  await waitForDashboard(page);
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

const testId = (id: string) => `[data-testid="${id}"]`;
const active = () => page.evaluate(() => document.activeElement?.getAttribute("data-testid") ?? document.activeElement?.id ?? "");
const waitActive = (id: string) =>
  page.waitForFunction((x) => (document.activeElement?.getAttribute("data-testid") ?? document.activeElement?.id) === x, id, { timeout: 5_000 });
const historyButton = (row: number, button: string) => page.locator(`${testId("history-row")}[data-row="${row}"] ${testId(button)}`);

async function openItem(): Promise<void> {
  await openTab(page, "monthly");
  const item = page.locator(`${testId("monthly-item")}[data-code="1.1.3"]`);
  if ((await item.getAttribute("aria-pressed")) !== "true") await item.click({ timeout: 5_000 });
  await page.locator(testId("item-detail")).waitFor({ timeout: 5_000 });
}

it("edits a saved monthly row by keyboard: the form prefilled, Enter with an error asks first, fixed it saves in place", async () => {
  await openItem();
  await historyButton(3, "edit-row").focus();
  await page.keyboard.press("Enter");
  await page.locator(`${testId("entry")}[data-editing="3"]`).waitFor({ timeout: 5_000 });
  expect(await page.locator(testId("field-disbursed")).inputValue()).not.toBe("");
  await page.locator(testId("field-disbursed")).fill("9000");
  await page.locator(testId("draft-finding")).first().waitFor({ timeout: 5_000 });
  await page.locator(testId("field-disbursed")).press("Enter");
  await page.locator(testId("confirm-errors")).waitFor({ timeout: 5_000 });
  await waitActive("back-to-edit");
  await page.keyboard.press("Enter");
  await page.locator(testId("confirm-errors")).waitFor({ state: "detached", timeout: 5_000 });
  await waitActive("field-disbursed");
  await page.locator(testId("field-disbursed")).fill("3000");
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="draft-finding"]').length === 0, undefined, { timeout: 5_000 });
  await page.locator(testId("field-disbursed")).press("Enter");
  await page.locator(testId("monthly-status")).filter({ hasText: "แก้ไขแถว 3" }).waitFor({ timeout: 10_000 });
  await waitActive("edit-row");
  expect(await page.locator(`${testId("history-row")}[data-row="3"]`).innerText()).toContain("3,000");
});

it("removing a row asks first, focused on ยกเลิก (axe): Enter, Enter removes nothing; then it removes that row only", async () => {
  const check = await checkState(page, "monthly-remove", async () => {
    if (await page.locator(testId("confirm-remove")).count() === 0) {
      await openItem();
      await historyButton(3, "remove-row").focus();
      await page.keyboard.press("Enter");
    }
    await page.locator(testId("confirm-remove")).waitFor({ timeout: 5_000 });
  });
  expect(check.violations).toEqual([]);
  await waitActive("cancel-remove");
  await page.keyboard.press("Enter");
  await page.locator(testId("confirm-remove")).waitFor({ state: "detached", timeout: 5_000 });
  await waitActive("remove-row");
  expect(await page.locator(testId("history-row")).count()).toBe(3);

  await page.keyboard.press("Enter"); // the focus is on Remove again
  await page.locator(testId("confirm-remove")).waitFor({ timeout: 5_000 });
  await waitActive("cancel-remove");
  await page.keyboard.press("Tab");
  expect(await active()).toBe("confirm-remove-row");
  await page.keyboard.press("Enter");
  await page.locator(testId("monthly-status")).filter({ hasText: "ลบแถว 3" }).waitFor({ timeout: 10_000 });
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="history-row"]').length === 2, undefined, { timeout: 5_000 });
  await waitActive("history-heading");
});

it("edits and removes a risk by keyboard: Enter with a score off the scale saves nothing; removal asks focused on ยกเลิก", async () => {
  await openTab(page, "risks");
  const card = (id: string) => page.locator(`${testId("risk")}[data-id="${id}"]`);
  await card("R-01").locator(testId("edit-risk")).focus();
  await page.keyboard.press("Enter");
  const dialog = page.locator(testId("risk-edit"));
  await dialog.waitFor({ timeout: 5_000 });
  const check = await checkState(page, "risk-edit", async () => { await dialog.waitFor({ timeout: 5_000 }); });
  expect(check.violations).toEqual([]);
  await dialog.locator(testId("risk-field-likelihood")).fill("9");
  await page.waitForFunction(() => document.querySelector('[data-testid="risk-edit"]')?.getAttribute("data-errors") === "1", undefined, { timeout: 5_000 });
  await dialog.locator(testId("risk-field-likelihood")).press("Enter");
  await dialog.locator(testId("risk-edit-errors")).waitFor({ timeout: 5_000 });
  await waitActive("risk-field-likelihood");
  // the dialog with its error (field message and list): Thai wrapped between words at 320 px, axe clean
  const withError = await checkState(page, "risk-edit-error", async () => { await dialog.locator(testId("risk-edit-errors")).waitFor({ timeout: 5_000 }); });
  expect(withError.violations).toEqual([]);
  await dialog.locator(testId("risk-field-likelihood")).fill("2");
  await dialog.locator(testId("risk-field-likelihood")).press("Enter");
  await page.locator(testId("risks-status")).filter({ hasText: "แก้ไขความเสี่ยง R-01" }).waitFor({ timeout: 10_000 });
  await waitActive("edit-risk");

  await card("R-01").locator(testId("remove-risk")).focus();
  await page.keyboard.press("Enter");
  await page.locator(testId("confirm-remove-risk")).waitFor({ timeout: 5_000 });
  await waitActive("cancel-remove-risk");
  await page.keyboard.press("Enter");
  await page.locator(testId("confirm-remove-risk")).waitFor({ state: "detached", timeout: 5_000 });
  await waitActive("remove-risk");
  expect(await page.locator(testId("risk")).count()).toBe(3);
});

it("asked for nothing outside 127.0.0.1 but office.js (served locally), and threw no uncaught errors", () => {
  expect(network.officeMissing).toEqual([]);
  expect(network.blocked.filter((url) => !OFFICE_TELEMETRY.test(url))).toEqual([]);
  expect(pageErrors).toEqual([]);
});
