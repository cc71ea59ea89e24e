/**
 * The likelihood × impact matrix (DOMAIN.md, corruption-risk assessment). There is no single official
 * Thai table, so a matrix is data: its scale labels, the level of every cell, the level names and
 * colours — the way risk tools such as CISO Assistant store them — and presets build it.
 */
import type { Bilingual } from "../findings";

export type MatrixSize = 3 | 4 | 5;

export interface RiskLevel {
  /** Stable key: low, medium, high, veryHigh. */
  readonly key: string;
  readonly name: Bilingual;
  /** Fill colour, hex RGB without '#'. */
  readonly color: string;
}

export interface RiskMatrix {
  readonly id: string;
  readonly size: MatrixSize;
  /** Scale labels, index 0 = value 1. */
  readonly likelihood: readonly Bilingual[];
  readonly impact: readonly Bilingual[];
  /** Lowest first; a level's position is its rank. */
  readonly levels: readonly RiskLevel[];
  /** cells[likelihood − 1][impact − 1] = the key of that cell's level. */
  readonly cells: readonly (readonly string[])[];
  /**
   * The level thresholds by score (likelihood × impact), where the matrix has them (the "by product"
   * presets). They must give every possible score exactly one level and agree with the cells.
   */
  readonly bands?: readonly ScoreBand[];
}

export const LEVEL_COLORS = { green: "00B050", yellow: "FFFF00", orange: "FF9400", red: "FF0000" } as const;

const LOW: RiskLevel = { key: "low", name: { th: "ต่ำ", en: "Low" }, color: LEVEL_COLORS.green };
const MEDIUM: RiskLevel = { key: "medium", name: { th: "ปานกลาง", en: "Medium" }, color: LEVEL_COLORS.yellow };
const HIGH: RiskLevel = { key: "high", name: { th: "สูง", en: "High" }, color: LEVEL_COLORS.orange };
const VERY_HIGH: RiskLevel = { key: "veryHigh", name: { th: "สูงมาก", en: "Very high" }, color: LEVEL_COLORS.red };

const SCALE_5: readonly Bilingual[] = [
  { th: "น้อยมาก", en: "Very low" }, { th: "น้อย", en: "Low" }, { th: "ปานกลาง", en: "Medium" }, { th: "สูง", en: "High" }, { th: "สูงมาก", en: "Very high" },
];
const SCALE_4: readonly Bilingual[] = [{ th: "น้อย", en: "Low" }, { th: "ปานกลาง", en: "Medium" }, { th: "สูง", en: "High" }, { th: "สูงมาก", en: "Very high" }];
const SCALE_3: readonly Bilingual[] = [{ th: "น้อย", en: "Low" }, { th: "ปานกลาง", en: "Medium" }, { th: "สูง", en: "High" }];

/** A level by score band: [from, to] inclusive on likelihood × impact. */
export interface ScoreBand {
  readonly level: string;
  readonly from: number;
  readonly to: number;
}

/** Every score likelihood × impact can take on a square matrix of this size. */
export function possibleScores(size: MatrixSize): number[] {
  const s = new Set<number>();
  for (let l = 1; l <= size; l++) for (let i = 1; i <= size; i++) s.add(l * i);
  return [...s].sort((a, b) => a - b);
}

export type BandProblem =
  | { readonly kind: "uncovered"; readonly score: number }
  | { readonly kind: "overlap"; readonly score: number; readonly levels: readonly string[] }
  | { readonly kind: "unknownLevel"; readonly level: string };

/** Score bands must give every possible score exactly one level (DOMAIN.md; issue: "exactly once"). */
export function checkBands(size: MatrixSize, bands: readonly ScoreBand[], levels: readonly RiskLevel[]): BandProblem[] {
  const problems: BandProblem[] = [];
  for (const b of bands) if (!levels.some((l) => l.key === b.level)) problems.push({ kind: "unknownLevel", level: b.level });
  for (const score of possibleScores(size)) {
    const hits = bands.filter((b) => score >= b.from && score <= b.to).map((b) => b.level);
    if (hits.length === 0) problems.push({ kind: "uncovered", score });
    else if (hits.length > 1) problems.push({ kind: "overlap", score, levels: hits });
  }
  return problems;
}

/** A matrix whose cells follow score bands (the "by product" presets). */
export function matrixFromBands(id: string, size: MatrixSize, scale: readonly Bilingual[], levels: readonly RiskLevel[], bands: readonly ScoreBand[]): RiskMatrix {
  const problems = checkBands(size, bands, levels);
  if (problems.length > 0) throw new RangeError(`score bands of ${id} do not cover every score exactly once`);
  const cells = Array.from({ length: size }, (_, l) =>
    Array.from({ length: size }, (_, i) => (bands.find((b) => (l + 1) * (i + 1) >= b.from && (l + 1) * (i + 1) <= b.to) as ScoreBand).level),
  );
  return { id, size, likelihood: scale, impact: scale, levels, cells, bands };
}

export const DEFAULT_BANDS_5: readonly ScoreBand[] = [
  { level: "low", from: 1, to: 4 }, { level: "medium", from: 5, to: 9 }, { level: "high", from: 10, to: 16 }, { level: "veryHigh", from: 17, to: 25 },
];
export const BANDS_4: readonly ScoreBand[] = [
  { level: "low", from: 1, to: 3 }, { level: "medium", from: 4, to: 6 }, { level: "high", from: 8, to: 9 }, { level: "veryHigh", from: 12, to: 16 },
];
export const BANDS_3: readonly ScoreBand[] = [{ level: "low", from: 1, to: 2 }, { level: "medium", from: 3, to: 4 }, { level: "high", from: 6, to: 9 }];

export const PRESETS: Readonly<Record<string, RiskMatrix>> = {
  /** Default: 5 × 5 by product, DOMAIN.md's bands. */
  "5x5": matrixFromBands("5x5", 5, SCALE_5, [LOW, MEDIUM, HIGH, VERY_HIGH], DEFAULT_BANDS_5),
  "4x4": matrixFromBands("4x4", 4, SCALE_4, [LOW, MEDIUM, HIGH, VERY_HIGH], BANDS_4),
  /** The NACC's simple form: 1–2 ต่ำ, 3–4 ปานกลาง, 6–9 สูง. */
  "3x3": matrixFromBands("3x3", 3, SCALE_3, [LOW, MEDIUM, HIGH], BANDS_3),
  /**
   * 5 × 5 by cell lookup, Thai agencies' style: impact weighs more than likelihood, so impact 1 ×
   * likelihood 5 is ปานกลาง but impact 2 × likelihood 5 is สูง.
   */
  "5x5-lookup": {
    id: "5x5-lookup",
    size: 5,
    likelihood: SCALE_5,
    impact: SCALE_5,
    levels: [LOW, MEDIUM, HIGH, VERY_HIGH],
    // rows: likelihood 1…5; columns: impact 1…5
    cells: [
      ["low", "low", "medium", "medium", "high"],
      ["low", "low", "medium", "high", "high"],
      ["low", "medium", "medium", "high", "veryHigh"],
      ["medium", "medium", "high", "veryHigh", "veryHigh"],
      ["medium", "high", "high", "veryHigh", "veryHigh"],
    ],
  },
};

export function inScale(m: RiskMatrix, value: number | undefined): value is number {
  return value !== undefined && Number.isInteger(value) && value >= 1 && value <= m.size;
}

export interface Scored {
  readonly score: number;
  readonly level: RiskLevel;
  readonly rank: number;
}

/** Score and level of a cell; undefined when either value is outside the scale. */
export function score(m: RiskMatrix, likelihood: number | undefined, impact: number | undefined): Scored | undefined {
  if (!inScale(m, likelihood) || !inScale(m, impact)) return undefined;
  const key = m.cells[likelihood - 1]?.[impact - 1];
  const rank = m.levels.findIndex((l) => l.key === key);
  if (rank < 0) return undefined;
  return { score: likelihood * impact, level: m.levels[rank] as RiskLevel, rank };
}

/** What can be wrong with a matrix typed by a user (the workbook's เมทริกซ์ความเสี่ยง sheet). */
export type MatrixProblem =
  /** The grid is not size × size. */
  | { readonly kind: "gridShape" }
  /** A cell holds no level, or a level the levels table does not define. */
  | { readonly kind: "cellLevel"; readonly likelihood: number; readonly impact: number; readonly value: string }
  | { readonly kind: "scaleLabel"; readonly axis: "likelihood" | "impact"; readonly value: number }
  | { readonly kind: "levelName"; readonly index: number }
  | { readonly kind: "duplicateLevel"; readonly index: number; readonly name: string }
  | { readonly kind: "levelColor"; readonly index: number; readonly value: string }
  /** Thresholds given for some levels only. */
  | { readonly kind: "bandMissing"; readonly index: number }
  /** A score no threshold covers, or two do. */
  | { readonly kind: "band"; readonly problem: BandProblem }
  /** A cell's level is not the level its score's threshold gives. */
  | { readonly kind: "bandDisagrees"; readonly likelihood: number; readonly impact: number; readonly cell: string; readonly band: string }
  /** More likely (or worse) gives a lower level than a cell below or to the left of it. */
  | { readonly kind: "notMonotone"; readonly likelihood: number; readonly impact: number };

const HEX_COLOR = /^[0-9A-F]{6}$/;

/** Every problem of a matrix; an empty list means every cell of the grid has exactly one known level. */
export function matrixProblems(m: RiskMatrix): MatrixProblem[] {
  const problems: MatrixProblem[] = [];
  const known = new Set(m.levels.map((l) => l.key));
  if (m.cells.length !== m.size || m.cells.some((r) => r.length !== m.size)) problems.push({ kind: "gridShape" });
  for (let l = 1; l <= m.size; l++) {
    for (let i = 1; i <= m.size; i++) {
      const key = m.cells[l - 1]?.[i - 1] ?? "";
      if (!known.has(key)) problems.push({ kind: "cellLevel", likelihood: l, impact: i, value: key });
    }
  }
  for (const axis of ["likelihood", "impact"] as const) {
    for (let v = 1; v <= m.size; v++) {
      const label = m[axis][v - 1];
      if (!label || label.th.trim() === "") problems.push({ kind: "scaleLabel", axis, value: v });
    }
  }
  const seen = new Map<string, number>();
  m.levels.forEach((lv, index) => {
    const name = lv.name.th.trim();
    if (name === "") problems.push({ kind: "levelName", index });
    else if (seen.has(name)) problems.push({ kind: "duplicateLevel", index, name });
    else seen.set(name, index);
    if (!HEX_COLOR.test(lv.color)) problems.push({ kind: "levelColor", index, value: lv.color });
  });
  if (m.bands && m.bands.length > 0) {
    const bands = m.bands;
    m.levels.forEach((lv, index) => {
      if (!bands.some((b) => b.level === lv.key)) problems.push({ kind: "bandMissing", index });
    });
    const bandProblems = checkBands(m.size, bands, m.levels);
    problems.push(...bandProblems.map((problem) => ({ kind: "band" as const, problem })));
    if (bandProblems.length === 0) {
      for (let l = 1; l <= m.size; l++) {
        for (let i = 1; i <= m.size; i++) {
          const cell = m.cells[l - 1]?.[i - 1] ?? "";
          const band = bands.find((b) => l * i >= b.from && l * i <= b.to)?.level ?? "";
          if (known.has(cell) && cell !== band) problems.push({ kind: "bandDisagrees", likelihood: l, impact: i, cell, band });
        }
      }
    }
  }
  const rank = (l: number, i: number) => m.levels.findIndex((lv) => lv.key === m.cells[l - 1]?.[i - 1]);
  for (let l = 1; l <= m.size; l++) {
    for (let i = 1; i <= m.size; i++) {
      const here = rank(l, i);
      if (here < 0) continue;
      const below = l > 1 ? rank(l - 1, i) : -1;
      const left = i > 1 ? rank(l, i - 1) : -1;
      if (here < below || here < left) problems.push({ kind: "notMonotone", likelihood: l, impact: i });
    }
  }
  return problems;
}

/** Problems with a matrix typed by a user, in English: every cell must hold a known level. */
export function checkMatrix(m: RiskMatrix): string[] {
  return matrixProblems(m).map((p) => {
    switch (p.kind) {
      case "gridShape":
        return `the grid must be ${m.size} × ${m.size}`;
      case "cellLevel":
        return `cell likelihood ${p.likelihood} × impact ${p.impact} has no known level (${p.value})`;
      case "scaleLabel":
        return `${p.axis} ${p.value} has no label`;
      case "levelName":
        return `level ${p.index + 1} has no name`;
      case "duplicateLevel":
        return `level ${p.index + 1} repeats the name ${p.name}`;
      case "levelColor":
        return `level ${p.index + 1} has no colour as RRGGBB (${p.value})`;
      case "bandMissing":
        return `level ${p.index + 1} has no score thresholds`;
      case "band":
        return p.problem.kind === "unknownLevel" ? `a threshold names the unknown level ${p.problem.level}` : `score ${p.problem.score} is ${p.problem.kind === "uncovered" ? "in no level's thresholds" : "in several levels' thresholds"}`;
      case "bandDisagrees":
        return `cell likelihood ${p.likelihood} × impact ${p.impact} is ${p.cell} but its score's threshold says ${p.band}`;
      case "notMonotone":
        return `cell likelihood ${p.likelihood} × impact ${p.impact} is below a less likely or less severe cell`;
    }
  });
}

export type ControlRatingKey = "good" | "fair" | "weak";

/**
 * Residual likelihood when the user has not entered it: controls lower how likely the event is, not
 * how bad it would be (DOMAIN.md: อ่อน leaves the level unchanged; พอใช้ and ดี lower it).
 */
export function residualLikelihood(likelihood: number, rating: ControlRatingKey | undefined): number {
  const step = rating === "good" ? 2 : rating === "fair" ? 1 : 0;
  return Math.max(1, likelihood - step);
}
