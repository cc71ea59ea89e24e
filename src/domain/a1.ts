/** A1 addresses. Rows and columns here are 1-based, as users see them. */

export function columnLetter(col: number): string {
  let n = col;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function address(row: number, col: number): string {
  return `${columnLetter(col)}${row}`;
}

export function rangeAddress(fromRow: number, fromCol: number, toRow: number, toCol: number): string {
  return `${address(fromRow, fromCol)}:${address(toRow, toCol)}`;
}

export function absoluteRange(fromRow: number, fromCol: number, toRow: number, toCol: number): string {
  return `$${columnLetter(fromCol)}$${fromRow}:$${columnLetter(toCol)}$${toRow}`;
}

export interface Area {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export function parseArea(range: string): Area | undefined {
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i.exec(range.trim());
  if (!m) return undefined;
  const left = columnNumber(m[1] as string);
  const top = Number(m[2]);
  const right = m[3] ? columnNumber(m[3]) : left;
  const bottom = m[4] ? Number(m[4]) : top;
  return { top: Math.min(top, bottom), left: Math.min(left, right), bottom: Math.max(top, bottom), right: Math.max(left, right) };
}

/** 'Sheet name'!$A$1:$B$2 — quoting the sheet name as Excel does. */
export function sheetRef(sheet: string, range: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${range}`;
}
