/**
 * Issue 14: cells that pack several items on one line (PDF or Word copies), the budgets of such rows,
 * honest totals, the document's own mission wording, and random plans in several layouts.
 */
import fc from "fast-check";
import { importPlanDocument, importPlanTable } from "../../src/app/import";
import { readDocxPlan } from "../../src/hosts/docx/docx-file";
import { docxBytes, planDocBlocks } from "../support/docx";
import { textToGrids } from "../../src/workbook/text-table";
import { asPdfText, countsOf, type GenItem, gridsOf, type Layout, municipality36, nameOf, renderRows } from "../support/plan-layouts";
import { fiscalYear } from "../../src/domain/units";

const codesOf = (r: ReturnType<typeof importPlanTable>) => r.model.items.map((it) => it.code);

describe("the issue-14 เทศบาล: 36 items in 12 rows, eight packed on one line", () => {
  const { items, layout } = municipality36();
  const { rows } = renderRows(items, layout);
  const r = importPlanTable(gridsOf(rows));

  it("reads 36 items whose names are their own, without other items' numbering", () => {
    expect(r.model.items).toHaveLength(36);
    expect(r.model.items.map((it) => it.name)).toEqual(items.map(nameOf));
    expect(r.model.items.map((it) => it.dimension)).toEqual(items.map((it) => it.dimension));
    expect(r.model.items.map((it) => it.mission)).toEqual(items.map((it) => it.mission));
    for (const it of r.model.items) expect(it.name).not.toMatch(/^\s*[(0-9๐-๙]/);
  });

  it("the item with no kind word is an item of its own, and P5 fires on it", () => {
    const p5 = r.findings.filter((f) => f.rule === "P5");
    expect(p5).toHaveLength(1);
    expect(r.model.items.filter((it) => it.kind === undefined).map((it) => it.name)).toEqual(["การจัดทำคู่มือการปฏิบัติงานด้านการเงินและพัสดุ"]);
  });

  it("says of each packed cell how many items it became (X7)", () => {
    const x7 = r.findings.filter((f) => f.rule === "X7");
    expect(x7).toHaveLength(8);
    expect(x7.map((f) => Number(/(\d+) items/.exec(f.message.en)?.[1])).sort((a, b) => a - b)).toEqual([2, 3, 3, 3, 4, 4, 10, 3].sort((a, b) => a - b));
  });

  it("a packed row's one amount stays on its first item, said once, with no B5 noise for its other items", () => {
    const x8 = r.findings.filter((f) => f.rule === "X8");
    expect(x8.length).toBeGreaterThan(0);
    for (const f of x8) expect(f.message.en).toMatch(/one amount for \d+ items/);
    expect(r.findings.filter((f) => f.rule === "B5")).toEqual([]);
    const total = (y: number) => r.model.items.reduce((s, it) => s + (it.budgets[fiscalYear(y)] ?? 0), 0);
    expect(total(2566)).toBe(items.reduce((s, it) => s + (it.budgets[0] ?? 0), 0));
  });

  it("its right stated totals are not questioned (no B7, no B6)", () => {
    expect(r.findings.filter((f) => f.rule === "B7" || f.rule === "B6")).toEqual([]);
    expect(r.model.settings).toMatchObject({ orgName: "เทศบาลตำบลโคกสูง", firstYear: 2566, years: 5 });
  });

  it("is read the same from its PDF-copied text (tabs between columns, packs on one line)", () => {
    const t = importPlanTable(textToGrids(asPdfText(rows), "plan.txt"));
    expect(t.model.items.map((it) => it.name)).toEqual(items.map(nameOf));
    expect(codesOf(t)).toEqual(codesOf(r));
  });
});

describe("honest totals", () => {
  it("when the import may have mis-split, B7 says the table and the import disagree and suggests no new total", () => {
    const rows = [
      ["แผนปฏิบัติการ (พ.ศ. 2566 - 2570) ของเทศบาลตำบลตัวอย่าง"],
      ["มิติ", "ภารกิจตามมิติ", "โครงการ/กิจกรรม/มาตรการ", "ปี 2566", "ปี 2567"],
      ["1. การสร้าง", "1.1 ภารกิจ", "1) โครงการอบรม ตามข้อ 3) โครงการเผยแพร่ระเบียบ", "-", "-"],
      ["รวม", "", "2 โครงการ", "-", "-"],
    ];
    const r = importPlanTable(gridsOf(rows));
    expect(r.model.items).toHaveLength(1);
    expect(r.findings.filter((f) => f.rule === "X9").map((f) => f.location.cell)).toEqual(["C3"]);
    const b7 = r.findings.find((f) => f.rule === "B7");
    expect(b7?.severity).toBe("error");
    expect(b7?.suggestion).toBeUndefined();
    expect(b7?.message.en).toMatch(/states 2 items but 1 were read.*C3/);
  });

  it("a read count that differs from a stated count is an error, even when reading is sound", () => {
    const { items, layout } = municipality36();
    const r = importPlanTable(gridsOf(renderRows(items, { ...layout, stated: { project: 22, activity: 7, measure: 5, total: 35 } }).rows));
    expect(r.findings.filter((f) => f.rule === "B7" && f.severity === "error")).toHaveLength(1);
  });
});

describe("missions as the document words them", () => {
  it("keeps the document's wording in the framework sheet and reports both texts", () => {
    const rows = [
      ["มิติ", "ภารกิจตามมิติ", "โครงการ/กิจกรรม/มาตรการ", "ปี 2566", "ปี 2567"],
      ["1. การสร้างวัฒนธรรมสุจริต", "1.2 การสร้างจิตสำนึกแก่ประชาชนในเขตเทศบาล", "1.2.1 โครงการปลูกจิตสำนึก", "-", "-"],
    ];
    const r = importPlanTable(gridsOf(rows));
    expect(r.model.framework.find((n) => n.code === "1.2")?.name).toBe("การสร้างจิตสำนึกแก่ประชาชนในเขตเทศบาล");
    const x10 = r.findings.find((f) => f.rule === "X10");
    expect(x10?.found).toBe("การสร้างจิตสำนึกแก่ประชาชนในเขตเทศบาล");
    expect(x10?.location.cell).toBe("B2");
    // both texts are in the message, and nothing tells the officer to "correct" the document's wording
    expect(x10?.message.th).toMatch(/กรอบใช้ว่า ".*ประชาชน/);
    expect(x10?.expected).toBeUndefined();
  });
});

describe("random plans in every layout import back the same items, names and budgets", () => {
  const REST = ["ส่งเสริมคุณธรรม", "อบรมให้ความรู้ตามมาตรา 65 (1) แห่งพระราชบัญญัติ", "เผยแพร่ข้อมูล พ.ศ. 2560 ทุกไตรมาส", "พัฒนาระบบ ระยะที่ 2 ของเทศบาล", "ตรวจสอบตามข้อ 3) ของระเบียบ", "ประชาสัมพันธ์ 1 ครั้ง ต่อปี", "จัดทำคู่มือ - ฉบับประชาชน"];
  const item: fc.Arbitrary<Omit<GenItem, "dimension" | "mission">> = fc.record({
    kind: fc.constantFrom("project" as const, "activity" as const, "measure" as const, undefined),
    rest: fc.tuple(fc.constantFrom(...REST), fc.integer({ min: 1, max: 999 })).map(([r, n]) => `ชุดที่ ${n} ${r}`),
    budgets: fc.array(fc.constantFrom(0, 0, 5000, 12500, 100000), { minLength: 5, maxLength: 5 }),
  });
  const plan = fc.array(fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 3 }), item), { minLength: 1, maxLength: 25 }).map((xs) =>
    xs
      .map(([d, m, it]) => ({ ...it, dimension: d as 1 | 2 | 3 | 4, mission: `${d}.${m}` }))
      .sort((a, b) => a.mission.localeCompare(b.mission)),
  );
  const layoutOf = (items: readonly GenItem[]) =>
    fc.record({
      packEvery: fc.integer({ min: 1, max: 5 }),
      numbering: fc.constantFrom("close" as const, "paren" as const, "dot" as const, "tiered" as const, "bullet" as const, "dash" as const),
      thaiDigits: fc.boolean(),
      oneLine: fc.boolean(),
      packBudgets: fc.constantFrom("each" as const, "shared" as const),
      noteColumn: fc.boolean(),
      form: fc.constantFrom("sheet" as const, "pdf" as const, "docx" as const),
    }).map(({ packEvery, form, ...rest }) => {
      // pack runs of items of one mission, up to packEvery of them
      const packs: number[][] = [];
      let run: number[] = [];
      items.forEach((it, i) => {
        if (run.length > 0 && (items[run[0] as number]?.mission !== it.mission || run.length >= packEvery)) {
          if (run.length > 1) packs.push(run);
          run = [];
        }
        run.push(i);
      });
      if (run.length > 1) packs.push(run);
      // known limit: "-" in the middle of a line before a name with no kind word is read as a dash, so
      // "-" packs are on one line only when every packed item names its kind
      const dashAmbiguous = rest.numbering === "dash" && packs.some((p) => p.slice(1).some((i) => items[i]?.kind === undefined));
      const layout: Layout = { ...rest, oneLine: rest.oneLine && !dashAmbiguous, packs, firstYear: 2566, years: 5, orgName: "องค์การบริหารส่วนตำบลทดลอง", stated: "auto" };
      return { layout, form: dashAmbiguous && form === "pdf" ? ("sheet" as const) : form };
    });

  it("same items, names and budgets back (a sheet, PDF-copied text, a Word table over two pages)", async () => {
    await fc.assert(
      fc.asyncProperty(plan.chain((items) => layoutOf(items).map((l) => ({ items, ...l }))), async ({ items, layout, form }) => {
        const { rows } = renderRows(items, layout);
        const doc = form === "docx" ? await readDocxPlan(await docxBytes(planDocBlocks(rows, { breakAt: Math.floor(rows.length / 2) }))) : undefined;
        const r = doc ? importPlanDocument(doc) : importPlanTable(form === "pdf" ? textToGrids(asPdfText(rows), "plan.txt") : gridsOf(rows));
        expect(r.model.items.map((it) => it.name)).toEqual(items.map(nameOf));
        expect(r.model.items.map((it) => it.mission)).toEqual(items.map((it) => it.mission));
        expect(r.model.items.map((it) => it.kind)).toEqual(items.map((it) => it.kind));
        const shared = new Set(layout.packBudgets === "shared" ? layout.packs.flat() : []);
        const yearSum = (get: (i: number) => number) => items.reduce((s, _, i) => s + get(i), 0);
        for (let y = 0; y < 5; y++) {
          // budgets: per item, except a shared pack's whole amount on its first item
          expect(yearSum((i) => r.model.items[i]?.budgets[fiscalYear(2566 + y)] ?? 0)).toBe(yearSum((i) => items[i]?.budgets[y] ?? 0));
          items.forEach((it, i) => {
            if (!shared.has(i)) expect(r.model.items[i]?.budgets[fiscalYear(2566 + y)]).toBe(it.budgets[y]);
          });
        }
        expect(r.findings.filter((f) => f.rule === "B7" || f.rule === "B6" || f.rule === "X9")).toEqual([]);
        expect(countsOf(items).total).toBe(r.model.items.length);
      }),
      { numRuns: 300 },
    );
  });
});
