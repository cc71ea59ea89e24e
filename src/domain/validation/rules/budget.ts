/**
 * Budget rules (B) on the template's plan sheet. B1 and B3 are raised by the reader (an amount that
 * cannot be read, or has more than two decimals); B6/B7/B11 by the importer, where stated totals exist.
 */
import { formatAmount } from "../../thai";
import type { PlanItem } from "../../plan";
import { factsOf } from "../facts";
import { defineRule, found } from "../rule";

const NO_BUDGET = /ไม่ใช้งบประมาณ|ไม่ใช่งบประมาณ|ไม่ใช้งบ/;
const code = (it: PlanItem) => it.code ?? "";

export const B2 = defineRule({
  id: "B2",
  severity: "error",
  title: { th: "งบประมาณติดลบ", en: "Negative budget" },
  *check(ctx) {
    const { at } = ctx;
    for (const { item: it, years } of factsOf(ctx).budgetedItems) {
      for (const y of years) {
        const v = it.budgets[y] ?? 0;
        if (v >= 0) continue;
        yield found(this, at.field("plan", it.at, `budget:${y}`), {
          th: `งบประมาณปี ${y} ของ ${code(it)} ติดลบ`, en: `The ${y} budget of ${code(it)} is negative`,
        }, { found: formatAmount(v), expected: { th: "จำนวนเงินตั้งแต่ 0 ขึ้นไป", en: "an amount of 0 or more" } });
      }
    }
  },
});

export const B4 = defineRule({
  id: "B4",
  severity: "error",
  title: { th: "หมายเหตุว่าไม่ใช้งบประมาณแต่มีงบ", en: "Note says no budget but a year has budget" },
  *check(ctx) {
    const { at } = ctx;
    for (const { item: it, years } of factsOf(ctx).budgetedItems) {
      if (!NO_BUDGET.test(it.note)) continue;
      const funded = years.filter((y) => (it.budgets[y] ?? 0) > 0);
      if (funded.length === 0) continue;
      yield found(this, at.field("plan", it.at, "note"), {
        th: `หมายเหตุว่า "ไม่ใช้งบประมาณ" แต่มีงบในปี ${funded.join(", ")}`,
        en: `The note says "no budget" but ${funded.join(", ")} has budget`,
      }, { found: it.note });
    }
  },
});

export const B5 = defineRule({
  id: "B5",
  severity: "info",
  title: { th: "ไม่มีงบทุกปีแต่ไม่ได้หมายเหตุว่าไม่ใช้งบประมาณ", en: "No budget in any year and no ไม่ใช้งบประมาณ note" },
  *check(ctx) {
    const { at } = ctx;
    for (const { item: it, years } of factsOf(ctx).budgetedItems) {
      if (NO_BUDGET.test(it.note) || years.some((y) => (it.budgets[y] ?? 0) !== 0)) continue;
      yield found(this, at.field("plan", it.at, "note"), {
        th: `${code(it)} ไม่มีงบประมาณทุกปี ควรหมายเหตุว่า "ไม่ใช้งบประมาณ"`,
        en: `${code(it)} has no budget in any year; note it as "ไม่ใช้งบประมาณ"`,
      }, { found: it.note, suggestion: "ไม่ใช้งบประมาณ" });
    }
  },
});

export const B8 = defineRule({
  id: "B8",
  severity: "error",
  title: { th: "มีงบในปีที่อยู่นอกช่วงแผน", en: "Budget in a year outside the plan" },
  *check(ctx) {
    const { at, planYears } = ctx;
    for (const { item: it, years } of factsOf(ctx).budgetedItems) {
      for (const y of years) {
        if (planYears.includes(y) || (it.budgets[y] ?? 0) === 0) continue;
        yield found(this, at.field("plan", it.at, `budget:${y}`), {
          th: `${code(it)} มีงบในปี ${y} ซึ่งอยู่นอกแผน ${planYears[0]}–${planYears[planYears.length - 1]}`,
          en: `${code(it)} has budget in ${y}, outside the plan ${planYears[0]}–${planYears[planYears.length - 1]}`,
        }, { found: formatAmount(it.budgets[y] ?? 0) });
      }
    }
  },
});

/** Far above the organization's other items: ten times the median of its funded item-years, and at least 1 million baht. */
const OUTLIER_FACTOR = 10;
const OUTLIER_FLOOR = 1_000_000;

export const B9 = defineRule({
  id: "B9",
  severity: "info",
  title: { th: "งบสูงผิดปกติเมื่อเทียบกับรายการอื่น", en: "Budget far above the organization's other items" },
  *check(ctx) {
    const { wb, at } = ctx;
    const amounts = wb.items.flatMap((it) => Object.values(it.budgets).filter((v) => v > 0)).sort((a, b) => a - b);
    if (amounts.length < 5) return;
    const median = amounts[Math.floor(amounts.length / 2)] as number;
    const limit = Math.max(OUTLIER_FLOOR, median * OUTLIER_FACTOR);
    for (const { item: it, years } of factsOf(ctx).budgetedItems) {
      for (const y of years) {
        const v = it.budgets[y] ?? 0;
        if (v <= limit) continue;
        yield found(this, at.field("plan", it.at, `budget:${y}`), {
          th: `งบปี ${y} ของ ${code(it)} สูงกว่าค่ากลางของรายการอื่น (${formatAmount(median)} บาท) มาก ตรวจสอบว่าไม่ได้พิมพ์เลขศูนย์เกิน`,
          en: `The ${y} budget of ${code(it)} is far above the median item (${formatAmount(median)} baht); check for an extra zero`,
        }, { found: formatAmount(v) });
      }
    }
  },
});

export const BUDGET_RULES = [B2, B4, B5, B8, B9];
