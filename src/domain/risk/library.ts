/**
 * A library of typical corruption risks of Thai local governments, to start a register from. The risk
 * events and controls come from the published risk table of seed 003 (เทศบาลนครนครศรีธรรมราช, plan
 * 2566–2570, ส่วนที่ 1 L61–67) and from the corruption types and causes of seed 000's risk chapter
 * (อบต.นาสะเม็ง, ลักษณะการทุจริต ๗ ประเภท L199–213, สาเหตุและปัจจัย L215–229); the typical mitigating
 * items are the NACC standard projects both plans carry (seed 000 plan table L283–339, seed 003 L111–191).
 * Suggested likelihood and impact are on the default 5 × 5 scale; users adjust them in the register.
 */
import type { Bilingual } from "../findings";
import type { RiskCategory, RiskFactor } from "../lists";

export type LibraryArea = "personnel" | "procurement" | "works" | "permits" | "services" | "property" | "budget" | "governance";

export interface LibraryRisk {
  /** Stable id, used by the CLI (--add-from-library) and the task pane. */
  readonly id: string;
  readonly area: LibraryArea;
  /** ขั้นตอนการดำเนินงาน/กระบวนงาน */
  readonly process: Bilingual;
  /** ด้าน: the NACC's three categories (lists.ts RISK_CATEGORIES). */
  readonly category: RiskCategory;
  /** ประเด็นความเสี่ยงการทุจริต */
  readonly event: Bilingual;
  /** ปัจจัยเสี่ยง: Known (seen before) / Unknown (foreseen). */
  readonly factor: RiskFactor;
  /** The typical cause, from seed 000's list of causes. */
  readonly cause: Bilingual;
  /** Suggested on the 5 × 5 scale. */
  readonly likelihood: number;
  readonly impact: number;
  /** มาตรการควบคุมที่มีอยู่: what an อปท. usually already does. */
  readonly existingControls: string;
  /**
   * Names of the plan items that typically mitigate the risk, as the NACC's standard plans word them
   * (without the organization's name, so that they match any plan's item by containment).
   */
  readonly planItems: readonly string[];
  /** Where it comes from: seed file and lines. */
  readonly source: string;
}

export const LIBRARY_AREAS: Readonly<Record<LibraryArea, Bilingual>> = {
  personnel: { th: "การบริหารงานบุคคล", en: "Personnel" },
  procurement: { th: "การจัดซื้อจัดจ้าง", en: "Procurement" },
  works: { th: "การตรวจรับและควบคุมงานก่อสร้าง", en: "Inspection of works" },
  permits: { th: "การอนุมัติ อนุญาต", en: "Permits and licences" },
  services: { th: "การให้บริการประชาชน", en: "Public services" },
  property: { th: "การใช้ทรัพย์สินของทางราชการ", en: "Public property" },
  budget: { th: "การเงิน การเบิกจ่ายงบประมาณ", en: "Budget and disbursement" },
  governance: { th: "การบริหารงานทั่วไป", en: "Administration" },
};

/** Typical mitigating items: the standard NACC plan items (seed 000 code / seed 003 code). */
const ITEM = {
  lawTraining: "โครงการพัฒนาความรู้ด้านกฎหมายและระเบียบที่เกี่ยวข้องกับการปฏิบัติงาน", // 003 1.1(1) L122
  lawPublicity: "โครงการเผยแพร่ประชาสัมพันธ์ความรู้ด้านกฎหมายและระเบียบที่เกี่ยวข้องกับการปฏิบัติงาน", // 000 1.1.1, 003 1.1(2) L123
  ethicsCode: "มาตรการส่งเสริมการปฏิบัติงานตามประมวลจริยธรรม", // 000 1.1.2, 003 1.1(3)
  conflictOfInterest: "โครงการป้องกันผลประโยชน์ทับซ้อน", // 000 1.1.3
  promotion: "กิจกรรมสร้างความโปร่งใสในการพิจารณาเลื่อนขั้นเงินเดือน", // 000 2.2.3, 003 2.2(8) L149
  disbursement: "กิจกรรมควบคุมการเบิกจ่ายเงินตามข้อบัญญัติงบประมาณรายจ่ายประจำปี", // 000 2.2.4, 003 2.2(9) L150
  procurementReview: "กิจกรรมวิเคราะห์ผลการจัดซื้อจัดจ้างประจำปี", // 003 2.2(10) L151
  valueForMoney: "มาตรการประเมินความคุ้มค่าในการบริหารงาน", // 003 2.2(17) L161
  budgetTransparency: "โครงการเสริมสร้างความโปร่งใสในการบริหารงบประมาณ", // 000 2.1.1
  openData: "มาตรการเปิดเผยข้อมูลสาธารณะและกำกับติดตามการเผยแพร่ข้อมูลสาธารณะ", // 000 2.1.3, 003 2.1(2)
  noGift: "มาตรการ No Gift Policy", // 003 2.2(4) L145
  property: "โครงการเสริมสร้างความโปร่งใสในการใช้ทรัพย์สินของทางราชการ", // 000 2.2.5, 003 2.2(11) L155
  serviceQuality: "โครงการพัฒนาคุณภาพการให้บริการประชาชนตามหลักธรรมาภิบาล", // 003 2.2(13) L157
  queueCards: "กิจกรรมการใช้บัตรคิวในการติดต่อราชการ", // 003 2.2(14) L158
  equalService: "โครงการเสริมสร้างวัฒนธรรมการให้บริการอย่างเท่าเทียมกัน", // 003 2.2(5) L146
  eService: "โครงการพัฒนาระบบการให้บริการประชาชนผ่านระบบอิเล็กทรอนิกส์", // 000 2.2.7, 003 2.2(16) L160
  citizenManual: "โครงการจัดทำคู่มือสำหรับประชาชนผ่านสื่ออิเล็กทรอนิกส์", // 000 2.3.1, 003 2.3(20) L164
  staffManual: "โครงการจัดทำคู่มือหรือมาตรฐานการปฏิบัติงานสำหรับเจ้าหน้าที่", // 000 2.3.2, 003 2.3(21) L168
  serviceStandard: "โครงการจัดทำมาตรฐานการให้บริการประชาชน", // 000 2.3.3, 003 2.3(22) L169
  delegation: "มาตรการออกคำสั่งมอบหมาย", // 000 2.3.5, 003 2.3(23) L170
  villageForum: "โครงการประชาคมหมู่บ้านเพื่อการจัดทำและทบทวนแผนพัฒนาท้องถิ่น", // 000 3.1.1
  participation: "ส่งเสริมการมีส่วนร่วมของประชาชนในการบริหารกิจการ", // 000 3.1.2, 003 3.1(1) L175
  complaints: "มาตรการจัดการเรื่องราวร้องทุกข์", // 000 3.2.1, 003 3.2(4) L178
  auditPlan: "โครงการจัดทำแผนการตรวจสอบภายในประจำปี", // 000 4.1.1, 003 4.1(1) L184
  internalControl: "ติดตามประเมินผลการควบคุมภายใน", // 003 4.1(2) L185 (000 4.1.2 "กิจกรรมการประเมินผลการผลการควบคุมภายใน")
  riskManagement: "มาตรการบริหารจัดการความเสี่ยงการทุจริต", // 000 4.1.3, 003 4.1(3) L186
  corruptionReports: "มาตรการจัดการในกรณีได้ทราบ หรือรับแจ้ง หรือตรวจสอบพบการทุจริต", // 000 4.3.1, 003 4.3(5) L188
  corruptionChannel: "มาตรการจัดให้มีระบบและช่องทางการรับเรื่องร้องเรียนเกี่ยวกับการทุจริต", // 000 4.3.2, 003 4.3(6) L189
} as const;

const S003 = "seed 003 (003_b62f63dc84417aa7.txt)";
const S000 = "seed 000 (000_6c03658a3a315ab9.txt)";

/** Seed 000's causes (L215–229), cited by the entries. */
const CAUSE = {
  opportunity: { th: "โอกาส: ช่องว่างของกฎหมายและระเบียบเปิดโอกาสให้ทุจริต", en: "Opportunity: gaps in laws and rules" }, // L217
  incentive: { th: "สิ่งจูงใจ: ค่านิยมวัตถุนิยมจูงใจให้แสวงหาประโยชน์", en: "Incentive: materialism rewards self-dealing" }, // L219
  noOversight: { th: "การขาดกลไกในการตรวจสอบความโปร่งใส", en: "No effective transparency checks" }, // L221
  monopoly: { th: "การผูกขาด: ห่วงโซ่ผลประโยชน์ในการจัดซื้อจัดจ้างและงานก่อสร้าง", en: "Monopoly: chains of interest in procurement and construction" }, // L223
  lowPay: { th: "การได้รับค่าตอบแทนที่ไม่เหมาะสม: รายได้ไม่พอต่อรายจ่าย", en: "Inadequate pay" }, // L225
  ethics: { th: "การขาดคุณธรรม จริยธรรม", en: "Lack of integrity" }, // L227
  values: { th: "ค่านิยมที่ผิด: ยกย่องคนมีเงินและตำแหน่งมากกว่าคนซื่อสัตย์", en: "Wrong values: wealth and rank admired over honesty" }, // L229
  knowledge: { th: "การขาดความรู้ความเข้าใจในกฎหมายและระเบียบ", en: "Not knowing the laws and rules" }, // type 4, L207
} as const;

export const RISK_LIBRARY: readonly LibraryRisk[] = [
  // ---- seed 003's published table, row by row (L62–64, controls continued on L67) ----
  {
    id: "admin-law-knowledge", area: "governance", category: "authority", factor: "known",
    process: { th: "การบริหารงานของหน่วยงาน และการปฏิบัติงานของบุคลากร", en: "Administration and staff work" },
    event: { th: "บุคลากรของหน่วยงานยังขาดความรู้ ความเข้าใจ ในด้านกฎหมาย หนังสือสั่งการ และระเบียบที่เกี่ยวข้อง", en: "Staff do not know the relevant laws, orders and regulations well enough" },
    cause: CAUSE.knowledge, likelihood: 3, impact: 3, existingControls: "แจ้งเวียนหนังสือสั่งการและระเบียบให้บุคลากรทราบ",
    planItems: [ITEM.lawTraining, ITEM.lawPublicity], source: `${S003} L62 (issue 1, ปานกลาง)`,
  },
  {
    id: "admin-law-changes", area: "governance", category: "authority", factor: "known",
    process: { th: "การบริหารงานของหน่วยงาน และการปฏิบัติงานของบุคลากร", en: "Administration and staff work" },
    event: { th: "กฎหมาย หนังสือสั่งการ และระเบียบที่เกี่ยวข้องมีการเปลี่ยนแปลงบ่อย", en: "Laws, orders and regulations change often" },
    cause: CAUSE.opportunity, likelihood: 3, impact: 2, existingControls: "ติดตามหนังสือสั่งการผ่านระบบสารบรรณ",
    planItems: [ITEM.lawTraining, ITEM.lawPublicity], source: `${S003} L62 (issue 2, ปานกลาง)`,
  },
  {
    id: "admin-law-unclear", area: "governance", category: "authority", factor: "known",
    process: { th: "การบริหารงานของหน่วยงาน และการปฏิบัติงานของบุคลากร", en: "Administration and staff work" },
    event: { th: "ระเบียบ กฎหมายที่เกี่ยวข้องไม่ชัดเจน ไม่เอื้อต่อการปฏิบัติงาน บางฉบับล้าหลัง", en: "Rules are unclear, impractical or out of date, leaving room for discretion" },
    cause: CAUSE.opportunity, likelihood: 2, impact: 3, existingControls: "หารือหน่วยงานกำกับดูแลเมื่อระเบียบไม่ชัดเจน",
    planItems: [ITEM.lawTraining, ITEM.staffManual], source: `${S003} L62 (issue 3, ปานกลาง); ${S000} L205 (ช่องว่างของกฎระเบียบ)`,
  },
  {
    id: "budget-not-by-rules", area: "budget", category: "budget", factor: "known",
    process: { th: "การบริหารการเงิน งบประมาณ การจัดซื้อจัดจ้าง การบริหารพัสดุ", en: "Finance, budget, procurement and supplies" },
    event: { th: "การบริหารการเงิน งบประมาณ การจัดซื้อจัดจ้าง การจัดหาพัสดุ ไม่เป็นไปตามระเบียบที่เกี่ยวข้อง หรือไม่เป็นไปตามวัตถุประสงค์", en: "Finance, budget, procurement and supplies not handled by the rules or for their purpose" },
    cause: CAUSE.noOversight, likelihood: 3, impact: 4, existingControls: "ตรวจสอบฎีกาและเอกสารก่อนเบิกจ่ายโดยกองคลัง",
    planItems: [ITEM.disbursement, ITEM.procurementReview, ITEM.valueForMoney], source: `${S003} L63 (issue 1, สูง); ${S000} L201`,
  },
  {
    id: "budget-projects-not-done", area: "budget", category: "budget", factor: "known",
    process: { th: "การบริหารการเงิน งบประมาณ การจัดซื้อจัดจ้าง การบริหารพัสดุ", en: "Finance, budget, procurement and supplies" },
    event: { th: "การดำเนินโครงการตามข้อบัญญัติ/เทศบัญญัติไม่สามารถดำเนินการได้ในรอบปีงบประมาณ", en: "Projects in the budget ordinance cannot be carried out within the fiscal year" },
    cause: CAUSE.noOversight, likelihood: 3, impact: 3, existingControls: "รายงานผลการเบิกจ่ายรายไตรมาสต่อผู้บริหาร",
    planItems: [ITEM.disbursement, ITEM.valueForMoney], source: `${S003} L63 (issue 2, ปานกลาง)`,
  },
  {
    id: "service-slow", area: "services", category: "permits", factor: "known",
    process: { th: "การให้บริการสาธารณะ/บริการประชาชน", en: "Public services" },
    event: { th: "การให้บริการไม่เป็นไปตามมาตรฐาน เช่น ใช้เวลาให้บริการนานกว่าที่กำหนดไว้", en: "Services fall short of the standard, e.g. take longer than the stated time" },
    cause: CAUSE.incentive, likelihood: 3, impact: 3, existingControls: "ประกาศขั้นตอนและระยะเวลาการให้บริการ",
    planItems: [ITEM.noGift, ITEM.serviceQuality, ITEM.eService, ITEM.corruptionChannel], source: `${S003} L64 and L67 (ปานกลาง)`,
  },
  // ---- personnel: appointments and promotions (seed 000 types 2 and 7, L203, L213) ----
  {
    id: "hr-recruitment-bribe", area: "personnel", category: "authority", factor: "known",
    process: { th: "การสรรหา บรรจุ แต่งตั้ง โอนย้ายบุคลากร", en: "Recruitment, appointment and transfer of staff" },
    event: { th: "เรียกรับผลประโยชน์หรือใช้ความสัมพันธ์ส่วนตัวในการสรรหา บรรจุ แต่งตั้ง หรือโอนย้าย", en: "Bribes or personal ties decide recruitment, appointment or transfer" },
    cause: CAUSE.incentive, likelihood: 2, impact: 5, existingControls: "ดำเนินการตามประกาศคณะกรรมการพนักงานส่วนท้องถิ่น",
    planItems: [ITEM.ethicsCode, ITEM.conflictOfInterest, ITEM.openData], source: `${S000} L203 (ตัวบุคคล), L219, L225`,
  },
  {
    id: "hr-promotion-bias", area: "personnel", category: "authority", factor: "known",
    process: { th: "การประเมินผลการปฏิบัติงานและการเลื่อนขั้นเงินเดือน", en: "Performance appraisal and salary steps" },
    event: { th: "ใช้ดุลพินิจในการประเมินผลการปฏิบัติงานและเลื่อนขั้นเงินเดือนไม่เป็นธรรม เอื้อประโยชน์แก่พวกพ้อง", en: "Appraisals and salary steps decided unfairly, favouring associates" },
    cause: CAUSE.opportunity, likelihood: 3, impact: 3, existingControls: "ประกาศหลักเกณฑ์การประเมินให้บุคลากรทราบ",
    planItems: [ITEM.promotion, ITEM.ethicsCode], source: `${S000} L213 (อำนาจ อิทธิพล), L217`,
  },
  // ---- procurement (seed 000 type 1 L201, cause 4 L223) ----
  {
    id: "proc-spec-bias", area: "procurement", category: "budget", factor: "known",
    process: { th: "การจัดซื้อจัดจ้าง: การกำหนดคุณลักษณะเฉพาะและราคากลาง", en: "Procurement: specifications and reference prices" },
    event: { th: "กำหนดคุณลักษณะเฉพาะ (TOR) หรือราคากลางเอื้อประโยชน์แก่ผู้เสนอราคารายใดรายหนึ่ง", en: "Specifications or reference prices written to favour one bidder" },
    cause: CAUSE.monopoly, likelihood: 3, impact: 4, existingControls: "แต่งตั้งคณะกรรมการกำหนดราคากลางและเผยแพร่ในระบบ e-GP",
    planItems: [ITEM.procurementReview, ITEM.budgetTransparency, ITEM.openData], source: `${S000} L201, L223`,
  },
  {
    id: "proc-splitting", area: "procurement", category: "budget", factor: "known",
    process: { th: "การจัดซื้อจัดจ้าง: การเลือกวิธีจัดหา", en: "Procurement: choice of method" },
    event: { th: "แบ่งซื้อแบ่งจ้างเพื่อให้วงเงินต่ำกว่าเกณฑ์และหลีกเลี่ยงวิธีการที่ต้องแข่งขันราคา", en: "Purchases split to stay under thresholds and avoid competitive bidding" },
    cause: CAUSE.opportunity, likelihood: 3, impact: 3, existingControls: "จัดทำแผนการจัดซื้อจัดจ้างประจำปี",
    planItems: [ITEM.procurementReview, ITEM.auditPlan], source: `${S000} L201, L205 (ช่องว่างของกฎระเบียบ)`,
  },
  {
    id: "proc-collusion", area: "procurement", category: "budget", factor: "unknown",
    process: { th: "การจัดซื้อจัดจ้าง: การเสนอราคา", en: "Procurement: bidding" },
    event: { th: "ผู้เสนอราคาสมยอมกันในการเสนอราคา หรือผูกขาดงานก่อสร้างของหน่วยงาน", en: "Bidders collude, or a few firms monopolise the organization's works" },
    cause: CAUSE.monopoly, likelihood: 2, impact: 4, existingControls: "ตรวจสอบความสัมพันธ์ของผู้เสนอราคาตามระเบียบพัสดุ",
    planItems: [ITEM.procurementReview, ITEM.openData, ITEM.corruptionChannel], source: `${S000} L223 (การผูกขาด)`,
  },
  // ---- inspection of works (seed 000 type 6 L211, cause 3 L221) ----
  {
    id: "works-acceptance", area: "works", category: "budget", factor: "known",
    process: { th: "การตรวจรับพัสดุและงานจ้าง", en: "Acceptance of goods and works" },
    event: { th: "คณะกรรมการตรวจรับพัสดุตรวจรับงานที่ไม่เป็นไปตามแบบรูปรายการหรือสัญญา", en: "The acceptance committee accepts works that do not follow the plans or the contract" },
    cause: CAUSE.noOversight, likelihood: 3, impact: 4, existingControls: "แต่งตั้งคณะกรรมการตรวจรับพัสดุและผู้ควบคุมงาน",
    planItems: [ITEM.participation, ITEM.auditPlan, ITEM.internalControl], source: `${S000} L211 (การตรวจสอบขาดความหลากหลาย), L221`,
  },
  {
    id: "works-supervision", area: "works", category: "authority", factor: "known",
    process: { th: "การควบคุมงานก่อสร้าง", en: "Supervision of construction" },
    event: { th: "ผู้ควบคุมงานไม่ควบคุมงานให้เป็นไปตามสัญญา หรือรับประโยชน์จากผู้รับจ้าง", en: "Site supervisors do not enforce the contract, or take favours from contractors" },
    cause: CAUSE.incentive, likelihood: 2, impact: 4, existingControls: "รายงานการควบคุมงานประจำวัน",
    planItems: [ITEM.conflictOfInterest, ITEM.noGift, ITEM.participation], source: `${S000} L203 (ตัวบุคคล), L219`,
  },
  // ---- permits and licences (NACC category 1; seed 000 L173; types 3 and 5, L205, L209) ----
  {
    id: "permit-bribe", area: "permits", category: "permits", factor: "known",
    process: { th: "การพิจารณาออกใบอนุญาต (ก่อสร้าง ประกอบกิจการ)", en: "Issuing permits (building, business)" },
    event: { th: "เรียกรับผลประโยชน์เพื่อเร่งรัดหรืออำนวยความสะดวกในการออกใบอนุญาต", en: "Payments asked to speed up or ease a permit" },
    cause: CAUSE.incentive, likelihood: 2, impact: 5, existingControls: "คู่มือสำหรับประชาชนตาม พ.ร.บ.การอำนวยความสะดวกฯ พ.ศ. ๒๕๕๘",
    planItems: [ITEM.citizenManual, ITEM.serviceStandard, ITEM.noGift], source: `${S000} L173 (การพิจารณาอนุมัติ อนุญาต), L219`,
  },
  {
    id: "permit-discretion", area: "permits", category: "permits", factor: "known",
    process: { th: "การพิจารณาอนุมัติ อนุญาต", en: "Approvals and permits" },
    event: { th: "ใช้ดุลพินิจในการพิจารณาอนุมัติ อนุญาต โดยไม่มีหลักเกณฑ์ที่ชัดเจน", en: "Approvals decided by discretion without clear criteria" },
    cause: CAUSE.opportunity, likelihood: 3, impact: 3, existingControls: "กำหนดผู้มีอำนาจอนุญาตตามคำสั่ง",
    planItems: [ITEM.delegation, ITEM.staffManual, ITEM.serviceStandard], source: `${S000} L205 (ช่องว่างของกฎระเบียบ)`,
  },
  {
    id: "permit-undisclosed", area: "permits", category: "permits", factor: "known",
    process: { th: "การพิจารณาอนุมัติ อนุญาต", en: "Approvals and permits" },
    event: { th: "ไม่เปิดเผยขั้นตอน ระยะเวลา และค่าธรรมเนียมการขออนุญาตให้ประชาชนทราบ", en: "Steps, times and fees of permits not published" },
    cause: CAUSE.noOversight, likelihood: 2, impact: 3, existingControls: "ติดประกาศขั้นตอนที่จุดบริการ",
    planItems: [ITEM.citizenManual, ITEM.openData], source: `${S000} L209 (การขาดประชาสัมพันธ์)`,
  },
  // ---- public-service queues and fees ----
  {
    id: "service-queue", area: "services", category: "authority", factor: "known",
    process: { th: "การให้บริการประชาชน ณ จุดบริการ", en: "Front-desk services" },
    event: { th: "ให้บริการไม่เป็นไปตามลำดับคิว เลือกปฏิบัติหรือให้สิทธิพิเศษแก่ผู้ใกล้ชิด", en: "Queues jumped: favoured treatment for acquaintances" },
    cause: CAUSE.values, likelihood: 3, impact: 2, existingControls: "จัดที่นั่งรอรับบริการตามลำดับ",
    planItems: [ITEM.queueCards, ITEM.equalService, ITEM.serviceQuality], source: `${S000} L229 (ค่านิยมที่ผิด); ${S003} L146, L158`,
  },
  {
    id: "service-fees", area: "services", category: "budget", factor: "known",
    process: { th: "การจัดเก็บภาษี ค่าธรรมเนียม และค่าบริการ", en: "Collecting taxes, fees and charges" },
    event: { th: "จัดเก็บภาษีหรือค่าธรรมเนียมไม่ครบถ้วน ไม่ออกใบเสร็จรับเงิน หรือเรียกเก็บเกินอัตรา", en: "Taxes or fees under-collected, no receipt issued, or over-charged" },
    cause: CAUSE.noOversight, likelihood: 2, impact: 4, existingControls: "ใช้ใบเสร็จรับเงินที่มีเลขกำกับและตรวจสอบรายวัน",
    planItems: [ITEM.budgetTransparency, ITEM.openData, ITEM.internalControl], source: `${S000} L201 (การเงินการคลัง), L221`,
  },
  {
    id: "service-gifts", area: "services", category: "authority", factor: "known",
    process: { th: "การติดต่อราชการของประชาชนและผู้ประกอบการ", en: "Dealings with citizens and firms" },
    event: { th: "รับของขวัญหรือประโยชน์อื่นใดจากผู้มาติดต่อราชการ", en: "Gifts or other benefits accepted from people dealing with the office" },
    cause: CAUSE.values, likelihood: 3, impact: 3, existingControls: "ประกาศเจตนารมณ์ไม่รับของขวัญ",
    planItems: [ITEM.noGift, ITEM.conflictOfInterest, ITEM.ethicsCode], source: `${S000} L229 (ค่านิยมที่ผิด); ${S003} L64`,
  },
  // ---- use of public property (seed 000 type 4 L207, cause 6 L227) ----
  {
    id: "property-private-use", area: "property", category: "budget", factor: "known",
    process: { th: "การใช้ทรัพย์สินของทางราชการ", en: "Use of public property" },
    event: { th: "นำทรัพย์สินของทางราชการ เช่น รถยนต์ วัสดุ อุปกรณ์ ไปใช้ประโยชน์ส่วนตน", en: "Vehicles, materials or equipment used for private purposes" },
    cause: CAUSE.ethics, likelihood: 3, impact: 2, existingControls: "ทะเบียนคุมการใช้รถและการยืมพัสดุ",
    planItems: [ITEM.property, ITEM.ethicsCode], source: `${S000} L207 (ขาดคุณธรรมจริยธรรม), L227`,
  },
  {
    id: "property-working-time", area: "property", category: "authority", factor: "known",
    process: { th: "การปฏิบัติงานในเวลาราชการ", en: "Working hours" },
    event: { th: "ใช้เวลาราชการไปทำธุระส่วนตัวหรือลงเวลาปฏิบัติงานไม่ตรงความจริง", en: "Working time used for private business, or attendance falsely recorded" },
    cause: CAUSE.ethics, likelihood: 3, impact: 2, existingControls: "บันทึกเวลาปฏิบัติราชการ",
    planItems: [ITEM.ethicsCode, ITEM.internalControl], source: `${S000} L207, L227`,
  },
  // ---- budget disbursement (seed 000 type 1 L201, type 7 L213) ----
  {
    id: "budget-false-claims", area: "budget", category: "budget", factor: "known",
    process: { th: "การเบิกจ่ายงบประมาณโครงการและค่าใช้จ่ายในการเดินทาง", en: "Disbursing project and travel expenses" },
    event: { th: "เบิกจ่ายค่าใช้จ่ายเท็จหรือเกินจริง เช่น โครงการหรือการฝึกอบรมที่ไม่ได้ดำเนินการจริง", en: "False or inflated claims, e.g. for projects or training that never took place" },
    cause: CAUSE.lowPay, likelihood: 2, impact: 4, existingControls: "ตรวจสอบหลักฐานการเบิกจ่ายก่อนอนุมัติ",
    planItems: [ITEM.disbursement, ITEM.auditPlan, ITEM.internalControl], source: `${S000} L201, L225`,
  },
  {
    id: "budget-favoured-projects", area: "budget", category: "authority", factor: "unknown",
    process: { th: "การจัดทำแผนพัฒนาท้องถิ่นและงบประมาณรายจ่ายประจำปี", en: "Local development plan and annual budget" },
    event: { th: "บรรจุโครงการเพื่อเอื้อประโยชน์แก่ฐานเสียงหรือพวกพ้อง โดยไม่ผ่านการมีส่วนร่วมของประชาชน", en: "Projects put in the plan to favour supporters, without public participation" },
    cause: CAUSE.values, likelihood: 2, impact: 3, existingControls: "ประชาคมท้องถิ่นก่อนจัดทำแผน",
    planItems: [ITEM.villageForum, ITEM.openData], source: `${S000} L213 (อำนาจ อิทธิพล บารมี)`,
  },
  // ---- complaints ----
  {
    id: "complaints-ignored", area: "governance", category: "authority", factor: "unknown",
    process: { th: "การจัดการเรื่องร้องเรียนการทุจริต", en: "Handling corruption complaints" },
    event: { th: "ไม่ดำเนินการกับเรื่องร้องเรียนการทุจริต หรือเปิดเผยข้อมูลของผู้ร้องเรียน", en: "Corruption complaints not acted on, or complainants exposed" },
    cause: CAUSE.noOversight, likelihood: 2, impact: 4, existingControls: "ทะเบียนรับเรื่องร้องเรียน",
    planItems: [ITEM.complaints, ITEM.corruptionChannel, ITEM.corruptionReports], source: `${S000} L221; ${S003} L67`,
  },
];

export function libraryRisk(id: string): LibraryRisk | undefined {
  return RISK_LIBRARY.find((r) => r.id === id);
}
