import { describe, expect, it } from 'vitest';
import type { CollaborationTie } from '../../api/surveys.js';
import { pairTies } from './rc-view.js';

const tie = (from: string, to: string, index: number | null): CollaborationTie => ({
  from,
  to,
  respondents: 5,
  index,
  communication: index,
  relationship: index,
  band: index === null ? null : 'moderate',
});

describe('pairing two rounds', () => {
  it('puts each group’s own tie first and computes the change only with both figures', () => {
    const before = [tie('A', 'A', 4), tie('A', 'B', 3.5), tie('B', 'A', null), tie('B', 'B', 4.1)];
    const after = [tie('A', 'A', 4.2), tie('A', 'B', 3.86), tie('B', 'A', 3), tie('B', 'B', 4.1)];
    expect(pairTies(['A', 'B'], before, after).map((p) => [p.from, p.to, p.change])).toEqual([
      ['A', 'A', 0.2],
      ['A', 'B', 0.36],
      ['B', 'B', 0],
      ['B', 'A', null],
    ]);
  });

  it('changes the index and both subscores each on its own', () => {
    const before = { ...tie('A', 'B', 3.5), communication: 3.25, relationship: 3.83 };
    const after = { ...tie('A', 'B', 3.86), communication: 3.75, relationship: 4.0 };
    const [, pair] = pairTies(['A', 'B'], [before], [after]);
    expect(pair?.changes).toEqual({ index: 0.36, communication: 0.5, relationship: 0.17 });
    // Only one round: nothing to compare.
    expect(pairTies(['A', 'B'], [before], null)[1]?.changes).toEqual({
      index: null,
      communication: null,
      relationship: null,
    });
  });
});
