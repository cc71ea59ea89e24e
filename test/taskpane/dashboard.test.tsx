/**
 * @jest-environment jsdom
 */
/** ภาพรวม: where the plan stands (checks, report round, risks) and the next step as a button. */
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { dashboardOf } from "../../src/app/dashboard";
import type { WorkbookSession } from "../../src/app/session";
import { validateWorkbook } from "../../src/app/validate";
import type { CalendarMonth } from "../../src/domain/calendar";
import { summarizeRound } from "../../src/domain/progress/round";
import { OfficeWorkbook } from "../../src/hosts/office/office-workbook";
import type { PlanWorkbook } from "../../src/domain/plan";
import { readPlanWorkbook } from "../../src/workbook/read";
import { PLAN_READ } from "../../src/app/read-scope";
import { describeWorkbook } from "../../src/workbook/write";
import { loadSeed000, sampleModel } from "../../tools/build-sample";
import { FakeExcel } from "../support/fake-excel";
import { mount, services } from "../support/taskpane";

async function excelWith(model: PlanWorkbook): Promise<WorkbookSession> {
  const excel = new FakeExcel();
  const port = new OfficeWorkbook(excel.run, excel.supports);
  await port.writeSheets(describeWorkbook(model, { createdAt: new Date(0) }), "refuse");
  return { port };
}

const value = (el: Element | null) => Number(el?.getAttribute("data-value"));

describe("the dashboard", () => {
  it("shows the checks by severity, the round's statuses and money, and the risks by level, as the core counts them", async () => {
    const session = await excelWith(sampleModel(loadSeed000()));
    const validation = await validateWorkbook(session.port);
    const read = readPlanWorkbook(await session.port.readGrids(PLAN_READ));
    const board = dashboardOf(read, new Date());
    mount(services(session));
    const dashboard = await screen.findByTestId("dashboard");
    for (const sev of ["error", "warning", "info"] as const) {
      expect(value(dashboard.querySelector(`[data-severity-count="${sev}"]`))).toBe(validation.counts[sev]);
    }
    const round = summarizeRound(read.workbook, board.request.fy, board.request.round);
    const roundEl = within(dashboard).getByTestId("round-status");
    expect(roundEl.getAttribute("data-fy")).toBe(String(board.request.fy));
    for (const status of ["done", "inProgress", "notStarted", "notPossible", "notReported"] as const) {
      expect(value(roundEl.querySelector(`[data-status-count="${status}"]`))).toBe(round.total.byStatus[status]);
    }
    expect(Number(roundEl.querySelector("[data-disbursed]")?.getAttribute("data-disbursed"))).toBe(round.total.disbursed);
    expect(Number(roundEl.querySelector("[data-planned]")?.getAttribute("data-planned"))).toBe(round.total.planned);
    // the sample's three risks, one per level it uses
    const risks = within(dashboard).getByTestId("risk-levels");
    const byLevel = [...risks.querySelectorAll("[data-risk-level]")].reduce((n, el) => n + value(el), 0);
    expect(byLevel).toBe(read.workbook.risks.length);
    expect(read.workbook.risks.length).toBeGreaterThan(0);
  });

  it("names the round's unreported items as the next step, and its button opens the monthly page", async () => {
    const session = await excelWith(sampleModel(loadSeed000()));
    mount(services(session));
    const next = await screen.findByTestId("next-step", undefined, { timeout: 10_000 });
    // the sample has no errors but items not reported in the round
    expect(next.getAttribute("data-next")).toBe("reportItems");
    const button = within(next).getByTestId("next-step-button");
    expect(button.textContent).toMatch(/^บันทึกผล \d+ รายการ$/);
    fireEvent.click(button);
    expect(screen.getByTestId("tab-monthly").getAttribute("aria-selected")).toBe("true");
    expect(await screen.findByText("ผลการดำเนินงานรายเดือน", undefined, { timeout: 10_000 })).toBeTruthy(); // a page of its own chunk
  });

  it("puts errors first: a plan with errors sends the planner to the checks page", async () => {
    const model = sampleModel(loadSeed000());
    const [first, second, ...rest] = model.items;
    // two items with one code: an error the report would carry
    const broken: PlanWorkbook = { ...model, items: [first!, { ...second!, code: first!.code }, ...rest] };
    const session = await excelWith(broken);
    const { counts } = await validateWorkbook(session.port);
    expect(counts.error).toBeGreaterThan(0);
    mount(services(session));
    const next = await screen.findByTestId("next-step", undefined, { timeout: 10_000 });
    expect(next.getAttribute("data-next")).toBe("fixErrors");
    expect(within(next).getByTestId("next-step-button").textContent).toBe(`ไปแก้ข้อผิดพลาด ${counts.error} รายการ`);
    fireEvent.click(within(next).getByTestId("next-step-button"));
    expect(screen.getByTestId("tab-check").getAttribute("aria-selected")).toBe("true");
  });

  it("an empty plan is no plan to report on: the core's error (P11, issue 18) makes fixing it the next step", async () => {
    const model = sampleModel(loadSeed000());
    const session = await excelWith({ ...model, items: [], progress: [], risks: [] });
    const { counts, findings } = await validateWorkbook(session.port);
    expect(findings.some((f) => f.rule === "P11" && f.severity === "error")).toBe(true);
    mount(services(session));
    const next = await screen.findByTestId("next-step", undefined, { timeout: 10_000 });
    expect(next.getAttribute("data-next")).toBe("fixErrors");
    expect(value(screen.getByTestId("dashboard").querySelector('[data-severity-count="error"]'))).toBe(counts.error);
  });

  it("offers the report once every item of the round is reported and nothing is wrong", async () => {
    const model = sampleModel(loadSeed000());
    const read = readPlanWorkbook(await (await excelWith(model)).port.readGrids(PLAN_READ));
    const { request } = dashboardOf(read, new Date());
    const month: CalendarMonth = request.round === 6 ? 3 : 9;
    const round = summarizeRound(read.workbook, request.fy, request.round);
    const missing = round.items.filter((r) => r.status === "notReported").map((r) => r.item);
    expect(missing.length).toBeGreaterThan(0);
    const template = model.progress[0]!;
    const reported: PlanWorkbook = {
      ...model,
      progress: [
        ...model.progress,
        ...missing.map((it) => ({ ...template, code: it.code, fy: request.fy, month, status: "notStarted" as const, progressPct: 0, disbursed: undefined, ordinanceAmount: undefined })),
      ],
    };
    const session = await excelWith(reported);
    const { counts } = await validateWorkbook(session.port);
    mount(services(session));
    const next = await screen.findByTestId("next-step", undefined, { timeout: 10_000 });
    if (counts.error > 0) throw new Error(`the reported plan should have no errors, has ${counts.error}`);
    expect(next.getAttribute("data-next")).toBe("generateReport");
    fireEvent.click(within(next).getByTestId("next-step-button"));
    expect(screen.getByTestId("tab-reports").getAttribute("aria-selected")).toBe("true");
  });

  it("reads the workbook again when the planner comes back to it, so the figures follow what other pages wrote", async () => {
    const session = await excelWith(sampleModel(loadSeed000()));
    const reads = jest.spyOn(session.port, "readGrids");
    mount(services(session));
    await screen.findByTestId("dashboard");
    const before = reads.mock.calls.length;
    fireEvent.click(screen.getByTestId("tab-settings"));
    fireEvent.click(screen.getByTestId("tab-overview"));
    await waitFor(() => expect(reads.mock.calls.length).toBe(before + 1));
    await act(async () => undefined);
    expect(screen.getByTestId("dashboard")).toBeTruthy();
  });
});
