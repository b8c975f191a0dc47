/**
 * Cost concentration: how much of the attributable cost the most expensive citizens carry.
 * Pure; the definitions are in docs/decisions/0013-cost-concentration.md.
 *
 * - The Lorenz curve L(p) is the share of the total carried by the cheapest fraction p of
 *   citizens: piecewise linear through (i/n, cumulative share of the i cheapest), so it is
 *   defined exactly for every p, not only at whole citizens.
 * - The top-k % share is 1 − L(1 − k): the point on that same curve. When n·k % is not a whole
 *   number the boundary citizen counts with the fraction of them inside the group (the linear
 *   interpolation), so shares, curve and Gini agree and a share never jumps as n grows by one.
 * - The top-k % *group* (for counting people: sectors, interventions) is the ceil(n·k %) most
 *   expensive citizens, ties broken by citizen id: people are counted whole.
 * - Gini = (2 Σ i·x₍ᵢ₎) / (n Σ x) − (n + 1)/n over the costs sorted ascending (i = 1…n), which
 *   equals the mean absolute difference Σᵢ Σⱼ |xᵢ − xⱼ| / (2 n² μ): 0 when all are equal,
 *   (n − 1)/n when one citizen carries everything.
 */

export const CONCENTRATION_DEFINITION = { id: 'cost-concentration', version: 1 } as const;

/** The shares the API reports, as fractions of the population (most expensive first). */
export const TOP_FRACTIONS = { top1: 0.01, top5: 0.05, top10: 0.1, top20: 0.2 } as const;
export type TopKey = keyof typeof TOP_FRACTIONS;

/** Fewer citizens than this in a group and its figure is not shown (the small-cell rule). */
export const MIN_CELL_CITIZENS = 5;
/** One or two citizens carrying at least this share of a money cell hide it (the dominance rule). */
export const DOMINANCE_SHARE = 0.85;

/** Costs sorted ascending with their running sums: the Lorenz curve at whole citizens. */
export interface SortedCosts {
  /** Ascending. */
  readonly costs: readonly number[];
  /** cumulative[i] = sum of the i cheapest (cumulative[0] = 0, cumulative[n] = total). */
  readonly cumulative: readonly number[];
  readonly total: number;
}

export function sortCosts(costs: readonly number[]): SortedCosts {
  for (const cost of costs)
    if (!Number.isFinite(cost) || cost < 0) throw new Error('Costs must be finite and not negative');
  const sorted = [...costs].sort((a, b) => a - b);
  const cumulative = new Array<number>(sorted.length + 1);
  cumulative[0] = 0;
  for (let index = 0; index < sorted.length; index++)
    cumulative[index + 1] = (cumulative[index] as number) + (sorted[index] as number);
  return { costs: sorted, cumulative, total: cumulative[sorted.length] as number };
}

/** L(p): the share of the total carried by the cheapest fraction p (0 ≤ p ≤ 1), interpolated. */
export function lorenzAt(sorted: SortedCosts, p: number): number {
  const n = sorted.costs.length;
  if (n === 0 || sorted.total === 0) return p;
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  const position = p * n;
  const whole = Math.floor(position);
  const below = sorted.cumulative[whole] as number;
  const next = whole < n ? (sorted.costs[whole] as number) : 0;
  return (below + (position - whole) * next) / sorted.total;
}

/** Share of the total carried by the most expensive fraction k of citizens: 1 − L(1 − k). */
export function topShare(sorted: SortedCosts, k: number): number {
  return 1 - lorenzAt(sorted, 1 - k);
}

/** Number of citizens in the top-k group: ceil(n·k), at least one when there are any. */
export function topGroupSize(n: number, k: number): number {
  if (n === 0) return 0;
  // The epsilon keeps 0.07 × 100 = 7.000000000000001 from becoming 8.
  return Math.max(1, Math.ceil(n * k - 1e-9));
}

/** Gini coefficient from the ascending costs (0 for no citizens or no cost). */
export function gini(sorted: SortedCosts): number {
  const n = sorted.costs.length;
  if (n === 0 || sorted.total === 0) return 0;
  let weighted = 0;
  for (let index = 0; index < n; index++) weighted += (index + 1) * (sorted.costs[index] as number);
  return (2 * weighted) / (n * sorted.total) - (n + 1) / n;
}

/**
 * How finely the Lorenz curve may be drawn: the most of 100, 20, 10, 5 steps such that every
 * step covers at least five citizens (one step when fewer than 25). The share points 1, 5, 10
 * and 20 % that are shown always fall on this grid, so no difference of two published figures
 * covers fewer than five citizens.
 */
export function lorenzSteps(n: number): number {
  for (const steps of [100, 20, 10, 5]) if (n / steps >= MIN_CELL_CITIZENS) return steps;
  return 1;
}

/** Whether the largest one or two amounts carry at least DOMINANCE_SHARE of the total. */
export function isDominated(amounts: readonly number[], total = sum(amounts)): boolean {
  if (total <= 0) return false;
  let first = 0;
  let second = 0;
  for (const amount of amounts) {
    if (amount > first) {
      second = first;
      first = amount;
    } else if (amount > second) second = amount;
  }
  return first + second >= DOMINANCE_SHARE * total;
}

export function sum(values: readonly number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

export type Shares = Record<TopKey, number | null>;

/** The cost-concentration figure, in the shape of the API (null where privacy hides it). */
export interface Concentration {
  citizens: number;
  total: number | null;
  shares: Shares;
  gini: number | null;
  lorenz: [number, number][];
}

const round = (value: number): number => Math.round(value * 1e6) / 1e6;

/**
 * The concentration of one population's costs (one amount per citizen with cost). Nothing but
 * the count is shown for fewer than five citizens or when one or two carry ≥ 85 % of the total;
 * a share whose group holds fewer than five citizens, or is dominated by one or two, is null.
 */
export function concentration(costs: readonly number[]): Concentration {
  const sorted = sortCosts(costs.filter((cost) => cost > 0));
  const n = sorted.costs.length;
  const hidden: Concentration = {
    citizens: n,
    total: null,
    shares: { top1: null, top5: null, top10: null, top20: null },
    gini: null,
    lorenz: [],
  };
  if (n < MIN_CELL_CITIZENS || isDominated(sorted.costs, sorted.total)) return hidden;
  const shares = { ...hidden.shares };
  for (const key of Object.keys(TOP_FRACTIONS) as TopKey[]) {
    const k = TOP_FRACTIONS[key];
    if (n * k < MIN_CELL_CITIZENS) continue;
    const groupSize = topGroupSize(n, k);
    const top = sorted.costs.slice(n - groupSize);
    if (isDominated(top, sum(top))) continue;
    shares[key] = round(topShare(sorted, k));
  }
  const steps = lorenzSteps(n);
  const lorenz: [number, number][] = [];
  for (let step = 0; step <= steps; step++) {
    const p = step / steps;
    lorenz.push([round(p), round(lorenzAt(sorted, p))]);
  }
  return { citizens: n, total: sorted.total, shares, gini: round(gini(sorted)), lorenz };
}
