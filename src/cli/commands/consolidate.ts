/**
 * `sujarit consolidate master.xlsx กองคลัง.xlsx กองช่าง.xlsx …`: division rows into the master's
 * ผลรายเดือน. Writes the master in place (under its lock, safe-write.ts) unless --out (a new file: an existing
 * one only with --force, never one of the inputs) or --dry-run.
 * Exit 0 merged without conflicts, 1 conflicts or unusable rows to look at, 2 unreadable input.
 */
import { basename } from "node:path";
import { consolidate, NoProgressSheetError } from "../../app/consolidate";
import { THAI_MONTHS_SHORT } from "../../domain/calendar";
import { XlsxWorkbook } from "../../hosts/xlsx/xlsx-workbook";
import { type Lang, langOf, parse, UsageError } from "../args";
import { EXIT, type Io, readBytes } from "../io";
import { checkOut, refuseIfAWriteWouldLose, updateInPlace, writeNewFile } from "../safe-write";
import { renderTable } from "../table";

const WORDS = {
  th: { file: "แฟ้ม", rows: "แถว", added: "เพิ่ม", already: "มีแล้ว", conflicts: "ขัดแย้ง", unusable: "ใช้ไม่ได้", total: "รวม", wrote: "บันทึกแล้ว", dry: "ทดลอง: ยังไม่ได้บันทึก", conflict: "ข้อมูลขัดแย้ง (ไม่ได้เขียนทับ)", kept: "คงไว้", incoming: "ที่ส่งมา", unusableRow: "แถวที่ไม่มีรหัส/ปี/เดือน จึงรวมไม่ได้", from: "จาก" },
  en: { file: "File", rows: "Rows", added: "Added", already: "Already there", conflicts: "Conflicts", unusable: "Unusable", total: "Total", wrote: "Wrote", dry: "Dry run: nothing written", conflict: "Conflicts (not overwritten)", kept: "kept", incoming: "incoming", unusableRow: "Rows without code/FY/month, not merged", from: "from" },
} as const;

export async function consolidateCommand(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parse(argv, {
    out: { type: "string" }, force: { type: "boolean", default: false }, "dry-run": { type: "boolean", default: false }, json: { type: "boolean", default: false }, lang: { type: "string" },
  });
  const lang: Lang = langOf(values.lang);
  if (positionals.length < 2) throw new UsageError("consolidate takes the master workbook and at least one division workbook / ระบุแฟ้มหลักและแฟ้มของกองอย่างน้อยหนึ่งแฟ้ม");
  const [masterFile, ...divisionFiles] = positionals as [string, ...string[]];
  const force = values.force;
  if (values.out !== undefined) checkOut(values.out, { force, inputs: positionals });
  const inPlace = values.out === undefined && !values["dry-run"];
  const merge = async (masterBytes: Uint8Array) => {
    const master = await XlsxWorkbook.open(masterBytes);
    if (inPlace) refuseIfAWriteWouldLose(masterFile, master.pkg);
    const sources = [];
    for (const f of divisionFiles) sources.push({ source: f, port: await XlsxWorkbook.open(readBytes(f)) });
    try {
      return { master, report: await consolidate(master, sources, { dryRun: values["dry-run"] }) };
    } catch (e) {
      if (e instanceof NoProgressSheetError) {
        io.err(`sujarit: ${e.source === "master" ? masterFile : e.source}: ${e.message.replace(/^[^:]*: /, "")}`);
        return undefined;
      }
      throw e;
    }
  };
  let merged: Awaited<ReturnType<typeof merge>>;
  if (inPlace) {
    // the master's read-modify-write under its lock (safe-write.ts)
    merged = await updateInPlace(masterFile, async (bytes) => {
      const m = await merge(bytes);
      return { bytes: m && m.report.addedRows.length > 0 ? await m.master.toBytes() : undefined, result: m };
    });
  } else {
    merged = await merge(readBytes(masterFile));
    if (merged && values.out !== undefined && !values["dry-run"] && merged.report.addedRows.length > 0) {
      await writeNewFile(values.out, await merged.master.toBytes(), { force, inputs: positionals });
    }
  }
  if (!merged) return EXIT.unreadable;
  const { report } = merged;
  const out = values.out ?? masterFile;
  const { plan } = report;
  if (values.json) {
    io.out(JSON.stringify({ master: masterFile, out: values["dry-run"] ? null : out, sheet: report.masterSheet, addedRows: report.addedRows, outcomes: plan.outcomes, conflicts: plan.conflicts, unusable: plan.unusable, sourceFindings: report.sourceFindings }, null, 2));
  } else {
    const w = WORDS[lang];
    const rows = plan.outcomes.map((o) => [basename(o.source), String(o.rows), String(o.added), String(o.alreadyThere), String(o.conflicts), String(o.unusable)]);
    const sum = (k: "rows" | "added" | "alreadyThere" | "conflicts" | "unusable") => String(plan.outcomes.reduce((n, o) => n + o[k], 0));
    rows.push([w.total, sum("rows"), sum("added"), sum("alreadyThere"), sum("conflicts"), sum("unusable")]);
    const lines = [renderTable([w.file, w.rows, w.added, w.already, w.conflicts, w.unusable], rows)];
    if (plan.conflicts.length > 0) {
      lines.push("", `${w.conflict}:`);
      for (const c of plan.conflicts) {
        const month = THAI_MONTHS_SHORT[c.key.month];
        const diffs = c.differences.map((d) => `${d.field}: ${w.kept} "${d.kept}" · ${w.incoming} "${d.incoming}"`).join("; ");
        lines.push(`  ${c.key.code} ${month} ${c.key.fy} — ${basename(c.source)} ${c.incoming.sheet} แถว ${c.incoming.row ?? "-"} vs ${c.kept.source === "master" ? basename(masterFile) : basename(c.kept.source)} แถว ${c.kept.row ?? "-"}: ${diffs}`);
      }
    }
    if (plan.unusable.length > 0) {
      lines.push("", `${w.unusableRow}:`);
      for (const u of plan.unusable) lines.push(`  ${basename(u.source)} ${u.at.sheet} แถว ${u.at.row ?? "-"}`);
    }
    lines.push("", values["dry-run"] ? w.dry : report.addedRows.length > 0 ? `${w.wrote}: ${out} (${report.masterSheet} แถว ${report.addedRows[0]}–${report.addedRows[report.addedRows.length - 1]})` : `${w.added}: 0`);
    io.out(lines.join("\n"));
  }
  return plan.conflicts.length > 0 || plan.unusable.length > 0 ? EXIT.findings : EXIT.ok;
}
