/** Risk register rules (R), scored on the workbook's matrix (its เมทริกซ์ความเสี่ยง sheet, else the preset of its settings). */
import type { RiskEntry } from "../../plan";
import { highRank, matrixOf as matrixOfWorkbook, residualOf } from "../../risk/assess";
import { type ControlMatch, controlKey, isPlanCode, resolveControls } from "../../risk/controls";
import { inScale, type MatrixProblem, matrixProblems, PRESETS, type RiskMatrix, score } from "../../risk/matrix";
import type { CellLocation } from "../../findings";
import { defineRule, found, type MatrixPart, type RuleContext } from "../rule";

const matrixOf = (ctx: RuleContext): RiskMatrix => matrixOfWorkbook(ctx.wb);
/** The matrix sheet's name, where a locator cannot say more. */
export const MATRIX_SHEET_NAME = "เมทริกซ์ความเสี่ยง";
const matrixAt = (ctx: RuleContext, part: MatrixPart): CellLocation => ctx.at.matrix?.(part) ?? { sheet: MATRIX_SHEET_NAME };

/** Each risk's controls, split and matched once per run (R3, R4 and R7 share them). */
const controlsCache = new WeakMap<RuleContext["wb"], Map<RiskEntry, ControlMatch[]>>();
function controlsOf(ctx: RuleContext, r: RiskEntry): ControlMatch[] {
  let byRisk = controlsCache.get(ctx.wb);
  if (!byRisk) controlsCache.set(ctx.wb, (byRisk = new Map()));
  let c = byRisk.get(r);
  if (!c) byRisk.set(r, (c = resolveControls(r.mitigations, ctx.wb.items, { orgName: ctx.wb.settings.orgName })));
  return c;
}

function inherent(ctx: RuleContext, r: RiskEntry) {
  return score(matrixOf(ctx), r.likelihood, r.impact);
}

export const R1 = defineRule({
  id: "R1",
  severity: "error",
  title: { th: "โอกาสหรือผลกระทบอยู่นอกสเกล", en: "Likelihood or impact outside the scale" },
  *check(ctx) {
    const m = matrixOf(ctx);
    for (const r of ctx.wb.risks) {
      for (const field of ["likelihood", "impact", "residualLikelihood", "residualImpact"] as const) {
        const v = r[field];
        const required = field === "likelihood" || field === "impact";
        if (v === undefined ? !required : inScale(m, v)) continue;
        yield found(this, ctx.at.field("risks", r.at, field), {
          th: v === undefined ? `ความเสี่ยง ${r.id} ยังไม่ได้ให้คะแนน${field === "likelihood" ? "โอกาส" : "ผลกระทบ"}` : `คะแนน ${v} อยู่นอกสเกล 1–${m.size} ของเมทริกซ์ ${m.size}×${m.size}`,
          en: v === undefined ? `Risk ${r.id} has no ${field} score` : `${v} is outside the 1–${m.size} scale of the ${m.size}×${m.size} matrix`,
        }, { found: v === undefined ? "" : String(v), expected: { th: `จำนวนเต็ม 1 ถึง ${m.size}`, en: `a whole number from 1 to ${m.size}` } });
      }
    }
  },
});

export const R2 = defineRule({
  id: "R2",
  severity: "error",
  title: { th: "ไม่ได้ระบุประเด็นความเสี่ยง", en: "No risk event" },
  *check(ctx) {
    for (const r of ctx.wb.risks) {
      if (r.event.trim() !== "") continue;
      yield found(this, ctx.at.field("risks", r.at, "event"), { th: `ความเสี่ยง ${r.id || "-"} ไม่มีประเด็นความเสี่ยงการทุจริต`, en: `Risk ${r.id || "-"} has no risk event` }, { found: "" });
    }
  },
});

export const R3 = defineRule({
  id: "R3",
  severity: "error",
  title: { th: "ความเสี่ยงสูง/สูงมากไม่มีมาตรการในแผน", en: "High or very high risk without mitigating plan items" },
  *check(ctx) {
    for (const r of ctx.wb.risks) {
      const s = inherent(ctx, r);
      if (!s || s.rank < highRank(matrixOf(ctx))) continue;
      if (controlsOf(ctx, r).some((m) => m.item !== undefined)) continue;
      yield found(this, ctx.at.field("risks", r.at, "mitigations"), {
        th: `ความเสี่ยง ${r.id} ระดับ${s.level.name.th} (${s.score}) ต้องมีมาตรการควบคุมเพิ่มเติมที่เป็นรายการในแผน`,
        en: `Risk ${r.id} is ${s.level.name.en.toLowerCase()} (${s.score}) and must name mitigating plan items`,
      }, { found: r.mitigations.join(", "), expected: { th: "รหัสรายการในแผน เช่น 2.2.1", en: "plan item codes such as 2.2.1" } });
    }
  },
});

export const R4 = defineRule({
  id: "R4",
  severity: "error",
  title: { th: "รหัสมาตรการควบคุมไม่มีในแผน", en: "Mitigating code not in the plan" },
  *check(ctx) {
    for (const r of ctx.wb.risks) {
      for (const m of controlsOf(ctx, r)) {
        if (!isPlanCode(m.text) || m.item) continue;
        yield found(this, ctx.at.field("risks", r.at, "mitigations"), { th: `รหัส ${m.text} ไม่มีในแผนปฏิบัติการ`, en: `Code ${m.text} is not in the plan` }, { found: m.text });
      }
    }
  },
});

export const R5 = defineRule({
  id: "R5",
  severity: "warning",
  title: { th: "ยังไม่ได้ประเมินการควบคุม", en: "No control rating" },
  *check(ctx) {
    for (const r of ctx.wb.risks) {
      if (r.controlRating !== undefined) continue;
      yield found(this, ctx.at.field("risks", r.at, "controlRating"), {
        th: `ความเสี่ยง ${r.id} ยังไม่ได้ประเมินการควบคุม (ดี / พอใช้ / อ่อน)`, en: `Risk ${r.id} has no control rating (good / fair / weak)`,
      }, { found: "" });
    }
  },
});

export const R6 = defineRule({
  id: "R6",
  severity: "error",
  title: { th: "ความเสี่ยงหลังควบคุมสูงกว่าก่อนควบคุม", en: "Residual above inherent" },
  *check(ctx) {
    const m = matrixOf(ctx);
    for (const r of ctx.wb.risks) {
      const before = inherent(ctx, r);
      if (!before) continue;
      const after = residualOf(m, r);
      if (!after || (after.score <= before.score && after.rank <= before.rank)) continue;
      yield found(this, ctx.at.field("risks", r.at, r.residualLikelihood !== undefined ? "residualLikelihood" : "residualImpact"), {
        th: `ความเสี่ยงหลังควบคุม (${after.score} ${after.level.name.th}) สูงกว่าก่อนควบคุม (${before.score} ${before.level.name.th})`,
        en: `The residual risk (${after.score} ${after.level.name.en}) is above the inherent risk (${before.score} ${before.level.name.en})`,
      }, { found: String(after.score), expected: { th: `ไม่เกิน ${before.score}`, en: `at most ${before.score}` } });
    }
  },
});

const short = (name: string) => (name.length > 60 ? `${name.slice(0, 57)}…` : name);

/**
 * One finding per distinct control name that is not a plan item's name, at the first cell that uses it,
 * listing every risk and cell that does: a similar name ("did you mean 2.2.6 …?", with the code to type),
 * or a name in no item (with the nearest item when there is one).
 */
export const R7 = defineRule({
  id: "R7",
  severity: "warning",
  title: { th: "มาตรการควบคุมที่เป็นข้อความไม่ตรงกับรายการในแผน", en: "A control in free text matches no plan item" },
  *check(ctx) {
    const byName = new Map<string, { m: ControlMatch; uses: { risk: RiskEntry; at: CellLocation }[] }>();
    for (const r of ctx.wb.risks) {
      for (const m of controlsOf(ctx, r)) {
        if (isPlanCode(m.text) || m.how === "name") continue;
        const key = controlKey(m.text, ctx.wb.settings.orgName).full;
        const at = ctx.at.field("risks", r.at, "mitigations");
        const entry = byName.get(key) ?? { m, uses: [] };
        if (!entry.uses.some((u) => u.risk === r)) entry.uses.push({ risk: r, at });
        byName.set(key, entry);
      }
    }
    for (const { m, uses } of byName.values()) {
      const first = uses[0];
      if (!first) continue;
      const where = uses.map((u) => `${u.risk.id || "-"}${u.at.cell ? ` (${u.at.cell})` : ""}`).join(", ");
      const usedBy = { th: `ใช้ในความเสี่ยง ${where}`, en: `used by risk${uses.length > 1 ? "s" : ""} ${where}` };
      const candidate = m.item ?? m.nearest;
      const code = candidate?.code;
      if (m.item) {
        yield found(this, first.at, {
          th: `"${short(m.text)}" ไม่ตรงกับชื่อรายการในแผนทุกตัวอักษร — หมายถึง ${code ?? ""} ${short(m.item.name)} ใช่หรือไม่? ใส่รหัส ${code ?? "ของรายการ"} ในช่องนี้ (${usedBy.th})`,
          en: `"${short(m.text)}" is not exactly a plan item's name — did you mean ${code ?? ""} ${short(m.item.name)}? Put the code ${code ?? "of the item"} in the cell (${usedBy.en})`,
        }, { found: m.text, ...(code ? { suggestion: code } : {}) });
      } else {
        const near = candidate ? { th: ` — ใกล้เคียงที่สุดคือ ${code ?? ""} ${short(candidate.name)} (${Math.round(m.similarity * 100)}%)`, en: ` — the nearest is ${code ?? ""} ${short(candidate.name)} (${Math.round(m.similarity * 100)}%)` } : { th: "", en: "" };
        yield found(this, first.at, {
          th: `"${short(m.text)}" ไม่ตรงกับรายการใดในแผน${near.th} — ใส่รหัสรายการในแผน หรือเพิ่มรายการนี้ในแผน (${usedBy.th})`,
          en: `"${short(m.text)}" matches no plan item${near.en}; put the item's code, or add the item to the plan (${usedBy.en})`,
        }, { found: m.text, ...(code ? { suggestion: code } : {}) });
      }
    }
  },
});

const LEVEL_FIELD = { levelName: "th", duplicateLevel: "th", levelColor: "color", bandMissing: "from" } as const;

function problemPart(m: RiskMatrix, p: MatrixProblem): MatrixPart {
  const levelIndex = (key: string) => Math.max(0, m.levels.findIndex((l) => l.key === key));
  switch (p.kind) {
    case "band": {
      const b = p.problem;
      if (b.kind === "unknownLevel") return { kind: "sheet" };
      if (b.kind === "overlap") return { kind: "level", index: levelIndex(b.levels[b.levels.length - 1] as string), field: "from" };
      // a gap: the range that ends just below the uncovered score
      const before = (m.bands ?? []).filter((x) => x.to < b.score).sort((x, y) => y.to - x.to)[0];
      return before ? { kind: "level", index: levelIndex(before.level), field: "to" } : { kind: "level", index: 0, field: "from" };
    }
    case "cellLevel":
    case "bandDisagrees":
    case "notMonotone":
      return { kind: "cell", likelihood: p.likelihood, impact: p.impact };
    case "scaleLabel":
      return { kind: "scale", axis: p.axis, value: p.value };
    case "levelName":
    case "duplicateLevel":
    case "levelColor":
    case "bandMissing":
      return { kind: "level", index: p.index, field: LEVEL_FIELD[p.kind] };
    default:
      return { kind: "sheet" };
  }
}

function problemMessage(m: RiskMatrix, p: MatrixProblem): { th: string; en: string; found?: string } {
  const levelName = (key: string) => m.levels.find((l) => l.key === key)?.name ?? { th: key, en: key };
  switch (p.kind) {
    case "gridShape":
      return { th: `ตารางระดับความเสี่ยงต้องมีขนาด ${m.size} × ${m.size} ช่อง`, en: `The grid must be ${m.size} × ${m.size}` };
    case "cellLevel":
      return p.value === ""
        ? { th: `ช่องโอกาส ${p.likelihood} × ผลกระทบ ${p.impact} ยังไม่ได้กำหนดระดับความเสี่ยง`, en: `Cell likelihood ${p.likelihood} × impact ${p.impact} has no level`, found: "" }
        : { th: `ช่องโอกาส ${p.likelihood} × ผลกระทบ ${p.impact} ระบุระดับ "${p.value}" ซึ่งไม่มีในตารางระดับความเสี่ยง`, en: `Cell likelihood ${p.likelihood} × impact ${p.impact} says "${p.value}", which is not a level of the levels table`, found: p.value };
    case "scaleLabel":
      return p.axis === "likelihood"
        ? { th: `โอกาสระดับ ${p.value} ยังไม่มีคำอธิบาย`, en: `Likelihood ${p.value} has no label`, found: "" }
        : { th: `ผลกระทบระดับ ${p.value} ยังไม่มีคำอธิบาย`, en: `Impact ${p.value} has no label`, found: "" };
    case "levelName":
      return { th: `ระดับความเสี่ยงลำดับที่ ${p.index + 1} ยังไม่มีชื่อ`, en: `Level ${p.index + 1} has no name`, found: "" };
    case "duplicateLevel":
      return { th: `ชื่อระดับ "${p.name}" ซ้ำกัน`, en: `The level name "${p.name}" is used twice`, found: p.name };
    case "levelColor":
      return { th: `สีของระดับลำดับที่ ${p.index + 1} ต้องเป็นรหัสสี 6 หลัก เช่น FF9400`, en: `The colour of level ${p.index + 1} must be a 6-digit hex code such as FF9400`, found: p.value };
    case "bandMissing":
      return { th: `ระดับลำดับที่ ${p.index + 1} ยังไม่ได้กำหนดช่วงคะแนน ขณะที่ระดับอื่นกำหนดแล้ว`, en: `Level ${p.index + 1} has no score range while the others have` };
    case "band": {
      const b = p.problem;
      if (b.kind === "unknownLevel") return { th: `ช่วงคะแนนอ้างถึงระดับ "${b.level}" ที่ไม่มีอยู่`, en: `A score range names the unknown level "${b.level}"`, found: b.level };
      return b.kind === "uncovered"
        ? { th: `คะแนน ${b.score} ไม่อยู่ในช่วงคะแนนของระดับใดเลย`, en: `Score ${b.score} is in no level's range`, found: String(b.score) }
        : { th: `คะแนน ${b.score} อยู่ในช่วงคะแนนของหลายระดับ (${b.levels.map((k) => levelName(k).th).join(", ")})`, en: `Score ${b.score} is in several levels' ranges (${b.levels.map((k) => levelName(k).en).join(", ")})`, found: String(b.score) };
    }
    case "bandDisagrees":
      return {
        th: `ช่องโอกาส ${p.likelihood} × ผลกระทบ ${p.impact} (คะแนน ${p.likelihood * p.impact}) เป็นระดับ${levelName(p.cell).th} แต่ช่วงคะแนนกำหนดเป็นระดับ${levelName(p.band).th}`,
        en: `Cell likelihood ${p.likelihood} × impact ${p.impact} (score ${p.likelihood * p.impact}) is ${levelName(p.cell).en} but the score ranges say ${levelName(p.band).en}`,
        found: levelName(p.cell).th,
      };
    case "notMonotone":
      return {
        th: `ช่องโอกาส ${p.likelihood} × ผลกระทบ ${p.impact} มีระดับต่ำกว่าช่องที่โอกาสหรือผลกระทบน้อยกว่า`,
        en: `Cell likelihood ${p.likelihood} × impact ${p.impact} is a lower level than a less likely or less severe cell`,
      };
  }
}

export const R8 = defineRule({
  id: "R8",
  severity: "error",
  title: { th: "เมทริกซ์ความเสี่ยงไม่ครบถ้วนหรือขัดกัน", en: "Risk matrix incomplete or inconsistent" },
  *check(ctx) {
    const m = ctx.wb.riskMatrix;
    if (!m) return;
    for (const p of matrixProblems(m)) {
      if (p.kind === "notMonotone") continue;
      const { found: value, ...message } = problemMessage(m, p);
      yield found(this, matrixAt(ctx, problemPart(m, p)), message, value === undefined ? {} : { found: value });
    }
  },
});

export const R9 = defineRule({
  id: "R9",
  severity: "warning",
  title: { th: "เมทริกซ์ความเสี่ยงไม่ตรงกับตั้งค่าหรือไม่เรียงตามความรุนแรง", en: "Risk matrix differs from the setting or is not ordered" },
  *check(ctx) {
    const m = ctx.wb.riskMatrix;
    if (!m) return;
    const chosen = PRESETS[ctx.wb.settings.riskMatrix];
    if (chosen && chosen.size !== m.size) {
      yield found(this, ctx.at.setting("riskMatrix"), {
        th: `ตั้งค่าเลือกเมทริกซ์ ${ctx.wb.settings.riskMatrix} แต่แผ่นงาน${MATRIX_SHEET_NAME}เป็น ${m.size}×${m.size} ซึ่งเป็นเมทริกซ์ที่ใช้ให้คะแนน`,
        en: `The settings choose the ${ctx.wb.settings.riskMatrix} matrix but the ${MATRIX_SHEET_NAME} sheet, which scores the risks, is ${m.size}×${m.size}`,
      }, { found: ctx.wb.settings.riskMatrix, expected: { th: `${m.size}x${m.size} หรือสร้างแผ่นงานเมทริกซ์ใหม่`, en: `${m.size}x${m.size}, or rebuild the matrix sheet` } });
    }
    for (const p of matrixProblems(m)) {
      if (p.kind !== "notMonotone") continue;
      yield found(this, matrixAt(ctx, problemPart(m, p)), problemMessage(m, p));
    }
  },
});

export const RISK_RULES = [R1, R2, R3, R4, R5, R6, R7, R8, R9];
