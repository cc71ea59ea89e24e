/**
 * Issue 16: editing and removing a saved monthly row and a risk, on both hosts: the same checks as adding,
 * the row's formulas and the user's own columns kept, and no lost update (a row another writer changed or
 * moved is refused, and nothing is lost).
 */
import { checkDraft, draftOf, editProgressRow, readMonthly, removeProgressRow } from "../../src/app/monthly";
import type { WorkbookPort } from "../../src/app/port";
import { rowChangedMessage } from "../../src/app/row-edit";
import { checkRiskDraft, editRisk, readRiskOverview, removeRisk } from "../../src/app/risks";
import type { ProgressEntry, RiskEntry } from "../../src/domain/plan";
import { baht, fiscalYear } from "../../src/domain/units";
import { OfficeWorkbook } from "../../src/hosts/office/office-workbook";
import { XlsxWorkbook } from "../../src/hosts/xlsx/xlsx-workbook";
import { describeWorkbook } from "../../src/workbook/write";
import { loadSeed000, sampleModel } from "../../tools/build-sample";
import { FakeExcel } from "../support/fake-excel";
import { trips } from "../support/budget";

const sample = sampleModel(loadSeed000());
const FY = fiscalYear(2567);
const SHEET = "ผลรายเดือน";
const REGISTER = "ทะเบียนความเสี่ยง";

interface Host {
  name: string;
  open(): Promise<{ port: WorkbookPort; type(sheet: string, cell: string, value: string | number): void; syncs(): number; excel?: FakeExcel }>;
}

const xlsx: Host = {
  name: "xlsx",
  async open() {
    const book = XlsxWorkbook.empty();
    await book.writeSheets(describeWorkbook(sample, { createdAt: new Date(0) }), "refuse");
    return {
      port: book,
      // another writer (or the user in the grid)
      type: (sheet, cell, value) => { (book.book.getWorksheet(sheet) as NonNullable<ReturnType<typeof book.book.getWorksheet>>).getCell(cell).value = value; },
      syncs: () => 0,
    };
  },
};

const office: Host = {
  name: "office",
  async open() {
    const excel = new FakeExcel();
    const port = new OfficeWorkbook(excel.run, excel.supports);
    await port.writeSheets(describeWorkbook(sample, { createdAt: new Date(0) }), "refuse");
    return { port, type: (sheet, cell, value) => excel.setCell(sheet, cell, { value }), syncs: () => excel.syncCount, excel };
  },
};

const row = (p: ProgressEntry | RiskEntry | undefined) => p?.at?.row ?? 0;
const nov113 = (progress: readonly ProgressEntry[]) => progress.find((p) => p.code === "1.1.3" && p.fy === FY && p.month === 11) as ProgressEntry;

describe.each([xlsx, office])("monthly rows, edited and removed: $name", (host) => {
  it("edits a row in place with the form's checks; the user's own column is kept", async () => {
    const h = await host.open();
    const before = await readMonthly(h.port);
    const seen = nov113(before.read.workbook.progress);
    h.type(SHEET, "Z1", "หมายเหตุ");
    h.type(SHEET, `Z${row(seen)}`, "ของผู้ใช้");
    const view = await readMonthly(h.port);
    // the same checks as adding, in the row's own place, the row itself not counted as a duplicate
    const over = checkDraft(view, { ...draftOf(seen), disbursed: "5000" }, seen);
    // 3,500 → 5,000 in พ.ย. takes the year past its allocation: M4, found on the later month's row
    expect(over.findings.map((f) => [f.finding.rule, f.elsewhere])).toEqual([["M4", true]]);
    const check = checkDraft(view, { ...draftOf(seen), disbursed: "3000", problems: "ฝนตกหนัก" }, seen);
    expect(check.at.row).toBe(row(seen));
    expect(check.existing).toEqual([]);
    expect(check.findings).toEqual([]);
    const syncs = h.syncs();
    expect(await editProgressRow(h.port, seen, check.entry)).toEqual({ kind: "edited", sheet: SHEET, row: row(seen) });
    if (h.excel) expect(h.syncs() - syncs).toBe(trips(h.excel).read + trips(h.excel).rewrite);
    const after = await readMonthly(h.port);
    const edited = nov113(after.read.workbook.progress);
    expect(edited).toMatchObject({ disbursed: 3000, problems: "ฝนตกหนัก", at: seen.at });
    expect(after.read.workbook.progress).toHaveLength(sample.progress.length);
    const grids = await h.port.readGrids();
    expect(grids.sheets.find((g) => g.name === SHEET)?.rows[row(seen) - 1]?.[25]).toBe("ของผู้ใช้");
  });

  it("an edit onto a month the item already has is refused unless confirmed; the same row stays one row", async () => {
    const h = await host.open();
    const view = await readMonthly(h.port);
    const seen = nov113(view.read.workbook.progress);
    const check = checkDraft(view, { ...draftOf(seen), month: 12 }, seen);
    expect(check.existing.map((p) => p.month)).toEqual([12]);
    expect(await editProgressRow(h.port, seen, check.entry)).toMatchObject({ kind: "exists", existing: { month: 12 } });
    expect(nov113((await readMonthly(h.port)).read.workbook.progress)).toBeDefined();
  });

  it("removes the row: the rows below move up, every other row is kept", async () => {
    const h = await host.open();
    const view = await readMonthly(h.port);
    const seen = nov113(view.read.workbook.progress);
    const syncs = h.syncs();
    expect(await removeProgressRow(h.port, seen)).toEqual({ kind: "removed", sheet: SHEET, row: row(seen) });
    if (h.excel) expect(h.syncs() - syncs).toBe(trips(h.excel).read + trips(h.excel).remove);
    const after = (await readMonthly(h.port)).read.workbook.progress;
    expect(after).toHaveLength(sample.progress.length - 1);
    expect(nov113(after)).toBeUndefined();
    const strip = (ps: readonly ProgressEntry[]) => ps.map(({ at: _at, ...p }) => p);
    expect(strip(after)).toEqual(strip(view.read.workbook.progress.filter((p) => p !== seen)));
  });

  it("another writer changed the row after the pane read it: the edit and the removal are refused, and their value stays", async () => {
    const h = await host.open();
    const seen = nov113((await readMonthly(h.port)).read.workbook.progress);
    h.type(SHEET, `Q${row(seen)}`, 7777);
    const edited = { ...seen, disbursed: baht(1) };
    const refused = await editProgressRow(h.port, seen, edited);
    expect(refused).toMatchObject({ kind: "changed", row: row(seen), now: { disbursed: 7777 } });
    expect(rowChangedMessage(refused as Parameters<typeof rowChangedMessage>[0]).th).toContain(`แถว ${row(seen)}`);
    expect(await removeProgressRow(h.port, seen)).toMatchObject({ kind: "changed" });
    expect(nov113((await readMonthly(h.port)).read.workbook.progress)?.disbursed).toBe(7777);
  });

  it("a row that moved is refused with where it went, and the row now in its place is never removed", async () => {
    const h = await host.open();
    const view = await readMonthly(h.port);
    const seen = nov113(view.read.workbook.progress);
    const first = view.read.workbook.progress.find((p) => row(p) === 2) as ProgressEntry;
    // another writer removes the first row: the row the pane saw is one up now
    expect(await removeProgressRow(h.port, first)).toMatchObject({ kind: "removed" });
    expect(await removeProgressRow(h.port, seen)).toMatchObject({ kind: "changed", row: row(seen), movedTo: row(seen) - 1 });
    const after = (await readMonthly(h.port)).read.workbook.progress;
    expect(after).toHaveLength(sample.progress.length - 1);
    expect(nov113(after)).toBeDefined();
  });

  it("a change between the use case's read and the host's write is refused by the host (nothing written)", async () => {
    const h = await host.open();
    const seen = nov113((await readMonthly(h.port)).read.workbook.progress);
    let armed = true;
    const racing: WorkbookPort = {
      ...h.port,
      readGrids: async (o) => {
        const g = await h.port.readGrids(o);
        // the other writer types just after the use case's read, before its write
        if (armed) { armed = false; h.type(SHEET, `R${row(seen)}`, "หลักฐานของอีกคน"); }
        return g;
      },
      listSheets: () => h.port.listSheets(),
      writeSheets: (...a) => h.port.writeSheets(...a),
      appendRows: (...a) => h.port.appendRows(...a),
      rewriteRow: (...a) => h.port.rewriteRow(...a),
      removeRow: (...a) => h.port.removeRow(...a),
    };
    expect(await editProgressRow(racing, seen, { ...seen, problems: "แก้" })).toMatchObject({ kind: "changed", now: { evidence: "หลักฐานของอีกคน" } });
    armed = true;
    expect(await removeProgressRow(racing, seen)).toMatchObject({ kind: "changed" });
    const now = nov113((await readMonthly(h.port)).read.workbook.progress);
    expect(now).toMatchObject({ evidence: "หลักฐานของอีกคน", problems: seen.problems });
  });
});

describe.each([xlsx, office])("risks, edited and removed: $name", (host) => {
  it("checks an edited risk as the register's rules do: scores on the matrix's scale, whole numbers", async () => {
    const h = await host.open();
    const overview = await readRiskOverview(h.port);
    const seen = overview.read.workbook.risks[0] as RiskEntry;
    const bad = checkRiskDraft(overview.read, seen, { likelihood: "9", impact: "2.5" });
    expect(bad.findings.map((f) => [f.finding.rule, f.field])).toEqual([["X1", "impact"], ["R1", "likelihood"]]);
    expect(bad.counts.error).toBe(2);
    expect(checkRiskDraft(overview.read, seen, { likelihood: "2" }).counts.error).toBe(0);
  });

  it("edits a risk's scores and controls in place; its score and level formulas stay", async () => {
    const h = await host.open();
    const overview = await readRiskOverview(h.port);
    const seen = overview.read.workbook.risks[0] as RiskEntry;
    const { entry } = checkRiskDraft(overview.read, seen, { likelihood: "2", impact: "3", existingControls: "ตรวจสอบสองชั้น" });
    const syncs = h.syncs();
    expect(await editRisk(h.port, seen, entry)).toEqual({ kind: "edited", sheet: REGISTER, row: row(seen) });
    if (h.excel) expect(h.syncs() - syncs).toBe(trips(h.excel).read + trips(h.excel).rewrite);
    const after = await readRiskOverview(h.port);
    expect(after.read.workbook.risks[0]).toMatchObject({ id: seen.id, likelihood: 2, impact: 3, existingControls: "ตรวจสอบสองชั้น" });
    const grid = (await h.port.readGrids()).sheets.find((g) => g.name === REGISTER);
    expect((grid?.formulas ?? []).filter((f) => f.row === row(seen) - 1).length).toBeGreaterThanOrEqual(6);
  });

  it("removes a risk: the next moves up with its formulas pointing at its new row; a changed risk is refused", async () => {
    const h = await host.open();
    const overview = await readRiskOverview(h.port);
    const [first, second] = overview.read.workbook.risks as RiskEntry[];
    h.type(REGISTER, `J${row(second)}`, "อีกคนแก้");
    expect(await removeRisk(h.port, second as RiskEntry)).toMatchObject({ kind: "changed" });
    expect(await removeRisk(h.port, first as RiskEntry)).toEqual({ kind: "removed", sheet: REGISTER, row: row(first) });
    const after = await readRiskOverview(h.port);
    expect(after.read.workbook.risks).toHaveLength(overview.read.workbook.risks.length - 1);
    expect(after.read.workbook.risks[0]).toMatchObject({ id: second?.id, existingControls: "อีกคนแก้", at: { row: row(first) } });
    const grid = (await h.port.readGrids()).sheets.find((g) => g.name === REGISTER);
    const score = (grid?.formulas ?? []).find((f) => f.row === row(first) - 1 && f.col === 7);
    expect(score?.formula).toContain(`F${row(first)}`);
    expect(score?.formula).not.toContain(`F${row(second)}`);
  });
});
