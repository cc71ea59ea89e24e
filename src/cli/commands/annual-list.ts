/**
 * `sujarit annual-list list.xlsx --plan plan.xlsx`: an e-PlanNACC annual list checked against the plan
 * (a Sujarit workbook, or a plan table laid out like the documents') for the list's fiscal year, and
 * against its own รวมทั้งสิ้น row. Prints how the rows matched the plan and every finding at its cell.
 * Exit 0 nothing to report, 1 findings, 2 no list or no plan in the files.
 */
import { type AnnualListComparison, compareAnnualList, NoAnnualListError, planFromGrids, readAnnualLists } from "../../app/annual-list";
import { NoPlanTableError } from "../../app/import";
import { formatAmount } from "../../domain/thai";
import { XlsxWorkbook } from "../../hosts/xlsx/xlsx-workbook";
import { type Lang, langOf, parse, UsageError } from "../args";
import { findingLine } from "../findings";
import { EXIT, type Io, readBytes } from "../io";
import { displayWidth, renderTable } from "../table";

const WORDS = {
  th: {
    list: "บัญชีรายการ e-PlanNACC", plan: "แผน", template: "แฟ้มแม่แบบสุจริต", planTable: "ตารางแผน", year: "ปี", of: "ของ",
    rows: "แถวในบัญชี", title: "หัวเรื่อง", header: "หัวตาราง", item: "รายการ", total: "แถวรวม", footer: "ท้ายรายงาน", legend: "คำอธิบาย", unplaced: "อ่านไม่ได้",
    matching: "จับคู่กับแผน", byName: "ชื่อตรงกัน", similar: "ชื่อใกล้เคียง", otherDimension: "ต่างมิติ", notInPlan: "ไม่มีในแผน", duplicate: "ซ้ำ", missing: "ในแผนแต่ไม่อยู่ในบัญชี",
    dimension: "มิติ", listRows: "แถวในบัญชี", planItems: "รายการในแผน", listBudget: "งบในบัญชี", planBudget: "งบตามแผน", sum: "รวม", noDimension: "ไม่ระบุ",
    ticks: "ไตรมาส 1–4: ทำเครื่องหมาย", stated: "แถวรวมระบุ", renamed: "ชื่อในบัญชีต่างจากแผน (จับคู่จากชื่อที่ใกล้เคียงที่สุด)", row: "แถว", seq: "ลำดับ",
    notCompared: "เทียบกับแผนไม่ได้ (ดูข้อควรตรวจสอบ)", findings: "ข้อควรตรวจสอบ", none: "ไม่มี",
    planFindings: (n: number) => `แผนเองมีข้อควรตรวจสอบอีก ${n} รายการ (ดูได้ด้วย sujarit import หรือ sujarit validate)`,
  },
  en: {
    list: "e-PlanNACC annual list", plan: "Plan", template: "Sujarit workbook", planTable: "plan table", year: "FY", of: "of",
    rows: "List rows", title: "title", header: "header", item: "item", total: "total", footer: "footer", legend: "legend", unplaced: "not read",
    matching: "Matched to the plan", byName: "same name", similar: "similar name", otherDimension: "other dimension", notInPlan: "not in the plan", duplicate: "duplicate", missing: "in the plan, not in the list",
    dimension: "Dimension", listRows: "List rows", planItems: "Plan items", listBudget: "List budget", planBudget: "Plan budget", sum: "Total", noDimension: "none",
    ticks: "Quarters 1–4: ticked", stated: "total row states", renamed: "Names that differ from the plan (matched to the most similar name)", row: "row", seq: "no.",
    notCompared: "not compared with the plan (see the findings)", findings: "Findings", none: "none",
    planFindings: (n: number) => `The plan itself has ${n} more finding${n === 1 ? "" : "s"} (sujarit import or sujarit validate shows ${n === 1 ? "it" : "them"})`,
  },
} as const;

function shorten(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let out = "";
  for (const ch of text) {
    if (displayWidth(out + ch) >= width) break;
    out += ch;
  }
  return `${out}…`;
}

export async function annualListCommand(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, { plan: { type: "string" }, lang: { type: "string" }, json: { type: "boolean", default: false } });
  const lang: Lang = langOf(values.lang);
  if (positionals.length !== 1) throw new UsageError("annual-list takes one .xlsx file / ระบุแฟ้มบัญชีรายการ .xlsx หนึ่งแฟ้ม");
  const planFile = values.plan;
  if (!planFile) throw new UsageError("--plan is required / ต้องระบุ --plan <แฟ้มแผน.xlsx>");
  const listFile = positionals[0] as string;

  const lists = readAnnualLists(await (await XlsxWorkbook.open(readBytes(listFile))).readGrids());
  if (lists.length === 0) {
    io.err(`sujarit: ${listFile}: ${new NoAnnualListError().message}`);
    return EXIT.unreadable;
  }
  let plan;
  try {
    plan = planFromGrids(await (await XlsxWorkbook.open(readBytes(planFile))).readGrids());
  } catch (e) {
    if (e instanceof NoPlanTableError) {
      io.err(`sujarit: ${planFile}: ${e.message}`);
      return EXIT.unreadable;
    }
    throw e;
  }
  const results = lists.map((l) => compareAnnualList(l, plan));

  if (values.json) io.out(JSON.stringify({ list: listFile, plan: planFile, planSource: plan.source, planSheet: plan.sheet, planYears: plan.years, lists: results.map(comparisonJson) }, null, 2));
  else io.out(results.map((r) => comparisonText(r, listFile, planFile, lang)).join("\n\n"));
  return results.some((r) => r.findings.length > 0) ? EXIT.findings : EXIT.ok;
}

export function comparisonText(c: AnnualListComparison, listFile: string, planFile: string, lang: Lang): string {
  const w = WORDS[lang];
  const l = c.list;
  const n = c.rowCounts;
  const years = c.plan.years;
  const lines = [
    `${w.list}: ${listFile} › ${l.sheet} (${[l.orgName, c.fiscalYear !== undefined ? `${w.year} ${c.fiscalYear}` : undefined].filter(Boolean).join(", ") || "-"})`,
    `${w.plan}: ${planFile} › ${c.plan.sheet} (${c.plan.source === "template" ? w.template : w.planTable}${c.plan.model.settings.orgName ? `, ${c.plan.model.settings.orgName}` : ""}${years.length > 0 ? `, ${years[0]}–${years[years.length - 1]}` : ""})`,
    `${w.rows}: ${w.title} ${n.title} · ${w.header} ${n.header} · ${w.item} ${n.item} · ${w.total} ${n.total} · ${w.footer} ${n.footer} · ${w.legend} ${n.legend} · ${w.unplaced} ${n.unplaced}`,
  ];
  if (c.comparedWithPlan) {
    const how = (h: string) => c.matches.filter((m) => m.how === h).length;
    const notInPlan = c.unmatched.filter((u) => u.reason === "notInPlan").length;
    const dups = c.unmatched.length - notInPlan;
    lines.push(`${w.matching}: ${w.byName} ${how("name")} · ${w.similar} ${how("similar")} · ${w.otherDimension} ${how("otherDimension")} · ${w.notInPlan} ${notInPlan}${dups > 0 ? ` · ${w.duplicate} ${dups}` : ""} · ${w.missing} ${c.missing.length}`);
  } else {
    lines.push(`${w.matching}: ${w.notCompared}`);
  }
  const rows = c.byDimension.map((d) => [
    d.dimension === undefined ? w.noDimension : String(d.dimension), String(d.listRows), String(d.planItems), formatAmount(d.listBudget), formatAmount(d.planBudget),
  ]);
  rows.push([w.sum, String(l.rows.length), String(c.byDimension.reduce((s, d) => s + d.planItems, 0)), formatAmount(c.sums.listBudget), c.sums.planBudget === undefined ? "-" : formatAmount(c.sums.planBudget)]);
  lines.push("", renderTable([w.dimension, w.listRows, w.planItems, w.listBudget, w.planBudget], rows));
  lines.push(`${w.ticks} ${c.sums.ticks.join(" · ")}${c.sums.statedTicks.length > 0 ? `; ${w.stated} ${c.sums.statedTicks.map((t) => (t === undefined ? "-" : String(t))).join(" · ")}` : ""}`);

  const renamed = c.matches.filter((m) => m.how !== "name");
  if (renamed.length > 0) {
    lines.push("", `${w.renamed}:`);
    for (const m of renamed) {
      lines.push(`  ${w.row} ${m.row.row}${m.row.seq !== undefined ? ` (${w.seq} ${m.row.seq})` : ""}: ${shorten(m.row.name, 70)}`);
      lines.push(`    ≈ ${m.item.code ?? "?"} ${shorten(m.item.name, 70)} (${Math.round(m.similarity * 100)}%)`);
    }
  }
  lines.push("", `${w.findings}: ${c.findings.length === 0 ? w.none : c.findings.length}`, ...c.findings.map((f) => `  ${findingLine(f, lang)}`));
  const planOwn = c.plan.findings.filter((f) => f.severity !== "info").length;
  if (planOwn > 0) lines.push("", w.planFindings(planOwn));
  return lines.join("\n");
}

function comparisonJson(c: AnnualListComparison) {
  const l = c.list;
  return {
    sheet: l.sheet, fiscalYear: c.fiscalYear ?? null, orgName: l.orgName ?? null, dataDate: l.dataDate ?? null, reporter: l.reporter ?? null,
    comparedWithPlan: c.comparedWithPlan, rows: c.rowCounts, accounts: l.accounts,
    matches: c.matches.map((m) => ({ row: m.row.row, seq: m.row.seq ?? null, name: m.row.name, planCode: m.item.code ?? null, planName: m.item.name, planRow: m.item.at?.row ?? null, similarity: Math.round(m.similarity * 1000) / 1000, how: m.how })),
    unmatched: c.unmatched.map((u) => ({ row: u.row.row, seq: u.row.seq ?? null, name: u.row.name, reason: u.reason, duplicateOf: u.duplicateOf ?? null, nearest: u.nearest ? { planCode: u.nearest.item.code ?? null, planName: u.nearest.item.name, similarity: Math.round(u.nearest.similarity * 1000) / 1000 } : null })),
    missing: c.missing.map((it) => ({ planCode: it.code ?? null, name: it.name, dimension: it.dimension ?? null, planRow: it.at?.row ?? null })),
    sums: { ...c.sums, statedBudget: c.sums.statedBudget ?? null, planBudget: c.sums.planBudget ?? null, statedTicks: c.sums.statedTicks.map((t) => t ?? null) },
    byDimension: c.byDimension.map((d) => ({ ...d, dimension: d.dimension ?? null })), findings: c.findings,
  };
}
