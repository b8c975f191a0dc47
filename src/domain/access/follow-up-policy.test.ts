import { describe, expect, it } from 'vitest';
import { type AccessDecision, type Actor, decideFollowUpRecord } from './policy.js';

const professional = (unitId: string): Actor => ({
  kind: 'professional',
  municipalityId: 'm',
  id: `pro-${unitId}`,
  role: 'caseworker',
  unitId,
  name: 'x',
});
const related: AccessDecision = { allowed: true, basis: 'relationship' };

describe('who records a follow-up', () => {
  it("an intervention's owning unit; every other unit proposes", () => {
    const item = { kind: 'intervention', unitId: 'jobcenter' } as const;
    expect(decideFollowUpRecord(professional('jobcenter'), related, item).allowed).toBe(true);
    const other = decideFollowUpRecord(professional('psychiatry'), related, item);
    expect(other).toMatchObject({ allowed: false, code: 'plan.other-unit-owns' });
  });

  it('a sub-goal: whoever works with the citizen directly', () => {
    const item = { kind: 'sub_goal' } as const;
    expect(decideFollowUpRecord(professional('psychiatry'), related, item).allowed).toBe(true);
    expect(
      decideFollowUpRecord(professional('psychiatry'), { allowed: true, basis: 'meeting' }, item).allowed,
    ).toBe(false);
  });

  it('never the citizen, never on a break-the-glass read', () => {
    const citizen: Actor = { kind: 'citizen', municipalityId: 'm', id: 'c', name: 'x' } as Actor;
    const item = { kind: 'sub_goal' } as const;
    expect(decideFollowUpRecord(citizen, { allowed: true, basis: 'own-plan' }, item).allowed).toBe(false);
    expect(
      decideFollowUpRecord(professional('x'), { allowed: true, basis: 'break-glass' }, item).allowed,
    ).toBe(false);
  });
});
