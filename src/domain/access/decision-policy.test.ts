import { describe, expect, it } from 'vitest';
import {
  type AccessDecision,
  type Actor,
  canSeeDecision,
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

  it('lets her, her relative and the deciding unit get the letters; not another unit, nor a passing basis', () => {
    expect(decideDecisionLetter(citizen, as('own-plan'), 'jobcenter').allowed).toBe(true);
    expect(decideDecisionLetter(relative, as('delegated'), 'jobcenter').allowed).toBe(true);
    expect(decideDecisionLetter(caseworker, as('relationship'), 'jobcenter').allowed).toBe(true);
    expect(decideDecisionLetter(caseworker, as('relationship'), 'psychiatry').allowed).toBe(false);
    expect(decideDecisionLetter(caseworker, as('meeting'), 'jobcenter')).toMatchObject({
      code: 'decision.letters',
    });
    expect(decideDecisionLetter(caseworker, as('break-glass'), 'jobcenter').allowed).toBe(false);
  });

  it('shows a decision to her and the deciding unit only: another unit that works with her sees none', () => {
    expect(canSeeDecision(citizen, 'own-plan', 'jobcenter')).toBe(true);
    expect(canSeeDecision(caseworker, 'relationship', 'jobcenter')).toBe(true);
    expect(canSeeDecision(caseworker, 'unit-leader', 'jobcenter')).toBe(true);
    expect(canSeeDecision(caseworker, 'relationship', 'psychiatry')).toBe(false);
    expect(canSeeDecision(caseworker, 'referral', 'jobcenter')).toBe(false);
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
