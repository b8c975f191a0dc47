import type { CostUnit } from './catalogue.js';

/**
 * Cost calibration. Danish municipalities report that the most expensive 1 % of citizens carry
 * about 22 % of the costs attributable to individuals and the most expensive 10 % about 72 %.
 * No single lognormal has both shares, so the target is a rank-based quantile function made
 * of three pieces — linear over the top 1 %, geometric over the next 9 %, geometric over the
 * remaining 90 % down to a floor — whose masses are exactly the two shares. A citizen's yearly
 * cost is then the target for their rank, the rank coming from the citizen's "natural" cost
 * (list prices × volumes), so expensive plans stay expensive and only the spread is reshaped.
 */
export interface LorenzTarget {
  /** Share of the total carried by the top 1 %. */
  top1: number;
  /** Share of the total carried by the top 10 %. */
  top10: number;
  /** Cost of the cheapest citizen relative to the mean. */
  floor: number;
}

/** The Danish figures; the floor keeps the cheapest citizen at 5 % of the mean. */
export const DEFAULT_LORENZ_TARGET: LorenzTarget = { top1: 0.22, top10: 0.72, floor: 0.05 };

interface QuantileFunction {
  /** Cumulative share of the total held by the top fraction u of citizens (0 ≤ u ≤ 1). */
  mass(u: number): number;
}

const P1 = 0.01;
const P10 = 0.1;

/** Mass of a geometric (exponential) piece from value a to value b over width w. */
function geometricMass(a: number, b: number, width: number): number {
  if (Math.abs(a - b) < 1e-12) return a * width;
  return (width * (a - b)) / Math.log(a / b);
}

/** Solves geometricMass(x, b, width) = mass for the start value x ≥ b (the mass grows with x). */
function solveStart(b: number, width: number, mass: number): number {
  let low = b;
  let high = Math.max(b * 2, 1);
  while (geometricMass(high, b, width) < mass) high *= 2;
  for (let iteration = 0; iteration < 200; iteration++) {
    const middle = (low + high) / 2;
    if (geometricMass(middle, b, width) < mass) low = middle;
    else high = middle;
  }
  return (low + high) / 2;
}

/** Builds the piecewise quantile function of relative cost (mean 1) for a Lorenz target. */
export function quantileFunction(target: LorenzTarget = DEFAULT_LORENZ_TARGET): QuantileFunction {
  const { top1, top10, floor } = target;
  if (!(top1 > P1 && top10 > P10 && top10 > top1 && top10 < 1)) throw new Error('Infeasible Lorenz target');
  const massBottom = 1 - top10;
  if (floor * (1 - P10) >= massBottom) throw new Error('Lorenz target: the floor is too high');
  // Bottom 90 %: geometric from v10 down to the floor.
  const v10 = solveStart(floor, 1 - P10, massBottom);
  // Next 9 %: geometric from v1 down to v10.
  const v1 = solveStart(v10, P10 - P1, top10 - top1);
  // Top 1 %: linear from vTop down to v1, with mass top1.
  const vTop = (2 * top1) / P1 - v1;
  if (vTop < v1) throw new Error('Lorenz target: the top 1 % share is too small for the top 10 % share');

  const geometricCumulative = (start: number, width: number, a: number, b: number, u: number): number => {
    const x = (u - start) / width;
    if (Math.abs(a - b) < 1e-12) return a * width * x;
    const ratio = b / a;
    return ((a * width) / Math.log(ratio)) * (ratio ** x - 1);
  };

  return {
    mass(u: number): number {
      if (u <= 0) return 0;
      if (u >= 1) return 1;
      if (u <= P1) return vTop * u + ((v1 - vTop) * u * u) / (2 * P1);
      if (u <= P10) return top1 + geometricCumulative(P1, P10 - P1, v1, v10, u);
      return top10 + geometricCumulative(P10, 1 - P10, v10, floor, u);
    },
  };
}

/**
 * Yearly cost in øre for each rank, most expensive first: rank k gets the mass between k/n and
 * (k+1)/n of the total n × meanOre, so the top 1 % and top 10 % shares are exact whenever 1 %
 * of n is a whole number (and within rounding otherwise).
 */
export function targetCostsByRank(
  count: number,
  meanOre: number,
  target: LorenzTarget = DEFAULT_LORENZ_TARGET,
): number[] {
  const quantile = quantileFunction(target);
  const total = count * meanOre;
  const costs: number[] = new Array(count);
  let previous = 0;
  for (let rank = 0; rank < count; rank++) {
    const next = quantile.mass((rank + 1) / count);
    costs[rank] = Math.max(1, Math.round(total * (next - previous)));
    previous = next;
  }
  return costs;
}

/**
 * Assigns each citizen the target cost of their rank. `keys[i]` orders citizen i (higher is more
 * expensive); ties go to the lower index so the result never depends on sort stability.
 */
export function assignTargets(keys: ArrayLike<number>, meanOre: number, target?: LorenzTarget): Float64Array {
  const count = keys.length;
  const order = Array.from({ length: count }, (_, index) => index);
  order.sort((a, b) => (keys[b] as number) - (keys[a] as number) || a - b);
  const costs = targetCostsByRank(count, meanOre, target);
  const result = new Float64Array(count);
  for (let rank = 0; rank < count; rank++) result[order[rank] as number] = costs[rank] as number;
  return result;
}

/** Share of the total carried by the most expensive `fraction` of the values (at least one value). */
export function topShare(values: ArrayLike<number>, fraction: number): number {
  const sorted = Array.from(values).sort((a, b) => b - a);
  const total = sorted.reduce((sum, value) => sum + value, 0);
  if (total <= 0) return 0;
  const top = Math.max(1, Math.round(sorted.length * fraction));
  let sum = 0;
  for (let index = 0; index < top; index++) sum += sorted[index] as number;
  return sum / total;
}

const DAYS_PER_MONTH = 365.25 / 12;

/**
 * The list-price cost of an intervention over an inclusive range of days. `quantity` is hours a
 * week for hourly prices and a factor otherwise. One-off prices are booked once, by the caller.
 */
export function periodCost(unitCostOre: number, costUnit: CostUnit, quantity: number, days: number): number {
  switch (costUnit) {
    case 'hour':
    case 'week':
      return (unitCostOre * quantity * days) / 7;
    case 'month':
      return (unitCostOre * quantity * days) / DAYS_PER_MONTH;
    case 'once':
      return 0;
  }
}

/** A monthly amount over an inclusive range of days. */
export function monthlyCost(monthlyOre: number, days: number): number {
  return (monthlyOre * days) / DAYS_PER_MONTH;
}

/**
 * Scales amounts so they add up to exactly `targetOre`, keeping their proportions. Returns whole
 * øre; the rounding difference goes to the largest amount.
 */
export function scaleToTarget(amounts: readonly number[], targetOre: number): number[] {
  const base = amounts.reduce((sum, amount) => sum + amount, 0);
  if (base <= 0) throw new Error('scaleToTarget: nothing to scale');
  const factor = targetOre / base;
  const scaled = amounts.map((amount) => Math.round(amount * factor));
  let sum = 0;
  let largest = 0;
  scaled.forEach((amount, index) => {
    sum += amount;
    if (amount > (scaled[largest] as number)) largest = index;
  });
  scaled[largest] = (scaled[largest] as number) + (targetOre - sum);
  return scaled;
}

/**
 * Calibrates every calendar year of the data, so a cost-concentration figure comes out right
 * whichever year it is computed for. The first pass records each citizen's list-price cost per
 * year and a rank weight; each year's citizens (those with any cost that year) are then ranked
 * by cost × weight and given the target cost of their rank. The calibration year — the current,
 * possibly partial, year — has the given mean; earlier years keep their list-price total
 * relative to it, so a year with fewer citizens in contact costs less in total.
 */
export class YearlyCostCalibration {
  private readonly natural = new Map<number, Float64Array>();
  private readonly weights: Float64Array;
  private targets: Map<number, Float64Array> | null = null;

  constructor(
    private readonly count: number,
    private readonly calibrationYear: number,
    /** Mean cost per citizen in the calibration year, in øre. */
    private readonly calibrationMeanOre: number,
  ) {
    this.weights = new Float64Array(count);
  }

  /** Records citizen `index`: list-price cost per year, and the weight that orders citizens. */
  record(index: number, costByYear: ReadonlyMap<number, number>, weight: number): void {
    this.weights[index] = weight;
    for (const [year, amount] of costByYear) {
      let perCitizen = this.natural.get(year);
      if (!perCitizen) {
        perCitizen = new Float64Array(this.count);
        this.natural.set(year, perCitizen);
      }
      perCitizen[index] = (perCitizen[index] as number) + amount;
    }
  }

  /** The calibrated cost of citizen `index` in `year` (0 when the citizen had no cost that year). */
  target(index: number, year: number): number {
    this.targets ??= this.solve();
    return this.targets.get(year)?.[index] ?? 0;
  }

  private solve(): Map<number, Float64Array> {
    const result = new Map<number, Float64Array>();
    const current = this.natural.get(this.calibrationYear);
    if (!current) throw new Error('No costs in the calibration year');
    const currentTotal = current.reduce((sum, amount) => sum + amount, 0);
    const factor = (this.calibrationMeanOre * countPositive(current)) / currentTotal;
    for (const [year, natural] of this.natural) {
      const members: number[] = [];
      let total = 0;
      for (let index = 0; index < this.count; index++) {
        const amount = natural[index] as number;
        if (amount <= 0) continue;
        members.push(index);
        total += amount;
      }
      const mean =
        year === this.calibrationYear ? this.calibrationMeanOre : (total * factor) / members.length;
      const keys = members.map((index) => (natural[index] as number) * (this.weights[index] as number));
      const targets = assignTargets(keys, Math.round(mean));
      const perCitizen = new Float64Array(this.count);
      members.forEach((index, position) => {
        perCitizen[index] = targets[position] as number;
      });
      result.set(year, perCitizen);
    }
    return result;
  }
}

function countPositive(values: Float64Array): number {
  let count = 0;
  for (const value of values) if (value > 0) count++;
  return count;
}
