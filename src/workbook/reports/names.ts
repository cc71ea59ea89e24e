/**
 * The report sheets' names, in the order the printed report runs (memo, title page, foreword, contents, Parts 1–3,
 * then the annexes). None equals an input sheet's name (TEMPLATE.md): `ผลมาตรการ ITA` beside the input
 * `มาตรการ ITA`, `บัตรโครงการ` beside the input `รายละเอียดโครงการ`.
 */
export const REPORT_SHEETS = {
  memo: "บันทึกข้อความ",
  title: "ปก",
  foreword: "คำนำ",
  contents: "สารบัญ",
  part1: "ส่วนที่1 แผน",
  part2: "ส่วนที่2 ผลการดำเนินงาน",
  part3: "ส่วนที่3 บทสรุป",
  ita: "ผลมาตรการ ITA",
  risk: "การประเมินความเสี่ยง",
  cards: "บัตรโครงการ",
  annualList: "แผนรายปี e-PlanNACC",
  eplan: "สรุป e-PlanNACC",
  dashboard: "สรุปภาพรวม",
} as const;

export type ReportSheetKey = keyof typeof REPORT_SHEETS;

export const REPORT_SHEET_ORDER: readonly ReportSheetKey[] = [
  "memo", "title", "foreword", "contents", "part1", "part2", "part3", "ita", "risk", "cards", "annualList", "eplan", "dashboard",
];

/** English names, for the CLI and the task pane in English. */
export const REPORT_SHEETS_EN: Readonly<Record<ReportSheetKey, string>> = {
  memo: "Cover memo", title: "Title page", foreword: "Foreword", contents: "Contents", part1: "Part 1: the plan", part2: "Part 2: progress report",
  part3: "Part 3: summary", ita: "ITA measures results", risk: "Risk assessment", cards: "Project cards",
  annualList: "e-PlanNACC annual list", eplan: "e-PlanNACC summaries", dashboard: "Overview",
};
