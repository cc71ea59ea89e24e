/**
 * What keeps a generated report from being signed although the checks found no error (issue 13): items
 * without a row in the round (they print as ยังไม่ได้รายงานผล, never as not carried out), items whose
 * ตัวชี้วัด or เป้าหมาย neither the plan table nor the project details hold (Part 2 would print "-"), and
 * placeholders where the signer's name, position or the report date belong (blank, or the sample
 * workbook's "ข้อมูลตัวอย่าง" mark), and records the report prints that are marked as sample data (G4). Each is a warning finding, listed on the รายงาน page and by the CLI;
 * any of them makes the report a draft, as the checks' errors do.
 */
import type { Finding } from "../../domain/findings";
import type { PlanItem } from "../../domain/plan";
import { normalizeSpace } from "../../domain/thai";
import { DETAILS_SHEET, ITA_SHEET, PLAN_SHEET, PROGRESS_SHEET, RISKS_SHEET, SETTINGS as SETTING_ROWS } from "../schema";
import type { ReportContext } from "./context";
import type { ReportSheetKey } from "./names";

/** The sample workbook's mark (tools/build-sample.ts SAMPLE_MARK), and any text saying it is sample data. */
const PLACEHOLDER = /ข้อมูลตัวอย่าง|sample data|^\.{3,}$|^-$/i;

/** A mark saying a text is sample data: what the sample workbook invented (its risks, a signer) says so. */
const SAMPLE_DATA = /ข้อมูลตัวอย่าง|sample data/i;

/** Whether a record carries a sample-data mark in a text field, those in `skip` aside (never printed). */
function markedAsSample(record: object, skip: ReadonlySet<string> = new Set()): boolean {
  return Object.entries(record).some(([key, value]) => !skip.has(key) &&
    (typeof value === "string" ? SAMPLE_DATA.test(value) : Array.isArray(value) && value.some((v) => typeof v === "string" && SAMPLE_DATA.test(v))));
}

/** Who entered a monthly row and when, and where a record was read: kept in the workbook, never printed. */
const NOT_PRINTED = new Set(["enteredBy", "enteredOn", "at"]);

export function isPlaceholder(text: string): boolean {
  const t = normalizeSpace(text);
  return t === "" || PLACEHOLDER.test(t);
}

/** ตัวชี้วัด of an item's Part 2 row: the plan table's, else the project details' outputs, else their outcomes. */
export function indicatorOf(ctx: Pick<ReportContext, "model">, item: PlanItem): string {
  const d = item.code === undefined ? undefined : ctx.model.details.find((x) => x.code === item.code);
  return [item.indicator, d?.outputs, d?.outcomes].map((x) => (x ?? "").trim()).find((x) => x !== "" && x !== "-") ?? "";
}

/** เป้าหมาย of an item's Part 2 row: the plan table's, else the project details' target groups, else the plan's groups. */
export function targetOf(ctx: Pick<ReportContext, "model">, item: PlanItem): string {
  const d = item.code === undefined ? undefined : ctx.model.details.find((x) => x.code === item.code);
  return [item.target, d?.targetGroups, item.targetGroups.join(", ")].map((x) => (x ?? "").trim()).find((x) => x !== "" && x !== "-") ?? "";
}

const SETTINGS = "ตั้งค่า";

function finding(rule: string, th: string, en: string, sheet: string, found?: string): Finding {
  return { rule, severity: "warning", message: { th, en }, location: { sheet }, ...(found ? { found } : {}) };
}

/**
 * The gaps of this report, in the order the page lists them; `printed`, the sheets it holds: a sample-data
 * mark in the risk register or the ITA measures matters only where their sheet is printed.
 */
export function reportGaps(ctx: ReportContext, printed?: ReadonlySet<ReportSheetKey>): Finding[] {
  const out: Finding[] = [];
  const round = `รอบ ${ctx.round} เดือน`;
  const notReported = ctx.summary.items.filter((r) => r.status === "notReported");
  if (notReported.length > 0) {
    const codes = notReported.map((r) => r.item.code ?? "(ไม่มีรหัส)");
    out.push(finding(
      "G1",
      `ยังไม่ได้รายงานผล${round} ${notReported.length} รายการ (ไม่มีแถวในแผ่นงานผลรายเดือน): ${codes.join(", ")}`,
      `${notReported.length} item(s) have no monthly row in round ${ctx.round}: ${codes.join(", ")}`,
      "ผลรายเดือน", codes.join(", "),
    ));
  }
  const noIndicator = ctx.summary.items.filter((r) => indicatorOf(ctx, r.item) === "").map((r) => r.item.code ?? "(ไม่มีรหัส)");
  if (noIndicator.length > 0) {
    out.push(finding("G2", `ไม่มีตัวชี้วัดทั้งในแผนและรายละเอียดโครงการ ${noIndicator.length} รายการ: ${noIndicator.join(", ")}`,
      `${noIndicator.length} item(s) have no indicator in the plan or project details: ${noIndicator.join(", ")}`, "แผนปฏิบัติการ", noIndicator.join(", ")));
  }
  const noTarget = ctx.summary.items.filter((r) => targetOf(ctx, r.item) === "").map((r) => r.item.code ?? "(ไม่มีรหัส)");
  if (noTarget.length > 0) {
    out.push(finding("G2", `ไม่มีเป้าหมายทั้งในแผนและรายละเอียดโครงการ ${noTarget.length} รายการ: ${noTarget.join(", ")}`,
      `${noTarget.length} item(s) have no target in the plan or project details: ${noTarget.join(", ")}`, "แผนปฏิบัติการ", noTarget.join(", ")));
  }
  // the signer as the memo, Part 3 and the annual list print them: each blank one names its row of ตั้งค่า
  const s = ctx.model.settings;
  const row = (key: string) => SETTING_ROWS.find((d) => d.key === key) ?? { th: key, en: key };
  const signer: [string, string][] = [[s.reporter, "reporter"], [s.reporterPosition, "reporterPosition"], [s.phone, "phone"]];
  for (const [value, key] of signer) {
    if (!isPlaceholder(value)) continue;
    const { th, en } = row(key);
    out.push(finding("G3", `${th}ยังว่างหรือเป็นข้อมูลตัวอย่าง — กรอกแถว "${th}" ในแผ่นงาน${SETTINGS}`, `${en} is blank or sample data — fill the row "${th}" (${en}) of ${SETTINGS}`, SETTINGS, normalizeSpace(value)));
  }
  // sample data the report would print as if it were the organization's (the sample's risks say so): a draft
  const sampleIn: [string, string[]][] = [
    [PLAN_SHEET.name, ctx.model.items.filter((x) => markedAsSample(x, NOT_PRINTED)).map((x) => x.code ?? x.name)],
    [DETAILS_SHEET.name, ctx.model.details.filter((x) => markedAsSample(x, NOT_PRINTED)).map((x) => x.code ?? "?")],
    [PROGRESS_SHEET.name, ctx.summary.items.flatMap((r) => r.rows).filter((x) => markedAsSample(x, NOT_PRINTED)).map((x) => `${x.code ?? "?"} (${ctx.num(x.month ?? "?")})`)],
    [RISKS_SHEET.name, printed && !printed.has("risk") ? [] : ctx.model.risks.filter((x) => markedAsSample(x, NOT_PRINTED)).map((x) => x.id)],
    [ITA_SHEET.name, printed && !printed.has("ita") ? [] : ctx.model.itaMeasures.filter((x) => markedAsSample(x, NOT_PRINTED)).map((x) => x.no || x.measure)],
  ];
  for (const [sheet, marked] of sampleIn) {
    if (marked.length === 0) continue;
    const list = marked.slice(0, 8).join(", ") + (marked.length > 8 ? " …" : "");
    out.push(finding("G4", `ยังมีข้อมูลตัวอย่าง ${marked.length} รายการในแผ่นงาน${sheet}: ${list} — แทนด้วยข้อมูลจริงหรือลบออก`,
      `${marked.length} record(s) of ${sheet} are marked as sample data: ${list} — replace them with real data or remove them`, sheet, list));
  }
  if (!s.reportDate) {
    const { th, en } = row("reportDate");
    out.push(finding("G3", `ยังไม่ได้ระบุ${th} — กรอกแถว "${th}" ในแผ่นงาน${SETTINGS}`, `the report date is not set — fill the row "${th}" (${en}) of ${SETTINGS}`, SETTINGS));
  }
  return out;
}
