import type { CitizenFacts, InterventionFact } from './facts.js';

/**
 * Builders of coordination facts for rule tests: a plain citizen and interventions with
 * overridable defaults, so each test states only what matters to it.
 */
let sequence = 0;

/** A deterministic UUID-shaped id for tests. */
export function testId(): string {
  sequence += 1;
  return `00000000-0000-7000-8000-${String(sequence).padStart(12, '0')}`;
}

/** An active intervention from one unit, started in 2026, serving one sub-goal. */
export function intervention(overrides: Partial<InterventionFact> = {}): InterventionFact {
  return {
    id: testId(),
    typeId: 'type-mentor',
    typeName: 'Mentorstøtte',
    category: 'job',
    sector: 'employment',
    unitId: 'unit-job',
    unitName: 'Jobcenter',
    responsibleId: 'worker-1',
    status: 'active',
    startDate: '2026-01-01',
    endDate: null,
    followUpDate: '2026-12-01',
    pyramidLevel: 4,
    businessDirected: false,
    schedule: null,
    subGoalIds: ['goal-1'],
    ...overrides,
  };
}

/** A citizen with an own goal, a coordinator, one sub-goal and the given interventions. */
export function citizen(overrides: Partial<CitizenFacts> = {}): CitizenFacts {
  return {
    citizenId: 'citizen-1',
    hasOwnGoal: true,
    coordinatorId: 'coordinator-1',
    hasNetworkSupport: true,
    interventions: [],
    subGoals: [{ id: 'goal-1', title: 'Komme i praktik', gasHistory: [] }],
    pathway: null,
    pendingReferrals: [],
    ...overrides,
  };
}

/** Today in the tests. */
export const TODAY = '2026-11-01';
