import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignTargets, scaleToTarget, targetCostsByRank, topShare, YearlyCostCalibration } from './costs.js';
import { Random } from './random.js';

const MEAN = 15_000_000;

describe('cost calibration', () => {
  it('gives the top 1 % about 22 % and the top 10 % about 72 % of the total for 20,000 citizens', () => {
    const costs = targetCostsByRank(20_000, MEAN);
    expect(topShare(costs, 0.01)).toBeCloseTo(0.22, 3);
    expect(topShare(costs, 0.1)).toBeCloseTo(0.72, 3);
    const mean = costs.reduce((sum, cost) => sum + cost, 0) / costs.length;
    expect(Math.abs(mean - MEAN) / MEAN).toBeLessThan(1e-6);
  });

  it('stays within tolerance for awkward sizes', () => {
    for (const count of [333, 2000, 4999, 50_000]) {
      const costs = targetCostsByRank(count, MEAN);
      expect(Math.abs(topShare(costs, 0.01) - 0.22)).toBeLessThan(0.03);
      expect(Math.abs(topShare(costs, 0.1) - 0.72)).toBeLessThan(0.03);
    }
  });

  it('is decreasing by rank and positive, with a plausible top and floor', () => {
    const costs = targetCostsByRank(10_000, MEAN);
    for (let rank = 1; rank < costs.length; rank++)
      expect(costs[rank]).toBeLessThanOrEqual(costs[rank - 1] as number);
    expect(costs[costs.length - 1]).toBeGreaterThan(0);
    // The most expensive citizen costs some 27 times the mean, not hundreds of times.
    expect((costs[0] as number) / MEAN).toBeLessThan(30);
  });

  it('gives the highest targets to the highest keys', () => {
    const targets = assignTargets([5, 1, 9, 3], 100);
    expect(targets[2]).toBeGreaterThanOrEqual(targets[0] as number);
    expect(targets[0]).toBeGreaterThanOrEqual(targets[3] as number);
    expect(targets[3]).toBeGreaterThanOrEqual(targets[1] as number);
  });

  it('scales amounts to exactly the target in whole øre', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.01, max: 1e7, noNaN: true }), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 1, max: 1e10 }),
        (amounts, target) => {
          const scaled = scaleToTarget(amounts, target);
          expect(scaled.reduce((sum, amount) => sum + amount, 0)).toBe(target);
          for (const amount of scaled) expect(Number.isInteger(amount)).toBe(true);
        },
      ),
    );
  });

  it('calibrates every year on its own, among the citizens with costs that year', () => {
    const count = 5000;
    const random = new Random(3);
    const calibration = new YearlyCostCalibration(count, 2026, MEAN);
    for (let index = 0; index < count; index++) {
      const byYear = new Map<number, number>([[2026, 1000 * Math.exp(random.normal())]]);
      if (index % 3 !== 0) byYear.set(2025, 800 * Math.exp(random.normal()));
      calibration.record(index, byYear, 1 + random.next());
    }
    const year2026 = Array.from({ length: count }, (_, index) => calibration.target(index, 2026));
    const year2025 = Array.from({ length: count }, (_, index) => calibration.target(index, 2025)).filter(
      (v) => v > 0,
    );
    expect(year2026.every((value) => value > 0)).toBe(true);
    expect(year2025.length).toBe(count - Math.ceil(count / 3));
    for (const values of [year2026, year2025]) {
      expect(topShare(values, 0.01)).toBeCloseTo(0.22, 2);
      expect(topShare(values, 0.1)).toBeCloseTo(0.72, 2);
    }
    expect(calibration.target(0, 2025)).toBe(0);
  });
});
