/**
 * A formula after a row of a sheet is deleted, as Excel rewrites it: references below the row move up
 * one, a range that held the row shrinks by one, a reference to the row itself becomes #REF!. Excel
 * does this itself; exceljs does not (its spliceRows moves cells and leaves their formulas pointing at
 * the old rows), so the .xlsx host rewrites the formulas with this, and the Excel fake does the same
 * to stand in for Excel.
 */

/** `'Sheet name'!` or `Sheet!` before a reference, the reference or range, in one token. */
const REF = /("(?:[^"]|"")*")|((?:'(?:[^']|'')+'|[A-Za-z_\u0E00-\u0E7F][\w.\u0E00-\u0E7F]*)!)?(\$?[A-Z]{1,3})(\$?)(\d+)(?::(\$?[A-Z]{1,3})(\$?)(\d+))?(?![\w(!])/g;

/**
 * The formula (with or without its leading "=") after row `removed` of `sheet` was deleted. `home` is the
 * sheet the formula is on: its unprefixed references point into `home`, others only when they name `sheet`.
 */
export function shiftFormulaRows(formula: string, sheet: string, home: string, removed: number): string {
  const target = sheet.toLowerCase();
  return formula.replace(REF, (whole: string, str: string | undefined, prefix: string | undefined, c1: string, d1: string, r1: string, c2?: string, d2?: string, r2?: string, offset?: number, all?: string) => {
    if (str !== undefined) return whole;
    // a letter, digit or underscore just before: part of a name or function (LOG10, SUJARIT_RISK_L1), not a reference
    const before = typeof offset === "number" && typeof all === "string" ? all[offset - 1] : undefined;
    if (prefix === undefined && before !== undefined && /[\w.$\u0E00-\u0E7F]/.test(before)) return whole;
    const named = prefix === undefined ? home : prefix.slice(0, -1).replace(/^'|'$/g, "").replace(/''/g, "'");
    if (named.toLowerCase() !== target) return whole;
    const top = Number(r1);
    const move = (r: number) => (r > removed ? r - 1 : r);
    if (r2 === undefined) {
      if (top === removed) return `${prefix ?? ""}#REF!`;
      return `${prefix ?? ""}${c1}${d1}${move(top)}`;
    }
    const bottom = Number(r2);
    const lo = Math.min(top, bottom);
    const hi = Math.max(top, bottom);
    if (lo === removed && hi === removed) return `${prefix ?? ""}#REF!`;
    // the row below the deleted one moves into its place: a range starting there keeps its top
    return `${prefix ?? ""}${c1}${d1}${lo > removed ? lo - 1 : lo}:${c2}${d2}${hi >= removed ? hi - 1 : hi}`;
  });
}
