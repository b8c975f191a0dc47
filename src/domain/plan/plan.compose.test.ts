import { describe, expect, it } from 'vitest';
import { composePlan, type PlanParts } from './plan.compose.js';

const ids = {
  goalA: '00000000-0000-7000-8000-00000000000a',
  goalB: '00000000-0000-7000-8000-00000000000b',
  job: '00000000-0000-7000-8000-000000000001',
  care: '00000000-0000-7000-8000-000000000002',
  old: '00000000-0000-7000-8000-000000000003',
};

function intervention(
  id: string,
  sector: 'employment' | 'health-care',
  status: 'active' | 'ended',
  startDate: string,
) {
  return {
    id,
    type: { id, code: 'x', name: 'x', category: 'job' },
    sector,
    unit: { id, name: 'Enhed' },
    responsible: null,
    legalBasis: 'LAB-47' as const,
    purpose: null,
    startDate,
    endDate: null,
    followUpDate: null,
    frequency: null,
    status,
    costOre: 0,
    pyramidLevel: 4 as const,
    businessDirected: false,
    endReason: null,
  };
}

function parts(overrides: Partial<PlanParts> = {}): PlanParts {
  return {
    citizen: { id: 'c', givenName: 'Testa', familyName: 'Prøvesen', cprMasked: '610190-xxxx' },
    version: 3,
    updatedAt: '2026-11-01T00:00:00.000Z',
    updatedBy: null,
    goal: { ownWords: 'Et job', professionalWording: null },
    subGoals: [
      {
        id: ids.goalA,
        title: 'A',
        measure: null,
        targetDate: null,
        gasLevel: 0,
        status: 'active',
        endReason: null,
      },
      {
        id: ids.goalB,
        title: 'B',
        measure: null,
        targetDate: null,
        gasLevel: null,
        status: 'active',
        endReason: null,
      },
    ],
    interventions: [
      intervention(ids.care, 'health-care', 'active', '2026-02-01'),
      intervention(ids.job, 'employment', 'active', '2026-01-01'),
      intervention(ids.old, 'employment', 'ended', '2025-01-01'),
    ],
    links: [{ interventionId: ids.job, subGoalId: ids.goalA }],
    team: [],
    pathways: [],
    ownSteps: [],
    comments: [],
    ...overrides,
  };
}

describe('composePlan', () => {
  it('links interventions and sub-goals both ways', () => {
    const plan = composePlan(parts());
    expect(plan.subGoals.find((goal) => goal.id === ids.goalA)?.interventionIds).toEqual([ids.job]);
    const job = plan.sectors.flatMap((group) => group.interventions).find((item) => item.id === ids.job);
    expect(job?.subGoalIds).toEqual([ids.goalA]);
  });

  it('groups by sector in the fixed sector order, current before ended', () => {
    const plan = composePlan(parts());
    expect(plan.sectors.map((group) => group.sector)).toEqual(['employment', 'health-care']);
    expect(plan.sectors[0]?.interventions.map((item) => item.id)).toEqual([ids.job, ids.old]);
  });

  it('shows the gaps: unlinked current interventions, unserved sub-goals, no coordinator', () => {
    const plan = composePlan(parts());
    expect(plan.gaps.interventionsWithoutSubGoal).toEqual([ids.care]);
    expect(plan.gaps.subGoalsWithoutIntervention).toEqual([ids.goalB]);
    expect(plan.gaps.missingCoordinator).toBe(true);
    expect(plan.gaps.missingGoal).toBe(false);
  });

  it('does not count an ended intervention as serving a sub-goal, nor as a gap', () => {
    const plan = composePlan(parts({ links: [{ interventionId: ids.old, subGoalId: ids.goalA }] }));
    expect(plan.gaps.subGoalsWithoutIntervention).toContain(ids.goalA);
    expect(plan.gaps.interventionsWithoutSubGoal).not.toContain(ids.old);
  });

  it('sees a missing or blank goal', () => {
    expect(composePlan(parts({ goal: null })).gaps.missingGoal).toBe(true);
    expect(composePlan(parts({ goal: { ownWords: '  ', professionalWording: null } })).gaps.missingGoal).toBe(
      true,
    );
  });
});
