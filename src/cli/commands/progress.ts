/**
 * `sujarit progress plan.xlsx [--fy 2567] [--owner กองคลัง]`: a division's items for a fiscal year, each
 * with its plan budget, allocation, cumulative disbursement, latest status and the months reported —
 * the task pane's ผลรายเดือน page in the terminal.
 * `sujarit progress plan.xlsx --add --code 1.1.3 --fy 2567 --month 11 --status done …` appends one row
 * to the ผลรายเดือน sheet (in place, under the file's lock: safe-write.ts) after the checks the page runs as one
 * types; errors refuse (exit 2, each located) unless --force, and a row already there for the same
 * item and month is always refused (edit it with --edit). Exit 0, or 2.
 * `sujarit progress plan.xlsx --edit --code 1.1.3 --fy 2567 --month 11 [--disbursed …]` rewrites the item's
 * saved row for that month in place (the options given; the rest as saved) after the same checks, the row
 * itself not counted as a duplicate; `--remove --code … --fy … --month …` removes it (the rows below move
 * up). Both under the file's lock, refusing a row that changed since it was read (issue 16); where an
 * item has two rows for the month, `--row` says which.
 */
import {
  addProgressRow, carriedOver, checkDraft, formDate, dateOnly, defaultFiscalYear, type DraftInput, draftOf, editProgressRow, existingRows, itemFigures,
  type ItemFigures, type ListedItem, monthlyFieldLabel, monthlyView, monthName, monthYear, ownersOf, planYearsOf, progressListing, removeProgressRow,
} from "../../app/monthly";
import { rowChangedMessage } from "../../app/row-edit";
import type { CalendarMonth } from "../../domain/calendar";
import type { PlanWorkbook, ProgressEntry } from "../../domain/plan";
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
    exists: "ไม่ได้บันทึก: มีผลของรายการนี้ในเดือนนี้แล้ว — แก้ไขแถวนั้นด้วย --edit / not saved: this item already has a row for this month; change it with --edit",
    edited: "แก้ไขแถวแล้ว", removed: "ลบแถวแล้ว", noRow: "ไม่พบผลของรายการนี้ในเดือนนี้", rowsAre: "แถวที่มี", pickRow: "รายการนี้มีหลายแถวในเดือนนี้ ระบุแถวด้วย --row",
    warnings: "ข้อควรตรวจสอบ", carried: "ยกมาจากแถวเดือน", now: "หลังบันทึก", ofAllocation: "ของวงเงินจัดสรร", ofPlan: "ของงบตามแผน", remaining: "คงเหลือ", baht: "บาท",
  },
  en: {
    title: "Monthly progress, FY", owner: "Owner", allOwners: "all owners", items: "items",
    code: "Code", planned: "Planned", allocation: "Allocation", disbursed: "Disbursed", status: "Latest status", months: "Months reported",
    total: "Total", notReported: "not reported", none: "-", noItems: "No items of owner", ownersAre: "Owners in the plan",
    notTemplate: "This workbook has no Sujarit monthly progress or plan sheet", added: "Added row", row: "row",
    refused: "not saved: the row has errors (fix them, or add --force) / ไม่ได้บันทึก: แถวนี้มีข้อผิดพลาด",
    exists: "not saved: this item already has a row for this month; change it with --edit / ไม่ได้บันทึก: มีผลของรายการนี้ในเดือนนี้แล้ว",
    edited: "Edited row", removed: "Removed row", noRow: "this item has no row for this month", rowsAre: "rows", pickRow: "this item has several rows for this month; say which with --row",
    warnings: "Findings", carried: "Carried over from the row of", now: "Now", ofAllocation: "of the allocation", ofPlan: "of the plan budget", remaining: "remaining", baht: "baht",
  },
} as const;

const OPTIONS = {
  lang: { type: "string" }, json: { type: "boolean", default: false }, fy: { type: "string" }, owner: { type: "string" },
  add: { type: "boolean", default: false }, edit: { type: "boolean", default: false }, remove: { type: "boolean", default: false },
  row: { type: "string" }, force: { type: "boolean", default: false },
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
  const writes = [values.add && "--add", values.edit && "--edit", values.remove && "--remove"].filter((x): x is string => typeof x === "string");
  if (writes.length > 1) throw new UsageError(`${writes.join(" and ")} go one at a time / ใช้ ${writes.join(" กับ ")} พร้อมกันไม่ได้`);
  const opened = async (bytes: Uint8Array) => {
    const book = await XlsxWorkbook.open(bytes);
    if (writes.length > 0) refuseIfAWriteWouldLose(file, book.pkg);
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
  if (writes.length > 0) {
    // the read, the checks and the write under the file's lock, so two writers never lose a row (safe-write.ts)
    const done = await updateInPlace(file, async (bytes) => {
      const o = await opened(bytes);
      if (!o) return { result: { code: EXIT.unreadable } as Added };
      const r = values.add ? await add(values, io, lang, file, o.book, o.fy, today) : await change(values, io, lang, file, o.book, o.fy);
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

/** The fields given as options, as the form's text (--edit: what changes; the rest stays as saved). */
function givenFields(values: Values): Partial<DraftInput> {
  const inOrdinance = listValue(YES_NO, "in-ordinance", values["in-ordinance"]);
  const given: Partial<Record<keyof DraftInput, unknown>> = {
    status: listValue(PROGRESS_STATUSES, "status", values.status),
    reason: listValue(NOT_POSSIBLE_REASONS, "reason", values.reason),
    reasonText: values["reason-text"],
    inOrdinance: inOrdinance === undefined ? undefined : inOrdinance === "yes",
    progressPct: values.pct, startDate: values.start, endDate: values.end, output: values.output, unit: values.unit,
    indicatorResult: values["indicator-result"], result: values.result, budgetType: listValue(BUDGET_TYPES, "budget-type", values["budget-type"]),
    ordinanceAmount: values.allocation, disbursed: values.disbursed, evidence: values.evidence, problems: values.problems,
    recommendations: values.recommendations, enteredBy: values["entered-by"],
  };
  return Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)) as Partial<DraftInput>;
}

/** The one saved row of --code, --fy and --month (or the --row among several); a UsageError, with the rows there, otherwise. */
function savedRowOf(values: Values, lang: Lang, wb: PlanWorkbook, fy: FiscalYear, sheet: string): { seen: ProgressEntry; month: CalendarMonth } {
  const w = WORDS[lang];
  const what = values.edit ? "--edit" : "--remove";
  if (!values.code) throw new UsageError(`${what} needs --code (the plan item's code) / ต้องระบุ --code`);
  if (!values.month) throw new UsageError(`${what} needs --month (1–12 or ต.ค.…ก.ย.) / ต้องระบุ --month`);
  const month = parseMonth(values.month);
  if (month === undefined) throw new UsageError(`--month must be 1–12 or a month name such as ต.ค. / Oct (got ${values.month}) / ระบุเดือน เช่น 11 หรือ พ.ย.`);
  const code = planCode(normalizeSpace(toArabicDigits(values.code)));
  const rows = existingRows(wb, code, fy, month);
  const label = `${code} ${monthName(month, lang)} ${monthYear(fy, month)}`;
  const rowsText = rows.map((r) => r.at?.row ?? "-").join(", ");
  if (values.row !== undefined) {
    const n = Number(toArabicDigits(values.row.trim()));
    const picked = rows.find((r) => r.at?.row === n);
    if (!picked) throw new UsageError(`--row ${values.row}: ${label} is not in that row (${sheet} ${w.rowsAre}: ${rowsText || "-"}) / แถว ${values.row} ไม่ใช่ผลของ ${label}`);
    return { seen: picked, month };
  }
  if (rows.length === 0) throw new UsageError(`${label}: ${w.noRow} / ${lang === "th" ? "this item has no row for this month" : "ไม่พบผลของรายการนี้ในเดือนนี้"}`);
  if (rows.length > 1) throw new UsageError(`${label}: ${w.pickRow} (${sheet} ${w.rowsAre}: ${rowsText}) / ${lang === "th" ? "several rows: say which with --row" : "มีหลายแถว ระบุด้วย --row"}`);
  return { seen: rows[0] as ProgressEntry, month };
}

/** --edit and --remove: the saved row found, checked (an edit as the page checks it), rewritten or removed. */
async function change(values: Values, io: Io, lang: Lang, file: string, book: XlsxWorkbook, fy: FiscalYear): Promise<Added> {
  const w = WORDS[lang];
  const view = monthlyView(await book.readGrids());
  const sheet = view.sheet as string;
  const { seen, month } = savedRowOf(values, lang, view.read.workbook, fy, sheet);
  const label = `${seen.code ?? ""} ${monthName(month, lang)} ${monthYear(fy, month)}`;
  const refusedChange = (r: Parameters<typeof rowChangedMessage>[0]): Added => {
    const m = rowChangedMessage(r);
    io.err(`sujarit: ${lang === "th" ? `${m.th} / ${m.en}` : `${m.en} / ${m.th}`}`);
    return { code: EXIT.unreadable };
  };
  if (values.remove) {
    const given = Object.keys(givenFields(values));
    if (given.length > 0) throw new UsageError(`--remove takes no field options (got ${given.join(", ")}) / --remove ไม่รับค่าของช่อง`);
    const result = await removeProgressRow(book, seen);
    if (result.kind === "changed") return refusedChange(result);
    const bytes = await book.toBytes();
    const print = async (): Promise<void> => {
      if (values.json) io.out(JSON.stringify({ file, removed: { sheet: result.sheet, row: result.row, code: seen.code, fy, month } }, null, 2));
      else io.out(`${w.removed}: ${file} — ${result.sheet} ${w.row} ${result.row} (${label})`);
    };
    return { code: EXIT.ok, bytes, print };
  }
  const input: DraftInput = { ...draftOf(seen), ...givenFields(values) };
  if (input.reason !== undefined && input.status !== "notPossible" && values.reason !== undefined) throw new UsageError("--reason goes with --status notPossible / --reason ใช้กับสถานะ ไม่สามารถดำเนินการได้");
  const check = checkDraft(view, input, seen);
  const located = check.findings.map((f) => {
    const field = f.field ? monthlyFieldLabel(f.field) : undefined;
    return `  ${findingLine(f.finding, lang)}${field ? ` (${field[lang]})` : ""}`;
  });
  if (check.counts.error > 0 && !values.force) {
    io.err([`sujarit: ${w.refused}`, ...located].join("\n"));
    return { code: EXIT.unreadable };
  }
  const result = await editProgressRow(book, seen, check.entry);
  if (result.kind === "changed") return refusedChange(result);
  if (result.kind === "exists") {
    io.err(`sujarit: ${w.exists}: ${result.sheet} ${w.row} ${result.existing.at?.row ?? "-"}`);
    return { code: EXIT.unreadable };
  }
  const bytes = await book.toBytes();
  const print = async (): Promise<void> => {
    const after = monthlyView(await book.readGrids()).read.workbook;
    const item = after.items.find((it) => it.code === seen.code);
    const figures = item ? itemFigures(after, item, fy) : undefined;
    if (values.json) {
      io.out(JSON.stringify({ file, edited: { sheet: result.sheet, row: result.row }, findings: check.findings.map((f) => ({ ...f.finding, field: f.field ?? null, where: describeLocation(f.finding.location) })), figures: figures ? figuresJson(figures) : null }, null, 2));
      return;
    }
    const lines = [`${w.edited}: ${file} — ${result.sheet} ${w.row} ${result.row} (${label})`];
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
