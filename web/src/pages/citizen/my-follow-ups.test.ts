import { describe, expect, it } from 'vitest';
import type { FollowUpView } from '../../api/follow-ups.js';
import type { PresentedPlan } from '../../api/plan.js';
import { myFollowUps } from './my-follow-ups.js';

const goalId = '00000000-0000-7000-8000-00000000000a';
const hiddenId = '00000000-0000-7000-8000-00000000000b';
const plan = {
  subGoals: [{ id: goalId, title: 'Sove bedre' }],
  sectors: [
    {
      sector: 'health-care',
      interventions: [{ id: hiddenId, detailsHidden: true, type: { category: 'x' } }],
    },
  ],
} as unknown as PresentedPlan;

function followUp(id: string, itemId: string, heldOn: string, code: FollowUpView['code']): FollowUpView {
  return {
    id,
    item: { kind: itemId === goalId ? 'sub_goal' : 'intervention', id: itemId },
    heldOn,
    heldBy: { id, name: 'x' },
    code,
    reasons: null,
    nextDate: null,
    gasLevel: null,
    measures: [],
  };
}

describe('myFollowUps', () => {
  it('tells the latest follow-up of each part she can name, newest first', () => {
    const lines = myFollowUps(
      [
        followUp('f3', goalId, '2026-12-01', 'change'),
        followUp('f2', hiddenId, '2026-11-20', 'end'),
        followUp('f1', goalId, '2026-10-01', 'continue'),
      ],
      plan,
    );
    expect(lines).toEqual([expect.objectContaining({ id: 'f3', code: 'change', name: 'Sove bedre' })]);
  });
});
