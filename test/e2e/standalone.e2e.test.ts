/**
 * Standalone mode: the production task pane in a plain browser (office.js loads from the office-js
 * package and reports no host), opening the bundled sample with ?sample=1. Checks the dashboard's
 * figures against the seed-000 fixture, every page's screenshots and accessibility, the language
 * toggle, and that the downloaded workbook reads back as the sample's plan.
 */
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { XlsxWorkbook } from "../../src/hosts/xlsx/xlsx-workbook";
import { readPlanWorkbook } from "../../src/workbook/read";
import { loadSeed000, sampleModel } from "../../tools/build-sample";
import { withoutRows } from "../support/plans";
import { guardNetwork, launchChromium, newTaskpaneContext, type NetworkLog, serveDist, type Served } from "./browser";
import {
  ARTIFACTS, checkPage, checkState, expectedDashboard, OFFICE_TELEMETRY, openTab, PAGES, readDashboard, settle, tab, waitForDashboard,
} from "./support";

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
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

it("opens the bundled sample and shows the seed plan's figures per dimension and in total", async () => {
  await waitForDashboard(page);
  expect(await readDashboard(page)).toEqual(expectedDashboard());
});

it("the dashboard loads no working page's code; a page's chunk comes when it is first opened", async () => {
  await waitForDashboard(page);
  const scripts = () => page.evaluate(() => performance.getEntriesByType("resource").map((e) => e.name.split("/").pop() ?? "").filter((n) => n.endsWith(".js")));
  expect((await scripts()).filter((n) => n.startsWith("page-"))).toEqual([]);
  await openTab(page, "check");
  expect((await scripts()).filter((n) => n.startsWith("page-")).map((n) => n.split(".")[0])).toEqual(["page-checks"]);
  await openTab(page, "overview");
});

it("ภาพรวม says where the plan stands and what to do next, compact at 340 px: the next step's button opens the monthly page", async () => {
  await page.setViewportSize({ width: 340, height: 900 });
  try {
    await waitForDashboard(page);
    const dashboard = page.locator('[data-testid="dashboard"]');
    expect(await page.locator('[data-testid="next-step"]').getAttribute("data-next")).toBe("reportItems");
    // the sample: no errors, 35 M10 warnings; 35 of 39 items not reported in the 6-month round of 2567; 3 risks
    expect(await dashboard.locator('[data-severity-count="warning"]').getAttribute("data-value")).toBe("35");
    expect(await dashboard.locator('[data-status-count="notReported"]').getAttribute("data-value")).toBe("35");
    expect(await page.locator('[data-testid="next-step-button"]').innerText()).toBe("บันทึกผล 35 รายการ");
    // compact: every block in one screen and a half at 340 px (it was 1,900 px of year tables)
    const height = await dashboard.evaluate((el) => el.getBoundingClientRect().height);
    expect(height).toBeLessThan(1250);
    await page.locator('[data-testid="next-step-button"]').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="tab-monthly"]')?.getAttribute("aria-selected") === "true", undefined, { timeout: 5_000 });
  } finally {
    await page.setViewportSize({ width: 800, height: 900 });
    await openTab(page, "overview");
  }
});

it("at 320 px the tabs stay on one row: those that do not fit are in a 'more' menu that opens them; text uses a font stack with Thai fonts", async () => {
  await page.setViewportSize({ width: 320, height: 900 });
  try {
    await waitForDashboard(page);
    await settle(page);
    const tabs = page.locator('[data-testid="tabs"]');
    const rowHeight = await page.locator('[data-testid="tab-overview"]').evaluate((el) => el.getBoundingClientRect().height);
    expect(await tabs.evaluate((el) => el.getBoundingClientRect().height)).toBeLessThan(rowHeight * 1.5);
    const more = page.locator('[data-testid="tabs-more"]');
    await more.click({ timeout: 5_000 });
    await page.locator('[data-testid="more-reports"]').click({ timeout: 5_000 });
    await page.waitForFunction(() => document.querySelector('[data-testid="tab-reports"]')?.getAttribute("aria-selected") === "true", undefined, { timeout: 5_000 });
    // the selected page's tab is shown in the row
    expect(await page.locator('[data-testid="tab-reports"]').isVisible()).toBe(true);
    const font = await page.locator('[data-testid="workbook-title"]').evaluate((el) => getComputedStyle(el).fontFamily);
    expect(font).toContain("Leelawadee UI");
    expect(font).toContain("Noto Sans Thai");
  } finally {
    await page.setViewportSize({ width: 800, height: 900 });
    await openTab(page, "overview");
  }
});

it.each(PAGES)("page %s: screenshots at 320 and 800 px, no sideways scrolling, no WCAG 2 A/AA violations", async (name) => {
  const check = await checkPage(page, "standalone", name);
  expect(check.horizontalOverflow).toEqual([]);
  expect(check.violations).toEqual([]);
});

it("ตรวจสอบ lists the sample's 35 M10 warnings; a click shows the cell's sheet, address and value (screenshots, axe)", async () => {
  const first = page.locator('[data-testid="finding"]').first();
  const check = await checkState(page, "standalone-check-detail", async () => {
    await openTab(page, "check");
    await first.locator('[data-testid="finding-go"]').click({ timeout: 5_000 });
    await first.locator('[data-testid="finding-detail"]').waitFor({ timeout: 5_000 });
  });
  // the M10 group is warnings: folded at three findings, a button for the other 32 (issue 16)
  expect(await page.locator('[data-testid="finding"]').count()).toBe(3);
  const fold = page.locator('[data-testid="rule-group"][data-rule="M10"] [data-testid="rule-fold"]');
  expect(await fold.getAttribute("aria-expanded")).toBe("false");
  expect(await fold.innerText()).toBe("แสดงอีก 32 รายการ");
  // by keyboard: the button is a tab stop, Enter opens the group, and focus goes to the first finding it showed
  await fold.focus();
  await page.keyboard.press("Enter");
  await page.locator('[data-testid="finding"]').nth(34).waitFor({ timeout: 5_000 });
  expect(await page.locator('[data-testid="finding"]').count()).toBe(35);
  expect(await page.locator('[data-testid="finding"][data-rule="M10"]').count()).toBe(35);
  expect(await fold.getAttribute("aria-expanded")).toBe("true");
  const fourth = await page.locator('[data-testid="finding"]').nth(3).getAttribute("data-cell");
  expect(await page.evaluate(() => document.activeElement?.closest('[data-testid="finding"]')?.getAttribute("data-cell"))).toBe(fourth);
  expect([
    await first.locator('[data-testid="detail-sheet"]').innerText(),
    await first.locator('[data-testid="detail-cell"]').innerText(),
    await first.locator('[data-testid="detail-value"]').innerText(),
  ]).toEqual(["แผนปฏิบัติการ", "A2", "1.1.1"]);
  expect(check.horizontalOverflow).toEqual([]);
  expect(check.violations).toEqual([]);
});

it("รายงาน at 320 px: the figures table scrolls sideways with a visible cue and is one keyboard stop; at 800 px no cue", async () => {
  await page.setViewportSize({ width: 320, height: 800 });
  await openTab(page, "reports");
  const area = page.locator('[data-testid="report-figures-scroll"]');
  await page.waitForFunction(() => document.querySelector('[data-testid="report-figures-scroll"]')?.getAttribute("data-clipped") === "true", undefined, { timeout: 5_000 });
  expect(await page.locator('[data-testid="scroll-hint"]').innerText()).toBe("เลื่อนดู →");
  expect(await area.getAttribute("tabindex")).toBe("0");
  expect(await area.getAttribute("aria-label")).toBe("ตัวเลขของรอบนี้ (เลื่อนดูด้านข้างได้)");
  // the shadow that shows the clipped right edge is the area's own background, not painted over by the table
  expect(await area.evaluate((el) => getComputedStyle(el).backgroundImage)).toContain("radial-gradient");
  await area.focus();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await page.waitForFunction(() => (document.querySelector('[data-testid="report-figures-scroll"]')?.scrollLeft ?? 0) > 0, undefined, { timeout: 5_000 });
  await page.setViewportSize({ width: 800, height: 900 });
  await page.waitForFunction(() => document.querySelector('[data-testid="report-figures-scroll"]')?.getAttribute("data-clipped") === "false", undefined, { timeout: 5_000 });
  expect(await page.locator('[data-testid="scroll-hint"]').count()).toBe(0);
  expect(await area.getAttribute("aria-label")).toBe("ตัวเลขของรอบนี้");
});

it("ความเสี่ยง shows the sample's 3 risks in both heat maps; a cell chosen by keyboard lists its risk; the library dialog (screenshots, axe)", async () => {
  const cells = page.locator('[data-testid="heatmap-inherent"] [data-testid="heat-cell"]');
  const check = await checkState(page, "standalone-risks-cell", async () => {
    await openTab(page, "risks");
    // keyboard only: into the inherent map, down two rows (likelihood 5 → 3), right three cells (impact 1 → 4), Enter
    await cells.first().focus();
    for (const key of ["ArrowDown", "ArrowDown", "ArrowRight", "ArrowRight", "ArrowRight", "Enter"]) await page.keyboard.press(key);
    await page.locator('[data-testid="heat-cell"][aria-pressed="true"]').waitFor({ timeout: 5_000 });
  });
  const counts = await page.locator('[data-testid="heat-cell"]').evaluateAll((els) =>
    els.map((e) => `${e.getAttribute("data-side")} ${e.getAttribute("data-likelihood")}×${e.getAttribute("data-impact")} ${e.getAttribute("data-count")}`).filter((x) => !x.endsWith(" 0")));
  expect(counts.sort()).toEqual([
    "inherent 2×3 1", "inherent 2×5 1", "inherent 3×4 1",
    "residual 1×3 1", "residual 2×4 1", "residual 2×5 1",
  ]);
  expect(await page.locator('[data-testid="heat-cell"][aria-pressed="true"]').getAttribute("data-likelihood")).toBe("3");
  expect(await page.locator('[data-testid="risk"]').evaluateAll((els) => els.map((e) => e.getAttribute("data-id")))).toEqual(["R-01"]);
  expect(check.horizontalOverflow).toEqual([]);
  expect(check.violations).toEqual([]);
  // the pane hides sideways overflow: at 320 px every heat-map cell must be inside it, not cut off
  await page.setViewportSize({ width: 320, height: 800 });
  await settle(page);
  const outside = await page.locator('[data-testid="heat-cell"]').evaluateAll((els) =>
    els.filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth).length);
  expect(outside).toBe(0);

  const dialog = await checkState(page, "standalone-risks-library", async () => {
    if (await page.locator('[data-testid="library-dialog"]').count() > 0) {
      await page.keyboard.press("Escape");
      await page.locator('[data-testid="library-dialog"]').waitFor({ state: "detached", timeout: 5_000 });
    }
    await openTab(page, "risks");
    await page.locator('[data-testid="open-library"]').click({ timeout: 5_000 });
    await page.locator('[data-testid="library-dialog"]').waitFor({ timeout: 5_000 });
  });
  expect(await page.locator('[data-testid="library-entry"]').count()).toBeGreaterThanOrEqual(15);
  expect(dialog.horizontalOverflow).toEqual([]);
  expect(dialog.violations).toEqual([]);
  await page.keyboard.press("Escape");
  await page.locator('[data-testid="library-dialog"]').waitFor({ state: "detached", timeout: 5_000 });
  // focus goes back to the button that opened the dialog
  await page.waitForFunction(() => document.activeElement?.getAttribute("data-testid") === "open-library", undefined, { timeout: 5_000 });
});

it("switches the interface from Thai to English with the language toggle", async () => {
  await page.setViewportSize({ width: 800, height: 900 });
  const overview = page.locator(tab("overview"));
  expect(await page.evaluate(() => document.documentElement.lang)).toBe("th");
  expect((await overview.innerText({ timeout: 5_000 })).trim()).toBe("ภาพรวม");
  await page.locator('[data-testid="lang-toggle"]').click({ timeout: 5_000 });
  await page.waitForFunction(() => document.documentElement.lang === "en", undefined, { timeout: 5_000 }).catch(() => undefined);
  expect(await page.evaluate(() => document.documentElement.lang)).toBe("en");
  expect((await overview.innerText()).trim()).toBe("Overview");
});

it("downloads the workbook, and it reads back as the sample's plan", async () => {
  await page.setViewportSize({ width: 800, height: 900 });
  await openTab(page, "overview");
  const [download] = await Promise.all([
    page.waitForEvent("download", { timeout: 15_000 }),
    page.locator('[data-testid="download"]').click({ timeout: 5_000 }),
  ]);
  expect(await download.failure()).toBeNull();
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const dir = join(ARTIFACTS, "downloads");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `standalone-${download.suggestedFilename()}`);
  await download.saveAs(file);

  const book = await XlsxWorkbook.open(readFileSync(file));
  const read = readPlanWorkbook(await book.readGrids());
  expect(read.findings).toEqual([]);
  expect(withoutRows(read.workbook)).toEqual(withoutRows(sampleModel(loadSeed000())));
});

it("asked for nothing outside 127.0.0.1 but office.js (served locally), and threw no uncaught errors", () => {
  expect(network.officeServed).toContain("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
  expect(network.officeMissing).toEqual([]);
  // office.js opens its telemetry frame even outside Office; aborted like anything external
  expect(network.blocked.filter((url) => !OFFICE_TELEMETRY.test(url))).toEqual([]);
  expect(pageErrors).toEqual([]);
});
