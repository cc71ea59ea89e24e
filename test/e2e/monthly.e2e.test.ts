/**
 * ผลรายเดือน in the production task pane, standalone (the bundled sample opened with ?sample=1), in
 * Debian's Chromium: filter a unit's items, pick one, type a row (the checks appear and go as it is
 * fixed), save it, and the figures follow; then merge two division workbooks (preview, merge, merge
 * again adds nothing). Screenshots at 320 and 800 px, no sideways scrolling, no axe WCAG 2 A/AA
 * violation in each state.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import type { ProgressEntry } from "../../src/domain/plan";
import { baht, type PlanCode } from "../../src/domain/units";
import { XlsxWorkbook } from "../../src/hosts/xlsx/xlsx-workbook";
import { describeWorkbook } from "../../src/workbook/write";
import { loadSeed000, sampleModel } from "../../tools/build-sample";
import { guardNetwork, launchChromium, newTaskpaneContext, type NetworkLog, serveDist, type Served } from "./browser";
import { ARTIFACTS, checkState, OFFICE_TELEMETRY, openTab, settle, waitForDashboard } from "./support";

const OWNER = "สำนักงานปลัดองค์การบริหารส่วนตำบลนาสะเม็ง";
const sample = sampleModel(loadSeed000());

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
const value = async (id: string) => Number(await page.locator(`${testId("item-detail")} ${testId(id)}`).getAttribute("data-value"));
const findings = () =>
  page.locator(testId("draft-finding")).evaluateAll((els) => els.map((e) => `${e.getAttribute("data-rule")}@${e.getAttribute("data-field") ?? "-"}`).sort());

async function chooseOption(dropdown: string, name: RegExp): Promise<void> {
  await page.locator(testId(dropdown)).click({ timeout: 5_000 });
  await page.getByRole("option", { name }).click({ timeout: 5_000 });
}

/** The page with the unit chosen and item 1.1.3 open (idempotent: each screenshot width calls it). */
async function openItem(): Promise<void> {
  await openTab(page, "monthly");
  if (!((await page.locator(testId("owner-filter")).innerText()).includes(OWNER))) await chooseOption("owner-filter", new RegExp(`^${OWNER} \\(`));
  const item = page.locator(`${testId("monthly-item")}[data-code="1.1.3"]`);
  if ((await item.getAttribute("aria-pressed")) !== "true") await item.click({ timeout: 5_000 });
  await page.locator(testId("item-detail")).waitFor({ timeout: 5_000 });
}

it("filters the items by unit, and shows an item's figures for the report year as the sample has them", async () => {
  await openItem();
  const expected = sample.items.filter((i) => i.owner.includes(OWNER)).map((i) => i.code);
  expect(await page.locator(testId("monthly-item")).evaluateAll((els) => els.map((e) => e.getAttribute("data-code")))).toEqual(expected);
  const rows = sample.progress.filter((p) => p.code === "1.1.3" && p.fy === 2567);
  expect(await value("fig-disbursed")).toBe(rows.reduce((s, r) => s + (r.disbursed ?? 0), 0));
  expect(await value("fig-allocation")).toBe(20000);
  expect(await page.locator(testId("month-filter")).innerText()).toBe("ม.ค. 2567");
});

it("the item list is one tab stop: arrow keys move between items, Enter opens one, Tab leaves the list", async () => {
  await openItem();
  const items = page.locator(testId("monthly-item"));
  const codes = await items.evaluateAll((els) => els.map((e) => e.getAttribute("data-code")));
  expect(codes.length).toBeGreaterThan(2);
  const focused = () => page.evaluate(() => document.activeElement?.getAttribute("data-code") ?? document.activeElement?.getAttribute("data-testid") ?? document.activeElement?.tagName);
  await items.first().focus();
  await page.keyboard.press("ArrowDown");
  expect(await focused()).toBe(codes[1]);
  await page.keyboard.press("ArrowDown");
  expect(await focused()).toBe(codes[2]);
  await page.keyboard.press("Enter");
  await page.waitForFunction((code) => document.querySelector(`[data-testid="monthly-item"][data-code="${code}"]`)?.getAttribute("aria-pressed") === "true", codes[2], { timeout: 5_000 });
  // Tab goes past the list, not to the next item; Shift+Tab comes back to the item last used
  await items.nth(2).focus();
  await page.keyboard.press("Tab");
  const after = await page.evaluate(() => document.activeElement?.getAttribute("data-testid"));
  expect(after).not.toBe("monthly-item");
  await page.keyboard.press("Shift+Tab");
  expect(await focused()).toBe(codes[2]);
});

it("checks the row as it is typed (screenshots, axe, no sideways scrolling at 320 px)", async () => {
  const check = await checkState(page, "monthly-entry", async () => {
    await openItem();
    await page.locator(testId("field-progressPct")).fill("80");
    await page.locator(testId("field-disbursed")).fill("5000");
    await page.locator(testId("field-result")).fill("อบรมเพิ่มเติมสำหรับพนักงานจ้างใหม่ 12 คน");
    await page.locator(testId("draft-finding")).first().waitFor({ timeout: 5_000 });
  });
  expect(await findings()).toEqual(["M4@disbursed", "M7@progressPct", "M8@status"]);
  expect(check.horizontalOverflow).toEqual([]);
  expect(check.violations).toEqual([]);

  await page.locator(testId("field-progressPct")).fill("100");
  await page.locator(testId("field-disbursed")).fill("500");
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="draft-finding"]').length === 0, undefined, { timeout: 5_000 });
  expect(await page.locator(testId("draft-summary")).innerText()).toBe("ไม่พบปัญหาในแถวนี้");
});

it("Enter, Enter never saves a row with errors: the dialog opens on 'back to editing', which returns to the field in error", async () => {
  await page.locator(testId("field-disbursed")).fill("9000"); // M4: more than the allocation
  await page.locator(testId("draft-finding")).first().waitFor({ timeout: 5_000 });
  await page.locator(testId("field-disbursed")).press("Enter");
  await page.locator(testId("confirm-errors")).waitFor({ timeout: 5_000 });
  await page.waitForFunction(() => document.activeElement?.getAttribute("data-testid") === "back-to-edit", undefined, { timeout: 5_000 });
  await page.keyboard.press("Enter");
  await page.locator(testId("confirm-errors")).waitFor({ state: "detached", timeout: 5_000 });
  await page.waitForFunction(() => document.activeElement?.getAttribute("data-testid") === "field-disbursed", undefined, { timeout: 5_000 });
  expect(await page.locator(testId("monthly-status")).count()).toBe(0);
  await page.locator(testId("field-disbursed")).fill("500");
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="draft-finding"]').length === 0, undefined, { timeout: 5_000 });
});

it("saves the row below the sheet's last row; the figures and the list follow (screenshots, axe)", async () => {
  await page.locator(testId("save-row")).click({ timeout: 5_000 });
  await page.locator(testId("monthly-status")).waitFor({ timeout: 10_000 });
  expect(await page.locator(testId("monthly-status")).innerText()).toContain("บันทึกแล้วที่แผ่นงาน ผลรายเดือน แถว 10");
  await page.waitForSelector(`${testId("monthly")}[data-ready="true"]`, { timeout: 10_000 });
  expect(await value("fig-disbursed")).toBe(19800.5);
  expect(await value("fig-remaining")).toBe(199.5);
  expect(await page.locator(`${testId("monthly-item")}[data-code="1.1.3"]`).getAttribute("data-reported")).toBe("true");
  expect(await page.locator(testId("existing-row")).getAttribute("data-row")).toBe("10");

  const check = await checkState(page, "monthly-saved", async () => {
    await openItem();
    await page.locator(testId("existing-row")).scrollIntoViewIfNeeded();
  });
  expect(check.horizontalOverflow).toEqual([]);
  expect(check.violations).toEqual([]);
});

it("asks before adding a second row for the same month (dialog: axe)", async () => {
  const check = await checkState(page, "monthly-duplicate", async () => {
    // the dialog stays open from one width to the next (the pane behind it is inert)
    if (await page.locator(testId("confirm-duplicate")).count() === 0) {
      await openItem();
      await page.locator(testId("add-anyway")).click({ timeout: 5_000 });
    }
    await page.locator(testId("confirm-duplicate")).waitFor({ timeout: 5_000 });
  });
  expect(check.violations).toEqual([]);
  await page.keyboard.press("Enter"); // the dialog opens on its safe action, cancel
  await page.locator(testId("confirm-duplicate")).waitFor({ state: "detached", timeout: 5_000 });
  expect(await page.locator(testId("save-row")).count()).toBe(0);
  // focus is back on the button that opened the dialog
  await page.waitForFunction(() => document.activeElement?.getAttribute("data-testid") === "add-anyway", undefined, { timeout: 5_000 });
});

/* ---------- merging ---------- */

const first = sample.progress[0] as ProgressEntry;
const notPossible = sample.progress[7] as ProgressEntry;
const newRow = (code: string, month: ProgressEntry["month"]): ProgressEntry => ({ ...first, code: code as PlanCode, month, result: `ผลของ ${code}`, disbursed: baht(250) });

async function divisionFile(name: string, rows: ProgressEntry[]): Promise<string> {
  const book = XlsxWorkbook.empty();
  await book.writeSheets(describeWorkbook({ ...sample, progress: rows }, { createdAt: new Date(0) }), "refuse");
  const dir = join(ARTIFACTS, "monthly");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, name);
  writeFileSync(file, await book.toBytes());
  return file;
}

it("merges two division workbooks: preview, merge, conflicts with both values; merging again adds nothing (screenshots, axe)", async () => {
  const a = await divisionFile("กองคลัง.xlsx", [newRow("2.1.1", 2), first, { ...notPossible, reasonText: "ย้ายไปสังกัดอื่น" }]);
  const b = await divisionFile("กองช่าง.xlsx", [newRow("2.2.5", 2)]);
  await openTab(page, "monthly");
  await page.locator(testId("merge-files")).setInputFiles([a, b]);
  await page.locator(testId("merge-preview")).waitFor({ timeout: 10_000 });
  await page.locator(testId("merge-preview")).click();
  await page.locator(`${testId("merge-status")}[data-dry-run="true"]`).waitFor({ timeout: 10_000 });
  const outcomes = () => page.locator(testId("merge-outcome")).evaluateAll((els) =>
    els.map((e) => ["source", "rows", "added", "already", "conflicts", "unusable"].map((k) => e.getAttribute(`data-${k}`)).join(" ")));
  expect(await outcomes()).toEqual(["กองคลัง.xlsx 3 1 1 1 0", "กองช่าง.xlsx 1 1 0 0 0"]);

  await page.locator(testId("merge-run")).click();
  await page.locator(`${testId("merge-status")}[data-dry-run="false"]`).waitFor({ timeout: 10_000 });
  expect(await page.locator(testId("merge-status")).innerText()).toContain("รวมแล้ว: เพิ่ม 2 แถวในแผ่นงาน ผลรายเดือน (แถว 11–12)");
  expect(await page.locator(`${testId("merge-conflict")} ${testId("conflict-diff")}`).evaluate((e) => [e.getAttribute("data-kept"), e.getAttribute("data-incoming")]))
    .toEqual(["เจ้าหน้าที่ตรวจสอบภายในลาศึกษาต่อ", "ย้ายไปสังกัดอื่น"]);

  const check = await checkState(page, "monthly-merge", async () => {
    await openTab(page, "monthly");
    await page.locator(testId("merge")).scrollIntoViewIfNeeded();
    await settle(page);
  });
  expect(check.horizontalOverflow).toEqual([]);
  expect(check.violations).toEqual([]);

  await page.locator(testId("merge-run")).click();
  await page.waitForFunction(() => document.querySelector('[data-testid="merge-status"]')?.getAttribute("data-added") === "0", undefined, { timeout: 10_000 });
  expect(await outcomes()).toEqual(["กองคลัง.xlsx 3 0 2 1 0", "กองช่าง.xlsx 1 0 1 0 0"]);
});

it("asked for nothing outside 127.0.0.1 but office.js (served locally), and threw no uncaught errors", () => {
  expect(network.officeMissing).toEqual([]);
  expect(network.blocked.filter((url) => !OFFICE_TELEMETRY.test(url))).toEqual([]);
  expect(pageErrors).toEqual([]);
});
