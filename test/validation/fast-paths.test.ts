/**
 * The ตรวจสอบ page re-reads and re-checks the whole workbook after every edit, so the reader's and the
 * rules' hot paths were made fast (issue 12). Each fast path is pinned here against the straightforward
 * way it replaced, on random input, and the checks of a large generated plan are pinned as a whole.
 */
import fc from "fast-check";
import { checkRead } from "../../src/app/validate";
import { ENGLISH_MONTHS_SHORT, FISCAL_MONTHS, parseMonth, THAI_MONTHS_FULL, THAI_MONTHS_SHORT, type CalendarMonth } from "../../src/domain/calendar";
import { type ClosedList, type ListEntry, lookup, STATIC_LISTS } from "../../src/domain/lists";
import { formatAmount, toThaiDigits } from "../../src/domain/thai";
import { type Locator, RULES, runRules } from "../../src/domain/validation";
import { groupBy, groupByPair } from "../../src/domain/validation/rule";
import { XlsxWorkbook } from "../../src/hosts/xlsx/xlsx-workbook";
import { type CellValue, isFormula, type SheetGrid, type WorkbookGrids } from "../../src/workbook/grid";
import { readPlanWorkbook } from "../../src/workbook/read";
import { describeWorkbook } from "../../src/workbook/write";
import { bigPlan, randomPlan } from "../support/plans";
import { planYears } from "../../src/domain/units";

const createdAt = new Date("2026-11-23T00:00:00Z");

/** A spelling as people type it: case changed, spaces added, digits in Thai. */
const typed = (spellings: readonly string[]) =>
  fc
    .record({ s: fc.constantFrom(...spellings), upper: fc.boolean(), thai: fc.boolean(), space: fc.constantFrom("", " ", "\u00a0", "  ") })
    .map(({ s, upper, thai, space }) => {
      const cased = upper ? s.toUpperCase() : s;
      return `${space}${thai ? toThaiDigits(cased) : cased}${space}`.replace(/\.(?=.)/, `.${space}`);
    });

describe("closed lists", () => {
  // the former lookup: every spelling of every entry folded for every cell
  const fold = (s: string) => s.replace(/[๐-๙]/g, (d) => String(d.charCodeAt(0) - 0x0e50)).replace(/[\s\u00a0]+/g, "").toLowerCase();
  const scan = (l: ClosedList, text: string): ListEntry | undefined => {
    const t = fold(text);
    if (t === "") return undefined;
    return l.entries.find((e) => fold(e.th) === t || fold(e.en) === t || fold(e.key) === t || (e.variants ?? []).some((v) => fold(v) === t));
  };

  it("lookup through the index finds what a scan of the entries finds", () => {
    const spellings = STATIC_LISTS.flatMap((l) => l.entries.flatMap((e) => [e.th, e.en, e.key, ...(e.variants ?? [])]));
    fc.assert(
      fc.property(fc.constantFrom(...STATIC_LISTS), fc.oneof(typed(spellings), fc.string({ maxLength: 12 })), (list, text) => {
        expect(lookup(list, text)).toBe(scan(list, text));
      }),
      { numRuns: 3000 },
    );
  });
});

describe("months", () => {
  // the former parseMonth: each month's names compared in turn, English long names made by toLocaleString
  const former = (raw: string | number): CalendarMonth | undefined => {
    const text = String(raw).replace(/[๐-๙]/g, (d) => String(d.charCodeAt(0) - 0x0e50)).trim();
    if (/^\d{1,2}$/.test(text)) {
      const n = Number(text);
      return n >= 1 && n <= 12 ? (n as CalendarMonth) : undefined;
    }
    const folded = text.replace(/[.\s]/g, "").toLowerCase();
    for (const m of FISCAL_MONTHS) {
      if (
        folded === THAI_MONTHS_SHORT[m].replace(/\./g, "") ||
        folded === THAI_MONTHS_FULL[m] ||
        folded === ENGLISH_MONTHS_SHORT[m].toLowerCase() ||
        (folded.length > 3 && new Date(Date.UTC(2000, m - 1, 1)).toLocaleString("en-US", { month: "long", timeZone: "UTC" }).toLowerCase() === folded)
      ) {
        return m;
      }
    }
    return undefined;
  };

  it("parseMonth reads every spelling as the per-month comparison did", () => {
    const names = FISCAL_MONTHS.flatMap((m) => [
      THAI_MONTHS_SHORT[m], THAI_MONTHS_FULL[m], ENGLISH_MONTHS_SHORT[m], String(m), String(m).padStart(2, "0"),
      new Date(Date.UTC(2000, m - 1, 1)).toLocaleString("en-US", { month: "long", timeZone: "UTC" }),
    ]);
    fc.assert(
      fc.property(fc.oneof(typed(names), fc.string({ maxLength: 10 }), fc.integer({ min: -3, max: 40 }), fc.double()), (raw) => {
        expect(parseMonth(raw)).toBe(former(raw));
      }),
      { numRuns: 3000 },
    );
  });
});

it("formatAmount with its two formatters writes what toLocaleString wrote", () => {
  const former = (v: number) => v.toLocaleString("en-US", { minimumFractionDigits: Number.isInteger(v) ? 0 : 2, maximumFractionDigits: 2 });
  fc.assert(
    fc.property(fc.oneof(fc.integer({ min: -1e9, max: 1e9 }), fc.double({ min: -1e9, max: 1e9 }), fc.double()), (v) => {
      expect(formatAmount(v)).toBe(former(v));
    }),
    { numRuns: 2000 },
  );
});

it("groupByPair makes the groups, in the order, of groupBy over joined keys", () => {
  const row = fc.record({ code: fc.option(fc.constantFrom("1.1.1", "1.1.2", "1.1|2", "2", ""), { nil: undefined }), fy: fc.option(fc.constantFrom(2566, 2567, 0, 2), { nil: undefined }) });
  fc.assert(
    fc.property(fc.array(row, { maxLength: 40 }), (rows) => {
      const joined = [...groupBy(rows, (r) => (r.code && r.fy ? `${r.code}|${r.fy}` : undefined)).values()];
      expect(groupByPair(rows, (r) => (r.code && r.fy ? r.code : undefined), (r) => r.fy)).toEqual(joined);
    }),
    { numRuns: 500 },
  );
});

it("the rules find the same sharing what they derive (runRules) as each on its own", () => {
  const at: Locator = { field: (table, ref, field) => ({ sheet: table, cell: `${field}@${ref?.row ?? "?"}` }), setting: (key) => ({ sheet: "settings", cell: key }) };
  fc.assert(
    fc.property(randomPlan, (wb) => {
      const ctx = { wb, at, planYears: planYears(wb.settings.firstYear, wb.settings.years) };
      expect(runRules(ctx)).toEqual(RULES.flatMap((rule) => [...rule.check(ctx)]));
    }),
    { numRuns: 100 },
  );
});

describe("the reader", () => {
  /** The grids of a model as a host hands them back (a formula's cached result, where written). */
  function gridsOf(wb: Parameters<typeof describeWorkbook>[0]): WorkbookGrids {
    const spec = describeWorkbook(wb, { createdAt });
    return {
      sheets: spec.sheets.map((s) => ({
        name: s.name, visibility: s.visibility, merges: s.merges ?? [],
        rows: s.rows.map((r) => r.map((c): CellValue => (isFormula(c) ? (c.result ?? null) : c))),
      })),
      names: spec.names,
    };
  }
  const TABLES = ["ภารกิจ", "แผนปฏิบัติการ", "รายละเอียดโครงการ", "ผลรายเดือน", "ทะเบียนความเสี่ยง", "มาตรการ ITA"];

  it("reads an empty cell alike as null, \"\" (the fast path) or spaces (the full path), whatever its column", () => {
    const blanks = fc.array(fc.record({ sheet: fc.constantFrom(...TABLES), row: fc.integer({ min: 1, max: 40 }), col: fc.nat(25) }), { maxLength: 60 });
    fc.assert(
      fc.property(randomPlan, blanks, (wb, cells) => {
        const base = gridsOf(wb);
        const emptied = (empty: CellValue) => ({
          ...base,
          sheets: base.sheets.map((s): SheetGrid => {
            const rows = s.rows.map((r) => [...r]);
            for (const c of cells) if (c.sheet === s.name && rows[c.row]) (rows[c.row] as CellValue[])[c.col] = empty;
            return { ...s, rows };
          }),
        });
        const [asNull, asEmpty, asSpaces] = [null, "", "  "].map((empty) => {
          const v = checkRead(readPlanWorkbook(emptied(empty)));
          return { workbook: v.read.workbook, findings: v.findings };
        });
        expect(asEmpty).toEqual(asSpaces);
        expect(asNull).toEqual(asSpaces);
      }),
      { numRuns: 40 },
    );
  });

  it("gives every record its own list of codes and quarters, even empty ones", () => {
    const read = readPlanWorkbook(gridsOf({ ...bigPlan(3, 0), items: bigPlan(3, 0).items.map((it) => ({ ...it, targetGroups: [], quarters: [] })) }));
    const [a, b] = read.workbook.items;
    expect(a?.targetGroups).toEqual([]);
    expect(a?.targetGroups).not.toBe(b?.targetGroups);
    expect(a?.quarters).not.toBe(b?.quarters);
  });
});

it("the checks of a 250-item plan with 3,000 monthly rows, through the xlsx host, are what they were", async () => {
  const book = XlsxWorkbook.empty();
  await book.writeSheets(describeWorkbook(bigPlan(250, 3000), { createdAt }), "refuse");
  const v = checkRead(readPlanWorkbook(await (await XlsxWorkbook.open(await book.toBytes())).readGrids()));
  const perRule: Record<string, number> = {};
  for (const f of v.findings) perRule[f.rule] = (perRule[f.rule] ?? 0) + 1;
  // figures of the checks before they were made fast (the same findings, one by one, on this plan), and of
  // M11/M12 (issue 18): the generator's allocations are random, above the plan budget or jumping between months
  expect(perRule).toEqual({ B4: 208, M6: 72, R3: 2, R4: 5, M11: 1222, M12: 854 });
  expect(v.findings[0]).toEqual({
    rule: "B4", severity: "error", location: { sheet: "แผนปฏิบัติการ", cell: "L3" }, found: "ไม่ใช้งบประมาณ",
    message: { th: 'หมายเหตุว่า "ไม่ใช้งบประมาณ" แต่มีงบในปี 2567', en: 'The note says "no budget" but 2567 has budget' },
  });
  expect(v.findings.filter((f) => f.rule.startsWith("R")).map((f) => `${f.rule} ${f.location.cell}`)).toEqual(["R3 R2", "R4 R2", "R4 R2", "R4 R3", "R3 R4", "R4 R4", "R4 R4"]);
});
