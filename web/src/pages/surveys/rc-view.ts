import type { CollaborationTie, RcBand } from '../../api/surveys.js';

/** Colours of the bands (dark enough for 3:1 against white); never the only cue — the table names the band. */
export const BAND_COLOURS: Record<RcBand | 'none', string> = {
  strong: '#2d7d1f',
  moderate: '#b06000',
  weak: '#c4202b',
  none: '#8a8a8a',
};

export interface TiePair {
  from: string;
  to: string;
  before: CollaborationTie | null;
  after: CollaborationTie | null;
  /** after − before, when both have figures. */
  change: number | null;
}

/** Each tie in both rounds, with the change; the groups' order (within-group ties first per group). */
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
      const change =
        b?.index != null && a?.index != null ? Math.round((a.index - b.index) * 100) / 100 : null;
      return { from, to, before: b, after: a, change };
    }),
  );
}
