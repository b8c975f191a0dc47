import { describe, expect, it } from 'vitest';
import { type AccessDecision, type Actor, decideReportingObjectionChange } from './policy.js';

const caseworker: Actor = {
  kind: 'professional',
  municipalityId: 'm',
  id: 'pro-1',
  role: 'caseworker',
  unitId: 'unit-a',
  name: 'Caseworker',
};
const citizen: Actor = { kind: 'citizen', municipalityId: 'm', id: 'citizen-1', name: 'Citizen' };
const relative = (includesConsent: boolean): Actor => ({
  ...citizen,
  delegate: { delegationId: 'd-1', name: 'Relative', includesConsent },
});
const as = (basis: Extract<AccessDecision, { allowed: true }>['basis']): AccessDecision => ({
  allowed: true,
  basis,
});
const object = { act: 'object' } as const;
const withdraw = (kind: 'citizen' | 'professional') =>
  ({ act: 'withdraw', objection: { recordedBy: { kind } } }) as const;
const code = (decision: ReturnType<typeof decideReportingObjectionChange>) =>
  decision.allowed ? 'allowed' : decision.code;

describe('decideReportingObjectionChange (decision 0025)', () => {
  it('lets the citizen object and take back any objection, hers or recorded for her', () => {
    expect(code(decideReportingObjectionChange(citizen, as('own-plan'), object))).toBe('allowed');
    expect(code(decideReportingObjectionChange(citizen, as('own-plan'), withdraw('citizen')))).toBe(
      'allowed',
    );
    expect(code(decideReportingObjectionChange(citizen, as('own-plan'), withdraw('professional')))).toBe(
      'allowed',
    );
  });

  it('lets a relative act only when the power of attorney includes consent', () => {
    expect(code(decideReportingObjectionChange(relative(true), as('delegated'), object))).toBe('allowed');
    expect(code(decideReportingObjectionChange(relative(false), as('delegated'), object))).toBe(
      'consent.delegate-not-included',
    );
  });

  it('lets a professional who works with her record it on her behalf, both ways', () => {
    for (const basis of ['relationship', 'unit-leader'] as const) {
      expect(code(decideReportingObjectionChange(caseworker, as(basis), object))).toBe('allowed');
      expect(code(decideReportingObjectionChange(caseworker, as(basis), withdraw('professional')))).toBe(
        'allowed',
      );
    }
  });

  it('never lets a professional undo what she set herself', () => {
    expect(code(decideReportingObjectionChange(caseworker, as('relationship'), withdraw('citizen')))).toBe(
      'reporting-objection.citizens-own',
    );
  });

  it('refuses a professional without a relationship (a meeting, a referral, the glass broken)', () => {
    for (const basis of ['meeting', 'referral', 'break-glass'] as const)
      expect(code(decideReportingObjectionChange(caseworker, as(basis), object))).toBe(
        'reporting-objection.no-relationship',
      );
  });

  it('keeps a refusal of access a refusal', () => {
    const refused: AccessDecision = { allowed: false, reason: 'no', code: 'consent.no-relationship' };
    expect(decideReportingObjectionChange(caseworker, refused, object)).toBe(refused);
  });
});
