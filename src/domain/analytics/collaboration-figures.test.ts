import { describe, expect, it } from 'vitest';
import type { QualityAnswer } from '../measures/quality-indicators.js';
import { RC_DIMENSIONS, type RcAnswer } from '../measures/relational-coordination.js';
import { collaborationRound, qualityFigures } from './collaboration-figures.js';
import { determinedCells, hiddenGrid } from './suppression-proof.js';

const GROUPS = ['Jobkonsulenter', 'Socialrådgivere', 'Mentorer'];

/** n respondents of `group`, each rating every group with `score(about, respondent)` on all seven. */
function respondents(group: string, n: number, score: (about: string, r: number) => number): RcAnswer[] {
  return Array.from({ length: n }, (_, r) =>
    GROUPS.map((about) => ({
      respondent: `${group}-${r}`,
      group,
      aboutGroup: about,
      ...(Object.fromEntries(RC_DIMENSIONS.map((d) => [d.key, score(about, r)])) as Record<
        (typeof RC_DIMENSIONS)[number]['key'],
        number
      >),
    })),
  ).flat();
}

describe('collaboration ties for management (collaboration-ties@1)', () => {
  const answers = [
    ...respondents('Jobkonsulenter', 6, (about, r) => (about === 'Mentorer' ? 3 : 4 + (r % 2))),
    ...respondents('Socialrådgivere', 5, () => 4),
    // Four mentors: too few, their ratings are hidden.
    ...respondents('Mentorer', 4, () => 2),
  ];
  const round = collaborationRound(GROUPS, answers);

  it('ties and pooled totals are Σ answers / (7 · answers), as a direct computation', () => {
    const direct = (keep: (answer: RcAnswer) => boolean) => {
      const kept = answers.filter(keep);
      const sum = kept.reduce((total, a) => total + RC_DIMENSIONS.reduce((s, d) => s + a[d.key], 0), 0);
      return Math.round((sum / (7 * kept.length)) * 100) / 100;
    };
    // Jobkonsulenter → Socialrådgivere: three rate 4, three 5 → 4.5.
    expect(round.rows[0]?.cells[1]).toEqual({ index: 4.5, respondents: 6, hidden: null });
    expect(round.rows[0]?.total.index).toBe(direct((a) => a.group === 'Jobkonsulenter'));
    expect(round.rows[0]?.total.index).not.toBeNull();
    expect(round.respondents).toBe(15);
    for (const [c, about] of GROUPS.entries()) {
      const cell = round.totals.cells[c];
      if (cell?.hidden === null) expect(cell.index).toBe(direct((a) => a.aboutGroup === about));
    }
  });

  it('hides the small group and complements, so no hidden tie follows from the totals', () => {
    expect(round.rows[2]?.cells.every((cell) => cell.hidden !== null)).toBe(true);
    expect(round.rows[2]?.total.hidden).toBe('small');
    // Each column total includes the mentors' four: with the other groups shown it would give
    // their sum away, so every column has a second hidden cell (or its total is hidden).
    expect(
      determinedCells(
        hiddenGrid({
          cells: round.rows.map((row) => row.cells),
          rowTotals: round.rows.map((row) => row.total),
          columnTotals: round.totals.cells,
          total: round.totals.total,
        }),
      ),
    ).toEqual([]);
    for (const [c] of GROUPS.entries()) {
      const hiddenInColumn = round.rows.filter((row) => row.cells[c]?.hidden !== null).length;
      expect(hiddenInColumn >= 2 || round.totals.cells[c]?.hidden !== null).toBe(true);
    }
  });

  it('dimension means pool the round and stand only beside its total', () => {
    if (round.totals.total.hidden === null) {
      const frequent = answers.reduce((sum, a) => sum + a.frequent, 0) / answers.length;
      expect(round.dimensions[0]).toEqual({ dimension: 'frequent', mean: Math.round(frequent * 100) / 100 });
    } else expect(round.dimensions.every((dimension) => dimension.mean === null)).toBe(true);
  });

  it('a group with no respondents is empty, not hidden', () => {
    const without = collaborationRound(
      GROUPS,
      answers.filter((a) => a.group !== 'Mentorer'),
    );
    expect(without.rows[2]?.cells[0]).toEqual({ index: null, respondents: 0, hidden: null });
    expect(without.rows[0]?.cells.every((cell) => cell.hidden === null)).toBe(true);
  });
});

describe('quality indicators for management (quality-indicators@1)', () => {
  const scores = (item: string, values: number[], prefix = 'r'): QualityAnswer[] =>
    values.map((score, index) => ({ respondent: `${prefix}${index}`, item, score }));
  const rounds = {
    baseline: [...scores('a', [2, 3, 3, 2, 4]), ...scores('b', [1, 2, 2, 3, 2, 2]), ...scores('c', [4, 4])],
    end: [
      ...scores('a', [4, 4, 3, 4, 5]),
      ...scores('b', [3, 3, 2, 3, 4, 3]),
      ...scores('c', [5, 4, 4, 5, 5]),
    ],
  };
  const figures = qualityFigures(['a', 'b', 'c'], rounds);

  it('item means, overall mean of means and change equal a direct computation', () => {
    expect(figures.items[1]?.baseline).toEqual({ mean: 2, respondents: 6, hidden: null });
    expect(figures.items[1]?.end).toEqual({ mean: 3, respondents: 6, hidden: null });
    expect(figures.items[1]?.changePercent).toBe(50);
    expect(figures.items[0]?.end).toEqual({ mean: 4, respondents: 5, hidden: null });
    // End: (4 + 3 + 4.6) / 3 = 3.8667.
    expect(figures.overall.end).toEqual({ mean: 3.87, respondents: 6, hidden: null });
  });

  it('hides an item of 1–4 respondents and a complement at baseline; no change across a hidden mean', () => {
    expect(figures.items[2]?.baseline.hidden).toBe('small');
    // The complement is the cheapest other item: a (5 respondents) rather than b (6).
    expect(figures.items[0]?.baseline.hidden).toBe('complementary');
    expect(figures.items[0]?.changePercent).toBeNull();
    const hidden = [figures.items[0], figures.items[1], figures.items[2]].map(
      (item) => item?.baseline.hidden !== null,
    );
    const totalHidden = figures.overall.baseline.hidden !== null;
    expect(hidden.filter(Boolean).length + (totalHidden ? 1 : 0)).toBeGreaterThanOrEqual(2);
    expect(
      determinedCells([
        [...hidden, totalHidden],
        [...hidden, totalHidden],
      ]),
    ).toEqual([]);
    expect(figures.items[2]?.changePercent).toBeNull();
  });
});
