/**
 * `sujarit progress plan.xlsx [--fy 2567] [--owner กองคลัง]`: a division's items for a fiscal year, each
 * with its plan budget, allocation, cumulative disbursement, latest status and the months reported —
 * the task pane's ผลรายเดือน page in the terminal.
 * `sujarit progress plan.xlsx --add --code 1.1.3 --fy 2567 --month 11 --status done …` appends one row
 * to the ผลรายเดือน sheet (in place, under the file's lock: safe-write.ts) after the checks the page runs as one
 * types; errors refuse (exit 2, each located) unless --force, and a row already there for the same
 * item and month is always refused (edit that row in the sheet). Exit 0, or 2.
 */
import {
  addProgressRow, carriedOver, checkDraft, formDate, dateOnly, defaultFiscalYear, type DraftInput, itemFigures, type ItemFigures, type ListedItem,
  monthlyFieldLabel, monthlyView, monthName, monthYear, ownersOf, planYearsOf, progressListing,
} from "../../app/monthly";
import { FISCAL_MONTHS, parseMonth, readBEYear } from "../../domain/calendar";
import { describeLocation } from "../../domain/findings";
import { BUDGET_TYPES, type ClosedList, labelOf, lookup, NOT_POSSIBLE_REASONS, PROGRESS_STATUSES, YES_NO } from "../../domain/lists";
import { formatAmount, normalizeSpace, toArabicDigits } from "../../domain/thai";
import { type FiscalYear, planCode, sumBaht } from "../../domain/units";
import { XlsxWorkbook } from "../../hosts/xlsx/xlsx-workbook";
import { type Lang, langOf, parse, UsageError } from "../args";
import { findingLine } from "../findings";
import { EXIT, type Io, readBytes } from "../io";
import { refuseIfAWriteWouldLose, updateInPlace } from "../safe-write";
import { displayWidth } from "../table";

const WORDS = {
  th: {
    title: "ผลการดำเนินงานรายเดือน ปีงบประมาณ", owner: "หน่วยงานรับผิดชอบ", allOwners: "ทุกหน่วยงาน", items: "รายการ",
    code: "รหัส", planned: "งบตามแผน", allocation: "วงเงินจัดสรร", disbursed: "เบิกจ่ายสะสม", status: "สถานะล่าสุด", months: "เดือนที่รายงาน",
    total: "รวม", notReported: "ยังไม่รายงาน", none: "-", noItems: "ไม่พบรายการของหน่วยงาน", ownersAre: "หน่วยงานในแผน",
    notTemplate: "แฟ้มนี้ไม่มีแผ่นงานผลรายเดือนหรือแผนปฏิบัติการของสุจริต", added: "เพิ่มแถวแล้ว", row: "แถว",
    refused: "ไม่ได้บันทึก: แถวนี้มีข้อผิดพลาด (แก้แล้วลองใหม่ หรือใช้ --force เพื่อบันทึกอยู่ดี) / not saved: the row has errors (fix them, or add --force)",
    exists: "ไม่ได้บันทึก: มีผลของรายการนี้ในเดือนนี้แล้ว — แก้ไขที่แถวนั้นในแผ่นงานโดยตรง / not saved: this item already has a row for this month; edit that row in the sheet",
    warnings: "ข้อควรตรวจสอบ", carried: "ยกมาจากแถวเดือน", now: "หลังบันทึก", ofAllocation: "ของวงเงินจัดสรร", ofPlan: "ของงบตามแผน", remaining: "คงเหลือ", baht: "บาท",
  },
  en: {
    title: "Monthly progress, FY", owner: "Owner", allOwners: "all owners", items: "items",
    code: "Code", planned: "Planned", allocation: "Allocation", disbursed: "Disbursed", status: "Latest status", months: "Months reported",
    total: "Total", notReported: "not reported", none: "-", noItems: "No items of owner", ownersAre: "Owners in the plan",
    notTemplate: "This workbook has no Sujarit monthly progress or plan sheet", added: "Added row", row: "row",
    refused: "not saved: the row has errors (fix them, or add --force) / ไม่ได้บันทึก: แถวนี้มีข้อผิดพลาด",
    exists: "not saved: this item already has a row for this month; edit that row in the sheet / ไม่ได้บันทึก: มีผลของรายการนี้ในเดือนนี้แล้ว",
    warnings: "Findings", carried: "Carried over from the row of", now: "Now", ofAllocation: "of the allocation", ofPlan: "of the plan budget", remaining: "remaining", baht: "baht",
  },
} as const;

const OPTIONS = {
  lang: { type: "string" }, json: { type: "boolean", default: false }, fy: { type: "string" }, owner: { type: "string" },
  add: { type: "boolean", default: false }, force: { type: "boolean", default: false },
  code: { type: "string" }, month: { type: "string" }, status: { type: "string" }, reason: { type: "string" }, "reason-text": { type: "string" },
  "in-ordinance": { type: "string" }, pct: { type: "string" }, start: { type: "string" }, end: { type: "string" }, output: { type: "string" },
  unit: { type: "string" }, "indicator-result": { type: "string" }, result: { type: "string" }, "budget-type": { type: "string" },
  allocation: { type: "string" }, disbursed: { type: "string" }, evidence: { type: "string" }, problems: { type: "string" },
  recommendations: { type: "string" }, "entered-by": { type: "string" },
} as const;

type Values = ReturnType<typeof parse<typeof OPTIONS>>["values"];

export async function progressCommand(argv: readonly string[], io: Io, today: Date = new Date()): Promise<number> {
  const { values, positionals } = parse(argv, OPTIONS);
  const lang = langOf(values.lang);
  if (positionals.length !== 1) throw new UsageError("progress takes one .xlsx file / ระบุแฟ้ม .xlsx หนึ่งแฟ้ม");
  const file = positionals[0] as string;
  const fyArg = values.fy === undefined ? undefined : yearOf(values.fy);
  const opened = async (bytes: Uint8Array) => {
    const book = await XlsxWorkbook.open(bytes);
    if (values.add) refuseIfAWriteWouldLose(file, book.pkg);
    const view = monthlyView(await book.readGrids());
    const wb = view.read.workbook;
    if (!view.sheet || !view.read.layouts.tables.plan) {
      io.err(`sujarit: ${file}: ${WORDS[lang].notTemplate}`);
      return undefined;
    }
    const fy = fyArg ?? defaultFiscalYear(wb, today);
    if (!planYearsOf(wb).includes(fy)) {
      const years = planYearsOf(wb);
      throw new UsageError(`--fy ${fy} is outside the plan ${years[0]}–${years[years.length - 1]} / ปีงบประมาณ ${fy} อยู่นอกแผน`);
    }
    return { book, wb, fy };
  };
  if (values.add) {
    // the read, the checks and the append under the file's lock, so two writers never lose a row (safe-write.ts)
    const done = await updateInPlace(file, async (bytes) => {
      const o = await opened(bytes);
      if (!o) return { result: { code: EXIT.unreadable } as Added };
      const r = await add(values, io, lang, file, o.book, o.fy, today);
      return { bytes: r.bytes, result: r };
    });
    await done.print?.();
    return done.code;
  }
  const o = await opened(readBytes(file));
  if (!o) return EXIT.unreadable;
  const { wb, fy } = o;

  const owner = values.owner?.trim() || undefined;
  const listed = progressListing(wb, fy, owner);
  if (owner && listed.length === 0) {
    const w = WORDS[lang];
    io.err(`sujarit: ${w.noItems} "${owner}". ${w.ownersAre}: ${ownersOf(wb).map((o) => `${o.owner} (${o.items})`).join("; ")}`);
    return EXIT.unreadable;
  }
  if (values.json) {
    io.out(JSON.stringify({
      file, organization: wb.settings.orgName, fy, owner: owner ?? null,
      items: listed.map((l) => ({ name: l.item.name, owner: l.item.owner, ...figuresJson(l.figures) })),
      totals: totals(listed),
    }, null, 2));
  } else {
    io.out(listingText(listed, wb.settings.orgName, fy, owner, lang));
  }
  return EXIT.ok;
}

function yearOf(text: string): FiscalYear {
  const r = readBEYear(text);
  if (r.kind === "be") return r.year;
  if (r.kind === "ce") throw new UsageError(`--fy ${r.typed} is a CE year; use the BE year ${r.suggested} / ${r.typed} เป็นปี ค.ศ. ใช้ปี พ.ศ. ${r.suggested}`);
  throw new UsageError(`--fy takes a Buddhist-Era year such as 2567 (got ${text}) / ระบุปี พ.ศ. เช่น 2567`);
}

function listValue<K extends string>(list: ClosedList<K>, option: string, text: string | undefined): K | undefined {
  if (text === undefined) return undefined;
  const e = lookup(list, text);
  if (!e) throw new UsageError(`--${option} must be one of ${list.entries.map((x) => `${x.key} (${x.th})`).join(", ")} (got ${text}) / ค่าของ --${option} ไม่อยู่ในรายการ`);
  return e.key;
}

interface Added { code: number; bytes?: Uint8Array; print?: () => Promise<void> }

async function add(values: Values, io: Io, lang: Lang, file: string, book: XlsxWorkbook, fy: FiscalYear, today: Date): Promise<Added> {
  const w = WORDS[lang];
  if (!values.code) throw new UsageError("--add needs --code (the plan item's code) / ต้องระบุ --code");
  if (!values.month) throw new UsageError("--add needs --month (1–12 or ต.ค.…ก.ย.) / ต้องระบุ --month");
  if (!values.status) throw new UsageError(`--add needs --status (${PROGRESS_STATUSES.entries.map((e) => e.key).join(", ")}) / ต้องระบุ --status`);
  const month = parseMonth(values.month);
  if (month === undefined) throw new UsageError(`--month must be 1–12 or a month name such as ต.ค. / Oct (got ${values.month}) / ระบุเดือน เช่น 11 หรือ พ.ย.`);
  const inOrdinance = listValue(YES_NO, "in-ordinance", values["in-ordinance"]);
  const code = planCode(normalizeSpace(toArabicDigits(values.code)));
  const view = monthlyView(await book.readGrids());
  // what the pane's form would start from, for every option not given (app/monthly carriedOver)
  const carried = carriedOver(view.read.workbook, code, fy, month);
  const carriedText: string[] = [];
  const carry = <T>(given: T | undefined, from: T | undefined, label: string, shown: (v: T) => string): T | undefined => {
    if (given !== undefined || from === undefined || from === "") return given;
    carriedText.push(`${label} ${shown(from)}`);
    return from;
  };
  const input: DraftInput = {
    fy, month, code,
    status: listValue(PROGRESS_STATUSES, "status", values.status),
    reason: listValue(NOT_POSSIBLE_REASONS, "reason", values.reason),
    reasonText: values["reason-text"] ?? "",
    inOrdinance: carry(inOrdinance === undefined ? undefined : inOrdinance === "yes", carried.inOrdinance, "--in-ordinance", (v) => (v ? "yes" : "no")),
    progressPct: values.pct ?? "", startDate: carry(values.start, formDate(carried.startDate), "--start", String) ?? "", endDate: values.end ?? "",
    output: values.output ?? "", unit: carry(values.unit, carried.unit, "--unit", String) ?? "", indicatorResult: values["indicator-result"] ?? "", result: values.result ?? "",
    budgetType: carry(listValue(BUDGET_TYPES, "budget-type", values["budget-type"]), carried.budgetType, "--budget-type", String),
    ordinanceAmount: carry(values.allocation, carried.ordinanceAmount === undefined ? undefined : String(carried.ordinanceAmount), "--allocation", String) ?? "", disbursed: values.disbursed ?? "", evidence: values.evidence ?? "",
    problems: values.problems ?? "", recommendations: values.recommendations ?? "", enteredBy: values["entered-by"] ?? "",
    enteredOn: dateOnly(today),
  };
  if (input.reason !== undefined && input.status !== "notPossible") throw new UsageError("--reason goes with --status notPossible / --reason ใช้กับสถานะ ไม่สามารถดำเนินการได้");

  const check = checkDraft(view, input);
  const where = (row: number | undefined) => `${check.at.sheet} ${w.row} ${row ?? "-"}`;
  const located = check.findings.map((f) => {
    const field = f.field ? monthlyFieldLabel(f.field) : undefined;
    return `  ${findingLine(f.finding, lang)}${field ? ` (${field[lang]})` : ""}`;
  });
  const existing = check.existing[0];
  if (existing) {
    io.err(`sujarit: ${w.exists}: ${input.code} ${monthName(month, lang)} ${monthYear(fy, month)} — ${where(existing.at?.row)}`);
    return { code: EXIT.unreadable };
  }
  if (check.counts.error > 0 && !values.force) {
    io.err([`sujarit: ${w.refused}`, ...located].join("\n"));
    return { code: EXIT.unreadable };
  }
  const result = await addProgressRow(book, check.entry);
  if (result.kind === "exists") {
    io.err(`sujarit: ${w.exists}: ${where(result.existing.at?.row)}`);
    return { code: EXIT.unreadable };
  }
  const bytes = await book.toBytes();
  // printed once the file is written
  const print = async (): Promise<void> => {
    const after = monthlyView(await book.readGrids()).read.workbook;
    const item = after.items.find((it) => it.code === input.code);
    const figures = item ? itemFigures(after, item, fy) : undefined;
    if (values.json) {
      io.out(JSON.stringify({ file, added: { sheet: result.sheet, row: result.row }, findings: check.findings.map((f) => ({ ...f.finding, field: f.field ?? null, where: describeLocation(f.finding.location) })), figures: figures ? figuresJson(figures) : null }, null, 2));
      return;
    }
    const lines = [`${w.added}: ${file} — ${result.sheet} ${w.row} ${result.row} (${input.code} ${monthName(month, lang)} ${monthYear(fy, month)})`];
    if (carriedText.length > 0 && carried.from) lines.push(`${w.carried} ${monthName(carried.from, lang)}: ${carriedText.join(", ")}`);
    if (located.length > 0) lines.push(`${w.warnings}: ${located.length}`, ...located);
    if (figures) lines.push(`${w.now}: ${figuresLine(figures, lang)}`);
    io.out(lines.join("\n"));
  };
  return { code: EXIT.ok, bytes, print };
}

function figuresJson(f: ItemFigures) {
  return {
    code: f.code, fy: f.fy, planned: f.planned, allocation: f.allocation ?? null, disbursed: f.disbursed, remaining: f.remaining ?? null,
    limit: f.limit?.kind ?? null, pctOfAllocation: f.pctOfAllocation ?? null, pctOfPlan: f.pctOfPlan ?? null,
    lastStatus: f.lastStatus ?? null, lastPct: f.lastPct ?? null, lastMonth: f.lastMonth ?? null, months: f.months,
  };
}

function totals(listed: readonly ListedItem[]) {
  return {
    items: listed.length,
    planned: sumBaht(listed.map((l) => l.figures.planned)),
    allocation: sumBaht(listed.flatMap((l) => (l.figures.allocation === undefined ? [] : [l.figures.allocation]))),
    disbursed: sumBaht(listed.map((l) => l.figures.disbursed)),
    reported: listed.filter((l) => l.figures.rows.length > 0).length,
  };
}

function statusText(f: ItemFigures, lang: Lang): string {
  if (f.rows.length === 0) return WORDS[lang].notReported;
  const status = f.lastStatus ? labelOf(PROGRESS_STATUSES, f.lastStatus, lang) : WORDS[lang].none;
  const pct = f.lastPct !== undefined ? ` ${f.lastPct}%` : "";
  return `${status}${pct}${f.lastMonth ? ` (${monthName(f.lastMonth, lang)})` : ""}`;
}

function figuresLine(f: ItemFigures, lang: Lang): string {
  const w = WORDS[lang];
  const parts = [`${w.disbursed} ${formatAmount(f.disbursed)} ${w.baht}`];
  if (f.allocation !== undefined) parts.push(`${f.pctOfAllocation ?? 0}% ${w.ofAllocation} ${formatAmount(f.allocation)}`);
  if (f.planned > 0) parts.push(`${f.pctOfPlan ?? 0}% ${w.ofPlan} ${formatAmount(f.planned)}`);
  if (f.remaining !== undefined) parts.push(`${w.remaining} ${formatAmount(f.remaining)}`);
  return `${f.code}: ${parts.join(" · ")} · ${statusText(f, lang)}`;
}

/** Columns padded to their widest cell (Thai marks count as nothing); `right` columns are right-aligned. */
function columns(rows: readonly (readonly string[])[], right: readonly boolean[]): string[] {
  const widths = (rows[0] ?? []).map((_, c) => Math.max(...rows.map((r) => displayWidth(r[c] ?? ""))));
  return rows.map((r) => r.map((cell, c) => {
    const fill = " ".repeat(Math.max(0, (widths[c] ?? 0) - displayWidth(cell)));
    return right[c] ? fill + cell : cell + fill;
  }).join("  ").trimEnd());
}

export function listingText(listed: readonly ListedItem[], orgName: string, fy: FiscalYear, owner: string | undefined, lang: Lang): string {
  const w = WORDS[lang];
  const t = totals(listed);
  const money = (n: number | undefined) => (n === undefined ? w.none : formatAmount(n));
  const header = [w.code, w.planned, w.allocation, w.disbursed, w.status, w.months];
  const body = listed.map((l) => [
    l.item.code ?? "", money(l.figures.planned), money(l.figures.allocation), money(l.figures.disbursed), statusText(l.figures, lang),
    l.figures.months.length > 0 ? `${[...l.figures.months].sort((a, b) => FISCAL_MONTHS.indexOf(a) - FISCAL_MONTHS.indexOf(b)).map((m) => monthName(m, lang)).join(" ")} (${l.figures.months.length})` : w.none,
  ]);
  const sum = [w.total, money(t.planned), money(t.allocation), money(t.disbursed), `${t.reported}/${t.items}`, ""];
  const lines = columns([header, ...body, sum], [false, true, true, true, false, false]);
  const rule = "─".repeat(Math.max(...lines.map(displayWidth)));
  const out = [
    `${w.title} ${fy}${orgName ? ` — ${orgName}` : ""}`,
    `${w.owner}: ${owner ?? w.allOwners} · ${listed.length} ${w.items}`,
    "",
    lines[0] as string,
    rule,
  ];
  listed.forEach((l, i) => {
    out.push(lines[i + 1] as string);
    out.push(`   ${l.item.name}${l.item.owner ? ` — ${l.item.owner}` : ""}`);
  });
  out.push(rule, lines[lines.length - 1] as string);
  return out.join("\n");
}
