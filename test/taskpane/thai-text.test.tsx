/**
 * @jest-environment jsdom
 */
/**
 * Thai on screen (issue 16): where a line may break (Intl.Segmenter corrected by the product glossary),
 * the <wbr> rendering that copies as plain text, and the digits preference applied by one formatter to
 * codes, dates and findings' messages — never to cell addresses, rule ids or the values found in cells.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { cleanup, render, screen, waitFor, within } from "@testing-library/react";
import { officeSession } from "../../src/hosts/office/office-session";
import { READER_RULES, RULES } from "../../src/domain/validation";
import { msg } from "../../src/domain/messages";
import { displayDigits } from "../../src/domain/thai";
import { PRODUCT_WORDS, thaiBreaker, thaiBreaks } from "../../src/domain/thai-break";
import { CATALOGUE } from "../../src/taskpane/i18n";
import { ChecksPage } from "../../src/taskpane/pages/ChecksPage";
import { type Prefs, PrefsProvider, usePrefs } from "../../src/taskpane/prefs";
import { ThaiText } from "../../src/taskpane/ThaiText";
import { sampleExcel } from "../support/taskpane";

afterEach(cleanup);

/** Whether a break falls strictly inside an occurrence of `word` in the text the pieces make. */
function cutInside(pieces: readonly string[], word: string): boolean {
  const text = pieces.join("");
  const breaks = new Set<number>();
  let at = 0;
  for (const p of pieces.slice(0, -1)) breaks.add((at += p.length));
  for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
    for (let k = i + 1; k < i + word.length; k++) if (breaks.has(k)) return true;
  }
  return false;
}

/**
 * The measurement (Node 20's ICU 78, as Debian's Chromium): the product's words that Intl.Segmenter cuts,
 * each in a sentence the pane shows. The first six are cut inside a syllable; the rest are compounds
 * the issue names ("ยังไม่ดำเนิน|การ") or that the pane repeats on every page.
 */
const MEASURED: readonly (readonly [word: string, sentence: string])[] = [
  ["ผลกระทบ", CATALOGUE.th.notBuiltBody],
  ["เมทริกซ์", CATALOGUE.th.matrixFromSheet],
  ["ธรรมาภิบาล", "โครงการพัฒนาคุณภาพการให้บริการประชาชนตามหลักธรรมาภิบาล"],
  ["อารบิก", CATALOGUE.th.digitsArabic],
  ["บูรณาการ", "งบบูรณาการ"],
  ["หนึ่ง", msg.emptyPlan("แผนปฏิบัติการ", 2).th],
  ["ดำเนินการ", CATALOGUE.th.roundNotStarted],
  ["งบประมาณ", msg.noBudgetColumns("แผนปฏิบัติการ").th],
  ["แผ่นงาน", msg.missingSheet("ผลรายเดือน", "Monthly").th],
  ["ตรวจสอบ", CATALOGUE.th.pageCheck],
  ["ปฏิบัติการ", CATALOGUE.th.tagline],
  ["ผิดพลาด", "แก้ข้อผิดพลาดแล้วสร้างใหม่ก่อนส่ง"],
  ["ถูกต้อง", "รายการด้านล่างยังไม่ถูกต้อง"],
];

describe("where Thai may break", () => {
  it.each(MEASURED)("%s comes out whole (ICU alone cuts it)", (word, sentence) => {
    expect(sentence).toContain(word);
    expect(cutInside(thaiBreaks.pieces(sentence), word)).toBe(false);
    expect(thaiBreaks.pieces(sentence).join("")).toBe(sentence);
  });

  it("the glossary is what keeps them whole: without it the same segmenter cuts them", () => {
    const bare = thaiBreaker([]);
    const cut = MEASURED.filter(([word, sentence]) => cutInside(bare.pieces(sentence), word)).map(([w]) => w);
    // the measurement, not a guess: every measured word is cut by this ICU without the glossary
    expect(cut).toEqual(MEASURED.map(([w]) => w));
  });

  it("no glossary word is cut anywhere in the pane's catalogue, the rules' titles or the reader's messages", () => {
    const texts = [
      ...Object.values(CATALOGUE.th),
      ...[...READER_RULES, ...RULES].map((r) => r.title.th),
      msg.typedFormula("ผลการดำเนินงาน", "=SUM(G2:G9)", "0").th,
      msg.expectAmount().th,
    ];
    const cuts = texts.flatMap((t) => PRODUCT_WORDS.filter((w) => cutInside(thaiBreaks.pieces(t), w)).map((w) => `${w} in ${t}`));
    expect(cuts).toEqual([]);
  });

  it("repairs a segmenter that cuts every letter: glossary words whole, breaks at their ends, never before a vowel or mark", () => {
    const everyLetter = { segment: (text: string) => [...text].map((_, index) => ({ index })) };
    const b = thaiBreaker(["ผลกระทบ", "ดำเนินการ"], everyLetter);
    const pieces = b.pieces("ยังไม่ดำเนินการมีผลกระทบ");
    expect(pieces.join("")).toBe("ยังไม่ดำเนินการมีผลกระทบ");
    expect(pieces).toContain("ดำเนินการ");
    expect(pieces).toContain("ผลกระทบ");
    // the rest stays cut where a line may break: not before ั ่ ิ ำ (they belong to the letter before)
    const startsOnMark = (p: string) => { const c = p.charCodeAt(0); return (c >= 0x0e30 && c <= 0x0e3a) || c === 0x0e45 || (c >= 0x0e47 && c <= 0x0e4e); };
    expect(pieces.filter(startsOnMark)).toEqual([]);
    expect(pieces.slice(0, 3)).toEqual(["ยั", "ง", "ไม่"]);
  });

  it("marks no break next to spaces, punctuation or Latin-only text, and leaves text without Thai whole", () => {
    expect(thaiBreaks.pieces("Sheet A38 (1,250.50)")).toEqual(["Sheet A38 (1,250.50)"]);
    const pieces = thaiBreaks.pieces('แผ่นงาน "ผลรายเดือน" (A38)');
    expect(pieces.join("")).toBe('แผ่นงาน "ผลรายเดือน" (A38)');
    for (const p of pieces.slice(1)) expect(p).not.toMatch(/^[\s")(]/);
  });

  it("renders each Thai word unbreakable with <wbr> between words, spaces left to wrap, and copies as the plain text", () => {
    const text = CATALOGUE.th.notBuiltBody;
    const { container } = render(<FluentProvider theme={webLightTheme}><p><ThaiText text={text} /></p></FluentProvider>);
    const span = container.querySelector("[data-thai-wrap]") as HTMLElement;
    expect(span).not.toBeNull();
    expect(span.querySelectorAll("wbr").length).toBe(thaiBreaks.pieces(text).length - 1);
    expect(span.textContent).toBe(text); // no zero-width characters to carry into a copy
    expect(text).not.toMatch(/\u200b/);
    // every word its own nowrap span (Chromium's keep-all does not stop its dictionary breaks in Thai); ผลกระทบ whole
    const words = [...span.querySelectorAll<HTMLElement>("[data-thai-word]")];
    expect(words.map((w) => w.textContent)).toEqual(thaiBreaks.pieces(text).flatMap((p) => p.split(/\s+/)).filter((w) => w !== ""));
    expect(words.map((w) => getComputedStyle(w).whiteSpace)).toEqual(words.map(() => "nowrap"));
    expect(span.lastChild?.textContent).toBe("ผลกระทบ");
  });
});

function Formatted({ code, date, message }: { code: string; date: Date; message: string }) {
  const { code: c, date: d, text } = usePrefs();
  return (
    <ul>
      <li data-testid="code">{c(code)}</li>
      <li data-testid="date">{d(date)}</li>
      <li data-testid="message">{text(message)}</li>
    </ul>
  );
}

const withPrefs = (prefs: Prefs, node: React.ReactNode) =>
  render(<FluentProvider theme={webLightTheme}><PrefsProvider initial={prefs}>{node}</PrefsProvider></FluentProvider>);

describe("the digits preference", () => {
  const sample = { code: "1.1.1", date: new Date(Date.UTC(2024, 0, 15)), message: msg.typedFormula("งบประมาณ ปี 2566", "=SUM($G$2:G9)", "20000").th };

  it("Thai digits: a code, a BE date and the numbers of a message, but not the cells of a formula", () => {
    withPrefs({ lang: "th", digits: "thai" }, <Formatted {...sample} />);
    expect(screen.getByTestId("code").textContent).toBe("๑.๑.๑");
    expect(screen.getByTestId("date").textContent).toBe("๑๕ มกราคม ๒๕๖๗");
    expect(screen.getByTestId("message").textContent).toBe('"งบประมาณ ปี ๒๕๖๖" เป็นสูตร =SUM($G$2:G9) (ได้ค่า "๒๐๐๐๐") แทนค่าที่พิมพ์ — พิมพ์ค่าเอง หรือถ้าตั้งใจใช้สูตร ให้ตรวจว่าค่าที่ได้ถูกต้อง');
  });

  it("Arabic digits: everything as written", () => {
    withPrefs({ lang: "th", digits: "arabic" }, <Formatted {...sample} />);
    expect(screen.getByTestId("code").textContent).toBe("1.1.1");
    expect(screen.getByTestId("date").textContent).toBe("15 มกราคม 2567");
    expect(screen.getByTestId("message").textContent).toBe(sample.message);
  });

  it("keeps cells and rule ids in Arabic digits", () => {
    expect(displayDigits("M10 ที่ แผนปฏิบัติการ!A38 แถว 38, รหัส 2.2.1(1)", "thai")).toBe("M10 ที่ แผนปฏิบัติการ!A38 แถว ๓๘, รหัส ๒.๒.๑(๑)");
  });

  it("on the checks page: the finding's message and expected value in Thai digits, its cell and the value found as the cell has them", async () => {
    const excel = await sampleExcel();
    excel.setCell("แผนปฏิบัติการ", "A4", { value: "1.1.1" }); // A2's code again → P7 at A4
    withPrefs({ lang: "th", digits: "thai" }, <ChecksPage session={officeSession(excel.run, excel.supports)} />);
    const page = await screen.findByTestId("checks");
    await waitFor(() => expect(page.getAttribute("data-ready")).toBe("true"), { timeout: 10_000 });
    const p7 = page.querySelector('[data-testid="finding"][data-rule="P7"]') as HTMLElement;
    expect(p7.textContent).toContain("รหัส ๑.๑.๑ ซ้ำกับแถว ๒");
    expect(within(p7).getByTestId("finding-go").textContent).toBe("A4");
    expect(p7.textContent).toContain("ค่าที่พบ1.1.1"); // what the cell holds, quoted as typed
    expect(within(page).getByTestId("check-summary").textContent).toMatch(/^พบ [๐-๙]+ รายการ/);
  });
});
