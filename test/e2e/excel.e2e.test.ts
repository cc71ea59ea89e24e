/**
 * Excel mode: the same production page, with office.js replaced by a fake `Office`/`Excel` host
 * (test/support/fake-office-global.ts) whose workbook is the sample, written by the real Excel adapter.
 * The dashboard must show the same figures as in standalone mode after reading the workbook in one
 * sync; there is no download button (the workbook lives in Excel).
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { OfficeWorkbook, roundTrips } from "../../src/hosts/office/office-workbook";
import { readPlanWorkbook } from "../../src/workbook/read";
import { FakeExcel, type FakeExcelState } from "../support/fake-excel";
import { guardNetwork, launchChromium, newTaskpaneContext, type NetworkLog, serveDist, type Served } from "./browser";
import { fakeOfficeScript, sampleInFakeExcel } from "./fake-host";
import { MARK_FILL, MARK_TAG } from "../../src/hosts/office/office-session";
import { checkPage, expectedDashboard, openTab, PAGES, readDashboard, waitForDashboard } from "./support";

let served: Served;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let network: NetworkLog;
let state: FakeExcelState;
const pageErrors: string[] = [];

const syncCount = (): Promise<number | string> =>
  page.evaluate(() => {
    const fake = (window as unknown as { __fakeExcel?: { syncCount: number } }).__fakeExcel;
    return fake ? fake.syncCount : "window.__fakeExcel is missing";
  });

beforeAll(async () => {
  state = (await sampleInFakeExcel()).toJSON();
  const script = await fakeOfficeScript(state, { displayLanguage: "th-TH" });
  served = await serveDist();
  browser = await launchChromium();
  context = await newTaskpaneContext(browser);
  network = await guardNetwork(context, { kind: "script", body: script });
  page = await context.newPage();
  page.on("pageerror", (error) => pageErrors.push(error.stack ?? error.message));
  // what Excel opens: the page from the manifest, no query
  await page.goto(`${served.origin}/taskpane.html`, { waitUntil: "load" });
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

it("the fake's JSON holds the sample: read back in node in one read (its fixed round trips), same plan, no findings", async () => {
  const fake = FakeExcel.fromJSON(JSON.parse(JSON.stringify(state)) as FakeExcelState);
  expect(fake.syncCount).toBe(0);
  const read = readPlanWorkbook(await new OfficeWorkbook(fake.run, fake.supports).readGrids());
  expect(fake.syncCount).toBe(roundTrips(fake.supports).read);
  expect(read.findings).toEqual([]);
  expect(read.workbook.items).toHaveLength(39);
});

it("runs on the fake host and shows the seed plan's figures after reading the workbook once (its fixed round trips)", async () => {
  await waitForDashboard(page);
  expect(await syncCount()).toBe(roundTrips(() => true).read);
  expect(await readDashboard(page)).toEqual(expectedDashboard());
});

it("has no download button inside Excel", async () => {
  await waitForDashboard(page);
  expect(await page.locator('[data-testid="download"]').count()).toBe(0);
});

it.each(PAGES)("page %s: screenshots at 320 and 800 px, no sideways scrolling, no WCAG 2 A/AA violations", async (name) => {
  const check = await checkPage(page, "excel", name);
  expect(check.horizontalOverflow).toEqual([]);
  expect(check.violations).toEqual([]);
});

it("ตรวจสอบ lists the sample's 35 M10 warnings, marks their cells, and a click (or Enter) selects the cell in Excel in one sync", async () => {
  await page.setViewportSize({ width: 800, height: 900 });
  await openTab(page, "check");
  const findings = page.locator('[data-testid="finding"]');
  // a warnings' rule group starts folded at three findings (issue 16); opened, it lists all 35
  await page.locator('[data-testid="rule-fold"]').click({ timeout: 5_000 });
  expect(await findings.count()).toBe(35);
  expect(await page.locator('[data-testid="finding"]:not([data-rule="M10"])').count()).toBe(0);
  const marks = (await page.evaluate(() => {
    const fake = (window as unknown as { __fakeExcel: { sheets: { name: string; conditionalFormats: { range: string; formula: string; fill: string }[] }[] } }).__fakeExcel;
    return fake.sheets.flatMap((s) => s.conditionalFormats.map((cf) => ({ sheet: s.name, range: cf.range, fill: cf.fill, formula: cf.formula })));
  })).filter((m) => m.formula.includes(MARK_TAG)); // the template's own level colours are not marks
  const cells = await findings.evaluateAll((els) => els.map((e) => e.getAttribute("data-cell")));
  expect(marks.map((m) => m.range).sort()).toEqual([...cells].sort());
  expect(new Set(marks.map((m) => `${m.sheet} ${m.fill} ${m.formula.includes(MARK_TAG)}`))).toEqual(new Set([`แผนปฏิบัติการ ${MARK_FILL.warning} true`]));

  const before = await syncCount();
  await page.locator('[data-testid="finding"][data-cell="A5"] [data-testid="finding-go"]').click({ timeout: 5_000 });
  await page.waitForFunction(() => (window as unknown as { __fakeExcel: { selection?: { address: string } } }).__fakeExcel.selection?.address === "A5", undefined, { timeout: 5_000 });
  expect(await page.evaluate(() => (window as unknown as { __fakeExcel: { selection?: unknown; activeSheet?: string } }).__fakeExcel.selection)).toEqual({ sheet: "แผนปฏิบัติการ", address: "A5" });
  expect(Number(await syncCount()) - Number(before)).toBe(1);

  // by keyboard: Tab to the next finding's cell button, Enter
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => (window as unknown as { __fakeExcel: { selection?: { address: string } } }).__fakeExcel.selection?.address === "A6", undefined, { timeout: 5_000 });
});

it("served only the fake office.js, asked for nothing outside 127.0.0.1, threw no uncaught errors", async () => {
  expect(network.officeServed).toEqual(["https://appsforoffice.microsoft.com/lib/1/hosted/office.js"]);
  expect(network.officeMissing).toEqual([]);
  expect(network.blocked).toEqual([]);
  expect(pageErrors).toEqual([]);
});

it("left the workbook in Excel as it was after opening and visiting every page, but for Sujarit's marks", async () => {
  const now = await page.evaluate(() => JSON.stringify((window as unknown as { __fakeExcel?: unknown }).__fakeExcel ?? null));
  const withMarks = JSON.parse(now) as FakeExcelState;
  // ตรวจสอบ marks the 35 M10 cells with conditional formats (checked above) and a click selects a cell:
  // take those out, and everything else must be exactly as it was
  // (the template's own conditional formats — the risk levels' colours — were there before and stay)
  const marks = withMarks.sheets.flatMap((s) => s.conditionalFormats).filter((cf) => cf.formula.includes(MARK_TAG));
  expect(marks).toHaveLength(35);
  const { activeSheet: _active, selection: _selection, ...rest } = withMarks;
  const after: FakeExcelState = {
    ...rest,
    sheets: withMarks.sheets.map((s) => ({ ...s, conditionalFormats: s.conditionalFormats.filter((cf) => !cf.formula.includes(MARK_TAG)) })),
  };
  // compared sheet by sheet: a deep diff of the whole workbook would be slow and unreadable
  const changed = (a: FakeExcelState, b: FakeExcelState): string[] => [
    ...a.sheets.map((s) => s.name).filter((name) => JSON.stringify(a.sheets.find((s) => s.name === name)) !== JSON.stringify(b.sheets.find((s) => s.name === name))),
    ...b.sheets.map((s) => s.name).filter((name) => !a.sheets.some((s) => s.name === name)),
  ];
  expect(changed(state, after)).toEqual([]);
  expect(after.names).toEqual(state.names);
  expect(JSON.stringify(after)).toBe(JSON.stringify(state));
  console.info(`Excel mode: ${await syncCount()} sync(s) in all after opening the pane and visiting every page`);
});
