/**
 * LibreOffice headless as the formula oracle and the print check (ENGINEERING.md): recalculates .xlsx
 * files, renders them to PDF, and pdftoppm turns the PDF into PNGs. A missing tool fails with a sentence
 * that says what to install: CI installs them (.ci/run), so a missing one is a broken machine, not a skip.
 */
import { execFileSync } from "node:child_process";
import type ExcelJS from "exceljs";
import JSZip from "jszip";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";

function which(tool: string): string | undefined {
  try {
    return execFileSync("sh", ["-c", `command -v ${tool}`], { encoding: "utf8" }).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** Throws, with what to install, when soffice or pdftoppm is missing. */
export function requireTools(tools: readonly ("soffice" | "pdftoppm")[] = ["soffice", "pdftoppm"]): void {
  const missing = tools.filter((t) => !which(t));
  if (missing.length === 0) return;
  throw new Error(
    `${missing.join(" and ")} not found on PATH: the LibreOffice oracle cannot run. ` +
      "Install them (Debian: apt-get install -y libreoffice-calc fonts-thai-tlwg poppler-utils; .ci/run does) and run the tests again.",
  );
}

/**
 * Converts files with LibreOffice in one run, with a throwaway profile (so a desktop LibreOffice or
 * a parallel run cannot interfere). Returns the converted files, in the order given.
 */
export function convert(files: readonly string[], format: "xlsx" | "pdf", outdir: string): string[] {
  requireTools(["soffice"]);
  mkdirSync(outdir, { recursive: true });
  const profile = mkdtempSync(join(tmpdir(), "lo-"));
  try {
    execFileSync("soffice", [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", format, "--outdir", outdir, ...files], {
      stdio: "pipe",
      timeout: 180_000,
    });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  const out = files.map((f) => join(outdir, `${basename(f).replace(/\.[^.]+$/, "")}.${format}`));
  const missing = out.filter((f) => !existsSync(f));
  if (missing.length > 0) throw new Error(`LibreOffice did not write ${missing.join(", ")}`);
  return out;
}

/** PDF → one PNG per page at `dpi` (pdftoppm); returns the PNG files in page order. */
export function pdfToPngs(pdf: string, prefix: string, dpi = 70): string[] {
  requireTools(["pdftoppm"]);
  execFileSync("pdftoppm", ["-r", String(dpi), "-png", pdf, prefix], { stdio: "pipe", timeout: 60_000 });
  const dir = join(prefix, "..");
  const stem = basename(prefix);
  return readdirSync(dir).filter((f) => f.startsWith(`${stem}-`) && f.endsWith(".png")).sort().map((f) => join(dir, f));
}

/** The number of pages of a PDF, read from its page tree (no extra tool). */
export function pdfPages(pdf: Buffer): number {
  return (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
}

const XML_ENTITIES: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
/** XML text as the characters it stands for: the named entities and numeric ones (LibreOffice writes a line break as &#10;). */
const xmlText = (s: string) =>
  s.replace(/&(?:(amp|lt|gt|quot|apos)|#(\d+)|#x([0-9a-fA-F]+));/g, (_, e: string | undefined, dec: string | undefined, hex: string | undefined) =>
    e !== undefined ? (XML_ENTITIES[e] as string) : String.fromCodePoint(dec !== undefined ? Number(dec) : parseInt(hex as string, 16)));

/**
 * The cached value of every formula cell of a sheet, read from the file's XML: exceljs drops a cached 0
 * (it copies results with `if (value)`), which is no way to check counts. Text results are strings,
 * numbers numbers, errors their code; an empty text result is "".
 */
export async function formulaResults(xlsx: Buffer, sheet: string): Promise<Map<string, string | number>> {
  const zip = await JSZip.loadAsync(xlsx);
  const read = async (path: string) => (await (zip.file(path) as JSZip.JSZipObject).async("string"));
  const workbook = await read("xl/workbook.xml");
  const rels = await read("xl/_rels/workbook.xml.rels");
  const sheetTag = [...workbook.matchAll(/<sheet\b[^>]*>/g)].map((m) => m[0]).find((t) => xmlText(/name="([^"]*)"/.exec(t)?.[1] ?? "") === sheet);
  const rid = sheetTag ? /r:id="([^"]*)"/.exec(sheetTag)?.[1] : undefined;
  const target = rid ? new RegExp(`<Relationship\\b[^>]*Id="${rid}"[^>]*>`).exec(rels)?.[0] : undefined;
  const file = target ? /Target="([^"]*)"/.exec(target)?.[1] : undefined;
  if (!file) throw new Error(`no sheet ${sheet} in the workbook`);
  const xml = await read(file.startsWith("/") ? file.slice(1) : `xl/${file}`);
  const out = new Map<string, string | number>();
  for (const m of xml.matchAll(/<c\b([^>]*?)(?:\/>|>(.*?)<\/c>)/gs)) {
    const attrs = m[1] as string;
    const body = m[2] ?? "";
    if (!/<f\b/.test(body)) continue;
    const ref = /\br="([A-Z]+\d+)"/.exec(attrs)?.[1] as string;
    const type = /\bt="([^"]*)"/.exec(attrs)?.[1] ?? "n";
    const v = /<v>(.*?)<\/v>/s.exec(body)?.[1];
    out.set(ref, v === undefined ? "" : type === "n" ? Number(v) : xmlText(v));
  }
  return out;
}

/**
 * The workbook with every sheet but `sheet` hidden and `sheet` active, edited in the file's XML: opening and
 * saving it with exceljs instead would drop what exceljs does not read back (print areas, manual page
 * breaks), and the print would not be the sheet's.
 */
export async function showOnly(xlsx: Uint8Array, sheet: string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsx);
  const path = "xl/workbook.xml";
  let workbook = await (zip.file(path) as JSZip.JSZipObject).async("string");
  let index = -1;
  let i = 0;
  workbook = workbook.replace(/<sheet\b[^>]*?\/>/g, (tag) => {
    const mine = xmlText(/name="([^"]*)"/.exec(tag)?.[1] ?? "") === sheet;
    if (mine) index = i;
    i++;
    const bare = tag.replace(/\sstate="[^"]*"/, "");
    return mine ? bare : bare.replace(/\/>$/, ' state="hidden"/>');
  });
  if (index < 0) throw new Error(`no sheet ${sheet} in the workbook`);
  // LibreOffice prints a hidden sheet that has a print area: keep only this sheet's print names
  workbook = workbook.replace(/<definedName\b[^>]*\bname="_xlnm\.[^"]*"[^>]*\blocalSheetId="(\d+)"[^>]*>.*?<\/definedName>/gs, (tag, id: string) => (Number(id) === index ? tag : ""));
  workbook = workbook.replace(/<bookViews>.*?<\/bookViews>/s, "").replace(/<sheets>/, `<bookViews><workbookView activeTab="${index}" firstSheet="${index}"/></bookViews><sheets>`);
  zip.file(path, workbook);
  return zip.generateAsync({ type: "nodebuffer" });
}

/** Removes every cached formula value, so that what LibreOffice shows is what it computed. Returns how many. */
export function stripResults(book: ExcelJS.Workbook): number {
  let n = 0;
  book.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => {
    const v = cell.value;
    if (v && typeof v === "object" && "formula" in v) {
      cell.value = { formula: (v as ExcelJS.CellFormulaValue).formula } as ExcelJS.CellFormulaValue;
      n++;
    }
  })));
  return n;
}
