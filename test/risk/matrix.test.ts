/** The likelihood × impact matrices: every boundary of every preset, and the properties every matrix must keep. */
import fc from "fast-check";
import { BANDS_3, BANDS_4, checkBands, checkMatrix, DEFAULT_BANDS_5, matrixProblems, possibleScores, PRESETS, type RiskMatrix, residualLikelihood, score } from "../../src/domain/risk/matrix";

const level = (m: string, l: number, i: number) => score(PRESETS[m] as RiskMatrix, l, i)?.level.name.th;

describe("5 × 5 by product (default): 1–4 ต่ำ · 5–9 ปานกลาง · 10–16 สูง · 17–25 สูงมาก", () => {
  it.each([
    [1, 1, 1, "ต่ำ"], [2, 2, 4, "ต่ำ"], [1, 4, 4, "ต่ำ"], [1, 5, 5, "ปานกลาง"], [3, 3, 9, "ปานกลาง"],
    [2, 5, 10, "สูง"], [4, 4, 16, "สูง"], [5, 3, 15, "สูง"], [5, 4, 20, "สูงมาก"], [5, 5, 25, "สูงมาก"],
  ])("likelihood %i × impact %i = %i → %s", (l, i, s, name) => {
    expect(score(PRESETS["5x5"] as RiskMatrix, l, i)).toMatchObject({ score: s, level: { name: { th: name } } });
  });
  it("colours are DOMAIN.md's", () => {
    expect((PRESETS["5x5"] as RiskMatrix).levels.map((l) => l.color)).toEqual(["00B050", "FFFF00", "FF9400", "FF0000"]);
  });
});

describe("4 × 4 and the NACC's 3 × 3", () => {
  it.each([[1, 3, "ต่ำ"], [2, 2, "ปานกลาง"], [2, 3, "ปานกลาง"], [2, 4, "สูง"], [3, 3, "สูง"], [3, 4, "สูงมาก"], [4, 4, "สูงมาก"]])("4×4: %i × %i → %s", (l, i, name) => {
    expect(level("4x4", l, i)).toBe(name);
  });
  it.each([[1, 1, "ต่ำ"], [1, 2, "ต่ำ"], [1, 3, "ปานกลาง"], [2, 2, "ปานกลาง"], [2, 3, "สูง"], [3, 3, "สูง"]])("3×3: %i × %i → %s", (l, i, name) => {
    expect(level("3x3", l, i)).toBe(name);
  });
  it("5 × 5 by cell lookup: impact 1 × likelihood 5 is ปานกลาง, impact 2 × likelihood 5 is สูง", () => {
    expect(level("5x5-lookup", 5, 1)).toBe("ปานกลาง");
    expect(level("5x5-lookup", 5, 2)).toBe("สูง");
  });
  it("values outside the scale have no score", () => {
    expect(score(PRESETS["3x3"] as RiskMatrix, 4, 1)).toBeUndefined();
    expect(score(PRESETS["5x5"] as RiskMatrix, 0, 3)).toBeUndefined();
    expect(score(PRESETS["5x5"] as RiskMatrix, 2.5, 3)).toBeUndefined();
  });
});

describe("score bands cover every possible score exactly once", () => {
  it("the presets' bands do", () => {
    expect(checkBands(5, DEFAULT_BANDS_5, (PRESETS["5x5"] as RiskMatrix).levels)).toEqual([]);
    expect(checkBands(4, BANDS_4, (PRESETS["4x4"] as RiskMatrix).levels)).toEqual([]);
    expect(checkBands(3, BANDS_3, (PRESETS["3x3"] as RiskMatrix).levels)).toEqual([]);
    expect(possibleScores(3)).toEqual([1, 2, 3, 4, 6, 9]);
  });
  it("a gap and an overlap are both found", () => {
    const levels = (PRESETS["5x5"] as RiskMatrix).levels;
    expect(checkBands(5, [{ level: "low", from: 1, to: 4 }, { level: "medium", from: 6, to: 12 }, { level: "high", from: 10, to: 25 }], levels)).toEqual([
      { kind: "uncovered", score: 5 },
      { kind: "overlap", score: 10, levels: ["medium", "high"] },
      { kind: "overlap", score: 12, levels: ["medium", "high"] },
    ]);
  });
});

describe.each(Object.keys(PRESETS))("matrix %s", (id) => {
  const m = PRESETS[id] as RiskMatrix;
  const value = fc.integer({ min: 1, max: m.size });
  it("is total over its scale", () => {
    expect(checkMatrix(m)).toEqual([]);
    fc.assert(fc.property(value, value, (l, i) => score(m, l, i) !== undefined));
  });
  it("is monotone: more likely or worse never means a lower level", () => {
    fc.assert(
      fc.property(value, value, value, value, (l1, i1, l2, i2) => {
        fc.pre(l1 <= l2 && i1 <= i2);
        return (score(m, l1, i1)?.rank ?? 0) <= (score(m, l2, i2)?.rank ?? 0);
      }),
    );
  });
});

it("controls lower the residual likelihood: อ่อน not at all, พอใช้ one step, ดี two, never below 1", () => {
  expect([residualLikelihood(4, "weak"), residualLikelihood(4, "fair"), residualLikelihood(4, "good"), residualLikelihood(1, "good"), residualLikelihood(3, undefined)]).toEqual([4, 3, 2, 1, 3]);
});

describe("a matrix typed by a user (the workbook's sheet): every problem found", () => {
  const m5 = PRESETS["5x5"] as RiskMatrix;
  it("the presets have none", () => {
    for (const m of Object.values(PRESETS)) expect(matrixProblems(m)).toEqual([]);
  });
  it("a cell without a known level, a blank label, a repeated name, a bad colour", () => {
    const cells = m5.cells.map((r) => [...r]);
    (cells[2] as string[])[2] = "กลางๆ";
    const m: RiskMatrix = {
      ...m5, cells,
      likelihood: [{ th: "", en: "" }, ...m5.likelihood.slice(1)],
      levels: m5.levels.map((lv, i) => (i === 1 ? { ...lv, name: { th: "ต่ำ", en: "Low" }, color: "#FFFF00" } : lv)),
    };
    expect(matrixProblems(m)).toEqual(expect.arrayContaining([
      { kind: "cellLevel", likelihood: 3, impact: 3, value: "กลางๆ" },
      { kind: "scaleLabel", axis: "likelihood", value: 1 },
      { kind: "duplicateLevel", index: 1, name: "ต่ำ" },
      { kind: "levelColor", index: 1, value: "#FFFF00" },
    ]));
  });
  it("thresholds with a gap or an overlap, or that a cell disagrees with; a grid that is not ordered", () => {
    const gap = { ...m5, bands: [{ level: "low", from: 1, to: 3 }, ...(m5.bands ?? []).slice(1)] };
    expect(matrixProblems(gap)).toEqual([{ kind: "band", problem: { kind: "uncovered", score: 4 } }]);
    const cells = m5.cells.map((r) => [...r]);
    (cells[0] as string[])[4] = "veryHigh"; // likelihood 1 × impact 5 = 5: ปานกลาง by its range
    (cells[1] as string[])[4] = "medium"; // likelihood 2 × impact 5 = 10: below the cell under it
    expect(matrixProblems({ ...m5, cells })).toEqual([
      { kind: "bandDisagrees", likelihood: 1, impact: 5, cell: "veryHigh", band: "medium" },
      { kind: "bandDisagrees", likelihood: 2, impact: 5, cell: "medium", band: "high" },
      { kind: "notMonotone", likelihood: 2, impact: 5 },
    ]);
    expect(matrixProblems({ ...m5, bands: [...(m5.bands ?? []).slice(0, 3)] })).toEqual(expect.arrayContaining([{ kind: "bandMissing", index: 3 }]));
  });
});
