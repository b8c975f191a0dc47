import { type GasRecord, gasTimeline } from '../measures/gas.js';
import { roundTo } from '../measures/rounding.js';
import { type ShownTable, shownTable } from './cost-table.js';

/**
 * How citizens' Goal Attainment Scaling goes, for management: distributions only. Per unit (the
 * unit of the citizen's coordinator) and overall, how many citizens' latest T-score lies in each
 * band, and how many moved how far from their baseline. Never a figure per professional: the
 * table has no such row and the query reads no professional but the coordinator's unit.
 *
 * - A citizen counts in a year when at least one GAS follow-up of theirs was recorded in the
 *   year. Their T-score is the one after their last follow-up up to the end of the year (or up
 *   to today), over every sub-goal scored so far, each at its latest level, with the sub-goals'
 *   weights of now (the same computation as the plan's, `gasTimeline`).
 * - The baseline is their first T-score ever; the change is latest − baseline, in T-points.
 *   Only citizens followed up after the baseline (two or more T-scores) are in the change
 *   table: a citizen with a baseline only has not had a chance to move.
 * - T-score bands (T = 50 is "as expected", the scale's standard deviation is 10): below 40;
 *   40 to below 50; 50 to below 60; 60 and above. A boundary value belongs to the band above it.
 * - Change bands: fell (below 0); 0 to below 5 (about the same); 5 to below 10 (half a
 *   standard deviation up); 10 and above (a standard deviation or more up).
 * - Privacy: each table is suppressed like the other management figures (suppression.ts): no
 *   cell of 1–4 citizens, and complementary cells so that no hidden cell can be recomputed
 *   from the row and column totals.
 */
export const GAS_DISTRIBUTION_DEFINITION = { id: 'gas-distribution', version: 1 } as const;

/**
 * The instants a Danish calendar year runs between: 1 January 00:00 in Copenhagen is always
 * winter time (UTC+1), so it is 23:00 UTC on 31 December.
 */
export function danishYear(year: number): { from: Date; until: Date } {
  return {
    from: new Date(Date.UTC(year - 1, 11, 31, 23)),
    until: new Date(Date.UTC(year, 11, 31, 23)),
  };
}

export const GAS_SCORE_BANDS = ['below40', 'from40to50', 'from50to60', 'from60'] as const;
export type GasScoreBand = (typeof GAS_SCORE_BANDS)[number];
export const GAS_CHANGE_BANDS = ['fell', 'from0to5', 'from5to10', 'from10'] as const;
export type GasChangeBand = (typeof GAS_CHANGE_BANDS)[number];

/** The band of a T-score: below 40, [40, 50), [50, 60), 60 and above. */
export function gasScoreBand(tScore: number): number {
  if (tScore < 40) return 0;
  if (tScore < 50) return 1;
  if (tScore < 60) return 2;
  return 3;
}

/** The band of a change from the baseline: below 0, [0, 5), [5, 10), 10 and above. */
export function gasChangeBand(change: number): number {
  if (change < 0) return 0;
  if (change < 5) return 1;
  if (change < 10) return 2;
  return 3;
}

/** One citizen's GAS follow-ups (each with the sub-goal's weight of now) and the row they count in. */
export interface CitizenGas {
  /** The row: an index into the table's units (the coordinator's unit, or the "none" row). */
  row: number;
  records: readonly GasRecord[];
}

/** A citizen's latest T-score by `until` and its change from the baseline; null when not counted. */
export function latestGas(
  records: readonly GasRecord[],
  from: string,
  until: string,
): { tScore: number; change: number | null } | null {
  const points = gasTimeline(records.filter((record) => record.at < until));
  const last = points.at(-1);
  if (!last || last.at < from) return null;
  const baseline = points[0]?.tScore as number;
  // Between the reported (two-decimal) T-scores, as the plan shows them.
  return { tScore: last.tScore, change: points.length > 1 ? roundTo(last.tScore - baseline, 2) : null };
}

export interface GasDistribution {
  citizens: number;
  scores: ShownTable;
  changes: ShownTable;
}

/**
 * The two tables: rows × T-score bands and rows × change bands, with totals, suppressed.
 * `from` and `until` are instants (ISO): follow-ups in [from, until) make a citizen count.
 */
export function gasDistribution(
  citizens: readonly CitizenGas[],
  rows: number,
  from: string,
  until: string,
): GasDistribution {
  const scores: { row: number; column: number; citizen: number; amount: number }[] = [];
  const changes: { row: number; column: number; citizen: number; amount: number }[] = [];
  citizens.forEach((citizen, index) => {
    const latest = latestGas(citizen.records, from, until);
    if (!latest) return;
    scores.push({ row: citizen.row, column: gasScoreBand(latest.tScore), citizen: index, amount: 0 });
    if (latest.change !== null)
      changes.push({ row: citizen.row, column: gasChangeBand(latest.change), citizen: index, amount: 0 });
  });
  return {
    citizens: scores.length,
    scores: shownTable(scores, rows, GAS_SCORE_BANDS.length),
    changes: shownTable(changes, rows, GAS_CHANGE_BANDS.length),
  };
}
