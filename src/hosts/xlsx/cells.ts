/** exceljs cell values ↔ the workbook layer's plain values. */
import type ExcelJS from "exceljs";
import type { CellInput, CellValue } from "../../workbook/grid";

export function fromExcelJs(v: ExcelJS.CellValue | undefined): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  if (v instanceof Date) return v;
  if (typeof v === "object") {
    if ("error" in v) return { error: String((v as ExcelJS.CellErrorValue).error) };
    if ("richText" in v) return (v as ExcelJS.CellRichTextValue).richText.map((t) => t.text).join("");
    if ("formula" in v || "sharedFormula" in v) {
      const result = (v as ExcelJS.CellFormulaValue).result;
      return result === undefined ? null : fromExcelJs(result as ExcelJS.CellValue);
    }
    if ("hyperlink" in v) return String((v as ExcelJS.CellHyperlinkValue).text ?? (v as ExcelJS.CellHyperlinkValue).hyperlink);
  }
  return null;
}

export function toExcelJs(v: CellInput): ExcelJS.CellValue {
  if (v === null) return null;
  if (typeof v === "object" && !(v instanceof Date)) {
    return (v.result === undefined ? { formula: v.formula } : { formula: v.formula, result: v.result }) as ExcelJS.CellFormulaValue;
  }
  return v;
}
