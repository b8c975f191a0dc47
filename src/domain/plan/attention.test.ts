import { describe, expect, it } from 'vitest';
import { attentionFor, attentionScore } from './attention.js';
import { addDays, danishToday } from '../calendar.js';
import type { InterventionView, PlanOverview } from './plan.types.js';

const me = '00000000-0000-7000-8000-0000000000aa';
const other = '00000000-0000-7000-8000-0000000000bb';

function item(id: string, status: InterventionView['status'], followUpDate: string | null): InterventionView {
  return {
    id,
    type: { id, code: 'x', name: 'x', category: 'job' },
    sector: 'employment',
    unit: { id, name: 'x' },
    responsible: null,
    legalBasis: 'LAB-47',
    purpose: null,
    startDate: '2026-01-01',
    endDate: null,
    followUpDate,
    frequency: null,
    status,
    costOre: 0,
    pyramidLevel: 4,
    businessDirected: false,
    endReason: null,
    subGoalIds: [],
  };
}

function plan(overrides: Partial<PlanOverview> = {}): PlanOverview {
  return {
    citizen: { id: 'c', givenName: 'a', familyName: 'b', cprMasked: 'x' },
    version: 2,
    updatedAt: '2026-11-10T10:00:00.000Z',
    updatedBy: { id: other, name: 'Anden' },
    goal: { ownWords: 'x', professionalWording: null },
    subGoals: [
      {
        id: 's1',
        title: 'x',
        measure: null,
        targetDate: '2026-11-01',
        gasLevel: 0,
        status: 'active',
        endReason: null,
        interventionIds: [],
      },
      {
        id: 's2',
        title: 'x',
        measure: null,
        targetDate: '2026-11-01',
        gasLevel: 0,
        status: 'achieved',
        endReason: null,
        interventionIds: [],
      },
    ],
    sectors: [
      {
        sector: 'employment',
        interventions: [
          item('a', 'active', '2026-11-15'),
          item('b', 'planned', '2026-11-25'),
          item('c', 'ended', '2026-10-01'),
          item('d', 'paused', '2026-12-30'),
        ],
      },
    ],
    team: [],
    pathways: [],
    ownSteps: [],
    comments: [],
    gaps: {
      missingGoal: false,
      missingCoordinator: true,
      interventionsWithoutSubGoal: ['a'],
      subGoalsWithoutIntervention: [],
    },
    ...overrides,
  };
}

describe('attentionFor', () => {
  it('counts overdue and soon-due follow-ups of current interventions only', () => {
    const attention = attentionFor(plan(), '2026-11-20', me, null);
    expect(attention.followUpsOverdue).toBe(1);
    expect(attention.followUpsDueSoon).toBe(1);
    // The overdue one comes first: "next" is never a future date while one is undone.
    expect(attention.nextFollowUp).toBe('2026-11-15');
    const later = plan({
      sectors: [{ sector: 'employment', interventions: [item('b', 'planned', '2026-11-25')] }],
    });
    expect(attentionFor(later, '2026-11-20', me, null).nextFollowUp).toBe('2026-11-25');
  });

  it("counts an active sub-goal's overdue follow-up with the interventions'", () => {
    const base = plan();
    const [active, achieved] = base.subGoals;
    if (!active || !achieved) throw new Error('the plan has two sub-goals');
    const withGoalFollowUps = plan({
      subGoals: [
        { ...active, followUpDate: '2026-11-10' },
        { ...achieved, followUpDate: '2026-11-01' },
      ],
    });
    const attention = attentionFor(withGoalFollowUps, '2026-11-20', me, null);
    expect(attention.followUpsOverdue).toBe(2);
    expect(attention.nextFollowUp).toBe('2026-11-10');
  });

  it('flags a change by someone else after my last visit, never my own change', () => {
    expect(attentionFor(plan(), '2026-11-20', me, '2026-11-09T00:00:00.000Z').changedSinceLastVisit).toBe(
      true,
    );
    expect(attentionFor(plan(), '2026-11-20', me, '2026-11-11T00:00:00.000Z').changedSinceLastVisit).toBe(
      false,
    );
    expect(
      attentionFor(plan({ updatedBy: { id: me, name: 'Mig' } }), '2026-11-20', me, null)
        .changedSinceLastVisit,
    ).toBe(false);
  });

  it('sees active sub-goals past their date and plans with nothing active', () => {
    const attention = attentionFor(plan(), '2026-11-20', me, null);
    expect(attention.subGoalsPastDate).toBe(1);
    expect(attention.noActiveIntervention).toBe(false);
    const idle = plan({ sectors: [{ sector: 'employment', interventions: [item('x', 'planned', null)] }] });
    expect(attentionFor(idle, '2026-11-20', me, null).noActiveIntervention).toBe(true);
  });

  it('counts gaps and scores the whole', () => {
    const attention = attentionFor(plan(), '2026-11-20', me, null);
    expect(attention.gaps).toBe(2);
    expect(attentionScore(attention)).toBe(3 + 2 + 0 + 2 + 1 + 1);
  });
});

describe('dates', () => {
  it('adds days across month and year ends', () => {
    expect(addDays('2026-12-25', 14)).toBe('2027-01-08');
  });

  it("gives today's date in Danish time", () => {
    expect(danishToday(new Date('2026-11-22T23:30:00Z'))).toBe('2026-11-23');
  });
});
