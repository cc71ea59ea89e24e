/** Plan structure rules (P): the framework tree, kinds, codes and names of the plan items. */
import { KIND_WORD, kindOfName } from "../../kinds";
import type { PlanItem } from "../../plan";
import { defineRule, found, groupBy } from "../rule";

const codeOf = (it: PlanItem) => it.code ?? "";
const kindTh = (k: PlanItem["kind"]) => (k ? KIND_WORD[k] : "");

export const P2 = defineRule({
  id: "P2",
  severity: "error",
  title: { th: "ไม่ระบุมิติหรือมิติไม่อยู่ในกรอบแผน", en: "Dimension missing or not in the framework" },
  *check({ wb, at }) {
    const dims = wb.framework.filter((n) => n.level === "dimension").map((n) => Number(n.code));
    for (const it of wb.items) {
      if (it.dimension !== undefined && dims.includes(it.dimension)) continue;
      yield found(this, at.field("plan", it.at, "dimension"), {
        th: it.dimension === undefined ? `รายการ ${codeOf(it)} ไม่ได้ระบุมิติ` : `มิติ ${it.dimension} ไม่มีในกรอบแผน`,
        en: it.dimension === undefined ? `Item ${codeOf(it)} has no dimension` : `Dimension ${it.dimension} is not in the framework`,
      }, { found: it.dimension === undefined ? "" : String(it.dimension), expected: { th: `มิติ ${dims.join(", ")}`, en: `dimension ${dims.join(", ")}` } });
    }
  },
});

export const P3 = defineRule({
  id: "P3",
  severity: "error",
  title: { th: "ภารกิจไม่อยู่ในมิตินั้น", en: "Mission not in that dimension" },
  *check({ wb, at }) {
    const missions = new Set(wb.framework.filter((n) => n.level === "mission").map((n) => n.code));
    for (const it of wb.items) {
      if (it.dimension === undefined) continue;
      if (it.mission === undefined) {
        yield found(this, at.field("plan", it.at, "mission"), { th: `รายการ ${codeOf(it)} ไม่ได้ระบุภารกิจ`, en: `Item ${codeOf(it)} has no mission` }, {
          found: "", expected: { th: `ภารกิจของมิติ ${it.dimension} เช่น ${it.dimension}.1`, en: `a mission of dimension ${it.dimension}, e.g. ${it.dimension}.1` },
        });
      } else if (!missions.has(it.mission) || !it.mission.startsWith(`${it.dimension}.`)) {
        yield found(this, at.field("plan", it.at, "mission"), {
          th: missions.has(it.mission) ? `ภารกิจ ${it.mission} ไม่อยู่ในมิติ ${it.dimension}` : `ภารกิจ ${it.mission} ไม่มีในกรอบแผน`,
          en: missions.has(it.mission) ? `Mission ${it.mission} is not in dimension ${it.dimension}` : `Mission ${it.mission} is not in the framework`,
        }, { found: it.mission, expected: { th: `ภารกิจ ${it.dimension}.x`, en: `a mission ${it.dimension}.x` } });
      }
    }
  },
});

export const P4 = defineRule({
  id: "P4",
  severity: "error",
  title: { th: "ภารกิจย่อยไม่อยู่ในภารกิจนั้น", en: "Sub-mission not in that mission" },
  *check({ wb, at }) {
    const subs = new Set(wb.framework.filter((n) => n.level === "submission").map((n) => n.code));
    for (const it of wb.items) {
      if (it.subMission === undefined) continue;
      if (subs.has(it.subMission) && it.mission !== undefined && it.subMission.startsWith(`${it.mission}.`)) continue;
      yield found(this, at.field("plan", it.at, "subMission"), {
        th: subs.has(it.subMission) ? `ภารกิจย่อย ${it.subMission} ไม่อยู่ในภารกิจ ${it.mission ?? "-"}` : `ภารกิจย่อย ${it.subMission} ไม่มีในกรอบแผน`,
        en: subs.has(it.subMission) ? `Sub-mission ${it.subMission} is not in mission ${it.mission ?? "-"}` : `Sub-mission ${it.subMission} is not in the framework`,
      }, { found: it.subMission });
    }
  },
});

export const P5 = defineRule({
  id: "P5",
  severity: "error",
  title: { th: "ไม่ระบุประเภทรายการ", en: "Kind missing" },
  *check({ wb, at }) {
    for (const it of wb.items) {
      if (it.kind !== undefined) continue;
      const guess = kindOfName(it.name);
      yield found(this, at.field("plan", it.at, "kind"), {
        th: `รายการ ${codeOf(it)} ไม่ได้ระบุประเภท (โครงการ/กิจกรรม/มาตรการ)`,
        en: `Item ${codeOf(it)} has no kind (project/activity/measure)`,
      }, { found: "", ...(guess ? { suggestion: KIND_WORD[guess] } : {}) });
    }
  },
});

export const P6 = defineRule({
  id: "P6",
  severity: "warning",
  title: { th: "ประเภทไม่ตรงกับคำขึ้นต้นของชื่อ", en: "Kind disagrees with the name's first word" },
  *check({ wb, at }) {
    for (const it of wb.items) {
      const named = kindOfName(it.name);
      if (it.kind === undefined || named === undefined || named === it.kind) continue;
      yield found(this, at.field("plan", it.at, "kind"), {
        th: `ประเภท "${kindTh(it.kind)}" แต่ชื่อขึ้นต้นด้วย "${KIND_WORD[named]}"`,
        en: `Kind is "${kindTh(it.kind)}" but the name starts with "${KIND_WORD[named]}"`,
      }, { found: kindTh(it.kind), suggestion: KIND_WORD[named] });
    }
  },
});

export const P7 = defineRule({
  id: "P7",
  severity: "error",
  title: { th: "รหัสซ้ำ", en: "Duplicate code" },
  *check({ wb, at }) {
    for (const [code, items] of groupBy(wb.items, (it) => it.code)) {
      if (items.length < 2) continue;
      const rows = items.map((it) => it.at?.row).filter((r): r is number => r !== undefined);
      for (const it of items.slice(1)) {
        yield found(this, at.field("plan", it.at, "code"), {
          th: `รหัส ${code} ซ้ำกับแถว ${rows.filter((r) => r !== it.at?.row).join(", ")}`,
          en: `Code ${code} is also used on row ${rows.filter((r) => r !== it.at?.row).join(", ")}`,
        }, { found: code, expected: { th: "รหัสที่ไม่ซ้ำกัน", en: "a unique code" } });
      }
    }
  },
});

export const P8 = defineRule({
  id: "P8",
  severity: "warning",
  title: { th: "รหัสไม่ตรงกับมิติ/ภารกิจ", en: "Code disagrees with dimension/mission" },
  *check({ wb, at }) {
    for (const it of wb.items) {
      const code = it.code;
      const scope = it.subMission ?? it.mission ?? (it.dimension !== undefined ? String(it.dimension) : undefined);
      if (!code || !scope || !/^\d+(\.\d+)+/.test(code)) continue;
      if (code.startsWith(`${scope}.`) || code.startsWith(`${scope}(`) || code.startsWith(`${scope} (`)) continue;
      yield found(this, at.field("plan", it.at, "code"), {
        th: `รหัส ${code} ไม่ได้ขึ้นต้นด้วย ${scope} ของรายการนี้`,
        en: `Code ${code} does not start with this item's ${scope}`,
      }, { found: code, expected: { th: `รหัสขึ้นต้นด้วย ${scope}.`, en: `a code starting ${scope}.` } });
    }
  },
});

export const P9 = defineRule({
  id: "P9",
  severity: "error",
  title: { th: "ไม่มีชื่อรายการ", en: "Empty name" },
  *check({ wb, at }) {
    for (const it of wb.items) {
      if (it.name.trim() !== "") continue;
      yield found(this, at.field("plan", it.at, "name"), { th: `รายการ ${codeOf(it)} ไม่มีชื่อ`, en: `Item ${codeOf(it)} has no name` }, { found: "" });
    }
  },
});

export const P10 = defineRule({
  id: "P10",
  severity: "warning",
  title: { th: "ชื่อรายการซ้ำ", en: "Same name twice" },
  *check({ wb, at }) {
    for (const [, items] of groupBy(wb.items, (it) => (it.name.trim() === "" ? undefined : it.name.replace(/\s+/g, "")))) {
      if (items.length < 2) continue;
      const first = items[0] as PlanItem;
      for (const it of items.slice(1)) {
        yield found(this, at.field("plan", it.at, "name"), {
          th: `ชื่อซ้ำกับรายการ ${codeOf(first)} (แถว ${first.at?.row ?? "-"})`,
          en: `Same name as item ${codeOf(first)} (row ${first.at?.row ?? "-"})`,
        }, { found: it.name });
      }
    }
  },
});

export const PLAN_RULES = [P2, P3, P4, P5, P6, P7, P8, P9, P10];
