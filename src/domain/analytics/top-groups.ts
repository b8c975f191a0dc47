import { MIN_CELL_CITIZENS, TOP_FRACTIONS, type TopKey, topGroupSize } from './concentration.js';

/** One of the most expensive citizens, most expensive first. */
export interface TopCitizen {
  /** Distinct sectors they were in contact with during the year. */
  sectors: number;
  /** Interventions under way at once on the reference day. */
  simultaneous: number;
}

/** What the top-k % group is: its size, how many are in 2+ sectors, how much they receive at once. */
export interface TopGroup {
  key: TopKey;
  citizens: number;
  /** Citizens in contact with two or more sectors (null: it or its complement is a small cell). */
  multiSector: number | null;
  /** Mean and median interventions under way at once (null for fewer than five citizens). */
  simultaneousMean: number | null;
  simultaneousMedian: number | null;
}

/** A count within a group of known size, hidden when it or the rest of the group is 1–4 citizens. */
export function countWithin(count: number, groupSize: number): number | null {
  const small = (value: number) => value > 0 && value < MIN_CELL_CITIZENS;
  return small(count) || small(groupSize - count) ? null : count;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/**
 * The top 1, 5, 10 and 20 % groups of `n` citizens with cost (ceil(n·k) citizens each, see
 * concentration.ts), from the most expensive citizens in rank order (at least the top 20 %).
 */
export function topGroups(n: number, ranked: readonly TopCitizen[]): TopGroup[] {
  return (Object.keys(TOP_FRACTIONS) as TopKey[]).map((key) => {
    const size = topGroupSize(n, TOP_FRACTIONS[key]);
    const members = ranked.slice(0, size);
    if (members.length !== size)
      throw new Error(`topGroups: ${size} citizens needed, ${members.length} given`);
    if (size < MIN_CELL_CITIZENS)
      return { key, citizens: size, multiSector: null, simultaneousMean: null, simultaneousMedian: null };
    const simultaneous = members.map((member) => member.simultaneous);
    return {
      key,
      citizens: size,
      multiSector: countWithin(members.filter((member) => member.sectors >= 2).length, size),
      simultaneousMean: Math.round((simultaneous.reduce((a, b) => a + b, 0) / size) * 100) / 100,
      simultaneousMedian: median(simultaneous),
    };
  });
}
