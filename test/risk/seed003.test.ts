/**
 * Seed 003's published risk table (L61–67, test/fixtures/seed-003/risk-table.json) reproduced: a register
 * of its six issues, scored on the default 5 × 5 so that they carry the seed's level words, controls given
 * as the codes of the plan items the seed names (plan-table.json), generated into the การประเมินความเสี่ยง
 * sheet and read back from the workbook: same processes, issues, level words and control names.
 */
import { generateRiskReport, RISK_REPORT_SHEET } from "../../src/app/risks";
import { checkRead } from "../../src/app/validate";
import { PRESETS, type RiskMatrix, score } from "../../src/domain/risk/matrix";
import { toArabicDigits } from "../../src/domain/thai";
import { XlsxWorkbook } from "../../src/hosts/xlsx/xlsx-workbook";
import { cellText } from "../../src/workbook/cells";
import { readPlanWorkbook } from "../../src/workbook/read";
import { describeWorkbook } from "../../src/workbook/write";
import { CELL, seed003Model as model, table } from "../support/seed003-risks";

it("the fixture's level words are the 5 × 5 levels of the cells given to them", () => {
  const m = PRESETS["5x5"] as RiskMatrix;
  for (const [word, [l, i]] of Object.entries(CELL)) expect(score(m, l, i)?.level.name.th).toBe(word);
  expect(table.rows.flatMap((r) => r.issues)).toHaveLength(6);
  // the printed words: one per issue in row 2 ("สูง ปาน กลาง"), one for all the issues in rows 1 and 3
  for (const r of table.rows) expect([...new Set(r.issues.map((x) => x.level))]).toEqual(r.riskScore);
});

it("the generated sheet shows seed 003's processes, issues, level words and control names", async () => {
  const book = XlsxWorkbook.empty();
  await book.writeSheets(describeWorkbook(model(), { createdAt: new Date(0) }), "refuse");
  // the register holds codes: every one is a plan item, and no high risk lacks one (no R3/R4/R7)
  const before = readPlanWorkbook(await book.readGrids());
  expect(checkRead(before).findings.filter((f) => ["R3", "R4", "R7", "R8"].includes(f.rule))).toEqual([]);

  await generateRiskReport(book);
  const reopened = await XlsxWorkbook.open(await book.toBytes());
  const grid = (await reopened.readGrids()).sheets.find((s) => s.name === RISK_REPORT_SHEET);
  expect(grid).toBeDefined();
  const rows = grid?.rows ?? [];
  const text = (r: number, c: string) => cellText(rows[r]?.[c.charCodeAt(0) - 65] ?? null);
  const stripNumber = (s: string) => s.replace(/^[0-9๐-๙]+\.\s*/, "");

  // the table starts below its two header rows (under the heat maps, found by the issue column's header);
  // a group's number, process and controls are in its first row
  const header = rows.findIndex((_, r) => text(r, "E") === "ประเด็นความเสี่ยงการทุจริต");
  expect(header).toBeGreaterThan(0);
  const printed: { no: number; process: string; issues: { text: string; level: string }[]; controls: string[] }[] = [];
  for (let r = header + 2; r < rows.length; r++) {
    const issue = text(r, "E");
    if (issue === "") break;
    if (text(r, "A") !== "") {
      printed.push({ no: Number(toArabicDigits(text(r, "A"))), process: text(r, "B"), issues: [], controls: text(r, "P").split("\n").map(stripNumber) });
    }
    printed.at(-1)?.issues.push({ text: stripNumber(issue), level: text(r, "J") });
  }
  expect(printed).toEqual(table.rows.map((row) => ({
    no: row.no,
    process: row.process,
    issues: row.issues.map((x) => ({ text: x.text, level: x.level })),
    controls: row.controls.map((c) => c.planName),
  })));
  // the Risk Score column reads as the seed prints it: "สูง ปานกลาง" for row 2
  expect(printed.map((g) => [...new Set(g.issues.map((x) => x.level))].join(" "))).toEqual(["ปานกลาง", "สูง ปานกลาง", "ปานกลาง"]);
});
