/**
 * Issue 15, the preservation corpus: workbooks saved by LibreOffice (`soffice --headless --convert-to`) from
 * the sample with a picture, a chart, notes (comments), conditional formats, a pivot table, and a macro-enabled .xlsm with
 * a VBA part. Each goes through every in-place command (report, progress --add, consolidate). Sujarit's
 * in-place write is exceljs's, so the rule is: a package holding a part exceljs does not write back is
 * refused and stays byte-identical (every part); a package without one is written, and what exceljs
 * models that the user made (notes, conditional formats, cells of their sheets) is still there.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { main } from "../../src/cli/main";
import { checkRead } from "../../src/app/validate";
import { partsAnExcelJsWriteDrops, zipEntries } from "../../src/hosts/xlsx/package";
import { XlsxWorkbook } from "../../src/hosts/xlsx/xlsx-workbook";
import { readPlanWorkbook } from "../../src/workbook/read";
import { run } from "../support/cli";

jest.setTimeout(300_000);

const sample = join(__dirname, "..", "..", "samples", "nasameng-2566-2570.xlsx");
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

function soffice(format: string, outdir: string, files: string[]): void {
  const profile = mkdtempSync(join(tmpdir(), "sujarit-lo-profile-"));
  execFileSync("soffice", [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", format, "--outdir", outdir, ...files], { stdio: "ignore", timeout: 240_000 });
}

async function edit(file: string, change: (zip: JSZip) => Promise<void>): Promise<void> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  await change(zip);
  writeFileSync(file, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
}
const text = async (zip: JSZip, name: string) => (await zip.file(name)?.async("string")) ?? "";
function contentType(zip: JSZip, types: string, part: string, type: string): string {
  return types.replace("</Types>", `<Override PartName="${part}" ContentType="${type}"/></Types>`);
}

/** The settings sheet (sheet1 in LibreOffice's numbering) with a drawing holding a picture and/or a chart. */
async function addDrawing(zip: JSZip, withChart: boolean): Promise<void> {
  let types = await text(zip, "[Content_Types].xml");
  const anchor = (from: number, inner: string) => `<xdr:twoCellAnchor><xdr:from><xdr:col>5</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${from}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>10</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${from + 10}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>${inner}<xdr:clientData/></xdr:twoCellAnchor>`;
  const pic = `<xdr:pic><xdr:nvPicPr><xdr:cNvPr id="2" name="Logo"/><xdr:cNvPicPr/></xdr:nvPicPr><xdr:blipFill><a:blip r:embed="rIdImg"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill><xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="952500" cy="952500"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic>`;
  const frame = `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="3" name="Chart 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="rIdChart"/></a:graphicData></a:graphic></xdr:graphicFrame>`;
  zip.file("xl/drawings/drawing1.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${R}">${anchor(1, pic)}${withChart ? anchor(14, frame) : ""}</xdr:wsDr>`);
  zip.file("xl/media/image1.png", PNG);
  zip.file("xl/drawings/_rels/drawing1.xml.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdImg" Type="${R}/image" Target="../media/image1.png"/>${withChart ? `<Relationship Id="rIdChart" Type="${R}/chart" Target="../charts/chart1.xml"/>` : ""}</Relationships>`);
  if (withChart) {
    const ref = "'ตั้งค่า'!$B$20:$B$24";
    zip.file("xl/charts/chart1.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${R}"><c:chart><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/><c:ser><c:idx val="0"/><c:order val="0"/><c:val><c:numRef><c:f>${ref}</c:f><c:numCache><c:ptCount val="5"/><c:pt idx="0"><c:v>1</c:v></c:pt><c:pt idx="1"><c:v>2</c:v></c:pt></c:numCache></c:numRef></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea><c:plotVisOnly val="1"/></c:chart></c:chartSpace>`);
    types = contentType(zip, types, "/xl/charts/chart1.xml", "application/vnd.openxmlformats-officedocument.drawingml.chart+xml");
  }
  types = contentType(zip, types, "/xl/drawings/drawing1.xml", "application/vnd.openxmlformats-officedocument.drawing+xml");
  zip.file("[Content_Types].xml", types);
  zip.file("xl/worksheets/_rels/sheet1.xml.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdD" Type="${R}/drawing" Target="../drawings/drawing1.xml"/></Relationships>`);
  zip.file("xl/worksheets/sheet1.xml", (await text(zip, "xl/worksheets/sheet1.xml")).replace("</worksheet>", `<drawing r:id="rIdD"/></worksheet>`));
}

async function addNote(zip: JSZip): Promise<void> {
  zip.file("xl/comments1.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>ปลัด</author></authors><commentList><comment ref="B2" authorId="0"><text><r><t>ตรวจชื่อหน่วยงานอีกครั้ง</t></r></text></comment></commentList></comments>`);
  zip.file("xl/drawings/vmlDrawing1.vml", `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><v:shape type="#_x0000_t202" style="position:absolute;visibility:hidden"><x:ClientData ObjectType="Note"><x:Row>1</x:Row><x:Column>1</x:Column></x:ClientData></v:shape></xml>`);
  let types = await text(zip, "[Content_Types].xml");
  types = contentType(zip, types, "/xl/comments1.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml");
  if (!types.includes('Extension="vml"')) types = types.replace("</Types>", `<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/></Types>`);
  zip.file("[Content_Types].xml", types);
  zip.file("xl/worksheets/_rels/sheet1.xml.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdC" Type="${R}/comments" Target="../comments1.xml"/><Relationship Id="rIdV" Type="${R}/vmlDrawing" Target="../drawings/vmlDrawing1.vml"/></Relationships>`);
  zip.file("xl/worksheets/sheet1.xml", (await text(zip, "xl/worksheets/sheet1.xml")).replace("</worksheet>", `<legacyDrawing r:id="rIdV"/></worksheet>`));
}

async function addConditionalFormat(zip: JSZip): Promise<void> {
  const sheet = await text(zip, "xl/worksheets/sheet1.xml");
  const at = ["<dataValidations", "<hyperlinks", "<printOptions", "<pageMargins"].map((t) => sheet.indexOf(t)).find((i) => i >= 0) ?? -1;
  const cf = `<conditionalFormatting sqref="C2:C25"><cfRule type="cellIs" dxfId="0" priority="1" operator="greaterThan"><formula>1000</formula></cfRule></conditionalFormatting>`;
  zip.file("xl/worksheets/sheet1.xml", sheet.slice(0, at) + cf + sheet.slice(at));
  const styles = await text(zip, "xl/styles.xml");
  zip.file("xl/styles.xml", /<dxfs count="0"\/>/.test(styles)
    ? styles.replace(/<dxfs count="0"\/>/, `<dxfs count="1"><dxf><fill><patternFill><bgColor rgb="FFFFC7CE"/></patternFill></fill></dxf></dxfs>`)
    : styles.includes("<dxfs") ? styles : styles.replace("</styleSheet>", `<dxfs count="1"><dxf><fill><patternFill><bgColor rgb="FFFFC7CE"/></patternFill></fill></dxf></dxfs></styleSheet>`));
}

/**
 * A pivot table on the settings sheet counting the plan's items by ประเภท (kind): its cache over
 * แผนปฏิบัติการ!E1:E40 and its table at H2, as Excel writes them; LibreOffice reads it and saves its own.
 */
async function addPivot(zip: JSZip): Promise<void> {
  const M = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  const kinds = ["โครงการ", "กิจกรรม", "มาตรการ"];
  zip.file("xl/pivotCache/pivotCacheDefinition1.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><pivotCacheDefinition xmlns="${M}" xmlns:r="${R}" refreshOnLoad="1" recordCount="39"><cacheSource type="worksheet"><worksheetSource ref="E1:E40" sheet="แผนปฏิบัติการ"/></cacheSource><cacheFields count="1"><cacheField name="ประเภท" numFmtId="0"><sharedItems count="3">${kinds.map((k) => `<s v="${k}"/>`).join("")}</sharedItems></cacheField></cacheFields></pivotCacheDefinition>`);
  zip.file("xl/pivotTables/pivotTable1.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><pivotTableDefinition xmlns="${M}" name="นับตามประเภท" cacheId="1" dataCaption="ค่า" updatedVersion="3" minRefreshableVersion="3" createdVersion="3" useAutoFormatting="1" itemPrintTitles="1" indent="0" outline="1" outlineData="1"><location ref="H2:I6" firstHeaderRow="1" firstDataRow="1" firstDataCol="1"/><pivotFields count="1"><pivotField axis="axisRow" dataField="1" showAll="0"><items count="4"><item x="0"/><item x="1"/><item x="2"/><item t="default"/></items></pivotField></pivotFields><rowFields count="1"><field x="0"/></rowFields><rowItems count="4"><i><x/></i><i><x v="1"/></i><i><x v="2"/></i><i t="grand"><x/></i></rowItems><colItems count="1"><i/></colItems><dataFields count="1"><dataField name="จำนวน" fld="0" subtotal="count" baseField="0" baseItem="0"/></dataFields></pivotTableDefinition>`);
  zip.file("xl/pivotTables/_rels/pivotTable1.xml.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/pivotCacheDefinition" Target="../pivotCache/pivotCacheDefinition1.xml"/></Relationships>`);
  zip.file("xl/worksheets/_rels/sheet1.xml.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdP" Type="${R}/pivotTable" Target="../pivotTables/pivotTable1.xml"/></Relationships>`);
  zip.file("xl/_rels/workbook.xml.rels", (await text(zip, "xl/_rels/workbook.xml.rels")).replace("</Relationships>", `<Relationship Id="rIdPC" Type="${R}/pivotCacheDefinition" Target="pivotCache/pivotCacheDefinition1.xml"/></Relationships>`));
  zip.file("xl/workbook.xml", (await text(zip, "xl/workbook.xml")).replace(/(<calcPr[^>]*\/>)/, `$1<pivotCaches><pivotCache cacheId="1" r:id="rIdPC"/></pivotCaches>`));
  let types = await text(zip, "[Content_Types].xml");
  types = contentType(zip, types, "/xl/pivotCache/pivotCacheDefinition1.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheDefinition+xml");
  types = contentType(zip, types, "/xl/pivotTables/pivotTable1.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.pivotTable+xml");
  zip.file("[Content_Types].xml", types);
}

interface CorpusFile { name: string; file: string }
const corpus: CorpusFile[] = [];
let division = "";

beforeAll(async () => {
  const work = mkdtempSync(join(tmpdir(), "sujarit-corpus-"));
  const src = join(work, "src");
  const lo = join(work, "lo");
  mkdirSync(src);
  mkdirSync(lo);
  // 1. the sample saved by LibreOffice
  copyFileSync(sample, join(src, "plain.xlsx"));
  soffice("xlsx", lo, [join(src, "plain.xlsx")]);
  // 2. variants of LibreOffice's file, saved by LibreOffice again
  const base = join(lo, "plain.xlsx");
  const variants: [string, (z: JSZip) => Promise<void>][] = [
    ["picture", (z) => addDrawing(z, false)],
    ["chart", (z) => addDrawing(z, true)],
    ["notes", addNote],
    ["condfmt", addConditionalFormat],
    ["pivot", addPivot],
  ];
  for (const [name, change] of variants) {
    copyFileSync(base, join(src, `${name}.xlsx`));
    await edit(join(src, `${name}.xlsx`), change);
  }
  soffice("xlsx", lo, variants.map(([n]) => join(src, `${n}.xlsx`)));
  // 3. a macro-enabled workbook saved by LibreOffice ("Calc MS Excel 2007 VBA XML"), with a VBA part added
  copyFileSync(base, join(src, "macro.xlsx"));
  soffice("xlsm:Calc MS Excel 2007 VBA XML", lo, [join(src, "macro.xlsx")]);
  if (existsSync(join(lo, "macro.xlsm"))) {
    await edit(join(lo, "macro.xlsm"), async (z) => {
      z.file("xl/vbaProject.bin", Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]));
      const types = (await text(z, "[Content_Types].xml")).replace("</Types>", `<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>`);
      z.file("[Content_Types].xml", types);
    });
  }
  for (const n of readdirSync(lo).sort()) corpus.push({ name: n, file: join(lo, n) });
  // a division workbook with one row the master lacks, for consolidate
  division = join(work, "division.xlsx");
  copyFileSync(sample, division);
  expect(await main(["progress", division, "--add", "--code", "1.1.3", "--fy", "2567", "--month", "5", "--status", "done", "--pct", "100", "--force"], { out: () => undefined, err: () => undefined })).toBe(0);
});

async function parts(file: string): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const m = new Map<string, string>();
  for (const [name, f] of Object.entries(zip.files)) if (!f.dir) m.set(name, (await f.async("nodebuffer")).toString("base64"));
  return m;
}

const COMMANDS: [string, (f: string) => string[]][] = [
  ["report", (f) => ["report", f]],
  ["progress --add", (f) => ["progress", f, "--add", "--code", "1.1.1", "--fy", "2567", "--month", "2", "--status", "inProgress", "--pct", "50", "--force"]],
  ["consolidate", (f) => ["consolidate", f, division]],
];

it("LibreOffice made the corpus: plain, picture, chart, notes, conditional formats, a pivot table, and an .xlsm with its VBA part", async () => {
  const names = corpus.map((c) => c.name);
  expect(names).toEqual(["chart.xlsx", "condfmt.xlsx", "macro.xlsm", "notes.xlsx", "picture.xlsx", "pivot.xlsx", "plain.xlsx"]);
  const kept = async (n: string) => [...(await parts(corpus.find((c) => c.name === n)!.file)).keys()];
  expect((await kept("picture.xlsx")).some((p) => p.startsWith("xl/media/"))).toBe(true);
  expect((await kept("chart.xlsx")).some((p) => p.startsWith("xl/charts/"))).toBe(true);
  expect((await kept("notes.xlsx")).some((p) => /comments/.test(p))).toBe(true);
  expect(await kept("macro.xlsm")).toContain("xl/vbaProject.bin");
  // LibreOffice read the pivot table and wrote its own (table and cache)
  expect((await kept("pivot.xlsx")).filter((p) => /^xl\/pivot(Tables|Cache)\/pivot/.test(p)).length).toBeGreaterThanOrEqual(2);
});

it("the sample saved by LibreOffice reads into the same model (settings, framework, plan, details, progress, risks, matrix, ITA), with the same findings", async () => {
  const read = async (f: string) => checkRead(readPlanWorkbook(await (await XlsxWorkbook.open(readFileSync(f))).readGrids()));
  const ours = await read(sample);
  const lo = await read(corpus.find((c) => c.name === "plain.xlsx")!.file);
  // the whole model (JSON: dates as their instants), every sheet's records with where they were read
  const model = (v: typeof ours) => JSON.parse(JSON.stringify(v.read.workbook));
  expect(model(lo)).toEqual(model(ours));
  expect((lo.read.workbook.items as readonly unknown[]).length).toBe(39);
  expect(lo.findings.map((f) => [f.rule, f.location.sheet, f.location.cell])).toEqual(ours.findings.map((f) => [f.rule, f.location.sheet, f.location.cell]));
});

it("every in-place command on every corpus file: refused with every part byte-identical, or written keeping what the user made", async () => {
  const tally = { files: 0, runs: 0, refused: 0, written: 0, partsChecked: 0, partsChanged: 0 };
  const lines: string[] = [];
  for (const c of corpus) {
    tally.files++;
    for (const [name, argv] of COMMANDS) {
      const dir = mkdtempSync(join(tmpdir(), "sujarit-corpus-run-"));
      const f = join(dir, c.name);
      copyFileSync(c.file, f);
      const before = await parts(f);
      const bytesBefore = readFileSync(f);
      const dropped = partsAnExcelJsWriteDrops(zipEntries(bytesBefore));
      const r = await run(...argv(f));
      tally.runs++;
      const after = await parts(f);
      if (dropped.parts.length > 0 || !c.name.endsWith(".xlsx")) {
        expect(r.code).toBe(2);
        expect(r.err).toMatch(/--out/);
        expect(r.err).not.toContain("internal error");
        tally.refused++;
        for (const [p, data] of before) {
          tally.partsChecked++;
          if (after.get(p) !== data) tally.partsChanged++;
        }
        expect(after.size).toBe(before.size);
        expect(readFileSync(f).equals(bytesBefore)).toBe(true);
        lines.push(`${c.name} ${name}: refused (${dropped.en.join(", ") || "macro-enabled name"}), ${before.size} parts byte-identical`);
      } else {
        expect([0, 1]).toContain(r.code);
        tally.written++;
        // exceljs models these: the note and the conditional format the user made are still there
        const all = [...after.entries()].map(([p, d]) => [p, Buffer.from(d, "base64").toString("utf8")] as const);
        if (c.name === "notes.xlsx") expect(all.some(([p, d]) => /comments/.test(p) && d.includes("ตรวจชื่อหน่วยงานอีกครั้ง"))).toBe(true);
        if (c.name === "condfmt.xlsx") expect(all.some(([p, d]) => /worksheets\/sheet\d+\.xml$/.test(p) && d.includes('sqref="C2:C25"'))).toBe(true);
        lines.push(`${c.name} ${name}: written (exit ${r.code})`);
      }
      expect(readdirSync(dir).filter((n) => /sujarit-(tmp|lock)/.test(n))).toEqual([]);
    }
  }
  console.log(`${lines.join("\n")}\n${JSON.stringify(tally)}`);
  expect(tally.partsChanged).toBe(0);
  expect(tally.refused).toBeGreaterThanOrEqual(12); // picture, chart, pivot and macro files × 3 commands
});
