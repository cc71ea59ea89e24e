/** Folding monthly rows into a report round, on seed 001's FY2564 12-month report and on small cases. */
import { summarizeRound } from "../../src/domain/progress/round";
import { baht, fiscalYear, type PlanCode } from "../../src/domain/units";
import { seed001Report, seed001Workbook } from "../support/seed001";

describe("seed 001, FY2564, 12-month round", () => {
  const wb = seed001Workbook();
  const s = summarizeRound(wb, fiscalYear(2564), 12);

  it("every plan item of the year appears, the 15 never reported as such", () => {
    expect(s.items).toHaveLength(80);
    expect(s.total.byStatus.notReported).toBe(15);
    const notReported = s.items.filter((r) => r.status === "notReported").map((r) => r.item.code);
    expect(notReported.sort()).toEqual(seed001Report.notReported.map((n) => n.code).sort());
  });

  it("the report row for an item not in the plan is kept apart, not dropped (M1)", () => {
    expect(s.unmatched.map((p) => p.code)).toEqual(["4.3.2(2)"]);
  });

  it("allocations and disbursements add up to the report's figures (53,500 allocated, 33,424 disbursed)", () => {
    // what the code adds up, not the fixture: the report's own totals (seed 001 L355 area)
    expect(s.total.ordinance).toBe(53500);
    expect(s.total.disbursed).toBe(33424);
    expect(s.items.find((r) => r.item.code === "3.2.1(1)")).toMatchObject({ ordinance: 13500, disbursed: 13532 });
  });

  it("implementation score = (done + 0.5 × in progress) ÷ items × 100", () => {
    const { done, inProgress } = s.total.byStatus;
    expect(s.total.implementationScore).toBeCloseTo(((done + inProgress * 0.5) / 80) * 100, 2);
    expect(done).toBe(65);
    expect(s.byDimension.map((d) => d.totals.items)).toEqual([17, 29, 19, 15]);
  });
});

describe("the 6-month round", () => {
  it("counts October–March only, and the item's state is its latest month's", () => {
    const wb = seed001Workbook();
    const code = wb.items[0]?.code as PlanCode;
    const row = (month: 10 | 3 | 4, status: "inProgress" | "done", disbursed: number) => ({
      ...(wb.progress[0] as (typeof wb.progress)[number]), code, fy: fiscalYear(2564), month, status, disbursed: baht(disbursed), progressPct: status === "done" ? 100 : 40,
    });
    const s = summarizeRound({ ...wb, progress: [row(10, "inProgress", 1000), row(3, "inProgress", 500), row(4, "done", 9000)] }, fiscalYear(2564), 6);
    const first = s.items[0];
    expect(first).toMatchObject({ status: "inProgress", disbursed: 1500, progressPct: 40 });
    expect(s.total.byStatus.notReported).toBe(79);
  });
});
