import { describe, expect, it } from 'vitest';
import { GAS_RHO, gasChanges, gasTimeline, gasTScore, gasTScoreExact } from './gas.js';

/**
 * Worked examples of the Kiresuk–Sherman T-score, each computed by hand with ρ = 0.3:
 * T = 50 + 10·Σwx / √(0.7·Σw² + 0.3·(Σw)²).
 */
describe('GAS T-score (Kiresuk & Sherman)', () => {
  it('uses ρ = 0.3', () => expect(GAS_RHO).toBe(0.3));

  it('is 50 when every goal is attained as expected', () => {
    expect(gasTScore([{ level: 0 }])).toBe(50);
    expect(gasTScore([{ level: 0 }, { level: 0 }, { level: 0, weight: 3 }])).toBe(50);
  });

  it('one unweighted goal: 50 + 10·x (the denominator is √(0.7 + 0.3) = 1)', () => {
    expect(gasTScore([{ level: 1 }])).toBe(60);
    expect(gasTScore([{ level: 2 }])).toBe(70);
    expect(gasTScore([{ level: -1 }])).toBe(40);
    expect(gasTScore([{ level: -2 }])).toBe(30);
  });

  it('two goals at +1: 50 + 10·2/√(0.7·2 + 0.3·4) = 50 + 20/√2.6 = 62.40', () => {
    expect(gasTScoreExact([{ level: 1 }, { level: 1 }])).toBeCloseTo(50 + 20 / Math.sqrt(2.6), 12);
    expect(gasTScore([{ level: 1 }, { level: 1 }])).toBe(62.4);
  });

  it('three goals at −2 (the bottom of the scale): 50 − 60/√(2.1 + 2.7) = 22.61', () => {
    expect(gasTScore([{ level: -2 }, { level: -2 }, { level: -2 }])).toBe(22.61);
  });

  it('three goals at +2 (the top of the scale): 77.39, symmetric around 50', () => {
    expect(gasTScore([{ level: 2 }, { level: 2 }, { level: 2 }])).toBe(77.39);
  });

  it('weights: +1 and −1 with weight 2 → 50 − 10/√(0.7·5 + 0.3·9) = 50 − 10/√6.2 = 45.98', () => {
    expect(gasTScore([{ level: 1 }, { level: -1, weight: 2 }])).toBe(45.98);
  });

  it('weights: +2 with weight 3 and 0 with weight 1 → 50 + 60/√(7 + 4.8) = 67.47', () => {
    expect(gasTScore([{ level: 2, weight: 3 }, { level: 0 }])).toBe(67.47);
  });

  it('the formula as Turner-Stokes (2009) prints it for ρ = 0.3 (erratum, Clin Rehabil 23:362–70): 50 + 10Σwx/√(0.7Σw² + 0.3(Σw)²)', () => {
    // The general form with ρ and the ρ = 0.3 form are the same function.
    const goals = [{ level: 2, weight: 2 }, { level: -1, weight: 3 }, { level: 1 }];
    const wx = 2 * 2 + 3 * -1 + 1;
    const w2 = 4 + 9 + 1;
    const w = 6;
    expect(gasTScoreExact(goals)).toBeCloseTo(50 + (10 * wx) / Math.sqrt(0.7 * w2 + 0.3 * w * w), 12);
    // 50 + 20/√(9.8 + 10.8) = 50 + 20/√20.6 = 54.41
    expect(gasTScore(goals)).toBe(54.41);
  });

  it('the documented example of the gasr package (calc_tscore): levels −2,0,−1,2,0,1 with weights 3,5,1,4,2,6 → 55', () => {
    // From the example of calc_tscore in Taylor Dunn's R package gasr (an independent
    // implementation of Kiresuk & Sherman with ρ = 0.3), worked by hand:
    // Σwx = −6 + 0 − 1 + 8 + 0 + 6 = 7; Σw² = 9+25+1+16+4+36 = 91; Σw = 21, (Σw)² = 441;
    // 0.7·91 + 0.3·441 = 63.7 + 132.3 = 196 = 14², so T = 50 + 70/14 = 55 exactly.
    const levels = [-2, 0, -1, 2, 0, 1];
    const weights = [3, 5, 1, 4, 2, 6];
    const goals = levels.map((level, i) => ({ level, weight: weights[i] as number }));
    expect(gasTScoreExact(goals)).toBeCloseTo(55, 12);
    expect(gasTScore(goals)).toBe(55);
  });

  it('unweighted goals: T = 50 + C·Σx with C = 10/√(0.7n + 0.3n²), the coefficient GAS tables list per number of goals', () => {
    // C by hand: n=1 10/√1 = 10; n=2 10/√2.6 = 6.2017; n=3 10/√4.8 = 4.5644; n=4 10/√7.6 = 3.6274;
    // n=5 10/√11 = 3.0151.
    const coefficients = [10, 6.2017, 4.5644, 3.6274, 3.0151];
    coefficients.forEach((c, index) => {
      const n = index + 1;
      const oneEach = Array.from({ length: n }, () => ({ level: 1 }));
      expect((gasTScoreExact(oneEach) as number) - 50).toBeCloseTo(c * n, 3);
    });
    // Three goals all at +1: 50 + 3·4.5644 = 50 + 30/√4.8 = 63.69 (not 62.20); all at −1: 36.31.
    expect(gasTScore([{ level: 1 }, { level: 1 }, { level: 1 }])).toBe(63.69);
    expect(gasTScore([{ level: -1 }, { level: -1 }, { level: -1 }])).toBe(36.31);
    // Three goals at 0, +1, +2: Σx = 3, the same 63.69: only the sum counts when unweighted.
    expect(gasTScore([{ level: 0 }, { level: 1 }, { level: 2 }])).toBe(63.69);
  });

  it('opposite goals of equal weight cancel out', () => {
    expect(gasTScore([{ level: 2 }, { level: -2 }])).toBe(50);
  });

  it('has no score without goals, and refuses levels and weights out of range', () => {
    expect(gasTScore([])).toBeNull();
    expect(() => gasTScore([{ level: 3 }])).toThrow(RangeError);
    expect(() => gasTScore([{ level: -3 }])).toThrow(RangeError);
    expect(() => gasTScore([{ level: 0.5 }])).toThrow(RangeError);
    expect(() => gasTScore([{ level: 1, weight: 0 }])).toThrow(RangeError);
    expect(() => gasTScore([{ level: 1, weight: -1 }])).toThrow(RangeError);
  });
});

describe('GAS over time', () => {
  it('scores each follow-up over every sub-goal scored so far, at its latest level', () => {
    const points = gasTimeline([
      { subGoalId: 'b', level: -1, at: '2026-02-01T10:00:00Z' },
      { subGoalId: 'a', level: -1, at: '2026-01-01T10:00:00Z' },
      { subGoalId: 'a', level: 1, at: '2026-03-01T10:00:00Z' },
      { subGoalId: 'b', level: 1, at: '2026-03-01T10:00:00Z' },
    ]);
    expect(points).toEqual([
      { at: '2026-01-01T10:00:00Z', tScore: 40, goals: 1 },
      // −1, −1: 50 − 20/√2.6
      { at: '2026-02-01T10:00:00Z', tScore: 37.6, goals: 2 },
      { at: '2026-03-01T10:00:00Z', tScore: 62.4, goals: 2 },
    ]);
  });
});

describe('GAS over time, weighted', () => {
  it("weighs each sub-goal, and says each point's change from the baseline", () => {
    // Weights 2 and 3, levels +1 and −1: Σwx = −1, Σw² = 13, (Σw)² = 25,
    // T = 50 − 10/√(0.7·13 + 0.3·25) = 50 − 10/√16.6 = 47.5456…
    const points = gasTimeline([
      { subGoalId: 'a', level: 0, at: '2026-01-01T10:00:00Z', weight: 2 },
      { subGoalId: 'b', level: -1, at: '2026-01-01T10:00:00Z', weight: 3 },
      { subGoalId: 'a', level: 1, at: '2026-02-01T10:00:00Z', weight: 2 },
      { subGoalId: 'a', level: 2, at: '2026-03-01T10:00:00Z', weight: 2 },
    ]);
    // Baseline: 0·2 − 1·3 = −3 → 50 − 30/√16.6 = 42.6366…
    expect(points.map((p) => p.tScore)).toEqual([42.64, 47.55, 52.45]);
    expect(gasChanges(points)).toEqual([
      { at: '2026-01-01T10:00:00Z', tScore: 42.64, goals: 2, change: 0 },
      { at: '2026-02-01T10:00:00Z', tScore: 47.55, goals: 2, change: 4.91 },
      { at: '2026-03-01T10:00:00Z', tScore: 52.45, goals: 2, change: 9.81 },
    ]);
    expect(gasChanges([])).toEqual([]);
  });
});
