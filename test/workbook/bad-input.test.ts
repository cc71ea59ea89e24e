/**
 * What users really do to workbooks: rename a sheet, delete a column, type text or Thai digits into a
 * budget, merge cells, leave #REF! behind, type 2023 for 2566. Each gives a located finding, never a throw.
 */
import ExcelJS from "exceljs";
import fc from "fast-check";
import { XlsxWorkbook, WorkbookOpenError } from "../../src/hosts/xlsx/xlsx-workbook";
import type { Finding } from "../../src/domain/findings";
import type { CellValue, SheetGrid, WorkbookGrids } from "../../src/workbook/grid";
import { checkRead } from "../../src/app/validate";
import { readPlanWorkbook } from "../../src/workbook/read";
import { buildSampleBytes, loadSeed000 } from "../../tools/build-sample";

const seed = loadSeed000();
let sampleBytes: Uint8Array;
beforeAll(async () => {
  sampleBytes = await buildSampleBytes(seed);
});

/** Opens the sample in exceljs, lets the test damage it, and reads it back through the real file format. */
async function damaged(edit: (book: ExcelJS.Workbook) => void) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(sampleBytes as unknown as ArrayBuffer);
  edit(book);
  const bytes = new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer);
  return readPlanWorkbook(await (await XlsxWorkbook.open(bytes)).readGrids());
}

const plan = (book: ExcelJS.Workbook) => book.getWorksheet("แผนปฏิบัติการ") as ExcelJS.Worksheet;
const at = (f: Finding) => `${f.location.sheet}!${f.location.cell ?? f.location.row ?? ""}`;

describe("files that are not workbooks", () => {
  it.each([
    ["an empty file", new Uint8Array(), /empty/],
    ["a text file", new TextEncoder().encode("ชื่อ,งบประมาณ\nก,1"), /not a zip-based/],
    ["an old .xls", new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), /old Excel 97–2003 \.xls/],
    ["a damaged zip", new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]), /damaged/],
  ])("%s is a WorkbookOpenError with the reason", async (_name, bytes, reason) => {
    const err = await XlsxWorkbook.open(bytes).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WorkbookOpenError);
    expect((err as Error).message).toMatch(reason);
  });
});

describe("damaged template workbooks", () => {
  it("a sheet renamed in Excel is found through its marker name, which Excel rewrites", async () => {
    const read = await damaged((b) => {
      plan(b).name = "แผน 2566";
      b.definedNames.remove("'แผนปฏิบัติการ'!$A$1", "SUJARIT_SHEET_PLAN");
      b.definedNames.add("'แผน 2566'!$A$1", "SUJARIT_SHEET_PLAN");
    });
    expect(read.workbook.items).toHaveLength(39);
    expect(read.sheets.plan).toBe("แผน 2566");
    expect(read.findings.map((f) => [f.rule, f.severity, f.location.sheet])).toEqual([["X5", "info", "แผน 2566"]]);
  });

  it("a renamed sheet whose marker was lost is found by its headers", async () => {
    const read = await damaged((b) => { plan(b).name = "แผน 2566"; });
    expect(read.workbook.items).toHaveLength(39);
    expect(read.sheets.plan).toBe("แผน 2566");
    expect(read.findings.map((f) => [f.rule, f.severity, f.location.sheet])).toEqual([["X5", "info", "แผน 2566"]]);
  });

  it("a deleted sheet is one clear finding", async () => {
    const read = await damaged((b) => b.removeWorksheet((b.getWorksheet("ผลรายเดือน") as ExcelJS.Worksheet).id));
    const p1 = read.findings.filter((f) => f.rule === "P1");
    expect(p1).toHaveLength(1);
    expect(p1[0]?.message.th).toContain("ผลรายเดือน");
    expect(p1[0]?.message.en).toContain("Monthly progress");
    expect(read.workbook.progress).toEqual([]);
  });

  it("a missing required column names the sheet and the header", async () => {
    const read = await damaged((b) => { plan(b).getCell("E1").value = "ชนิด"; });
    expect(read.findings.map((f) => [f.rule, at(f), f.message.th])).toEqual([
      ["P1", "แผนปฏิบัติการ!1", 'แผ่นงาน "แผนปฏิบัติการ" ไม่มีคอลัมน์ "ประเภท"'],
    ]);
    expect(read.workbook.items).toHaveLength(39);
  });

  it("text in a budget cell is B1 at that cell; Thai digits and 'บาท' are read", async () => {
    const read = await damaged((b) => {
      plan(b).getCell("G2").value = "สองหมื่น";
      plan(b).getCell("H2").value = "๒๐,๐๐๐";
      plan(b).getCell("I2").value = "1,500 บาท";
    });
    expect(read.findings.map((f) => [f.rule, at(f), f.found])).toEqual([["B1", "แผนปฏิบัติการ!G2", "สองหมื่น"]]);
    expect(read.findings[0]?.expected?.th).toContain("20,000");
    expect(read.workbook.items[0]?.budgets).toEqual({ 2566: 0, 2567: 20000, 2568: 1500, 2569: 0, 2570: 0 });
  });

  it("merged cells in an input sheet are reported where they start", async () => {
    const read = await damaged((b) => plan(b).mergeCells("B2:B7"));
    expect(read.findings.map((f) => [f.rule, at(f), f.found])).toEqual([["X3", "แผนปฏิบัติการ!B2", "B2:B7"]]);
  });

  it("a formula error is reported at its cell and read as empty", async () => {
    const read = await damaged((b) => { plan(b).getCell("F3").value = { error: "#REF!" } as ExcelJS.CellErrorValue; });
    expect(read.findings.map((f) => [f.rule, at(f), f.found])).toEqual([["X2", "แผนปฏิบัติการ!F3", "#REF!"]]);
    expect(read.workbook.items[1]?.name).toBe("");
  });

  it("a CE year in settings is S2 with the BE year suggested, and the plan still reads", async () => {
    const read = await damaged((b) => { (b.getWorksheet("ตั้งค่า") as ExcelJS.Worksheet).getCell("B7").value = 2023; });
    expect(read.findings.map((f) => [f.rule, at(f), f.found, f.suggestion])).toEqual([["S2", "ตั้งค่า!B7", "2023", "2566"]]);
    expect(read.workbook.settings.firstYear).toBe(2566);
    // one finding in the officer's words (issue 18): not "the value in column … cannot be read"
    expect(read.findings[0]?.message).toEqual({ th: "ปี ค.ศ. 2023 — ใช้ พ.ศ. 2566", en: "CE year 2023 — use BE 2566" });
  });

  it("a formula typed where a value belongs is X11 quoting the formula; the template's formula columns are not (issue 18)", async () => {
    const read = await damaged((b) => {
      plan(b).getCell("F3").value = { formula: "1+1", result: 2 } as ExcelJS.CellFormulaValue;
      plan(b).getCell("H4").value = { formula: "10000*2", result: 20000 } as ExcelJS.CellFormulaValue;
    });
    expect(read.findings.map((f) => [f.rule, f.severity, at(f), f.found])).toEqual([
      ["X11", "warning", "แผนปฏิบัติการ!F3", "=1+1"],
      ["X11", "warning", "แผนปฏิบัติการ!H4", "=10000*2"],
    ]);
    expect(read.findings[0]?.message.th).toBe('"ชื่อโครงการ/กิจกรรม/มาตรการ" เป็นสูตร =1+1 (ได้ค่า "2") แทนค่าที่พิมพ์ — พิมพ์ค่าเอง หรือถ้าตั้งใจใช้สูตร ให้ตรวจว่าค่าที่ได้ถูกต้อง');
    // the value is still read as its result, as before
    expect(read.workbook.items[1]?.name).toBe("2");
  });

  it("a plan with no items is one P11 error at the first row to fill (issue 18)", async () => {
    const read = await damaged((b) => {
      const ws = plan(b);
      for (let r = ws.rowCount; r >= 2; r--) ws.spliceRows(r, 1);
    });
    expect(read.workbook.items).toEqual([]);
    const p11 = read.findings.filter((f) => f.rule === "P11");
    expect(p11.map((f) => [f.severity, at(f)])).toEqual([["error", "แผนปฏิบัติการ!F2"]]);
    expect(p11[0]?.message.th).toContain("ยังไม่มีรายการในแผน");
  });

  it("every setting's mistake is one S2 that names the setting's row by its label (issue 18)", async () => {
    const read = await damaged((b) => {
      const ws = b.getWorksheet("ตั้งค่า") as ExcelJS.Worksheet;
      ws.eachRow((row) => {
        const label = String(row.getCell(1).value);
        if (label === "ปีงบประมาณที่รายงาน") row.getCell(2).value = 2023;
        if (label === "รอบรายงาน") row.getCell(2).value = "9 เดือน";
      });
    });
    const settings = read.findings.filter((f) => f.location.sheet === "ตั้งค่า");
    expect(settings.map((f) => [f.rule, f.found, f.message.th])).toEqual([
      ["S2", "2023", "ปี ค.ศ. 2023 — ใช้ พ.ศ. 2566"],
      ["S2", "9 เดือน", '"รอบรายงาน" ในแผ่นงานตั้งค่าไม่ใช่ค่าที่ใช้ได้'],
    ]);
    expect(read.findings.filter((f) => f.rule === "X1")).toEqual([]);
  });

  it("an unknown list value says which values are allowed", async () => {
    const read = await damaged((b) => { plan(b).getCell("E2").value = "งาน"; });
    expect(read.findings.map((f) => [f.rule, at(f)])).toEqual([["X1", "แผนปฏิบัติการ!E2"]]);
    expect(read.findings[0]?.expected?.th).toContain("โครงการ / กิจกรรม / มาตรการ");
  });

  it("extra columns are kept in the sheet and reported to the caller, not as errors", async () => {
    const read = await damaged((b) => { plan(b).getCell("Z1").value = "ข้อสังเกตของปลัด"; plan(b).getCell("Z2").value = "ดูอีกครั้ง"; });
    expect(read.findings).toEqual([]);
    expect(read.extraHeaders["แผนปฏิบัติการ"]).toEqual(["ข้อสังเกตของปลัด"]);
  });

  it("blank rows between items are skipped", async () => {
    const read = await damaged((b) => plan(b).spliceRows(5, 0, [], []));
    expect(read.workbook.items).toHaveLength(39);
    expect(read.workbook.items[3]?.at?.row).toBe(7);
  });

  it("headers in English are accepted", async () => {
    const read = await damaged((b) => { plan(b).getCell("A1").value = "code"; plan(b).getCell("F1").value = " Name "; });
    expect(read.findings).toEqual([]);
    expect(read.workbook.items[0]?.code).toBe("1.1.1");
  });

  it("a text that starts with = stays text", async () => {
    const read = await damaged((b) => { plan(b).getCell("F2").value = "=โครงการ ก"; });
    expect(read.workbook.items[0]?.name).toBe("=โครงการ ก");
  });
});

describe("random grids never crash the reader", () => {
  const cell: fc.Arbitrary<CellValue> = fc.oneof(
    fc.constant(null), fc.string(), fc.double(), fc.boolean(), fc.date({ noInvalidDate: true }),
    fc.constantFrom({ error: "#REF!" }, { error: "#VALUE!" }), fc.constantFrom("มิติ", "รหัส", "งบประมาณ ปี 2566", "ประเภท", "ชื่อหน่วยงาน", "ปีเริ่มต้นแผน", "2023", "-", "๑.๑"),
  );
  const grid = (name: string): fc.Arbitrary<SheetGrid> =>
    fc.record({ name: fc.constant(name), visibility: fc.constant("visible" as const), rows: fc.array(fc.array(cell, { maxLength: 14 }), { maxLength: 12 }), merges: fc.constant([]) });
  const names = ["ตั้งค่า", "ภารกิจ", "แผนปฏิบัติการ", "รายละเอียดโครงการ", "ผลรายเดือน", "ทะเบียนความเสี่ยง", "มาตรการ ITA", "Sheet1"];

  it("every problem is a located finding", () => {
    fc.assert(
      fc.property(fc.subarray(names).chain((ns) => fc.tuple(...ns.map(grid))), (sheets) => {
        const grids: WorkbookGrids = { sheets, names: [] };
        const read = readPlanWorkbook(grids);
        for (const f of read.findings) {
          expect(f.location.sheet).not.toBe("");
          expect(f.message.th).not.toBe("");
          expect(f.message.en).not.toBe("");
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("random corruptions of the real sample never crash the reader", () => {
  it("every problem is a located finding, whatever is typed into any cell", async () => {
    const grids = await (await XlsxWorkbook.open(sampleBytes)).readGrids();
    const junk: fc.Arbitrary<CellValue> = fc.oneof(
      fc.constant(null), fc.string({ maxLength: 20 }), fc.double({ noNaN: false }), fc.boolean(), fc.date({ noInvalidDate: true }),
      fc.constantFrom({ error: "#REF!" }, { error: "#N/A" }, "=SUM(A1:A3)", "-", "๒๐,๐๐๐ บาท", "2023", "ต.ค.", "1.10", "9".repeat(30)),
    );
    const edit = fc.record({ sheet: fc.nat(grids.sheets.length - 1), row: fc.nat(60), col: fc.nat(30), value: junk });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 30 }), (edits) => {
        const sheets = grids.sheets.map((s) => ({ ...s, rows: s.rows.map((r) => [...r]) }));
        for (const e of edits) {
          const rows = (sheets[e.sheet] as (typeof sheets)[number]).rows;
          while (rows.length <= e.row) rows.push([]);
          (rows[e.row] as CellValue[])[e.col] = e.value;
        }
        const read = readPlanWorkbook({ sheets, names: grids.names });
        const matrixTitleTyped = edits.some((e) => sheets[e.sheet]?.name === "เมทริกซ์ความเสี่ยง" && e.col === 0);
        // and the rules run on whatever was read without throwing, every finding located
        for (const f of checkRead(read).findings) {
          expect(f.location.sheet).not.toBe("");
          // a cell or a row, except where what is missing has no cell: a sheet or header (P1), a settings row
          // (S1), or a table of the matrix sheet whose title (column A) was typed over, so the table is not found
          const unlocatedAllowed = ["P1", "S1"].includes(f.rule) || (f.rule === "R8" && matrixTitleTyped);
          if ((f.location.cell ?? f.location.row) === undefined && !unlocatedAllowed) {
            throw new Error(`unlocated ${f.rule} ${f.location.sheet} ${f.message.en}`);
          }
          expect(f.message.th && f.message.en).toBeTruthy();
        }
      }),
      { numRuns: 1000 },
    );
  });
});
