/**
 * What every generated report sheet must be, whatever its content (REPORTS.md, TEMPLATE.md): checked on
 * every case and both digit settings, and on an empty plan. Merged areas never overlap (Excel refuses
 * such a write) and hide no value; every formula carries the value the core computed; A4, fit to one
 * page wide, the official font; names Excel accepts and no input sheet's name; Thai digits in number
 * formats exactly when the setting says so; the note or draft banner in row 1.
 */
import { parseArea } from "../../src/workbook/a1";
import type { CellInput, SheetSpec } from "../../src/workbook/grid";
import { isFormula } from "../../src/workbook/grid";
import { reportContext, reportSheets, REPORT_SHEETS } from "../../src/workbook/reports";
import { THAI_DIGITS } from "../../src/workbook/reports/style";
import { INPUT_SHEET_NAMES } from "../../src/workbook/schema";
import type { PlanWorkbook } from "../../src/domain/plan";
import { fiscalYear } from "../../src/domain/units";
import { newPlan } from "../../src/app/template";
import { REPORT_CASES, REPORT_NOW } from "../support/reports";

function problemsOf(spec: SheetSpec, digits: "thai" | "arabic"): string[] {
  const problems: string[] = [];
  const areas = (spec.merges ?? []).map((m) => ({ m, a: parseArea(m) }));
  areas.forEach(({ m, a }, i) => {
    if (!a) return void problems.push(`bad merge ${m}`);
    for (const { m: n, a: b } of areas.slice(i + 1)) {
      if (b && a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right) problems.push(`merges ${m} and ${n} overlap`);
    }
    for (let r = a.top; r <= a.bottom; r++) for (let c = a.left; c <= a.right; c++) {
      if (r === a.top && c === a.left) continue;
      const v = spec.rows[r - 1]?.[c - 1];
      if (v !== null && v !== undefined && v !== "") problems.push(`merge ${m} hides a value at row ${r} col ${c}`);
    }
  });
  spec.rows.forEach((row, r) => row.forEach((v: CellInput, c) => {
    if (v !== null && isFormula(v) && v.result === undefined) problems.push(`formula without the core's value at row ${r + 1} col ${c + 1}: ${v.formula}`);
    if (typeof v === "number" && !Number.isFinite(v)) problems.push(`non-finite number at row ${r + 1} col ${c + 1}`);
    if (typeof v === "string" && /undefined|NaN|\[object/.test(v)) problems.push(`leaked "${v.slice(0, 60)}" at row ${r + 1} col ${c + 1}`);
  }));
  if (spec.print?.paper !== "A4" || spec.print.fitToWidth !== true) problems.push("not A4 fit to width");
  if (spec.font?.name !== "TH SarabunPSK") problems.push("not the official font");
  if (spec.name.length > 31 || /[[\]:*?/\\]/.test(spec.name)) problems.push(`a name Excel refuses: ${spec.name}`);
  if (Object.values(INPUT_SHEET_NAMES).includes(spec.name)) problems.push(`an input sheet's name: ${spec.name}`);
  const formats = [...(spec.areaStyles ?? []).map((s) => s.style.numFmt), ...spec.columns.map((c) => c.numFmt)].filter((f): f is string => !!f && /0/.test(f));
  for (const f of formats) {
    const thai = f.includes(THAI_DIGITS) || f.includes("[$-D0");
    if (digits === "thai" && !thai) problems.push(`Arabic-digit number format ${f} with the Thai digit setting`);
    if (digits === "arabic" && thai) problems.push(`Thai-digit number format ${f} with the Arabic digit setting`);
  }
  return problems;
}

const withDigits = (m: PlanWorkbook, digits: "thai" | "arabic"): PlanWorkbook => ({ ...m, settings: { ...m.settings, digits } });

describe.each(REPORT_CASES.map((c) => [c.name, c] as const))("every report sheet of %s", (_, c) => {
  it.each(["thai", "arabic"] as const)("is well formed with %s digits", (digits) => {
    const sheets = reportSheets(reportContext(withDigits(c.model, digits), { fy: fiscalYear(c.fy), round: c.round }, { now: REPORT_NOW }), { cards: true });
    expect(sheets.map((s) => s.name)).toEqual(Object.values(REPORT_SHEETS).filter((n) => sheets.some((s) => s.name === n)));
    // an ITA appendix only when the plan has ITA measures: an empty one is neither printed nor listed
    const ita = c.model.itaMeasures.length > 0;
    expect(sheets.map((s) => s.name).includes(REPORT_SHEETS.ita)).toBe(ita);
    expect(sheets).toHaveLength(Object.keys(REPORT_SHEETS).length - (ita ? 0 : 1));
    const problems = sheets.flatMap((s) => problemsOf(s, digits).map((p) => `${s.name}: ${p}`));
    expect(problems).toEqual([]);
  });
});

it("an empty plan still gives every sheet, well formed, without a crash", () => {
  const empty = newPlan({ orgName: "", orgType: undefined, district: "", province: "", firstYear: fiscalYear(2566), years: 5, framework: "2566-2570" });
  for (const round of [6, 12] as const) {
    const sheets = reportSheets(reportContext(empty, { fy: fiscalYear(2567), round }, { now: REPORT_NOW, draft: { errors: 3 } }), { cards: true });
    expect(sheets).toHaveLength(Object.keys(REPORT_SHEETS).length - 1); // no ITA measures: no ITA appendix
    expect(sheets.flatMap((s) => problemsOf(s, "thai").map((p) => `${s.name}: ${p}`))).toEqual([]);
    for (const s of sheets) expect(String(s.rows[0]?.[0])).toMatch(/^ฉบับร่าง/);
  }
});
