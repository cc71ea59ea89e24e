/**
 * The รายงาน page in the production build in Chromium, standalone on the bundled sample: the round's
 * figures, no errors, generating every report sheet, and the downloaded workbook holds them — with the
 * plan read back unchanged. Screenshots at 320 and 800 px before and after generating; axe on both.
 */
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { REPORT_SHEET_NAMES } from "../../src/app/report";
import { generatedSheets } from "../../src/app/generated";
import { summarizeRound } from "../../src/domain/progress/round";
import { fiscalYear } from "../../src/domain/units";
import { XlsxWorkbook } from "../../src/hosts/xlsx/xlsx-workbook";
import { readPlanWorkbook } from "../../src/workbook/read";
import { loadSeed000, sampleModel } from "../../tools/build-sample";
import { withoutRows } from "../support/plans";
import { guardNetwork, launchChromium, newTaskpaneContext, serveDist, type Served } from "./browser";
import { ARTIFACTS, checkState, openTab, waitForDashboard } from "./support";

let served: Served;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  served = await serveDist();
  browser = await launchChromium();
  context = await newTaskpaneContext(browser);
  await guardNetwork(context, { kind: "package" });
  page = await context.newPage();
  page.on("pageerror", (error) => pageErrors.push(error.stack ?? error.message));
  await page.goto(served.url, { waitUntil: "load" });
  await waitForDashboard(page);
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

it("shows the round's figures and generates every report sheet; the download holds them and the plan unchanged", async () => {
  const sample = sampleModel(loadSeed000());
  const expected = summarizeRound(sample, fiscalYear(2567), 6);
  const before = await checkState(page, "standalone-reports", async () => {
    await openTab(page, "reports");
  });
  expect(before.horizontalOverflow).toEqual([]);
  expect(before.violations).toEqual([]);
  const total = await page.locator('[data-testid="report-total"] th, [data-testid="report-total"] td').allInnerTexts();
  expect(total.slice(0, 3)).toEqual(["รวม", String(expected.total.items), String(expected.total.byStatus.done)]);
  // no errors, but gaps (items not reported, a sample-data signer): listed, and the report is a draft
  expect(await page.locator('[data-testid="report-no-errors"]').count()).toBe(0);
  expect(await page.locator('[data-testid="report-gaps"]').innerText()).toContain("ยังไม่ได้รายงานผลรอบ 6 เดือน 35 รายการ");
  expect(await page.locator('[data-testid="generate-reports"]').innerText()).toBe("สร้างรายงานฉบับร่าง");

  const after = await checkState(page, "standalone-reports-generated", async () => {
    await openTab(page, "reports");
    if (await page.locator('[data-testid="reports-status"]').count() === 0) {
      await page.locator('[data-testid="generate-reports"]').click({ timeout: 5_000 });
      await page.locator('[data-testid="reports-status"]').waitFor({ timeout: 30_000 });
    }
  });
  // no project cards unless asked for, no ITA appendix without ITA measures: eleven sheets (with the คำนำ)
  expect(await page.locator('[data-testid="reports-status"]').innerText()).toContain("11 แผ่นงาน");
  expect(after.horizontalOverflow).toEqual([]);
  expect(after.violations).toEqual([]);

  const [download] = await Promise.all([
    page.waitForEvent("download", { timeout: 15_000 }),
    page.locator('[data-testid="download"]').click({ timeout: 5_000 }),
  ]);
  const dir = join(ARTIFACTS, "downloads");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `reports-${download.suggestedFilename()}`);
  await download.saveAs(file);
  const grids = await (await XlsxWorkbook.open(readFileSync(file))).readGrids();
  const made = REPORT_SHEET_NAMES.filter((n) => n !== "บัตรโครงการ" && n !== "ผลมาตรการ ITA");
  for (const name of made) expect(grids.sheets.map((s) => s.name)).toContain(name);
  expect(generatedSheets(grids).sort()).toEqual([...made].sort());
  const read = readPlanWorkbook(grids);
  expect(read.findings).toEqual([]);
  expect(withoutRows(read.workbook)).toEqual(withoutRows(sample));
  expect(pageErrors).toEqual([]);
}, 120_000);

it("downloads the report alone, by keyboard: the report sheets in the printed order and no input sheet", async () => {
  await openTab(page, "reports");
  if (await page.locator('[data-testid="reports-status"]').count() === 0) {
    await page.locator('[data-testid="generate-reports"]').click({ timeout: 5_000 });
    await page.locator('[data-testid="reports-status"]').waitFor({ timeout: 30_000 });
  }
  const button = page.locator('[data-testid="report-only"]');
  await button.waitFor({ timeout: 15_000 });
  await button.focus();
  const [download] = await Promise.all([
    page.waitForEvent("download", { timeout: 30_000 }),
    page.keyboard.press("Enter"),
  ]);
  expect(download.suggestedFilename()).toBe("nasameng-2566-2570 รายงาน ปีงบ 2567 รอบ 6 เดือน.xlsx");
  const dir = join(ARTIFACTS, "downloads");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, "report-only.xlsx");
  await download.saveAs(file);
  const grids = await (await XlsxWorkbook.open(readFileSync(file))).readGrids();
  const listed = (await page.locator('[data-testid="report-sheets"] li').allInnerTexts()).map((t) => t.split("·")[0]?.trim());
  expect(grids.sheets.map((s) => s.name)).toEqual(listed);
  expect(await page.locator('[data-testid="report-only-status"]').innerText()).toContain("ดาวน์โหลด");
  expect(pageErrors).toEqual([]);
}, 120_000);
