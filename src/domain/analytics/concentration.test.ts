import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  concentration,
  gini,
  isDominated,
  lorenzAt,
  lorenzSteps,
  sortCosts,
  topGroupSize,
  topShare,
} from './concentration.js';

/** Gini as the mean absolute difference, straight from its definition. */
function giniByPairs(values: readonly number[]): number {
  const n = values.length;
  const total = values.reduce((a, b) => a + b, 0);
  if (n === 0 || total === 0) return 0;
  let differences = 0;
  for (const a of values) for (const b of values) differences += Math.abs(a - b);
  return differences / (2 * n * total);
}

/** The top-k share by brute force: whole citizens, plus the fraction of the boundary citizen. */
function topShareByHand(values: readonly number[], k: number): number {
  const descending = [...values].sort((a, b) => b - a);
  const total = values.reduce((a, b) => a + b, 0);
  let remaining = values.length * k;
  let carried = 0;
  for (const value of descending) {
    if (remaining <= 0) break;
    carried += value * Math.min(1, remaining);
    remaining -= 1;
  }
  return carried / total;
}

const costsArbitrary = fc.array(fc.integer({ min: 0, max: 10_000_000 }), { minLength: 1, maxLength: 60 });

describe('Gini', () => {
  it('is 0 when everyone costs the same', () => {
    expect(gini(sortCosts([7, 7, 7, 7]))).toBeCloseTo(0, 12);
  });

  it('is (n − 1)/n when one citizen carries everything', () => {
    for (const n of [1, 2, 5, 10, 101]) {
      const costs = Array.from({ length: n }, (_, index) => (index === 0 ? 1000 : 0));
      expect(gini(sortCosts(costs))).toBeCloseTo((n - 1) / n, 12);
    }
  });

  it('matches the textbook example 1, 2, 3, 4, 5 → 4/15', () => {
    expect(gini(sortCosts([5, 3, 1, 4, 2]))).toBeCloseTo(4 / 15, 12);
  });

  it('equals the mean absolute difference on any data', () => {
    fc.assert(
      fc.property(costsArbitrary, (costs) => {
        expect(gini(sortCosts(costs))).toBeCloseTo(giniByPairs(costs), 9);
      }),
    );
  });
});

describe('top shares and the Lorenz curve', () => {
  it('takes the fraction of the boundary citizen when n·k is not whole', () => {
    // 30 citizens, top 5 % = 1.5 citizens: the most expensive (60) and half the next (30).
    const costs = [60, 30, ...Array.from({ length: 28 }, () => 10)];
    expect(topShare(sortCosts(costs), 0.05)).toBeCloseTo((60 + 15) / 370, 12);
    expect(topGroupSize(30, 0.05)).toBe(2);
    expect(topGroupSize(100, 0.07)).toBe(7);
    expect(topGroupSize(0, 0.1)).toBe(0);
    expect(topGroupSize(3, 0.01)).toBe(1);
  });

  it('agrees with a direct computation for every k', () => {
    fc.assert(
      fc.property(costsArbitrary, fc.double({ min: 0, max: 1, noNaN: true }), (costs, k) => {
        fc.pre(costs.some((cost) => cost > 0));
        expect(topShare(sortCosts(costs), k)).toBeCloseTo(topShareByHand(costs, k), 9);
      }),
    );
  });

  it('runs from (0, 0) to (1, 1), rising and convex', () => {
    fc.assert(
      fc.property(costsArbitrary, (costs) => {
        fc.pre(costs.some((cost) => cost > 0));
        const sorted = sortCosts(costs);
        expect(lorenzAt(sorted, 0)).toBe(0);
        expect(lorenzAt(sorted, 1)).toBe(1);
        let previous = 0;
        let previousSlope = 0;
        for (let step = 1; step <= 50; step++) {
          const value = lorenzAt(sorted, step / 50);
          expect(value).toBeGreaterThanOrEqual(previous - 1e-12);
          const slope = value - previous;
          expect(slope).toBeGreaterThanOrEqual(previousSlope - 1e-9);
          previous = value;
          previousSlope = slope;
        }
        expect(lorenzAt(sorted, 0.5)).toBeLessThanOrEqual(0.5 + 1e-12);
      }),
    );
  });

  it('the shares are the curve read from the top', () => {
    const costs = Array.from({ length: 1000 }, (_, index) => (index + 1) ** 2);
    const figure = concentration(costs);
    const at = (p: number) => figure.lorenz.find(([x]) => Math.abs(x - p) < 1e-9)?.[1] as number;
    expect(figure.shares.top1).toBeCloseTo(1 - at(0.99), 5);
    expect(figure.shares.top10).toBeCloseTo(1 - at(0.9), 5);
    expect(figure.lorenz).toHaveLength(101);
    expect(figure.citizens).toBe(1000);
    expect(figure.total).toBe(costs.reduce((a, b) => a + b, 0));
    expect(figure.gini).toBeCloseTo(giniByPairs(costs), 5);
  });
});

describe('privacy of the concentration figure', () => {
  it('shows only the count for fewer than five citizens', () => {
    const figure = concentration([100, 200, 300, 400]);
    expect(figure).toEqual({
      citizens: 4,
      total: null,
      shares: { top1: null, top5: null, top10: null, top20: null },
      gini: null,
      lorenz: [],
    });
  });

  it('shows only the count when one or two citizens carry ≥ 85 % (dominance)', () => {
    const figure = concentration([10_000, 9_000, 100, 100, 100, 100, 100, 100]);
    expect(figure.total).toBeNull();
    expect(isDominated([85, 5, 5, 5])).toBe(true);
    expect(isDominated([75, 9, 8, 8])).toBe(false);
    expect(isDominated([80, 5, 10, 5])).toBe(true);
  });

  it('hides a share whose group holds fewer than five citizens', () => {
    const costs = Array.from({ length: 120 }, (_, index) => 1000 + index);
    const figure = concentration(costs);
    // 1 % of 120 = 1.2 citizens; 5 % = 6.
    expect(figure.shares.top1).toBeNull();
    expect(figure.shares.top5).not.toBeNull();
    expect(figure.lorenz).toHaveLength(21);
  });

  it('draws the curve in steps of at least five citizens, with every shown share on it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 5, max: 2000 }), (n) => {
        const steps = lorenzSteps(n);
        expect(n / steps).toBeGreaterThanOrEqual(5);
        for (const k of [0.01, 0.05, 0.1, 0.2])
          if (n * k >= 5) expect(Math.abs(k * steps - Math.round(k * steps))).toBeLessThan(1e-9);
      }),
    );
  });

  it('leaves out citizens without cost', () => {
    expect(concentration([0, 0, 5, 5, 5, 5, 5]).citizens).toBe(5);
  });
});
