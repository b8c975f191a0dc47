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
});
