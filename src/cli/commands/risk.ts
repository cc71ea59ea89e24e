/**
 * `sujarit risk plan.xlsx`: the risk register on the workbook's matrix — the heat maps before and after
 * controls as text (the count in each cell, the level as a shade), then the published table grouped by
 * process with each issue's level and score, its residual level, and the plan items that control it.
 * `--out report.xlsx` writes a copy with the generated การประเมินความเสี่ยง sheet (never over an existing
 * file without --force); `--add-from-library id,id` appends typical risks to the register of that copy;
 * `--library` lists the library. `--edit <id> [--likelihood n] [--impact n] [--controls …] …` rewrites that
 * risk's register row in place after the register's checks (R1–R7 on the edited risk; errors refuse
 * unless --force), its score and level formulas kept; `--remove <id>` removes it (issue 16). Both under
 * the file's lock (safe-write.ts), refusing a row changed since it was read. Exit 0, or 2 for
 * unreadable input and wrong usage.
 */
import { rowChangedMessage } from "../../app/row-edit";
import {
  addRisksFromLibrary, checkRiskDraft, editRisk, generateRiskReport, removeRisk, riskById, type RiskDraftInput, riskOverview, type RiskOverview, RISK_REPORT_SHEET,
} from "../../app/risks";
import { CONTROL_RATINGS, lookup } from "../../domain/lists";
import { assessRisks } from "../../domain/risk/assess";
import { checkRead, readPlanWorkbook } from "../../app/validate";
import { describeLocation, type Finding } from "../../domain/findings";
import { LIBRARY_AREAS, libraryRisk, RISK_LIBRARY } from "../../domain/risk/library";
import type { RiskMatrix, Scored } from "../../domain/risk/matrix";
import { XlsxWorkbook } from "../../hosts/xlsx/xlsx-workbook";
import { type Lang, langOf, parse, UsageError } from "../args";
import { findingLines } from "../findings";
import { EXIT, type Io, readBytes } from "../io";
import { checkOut, refuseIfAWriteWouldLose, updateInPlace, writeNewFile } from "../safe-write";
import { findingLine } from "../findings";
import { displayWidth } from "../table";

const WORDS = {
  th: {
    title: "การประเมินความเสี่ยงการทุจริต", matrix: "เมทริกซ์", fromSheet: "จากแผ่นงานเมทริกซ์ความเสี่ยง", fromSetting: "ตามตั้งค่า (แฟ้มไม่มีแผ่นงานเมทริกซ์ความเสี่ยง)",
    risks: "ความเสี่ยง", items: "รายการ", heatMap: "แผนภูมิความเสี่ยง: จำนวนความเสี่ยงในแต่ละช่อง (เฉดสี = ระดับ)", before: "ก่อนการควบคุม",
    after: "หลังการควบคุม (ความเสี่ยงคงเหลือ)", likelihood: "โอกาส", impact: "ผลกระทบ", levels: "ระดับ", table: "ตารางการประเมินความเสี่ยง",
    residual: "หลังควบคุม", controls: "มาตรการควบคุม", noControls: "ยังไม่มีรายการในแผน", needs: "ระดับสูงขึ้นไปต้องมีรายการในแผนเป็นมาตรการควบคุม (R3)",
    notInPlan: "ไม่พบในแผน", unscored: "ยังให้คะแนนไม่ครบ", empty: "ยังไม่มีความเสี่ยงในทะเบียนความเสี่ยง", findings: "ข้อควรตรวจสอบของทะเบียนความเสี่ยง", errors: "ข้อผิดพลาด", warnings: "คำเตือน",
    more: "และอีก", wrote: "สร้างแฟ้มแล้ว", sheet: "แผ่นงาน", added: "เพิ่มจากคลังความเสี่ยง", notTemplate: "แฟ้มนี้ไม่ใช่แฟ้มแม่แบบของสุจริต (ไม่มีทะเบียนความเสี่ยง)",
    library: "คลังความเสี่ยงการทุจริตที่พบบ่อยของ อปท.", none: "-",
    edited: "แก้ไขความเสี่ยงแล้ว", removed: "ลบความเสี่ยงแล้ว", row: "แถว", noRisk: "ไม่พบความเสี่ยงรหัสนี้ในทะเบียน", twoRisks: "มีความเสี่ยงรหัสนี้หลายแถว แก้รหัสให้ไม่ซ้ำก่อน",
    refused: "ไม่ได้บันทึก: ความเสี่ยงนี้มีข้อผิดพลาด (แก้แล้วลองใหม่ หรือใช้ --force เพื่อบันทึกอยู่ดี) / not saved: the risk has errors (fix them, or add --force)",
    now: "ตอนนี้",
  },
  en: {
    title: "Corruption risk assessment", matrix: "Matrix", fromSheet: "from the risk matrix sheet", fromSetting: "the settings' preset (no risk matrix sheet)",
    risks: "Risks", items: "", heatMap: "Heat map: risks per cell (shade = level)", before: "Before controls",
    after: "After controls (residual)", likelihood: "Likelihood", impact: "Impact", levels: "Levels", table: "Risk assessment table",
    residual: "residual", controls: "Controls", noControls: "no plan item yet", needs: "high and above need plan items as controls (R3)",
    notInPlan: "not in the plan", unscored: "not fully scored", empty: "The risk register is empty", findings: "Risk register findings", errors: "errors", warnings: "warnings",
    more: "and", wrote: "Wrote", sheet: "sheet", added: "Added from the library", notTemplate: "This is not a Sujarit workbook (no risk register)",
    library: "Library of typical local-government corruption risks", none: "-",
    edited: "Edited risk", removed: "Removed risk", row: "row", noRisk: "no risk of that id in the register", twoRisks: "several rows have that id; make the ids unique first",
    refused: "not saved: the risk has errors (fix them, or add --force) / ไม่ได้บันทึก: ความเสี่ยงนี้มีข้อผิดพลาด",
    now: "Now",
  },
} as const;

/** Light to dark, one per level rank (a matrix has at most five levels here; more reuse the darkest). */
const SHADES = ["░", "▒", "▓", "█", "█"];

export async function riskCommand(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, {
    lang: { type: "string" }, json: { type: "boolean", default: false }, out: { type: "string" }, force: { type: "boolean", default: false },
    "add-from-library": { type: "string" }, library: { type: "boolean", default: false },
    edit: { type: "string" }, remove: { type: "string" }, likelihood: { type: "string" }, impact: { type: "string" },
    "residual-likelihood": { type: "string" }, "residual-impact": { type: "string" }, controls: { type: "string" },
    "control-rating": { type: "string" }, mitigations: { type: "string" }, owner: { type: "string" }, event: { type: "string" }, process: { type: "string" },
  });
  const lang = langOf(values.lang);
  if (values.library) {
    io.out(values.json ? JSON.stringify(RISK_LIBRARY, null, 2) : libraryText(lang));
    return EXIT.ok;
  }
  if (positionals.length !== 1) throw new UsageError("risk takes one .xlsx file / ระบุแฟ้ม .xlsx หนึ่งแฟ้ม");
  const file = positionals[0] as string;
  const fields: RiskDraftInput = dropUndefined({
    likelihood: values.likelihood, impact: values.impact, residualLikelihood: values["residual-likelihood"], residualImpact: values["residual-impact"],
    existingControls: values.controls, mitigations: values.mitigations, owner: values.owner, event: values.event, process: values.process,
    controlRating: values["control-rating"] === undefined ? undefined : values["control-rating"].trim() === "" ? "" : ratingOf(values["control-rating"]),
  });
  if (values.edit !== undefined || values.remove !== undefined) {
    if (values.edit !== undefined && values.remove !== undefined) throw new UsageError("--edit and --remove go one at a time / ใช้ --edit กับ --remove พร้อมกันไม่ได้");
    if (values.out || values["add-from-library"]) throw new UsageError("--edit and --remove change the file in place: no --out or --add-from-library with them / --edit และ --remove แก้แฟ้มเดิม");
    if (values.remove !== undefined && Object.keys(fields).length > 0) throw new UsageError("--remove takes no field options / --remove ไม่รับค่าของช่อง");
    if (values.edit !== undefined && Object.keys(fields).length === 0) throw new UsageError("--edit needs what to change: --likelihood, --impact, --controls … / ระบุค่าที่จะแก้");
    return changeRisk(file, (values.edit ?? values.remove ?? "").trim(), values.edit !== undefined ? fields : undefined, { json: values.json, force: values.force, lang }, io);
  }
  const ids = (values["add-from-library"] ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  const unknown = ids.filter((id) => !libraryRisk(id));
  if (unknown.length > 0) throw new UsageError(`not in the risk library: ${unknown.join(", ")} (sujarit risk --library lists them) / ไม่มีในคลังความเสี่ยง`);
  if (ids.length > 0 && !values.out) throw new UsageError("--add-from-library writes a copy: give --out / ต้องระบุ --out");
  const out = values.out;
  if (out) checkOut(out, { force: values.force, inputs: [file] });

  const book = await XlsxWorkbook.open(readBytes(file));
  let read = readPlanWorkbook(await book.readGrids());
  if (!read.layouts.tables.risks) {
    io.err(`sujarit: ${file}: ${WORDS[lang].notTemplate}`);
    return EXIT.unreadable;
  }
  const lines: string[] = [];
  if (ids.length > 0) {
    const added = await addRisksFromLibrary(book, ids);
    lines.push(`${WORDS[lang].added}: ${added.risks.map((r) => `${r.id} (${added.sheet}!A${r.at?.row ?? ""})`).join(", ")}`);
    read = readPlanWorkbook(await book.readGrids());
  }
  const overview = riskOverview(read);
  const findings = checkRead(read).findings.filter((f) => /^R\d+$/.test(f.rule));
  if (out) {
    await generateRiskReport(book);
    await writeNewFile(out, await book.toBytes(), { force: values.force, inputs: [file] });
  }
  if (values.json) {
    io.out(JSON.stringify({ file, ...(out ? { wrote: out, sheet: RISK_REPORT_SHEET } : {}), ...overviewJson(overview, findings) }, null, 2));
    return exitOf(findings);
  }
  lines.push(overviewText(overview, findings, lang));
  if (out) lines.push("", `${WORDS[lang].wrote}: ${out} (${WORDS[lang].sheet} ${RISK_REPORT_SHEET})`);
  io.out(lines.join("\n"));
  return exitOf(findings);
}

function dropUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

function ratingOf(text: string): NonNullable<RiskDraftInput["controlRating"]> {
  const e = lookup(CONTROL_RATINGS, text);
  if (!e) throw new UsageError(`--control-rating must be one of ${CONTROL_RATINGS.entries.map((x) => `${x.key} (${x.th})`).join(", ")} (got ${text}) / ค่าของ --control-rating ไม่อยู่ในรายการ`);
  return e.key;
}

interface Changed { code: number; bytes?: Uint8Array; print?: () => void }

/**
 * --edit (with `fields`) or --remove of the risk `id`, in place: the read, the checks and the write under
 * the file's lock, so another writer's change is never lost (safe-write.ts).
 */
async function changeRisk(file: string, id: string, fields: RiskDraftInput | undefined, o: { json: boolean; force: boolean; lang: Lang }, io: Io): Promise<number> {
  const w = WORDS[o.lang];
  if (id === "") throw new UsageError(`${fields ? "--edit" : "--remove"} takes a risk id such as R-01 / ระบุรหัสความเสี่ยง`);
  const done = await updateInPlace(file, async (bytes): Promise<{ bytes?: Uint8Array; result: Changed }> => {
    const book = await XlsxWorkbook.open(bytes);
    refuseIfAWriteWouldLose(file, book.pkg);
    const read = readPlanWorkbook(await book.readGrids());
    if (!read.layouts.tables.risks) {
      io.err(`sujarit: ${file}: ${w.notTemplate}`);
      return { result: { code: EXIT.unreadable } };
    }
    const { risk: seen, count } = riskById(read.workbook, id);
    if (!seen) throw new UsageError(`${id}: ${count > 1 ? w.twoRisks : w.noRisk} (${read.workbook.risks.map((r) => r.id).filter(Boolean).join(", ") || "-"})`);
    const refused = (r: Parameters<typeof rowChangedMessage>[0]): { result: Changed } => {
      const m = rowChangedMessage(r);
      io.err(`sujarit: ${o.lang === "th" ? `${m.th} / ${m.en}` : `${m.en} / ${m.th}`}`);
      return { result: { code: EXIT.unreadable } };
    };
    if (!fields) {
      const result = await removeRisk(book, seen);
      if (result.kind === "changed") return refused(result);
      const print = () => io.out(o.json
        ? JSON.stringify({ file, removed: { id: seen.id, sheet: result.sheet, row: result.row } }, null, 2)
        : `${w.removed} ${seen.id}: ${file} — ${result.sheet} ${w.row} ${result.row}`);
      return { bytes: await book.toBytes(), result: { code: EXIT.ok, print } };
    }
    const check = checkRiskDraft(read, seen, fields);
    const located = check.findings.map((f) => `  ${findingLine(f.finding, o.lang)}`);
    if (check.counts.error > 0 && !o.force) {
      io.err([`sujarit: ${w.refused}`, ...located].join("\n"));
      return { result: { code: EXIT.unreadable } };
    }
    const result = await editRisk(book, seen, check.entry);
    if (result.kind === "changed") return refused(result);
    const after = readPlanWorkbook(await book.readGrids());
    const assessed = assessRisks(after.workbook).find((a) => a.risk.at?.row === result.row);
    const print = () => {
      if (o.json) {
        io.out(JSON.stringify({
          file, edited: { id: seen.id, sheet: result.sheet, row: result.row },
          inherent: assessed?.inherent ? { score: assessed.inherent.score, level: assessed.inherent.level.key } : null,
          residual: assessed?.residual ? { score: assessed.residual.score, level: assessed.residual.level.key } : null,
          findings: check.findings.map((f) => ({ ...f.finding, field: f.field ?? null, where: describeLocation(f.finding.location) })),
        }, null, 2));
        return;
      }
      const lines = [`${w.edited} ${seen.id}: ${file} — ${result.sheet} ${w.row} ${result.row}`];
      if (assessed) lines.push(`${w.now}: ${levelName(assessed.inherent, o.lang)} → ${w.residual} ${levelName(assessed.residual, o.lang)}`);
      if (located.length > 0) lines.push(`${w.findings}: ${located.length}`, ...located);
      io.out(lines.join("\n"));
    };
    return { bytes: await book.toBytes(), result: { code: EXIT.ok, print } };
  });
  done.print?.();
  return done.code;
}

/** Like validate: errors in the register (R3 a high risk with no plan item, R4 …) are exit 1. */
const exitOf = (findings: readonly Finding[]) => (findings.some((f) => f.severity === "error") ? EXIT.findings : EXIT.ok);

const levelName = (s: Scored | undefined, lang: Lang) => (s ? `${s.level.name[lang]} (${s.score})` : "-");

export function overviewText(o: RiskOverview, findings: readonly Finding[], lang: Lang): string {
  const w = WORDS[lang];
  const m = o.matrix;
  const st = o.read.workbook.settings;
  const lines = [
    `${w.title}${st.orgName ? ` — ${st.orgName}` : ""}`,
    `${w.matrix} ${m.size}×${m.size} (${o.matrixFromSheet ? w.fromSheet : w.fromSetting}) · ${w.risks} ${o.risks.length}${w.items ? ` ${w.items}` : ""}`,
    "",
    w.heatMap,
    ...heatMapText(m, o.heatMap.inherent, o.heatMap.residual, lang),
    `${w.levels}: ${m.levels.map((lv, i) => `${SHADES[Math.min(i, SHADES.length - 1)]} ${lv.name[lang]}`).join("  ")}`,
  ];
  if (o.heatMap.unscored.inherent > 0) lines.push(`${w.unscored}: ${o.heatMap.unscored.inherent}`);
  lines.push("", w.table);
  if (o.groups.length === 0) lines.push(`  ${w.empty}`);
  for (const g of o.groups) {
    lines.push(`${g.no}. ${g.process || w.none}`);
    g.risks.forEach((a, i) => {
      const where = a.risk.at ? ` [${a.risk.id || "-"}, ${a.risk.at.sheet}!A${a.risk.at.row}]` : "";
      lines.push(`   ${i + 1}) ${a.risk.event || w.none} — ${levelName(a.inherent, lang)} → ${w.residual} ${levelName(a.residual, lang)}${where}`);
      const controls = a.mitigations.map((x) => (x.item ? `${x.item.code ?? ""} ${x.item.name}`.trim() : `${x.text} (${w.notInPlan})`));
      lines.push(`      ${w.controls}: ${controls.length > 0 ? controls.join("; ") : w.noControls}`);
      if (a.needsPlanItems) lines.push(`      ⚠ ${w.needs}`);
    });
  }
  if (findings.length > 0) {
    const errors = findings.filter((f) => f.severity === "error").length;
    lines.push("", `${w.findings}: ${findings.length} (${errors} ${w.errors}, ${findings.length - errors} ${w.warnings})`);
    lines.push(...findingLines(findings, lang, 20));
  }
  return lines.join("\n");
}

/** The two heat maps side by side: likelihood down (highest first), impact across, a count and a shade per cell. */
function heatMapText(m: RiskMatrix, inherent: readonly (readonly number[])[], residual: readonly (readonly number[])[], lang: Lang): string[] {
  const w = WORDS[lang];
  const labelWidth = Math.max(displayWidth(w.likelihood), ...m.likelihood.map((x, v) => displayWidth(`${v + 1} ${x[lang]}`)));
  const pad = (s: string, n: number) => s + " ".repeat(Math.max(0, n - displayWidth(s)));
  const cell = (count: number, l: number, i: number) => {
    const rank = m.levels.findIndex((lv) => lv.key === m.cells[l - 1]?.[i - 1]);
    const shade = rank < 0 ? "?" : (SHADES[Math.min(rank, SHADES.length - 1)] as string);
    return `${count === 0 ? "·" : String(count)}`.padStart(3) + shade;
  };
  const side = (counts: readonly (readonly number[])[]) => {
    const rows = [pad(w.likelihood, labelWidth) + Array.from({ length: m.size }, (_, i) => String(i + 1).padStart(4)).join("") + `  ← ${w.impact}`];
    for (let l = m.size; l >= 1; l--) {
      rows.push(pad(`${l} ${m.likelihood[l - 1]?.[lang] ?? ""}`, labelWidth) + Array.from({ length: m.size }, (_, i) => cell(counts[l - 1]?.[i] ?? 0, l, i + 1)).join(""));
    }
    return rows;
  };
  const left = side(inherent);
  const right = side(residual);
  const width = Math.max(...left.map(displayWidth), displayWidth(w.before)) + 4;
  return [pad(w.before, width) + w.after, ...left.map((line, k) => pad(line, width) + (right[k] ?? ""))];
}

function overviewJson(o: RiskOverview, findings: readonly Finding[]) {
  const scored = (s: Scored | undefined) => (s ? { score: s.score, level: s.level.key, levelName: s.level.name } : null);
  const m = o.matrix;
  return {
    organization: o.read.workbook.settings.orgName,
    matrix: {
      id: m.id, size: m.size, fromSheet: o.matrixFromSheet, likelihood: m.likelihood, impact: m.impact,
      levels: m.levels, cells: m.cells, bands: m.bands ?? null,
    },
    heatMap: { inherent: o.heatMap.inherent, residual: o.heatMap.residual, unscored: o.heatMap.unscored },
    groups: o.groups.map((g) => ({
      no: g.no,
      process: g.process,
      controls: g.controls,
      risks: g.risks.map((a) => ({
        id: a.risk.id,
        event: a.risk.event,
        category: a.risk.category ?? null,
        likelihood: a.risk.likelihood ?? null,
        impact: a.risk.impact ?? null,
        inherent: scored(a.inherent),
        residual: scored(a.residual),
        planItems: a.items.map((it) => ({ code: it.code ?? null, name: it.name })),
        notInPlan: a.mitigations.filter((x) => !x.item).map((x) => x.text),
        needsPlanItems: a.needsPlanItems,
        at: a.risk.at ? `${a.risk.at.sheet}!A${a.risk.at.row}` : null,
      })),
    })),
    findings: findings.map((f) => ({ ...f, where: describeLocation(f.location) })),
  };
}

function libraryText(lang: Lang): string {
  const lines = [WORDS[lang].library, ""];
  for (const [area, name] of Object.entries(LIBRARY_AREAS)) {
    const entries = RISK_LIBRARY.filter((r) => r.area === area);
    if (entries.length === 0) continue;
    lines.push(name[lang]);
    for (const r of entries) lines.push(`  ${r.id.padEnd(26)} ${r.event[lang]} (${r.likelihood}×${r.impact})`);
  }
  return lines.join("\n");
}
