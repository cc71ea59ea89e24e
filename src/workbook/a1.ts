/** A1 addresses live in domain/a1.ts (findings carry cells, and sorting them is pure); re-exported for workbook code. */
export * from "../domain/a1";
