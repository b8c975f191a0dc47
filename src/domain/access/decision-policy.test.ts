import { describe, expect, it } from 'vitest';
import {
  type AccessDecision,
  type Actor,
  DECISION_ACTS,
  decideDecisionAct,
  decideDecisionLetter,
  decideTeamCaseAct,
} from './policy.js';

/** The decision workflow's acts (issue 14): the deciding unit's, through a lasting relationship. */
const caseworker: Actor = {
  kind: 'professional',
  municipalityId: 'm',
  id: 'pro-1',
  role: 'caseworker',
  unitId: 'jobcenter',
  name: 'Sagsbehandler',
};
const citizen: Actor = { kind: 'citizen', municipalityId: 'm', id: 'c-1', name: 'Borger' };
const relative: Actor = { ...citizen, delegate: { delegationId: 'd', name: 'Pårørende' } };
const as = (basis: Extract<AccessDecision, { allowed: true }>['basis']): AccessDecision => ({
  allowed: true,
  basis,
});

describe('the acts on a decision', () => {
  it.each(DECISION_ACTS)('%s: only the deciding unit, through a lasting relationship', (act) => {
    expect(decideDecisionAct(caseworker, act, as('relationship'), 'jobcenter').allowed).toBe(true);
    expect(decideDecisionAct(caseworker, act, as('unit-leader'), 'jobcenter').allowed).toBe(true);
    for (const basis of ['referral', 'meeting', 'break-glass'] as const)
      expect(decideDecisionAct(caseworker, act, as(basis), 'jobcenter')).toMatchObject({
        allowed: false,
        code: 'decision.own-unit-acts',
      });
    expect(decideDecisionAct(caseworker, act, as('relationship'), 'psychiatry').allowed).toBe(false);
    expect(decideDecisionAct(citizen, act, as('own-plan'), 'jobcenter').allowed).toBe(false);
  });

  it('lets her, her relative and those who see her decisions get the letters; not a passing basis', () => {
    expect(decideDecisionLetter(citizen, as('own-plan')).allowed).toBe(true);
    expect(decideDecisionLetter(relative, as('delegated')).allowed).toBe(true);
    expect(decideDecisionLetter(caseworker, as('relationship')).allowed).toBe(true);
    expect(decideDecisionLetter(caseworker, as('meeting'))).toMatchObject({ code: 'decision.letters' });
    expect(decideDecisionLetter(caseworker, as('break-glass')).allowed).toBe(false);
  });
});

describe('a team case', () => {
  it('is listed by one who works with her, and recommended on by the team holding the meeting', () => {
    expect(decideTeamCaseAct(caseworker, 'list-case', as('relationship'), 'rehab').allowed).toBe(true);
    expect(decideTeamCaseAct(caseworker, 'recommend', as('relationship'), 'rehab')).toMatchObject({
      code: 'team.own-team-recommends',
    });
    expect(decideTeamCaseAct(caseworker, 'recommend', as('unit-leader'), 'jobcenter').allowed).toBe(true);
    expect(decideTeamCaseAct(caseworker, 'list-case', as('referral'), 'jobcenter').allowed).toBe(false);
    expect(decideTeamCaseAct(citizen, 'list-case', as('own-plan'), 'jobcenter').allowed).toBe(false);
  });
});
