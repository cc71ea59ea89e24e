/** `sujarit template`: a new, empty plan workbook for an organization. */
import { newPlan, writePlanWorkbook } from "../../app/template";
import { readBEYear } from "../../domain/calendar";
import { FRAMEWORK_CHOICES, lookup, ORG_TYPES } from "../../domain/lists";
import { XlsxWorkbook } from "../../hosts/xlsx/xlsx-workbook";
import { langOf, parse, UsageError } from "../args";
import { EXIT, type Io } from "../io";
import { checkOut, writeNewFile } from "../safe-write";
import { label } from "../text";

export async function templateCommand(argv: readonly string[], io: Io): Promise<number> {
  const { values } = parse(argv, {
    org: { type: "string" }, type: { type: "string" }, district: { type: "string" }, province: { type: "string" },
    division: { type: "string" }, "first-year": { type: "string" }, years: { type: "string", default: "5" },
    framework: { type: "string", default: "2566-2570" }, out: { type: "string" }, force: { type: "boolean", default: false },
    lang: { type: "string" },
  });
  const lang = langOf(values.lang);
  const need = (name: string, v: string | undefined): string => {
    if (v === undefined || v.trim() === "") throw new UsageError(`--${name} is required / ต้องระบุ --${name}`);
    return v.trim();
  };
  const orgType = lookup(ORG_TYPES, need("type", values.type));
  if (!orgType) throw new UsageError(`--type must be one of ${ORG_TYPES.entries.map((e) => e.th).join(", ")}`);
  const year = readBEYear(need("first-year", values["first-year"]));
  if (year.kind === "ce") throw new UsageError(`--first-year ${year.typed} is a CE year; use the Buddhist-Era year ${year.suggested} / ใช้ปี พ.ศ. ${year.suggested}`);
  if (year.kind !== "be") throw new UsageError("--first-year must be a Buddhist-Era year such as 2566");
  const years = Number(values.years);
  if (years !== 4 && years !== 5) throw new UsageError("--years must be 4 or 5");
  const framework = lookup(FRAMEWORK_CHOICES, values.framework ?? "");
  if (!framework) throw new UsageError("--framework must be 2566-2570 or 2561-2564");
  const out = need("out", values.out);
  checkOut(out, { force: values.force, inputs: [] });
  const model = newPlan({
    orgName: need("org", values.org), orgType: orgType.key, district: need("district", values.district),
    province: need("province", values.province), division: values.division ?? "", firstYear: year.year, years,
    framework: framework.key,
  });
  const book = XlsxWorkbook.empty();
  await writePlanWorkbook(book, model, new Date());
  await writeNewFile(out, await book.toBytes(), { force: values.force, inputs: [] });
  io.out(`${label("wrote", lang)}: ${out}`);
  return EXIT.ok;
}

