/** Progress rules (M) over the monthly rows, against the plan and the fiscal calendar. */
import { type CalendarMonth, fiscalMonthIndex, fiscalYearOf, fiscalYearRange, formatThaiDate, THAI_MONTHS_SHORT } from "../../calendar";
import { labelOf, PROGRESS_STATUSES } from "../../lists";
import type { ProgressEntry } from "../../plan";
import { formatAmount } from "../../thai";
import type { FiscalYear } from "../../units";
import { factsOf } from "../facts";
import { defineRule, found, groupByPair } from "../rule";

const monthTh = (m: CalendarMonth | undefined) => (m ? THAI_MONTHS_SHORT[m] : "-");
const byMonth = (a: ProgressEntry, b: ProgressEntry) => fiscalMonthIndex(a.month ?? 10) - fiscalMonthIndex(b.month ?? 10) || (a.at?.row ?? 0) - (b.at?.row ?? 0);

export const M1 = defineRule({
  id: "M1",
  severity: "error",
  title: { th: "รหัสรายการไม่มีในแผน", en: "Unknown item code" },
  *check(ctx) {
    const { wb, at } = ctx;
    const codes = factsOf(ctx).itemsByCode;
    for (const p of wb.progress) {
      if (p.code === undefined) {
        yield found(this, at.field("progress", p.at, "code"), { th: "แถวผลรายเดือนไม่มีรหัสรายการ", en: "The progress row has no item code" }, { found: "" });
      } else if (!codes.has(p.code)) {
        yield found(this, at.field("progress", p.at, "code"), { th: `รหัส ${p.code} ไม่มีในแผนปฏิบัติการ`, en: `Code ${p.code} is not in the plan` }, {
          found: p.code, expected: { th: "รหัสจากแผ่นงานแผนปฏิบัติการ", en: "a code from the plan sheet" },
        });
      }
    }
  },
});

export const M2 = defineRule({
  id: "M2",
  severity: "error",
  title: { th: "ปีงบประมาณหรือเดือนอยู่นอกแผน", en: "FY or month outside the plan" },
  *check({ wb, at, planYears }) {
    for (const p of wb.progress) {
      if (p.fy === undefined) {
        yield found(this, at.field("progress", p.at, "fy"), { th: "ไม่ได้ระบุปีงบประมาณ", en: "No fiscal year" }, { found: "" });
      } else if (!planYears.includes(p.fy)) {
        yield found(this, at.field("progress", p.at, "fy"), {
          th: `ปีงบประมาณ ${p.fy} อยู่นอกแผน ${planYears[0]}–${planYears[planYears.length - 1]}`,
          en: `FY ${p.fy} is outside the plan ${planYears[0]}–${planYears[planYears.length - 1]}`,
        }, { found: String(p.fy) });
      }
      if (p.month === undefined) yield found(this, at.field("progress", p.at, "month"), { th: "ไม่ได้ระบุเดือน", en: "No month" }, { found: "" });
    }
  },
});

const DATE_FIELDS = ["startDate", "endDate"] as const;

interface FiscalRange {
  readonly start: Date;
  readonly end: Date;
  /** start and end in milliseconds */
  readonly first: number;
  readonly last: number;
}

function fiscalRange(fy: FiscalYear): FiscalRange {
  const { start, end } = fiscalYearRange(fy);
  return { start, end, first: start.getTime(), last: end.getTime() };
}

export const M3 = defineRule({
  id: "M3",
  severity: "error",
  title: { th: "วันที่อยู่นอกปีงบประมาณ เริ่มหลังเสร็จ หรือไม่ครบ", en: "Date outside the FY, start after end, or incomplete" },
  *check({ wb, at }) {
    // the same few fiscal years on every row: each one's first and last day made once, and compared as
    // numbers (comparing Date objects converts both on every comparison)
    const ranges = new Map<FiscalYear, FiscalRange>();
    const rangeOf = (fy: FiscalYear): FiscalRange => {
      let r = ranges.get(fy);
      if (!r) ranges.set(fy, (r = fiscalRange(fy)));
      return r;
    };
    for (const p of wb.progress) {
      if (p.fy === undefined) continue;
      const { start, end, first, last } = rangeOf(p.fy);
      for (const field of DATE_FIELDS) {
        const d = p[field];
        if (d && (d.getTime() < first || d.getTime() > last)) {
          yield found(this, at.field("progress", p.at, field), {
            th: `วันที่ ${formatThaiDate(d)} อยู่นอกปีงบประมาณ ${p.fy} (ปีงบประมาณ ${fiscalYearOf(d)})`,
            en: `${d.toISOString().slice(0, 10)} is outside FY ${p.fy} (it is in FY ${fiscalYearOf(d)})`,
          }, { found: formatThaiDate(d), expected: { th: `วันที่ ${formatThaiDate(start)} ถึง ${formatThaiDate(end)}`, en: `a date from ${start.toISOString().slice(0, 10)} to ${end.toISOString().slice(0, 10)}` } });
        }
      }
      if (p.startDate && p.endDate && p.startDate.getTime() > p.endDate.getTime()) {
        yield found(this, at.field("progress", p.at, "endDate"), { th: "วันที่เสร็จอยู่ก่อนวันที่เริ่ม", en: "The end date is before the start date" }, { found: formatThaiDate(p.endDate) });
      }
      // dates are optional; a done item with a start date but no end date is half a record
      if (p.status === "done" && p.startDate && !p.endDate) {
        yield found(this, at.field("progress", p.at, "endDate"), { th: "ดำเนินการแล้วเสร็จและมีวันที่เริ่ม แต่ไม่มีวันที่เสร็จ", en: "Done with a start date, but no end date" }, { found: "" });
      }
    }
  },
});

/** Cumulative disbursement per item and FY, in fiscal-month order, with the row where a limit is first passed. */
function* overspends(rows: readonly ProgressEntry[], limit: number) {
  let total = 0;
  for (const p of [...rows].sort(byMonth)) {
    total += p.disbursed ?? 0;
    if (total > limit + 0.005) {
      yield { row: p, total };
      return;
    }
  }
}

export const M4 = defineRule({
  id: "M4",
  severity: "error",
  title: { th: "เบิกจ่ายสะสมเกินวงเงินที่ได้รับจัดสรร", en: "Cumulative disbursement above the allocation" },
  *check(ctx) {
    const { at } = ctx;
    for (const rows of factsOf(ctx).progressByItemYear) {
      const allocations = rows.map((r) => r.ordinanceAmount).filter((a): a is NonNullable<typeof a> => a !== undefined);
      if (allocations.length === 0) continue;
      const limit = Math.max(...allocations);
      for (const { row, total } of overspends(rows, limit)) {
        yield found(this, at.field("progress", row.at, "disbursed"), {
          th: `${row.code} เบิกจ่ายสะสม ${formatAmount(total)} บาท เกินวงเงินตามข้อบัญญัติ ${formatAmount(limit)} บาท`,
          en: `${row.code}: cumulative disbursement ${formatAmount(total)} baht is above the allocation of ${formatAmount(limit)} baht`,
        }, { found: formatAmount(total), expected: { th: `ไม่เกิน ${formatAmount(limit)}`, en: `at most ${formatAmount(limit)}` } });
      }
    }
  },
});

export const M5 = defineRule({
  id: "M5",
  severity: "warning",
  title: { th: "เบิกจ่ายเกินงบตามแผนของปีนั้น (ไม่มีวงเงินจัดสรร)", en: "Disbursement above the planned FY budget (no allocation given)" },
  *check(ctx) {
    const { at } = ctx;
    const facts = factsOf(ctx);
    const items = facts.itemsByCode;
    for (const rows of facts.progressByItemYear) {
      const first = rows[0] as ProgressEntry;
      const planned = first.fy === undefined ? undefined : items.get(first.code as string)?.budgets[first.fy];
      if (!planned || rows.some((r) => r.ordinanceAmount !== undefined)) continue;
      for (const { row, total } of overspends(rows, planned)) {
        yield found(this, at.field("progress", row.at, "disbursed"), {
          th: `${row.code} เบิกจ่ายสะสม ${formatAmount(total)} บาท เกินงบตามแผนปี ${row.fy} (${formatAmount(planned)} บาท)`,
          en: `${row.code}: cumulative disbursement ${formatAmount(total)} baht is above the planned FY ${row.fy} budget (${formatAmount(planned)} baht)`,
        }, { found: formatAmount(total) });
      }
    }
  },
});

export const M6 = defineRule({
  id: "M6",
  severity: "warning",
  title: { th: "มีการเบิกจ่ายในรายการที่ไม่มีงบประมาณ", en: "Money disbursed on an item with no budget" },
  *check(ctx) {
    const { wb, at } = ctx;
    const items = factsOf(ctx).itemsByCode;
    for (const p of wb.progress) {
      if (!p.disbursed || p.fy === undefined || p.ordinanceAmount) continue;
      const item = p.code ? items.get(p.code) : undefined;
      if (!item || (item.budgets[p.fy] ?? 0) > 0) continue;
      yield found(this, at.field("progress", p.at, "disbursed"), {
        th: `${p.code} ไม่มีงบประมาณในปี ${p.fy} แต่มีการเบิกจ่าย ${formatAmount(p.disbursed)} บาท`,
        en: `${p.code} has no ${p.fy} budget but ${formatAmount(p.disbursed)} baht was disbursed`,
      }, { found: formatAmount(p.disbursed) });
    }
  },
});

export const M7 = defineRule({
  id: "M7",
  severity: "error",
  title: { th: "ร้อยละความก้าวหน้าไม่อยู่ระหว่าง 0–100 หรือลดลง", en: "Progress outside 0–100 or going down" },
  *check(ctx) {
    const { wb, at } = ctx;
    for (const p of wb.progress) {
      if (p.progressPct !== undefined && (p.progressPct < 0 || p.progressPct > 100)) {
        yield found(this, at.field("progress", p.at, "progressPct"), { th: `ร้อยละความก้าวหน้า ${p.progressPct} ไม่อยู่ระหว่าง 0–100`, en: `Progress ${p.progressPct}% is not within 0–100` }, {
          found: String(p.progressPct), expected: { th: "0 ถึง 100", en: "0 to 100" },
        });
      }
    }
    for (const rows of factsOf(ctx).progressByItemYear) {
      let last: ProgressEntry | undefined;
      for (const p of [...rows].sort(byMonth)) {
        if (p.progressPct === undefined) continue;
        if (last?.progressPct !== undefined && p.progressPct < last.progressPct) {
          yield found(this, at.field("progress", p.at, "progressPct"), {
            th: `ความก้าวหน้าของ ${p.code} ลดลงจาก ${last.progressPct}% (${monthTh(last.month)}) เป็น ${p.progressPct}% (${monthTh(p.month)})`,
            en: `${p.code}'s progress goes down from ${last.progressPct}% (${monthTh(last.month)}) to ${p.progressPct}% (${monthTh(p.month)})`,
          }, { found: String(p.progressPct) });
        }
        last = p;
      }
    }
  },
});

export const M8 = defineRule({
  id: "M8",
  severity: "warning",
  title: { th: "สถานะไม่สอดคล้องกับความก้าวหน้าหรือเหตุผล", en: "Status disagrees with progress or reason" },
  *check({ wb, at }) {
    for (const p of wb.progress) {
      const pct = p.progressPct;
      const clash =
        (p.status === "done" && pct !== undefined && pct < 100) ||
        (p.status === "notStarted" && pct !== undefined && pct > 0) ||
        (p.status === "inProgress" && pct === 100);
      if (clash) {
        const status = p.status ? labelOf(PROGRESS_STATUSES, p.status) : "";
        yield found(this, at.field("progress", p.at, "status"), {
          th: `สถานะ "${status}" แต่ร้อยละความก้าวหน้าเป็น ${pct}`, en: `Status "${status}" but progress is ${pct}%`,
        }, { found: status });
      }
      if (p.status === "notPossible" && p.reason === undefined) {
        yield found(this, at.field("progress", p.at, "reason"), {
          th: "ไม่สามารถดำเนินการได้ ต้องระบุเหตุ (ไม่ได้รับงบประมาณ / นโยบายผู้บริหารเปลี่ยนแปลง / บุคลากรไม่เพียงพอ / อื่นๆ)",
          en: "Not possible needs a reason (no budget / policy changed / not enough staff / other)",
        }, { found: "" });
      }
      if (p.status === undefined) {
        yield found(this, at.field("progress", p.at, "status"), { th: "ไม่ได้ระบุสถานะ", en: "No status" }, { found: "" });
      }
    }
  },
});

export const M9 = defineRule({
  id: "M9",
  severity: "error",
  title: { th: "มีสองแถวสำหรับรายการและเดือนเดียวกัน", en: "Two rows for one item and month" },
  *check({ wb, at }) {
    // one group per item and month of a year: months are 1–12, so fy × 100 + month tells them apart
    const sameMonth = groupByPair(wb.progress, (p) => (p.code && p.fy && p.month ? p.code : undefined), (p) => (p.fy as number) * 100 + (p.month as number));
    for (const rows of sameMonth) {
      if (rows.length < 2) continue;
      const first = rows[0] as ProgressEntry;
      for (const p of rows.slice(1)) {
        yield found(this, at.field("progress", p.at, "code"), {
          th: `${p.code} เดือน ${monthTh(p.month)} ${p.fy} มีแล้วที่แถว ${first.at?.row ?? "-"}`,
          en: `${p.code}, ${monthTh(p.month)} ${p.fy} already has row ${first.at?.row ?? "-"}`,
        }, { found: `${p.code} ${monthTh(p.month)}` });
      }
    }
  },
});

/** Last calendar month of each round: March (6-month round) or September (12-month round). */
const ROUND_END: Readonly<Record<6 | 12, CalendarMonth>> = { 6: 3, 12: 9 };

export const M10 = defineRule({
  id: "M10",
  severity: "warning",
  title: { th: "รายการที่อยู่ในแผนปีนี้ยังไม่มีผลการดำเนินงาน", en: "An item of this FY has no progress by the end of the round" },
  *check({ wb, at }) {
    const fy = wb.settings.reportFy;
    if (fy === undefined) return;
    const lastIndex = fiscalMonthIndex(ROUND_END[wb.settings.round ?? 12]);
    const reported = new Set<string | undefined>();
    for (const p of wb.progress) if (p.fy === fy && p.month !== undefined && fiscalMonthIndex(p.month) <= lastIndex) reported.add(p.code);
    for (const it of wb.items) {
      if (!it.code || reported.has(it.code) || !(fy in it.budgets)) continue;
      yield found(this, at.field("plan", it.at, "code"), {
        th: `${it.code} ยังไม่มีผลการดำเนินงานในรอบ ${wb.settings.round ?? 12} เดือน ปี ${fy} — รายงานจะแสดงว่า "ไม่ได้ดำเนินการ"`,
        en: `${it.code} has no progress in the ${wb.settings.round ?? 12}-month round of FY ${fy}; the report will show it as not carried out`,
      }, { found: it.code });
    }
  },
});

export const M11 = defineRule({
  id: "M11",
  severity: "warning",
  title: { th: "วงเงินจัดสรรเกินงบตามแผนของปีนั้น", en: "Allocation above the item's planned budget for the FY" },
  *check(ctx) {
    const { at } = ctx;
    const items = factsOf(ctx).itemsByCode;
    for (const p of ctx.wb.progress) {
      if (p.ordinanceAmount === undefined || p.fy === undefined || !p.code) continue;
      const item = items.get(p.code);
      if (!item) continue;
      const planned = item.budgets[p.fy] ?? 0;
      if (p.ordinanceAmount <= planned + 0.005) continue;
      yield found(this, at.field("progress", p.at, "ordinanceAmount"), {
        th: planned === 0
          ? `${p.code} ไม่มีงบตามแผนในปี ${p.fy} แต่ระบุวงเงินจัดสรร ${formatAmount(p.ordinanceAmount)} บาท — ตรวจสอบตัวเลข หรือปรับแผน`
          : `${p.code} วงเงินจัดสรร ${formatAmount(p.ordinanceAmount)} บาท เกินงบตามแผนปี ${p.fy} (${formatAmount(planned)} บาท)${p.ordinanceAmount >= 2 * planned ? ` ${formatRatio(p.ordinanceAmount / planned)} เท่า` : ""} — ตรวจสอบตัวเลข หรือปรับแผน`,
        en: planned === 0
          ? `${p.code} has no planned budget in FY ${p.fy} but an allocation of ${formatAmount(p.ordinanceAmount)} baht; check the figure or revise the plan`
          : `${p.code}: the allocation of ${formatAmount(p.ordinanceAmount)} baht is above the planned FY ${p.fy} budget (${formatAmount(planned)} baht)${p.ordinanceAmount >= 2 * planned ? `, ${formatRatio(p.ordinanceAmount / planned)} times` : ""}; check the figure or revise the plan`,
      }, { found: formatAmount(p.ordinanceAmount), expected: { th: `ไม่เกิน ${formatAmount(planned)}`, en: `at most ${formatAmount(planned)}` } });
    }
  },
});

/** An allocation that changes between two months of a year by more than this factor (up or down) is a finding (M12). */
export const ALLOCATION_CHANGE_FACTOR = 1.5;

const formatRatio = (r: number) => (Math.round(r * 10) / 10).toString();

export const M12 = defineRule({
  id: "M12",
  severity: "warning",
  title: { th: "วงเงินจัดสรรเปลี่ยนมากผิดปกติระหว่างเดือน", en: "Allocation changed sharply between months" },
  *check(ctx) {
    const { at } = ctx;
    const items = factsOf(ctx).itemsByCode;
    for (const rows of factsOf(ctx).progressByItemYear) {
      let previous: ProgressEntry | undefined;
      const first = rows[0] as ProgressEntry;
      const planned = first.fy === undefined ? undefined : items.get(first.code as string)?.budgets[first.fy];
      for (const p of [...rows].sort(byMonth)) {
        if (p.ordinanceAmount === undefined) continue;
        const before = previous?.ordinanceAmount;
        // one finding per mistake: an allocation above the plan budget is M11's, whatever it changed from
        const abovePlan = planned !== undefined && p.ordinanceAmount > planned + 0.005;
        if (previous && before !== undefined && before > 0 && p.ordinanceAmount > 0 && !abovePlan) {
          const ratio = Math.max(p.ordinanceAmount / before, before / p.ordinanceAmount);
          if (ratio > ALLOCATION_CHANGE_FACTOR) {
            yield found(this, at.field("progress", p.at, "ordinanceAmount"), {
              th: `${p.code} วงเงินจัดสรรเดือน${monthTh(p.month)} ${formatAmount(p.ordinanceAmount)} บาท ${p.ordinanceAmount > before ? "เพิ่มขึ้น" : "ลดลง"} ${formatRatio(ratio)} เท่าจากเดือน${monthTh(previous.month)} (${formatAmount(before)} บาท) — ตรวจสอบว่าพิมพ์ถูกต้องหรือมีการโอนงบจริง`,
              en: `${p.code}: the allocation of ${formatAmount(p.ordinanceAmount)} baht in month ${p.month ?? "-"} is ${formatRatio(ratio)} times ${p.ordinanceAmount > before ? "the" : "below the"} ${formatAmount(before)} baht of month ${previous.month ?? "-"}; check the figure or that the budget was really transferred`,
            }, { found: formatAmount(p.ordinanceAmount), expected: { th: `ใกล้เคียง ${formatAmount(before)} (ไม่เกิน ${ALLOCATION_CHANGE_FACTOR} เท่า)`, en: `close to ${formatAmount(before)} (within ${ALLOCATION_CHANGE_FACTOR} times)` } });
          }
        }
        previous = p;
      }
    }
  },
});

export const PROGRESS_RULES = [M1, M2, M3, M4, M5, M6, M7, M8, M9, M10, M11, M12];
