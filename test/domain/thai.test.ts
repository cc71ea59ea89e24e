import fc from "fast-check";
import { fiscalMonthIndex, fiscalYearOf, fiscalYearRange, parseMonth, readBEYear, toBE, toCE, fromExcelSerial, toExcelSerial } from "../../src/domain/calendar";
import { kindOfName, stripNumbering } from "../../src/domain/kinds";
import { formatAmount, parseAmount, toArabicDigits, toThaiDigits } from "../../src/domain/thai";

describe("Thai digits", () => {
  it("convert both ways", () => {
    expect(toArabicDigits("๒๐,๐๐๐ บาท")).toBe("20,000 บาท");
    expect(toThaiDigits("ปี 2566")).toBe("ปี ๒๕๖๖");
  });
  /** Text as officers type it: Thai letters and digits, Arabic digits, punctuation, Latin (fc.string() alone never makes a Thai digit). */
  const thaiText = fc.string({ unit: fc.oneof(fc.constantFrom(..."๐๑๒๓๔๕๖๗๘๙0123456789กขคมยรลวสหอะาิีึืุูเแโใไ่้๊๋็์ ,.-/()"), fc.string({ minLength: 1, maxLength: 1 })), maxLength: 40 });

  it("round-trip any text, Thai digits included", () => {
    let thaiDigits = 0;
    fc.assert(fc.property(thaiText, (s) => {
      if (/[๐-๙]/.test(s)) thaiDigits++;
      // toArabic leaves no Thai digit; toThai leaves no Arabic one; and each undoes the other
      const arabic = toArabicDigits(s);
      expect(arabic).not.toMatch(/[๐-๙]/);
      expect(toThaiDigits(arabic)).not.toMatch(/[0-9]/);
      expect(toArabicDigits(toThaiDigits(arabic))).toBe(arabic);
      expect(toThaiDigits(toArabicDigits(toThaiDigits(s)))).toBe(toThaiDigits(s));
    }), { numRuns: 500 });
    expect(thaiDigits).toBeGreaterThan(100);
  });
});

describe("amounts as officers type them", () => {
  it.each([
    ["๒๐,๐๐๐", 20000], ["20,000 บาท", 20000], ["120,000 บาท", 120000], ["1,250.50", 1250.5], ["จำนวน 5,000 บาท", 5000], [" 300 ", 300],
  ])("%s → %d", (text, value) => {
    expect(parseAmount(text)).toEqual({ kind: "amount", value });
  });
  it.each(["-", "–", "", "จำนวน - บาท", "ไม่มี"])("%j is nil", (text) => {
    expect(parseAmount(text)).toEqual({ kind: "nil" });
  });
  it.each(["สองหมื่น", "20,00", "1.2.3", "abc"])("%j is invalid, never a guess", (text) => {
    expect(parseAmount(text).kind).toBe("invalid");
  });
  it("reads back every amount it formats, in either digit style", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_00 }), fc.boolean(), (satang, thai) => {
        const value = satang / 100;
        const p = parseAmount(formatAmount(value, thai ? "thai" : "arabic"));
        return p.kind === "amount" && Math.abs(p.value - value) < 0.005;
      }),
    );
  });
});

describe("fiscal calendar", () => {
  it("FY2567 runs 1 Oct 2023 to 30 Sep 2024", () => {
    const { start, end } = fiscalYearRange(2567 as never);
    expect(start.toISOString().slice(0, 10)).toBe("2023-10-01");
    expect(end.toISOString().slice(0, 10)).toBe("2024-09-30");
    expect(fiscalYearOf(new Date(Date.UTC(2023, 9, 1)))).toBe(2567);
    expect(fiscalYearOf(new Date(Date.UTC(2023, 8, 30)))).toBe(2566);
  });
  it("BE and CE", () => {
    expect(toBE(2023)).toBe(2566);
    expect(toCE(2566)).toBe(2023);
    expect(readBEYear("2023")).toEqual({ kind: "ce", typed: 2023, suggested: 2566 });
    expect(readBEYear("๒๕๖๖")).toEqual({ kind: "be", year: 2566 });
    expect(readBEYear("ปี 2570")).toEqual({ kind: "be", year: 2570 });
    expect(readBEYear("66").kind).toBe("invalid");
  });
  it("months in fiscal order and as users write them", () => {
    expect(fiscalMonthIndex(10)).toBe(1);
    expect(fiscalMonthIndex(9)).toBe(12);
    for (const t of ["ต.ค.", "ตค", "ตุลาคม", "Oct", "10", "๑๐", "october"]) expect(parseMonth(t)).toBe(10);
    expect(parseMonth("13")).toBeUndefined();
  });
  it("Excel serials", () => {
    expect(toExcelSerial(new Date(Date.UTC(2023, 9, 1)))).toBe(45200);
    expect(fromExcelSerial(45200).toISOString().slice(0, 10)).toBe("2023-10-01");
  });
});

describe("the kind word at the start of a name", () => {
  it.each([
    ["๑.๑.๒ มาตรการส่งเสริมการปฏิบัติงาน", "measure"],
    ["1) โครงการประกวดคำขวัญ", "project"],
    ["๒.๒.๑ (๑) กิจกรรมพ่อ แม่ดีเด่น", "activity"],
    ["มาตรการ “ส่งเสริมการปฏิบัติงาน”", "measure"],
    ["แนวปฏิบัติงานการรับเรื่องร้องเรียน", "guideline"],
  ])("%s → %s", (name, kind) => {
    expect(kindOfName(name)).toBe(kind);
  });
  it("no kind word → undefined", () => {
    expect(kindOfName("การประชุมประชาคม")).toBeUndefined();
  });
  it("strips numbering", () => {
    expect(stripNumbering("๕. โครงการ ก")).toBe("โครงการ ก");
    expect(stripNumbering("(2) กิจกรรม ข")).toBe("กิจกรรม ข");
  });
});
