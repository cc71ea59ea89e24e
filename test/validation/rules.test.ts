/** Each rule on small plans: it fires on the mistake, at the right place, and stays quiet on clean input. */
import { PRESETS } from "../../src/domain/risk/matrix";
import { newPlan } from "../../src/app/template";
import type { PlanItem, PlanWorkbook, ProgressEntry } from "../../src/domain/plan";
import { baht, type Baht, fiscalYear, type NodeCode, type PlanCode } from "../../src/domain/units";
import { type Locator, RULES, runRules } from "../../src/domain/validation";
import { foreignOrgMentions } from "../../src/domain/validation/rules/text";

const locator: Locator = {
  field: (table, at, field) => ({ sheet: table, cell: `${field}@${at?.row ?? "?"}` }),
  setting: (key) => ({ sheet: "settings", cell: key }),
};

let row = 1;
function item(over: Partial<PlanItem> = {}): PlanItem {
  row++;
  return {
    code: `1.1.${row}` as PlanCode, dimension: 1, mission: "1.1" as NodeCode, subMission: undefined, kind: "project",
    name: `โครงการที่ ${row}`, budgets: { 2566: baht(0), 2567: baht(0), 2568: baht(0), 2569: baht(0), 2570: baht(0) } as Record<number, Baht>,
    note: "ไม่ใช้งบประมาณ", owner: "", indicator: "", target: "", targetGroups: [], quarters: [], itaIndicator: "",
    at: { sheet: "plan", row }, ...over,
  };
}
function progress(over: Partial<ProgressEntry>): ProgressEntry {
  row++;
  return {
    fy: fiscalYear(2567), month: 10, code: "1.1.2" as PlanCode, status: "inProgress", reason: undefined, reasonText: "",
    inOrdinance: undefined, progressPct: undefined, startDate: undefined, endDate: undefined, output: "", unit: "",
    indicatorResult: "", result: "", budgetType: undefined, ordinanceAmount: undefined, disbursed: undefined, evidence: "",
    problems: "", recommendations: "", enteredBy: "", enteredOn: undefined, at: { sheet: "progress", row }, ...over,
  };
}
function plan(items: PlanItem[], prog: ProgressEntry[] = [], settings: Partial<PlanWorkbook["settings"]> = {}): PlanWorkbook {
  const base = newPlan({ orgName: "เทศบาลตำบลก้อ", orgType: "subdistrictMunicipality", district: "ลี้", province: "ลำพูน", firstYear: fiscalYear(2566), years: 5, framework: "2566-2570" });
  return { ...base, settings: { ...base.settings, ...settings }, items, progress: prog };
}
const check = (wb: PlanWorkbook, rule?: string) =>
  runRules({ wb, at: locator, planYears: [2566, 2567, 2568, 2569, 2570].map(fiscalYear) })
    .filter((f) => !rule || f.rule === rule)
    .map((f) => `${f.rule} ${f.location.cell}`);
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

beforeEach(() => { row = 1; });

it("every rule has a unique id and a Thai and English title", () => {
  const ids = RULES.map((r) => r.id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const r of RULES) expect(r.title.th && r.title.en).toBeTruthy();
});

it("a clean plan has no findings", () => {
  expect(check(plan([item(), item({ budgets: { 2566: baht(5000), 2567: baht(5000), 2568: baht(0), 2569: baht(0), 2570: baht(0) } as never, note: "" })]))).toEqual([]);
});

describe("settings", () => {
  it("S3: report FY outside the plan", () => {
    expect(check(plan([], [], { reportFy: fiscalYear(2571) }), "S3")).toEqual(["S3 reportFy"]);
    expect(check(plan([], [], { reportFy: fiscalYear(2570) }), "S3")).toEqual([]);
  });
});

describe("plan structure", () => {
  it("P2/P3/P4: dimension, mission and sub-mission must fit the framework", () => {
    const wb = plan([item({ dimension: undefined }), item({ mission: "2.1" as NodeCode }), item({ mission: "1.9" as NodeCode }), item({ subMission: "1.1.9" as NodeCode })]);
    expect(check(wb, "P2")).toEqual(["P2 dimension@2"]);
    expect(check(wb, "P3")).toEqual(["P3 mission@3", "P3 mission@4"]);
    expect(check(wb, "P4")).toEqual(["P4 subMission@5"]);
  });
  it("P5 suggests the kind from the name; P6 catches a kind that disagrees with it", () => {
    const wb = plan([item({ kind: undefined, name: "มาตรการจัดการเรื่องร้องเรียน" }), item({ kind: "activity", name: "โครงการอบรม" })]);
    expect(runRules({ wb, at: locator, planYears: [2566].map(fiscalYear) }).filter((f) => f.rule === "P5")[0]?.suggestion).toBe("มาตรการ");
    expect(check(wb, "P6")).toEqual(["P6 kind@3"]);
  });
  it("P7 duplicate code (seed 001: ๒.๕.๒ (๑) twice) is reported on the second use", () => {
    expect(check(plan([item({ code: "2.5.2(1)" as PlanCode, dimension: 2, mission: "2.5" as NodeCode }), item({ code: "2.5.2(1)" as PlanCode, dimension: 2, mission: "2.5" as NodeCode })]), "P7"))
      .toEqual(["P7 code@3"]);
  });
  it("P8 code outside its mission, P9 empty name, P10 same name twice", () => {
    const wb = plan([item({ code: "2.1.1" as PlanCode }), item({ name: "" }), item({ name: "โครงการ ก" }), item({ name: "โครงการ  ก" })]);
    expect(check(wb, "P8")).toEqual(["P8 code@2"]);
    expect(check(wb, "P9")).toEqual(["P9 name@3"]);
    expect(check(wb, "P10")).toEqual(["P10 name@5"]);
  });
});

describe("budget", () => {
  const b = (...v: number[]) => Object.fromEntries([2566, 2567, 2568, 2569, 2570, 2571].map((y, i) => [y, baht(v[i] ?? 0)])) as Record<number, Baht>;
  it("B2 negative, B4 no-budget note with budget, B5 no note, B8 outside the plan", () => {
    const wb = plan([item({ budgets: b(-5), note: "" }), item({ budgets: b(0, 100) }), item({ note: "" }), item({ budgets: b(0, 0, 0, 0, 0, 900), note: "" })]);
    expect(check(wb, "B2")).toEqual(["B2 budget:2566@2"]);
    expect(check(wb, "B4")).toEqual(["B4 note@3"]);
    expect(check(wb, "B5")).toEqual(["B5 note@4"]);
    expect(check(wb, "B8")).toEqual(["B8 budget:2571@5"]);
  });
  it("B9 flags an amount far above the others (an extra zero)", () => {
    const wb = plan([...[1, 2, 3, 4, 5].map(() => item({ budgets: b(20000), note: "" })), item({ budgets: b(20_000_000), note: "" })]);
    expect(check(wb, "B9")).toEqual(["B9 budget:2566@7"]);
  });
});

describe("progress", () => {
  const funded = () => item({ code: "1.1.2" as PlanCode, budgets: { 2566: baht(0), 2567: baht(13500) } as never, note: "" });
  it("M1 unknown code, M2 FY outside the plan", () => {
    const wb = plan([funded()], [progress({ code: "9.9.9" as PlanCode }), progress({ fy: fiscalYear(2580) })]);
    expect(check(wb, "M1")).toEqual(["M1 code@3"]);
    expect(check(wb, "M2")).toEqual(["M2 fy@4"]);
  });
  it("M3: a 2562 date in an FY2564 report (seed 001), start after end, done without an end date", () => {
    const wb = plan([funded()], [
      progress({ fy: fiscalYear(2567), startDate: d("2019-05-01") }),
      progress({ month: 11, startDate: d("2023-12-01"), endDate: d("2023-11-01") }),
      progress({ month: 12, status: "done", progressPct: 100, startDate: d("2023-12-01") }),
    ]);
    expect(check(wb, "M3")).toEqual(["M3 startDate@3", "M3 endDate@4", "M3 endDate@5"]);
  });
  it("M4: cumulative disbursement above the allocation (seed 001: 13,532 against 13,500), on the month it passes", () => {
    const wb = plan([funded()], [
      progress({ month: 10, ordinanceAmount: baht(13500), disbursed: baht(10000) }),
      progress({ month: 12, ordinanceAmount: baht(13500), disbursed: baht(3532) }),
      progress({ month: 11, ordinanceAmount: baht(13500), disbursed: baht(0) }),
    ]);
    const f = runRules({ wb, at: locator, planYears: [2567].map(fiscalYear) }).filter((x) => x.rule === "M4");
    expect(f.map((x) => x.location.cell)).toEqual(["disbursed@4"]);
    expect(f[0]?.found).toBe("13,532");
  });
  it("M5 above the planned budget without an allocation; M6 money on an item without budget", () => {
    const wb = plan([funded(), item({ code: "1.1.9" as PlanCode })], [progress({ disbursed: baht(14000) }), progress({ code: "1.1.9" as PlanCode, disbursed: baht(50) })]);
    expect(check(wb, "M5")).toEqual(["M5 disbursed@4"]);
    expect(check(wb, "M6")).toEqual(["M6 disbursed@5"]);
  });
  it("M11 an allocation above the year's plan budget; M12 an allocation changed by more than 1.5 times between months (issue 18)", () => {
    // the mistake: 13,500 planned, then 13,500 → 27,000 typed in the next month (twice the plan)
    const wb = plan([funded(), item({ code: "1.1.9" as PlanCode })], [
      progress({ month: 10, ordinanceAmount: baht(13500) }),
      progress({ month: 11, ordinanceAmount: baht(27000) }),
      progress({ month: 12, ordinanceAmount: baht(13500) }),
      progress({ code: "1.1.9" as PlanCode, month: 10, ordinanceAmount: baht(5000) }),
    ]);
    const [oct, nov, dec, other] = wb.progress.map((p) => p.at?.row);
    expect(check(wb, "M11")).toEqual([`M11 ordinanceAmount@${nov}`, `M11 ordinanceAmount@${other}`]);
    const m11 = runRules({ wb, at: locator, planYears: [2567].map(fiscalYear) }).filter((x) => x.rule === "M11");
    expect(m11[0]?.message.th).toBe("1.1.2 วงเงินจัดสรร 27,000 บาท เกินงบตามแผนปี 2567 (13,500 บาท) 2 เท่า — ตรวจสอบตัวเลข หรือปรับแผน");
    expect(m11[1]?.message.th).toContain("ไม่มีงบตามแผนในปี 2567");
    // back down in December is a sharp change (M12); November's rise is M11's alone (one finding per mistake)
    expect(check(wb, "M12")).toEqual([`M12 ordinanceAmount@${dec}`]);
    // within the plan, a jump of more than 1.5 times is M12 alone
    const jump = plan([item({ code: "1.1.2" as PlanCode, budgets: { 2566: baht(0), 2567: baht(100000) } as never, note: "" })], [
      progress({ month: 10, ordinanceAmount: baht(40000) }), progress({ month: 11, ordinanceAmount: baht(100000) }),
    ]);
    expect(check(jump, "M11")).toEqual([]);
    expect(check(jump, "M12")).toEqual([`M12 ordinanceAmount@${jump.progress[1]?.at?.row}`]);
    expect(oct).toBeDefined();
    // within the factor, and at or below the plan: nothing
    const calm = plan([funded()], [progress({ month: 10, ordinanceAmount: baht(10000) }), progress({ month: 11, ordinanceAmount: baht(13500) })]);
    expect(check(calm, "M11")).toEqual([]);
    expect(check(calm, "M12")).toEqual([]);
  });
  it("M7 out of range or going down; M8 status disagreements; M9 two rows for one month", () => {
    const wb = plan([funded()], [
      progress({ month: 10, progressPct: 50 }),
      progress({ month: 11, progressPct: 30 }),
      progress({ month: 12, progressPct: 130 }),
      progress({ month: 1, status: "done", progressPct: 80, endDate: d("2024-01-10") }),
      progress({ month: 2, status: "notPossible" }),
      progress({ month: 2, status: "notPossible", reason: "noStaff" }),
    ]);
    expect(check(wb, "M7")).toEqual(["M7 progressPct@5", "M7 progressPct@4", "M7 progressPct@6"]);
    expect(check(wb, "M8")).toEqual(["M8 status@6", "M8 reason@7"]);
    expect(check(wb, "M9")).toEqual(["M9 code@8"]);
  });
  it("M10: items of the FY with no progress by the end of the round", () => {
    const items = [item(), item(), item()];
    const rows = [progress({ code: "1.1.2" as PlanCode, month: 3 }), progress({ code: "1.1.3" as PlanCode, month: 4 })];
    const wb = plan(items, rows, { reportFy: fiscalYear(2567), round: 6 });
    // 1.1.2 reported in March (inside the 6-month round); 1.1.3 only in April (after it); 1.1.4 never
    expect(check(wb, "M10")).toEqual(["M10 code@3", "M10 code@4"]);
    expect(check({ ...wb, settings: { ...wb.settings, round: 12 } }, "M10")).toEqual(["M10 code@4"]);
  });
});

describe("text", () => {
  it("T1 finds other organizations, as in seed 001, and not the organization itself", () => {
    expect(foreignOrgMentions("ประชาชนในเขตตำบลหนองปลับเข้าร่วม", "เทศบาลตำบลก้อ", "subdistrictMunicipality").map((m) => m.text)).toEqual(["ตำบลหนองปลับ"]);
    expect(foreignOrgMentions("องค์การบริหารส่วนตำบลก้อ จัดอบรม", "เทศบาลตำบลก้อ", "subdistrictMunicipality").map((m) => m.text)).toEqual(["องค์การบริหารส่วนตำบลก้อ"]);
    expect(foreignOrgMentions("เทศบาลตำบลก้อมอบหมายให้ปลัด ตำบลก้อ และเทศบาลตำบลทุกแห่ง", "เทศบาลตำบลก้อ", "subdistrictMunicipality")).toEqual([]);
    expect(foreignOrgMentions("องค์การบริหารส่วนตำบลมอบหมายให้ปลัดองค์การบริหารส่วนตำบล", "องค์การบริหารส่วนตำบลนาสะเม็ง", "sao")).toEqual([]);
    const wb = plan([item({ name: "โครงการอบรมพนักงานเทศบาลตำบลหนองปลับ" })]);
    expect(check(wb, "T1")).toEqual(["T1 name@2"]);
  });
  it("T2 notes text that starts like a formula", () => {
    expect(check(plan([item({ note: "=SUM(A1)" }), item({ note: "-" })]), "T2")).toEqual(["T2 note@2"]);
  });
});

describe("risk register", () => {
  const risk = (over: Partial<import("../../src/domain/plan").RiskEntry>) => {
    row++;
    return {
      id: `R-${row}`, process: "การจัดซื้อจัดจ้าง", category: "budget" as const, event: "กำหนดคุณลักษณะเฉพาะเอื้อผู้เสนอราคา", factor: "known" as const,
      likelihood: 2, impact: 2, existingControls: "", controlRating: "fair" as const, residualLikelihood: undefined, residualImpact: undefined,
      mitigations: ["1.1.2"], owner: "", statusLight: undefined, reviewedOn: undefined, at: { sheet: "risks", row }, ...over,
    };
  };
  // the plan item (row 2: code 1.1.2, "โครงการที่ 2") is made before the risks (rows 3…)
  const withRisks = (make: () => ReturnType<typeof risk>[], matrix: "5x5" | "3x3" = "5x5") => {
    const base = plan([item()], [], { riskMatrix: matrix });
    // the workbook's own matrix scores (its เมทริกซ์ความเสี่ยง sheet): here, the preset the settings name
    return { ...base, riskMatrix: PRESETS[matrix], risks: make() };
  };
  it("R1 outside the scale (depends on the matrix), R2 no event, R5 no rating", () => {
    const wb = withRisks(() => [risk({ likelihood: 6 }), risk({ event: "" }), risk({ controlRating: undefined }), risk({ impact: 4 })], "3x3");
    expect(check(wb, "R1")).toEqual(["R1 likelihood@3", "R1 impact@6"]);
    expect(check(wb, "R2")).toEqual(["R2 event@4"]);
    expect(check(wb, "R5")).toEqual(["R5 controlRating@5"]);
  });
  it("R3 high risks need plan items; R4 codes must exist; R7 free text must name an item", () => {
    const wb = withRisks(() => [
      risk({ likelihood: 4, impact: 4, mitigations: [] }),
      risk({ likelihood: 5, impact: 5, mitigations: ["1.1.2"] }),
      risk({ likelihood: 4, impact: 3, mitigations: ["โครงการที่ 2"] }),
      risk({ mitigations: ["9.9.9", "ตรวจสอบภายในทุกเดือน"] }),
    ]);
    expect(check(wb, "R3")).toEqual(["R3 mitigations@3"]);
    expect(check(wb, "R4")).toEqual(["R4 mitigations@6"]);
    expect(check(wb, "R7")).toEqual(["R7 mitigations@6"]);
  });
  it("R7 matches controls the way people write them: the organization's name as หน่วยงาน, quotes, Thai digits, kind words", () => {
    const named = (names: string[], mitigations: string[]) => {
      const base = plan(names.map((name) => item({ name })), [], { riskMatrix: "5x5" });
      return { ...base, riskMatrix: PRESETS["5x5"], risks: [risk({ mitigations })] };
    };
    const plain = named(["มาตรการจัดให้มีระบบและช่องทางการรับเรื่องร้องเรียนเกี่ยวกับการทุจริตของเทศบาลตำบลก้อ", "กิจกรรม “ควบคุมการเบิกจ่ายเงินตามข้อบัญญัติงบประมาณรายจ่ายประจำปี ๒๕๖๖”"],
      ["มาตรการจัดให้มีระบบและช่องทางการรับเรื่องร้องเรียนเกี่ยวกับการทุจริตของหน่วยงาน", "ควบคุมการเบิกจ่ายเงินตามข้อบัญญัติงบประมาณรายจ่ายประจำปี 2566"]);
    expect(runRules({ wb: plain, at: locator, planYears: [2566].map(fiscalYear) }).filter((f) => f.rule === "R7")).toEqual([]);
  });
  it("R7 offers the similar item with its code, and one finding per name listing every risk that uses it", () => {
    const base = plan([item({ name: "โครงการประเมินความพึงพอใจของประชาชนที่มีต่อการให้บริการ" })], [], { riskMatrix: "5x5" });
    const code = base.items[0]?.code;
    const typo = "โครงการประเมินความพอใจของประชาชนที่มีต่อการให้บริการ";
    const risks = [risk({ mitigations: [typo] }), risk({ mitigations: ["ตรวจสอบภายในทุกเดือน"] }), risk({ mitigations: [typo] }), risk({ mitigations: ["ตรวจสอบภายใน ทุกเดือน"] })];
    const [a, c, b, d] = risks.map((x) => x.at.row);
    const wb = { ...base, riskMatrix: PRESETS["5x5"], risks };
    const r7 = runRules({ wb, at: locator, planYears: [2566].map(fiscalYear) }).filter((f) => f.rule === "R7");
    expect(r7.map((f) => [f.location.cell, f.found, f.suggestion])).toEqual([[`mitigations@${a}`, typo, code], [`mitigations@${c}`, "ตรวจสอบภายในทุกเดือน", undefined]]);
    expect(r7[0]?.message.th).toContain(`หมายถึง ${code} `);
    expect(r7[0]?.message.en).toContain(`did you mean ${code} `);
    expect(r7[0]?.message.th).toContain(`R-${a} (mitigations@${a}), R-${b} (mitigations@${b})`);
    expect(r7[1]?.message.th).toContain(`R-${c} (mitigations@${c}), R-${d} (mitigations@${d})`);
    // the similar name links the item: a high risk controlled by it needs no R3
    const high = { ...wb, risks: [risk({ likelihood: 5, impact: 5, mitigations: [typo] })] };
    expect(check(high, "R3")).toEqual([]);
  });
  it("R7 splits a cell's list only where each part is an item, and keeps a name with commas whole", () => {
    const base = plan([item({ name: "โครงการส่งเสริมคุณธรรม จริยธรรม และความโปร่งใส" }), item({ name: "มาตรการตรวจสอบพัสดุประจำปี" }), item({ name: "กิจกรรมเปิดเผยราคากลาง" })], [], { riskMatrix: "5x5" });
    const reader = (cell: string) => cell.split(/[,;\n]/).map((x) => x.trim()).filter(Boolean); // as parseCodes splits a cell
    const wb = (cell: string) => ({ ...base, riskMatrix: PRESETS["5x5"], risks: [risk({ likelihood: 5, impact: 5, mitigations: reader(cell) })] });
    const r = (cell: string) => runRules({ wb: wb(cell), at: locator, planYears: [2566].map(fiscalYear) }).filter((f) => ["R3", "R7"].includes(f.rule)).map((f) => `${f.rule} ${f.found ?? ""}`);
    expect(r("โครงการส่งเสริมคุณธรรม, จริยธรรม และความโปร่งใส")).toEqual([]);
    expect(r("มาตรการตรวจสอบพัสดุประจำปี, กิจกรรมเปิดเผยราคากลาง")).toEqual([]);
    expect(r("1. มาตรการตรวจสอบพัสดุประจำปี 2. กิจกรรมเปิดเผยราคากลาง")).toEqual([]);
    expect(r("ตรวจสอบพัสดุประจำปี, เปิดเผยราคากลาง และโครงการส่งเสริมคุณธรรม, จริยธรรม และความโปร่งใส")).toEqual([]);
    // parts that are not items stay one control: one R7, not three (and the high risk has no item: R3)
    expect(r("อบรมเจ้าหน้าที่, ตรวจสอบเอกสาร และรายงานผู้บริหาร")).toEqual(["R3 อบรมเจ้าหน้าที่, ตรวจสอบเอกสาร และรายงานผู้บริหาร", "R7 อบรมเจ้าหน้าที่, ตรวจสอบเอกสาร และรายงานผู้บริหาร"]);
  });
  it("R6 residual above inherent", () => {
    expect(check(withRisks(() => [risk({ residualLikelihood: 4 }), risk({ residualLikelihood: 1, residualImpact: 2 })]), "R6")).toEqual(["R6 residualLikelihood@3"]);
  });
});
