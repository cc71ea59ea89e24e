/**
 * The LibreOffice oracle for the report sheets (ENGINEERING.md, issue 6): every report of every case is
 * generated into a template workbook, the cached values are taken out of every formula, LibreOffice
 * headless recalculates it, and every formula of every report sheet must equal the value the core wrote
 * with it (the core's figure). Then each report sheet is printed alone to PDF and PNG
 * (test-artifacts/reports/<case>/<sheet>-<page>.png) to be looked at, and its paper checked.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { SheetSpec } from "../../src/workbook/grid";
import { columnLetter } from "../../src/workbook/a1";
import { REPORT_CASES, generatedCase } from "../support/reports";
import { convert, formulaResults, pdfPages, pdfToPngs, requireTools, showOnly, stripResults } from "./libreoffice";

const ROOT = join(__dirname, "..", "..");
const WORK = join(ROOT, "test-artifacts", "oracle-reports");
const PNGS = join(ROOT, "test-artifacts", "reports");
const MISSING = "(no formula)";
/** While working on some sheets: SUJARIT_RENDER_ONLY="ปก,สารบัญ" prints only those (all of them when unset, as in CI). */
const ONLY = (process.env.SUJARIT_RENDER_ONLY ?? "").split(",").map((s) => s.trim()).filter(Boolean);

interface Prepared {
  readonly name: string;
  readonly sheets: readonly SheetSpec[];
  readonly bytes: Uint8Array;
}

const prepared: Prepared[] = [];
const recalculated = new Map<string, Buffer>();

beforeAll(async () => {
  requireTools();
  rmSync(WORK, { recursive: true, force: true });
  rmSync(PNGS, { recursive: true, force: true });
  mkdirSync(WORK, { recursive: true });
  const files: string[] = [];
  for (const c of REPORT_CASES) {
    const { book, generated } = await generatedCase(c);
    const bytes = await book.toBytes();
    prepared.push({ name: c.name, sheets: generated.sheets, bytes });
    stripResults(book.book);
    const file = join(WORK, `${c.name}.xlsx`);
    writeFileSync(file, await book.toBytes());
    files.push(file);
  }
  const outputs = convert(files, "xlsx", join(WORK, "recalculated"));
  outputs.forEach((f, i) => recalculated.set(REPORT_CASES[i]?.name as string, readFileSync(f)));
}, 240_000);

describe("LibreOffice recalculates every report formula to the core's figure", () => {
  it.each(REPORT_CASES.map((c) => c.name))("%s", async (name) => {
    const p = prepared.find((x) => x.name === name) as Prepared;
    const bytes = recalculated.get(name) as Buffer;
    const mismatches: string[] = [];
    let compared = 0;
    for (const spec of p.sheets) {
      const results = await formulaResults(bytes, spec.name);
      spec.rows.forEach((cells, r) => cells.forEach((v, c) => {
        if (v === null || typeof v !== "object" || v instanceof Date) return;
        compared++;
        const got = results.get(`${columnLetter(c + 1)}${r + 1}`) ?? MISSING;
        const want = v.result ?? "(no result written)";
        const same = typeof want === "number" && typeof got === "number" ? Math.abs(got - want) < 1e-9 : got === want;
        if (!same) mismatches.push(`${spec.name}!${columnLetter(c + 1)}${r + 1} =${v.formula}: LibreOffice ${JSON.stringify(got)}, core ${JSON.stringify(want)}`);
      }));
    }
    console.info(`reports oracle ${name}: ${p.sheets.length} sheets, ${compared} formula cells compared, ${mismatches.length} mismatches`);
    expect(mismatches.slice(0, 30)).toEqual([]);
    expect(compared).toBeGreaterThan(0);
  });
});

/** A text cell's value in a spec (1-based row and column), "" for anything else. */
const textIn = (spec: SheetSpec, r: number, c: number): string => {
  const v = spec.rows[r - 1]?.[c - 1];
  return typeof v === "string" ? v : "";
};

/**
 * Where a figure is on a sheet: the total row (its column A label matching `total`) and the column headed
 * `header` in the nearest header row above it (or a column given as a number), the first such total row.
 */
function cellOf(spec: SheetSpec, total: RegExp, header: string | number): string | undefined {
  for (let r = 1; r <= spec.rows.length; r++) {
    if (!total.test(textIn(spec, r, 1))) continue;
    if (typeof header === "number") return `${columnLetter(header)}${r}`;
    // the table's header: from the nearest row above headed มิติ (or Part 2's โครงการ/กิจกรรม/มาตรการ) down
    let top = r - 1;
    while (top >= 1 && !/^(มิติ|โครงการ\/กิจกรรม\/มาตรการ)$/.test(textIn(spec, top, 1))) top--;
    for (let h = Math.max(1, top); h < r; h++) {
      const c = (spec.rows[h - 1] ?? []).findIndex((v) => v === header);
      if (c >= 0) return `${columnLetter(c + 1)}${r}`;
    }
  }
  return undefined;
}

/**
 * Every figure the report states in more than one place: [figure, sheet, total row label, column header].
 * สรุป e-PlanNACC's (1)/(2) count budgeted / in-ordinance items only and say so in their headings; the
 * figures below are the ones every sheet must agree on.
 */
const TOTAL = /^รวม( ๔ มิติ| 4 มิติ|ทั้งสิ้น)?$/;
const FIGURES: readonly [string, string, RegExp, string | number][] = [
  ["items", "ส่วนที่3 บทสรุป", TOTAL, 3],
  ["items", "สรุปภาพรวม", TOTAL, "รวม"],
  ["done", "ส่วนที่3 บทสรุป", TOTAL, "ดำเนินการแล้วเสร็จ"],
  ["done", "สรุป e-PlanNACC", TOTAL, "ดำเนินการแล้วเสร็จ"],
  ["done", "สรุปภาพรวม", TOTAL, "ดำเนินการแล้วเสร็จ"],
  ["inProgress", "ส่วนที่3 บทสรุป", TOTAL, "อยู่ระหว่างดำเนินการ"],
  ["inProgress", "สรุป e-PlanNACC", TOTAL, "อยู่ระหว่างดำเนินการ"],
  ["inProgress", "สรุปภาพรวม", TOTAL, "อยู่ระหว่างดำเนินการ"],
  ["% done (ผลการนำแผนไปปฏิบัติ)", "ส่วนที่3 บทสรุป", TOTAL, "ผลการนำแผนไปปฏิบัติ (ร้อยละ)"],
  ["% done (ผลการนำแผนไปปฏิบัติ)", "สรุป e-PlanNACC", TOTAL, "ผลการนำแผนไปปฏิบัติ (ร้อยละ)"],
  ["% done (ผลการนำแผนไปปฏิบัติ)", "สรุปภาพรวม", TOTAL, "ผลการนำแผนไปปฏิบัติ (ร้อยละ)"],
  ["planned", "ส่วนที่3 บทสรุป", TOTAL, 7],
  ["planned", "สรุป e-PlanNACC", TOTAL, "ตามแผนพัฒนาท้องถิ่น (บาท)"],
  ["planned", "สรุปภาพรวม", TOTAL, "งบประมาณตามแผนพัฒนาท้องถิ่น (บาท)"],
  ["ordinance", "ส่วนที่3 บทสรุป", TOTAL, 8],
  ["ordinance", "สรุป e-PlanNACC", TOTAL, "ตามข้อบัญญัติ/เทศบัญญัติ (บาท)"],
  ["ordinance", "สรุปภาพรวม", TOTAL, "งบประมาณตามข้อบัญญัติ/เทศบัญญัติ (บาท)"],
  ["disbursed", "ส่วนที่2 ผลการดำเนินงาน", /^รวมทั้งสิ้น \(/, "ผลการเบิกจ่าย"],
  ["disbursed", "ส่วนที่3 บทสรุป", TOTAL, "เบิกจ่าย"],
  ["disbursed", "สรุป e-PlanNACC", TOTAL, "เบิกจ่ายจริง (บาท)"],
  ["disbursed", "สรุปภาพรวม", TOTAL, "เบิกจ่ายจริง (บาท)"],
];

describe("one set of figures: each figure is the same on every sheet that states it, after LibreOffice recalculates", () => {
  it.each(REPORT_CASES.map((c) => c.name))("%s", async (name) => {
    const p = prepared.find((x) => x.name === name) as Prepared;
    const bytes = recalculated.get(name) as Buffer;
    const table: { figure: string; sheet: string; cell: string; value: string | number }[] = [];
    for (const [figure, sheet, total, header] of FIGURES) {
      const spec = p.sheets.find((x) => x.name === sheet);
      expect([figure, sheet, spec !== undefined]).toEqual([figure, sheet, true]);
      const cell = cellOf(spec as SheetSpec, total, header);
      expect([figure, sheet, cell !== undefined]).toEqual([figure, sheet, true]);
      const value = (await formulaResults(bytes, sheet)).get(cell as string) ?? MISSING;
      table.push({ figure, sheet, cell: cell as string, value });
    }
    console.info(`figures of ${name}:\n${table.map((t) => `  ${t.figure.padEnd(32)} ${t.sheet.padEnd(26)} ${t.cell.padEnd(6)} ${t.value}`).join("\n")}`);
    for (const figure of new Set(table.map((t) => t.figure))) {
      const rows = table.filter((t) => t.figure === figure);
      expect(rows.map((t) => `${t.sheet}!${t.cell} = ${t.value}`)).toEqual(rows.map((t) => `${t.sheet}!${t.cell} = ${rows[0]?.value}`));
      expect(typeof rows[0]?.value).toBe("number");
    }
  });
});

/**
 * Pages per sheet, read from the rendered PDF (pdfinfo's count): official density (issue 13) — the most each
 * sheet may take for these cases. Before issue 13: sample Part 1 7 pages, annual list 8; seed 001 11 and 14.
 * Then (one paging module, rows flowing where no group must stay together, the e-PlanNACC item block's
 * columns widened): sample สรุป e-PlanNACC 11 → 7 pages, seed 001's Part 1 8 → 7 and annual list 7 → 6. Then
 * (pages counted at Excel's scale, balanced pages, Part 1's and Part 2's item rows in 14 pt, the risk sheet's maps
 * above its table): sample Part 1 4 → 3, Part 2 18 → 14, annual list 4 → 3, risk sheet 3 → 2; seed 001's Part 2
 * 46 → 37 (its own report: 25, pages 10–34, L74–81, with every item's indicator and target ours prints in full);
 * สรุป e-PlanNACC 7 → 8 (its pages are planned at Excel's scale, 60 % where LibreOffice prints at 57 %, so they
 * are no longer fuller than Excel's would be); then (its item rows in 14 pt, amount columns wide enough for Thai
 * digits, which are a quarter wider than Arabic ones and wrapped "๒๐,๐๐๐.๐|๐") sample 8 → 7, seed 001 12 → 10, and
 * with Thai digits measured at their width the sample's Part 2 14 → 13, seed 001's Part 1 6 → 5, Part 2 37 → 35,
 * annual list 6 → 5; then (Part 2's table header in the rows' 14 pt, its budget columns wide enough for
 * ผลการเบิกจ่าย on one line: the header, under every group and on every page, was 89 pt where 56 do) seed 001's
 * Part 2 35 → 32, the sample's 13 → 12; then (its amount columns sized in the rows' 14 pt, totals included,
 * a character narrower each, and the text columns given the rest of the page's width at the scale the table
 * prints at — 71 % where it was 70 %) seed 001's Part 2 32 → 31; then (the table kept at the 70 % it printed
 * at, the text columns taking the page's width at it: 155 characters where they had 150) seed 001's Part 2
 * 31 → 30, the sample's 12 → 11 (seed 001's own report: 25 pages for its 66 rows — 65 items and L443's code in
 * no plan item — 2.6 a page; ours 30 for all 80 items and that row, 2.7 a page). Rendered with Carlito (fonts-crosextra-carlito, Calibri's
 * metrics) so that LibreOffice draws columns nearly as wide as Excel does. The memo, title and contents one page each.
 */
const MAX_PAGES: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  "sample-fy2567-r6": {
    "บันทึกข้อความ": 1, "ปก": 1, "คำนำ": 1, "สารบัญ": 1, "ส่วนที่1 แผน": 3, "ส่วนที่2 ผลการดำเนินงาน": 11, "ส่วนที่3 บทสรุป": 5,
    "การประเมินความเสี่ยง": 2, "แผนรายปี e-PlanNACC": 3, "สรุป e-PlanNACC": 7, "สรุปภาพรวม": 2,
  },
  "seed001-fy2564-r12": {
    "บันทึกข้อความ": 1, "ปก": 1, "คำนำ": 1, "สารบัญ": 1, "ส่วนที่1 แผน": 5, "ส่วนที่2 ผลการดำเนินงาน": 30, "แผนรายปี e-PlanNACC": 5, "สรุป e-PlanNACC": 10,
  },
};

interface Word {
  readonly x: number;
  readonly y: number;
  readonly text: string;
}

/** Each page's words with their position (pdftotext -bbox), in reading order. */
function pdfWords(pdf: string): Word[][] {
  const xml = execFileSync("pdftotext", ["-bbox", pdf, "-"], { encoding: "utf8" });
  return xml.split("<page ").slice(1).map((page) => [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)<\/word>/g)]
    .map((m) => ({ x: Number(m[1]), y: Number(m[2]), text: m[3] as string })));
}

/**
 * Item rows on a printed page, counted from its words: Part 1's items start with their code (๑.๑.๑, or seed 001's
 * ๑.๑ (๑)) at the left of the name column — the codes furthest right, mission labels sit left of them; the
 * annual list's with their number in the ลำดับ column (not the legend's "มิติ ๑"); Part 2's with their number (๑).
 */
const ITEMS_ON: Readonly<Record<string, (words: readonly Word[]) => number>> = {
  "ส่วนที่1 แผน": (words) => {
    const codes = words.filter((w) => /^[๐-๙0-9]+(\.[๐-๙0-9]+)+$/.test(w.text));
    const right = Math.max(...codes.map((w) => w.x));
    return codes.filter((w) => Math.abs(w.x - right) < 2).length;
  },
  "แผนรายปี e-PlanNACC": (words) => words.filter((w, i) => w.x < 70 && /^[๐-๙0-9]+$/.test(w.text) && words[i - 1]?.text !== "มิติ").length,
  "ส่วนที่2 ผลการดำเนินงาน": (words) => words.filter((w) => w.x < 80 && /^\([๐-๙0-9]+\)$/.test(w.text)).length,
};

/**
 * Issue 13's density, per case and sheet: at least `page` item rows on every page but the last (on average
 * `mean` where given), at least `last` on the last page, which also holds the words `lastHolds` (the totals,
 * the legend: never alone on a page of their own). Before: sample Part 1 11/15/10/3 item rows, the annual list
 * 13/15/11 and its legend alone on a fourth page, Part 2's grand total alone on a page.
 */
const DENSITY: Readonly<Record<string, Readonly<Record<string, { page: number; mean?: number; last: number; lastHolds?: string }>>>> = {
  "sample-fy2567-r6": {
    "ส่วนที่1 แผน": { page: 12, last: 4, lastHolds: "รวมทั้งสิ้น" },
    "แผนรายปี e-PlanNACC": { page: 14, last: 2, lastHolds: "คำอธิบาย" },
    "ส่วนที่2 ผลการดำเนินงาน": { page: 1, last: 1, lastHolds: "รวมทั้งสิ้น" },
  },
  // a second plan, not the one the layout was tuned on: 80 items, long names and mission labels
  "seed001-fy2564-r12": {
    "ส่วนที่1 แผน": { page: 10, mean: 12, last: 4, lastHolds: "รวมทั้งสิ้น" },
    "แผนรายปี e-PlanNACC": { page: 14, last: 2, lastHolds: "คำอธิบาย" },
    // after the grand total, the round's rows whose code is in no plan item, with their own total (M1)
    "ส่วนที่2 ผลการดำเนินงาน": { page: 1, last: 1, lastHolds: "รวมรายการที่ไม่พบในแผน" },
  },
};

/** A word of an amount cut after its first decimal (money always prints two), or Excel's "###" for a number too wide. */
const CUT_AMOUNT = /^[๐-๙0-9]{1,3}(,[๐-๙0-9]{3})+\.[๐-๙0-9]$|^[๐-๙0-9]{3,}\.[๐-๙0-9]$|^#{3,}$/;

describe("every report sheet printed alone (PDF, PNG)", () => {
  it("renders each sheet on A4 in its orientation", async () => {
    const files: { file: string; spec: SheetSpec; case: string }[] = [];
    for (const p of prepared) {
      for (const spec of p.sheets.filter((x) => ONLY.length === 0 || ONLY.includes(x.name))) {
        // hidden in the file's XML: a round trip through exceljs would drop the print areas and page breaks
        const file = join(WORK, "print", p.name, `${spec.name.replace(/[\s/]+/g, "_")}.xlsx`);
        mkdirSync(join(WORK, "print", p.name), { recursive: true });
        writeFileSync(file, await showOnly(p.bytes, spec.name));
        files.push({ file, spec, case: p.name });
      }
    }
    const problems: string[] = [];
    for (const caseName of new Set(files.map((f) => f.case))) {
      const mine = files.filter((f) => f.case === caseName);
      const pdfs = convert(mine.map((f) => f.file), "pdf", join(WORK, "pdf", caseName));
      mkdirSync(join(PNGS, caseName), { recursive: true });
      pdfs.forEach((pdf, i) => {
        const { spec } = mine[i] as (typeof mine)[number];
        const bytes = readFileSync(pdf);
        const pages = pdfPages(bytes);
        const landscape = spec.print?.orientation === "landscape";
        const box = landscape ? /\/MediaBox\s*\[\s*0 0 841\.\d+ 595\.\d+\s*\]/ : /\/MediaBox\s*\[\s*0 0 595\.\d+ 841\.\d+\s*\]/;
        if (pages < 1) problems.push(`${caseName}/${spec.name}: no page`);
        if (!box.test(bytes.toString("latin1"))) problems.push(`${caseName}/${spec.name}: not A4 ${landscape ? "landscape" : "portrait"}`);
        const pngs = pdfToPngs(pdf, join(PNGS, caseName, spec.name.replace(/[\s/]+/g, "_")));
        const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
        const counted = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
        console.info(`rendered ${caseName}/${spec.name}: ${counted} page(s)`);
        if (counted !== pages) problems.push(`${caseName}/${spec.name}: pdfinfo says ${counted} pages, the page tree ${pages}`);
        const most = MAX_PAGES[caseName]?.[spec.name];
        if (most !== undefined && counted > most) problems.push(`${caseName}/${spec.name}: ${counted} pages, at most ${most}`);
        const words = pdfWords(pdf);
        const count = ITEMS_ON[spec.name];
        const perPage = count ? words.map(count) : [];
        if (perPage.length > 0) console.info(`item rows per page ${caseName}/${spec.name}: ${perPage.join(", ")}`);
        const want = DENSITY[caseName]?.[spec.name];
        if (want !== undefined) {
          const notLast = perPage.slice(0, -1);
          const thin = notLast.filter((n) => n < want.page);
          if (thin.length > 0) problems.push(`${caseName}/${spec.name}: a page but the last with fewer than ${want.page} item rows (${perPage.join(", ")})`);
          const mean = notLast.reduce((x, n) => x + n, 0) / Math.max(1, notLast.length);
          if (want.mean !== undefined && mean < want.mean) problems.push(`${caseName}/${spec.name}: ${mean.toFixed(1)} item rows a page before the last, at least ${want.mean} (${perPage.join(", ")})`);
          if ((perPage[perPage.length - 1] ?? 0) < want.last) problems.push(`${caseName}/${spec.name}: ${perPage[perPage.length - 1]} item rows on the last page, at least ${want.last} (${perPage.join(", ")})`);
          // pdftotext cuts words at some combining marks (รวมทั้งสิ้น comes out as รวมทั้งสิ · ้ · น): compared without them
          const bare = (t: string) => t.replace(/[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e\s]/g, "");
          const lastText = bare((words[words.length - 1] ?? []).map((w) => w.text).join(""));
          if (want.lastHolds !== undefined && !lastText.includes(bare(want.lastHolds))) problems.push(`${caseName}/${spec.name}: "${want.lastHolds}" not on the last page, with its last rows`);
        }
        // money is never cut: an amount wrapped over two lines leaves a word with one decimal ("๒๐,๐๐๐.๐" | "๐",
        // as the e-PlanNACC item block printed 20,000.00 in Thai digits in a column sized for Arabic ones), and a
        // number too wide for its column prints "###"
        for (const [p, page] of words.entries()) {
          for (const w of page) {
            if (CUT_AMOUNT.test(w.text)) problems.push(`${caseName}/${spec.name}: page ${p + 1} prints an amount cut or too wide for its column: "${w.text}"`);
          }
        }
        // the risk sheet: its heat maps print below the title, never under the table's repeated header
        if (spec.name === "การประเมินความเสี่ยง") {
          for (const [p, page] of words.entries()) {
            const map = page.find((w) => w.text.startsWith("แผนภูมิความเสี่ยง"));
            const header = page.find((w) => w.text === "ลำดับที่" || w.text.startsWith("ลำดั"));
            if (map && header && header.y < map.y) problems.push(`${caseName}/${spec.name}: page ${p + 1} prints the table's header above the heat maps`);
          }
        }
        if (pngs.length !== pages) problems.push(`${caseName}/${spec.name}: ${pngs.length} PNGs for ${pages} pages`);
      });
    }
    expect(problems).toEqual([]);
  }, 300_000);
});
