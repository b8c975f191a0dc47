import type { CollaborationTie, RcBand } from '../../api/surveys.js';

/** Colours of the bands (dark enough for 3:1 against white); never the only cue — the table names the band. */
export const BAND_COLOURS: Record<RcBand | 'none', string> = {
  strong: '#2d7d1f',
  moderate: '#b06000',
  weak: '#c4202b',
  none: '#8a8a8a',
};

/** The three figures of a tie: the index and its communication and relationship subscores. */
export const TIE_MEASURES = ['index', 'communication', 'relationship'] as const;
export type TieMeasure = (typeof TIE_MEASURES)[number];

export interface TiePair {
  from: string;
  to: string;
  before: CollaborationTie | null;
  after: CollaborationTie | null;
  /** The index's after − before, when both have figures. */
  change: number | null;
  /** after − before of each figure, when both rounds have it. */
  changes: Record<TieMeasure, number | null>;
}

/** after − before to two decimals, computed in hundredths so 3.86 − 3.5 is 0.36, not 0.35999… */
function difference(before: number | null | undefined, after: number | null | undefined): number | null {
  return before != null && after != null ? Math.round((after - before) * 100) / 100 : null;
}

/** Each tie in both rounds, with the changes; the groups' order (within-group ties first per group). */
export function pairTies(
  groups: readonly string[],
  before: readonly CollaborationTie[] | null,
  after: readonly CollaborationTie[] | null,
): TiePair[] {
  const find = (ties: readonly CollaborationTie[] | null, from: string, to: string) =>
    ties?.find((tie) => tie.from === from && tie.to === to) ?? null;
  return groups.flatMap((from) =>
    [from, ...groups.filter((to) => to !== from)].map((to) => {
      const b = find(before, from, to);
      const a = find(after, from, to);
      const changes = Object.fromEntries(
        TIE_MEASURES.map((measure) => [measure, difference(b?.[measure], a?.[measure])]),
      ) as Record<TieMeasure, number | null>;
      return { from, to, before: b, after: a, change: changes.index, changes };
    }),
  );
}
