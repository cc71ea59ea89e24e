/** Plain-text tables that line up in a terminal, counting Thai combining marks as zero width. */

const COMBINING = /[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e\u0300-\u036f]/g;

export function displayWidth(text: string): number {
  return [...text.replace(COMBINING, "")].length;
}

function pad(text: string, width: number, right: boolean): string {
  const fill = " ".repeat(Math.max(0, width - displayWidth(text)));
  return right ? fill + text : text + fill;
}

/** Columns after the first are right-aligned (they hold numbers). */
export function renderTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const all = [header, ...rows];
  const widths = header.map((_, c) => Math.max(...all.map((r) => displayWidth(r[c] ?? ""))));
  const line = (r: readonly string[]) => r.map((cell, c) => pad(cell, widths[c] ?? 0, c > 0)).join("  ");
  const rule = widths.map((w) => "─".repeat(w)).join("  ");
  return [line(header), rule, ...rows.slice(0, -1).map(line), ...(rows.length > 0 ? [rule, line(rows[rows.length - 1] as string[])] : [])].join("\n");
}
