/**
 * @jest-environment jsdom
 */
/**
 * The ตรวจสอบ page in jsdom over the counting Excel fake (and over a real .xlsx in standalone mode):
 * what it lists, how it groups and filters, what a click does, the marks it leaves in the workbook,
 * the live re-check, and the number of round trips.
 */
import { act, cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { validateWorkbook } from "../../src/app/validate";
import type { Finding, Severity } from "../../src/domain/findings";
import { RULES } from "../../src/domain/validation";
import { MARK_FILL, MARK_TAG, officeSession } from "../../src/hosts/office/office-session";
import { OfficeWorkbook, roundTrips } from "../../src/hosts/office/office-workbook";
import { openFileSession } from "../../src/hosts/xlsx/file-session";
import { LIVE_DEBOUNCE_MS } from "../../src/taskpane/pages/ChecksPage";
import { FakeExcel, setsUpTo } from "../support/fake-excel";
import { mount, sampleExcel, services } from "../support/taskpane";
import { trips } from "../support/budget";

const PLAN = "แผนปฏิบัติการ";
const PROGRESS = "ผลรายเดือน";
const SETTINGS = "ตั้งค่า";
const M1_TITLE = RULES.find((r) => r.id === "M1")?.title.th;

/** Syncs of one full check in Excel: read the workbook; then the marks (load, replace, and events back on from ExcelApi 1.8). */
const syncsPerCheck = (excel: FakeExcel): number => roundTrips(excel.supports).read + (excel.supports("1.6") ? roundTrips(excel.supports).highlight : 0);


/** The sample with the mistakes users make: a duplicate code, a kind that disagrees with the name, a negative budget. */
async function excelWithMistakes(): Promise<FakeExcel> {
  const excel = await sampleExcel();
  excel.setCell(PLAN, "A4", { value: "1.1.1" }); // 1.1.1 is A2's code → P7 at A4 (and 1.1.3's progress rows now point nowhere: M1)
  excel.setCell(PLAN, "E5", { value: "กิจกรรม" }); // the name starts with โครงการ → P6 at E5
  excel.setCell(PLAN, "G6", { value: -500 }); // → B2 at G6
  return excel;
}



/** Mounts the pane on the Excel fake, opens the ตรวจสอบ tab and waits for the first check to finish. */
async function openChecks(excel: FakeExcel): Promise<HTMLElement> {
  mount(services(officeSession(excel.run, excel.supports)));
  await screen.findByTestId("dashboard");
  fireEvent.click(screen.getByTestId("tab-check"));
  return ready();
}

async function ready(): Promise<HTMLElement> {
  const page = await screen.findByTestId("checks");
  await waitFor(() => expect(page.getAttribute("data-ready")).toBe("true"));
  return page;
}

/** Presses ตรวจสอบ and waits for the check to end; returns the syncs it took. */
async function runChecks(excel: FakeExcel): Promise<number> {
  const before = excel.syncCount;
  await act(async () => {
    fireEvent.click(screen.getByTestId("run-checks"));
  });
  await ready();
  return excel.syncCount - before;
}

type Row = [rule: string, severity: string, sheet: string, cell: string | undefined];
/** Opens every folded rule group (warnings' groups start folded at three findings: issue 16). */
const expandAll = (page: HTMLElement): void => {
  for (const b of within(page).queryAllByTestId("rule-fold")) if (b.getAttribute("aria-expanded") === "false") fireEvent.click(b);
};
/** Every finding the page lists, folded groups opened first. */
const listed = (page: HTMLElement): Row[] => {
  expandAll(page);
  return within(page).queryAllByTestId("finding").map((li) => [li.dataset.rule ?? "", li.dataset.severity ?? "", li.dataset.sheet ?? "", li.dataset.cell]);
};

/** The findings grouped as the page should show them: by sheet in the findings' order, then error, warning, info, then by rule (first seen first). */
/** Errors first across sheets (issue 18), then by sheet, then by rule in order of appearance. */
function grouped(findings: readonly Finding[]): Row[] {
  const sheets = [...new Set(findings.map((f) => f.location.sheet))];
  const order: Severity[] = ["error", "warning", "info"];
  return order.flatMap((sev) => sheets.flatMap((sheet) => {
    const here = findings.filter((f) => f.location.sheet === sheet && f.severity === sev);
    return [...new Set(here.map((f) => f.rule))].flatMap((rule) => here.filter((f) => f.rule === rule).map((f): Row => [f.rule, f.severity, sheet, f.location.cell]));
  }));
}

/** Sujarit's marks: conditional formats whose formula carries the tag. */
const marks = (excel: FakeExcel, sheet: string) =>
  (excel.sheet(sheet)?.conditionalFormats ?? []).filter((cf) => cf.formula.includes(MARK_TAG)).map((cf) => ({ range: cf.range, fill: cf.fill }));
const markAt = (excel: FakeExcel, sheet: string, range: string) => marks(excel, sheet).find((m) => m.range === range);

const WORST: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
/** What the marks must be: one per offending cell, coloured by its worst finding. */
function expectedMarks(findings: readonly Finding[], sheet: string) {
  const worst = new Map<string, Severity>();
  for (const f of findings) {
    if (f.location.sheet !== sheet || !f.location.cell) continue;
    const before = worst.get(f.location.cell);
    if (!before || WORST[f.severity] < WORST[before]) worst.set(f.location.cell, f.severity);
  }
  return [...worst].map(([range, sev]) => ({ range, fill: MARK_FILL[sev] })).sort((a, b) => a.range.localeCompare(b.range));
}
const sorted = <T extends { range: string }>(xs: T[]) => [...xs].sort((a, b) => a.range.localeCompare(b.range));

afterEach(() => {
  jest.useRealTimers();
});

describe("the ตรวจสอบ page in Excel", () => {
  it("runs when opened and lists every finding of validateWorkbook, grouped by sheet then severity, with counts", async () => {
    const excel = await excelWithMistakes();
    const expected = await validateWorkbook(new OfficeWorkbook(excel.run, excel.supports));
    expect(expected.counts).toEqual({ error: 5, warning: 37, info: 0 });
    const page = await openChecks(excel);

    expect(listed(page)).toEqual(grouped(expected.findings));
    expect(listed(page)).toEqual(expect.arrayContaining<Row>([
      ["P7", "error", PLAN, "A4"], ["P6", "warning", PLAN, "E5"], ["B2", "error", PLAN, "G6"],
      ["M1", "error", PROGRESS, "C2"], ["M1", "error", PROGRESS, "C3"], ["M1", "error", PROGRESS, "C4"],
    ]));
    expect(within(page).getByTestId("check-summary").textContent).toBe("พบ 42 รายการ: ข้อผิดพลาด 5 คำเตือน 37 ข้อสังเกต 0");

    const groups = within(page).getAllByTestId("sheet-group");
    // every error before any warning: the progress sheet's errors come before the plan sheet's warnings
    expect(groups.map((g) => [g.dataset.sheet, Number(g.dataset.count)])).toEqual([[PLAN, 2], [PROGRESS, 3], [PLAN, 37]]);
    expect(within(groups[0] as HTMLElement).getByRole("heading", { level: 3 }).textContent).toBe(`แผ่นงาน ${PLAN}2`);
    const severities = (g: HTMLElement) => within(g).getAllByTestId("severity-group").map((s) => [s.dataset.severity, Number(s.dataset.count)]);
    expect(groups.map((g) => severities(g))).toEqual([[["error", 2]], [["error", 3]], [["warning", 37]]]);

    // each finding: rule id, message, cell, the value found, what was expected, the suggestion
    const p7 = page.querySelector('[data-testid="finding"][data-rule="P7"]') as HTMLElement;
    expect(p7.textContent).toContain("รหัส 1.1.1 ซ้ำกับแถว 2");
    // the rule is named once, over its findings: its id and what it checks
    const p7Group = page.querySelector('[data-testid="rule-group"][data-rule="P7"]') as HTMLElement;
    expect(within(p7Group).getByTestId("rule-heading").textContent).toBe("P7รหัสซ้ำ1 รายการ");
    expect(within(p7).getByTestId("finding-go").textContent).toBe("A4");
    expect(p7.textContent).toContain("ค่าที่พบ1.1.1");
    expect(p7.textContent).toContain("ที่ควรเป็นรหัสที่ไม่ซ้ำกัน");
    expect((page.querySelector('[data-rule="P6"]') as HTMLElement).textContent).toContain("คำแนะนำโครงการ");
  });

  it("filters by severity, by rule and by text, in Thai and in English", async () => {
    const excel = await excelWithMistakes();
    const page = await openChecks(excel);
    const shown = () => listed(page).length;
    expect(shown()).toBe(42);

    const warnings = within(page).getByTestId("filter-warning");
    expect(warnings.getAttribute("aria-pressed")).toBe("true");
    expect(warnings.textContent).toBe("คำเตือน 37");
    fireEvent.click(warnings);
    expect(warnings.getAttribute("aria-pressed")).toBe("false");
    expect(new Set(listed(page).map((r) => r[1]))).toEqual(new Set(["error"]));
    expect(within(page).getByTestId("shown-count").textContent).toBe("แสดง 5 จาก 42 รายการ");
    fireEvent.click(within(page).getByTestId("filter-error"));
    expect(shown()).toBe(0);
    expect(within(page).getByTestId("no-match").textContent).toBe("ไม่มีรายการที่ตรงกับตัวกรอง");
    fireEvent.click(within(page).getByTestId("clear-filters"));
    expect(shown()).toBe(42);

    fireEvent.click(within(page).getByTestId("filter-rule"));
    // the rules present, with their titles in the current language and their counts
    expect(screen.getAllByRole("option").map((o) => o.textContent)).toEqual([
      "ทุกกฎ", "B2 — งบประมาณติดลบ (1)", `M1 — ${M1_TITLE} (3)`, "M10 — รายการที่อยู่ในแผนปีนี้ยังไม่มีผลการดำเนินงาน (36)",
      "P6 — ประเภทไม่ตรงกับคำขึ้นต้นของชื่อ (1)", "P7 — รหัสซ้ำ (1)",
    ]);
    fireEvent.click(screen.getByRole("option", { name: /^P7 — / }));
    expect(listed(page)).toEqual([["P7", "error", PLAN, "A4"]]);
    fireEvent.click(within(page).getByTestId("clear-filters"));

    const search = within(page).getByTestId("filter-search").querySelector("input") ?? within(page).getByRole("searchbox");
    fireEvent.change(search, { target: { value: "1.1.5" } });
    expect(listed(page)).toEqual([["B2", "error", PLAN, "G6"], ["M10", "warning", PLAN, "A6"]]);
    fireEvent.change(search, { target: { value: "g6" } });
    expect(listed(page)).toEqual([["B2", "error", PLAN, "G6"]]);

    fireEvent.click(screen.getByTestId("lang-toggle"));
    expect((page.querySelector('[data-rule="B2"]') as HTMLElement).textContent).toContain("The 2566 budget of 1.1.5 is negative");
    expect(within(page).getByTestId("shown-count").textContent).toBe("Showing 1 of 42");
    fireEvent.change(search, { target: { value: "duplicate" } });
    expect(listed(page)).toEqual([["P7", "error", PLAN, "A4"]]);
  });

  it("a click selects the finding's cell in Excel: its sheet activated, the cell selected, one sync", async () => {
    const excel = await excelWithMistakes();
    const page = await openChecks(excel);
    const go = (rule: string, cell: string) => within(page.querySelector(`[data-rule="${rule}"][data-cell="${cell}"]`) as HTMLElement).getByTestId("finding-go");

    expect(go("P7", "A4").getAttribute("aria-label")).toBe(`ไปที่ ${PLAN}!A4 ใน Excel`);
    let before = excel.syncCount;
    await act(async () => {
      fireEvent.click(go("M1", "C3"));
    });
    expect([excel.activeSheet, excel.selection, excel.syncCount - before]).toEqual([PROGRESS, { sheet: PROGRESS, address: "C3" }, 1]);
    before = excel.syncCount;
    await act(async () => {
      fireEvent.click(go("P7", "A4"));
    });
    expect([excel.activeSheet, excel.selection, excel.syncCount - before]).toEqual([PLAN, { sheet: PLAN, address: "A4" }, 1]);
    expect(page.querySelector('[data-selected="true"]')?.getAttribute("data-rule")).toBe("P7");
    // Excel shows the cell itself: no detail panel
    expect(within(page).queryByTestId("finding-detail")).toBeNull();
  });

  it("marks exactly the offending cells with Sujarit's conditional formats, coloured by severity; values and the user's formats untouched", async () => {
    const excel = await excelWithMistakes();
    // the user's own formatting on cells that will be marked
    excel.setCell(PLAN, "G6", { fill: "#00FF00" });
    const userCf = excel.addConditionalFormat(PLAN, { type: "Custom", range: "G2:K40", formula: "=G2>100000", fill: "#FF00FF" });
    const userCellValueCf = excel.addConditionalFormat(PLAN, { type: "CellValue", range: "A2:A40", formula: "", fill: "#EEEEEE" });
    const expected = await validateWorkbook(new OfficeWorkbook(excel.run, excel.supports));
    const cells = () => JSON.stringify(excel.sheets.map((s) => [s.name, [...s.cells]]));
    const cellsBefore = cells();

    await openChecks(excel);
    expect(sorted(marks(excel, PLAN))).toEqual(expectedMarks(expected.findings, PLAN));
    expect(sorted(marks(excel, PROGRESS))).toEqual(expectedMarks(expected.findings, PROGRESS));
    expect(markAt(excel, PLAN, "A4")).toEqual({ range: "A4", fill: "#FFC7CE" }); // P7 error beats M10 warning
    expect(markAt(excel, PLAN, "E5")).toEqual({ range: "E5", fill: "#FFEB9C" });
    expect(markAt(excel, PLAN, "G6")).toEqual({ range: "G6", fill: "#FFC7CE" });
    expect(markAt(excel, PROGRESS, "C2")).toEqual({ range: "C2", fill: "#FFC7CE" });
    for (const s of excel.sheets.filter((x) => x.name !== PLAN && x.name !== PROGRESS)) expect([s.name, marks(excel, s.name)]).toEqual([s.name, []]);
    // the mark goes by itself once the cell holds something else
    expect(excel.sheet(PLAN)?.conditionalFormats.find((cf) => cf.range === "G6" && cf.formula.includes(MARK_TAG))?.formula).toBe(`=AND(${MARK_TAG},G6=-500)`);

    expect(cells()).toBe(cellsBefore);
    expect(excel.sheet(PLAN)?.cells.get("G6")).toEqual({ value: -500, numberFormat: '#,##0;-#,##0;"-"', fill: "#00FF00" });
    expect(excel.sheet(PLAN)?.conditionalFormats).toEqual(expect.arrayContaining([userCf, userCellValueCf]));
    expect(excel.enableEvents).toBe(true);

    // running again replaces the marks: same marks, no duplicates, the user's conditional formats kept
    const syncs = await runChecks(excel);
    expect(syncs).toBe(syncsPerCheck(excel));
    expect(sorted(marks(excel, PLAN))).toEqual(expectedMarks(expected.findings, PLAN));
    expect(excel.sheet(PLAN)?.conditionalFormats.filter((cf) => !cf.formula.includes(MARK_TAG))).toEqual([userCf, userCellValueCf]);
    expect(cells()).toBe(cellsBefore);
  });

  it("re-checks after an edit, once the workbook has been quiet for the debounce: the fixed cell loses its mark", async () => {
    jest.useFakeTimers();
    const excel = await excelWithMistakes();
    const page = await openChecks(excel);
    // one workbook-wide handler with ExcelApi 1.9, one per sheet on 1.7
    expect(excel.handlers).toHaveLength(excel.supports("1.9") ? 1 : excel.sheets.length);
    expect(markAt(excel, PLAN, "G6")).toBeDefined();
    expect(page.textContent).toContain("ตรวจสอบใหม่โดยอัตโนมัติเมื่อแก้ไขสมุดงาน");

    const before = excel.syncCount;
    excel.setCell(PLAN, "G6", { value: 0 }); // 1.1.5 is "ไม่ใช้งบประมาณ": 0 is the fix (500 would be B4)
    await act(async () => {
      await excel.fireChange(PLAN, "G6");
    });
    // more edits inside the debounce window restart it
    await act(async () => {
      jest.advanceTimersByTime(LIVE_DEBOUNCE_MS - 100);
    });
    excel.setCell(PLAN, "E5", { value: "โครงการ" });
    await act(async () => {
      await excel.fireChange(PLAN, "E5");
    });
    await act(async () => {
      jest.advanceTimersByTime(LIVE_DEBOUNCE_MS - 1);
    });
    expect(excel.syncCount).toBe(before);
    expect(listed(page).some((r) => r[0] === "B2")).toBe(true);

    await act(async () => {
      jest.advanceTimersByTime(1);
    });
    await waitFor(() => expect(listed(page).some((r) => r[0] === "B2")).toBe(false));
    await ready();
    expect(excel.syncCount - before).toBe(syncsPerCheck(excel));
    expect(listed(page).some((r) => r[0] === "P6")).toBe(false);
    expect(markAt(excel, PLAN, "G6")).toBeUndefined();
    expect(markAt(excel, PLAN, "E5")).toBeUndefined();
    expect(markAt(excel, PLAN, "A4")).toEqual({ range: "A4", fill: "#FFC7CE" });
    expect(within(page).getByTestId("check-summary").textContent).toBe("พบ 40 รายการ: ข้อผิดพลาด 4 คำเตือน 36 ข้อสังเกต 0");

    // leaving the page stops watching
    fireEvent.click(screen.getByTestId("tab-overview"));
    await waitFor(() => expect(excel.handlers).toHaveLength(0));
    await act(async () => {
      await excel.fireChange(PLAN, "G6");
      jest.advanceTimersByTime(LIVE_DEBOUNCE_MS * 2);
    });
    // + the unsubscribe, + the dashboard's own read on coming back to it (its figures follow the edits)
    expect(excel.syncCount - before).toBe(syncsPerCheck(excel) + 1 + roundTrips(excel.supports).read);
  });

  it("takes the same number of syncs for one finding as for a hundred", async () => {
    const oneFinding = await sampleExcel();
    oneFinding.setCell(SETTINGS, "B10", { value: null }); // no report year: no progress checks (M10)
    oneFinding.setCell(PLAN, "G6", { value: -500 });
    const hundred = await sampleExcel();
    hundred.setCell(SETTINGS, "B10", { value: null });
    for (let row = 2; row <= 21; row++) for (const col of ["G", "H", "I", "J", "K"]) hundred.setCell(PLAN, `${col}${row}`, { value: -row });

    const counts: Record<string, { findings: number; marks: number; check: number; click: number }> = {};
    for (const [name, excel] of [["one", oneFinding], ["hundred", hundred]] as const) {
      const page = await openChecks(excel);
      const check = await runChecks(excel);
      const before = excel.syncCount;
      await act(async () => {
        fireEvent.click(within(page).getAllByTestId("finding-go")[0] as HTMLElement);
      });
      counts[name] = { findings: listed(page).length, marks: marks(excel, PLAN).length, check, click: excel.syncCount - before };
      cleanup();
    }
    expect(counts.one).toEqual({ findings: 1, marks: 1, check: syncsPerCheck(oneFinding), click: 1 });
    expect(counts.hundred?.findings).toBeGreaterThanOrEqual(100);
    expect(counts.hundred?.marks).toBeGreaterThanOrEqual(100);
    expect([counts.hundred?.check, counts.hundred?.click]).toEqual([syncsPerCheck(hundred), 1]);
  });

  it("says so with a check mark when nothing is wrong", async () => {
    const excel = await sampleExcel();
    excel.setCell(SETTINGS, "B10", { value: null });
    const page = await openChecks(excel);
    const empty = within(page).getByTestId("no-findings");
    expect(empty.textContent).toContain("ไม่พบข้อผิดพลาด");
    expect(empty.querySelector("svg")).not.toBeNull();
    expect(listed(page)).toEqual([]);
    expect(marks(excel, PLAN)).toEqual([]);
  });

  it("on Excel without conditional formats or events (ExcelApi 1.5) still lists the findings, in one sync per check", async () => {
    const excel = await excelWithMistakes();
    excel.supported = setsUpTo("1.5");
    const page = await openChecks(excel);
    expect(listed(page)).toHaveLength(42);
    // the template's own level colours stay; no Sujarit marks are added without ExcelApi 1.6
    expect(excel.sheets.flatMap((s) => s.conditionalFormats).filter((cf) => cf.formula.includes('N("sujarit")'))).toEqual([]);
    expect(excel.handlers).toEqual([]);
    expect(await runChecks(excel)).toBe(trips(excel).read);
    expect(within(page).queryByText(/ระบายสี/)).toBeNull();
  });

  it("on ExcelApi 1.7 watches each sheet and still re-checks after an edit", async () => {
    jest.useFakeTimers();
    const excel = await excelWithMistakes();
    excel.supported = setsUpTo("1.7");
    const page = await openChecks(excel);
    expect(excel.handlers).toHaveLength(excel.sheets.length);
    excel.setCell(PLAN, "G6", { value: 0 });
    await act(async () => {
      await excel.fireChange(PLAN, "G6");
      jest.advanceTimersByTime(LIVE_DEBOUNCE_MS);
    });
    await waitFor(() => expect(listed(page).some((r) => r[0] === "B2")).toBe(false));
    await ready();
    expect(markAt(excel, PLAN, "G6")).toBeUndefined();
  });
});

describe("the ตรวจสอบ page in a browser (standalone)", () => {
  it("lists the sample's 35 M10 warnings; a click shows the cell's sheet, address and value below the finding", async () => {
    const bytes = new Uint8Array(readFileSync(join(__dirname, "..", "..", "samples", "nasameng-2566-2570.xlsx")));
    const sample = await openFileSession("nasameng-2566-2570.xlsx", bytes);
    mount(services(undefined, sample), true);
    await screen.findByTestId("dashboard");
    fireEvent.click(screen.getByTestId("tab-check"));
    const page = await ready();
    const rows = listed(page);
    expect(rows).toHaveLength(35);
    expect(new Set(rows.map((r) => `${r[0]} ${r[1]} ${r[2]}`))).toEqual(new Set([`M10 warning ${PLAN}`]));
    expect(within(page).queryByText(/ระบายสี/)).toBeNull();

    const first = within(page).getAllByTestId("finding")[0] as HTMLElement;
    const go = within(first).getByTestId("finding-go");
    expect(go.getAttribute("aria-label")).toBe(`ดูรายละเอียดของ ${PLAN}!A2`);
    expect(go.getAttribute("aria-expanded")).toBe("false");
    fireEvent.click(go);
    expect(go.getAttribute("aria-expanded")).toBe("true");
    const detail = within(first).getByTestId("finding-detail");
    expect(go.getAttribute("aria-controls")).toBe(detail.id);
    expect([within(detail).getByTestId("detail-sheet").textContent, within(detail).getByTestId("detail-cell").textContent, within(detail).getByTestId("detail-value").textContent])
      .toEqual([PLAN, "A2", "1.1.1"]);
    // another finding: its own panel, the first one closes
    const second = within(page).getAllByTestId("finding")[1] as HTMLElement;
    fireEvent.click(second);
    expect(within(first).queryByTestId("finding-detail")).toBeNull();
    expect(within(within(second).getByTestId("finding-detail")).getByTestId("detail-value").textContent).toBe("1.1.2");
  });
});

describe("findings that help", () => {
  it("groups a severity's findings by rule, each rule explained once in plain Thai", async () => {
    const excel = await excelWithMistakes();
    const page = await openChecks(excel);
    const { findings } = await validateWorkbook(new OfficeWorkbook(excel.run, excel.supports));
    expandAll(page);
    const groups = within(page).getAllByTestId("rule-group");
    // one group per rule within each sheet and severity, holding every finding of that rule there
    const expected = new Set(findings.map((f) => `${f.location.sheet}|${f.severity}|${f.rule}`));
    expect(groups.length).toBe(expected.size);
    for (const g of groups) {
      const rule = g.dataset.rule ?? "";
      const items = within(g).getAllByTestId("finding");
      expect(items.every((li) => li.dataset.rule === rule)).toBe(true);
      expect(Number(g.dataset.count)).toBe(items.length);
      expect(within(g).getByTestId("rule-title").textContent).toBe([...RULES].find((r) => r.id === rule)?.title.th ?? rule);
    }
    expect(within(page).getAllByTestId("rule-title").some((el) => el.textContent === M1_TITLE)).toBe(true);
  });

  it("severity chips show whether they are on (pressed, and a different look), and hide what is off", async () => {
    const page = await openChecks(await excelWithMistakes());
    const chip = within(page).getByTestId("filter-error");
    expect(chip.getAttribute("aria-pressed")).toBe("true");
    expect(chip.dataset.on).toBe("true");
    const onClass = chip.className;
    fireEvent.click(chip);
    expect(chip.getAttribute("aria-pressed")).toBe("false");
    expect(chip.dataset.on).toBe("false");
    expect(chip.className).not.toBe(onClass);
    expect(within(page).queryAllByTestId("finding").some((li) => li.dataset.severity === "error")).toBe(false);
  });

  it("says when the checks ran, and each run is seen (run count) even when nothing changed", async () => {
    const excel = await sampleExcel();
    const page = await openChecks(excel);
    const at = within(page).getByTestId("checked-at");
    expect(at.textContent).toMatch(/^ตรวจเมื่อ \d\d:\d\d น\.$/);
    expect(at.dataset.runs).toBe("1");
    await runChecks(excel);
    expect(within(page).getByTestId("checked-at").dataset.runs).toBe("2");
    expect(within(page).getByTestId("checked-at").textContent).toMatch(/\(ครั้งที่ 2\)$/);
  });
});
