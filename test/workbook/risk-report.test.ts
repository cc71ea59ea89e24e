/**
 * The การประเมินความเสี่ยง report sheet: generated from the register (grouped by process, level words,
 * linked plan items as the controls, residual risk, the two heat maps, the count per level), written
 * with its `_meta` mark on both hosts without touching a cell of the input sheets, printable on A4
 * landscape, digits as the settings say. Its formulas carry the core's values; LibreOffice recomputes
 * them in test/oracle/risk.oracle.test.ts.
 */
import type { WorkbookPort } from "../../src/app/port";
import { SheetConflictError } from "../../src/app/port";
import { generatedSheets, generateRiskReport, GENERATED_NOTE, RISK_REPORT_SHEET } from "../../src/app/risks";
import type { PlanWorkbook, RiskEntry } from "../../src/domain/plan";
import { heatMap, residualCell, risksInCell } from "../../src/domain/risk/assess";
import { PRESETS, type RiskMatrix } from "../../src/domain/risk/matrix";
import { OfficeWorkbook } from "../../src/hosts/office/office-workbook";
import { XlsxWorkbook } from "../../src/hosts/xlsx/xlsx-workbook";
import type { CellInput, SheetSpec, WorkbookGrids } from "../../src/workbook/grid";
import { readPlanWorkbook } from "../../src/workbook/read";
import { pageCapacity, printScale, riskGroups, riskReportSheet, THAI_DIGITS } from "../../src/workbook/risk-report";
import { INPUT_SHEET_NAMES, LISTS_SHEET, META_SHEET } from "../../src/workbook/schema";
import { describeWorkbook } from "../../src/workbook/write";
import { loadSeed000, sampleModel } from "../../tools/build-sample";
import { FakeExcel } from "../support/fake-excel";
import { trips } from "../support/budget";

const sample = sampleModel(loadSeed000());
const REGISTER = "ทะเบียนความเสี่ยง";
const m5 = PRESETS["5x5"] as RiskMatrix;

function risk(over: Partial<RiskEntry>): RiskEntry {
  return {
    id: "R", process: "การจัดซื้อจัดจ้าง", category: "budget", event: "ประเด็น", factor: "known", likelihood: 3, impact: 3,
    existingControls: "", controlRating: "fair", residualLikelihood: undefined, residualImpact: undefined, mitigations: [],
    owner: "", statusLight: undefined, reviewedOn: undefined, ...over,
  };
}

/** The cell values of a spec's row (formulas as the value they carry), trailing empties dropped. */
function values(spec: SheetSpec, row: number): (string | number | boolean | null)[] {
  const out = (spec.rows[row - 1] ?? []).map((v: CellInput) => (v !== null && typeof v === "object" && !(v instanceof Date) ? (v.result ?? null) : (v as string | number | boolean | null)));
  while (out.length > 0 && out[out.length - 1] === null) out.pop();
  return out;
}
/** The first row of the risk table: two rows below its header (ลำดับที่), which follows the heat maps. */
const tableTop = (spec: SheetSpec): number => spec.rows.findIndex((r) => r.includes("ลำดับที่")) + 3;
const at = (spec: SheetSpec, cell: string): CellInput => {
  const m = /^([A-Z]+)(\d+)$/.exec(cell) as RegExpExecArray;
  const col = [...(m[1] as string)].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return spec.rows[Number(m[2]) - 1]?.[col - 1] ?? null;
};

describe("the domain: heat maps and residual cells", () => {
  it("counts risks per cell before and after controls; out-of-scale values are counted apart", () => {
    const risks = [
      risk({ likelihood: 4, impact: 4, controlRating: "good" }), // residual (2, 4)
      risk({ likelihood: 4, impact: 4, controlRating: "weak" }), // residual (4, 4)
      risk({ likelihood: 1, impact: 5, controlRating: "good" }), // residual (1, 5): never below 1
      risk({ likelihood: 3, impact: 2, residualLikelihood: 2, residualImpact: 1 }), // as entered
      risk({ likelihood: 6, impact: 2 }), // out of scale
      risk({ likelihood: undefined, impact: 3, residualLikelihood: 1 }), // inherent unscored, residual (1, 3)
    ];
    const h = heatMap(m5, risks);
    expect(h.inherent[3]?.[3]).toBe(2);
    expect(h.inherent[0]?.[4]).toBe(1);
    expect(h.inherent[2]?.[1]).toBe(1);
    expect(h.residual[1]?.[3]).toBe(1);
    expect(h.residual[3]?.[3]).toBe(1);
    expect(h.residual[0]?.[4]).toBe(1);
    expect(h.residual[1]?.[0]).toBe(1);
    expect(h.residual[0]?.[2]).toBe(1);
    expect(h.unscored).toEqual({ inherent: 2, residual: 1 });
    expect(h.inherent.flat().reduce((a, b) => a + b, 0)).toBe(4);
    expect(residualCell(m5, risks[4] as RiskEntry)).toEqual({ likelihood: undefined, impact: 2 });
    expect(risksInCell(m5, risks, "inherent", 4, 4)).toHaveLength(2);
    expect(risksInCell(m5, risks, "residual", 1, 3)).toEqual([risks[5]]);
  });
});

describe("the sheet as data", () => {
  const model: PlanWorkbook = {
    ...sample,
    risks: [
      risk({ id: "R-1", process: "การจัดซื้อจัดจ้าง", event: "ล็อกสเปก", likelihood: 4, impact: 4, mitigations: ["2.1.1", "2.2.4"] }),
      risk({ id: "R-2", process: "การให้บริการ", event: "เรียกรับสินบน", likelihood: 2, impact: 2, mitigations: ["มาตรการ No Gift Policy"] }),
      risk({ id: "R-3", process: " การจัดซื้อ จัดจ้าง ", event: "แบ่งซื้อแบ่งจ้าง", likelihood: 3, impact: 3, mitigations: ["2.2.4", "9.9.9"] }),
    ],
  };
  const spec = riskReportSheet({ model });
  const T = tableTop(spec);

  it("groups a process's issues under one number, each issue with its own level word and score", () => {
    const groups = riskGroups(model);
    expect(groups.map((g) => [g.no, g.process, g.risks.map((a) => a.risk.id)])).toEqual([
      [1, "การจัดซื้อจัดจ้าง", ["R-1", "R-3"]],
      [2, "การให้บริการ", ["R-2"]],
    ]);
    // one row per issue: ลำดับที่ · ขั้นตอน · ประเด็น · ระดับ · คะแนน · ระดับหลังควบคุม · คะแนนหลังควบคุม · มาตรการ
    expect(values(spec, T).filter((v) => v !== null)).toEqual([
      "๑", "การจัดซื้อจัดจ้าง", "๑.\u00a0ล็อกสเปก", "สูง", 16, "สูง", 12,
      "๑.\u00a0โครงการเสริมสร้างความโปร่งใสในการบริหารงบประมาณ\n๒.\u00a0กิจกรรมควบคุมการเบิกจ่ายเงินตามข้อบัญญัติงบประมาณรายจ่ายประจำปี\n๓.\u00a09.9.9",
    ].map((v) => (v === "๑" ? 1 : v)));
    expect(values(spec, T + 1).filter((v) => v !== null)).toEqual(["๒.\u00a0แบ่งซื้อแบ่งจ้าง", "ปานกลาง", 9, "ปานกลาง", 6]);
    expect(values(spec, T + 2).filter((v) => v !== null)).toEqual([2, "การให้บริการ", "๑.\u00a0เรียกรับสินบน", "ปานกลาง", 4, "ต่ำ", 2, "๑.\u00a0มาตรการ No Gift Policy"].map((v) => (v === 4 ? 4 : v)).map((v, i) => (i === 3 ? "ต่ำ" : v)));
    expect(spec.merges).toEqual(expect.arrayContaining([`A${T}:A${T + 1}`, `B${T}:D${T + 1}`, `P${T}:U${T + 1}`]));
  });

  it("without the register's layout it holds the core's values; the level cells are coloured by level", () => {
    expect(at(spec, `J${T}`)).toBe("สูง");
    expect(spec.conditionalFills?.filter((c) => c.range === `J${T}:K${T}`).map((c) => [c.formula, c.fill])).toEqual(
      m5.levels.map((lv) => [`J${T}="${lv.name.th}"`, `FF${lv.color}`]),
    );
  });

  it("draws both heat maps with the level colours and the count in each cell", () => {
    const h = heatMap(m5, model.risks);
    const rowOf = (text: string) => spec.rows.findIndex((r) => r.includes(text)) + 1;
    const top = rowOf("แผนภูมิความเสี่ยง: จำนวนความเสี่ยงในแต่ละช่องของโอกาส × ผลกระทบ");
    // above the table (issue 13: below it, the table's repeated header printed over the maps)
    expect(top).toBe(5);
    expect(T).toBeGreaterThan(top + 9);
    // likelihood 5 … 1 down, impact 1 … 5 across; inherent from column D, residual from column L
    for (let l = 5; l >= 1; l--) {
      const r = top + 3 + (5 - l);
      expect(at(spec, `B${r}`)).toBe(`${"๐๑๒๓๔๕"[l]} ${m5.likelihood[l - 1]?.th}`);
      for (let i = 1; i <= 5; i++) {
        expect(at(spec, `${"DEFGH"[i - 1]}${r}`)).toBe(h.inherent[l - 1]?.[i - 1]);
        expect(at(spec, `${"LMNOP"[i - 1]}${r}`)).toBe(h.residual[l - 1]?.[i - 1]);
        const fill = spec.areaStyles?.find((s) => s.range === `${"DEFGH"[i - 1]}${r}`)?.style.fill;
        const key = m5.cells[l - 1]?.[i - 1];
        expect(fill).toBe(`FF${m5.levels.find((lv) => lv.key === key)?.color}`);
      }
    }
  });

  it("prints on A4 landscape, one page wide, in TH SarabunPSK 16, without the on-screen note, page numbers in the footer", () => {
    expect(spec.font).toEqual({ name: "TH SarabunPSK", size: 16 });
    expect(spec.print).toMatchObject({ orientation: "landscape", paper: "A4", fitToWidth: true, footer: "หน้า &P จาก &N" });
    expect(spec.print?.printArea).toMatch(/^A2:U\d+$/);
    expect(at(spec, "A1")).toBe(GENERATED_NOTE);
    expect(at(spec, "A2")).toBe("การประเมินความเสี่ยงการทุจริต");
    expect(String(at(spec, "A3"))).toContain("องค์การบริหารส่วนตำบลนาสะเม็ง อำเภอดอนตาล จังหวัดมุกดาหาร ประจำปีงบประมาณ พ.ศ. ๒๕๖๗");
  });

  it("repeats the table's header and keeps each process on one page when the table runs over pages", () => {
    const many = { ...model, risks: Array.from({ length: 40 }, (_, i) => risk({ id: `R-${i}`, process: `กระบวนงานที่ ${i % 13}`, event: "ประเด็นความเสี่ยงที่ยาวพอสมควรเพื่อให้ตัดบรรทัดในเซลล์ ".repeat(1 + (i % 3)), likelihood: 1 + (i % 5), impact: 1 + ((i * 3) % 5) })) };
    const big = riskReportSheet({ model: many });
    const H = tableTop(big) - 2;
    expect(big.print?.printTitleRows).toBe(`${H}:${H + 1}`);
    const breaks = big.print?.pageBreaks ?? [];
    expect(breaks.length).toBeGreaterThan(1);
    const capacity = pageCapacity(printScale(big.columns.map((c) => c.width)));
    const height = (r: number) => big.rowHeights?.find((h) => h.row === r)?.height ?? 15;
    const starts = [2, ...breaks];
    const ends = [...breaks.map((b) => b - 1), Number(/U(\d+)$/.exec(big.print?.printArea ?? "")?.[1])];
    starts.forEach((s, p) => {
      // a page that starts at the header prints it as its own rows, not repeated
      let used = p === 0 || s === H ? 0 : height(H) + height(H + 1);
      for (let r = s; r <= (ends[p] as number); r++) used += height(r);
      expect(used).toBeLessThanOrEqual(capacity);
    });
    // a break falls between groups, unless the group is taller than a page (the first group here: 4 issues)
    const groupOf = (b: number) => big.merges?.map((mg) => /^A(\d+):A(\d+)$/.exec(mg)).find((x) => x && Number(x[1]) < b && Number(x[2]) >= b);
    const inside = breaks.map(groupOf).filter((x) => x !== undefined);
    for (const g of inside) {
      let tall = height(H) + height(H + 1);
      for (let r = Number(g?.[1]); r <= Number(g?.[2]); r++) tall += height(r);
      expect(tall).toBeGreaterThan(capacity);
    }
    // a process cut between pages has its merged cells (ลำดับ, ขั้นตอน, มาตรการ) cut there too: none crosses a break,
    // so none prints over the repeated header (issue 13), and the continuation says "(ต่อ)"
    const crossing = (big.merges ?? []).filter((mg) => {
      const m = /^[A-Z]+(\d+):[A-Z]+(\d+)$/.exec(mg);
      return m !== null && breaks.some((br) => Number(m[1]) < br && Number(m[2]) >= br);
    });
    expect(crossing).toEqual([]);
    expect(big.rows.flat().some((v) => typeof v === "string" && v.endsWith(" (ต่อ)"))).toBe(true);
    expect(inside.length).toBeLessThan(breaks.length / 2);
    // a short table fits one page: no header over the heat maps
    expect(spec.print?.printTitleRows).toBeUndefined();
  });

  it("writes Thai digits through number formats (and in its texts) when the settings say ไทย, Arabic ones otherwise", () => {
    expect(spec.areaStyles?.find((s) => s.range === `L${T}`)?.style.numFmt).toBe(`${THAI_DIGITS}0;-${THAI_DIGITS}0;""`);
    const arabic = riskReportSheet({ model: { ...model, settings: { ...model.settings, digits: "arabic" } } });
    expect(arabic.areaStyles?.find((s) => s.range === `L${T}`)?.style.numFmt).toBe('0;-0;""');
    expect(at(arabic, `E${T}`)).toBe("1.\u00a0ล็อกสเปก");
    expect(String(at(arabic, "A3"))).toContain("พ.ศ. 2567");
  });
});

interface Host {
  name: string;
  make(model: PlanWorkbook): Promise<{ port: WorkbookPort; excel?: FakeExcel }>;
}
const hosts: Host[] = [
  {
    name: "xlsx (exceljs)",
    async make(model) {
      const book = XlsxWorkbook.empty();
      await book.writeSheets(describeWorkbook(model, { createdAt: new Date(0) }), "refuse");
      return { port: await XlsxWorkbook.open(await book.toBytes()) };
    },
  },
  {
    name: "office (Excel.run fake)",
    async make(model) {
      const excel = new FakeExcel();
      const port = new OfficeWorkbook(excel.run, excel.supports);
      await port.writeSheets(describeWorkbook(model, { createdAt: new Date(0) }), "refuse");
      return { port, excel };
    },
  },
];

/** Every cell of the input sheets and of _lists, and every defined name: what the generator must not touch. */
function inputs(grids: WorkbookGrids) {
  const keep = new Set([...Object.values(INPUT_SHEET_NAMES), LISTS_SHEET]);
  return { sheets: grids.sheets.filter((s) => keep.has(s.name)), names: grids.names.filter((n) => n.sheet !== RISK_REPORT_SHEET) };
}

describe.each(hosts)("generating the sheet: $name", (host) => {
  it("writes the sheet and its _meta mark, and not one cell of the input sheets", async () => {
    const { port, excel } = await host.make(sample);
    const before = await port.readGrids();
    const syncs = excel?.syncCount ?? 0;
    const result = await generateRiskReport(port, { now: new Date("2026-11-23T03:00:00Z") });
    if (excel) expect(excel.syncCount - syncs).toBe(trips(excel).read + trips(excel).write); // read; learn the sheets, write, events on
    const after = await port.readGrids();
    expect(inputs(after)).toEqual(inputs(before));
    expect(after.sheets.map((s) => s.name)).toContain(RISK_REPORT_SHEET);
    expect(generatedSheets(after)).toEqual([RISK_REPORT_SHEET]);
    const meta = after.sheets.find((s) => s.name === META_SHEET);
    expect(meta?.visibility).toBe("veryHidden");
    expect(meta?.rows).toEqual(expect.arrayContaining([["generated.การประเมินความเสี่ยง", "2026-11-23T03:00:00.000Z"], ["template_version", "1.1.0"]]));
    const report = after.sheets.find((s) => s.name === RISK_REPORT_SHEET);
    expect(report?.rows[0]?.[0]).toBe(GENERATED_NOTE);
    expect(result.overview.risks).toHaveLength(3);
    // the reader still reads the plan as it was, the report sheet being no input sheet
    expect(readPlanWorkbook(after).findings).toEqual([]);
  });

  it("live formulas over the register, carrying the core's values", async () => {
    const { port } = await host.make(sample);
    const { spec } = await generateRiskReport(port);
    const T = tableTop(spec);
    expect(at(spec, `J${T}`)).toEqual({ formula: `'${REGISTER}'!$I$2`, result: "สูง" });
    expect(at(spec, `L${T}`)).toEqual({ formula: `'${REGISTER}'!$H$2`, result: 12 });
    expect(at(spec, `M${T}`)).toEqual({ formula: `'${REGISTER}'!$Q$2`, result: "ปานกลาง" });
    expect(at(spec, `O${T}`)).toEqual({ formula: `'${REGISTER}'!$P$2`, result: 8 });
    const formulas = spec.rows.flat().filter((v): v is { formula: string; result?: string | number } => v !== null && typeof v === "object" && !(v instanceof Date));
    expect(formulas.filter((f) => f.formula.startsWith("COUNTIFS("))).toHaveLength(50);
    expect(formulas.find((f) => f.formula.startsWith("COUNTIFS(") && f.formula.includes("$N:$N"))?.formula).toBe(`COUNTIFS('${REGISTER}'!$N:$N,5,'${REGISTER}'!$O:$O,1)`);
  });

  it("generates again over its own sheet, but never over a sheet of that name the user made", async () => {
    const { port } = await host.make(sample);
    await generateRiskReport(port);
    await generateRiskReport(port);
    expect((await port.readGrids()).sheets.filter((s) => s.name === RISK_REPORT_SHEET)).toHaveLength(1);

    const other = await host.make(sample);
    await other.port.writeSheets({ sheets: [{ name: RISK_REPORT_SHEET, visibility: "visible", rows: [["ตารางของฉัน"]], columns: [{ width: 10 }], formattedRows: 0, freeze: { rows: 0, columns: 0 }, rowStyles: [], validations: [], cellFormats: [] }], names: [] }, "refuse");
    await expect(generateRiskReport(other.port)).rejects.toBeInstanceOf(SheetConflictError);
    expect((await other.port.readGrids()).sheets.find((s) => s.name === RISK_REPORT_SHEET)?.rows).toEqual([["ตารางของฉัน"]]);
    await generateRiskReport(other.port, { replaceUnmarked: true });
    expect(generatedSheets(await other.port.readGrids())).toEqual([RISK_REPORT_SHEET]);
  });
});

it("in Excel, generating stays three syncs for three risks or three hundred", async () => {
  const syncs = async (n: number) => {
    const many = { ...sample, risks: Array.from({ length: n }, (_, i) => ({ ...(sample.risks[i % 3] as RiskEntry), id: `R-${i}` })) };
    const excel = new FakeExcel();
    const port = new OfficeWorkbook(excel.run, excel.supports);
    await port.writeSheets(describeWorkbook(many, { createdAt: new Date(0) }), "refuse");
    const before = excel.syncCount;
    await generateRiskReport(port);
    return excel.syncCount - before;
  };
  const fixed = trips(new FakeExcel()).read + trips(new FakeExcel()).write;
  expect(await syncs(3)).toBe(fixed);
  expect(await syncs(300)).toBe(fixed);
});
