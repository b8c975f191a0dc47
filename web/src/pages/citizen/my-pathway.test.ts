import { describe, expect, it } from 'vitest';
import type { Meeting } from '../../api/meetings.js';
import type { PresentedPlan } from '../../api/plan.js';
import type { InterventionView, SubGoalView, TeamMemberView } from '../../domain.js';
import { myPathway, progressWords } from './my-pathway.js';

const TODAY = '2026-12-02';
const NOW = new Date('2026-12-02T10:00:00+01:00');

function step(id: string, overrides: Partial<SubGoalView> = {}): SubGoalView {
  return {
    id,
    title: `Skridt ${id}`,
    measure: null,
    targetDate: null,
    gasLevel: null,
    status: 'active',
    endReason: null,
    interventionIds: [],
    ...overrides,
  };
}

function help(id: string, overrides: Partial<InterventionView> = {}): InterventionView {
  return {
    id,
    type: { id: `t-${id}`, code: 'MENTOR', name: 'Mentor', category: 'job' },
    sector: 'employment',
    unit: { id: 'u1', name: 'Jobcenter' },
    responsible: null,
    legalBasis: 'LAB-47',
    purpose: null,
    startDate: '2026-11-01',
    endDate: null,
    followUpDate: null,
    frequency: null,
    status: 'active',
    costOre: 100,
    pyramidLevel: 3,
    businessDirected: false,
    endReason: null,
    subGoalIds: [],
    ...overrides,
  };
}

function person(name: string, overrides: Partial<TeamMemberView> = {}): TeamMemberView {
  return {
    id: name,
    kind: 'professional',
    professionalId: name,
    name,
    profession: null,
    unit: null,
    relation: null,
    role: null,
    isCoordinator: false,
    phone: null,
    email: null,
    startDate: '2026-01-01',
    ...overrides,
  };
}

function meeting(id: string, startsAt: string, status: Meeting['status'] = 'planned'): Meeting {
  return { id, startsAt, status } as Meeting;
}

const plan = {
  goal: { ownWords: 'Jeg vil have et job', professionalWording: null },
  subGoals: [
    step('late', { targetDate: '2026-11-20' }),
    step('soon', { targetDate: '2026-12-10' }),
    step('later', { targetDate: '2027-02-01' }),
    step('undated'),
    step('done', { status: 'achieved', targetDate: '2026-12-03' }),
  ],
  sectors: [
    {
      sector: 'employment',
      interventions: [
        help('mentor', { subGoalIds: ['soon', 'late', 'unknown'] }),
        help('planned', { status: 'planned', startDate: '2026-12-20' }),
        help('ended', { status: 'ended' }),
      ],
    },
    {
      sector: 'health',
      interventions: [
        {
          id: 'hidden',
          detailsHidden: true,
          type: { category: 'health' },
          sector: 'health',
          unit: { id: 'u2', name: 'Psykiatrien' },
          responsible: null,
          startDate: '2026-10-01',
          endDate: null,
          status: 'active',
        },
      ],
    },
  ],
  team: [person('Ane', { isCoordinator: true }), person('Bo'), person('Søster', { kind: 'network' })],
} as unknown as PresentedPlan;

describe('Mit forløb', () => {
  const view = myPathway(
    plan,
    [
      meeting('past', '2026-11-30T09:00:00+01:00'),
      meeting('cancelled', '2026-12-03T09:00:00+01:00', 'cancelled'),
      meeting('later', '2026-12-20T09:00:00+01:00'),
      meeting('next', '2026-12-04T09:00:00+01:00'),
      meeting('held-long-ago', '2026-10-01T09:00:00+02:00', 'held'),
      meeting('held-older', '2026-11-20T09:00:00+01:00', 'held'),
      meeting('held-latest', '2026-11-28T09:00:00+01:00', 'held'),
    ],
    NOW,
    TODAY,
  );

  it('puts the next planned meeting and the steps due in the coming fortnight (or passed) first', () => {
    expect(view.nextMeeting?.id).toBe('next');
    // After a meeting: the latest held one of the last 30 days (not the cancelled, not two months ago).
    expect(view.lastHeldMeeting?.id).toBe('held-latest');
    expect(
      myPathway(plan, [meeting('held-long-ago', '2026-10-01T09:00:00+02:00', 'held')], NOW, TODAY)
        .lastHeldMeeting,
    ).toBe(null);
    expect(view.stepsDueSoon.map((goal) => goal.id)).toEqual(['late', 'soon']);
    expect(view.activeSteps.map((goal) => goal.id)).toEqual(['late', 'soon', 'later', 'undated']);
    expect(view.finishedSteps.map((goal) => goal.id)).toEqual(['done']);
  });

  it('lists current help with the steps it serves, hides what the citizen may not see, leaves out ended help', () => {
    expect(view.help.map((item) => [item.id, item.restricted, item.steps])).toEqual([
      ['hidden', true, []],
      ['mentor', false, ['Skridt soon', 'Skridt late']],
      ['planned', false, []],
    ]);
    expect(view.helpNow).toBe(2);
  });

  it('names the coordinator to call, the other professionals and the network apart', () => {
    expect(view.coordinator?.name).toBe('Ane');
    expect(view.otherProfessionals.map((member) => member.name)).toEqual(['Bo']);
    expect(view.network.map((member) => member.name)).toEqual(['Søster']);
  });

  it('says where a step is in words, from −2 to +2', () => {
    expect([-2, -1, 0, 1, 2].map(progressWords)).toEqual([
      'talkAboutIt',
      'slow',
      'asPlanned',
      'better',
      'muchBetter',
    ]);
  });
});
