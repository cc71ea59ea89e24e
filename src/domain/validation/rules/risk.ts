/** Risk register rules (R), scored on the workbook's matrix. */
import type { PlanItem, RiskEntry } from "../../plan";
import { inScale, PRESETS, type RiskMatrix, residualLikelihood, score } from "../../risk/matrix";
import { defineRule, found, type RuleContext } from "../rule";

const matrixOf = (ctx: RuleContext): RiskMatrix => PRESETS[ctx.wb.settings.riskMatrix] ?? (PRESETS["5x5"] as RiskMatrix);
const PLAN_CODE = /^\d+(\.\d+)+(\s*\(\d+\))?$/;
const fold = (s: string) => s.replace(/[\s"“”'‘’]/g, "");
const isCode = (s: string) => PLAN_CODE.test(s.trim());

/** A free-text control names a plan item when either name contains the other (spacing and quotes aside). */
function namesItem(text: string, items: readonly PlanItem[]): boolean {
  const t = fold(text);
  return t.length >= 4 && items.some((it) => {
    const n = fold(it.name);
    return n.length >= 4 && (n.includes(t) || t.includes(n));
  });
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
    const codes = new Set(ctx.wb.items.map((i) => i.code).filter(Boolean));
    for (const r of ctx.wb.risks) {
      const s = inherent(ctx, r);
      if (!s || s.rank < matrixOf(ctx).levels.findIndex((l) => l.key === "high")) continue;
      const linked = r.mitigations.some((m) => (isCode(m) ? codes.has(m.replace(/\s+/g, "") as never) : namesItem(m, ctx.wb.items)));
      if (linked) continue;
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
    const codes = new Set<string>(ctx.wb.items.map((i) => i.code ?? "").filter((c) => c !== ""));
    for (const r of ctx.wb.risks) {
      for (const m of r.mitigations) {
        const code = m.replace(/\s+/g, "");
        if (!isCode(m) || codes.has(code)) continue;
        yield found(this, ctx.at.field("risks", r.at, "mitigations"), { th: `รหัส ${m} ไม่มีในแผนปฏิบัติการ`, en: `Code ${m} is not in the plan` }, { found: m });
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
      const after = score(m, r.residualLikelihood ?? residualLikelihood(r.likelihood as number, r.controlRating), r.residualImpact ?? r.impact);
      if (!after || (after.score <= before.score && after.rank <= before.rank)) continue;
      yield found(this, ctx.at.field("risks", r.at, r.residualLikelihood !== undefined ? "residualLikelihood" : "residualImpact"), {
        th: `ความเสี่ยงหลังควบคุม (${after.score} ${after.level.name.th}) สูงกว่าก่อนควบคุม (${before.score} ${before.level.name.th})`,
        en: `The residual risk (${after.score} ${after.level.name.en}) is above the inherent risk (${before.score} ${before.level.name.en})`,
      }, { found: String(after.score), expected: { th: `ไม่เกิน ${before.score}`, en: `at most ${before.score}` } });
    }
  },
});

export const R7 = defineRule({
  id: "R7",
  severity: "warning",
  title: { th: "มาตรการควบคุมที่เป็นข้อความไม่ตรงกับรายการในแผน", en: "A control in free text matches no plan item" },
  *check(ctx) {
    for (const r of ctx.wb.risks) {
      for (const m of r.mitigations) {
        if (isCode(m) || namesItem(m, ctx.wb.items)) continue;
        yield found(this, ctx.at.field("risks", r.at, "mitigations"), {
          th: `"${m}" ไม่ตรงกับชื่อรายการใดในแผน — ใส่รหัสรายการแทนเพื่อเชื่อมกับแผน`,
          en: `"${m}" matches no plan item's name; use the item's code to link it to the plan`,
        }, { found: m });
      }
    }
  },
});

export const RISK_RULES = [R1, R2, R3, R4, R5, R6, R7];
