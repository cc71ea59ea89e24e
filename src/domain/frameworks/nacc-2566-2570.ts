/**
 * The NACC (ป.ป.ช.) framework for the 2566–2570 anti-corruption action plans of local governments:
 * 4 dimensions (มิติ), 12 missions (ภารกิจตามมิติ), no sub-missions.
 *
 * Canonical texts as in docs/DOMAIN.md "Frameworks". The seeds print them with variants that an importer
 * must tolerate, e.g. seed 000 (000_6c03658a3a315ab9.txt): L302 "การบริหารราชการด้วยวามโปร่งใส",
 * L333 dimension 4 as "การยกระดับกลไกการตรวจสอบภายในและการบริหารความเสี่ยงการทุจริต", L287 mission 1.1
 * with "และข้าราชการฝ่ายประจำ", L324 "ประชามีส่วนร่วม", L327 "ตองสนอง"; header rows spell มิติ "มติ" (L321).
 */
import type { FrameworkDefinition } from "./types";

export const NACC_2566_2570: FrameworkDefinition = {
  id: "2566-2570",
  title: "ป.ป.ช. 2566-2570",
  nodes: [
    // มิติที่ 1 (seed 000 L243, plan table L287-297)
    { code: "1", level: "dimension", name: "การสร้างวัฒนธรรมสุจริต" },
    {
      code: "1.1",
      level: "mission",
      name:
        "การเสริมสร้างจิตสำนึกและความตระหนักแก่บุคลากรทั้งข้าราชการการเมืองฝ่ายบริหาร " +
        "ข้าราชการการเมืองฝ่ายสภาท้องถิ่น และฝ่ายประจำขององค์กรปกครองส่วนท้องถิ่น",
    },
    { code: "1.2", level: "mission", name: "การสร้างจิตสำนึกและความตระหนักแก่ประชาชนทุกภาคส่วนในท้องถิ่น" },
    { code: "1.3", level: "mission", name: "การสร้างจิตสำนึกและความตระหนักแก่เด็กและเยาวชน" },

    // มิติที่ 2 (seed 000 L245, plan table L302-318)
    { code: "2", level: "dimension", name: "การบริหารราชการด้วยความโปร่งใส" },
    { code: "2.1", level: "mission", name: "การเปิดเผยข้อมูลสาธารณะขององค์กรปกครองส่วนท้องถิ่น" },
    { code: "2.2", level: "mission", name: "มาตรการส่งเสริมคุณธรรมและความโปร่งใส" },
    { code: "2.3", level: "mission", name: "มาตรการลดการใช้ดุลพินิจในการปฏิบัติงาน" },

    // มิติที่ 3 (seed 000 L247, plan table L324-328)
    { code: "3", level: "dimension", name: "การส่งเสริมบทบาทและการมีส่วนร่วมของภาคประชาชน" },
    { code: "3.1", level: "mission", name: "การส่งเสริมให้ประชาชนมีส่วนร่วมบริหารกิจการขององค์กรปกครองส่วนท้องถิ่น" },
    {
      code: "3.2",
      level: "mission",
      name: "การรับฟังความคิดเห็น การรับและตอบสนองเรื่องร้องเรียน/ร้องทุกข์ของประชาชน",
    },
    {
      code: "3.3",
      level: "mission",
      name: "ส่งเสริมการมีส่วนร่วมของภาคประชาชนและบูรณาการทุกภาคส่วนเพื่อต่อต้านการทุจริต",
    },

    // มิติที่ 4 (seed 000 L249, plan table L333-338)
    { code: "4", level: "dimension", name: "การยกระดับกลไกการตรวจสอบการดำเนินงานขององค์กรปกครองส่วนท้องถิ่น" },
    {
      code: "4.1",
      level: "mission",
      name: "การจัดวางระบบการตรวจสอบภายใน การควบคุมภายใน และการบริหารจัดการความเสี่ยงการทุจริต",
    },
    { code: "4.2", level: "mission", name: "การส่งเสริมบทบาทการตรวจสอบของสภาท้องถิ่น" },
    { code: "4.3", level: "mission", name: "มาตรการจัดการเรื่องร้องเรียนการทุจริต" },
  ],
};
