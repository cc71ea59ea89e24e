/**
 * Issue 15: junk typed into a cell gives a finding AT THAT CELL — not only "no crash".
 *
 * 2,000+ random edits of the real sample (seed 000, อบต.นาสะเม็ง): a data cell of a typed input column
 * (money, percent, 1–5 scale, date, fiscal year, month, a closed list, quarters, dimension/mission
 * codes, a monthly row's plan code, a risk id) gets a value that column cannot hold, in the shapes
 * people really type (words, a CE year, 13 for a month, 7 on a 1–5 scale, a code that is not in the
 * plan). The reader and every rule then run as `validate` does; the property is that one finding is
 * located at exactly that sheet and cell. Text columns are not fuzzed: any text is a valid name.
 */
import fc from "fast-check";
import { checkRead } from "../../src/app/validate";
import { XlsxWorkbook } from "../../src/hosts/xlsx/xlsx-workbook";
import { address as a1 } from "../../src/workbook/a1";
import type { CellValue, SheetGrid, WorkbookGrids } from "../../src/workbook/grid";
import { readPlanWorkbook } from "../../src/workbook/read";
import { type ColumnDef, PLAN_SHEET, PROGRESS_SHEET, RISKS_SHEET } from "../../src/workbook/schema";
import { buildSampleBytes, loadSeed000 } from "../../tools/build-sample";

jest.setTimeout(300_000);

let grids: WorkbookGrids;
beforeAll(async () => {
  grids = await (await XlsxWorkbook.open(await buildSampleBytes(loadSeed000()))).readGrids();
});

/** Words nobody can read as a number, date, month, year, list value or code. */
const word = fc.constantFrom("สองหมื่น", "ไม่ทราบ", "abc", "ดูหมายเหตุ", "n/a", "ครึ่งหนึ่ง", "xx", "?", "ประมาณหนึ่งแสน", "ทั้งปี");
const thaiLetters = fc.string({ unit: fc.constantFrom(..."กขคงจฉชซญดตถทนบปผพฟภมยรลวศสหอฮ"), minLength: 2, maxLength: 12 });
const anyWord = fc.oneof(word, thaiLetters);

/** Values the column's type cannot hold, by column type. Undefined: the column is not fuzzed. */
function junkFor(col: ColumnDef): fc.Arbitrary<CellValue> | undefined {
  const t = col.type;
  switch (t.kind) {
    case "baht":
      return fc.oneof(anyWord, fc.constantFrom("1,2,3,4", "12..50", "๑๒x"));
    case "percent":
      return anyWord;
    case "scale":
      return fc.oneof(anyWord, fc.constantFrom(0, 6, 7, 10, 2.5, -1));
    case "date":
      return fc.oneof(anyWord, fc.constantFrom("32/13/2567", "31 กุมภาพันธ์ 2567"));
    case "fiscalYear":
      return fc.oneof(anyWord, fc.constantFrom(2023, 2024, 1999, 67));
    case "month":
      return fc.oneof(anyWord, fc.constantFrom(0, 13, 25, "เดือนสิบสาม"));
    case "list":
      return fc.oneof(anyWord.map((w) => `zz${w}`), fc.constantFrom("งาน", "ปานกลางมาก"));
    case "quarters":
      return fc.oneof(anyWord, fc.constantFrom("5", "Q9", "ไตรมาส 7"));
    case "dynamic":
      if (t.list === "dimension") return fc.constantFrom("มิติที่ 9", "9", "มิติพิเศษ");
      if (t.list === "mission") return fc.constantFrom("9.9", "1.99", "ภารกิจใหม่");
      if (t.list === "planCode") return fc.constantFrom("9.9.99", "8.1.1", "1.1.999");
      return undefined;
    case "code":
      // a plan item's code: a second copy of another item's, or not a code at all
      return col.key === "code" ? fc.constantFrom("1.1.1", "ก.ข", "-1") : undefined;
    default:
      return undefined;
  }
}

interface Target {
  readonly sheet: SheetGrid;
  readonly col: ColumnDef;
  readonly colIndex: number;
  /** 0-based indexes of rows holding a record. */
  readonly rows: readonly number[];
  readonly junk: fc.Arbitrary<CellValue>;
}

function targets(): Target[] {
  const out: Target[] = [];
  for (const def of [PLAN_SHEET, PROGRESS_SHEET, RISKS_SHEET]) {
    const sheet = grids.sheets.find((s) => s.name === def.name);
    if (!sheet) throw new Error(`the sample has no sheet ${def.name}`);
    const header = (sheet.rows[0] ?? []).map((v) => String(v ?? "").trim());
    const rows = sheet.rows.flatMap((r, i) => (i > 0 && r.some((v) => v !== null && v !== "") ? [i] : []));
    for (const col of def.columns) {
      const junk = junkFor(col);
      const colIndex = header.indexOf(col.th);
      if (!junk || colIndex < 0) continue;
      // the plan's code column: the first item's code typed on another row is a duplicate, so skip row 1
      out.push({ sheet, col, colIndex, rows: def === PLAN_SHEET && col.key === "code" ? rows.slice(1) : rows, junk });
    }
  }
  return out;
}

it("2,000 cells of junk: each gives a finding at its own sheet and cell", () => {
  const all = targets();
  // every typed column of the three data sheets is fuzzed, so a new column type cannot slip through
  expect(all.map((t) => `${t.sheet.name}:${t.col.key}`).length).toBeGreaterThanOrEqual(20);
  const tally = new Map<string, number>();
  const edit = fc.nat(all.length - 1).chain((i) => {
    const t = all[i] as Target;
    return fc.record({ t: fc.constant(t), row: fc.constantFrom(...t.rows), value: t.junk });
  });
  fc.assert(
    fc.property(edit, ({ t, row, value }) => {
      const sheets = grids.sheets.map((s) => (s === t.sheet ? { ...s, rows: s.rows.map((r, i) => (i === row ? [...r] : r)) } : s));
      const target = sheets.find((s) => s.name === t.sheet.name) as SheetGrid;
      const cells = target.rows[row] as CellValue[];
      while (cells.length <= t.colIndex) cells.push(null);
      cells[t.colIndex] = value;
      const address = a1(row + 1, t.colIndex + 1);
      const { findings } = checkRead(readPlanWorkbook({ sheets, names: grids.names }));
      const here = findings.filter((f) => f.location.sheet === t.sheet.name && f.location.cell === address);
      if (here.length === 0) {
        throw new Error(`${t.sheet.name}!${address} (${t.col.key}) = ${JSON.stringify(value)}: no finding there; found ` +
          findings.slice(0, 5).map((f) => `${f.rule} ${f.location.sheet}!${f.location.cell ?? f.location.row}`).join(", "));
      }
      for (const f of here) expect(f.message.th && f.message.en).toBeTruthy();
      const key = `${t.col.type.kind}`;
      tally.set(key, (tally.get(key) ?? 0) + 1);
    }),
    { numRuns: 2000 },
  );
  // the runs reached every kind of column
  expect([...tally.keys()].sort()).toEqual([...new Set(all.map((t) => t.col.type.kind))].sort());
});
