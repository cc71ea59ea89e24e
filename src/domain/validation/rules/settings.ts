/** Settings rules (S). S1 and S2 are also raised by the reader where a value cannot be read at all. */
import { defineRule, found } from "../rule";

export const S3 = defineRule({
  id: "S3",
  severity: "error",
  title: { th: "ปีงบประมาณที่รายงานอยู่นอกช่วงแผน", en: "Report FY outside the plan period" },
  *check({ wb, at, planYears }) {
    const fy = wb.settings.reportFy;
    if (fy === undefined || planYears.includes(fy)) return;
    const first = planYears[0];
    const last = planYears[planYears.length - 1];
    yield found(this, at.setting("reportFy"), {
      th: `ปีงบประมาณที่รายงาน ${fy} อยู่นอกช่วงแผน ${first}–${last}`,
      en: `Report FY ${fy} is outside the plan period ${first}–${last}`,
    }, { found: String(fy), expected: { th: `ปี ${first} ถึง ${last}`, en: `a year from ${first} to ${last}` } });
  },
});

export const SETTINGS_RULES = [S3];
