/**
 * The .xlsx package as a zip, read from its central directory without unpacking anything (issue 15):
 * - what the file is (an .xlsx, an .xlsm, an .ods, a .docx renamed, an old .xls, an encrypted workbook);
 * - hostile sizes refused before exceljs unpacks (declared sizes here, actual sizes with `checkActualSizes`);
 * - the parts exceljs would not write back, so that an in-place write refuses instead of dropping them.
 * Pure (no Node I/O): the browser shares it; the CLI passes zlib's inflate for the actual sizes.
 */

/** Limits well above any real plan (a 2,000-item plan with 24,000 monthly rows is ~15 MB unpacked, ~600,000 cells). */
export const PACKAGE_LIMITS = {
  /** entries in the zip */
  entries: 10_000,
  /** unpacked bytes of one entry */
  entryBytes: 256 * 1024 * 1024,
  /** unpacked bytes of the whole package */
  totalBytes: 512 * 1024 * 1024,
  /** cells (`<c` elements) over all worksheets: twice the largest plan benchmarked (2,000 items × 24,000 monthly rows) */
  cells: 1_000_000,
  /** characters in one shared string or inline string (Excel's own limit is 32,767) */
  cellText: 32_767,
} as const;

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  /** offset of the local header */
  offset: number;
}

export class PackageError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = "PackageError";
  }
}

const u16 = (b: Uint8Array, o: number) => (b[o] ?? 0) | ((b[o + 1] ?? 0) << 8);
const u32 = (b: Uint8Array, o: number) => (u16(b, o) + u16(b, o + 2) * 0x10000);
/** UTF-8 text (TextDecoder where there is one; jsdom test environments have none). */
const utf8 = {
  decode(b: Uint8Array): string {
    if (typeof TextDecoder !== "undefined") return new TextDecoder("utf-8").decode(b);
    let s = "";
    for (let i = 0; i < b.length; i += 0x8000) s += String.fromCharCode(...b.subarray(i, i + 0x8000));
    try { return decodeURIComponent(escape(s)); } catch { return s; }
  },
};

/** The entries of the central directory; a PackageError when there is none or it lies outside the file. */
export function zipEntries(data: Uint8Array): ZipEntry[] {
  const damaged = new PackageError("damaged .xlsx (its zip directory cannot be read) / ไฟล์เสียหาย (อ่านสารบัญของไฟล์ zip ไม่ได้)");
  let eocd = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 0xffff); i--) {
    if (data[i] === 0x50 && data[i + 1] === 0x4b && data[i + 2] === 0x05 && data[i + 3] === 0x06) { eocd = i; break; }
  }
  if (eocd < 0) throw damaged;
  const count = u16(data, eocd + 10);
  const cdOffset = u32(data, eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) throw new PackageError(`zip64 package: more than ${PACKAGE_LIMITS.entries} entries or 4 GB, far above any plan / ไฟล์ใหญ่เกินกว่าแผนใด ๆ`);
  if (count > PACKAGE_LIMITS.entries) throw new PackageError(`${count} parts in the package, above the limit of ${PACKAGE_LIMITS.entries} / ไฟล์มีส่วนประกอบ ${count} ส่วน เกินขีดจำกัด`);
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > data.length || u32(data, p) !== 0x02014b50) throw damaged;
    const nameLen = u16(data, p + 28);
    const extraLen = u16(data, p + 30);
    const commentLen = u16(data, p + 32);
    const entry = {
      method: u16(data, p + 10), compressedSize: u32(data, p + 20), size: u32(data, p + 24),
      name: utf8.decode(data.subarray(p + 46, p + 46 + nameLen)), offset: u32(data, p + 42),
    };
    if (entry.size === 0xffffffff || entry.compressedSize === 0xffffffff) throw new PackageError(`${entry.name}: a part of 4 GB or more, far above any plan / ส่วน ${entry.name} ใหญ่เกินขีดจำกัด`);
    entries.push(entry);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

const MB = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

/** Refuses a package whose declared sizes are above the limits (nothing unpacked). */
export function checkDeclaredSizes(entries: readonly ZipEntry[]): void {
  let total = 0;
  for (const e of entries) {
    if (e.size > PACKAGE_LIMITS.entryBytes) throw new PackageError(`${e.name} unpacks to ${MB(e.size)}, above the limit of ${MB(PACKAGE_LIMITS.entryBytes)} per part — not a plan Sujarit can read / ส่วน ${e.name} มีขนาด ${MB(e.size)} เกินขีดจำกัด ${MB(PACKAGE_LIMITS.entryBytes)}`);
    total += e.size;
  }
  if (total > PACKAGE_LIMITS.totalBytes) throw new PackageError(`the package unpacks to ${MB(total)}, above the limit of ${MB(PACKAGE_LIMITS.totalBytes)} / ไฟล์เมื่อแตกออกมีขนาด ${MB(total)} เกินขีดจำกัด ${MB(PACKAGE_LIMITS.totalBytes)}`);
}

/** Inflates raw deflate data, failing past `max` bytes (zlib's inflateRawSync with maxOutputLength in Node). */
export type BoundedInflate = (data: Uint8Array, max: number) => Uint8Array;

function entryData(data: Uint8Array, e: ZipEntry): Uint8Array {
  if (u32(data, e.offset) !== 0x04034b50) throw new PackageError(`${e.name}: damaged part / ส่วน ${e.name} เสียหาย`);
  const start = e.offset + 30 + u16(data, e.offset + 26) + u16(data, e.offset + 28);
  return data.subarray(start, start + e.compressedSize);
}

/** Unpacks one entry within the limits; the actual size is checked, not only the declared one. */
export function unpack(data: Uint8Array, e: ZipEntry, inflate: BoundedInflate): Uint8Array {
  const raw = entryData(data, e);
  if (e.method === 0) return raw;
  if (e.method !== 8) throw new PackageError(`${e.name}: compression method ${e.method} is not one Excel writes / ส่วน ${e.name} ใช้วิธีบีบอัดที่ Excel ไม่ใช้`);
  // an entry never holds more than its central directory declares (Excel and LibreOffice write the true
  // size): inflating stops there, so a bomb that lies about its size costs its declared size, not the limit
  const declared = e.size < PACKAGE_LIMITS.entryBytes;
  try {
    return inflate(raw, declared ? Math.max(1, e.size) : PACKAGE_LIMITS.entryBytes);
  } catch (err) {
    if (/maxOutputLength|larger than|RangeError|buffer/i.test(String((err as Error).message ?? err))) {
      if (declared) {
        throw new PackageError(`${e.name} holds more than the ${e.size.toLocaleString("en")} bytes its zip directory declares — a damaged or crafted file, not a plan Sujarit can read / ส่วน ${e.name} มีข้อมูลมากกว่าขนาดที่ระบุไว้ ไฟล์เสียหายหรือถูกดัดแปลง`);
      }
      throw new PackageError(`${e.name} unpacks to more than ${MB(PACKAGE_LIMITS.entryBytes)} (its declared size was ${MB(e.size)}) — not a plan Sujarit can read / ส่วน ${e.name} แตกออกมาใหญ่เกินขีดจำกัด`);
    }
    throw new PackageError(`${e.name}: damaged part (it cannot be unpacked) / ส่วน ${e.name} เสียหาย แตกไฟล์ไม่ได้`);
  }
}

const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/;
const SHARED_STRINGS = "xl/sharedStrings.xml";

/**
 * Unpacks the worksheets and shared strings within the limits and counts their cells and the longest
 * text; refuses above PACKAGE_LIMITS. Runs before exceljs, so a bomb costs at most the limits.
 */
export function checkActualSizes(data: Uint8Array, entries: readonly ZipEntry[], inflate: BoundedInflate): SheetFeature[] {
  const features = new Set<SheetFeature>();
  let cells = 0;
  let total = 0;
  for (const e of entries) {
    if (e.name === "xl/workbook.xml") {
      checkDefinedNames(unpack(data, e, inflate));
      continue;
    }
    if (!WORKSHEET.test(e.name) && e.name !== SHARED_STRINGS) continue;
    const xml = unpack(data, e, inflate);
    total += xml.length;
    if (total > PACKAGE_LIMITS.totalBytes) throw new PackageError(`the sheets unpack to more than ${MB(PACKAGE_LIMITS.totalBytes)} / แผ่นงานเมื่อแตกออกมีขนาดเกินขีดจำกัด ${MB(PACKAGE_LIMITS.totalBytes)}`);
    if (e.name === SHARED_STRINGS) {
      const longest = longestText(xml);
      if (longest > PACKAGE_LIMITS.cellText) throw new PackageError(`a text of ${longest.toLocaleString("en")} characters in ${e.name}, above Excel's limit of ${PACKAGE_LIMITS.cellText.toLocaleString("en")} per cell / มีข้อความยาว ${longest} ตัวอักษร เกินขีดจำกัดของ Excel ต่อเซลล์`);
      continue;
    }
    for (const [feature, marker] of FEATURE_MARKERS) if (indexOfSeq(xml, marker, 0) >= 0) features.add(feature);
    checkAddresses(e.name, xml);
    cells += countCells(xml);
    if (cells > PACKAGE_LIMITS.cells) throw new PackageError(`more than ${PACKAGE_LIMITS.cells.toLocaleString("en")} cells (in ${e.name}), far above any plan / มีเซลล์เกิน ${PACKAGE_LIMITS.cells.toLocaleString("en")} เซลล์ เกินขีดจำกัด`);
    const longest = longestText(xml);
    if (longest > PACKAGE_LIMITS.cellText) throw new PackageError(`a text of ${longest.toLocaleString("en")} characters in ${e.name}, above Excel's limit of ${PACKAGE_LIMITS.cellText.toLocaleString("en")} per cell / มีข้อความยาว ${longest} ตัวอักษร เกินขีดจำกัดของ Excel ต่อเซลล์`);
  }
  return [...features];
}

/** What a worksheet's own XML may hold that exceljs 4.4 reads past and does not write back (extensions). */
export type SheetFeature = "sparklines" | "extended data validations" | "slicer or timeline links";
const ascii = (t: string) => [...t].map((ch) => ch.charCodeAt(0));
const FEATURE_MARKERS: readonly [SheetFeature, number[]][] = [
  ["sparklines", ascii("sparklineGroups")],
  ["extended data validations", ascii("x14:dataValidations")],
  ["slicer or timeline links", ascii("slicerList")],
];
export const FEATURE_TH: Record<SheetFeature, string> = {
  sparklines: "เส้นแนวโน้มในเซลล์ (Sparklines)", "extended data validations": "การตรวจสอบข้อมูลแบบขยาย", "slicer or timeline links": "ตัวแบ่งส่วนข้อมูล",
};

/** Excel's last row and column: a row, cell or column range beyond them makes readers allocate for nothing. */
const LAST_ROW = 1_048_576;
const LAST_COL = 16_384;
const colNumber = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

function latin1(b: Uint8Array): string {
  let s = "";
  for (let i = 0; i < b.length; i += 0x8000) s += String.fromCharCode(...b.subarray(i, i + 0x8000));
  return s;
}

function checkAddresses(part: string, xml: Uint8Array): void {
  // latin1: every byte one character, so positions and ASCII attributes survive whatever the text holds
  const text = typeof Buffer !== "undefined" ? Buffer.from(xml.buffer, xml.byteOffset, xml.byteLength).toString("latin1") : latin1(xml);
  const beyond = (what: string) => new PackageError(`${part}: ${what} is not a place on Excel's grid (rows 1–${LAST_ROW.toLocaleString("en")}, columns A–XFD) — the file is damaged / ${part} มีตำแหน่งเกินแถวหรือคอลัมน์สุดท้ายของ Excel ไฟล์เสียหาย`);
  for (const m of text.matchAll(/<row\b[^>]*?\sr="([^"]*)"/g)) {
    const r = Number(m[1]);
    if (!Number.isInteger(r) || r < 1 || r > LAST_ROW) throw beyond(`row ${m[1]}`);
  }
  for (const m of text.matchAll(/<c\b[^>]*?\sr="([^"]*)"/g)) {
    const a = /^([A-Z]{1,3})(\d{1,7})$/.exec(m[1] as string);
    if (!a || colNumber(a[1] as string) > LAST_COL || Number(a[2]) < 1 || Number(a[2]) > LAST_ROW) throw beyond(`cell ${m[1]}`);
  }
  for (const m of text.matchAll(/<col\b[^>]*?\s(min|max)="([^"]*)"/g)) {
    const c = Number(m[2]);
    if (!Number.isInteger(c) || c < 1 || c > LAST_COL) throw beyond(`column ${m[2]}`);
  }
}

/**
 * exceljs expands every defined name into its cells when it loads a workbook, so a name over a huge area
 * (or beyond the last row, as in a damaged file) costs gigabytes: each name's area is bounded by one whole
 * column (1,048,576 cells), all names together by PACKAGE_LIMITS.cells × 4.
 */
function checkDefinedNames(xml: Uint8Array): void {
  const text = typeof Buffer !== "undefined" ? Buffer.from(xml.buffer, xml.byteOffset, xml.byteLength).toString("latin1") : latin1(xml);
  let total = 0;
  for (const m of text.matchAll(/<definedName\b[^>]*>([^<]*)<\/definedName>/g)) {
    for (const ref of (m[1] as string).matchAll(/\$?([A-Z]{1,4})?\$?(\d+)?(?::\$?([A-Z]{1,4})?\$?(\d+)?)?/g)) {
      // a reference has column letters, or is a range of whole rows ($2:$5); a constant (=5000000) is not one
      if (!ref[0] || (ref[1] === undefined && !ref[0].includes(":")) || !/\d|:/.test(ref[0])) continue;
      const c1 = ref[1] ? colNumber(ref[1]) : 1;
      const c2 = ref[3] ? colNumber(ref[3]) : ref[4] !== undefined || ref[3] !== undefined ? (ref[3] ? colNumber(ref[3]) : LAST_COL) : c1;
      const r1 = ref[2] ? Number(ref[2]) : 1;
      const r2 = ref[4] ? Number(ref[4]) : ref[3] !== undefined ? LAST_ROW : r1;
      if ([c1, c2].some((c) => c > LAST_COL) || [r1, r2].some((r) => r > LAST_ROW)) {
        throw new PackageError(`xl/workbook.xml: the defined name reference ${ref[0]} is beyond Excel's last row or column — the file is damaged / ชื่อที่กำหนดอ้างอิงเกินแถวหรือคอลัมน์สุดท้ายของ Excel ไฟล์เสียหาย`);
      }
      const area = (Math.abs(c2 - c1) + 1) * (Math.abs(r2 - r1) + 1);
      total += area;
      if (area > LAST_ROW || total > PACKAGE_LIMITS.cells * 4) {
        throw new PackageError(`xl/workbook.xml: the defined name ${ref[0]} covers ${area.toLocaleString("en")} cells, above the limit of one whole column (${LAST_ROW.toLocaleString("en")}) per name / ชื่อที่กำหนดครอบคลุมเซลล์มากเกินขีดจำกัด`);
      }
    }
  }
}

/** `<c ` and `<c>` openings (not `<cols`, `<col`, `<cfRule`…). */
function countCells(xml: Uint8Array): number {
  let n = 0;
  for (let i = xml.indexOf(0x3c); i >= 0 && i < xml.length - 2; i = xml.indexOf(0x3c, i + 1)) {
    if (xml[i + 1] === 0x63 /* c */ && (xml[i + 2] === 0x20 || xml[i + 2] === 0x3e || xml[i + 2] === 0x2f)) n++;
  }
  return n;
}

/** The longest `<t…>…</t>` in UTF-8 bytes / 3 at most … counted in characters of the decoded text. */
function longestText(xml: Uint8Array): number {
  let longest = 0;
  let from = 0;
  // bytes between "<t" and the next "</t>": an upper bound on the characters
  const open = [0x3c, 0x74];
  const close = [0x3c, 0x2f, 0x74, 0x3e];
  for (;;) {
    const i = indexOfSeq(xml, open, from);
    if (i < 0) break;
    const j = indexOfSeq(xml, close, i + 2);
    if (j < 0) break;
    if (j - i > PACKAGE_LIMITS.cellText) {
      const text = utf8.decode(xml.subarray(i, j)).replace(/^<t[^>]*>/, "").replace(/&[a-z#0-9]+;/gi, "x");
      longest = Math.max(longest, [...text].length);
    }
    from = j + 4;
  }
  return longest;
}

function indexOfSeq(b: Uint8Array, seq: readonly number[], from: number): number {
  for (let i = b.indexOf(seq[0] as number, from); i >= 0; i = b.indexOf(seq[0] as number, i + 1)) {
    let ok = true;
    for (let k = 1; k < seq.length; k++) if (b[i + k] !== seq[k]) { ok = false; break; }
    if (ok) return i;
  }
  return -1;
}

/** What a zip file is, from its part names (and the first entry of an OpenDocument file). */
export function packageKind(entries: readonly ZipEntry[]): "xlsx" | "ods" | "docx" | "pptx" | "zip" {
  const names = new Set(entries.map((e) => e.name));
  if (names.has("xl/workbook.xml") || names.has("xl/workbook.bin")) return "xlsx";
  if (names.has("mimetype") && names.has("content.xml")) return "ods";
  if (names.has("word/document.xml")) return "docx";
  if (names.has("ppt/presentation.xml")) return "pptx";
  return "zip";
}

/** A sentence for a file that is not an .xlsx package, or undefined when it is one. */
export function notXlsxReason(data: Uint8Array): string | undefined {
  if (data.byteLength === 0) return "empty file / ไฟล์ว่าง";
  const zip = [0x50, 0x4b, 0x03, 0x04].every((b, i) => data[i] === b);
  if (!zip) {
    const ole = [0xd0, 0xcf, 0x11, 0xe0].every((b, i) => data[i] === b);
    if (ole) {
      // an encrypted .xlsx is an OLE file holding an "EncryptedPackage" stream (its name in UTF-16LE)
      const marker = new Uint8Array([..."EncryptedPackage"].flatMap((ch) => [ch.charCodeAt(0), 0]));
      if (indexOfSeq(data, [...marker], 0) >= 0) return "the workbook is protected with a password (encrypted); open it in Excel, remove the password (File → Info → Protect Workbook) and save it as .xlsx / ไฟล์ถูกเข้ารหัสด้วยรหัสผ่าน เปิดใน Excel เอารหัสผ่านออกแล้วบันทึกเป็น .xlsx";
      return "an old Excel 97–2003 .xls file (or another Office 97 document); open it in Excel or LibreOffice and save it as .xlsx / เป็นไฟล์ .xls รุ่นเก่า เปิดแล้วบันทึกเป็น .xlsx";
    }
    if (data[0] === 0x25 && data[1] === 0x50 && data[2] === 0x44 && data[3] === 0x46) return "a PDF file, not an .xlsx workbook / เป็นไฟล์ PDF ไม่ใช่ .xlsx";
    return "not a zip-based .xlsx workbook / ไม่ใช่ไฟล์ .xlsx";
  }
  let entries: ZipEntry[];
  try {
    entries = zipEntries(data);
  } catch (e) {
    if (e instanceof PackageError) return e.reason;
    throw e;
  }
  switch (packageKind(entries)) {
    case "xlsx": return entries.some((e) => e.name === "xl/workbook.bin") ? "an .xlsb (binary) workbook; save it as .xlsx in Excel / เป็นไฟล์ .xlsb บันทึกเป็น .xlsx ก่อน" : undefined;
    case "ods": return "an OpenDocument spreadsheet (.ods), not an .xlsx; save it as .xlsx (Excel 2007-365) in LibreOffice / เป็นไฟล์ .ods บันทึกเป็น .xlsx ก่อน";
    case "docx": return "a Word document (.docx), not an Excel workbook / เป็นไฟล์ Word (.docx) ไม่ใช่ Excel";
    case "pptx": return "a PowerPoint presentation (.pptx), not an Excel workbook / เป็นไฟล์ PowerPoint ไม่ใช่ Excel";
    default: return "a zip file without a workbook inside, not an .xlsx / เป็นไฟล์ zip ที่ไม่มีสมุดงาน ไม่ใช่ .xlsx";
  }
}

/**
 * Parts exceljs 4.4 reads and writes back (the cells, styles, names, shared strings, theme, properties,
 * tables, hyperlinks, notes as comments + VML). Anything else in the package — macros (vbaProject.bin),
 * charts, drawings and images, pivot tables and caches, slicers, timelines, external links, custom XML,
 * printer settings, ActiveX and form controls, embedded objects, threaded comments, people — is dropped
 * by an exceljs write, so an in-place write refuses when the package holds any of them.
 */
const KEPT_PARTS: readonly RegExp[] = [
  /^\[Content_Types\]\.xml$/,
  /^_rels\/\.rels$/,
  /^docProps\/(core|app)\.xml$/,
  /^xl\/workbook\.xml$/,
  /^xl\/_rels\/workbook\.xml\.rels$/,
  /^xl\/styles\.xml$/,
  /^xl\/sharedStrings\.xml$/,
  /^xl\/calcChain\.xml$/, // Excel rebuilds the calculation chain; losing it loses nothing
  /^xl\/theme\/theme\d*\.xml$/,
  /^xl\/worksheets\/sheet\d+\.xml$/,
  /^xl\/worksheets\/_rels\/sheet\d+\.xml\.rels$/,
  /^xl\/tables\/table\d+\.xml$/,
  /^xl\/comments\d*\.xml$/,
  /^xl\/drawings\/vmlDrawing\d+\.vml$/, // notes' shapes, which exceljs writes again
  /^docProps\/custom\.xml$/,
];

const WHAT: readonly [RegExp, string, string][] = [
  [/vbaProject\.bin$|vbaData\.xml$/, "macros (VBA)", "แมโคร (VBA)"],
  [/^xl\/charts\//, "charts", "แผนภูมิ"],
  [/^xl\/chartsheets\//, "chart sheets", "แผ่นแผนภูมิ"],
  [/^xl\/pivotTables\/|^xl\/pivotCache\//, "pivot tables", "ตาราง Pivot"],
  [/^xl\/slicers\/|^xl\/slicerCaches\/|^xl\/timeline/, "slicers or timelines", "ตัวแบ่งส่วนข้อมูล"],
  [/^xl\/drawings\/(?!vmlDrawing)|^xl\/media\//, "drawings or pictures", "รูปภาพหรือรูปวาด"],
  [/^xl\/externalLinks\//, "links to other workbooks", "การเชื่อมโยงไปยังสมุดงานอื่น"],
  [/^customXml\//, "custom XML", "ข้อมูล XML ที่กำหนดเอง"],
  [/printerSettings/, "printer settings", "การตั้งค่าเครื่องพิมพ์"],
  [/^xl\/ctrlProps\/|^xl\/activeX\//, "form or ActiveX controls", "ตัวควบคุมฟอร์ม"],
  [/^xl\/embeddings\//, "embedded objects", "วัตถุที่ฝังไว้"],
  [/^xl\/threadedComments\/|^xl\/persons\//, "threaded comments", "ข้อคิดเห็นแบบเธรด"],
  [/^xl\/macrosheets\/|^xl\/dialogsheets\//, "Excel 4 macro or dialog sheets", "แผ่นแมโคร"],
];

/** The parts an exceljs write would drop, described in both languages; empty when nothing would be lost. */
export function partsAnExcelJsWriteDrops(entries: readonly ZipEntry[]): { parts: string[]; th: string[]; en: string[] } {
  const parts = entries.map((e) => e.name).filter((n) => !n.endsWith("/") && !KEPT_PARTS.some((re) => re.test(n)));
  const en = new Set<string>();
  const th = new Set<string>();
  for (const p of parts) {
    const w = WHAT.find(([re]) => re.test(p));
    en.add(w ? w[1] : `other content (${p})`);
    th.add(w ? w[2] : `ส่วนอื่น (${p})`);
  }
  return { parts, en: [...en], th: [...th] };
}
