/** The consolidation plan: new rows are added, equal rows are not added twice, differing rows are conflicts, nothing is dropped. */
import fc from "fast-check";
import { planConsolidation } from "../../src/app/consolidate-plan";
import type { ProgressEntry } from "../../src/domain/plan";
import { baht, fiscalYear, type PlanCode } from "../../src/domain/units";

let row = 1;
const entry = (code: string, month: ProgressEntry["month"], over: Partial<ProgressEntry> = {}, sheet = "ผลรายเดือน"): ProgressEntry => ({
  fy: fiscalYear(2567), month, code: code as PlanCode, status: "inProgress", reason: undefined, reasonText: "", inOrdinance: undefined,
  progressPct: 50, startDate: undefined, endDate: undefined, output: "", unit: "", indicatorResult: "", result: "ประชุมแล้ว",
  budgetType: undefined, ordinanceAmount: undefined, disbursed: baht(1000), evidence: "", problems: "", recommendations: "",
  enteredBy: "", enteredOn: undefined, at: { sheet, row: ++row }, ...over,
});

it("adds new rows, skips rows already there, reports a differing row as a conflict with both values", () => {
  const master = [entry("1.1.1", 10), entry("1.1.2", 10)];
  const plan = planConsolidation(master, [
    { source: "กองคลัง.xlsx", rows: [entry("1.1.1", 10), entry("1.1.1", 11), entry("1.1.2", 10, { disbursed: baht(2000) })] },
    { source: "กองช่าง.xlsx", rows: [entry("2.1.1", 10), entry("1.1.1", 11, { progressPct: 70 }), entry("", 10)] },
  ]);
  expect(plan.toAdd.map((a) => `${a.source} ${a.entry.code} ${a.entry.month}`)).toEqual(["กองคลัง.xlsx 1.1.1 11", "กองช่าง.xlsx 2.1.1 10"]);
  expect(plan.conflicts.map((c) => [c.source, c.key.code, c.kept.source, c.differences])).toEqual([
    ["กองคลัง.xlsx", "1.1.2", "master", [{ field: "disbursed", kept: "1000", incoming: "2000" }]],
    ["กองช่าง.xlsx", "1.1.1", "กองคลัง.xlsx", [{ field: "progressPct", kept: "50", incoming: "70" }]],
  ]);
  expect(plan.unusable).toHaveLength(1);
  expect(plan.outcomes).toEqual([
    { source: "กองคลัง.xlsx", rows: 3, added: 1, alreadyThere: 1, conflicts: 1, unusable: 0 },
    { source: "กองช่าง.xlsx", rows: 3, added: 1, alreadyThere: 0, conflicts: 1, unusable: 1 },
  ]);
});

it("running it twice adds nothing the second time", () => {
  const master = [entry("1.1.1", 10)];
  const sources = [{ source: "a.xlsx", rows: [entry("1.1.2", 10), entry("1.1.3", 11)] }];
  const first = planConsolidation(master, sources);
  const second = planConsolidation([...master, ...first.toAdd.map((a) => a.entry)], sources);
  expect(first.toAdd).toHaveLength(2);
  expect(second.toAdd).toHaveLength(0);
  expect(second.conflicts).toHaveLength(0);
});

it("every source row ends in exactly one outcome (property)", () => {
  const arb = fc.array(fc.record({ code: fc.constantFrom("1.1.1", "1.1.2", "2.1.1", ""), month: fc.constantFrom(10, 11, 12) as fc.Arbitrary<ProgressEntry["month"]>, pct: fc.constantFrom(10, 50) }), { maxLength: 20 });
  fc.assert(
    fc.property(arb, fc.array(arb, { minLength: 1, maxLength: 4 }), (m, divisions) => {
      const plan = planConsolidation(
        m.map((r) => entry(r.code, r.month, { progressPct: r.pct })),
        divisions.map((d, i) => ({ source: `d${i}.xlsx`, rows: d.map((r) => entry(r.code, r.month, { progressPct: r.pct })) })),
      );
      for (const [i, o] of plan.outcomes.entries()) {
        expect(o.added + o.alreadyThere + o.conflicts + o.unusable).toBe((divisions[i] as unknown[]).length);
      }
      const keys = plan.toAdd.map((a) => `${a.entry.code}|${a.entry.month}`);
      expect(new Set(keys).size).toBe(keys.length);
    }),
  );
});
