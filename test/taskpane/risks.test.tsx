/**
 * @jest-environment jsdom
 */
/**
 * The ความเสี่ยง page in jsdom over the counting Excel fake (and over the sample file in standalone mode):
 * the heat maps with the core's counts, a cell's risks on a click, plan items and warnings, adding from
 * the library, generating the report sheet, and the round trips each costs.
 */
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { generatedSheets, readRiskOverview, RISK_REPORT_SHEET } from "../../src/app/risks";
import { officeSession } from "../../src/hosts/office/office-session";
import { OfficeWorkbook } from "../../src/hosts/office/office-workbook";
import { openFileSession } from "../../src/hosts/xlsx/file-session";
import type { Lang } from "../../src/taskpane/i18n";
import { readPlanWorkbook } from "../../src/workbook/read";
import { FakeExcel } from "../support/fake-excel";
import { mount, sampleExcel, services } from "../support/taskpane";
import { expectSyncsAfterOwnWrite, trips } from "../support/budget";

const REGISTER = "ทะเบียนความเสี่ยง";




async function ready(): Promise<HTMLElement> {
  const page = await screen.findByTestId("risks");
  await waitFor(() => expect(page.getAttribute("data-ready")).toBe("true"));
  return page;
}

async function openRisks(excel: FakeExcel, lang: Lang = "th"): Promise<HTMLElement> {
  mount(services({ port: new OfficeWorkbook(excel.run, excel.supports) }), false, lang);
  await screen.findByTestId("dashboard");
  fireEvent.click(screen.getByTestId("tab-risks"));
  return ready();
}

const cellOf = (page: HTMLElement, side: string, l: number, i: number) =>
  page.querySelector(`[data-testid="heat-cell"][data-side="${side}"][data-likelihood="${l}"][data-impact="${i}"]`) as HTMLButtonElement;
const listed = (page: HTMLElement) => within(page).queryAllByTestId("risk").map((li) => li.dataset.id);

describe("the ความเสี่ยง page in Excel", () => {
  it("reads the register once and draws both heat maps with the core's counts and level colours", async () => {
    const excel = await sampleExcel();
    const expected = await readRiskOverview(new OfficeWorkbook(excel.run, excel.supports));
    const page = await openRisks(excel);
    const syncs = excel.syncCount;
    expect(within(page).getByTestId("risks-summary").textContent).toBe("ความเสี่ยง 3 รายการ · เมทริกซ์ 5×5 (จากแผ่นงานเมทริกซ์ความเสี่ยง)");
    for (const side of ["inherent", "residual"] as const) {
      const cells = within(within(page).getByTestId(`heatmap-${side}`)).getAllByTestId("heat-cell");
      expect(cells).toHaveLength(25);
      for (const cell of cells) {
        const l = Number(cell.dataset.likelihood);
        const i = Number(cell.dataset.impact);
        expect(Number(cell.dataset.count)).toBe(expected.heatMap[side][l - 1]?.[i - 1]);
        expect(cell.dataset.level).toBe(expected.matrix.cells[l - 1]?.[i - 1]);
      }
    }
    const c = cellOf(page, "inherent", 3, 4);
    expect(c.textContent).toBe("1");
    expect(c.getAttribute("aria-label")).toBe("โอกาส 3 (ปานกลาง) × ผลกระทบ 4 (สูง): ระดับสูง, 1 รายการ");
    expect(c.style.backgroundColor).toBe("rgb(255, 148, 0)");
    expect(excel.syncCount).toBe(syncs);
  });

  it("a click on a cell lists its risks, with their plan items; 'show all' lists them all again", async () => {
    const page = await openRisks(await sampleExcel());
    expect(listed(page)).toEqual(["R-01", "R-02", "R-03"]);
    fireEvent.click(cellOf(page, "inherent", 3, 4));
    expect(cellOf(page, "inherent", 3, 4).getAttribute("aria-pressed")).toBe("true");
    expect(listed(page)).toEqual(["R-01"]);
    expect(within(page).getByTestId("risk-list-heading").textContent).toBe("ก่อนการควบคุม โอกาส 3 × ผลกระทบ 4: 1 รายการ");
    const items = within(within(page).getByTestId("risk")).getByTestId("risk-items");
    expect([...items.querySelectorAll("li")].map((li) => li.dataset.code)).toEqual(["2.1.1", "2.2.4"]);
    expect(items.textContent).toContain("โครงการเสริมสร้างความโปร่งใสในการบริหารงบประมาณ");
    // after controls R-01 is likelihood 2 × impact 4 (entered), R-02 1 × 3, R-03 2 × 5
    fireEvent.click(cellOf(page, "residual", 2, 4));
    expect(listed(page)).toEqual(["R-01"]);
    fireEvent.click(cellOf(page, "residual", 5, 5));
    expect(listed(page)).toEqual([]);
    expect(within(page).getByTestId("no-risks").textContent).toBe("ไม่มีความเสี่ยงในช่องนี้");
    fireEvent.click(within(page).getByTestId("show-all-risks"));
    expect(listed(page)).toHaveLength(3);
  });

  it("warns where a high or very high risk has no plan item among its controls", async () => {
    const excel = await sampleExcel();
    excel.setCell(REGISTER, "R2", { value: "ตรวจสอบภายในทุกเดือน" }); // R-01 (สูง, 12): a free-text control naming no item
    const page = await openRisks(excel);
    expect(within(page).getByTestId("risks-unlinked").textContent).toBe("ความเสี่ยงระดับสูงขึ้นไป 1 รายการยังไม่มีรายการในแผนเป็นมาตรการควบคุม");
    const r1 = within(page).getAllByTestId("risk").find((li) => li.dataset.id === "R-01") as HTMLElement;
    expect(r1.dataset.needsItems).toBe("true");
    expect(within(r1).getByTestId("risk-warning").textContent).toBe("ความเสี่ยงระดับสูงต้องมีรายการในแผนเป็นมาตรการควบคุม");
    // the item text is Thai in word spans (ThaiText): read as textContent, the whole line
    expect([...within(r1).getByTestId("risk-items").querySelectorAll("li")].map((li) => li.textContent)).toContain("ตรวจสอบภายในทุกเดือน (ไม่พบในแผน)");
    expect(within(page).getAllByTestId("risk-warning")).toHaveLength(1);
  });

  it("adds chosen risks from the library to the register, then shows them: three syncs", async () => {
    const excel = await sampleExcel();
    const page = await openRisks(excel);
    fireEvent.click(within(page).getByTestId("open-library"));
    const dialog = await screen.findByTestId("library-dialog");
    // Fluent's Checkbox puts its native props (data-*) on the input itself
    const entry = (id: string) => within(dialog).getAllByTestId("library-entry").find((e) => e.dataset.id === id) as HTMLInputElement;
    fireEvent.click(entry("proc-spec-bias"));
    fireEvent.click(entry("service-gifts"));
    expect(within(dialog).getByTestId("library-add").textContent).toBe("เพิ่ม 2 รายการ");
    const before = excel.syncCount;
    await act(async () => {
      fireEvent.click(within(dialog).getByTestId("library-add"));
    });
    await ready();
    await waitFor(() => expect(listed(page)).toHaveLength(5));
    expectSyncsAfterOwnWrite(excel, excel.syncCount - before, 2 * trips(excel).read + trips(excel).append); // read + append, then the page reads again
    expect(within(page).getByTestId("risks-status").textContent).toContain("เพิ่มความเสี่ยง 2 รายการในทะเบียนความเสี่ยงแล้ว (R-04, R-05)");
    expect(excel.sheet(REGISTER)?.cells.get("D5")?.value).toBe("กำหนดคุณลักษณะเฉพาะ (TOR) หรือราคากลางเอื้อประโยชน์แก่ผู้เสนอราคารายใดรายหนึ่ง");
    const read = readPlanWorkbook(await new OfficeWorkbook(excel.run, excel.supports).readGrids());
    expect(read.workbook.risks.map((r) => r.id)).toEqual(["R-01", "R-02", "R-03", "R-04", "R-05"]);
    expect(read.findings).toEqual([]);

    // opened again, the library marks what the register now holds: checked, greyed, and said in words
    fireEvent.click(within(page).getByTestId("open-library"));
    const again = await screen.findByTestId("library-dialog");
    const entryAgain = (id: string) => within(again).getAllByTestId("library-entry").find((e) => e.dataset.id === id) as HTMLInputElement;
    for (const id of ["proc-spec-bias", "service-gifts"]) {
      expect(entryAgain(id).dataset.inRegister).toBe("true");
      expect(entryAgain(id).disabled).toBe(true);
      expect(entryAgain(id).checked).toBe(true);
      expect(entryAgain(id).closest("li")?.textContent).toContain("มีในทะเบียนแล้ว");
    }
    const others = within(again).getAllByTestId("library-entry").filter((e) => e.dataset.inRegister === "true").map((e) => e.dataset.id);
    expect(others).toEqual(expect.arrayContaining(["proc-spec-bias", "service-gifts"]));
    expect(within(again).getByTestId("library-add").textContent).toBe("เพิ่ม 0 รายการ");
  });

  it("generates the การประเมินความเสี่ยง sheet in the workbook: three syncs, and says so", async () => {
    const excel = await sampleExcel();
    const page = await openRisks(excel);
    const before = excel.syncCount;
    await act(async () => {
      fireEvent.click(within(page).getByTestId("generate-report"));
    });
    await ready();
    expectSyncsAfterOwnWrite(excel, excel.syncCount - before, trips(excel).read + trips(excel).write);
    expect(excel.sheet(RISK_REPORT_SHEET)).toBeDefined();
    // page layout is ExcelApi 1.9; below it the sheet prints with Excel's defaults
    if (excel.supports("1.9")) expect(excel.sheet(RISK_REPORT_SHEET)?.pageLayout).toMatchObject({ orientation: "Landscape", paperSize: "A4" });
    else expect(excel.sheet(RISK_REPORT_SHEET)?.pageLayout).toEqual({});
    expect(generatedSheets(await new OfficeWorkbook(excel.run, excel.supports).readGrids())).toEqual([RISK_REPORT_SHEET]);
    expect(within(page).getByTestId("risks-status").textContent).toBe(`สร้างแผ่นงาน "${RISK_REPORT_SHEET}" ในสมุดงานแล้ว (พิมพ์ได้บนกระดาษ A4 แนวนอน)`);
  });

  it("never writes over a sheet of that name the user made", async () => {
    const excel = await sampleExcel();
    excel.setCell(RISK_REPORT_SHEET, "A1", { value: "ของฉัน" });
    const page = await openRisks(excel);
    await act(async () => {
      fireEvent.click(within(page).getByTestId("generate-report"));
    });
    await ready();
    expect(within(page).getByTestId("risks-status").textContent).toContain("ที่ไม่ได้สร้างโดยสุจริตอยู่แล้ว จึงไม่เขียนทับ");
    expect(excel.sheet(RISK_REPORT_SHEET)?.cells.get("A1")?.value).toBe("ของฉัน");
  });

  it("a click on a risk's cell button selects its row in Excel (one sync); the page reads again after edits", async () => {
    jest.useFakeTimers({ doNotFake: ["queueMicrotask", "nextTick", "setImmediate"] });
    try {
      const excel = await sampleExcel();
      mount(services(officeSession(excel.run, excel.supports)));
      await screen.findByTestId("dashboard");
      fireEvent.click(screen.getByTestId("tab-risks"));
      const page = await ready();
      const before = excel.syncCount;
      await act(async () => {
        fireEvent.click(within(page).getAllByTestId("risk-go")[1] as HTMLElement);
      });
      expect(excel.selection).toEqual({ sheet: REGISTER, address: "A3" });
      expect(excel.syncCount - before).toBe(1);
      excel.setCell(REGISTER, "F3", { value: 5 });
      excel.setCell(REGISTER, "G3", { value: 5 });
      await act(async () => {
        await excel.fireChange(REGISTER, "F3:G3");
        jest.advanceTimersByTime(1000);
      });
      await waitFor(() => expect(cellOf(page, "inherent", 5, 5).dataset.count).toBe("1"));
    } finally {
      jest.useRealTimers();
    }
  });

  it("speaks English", async () => {
    const page = await openRisks(await sampleExcel(), "en");
    expect(within(page).getByTestId("risks-summary").textContent).toBe("3 risks · 5×5 matrix (from the risk matrix sheet)");
    expect(cellOf(page, "inherent", 3, 4).getAttribute("aria-label")).toBe("Likelihood 3 (Medium) × impact 4 (High): High, 1 risks");
    expect(within(page).getByTestId("open-library").textContent).toBe("Add from the risk library");
  });
});

it("standalone: the sample file's risks, and a generated sheet to download", async () => {
  const bytes = readFileSync(join(__dirname, "..", "..", "samples", "nasameng-2566-2570.xlsx"));
  const session = await openFileSession("nasameng.xlsx", new Uint8Array(bytes));
  mount(services(undefined, session), true);
  await screen.findByTestId("dashboard");
  fireEvent.click(screen.getByTestId("tab-risks"));
  const page = await ready();
  expect(listed(page)).toEqual(["R-01", "R-02", "R-03"]);
  await act(async () => {
    fireEvent.click(within(page).getByTestId("generate-report"));
  });
  await ready();
  expect(within(page).getByTestId("risks-status").textContent).toContain("ดาวน์โหลดแฟ้ม");
  expect(screen.getByTestId("download")).toBeTruthy();
  const grids = await session.port.readGrids();
  expect(grids.sheets.some((s) => s.name === RISK_REPORT_SHEET)).toBe(true);
});
