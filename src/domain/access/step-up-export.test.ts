import { describe, expect, it } from 'vitest';
import {
  type Actor,
  decideExport,
  decideExportCpr,
  isAuthenticationRecent,
  isDelegationActive,
} from './policy.js';

const professional: Actor = {
  kind: 'professional',
  municipalityId: 'm',
  id: 'p',
  role: 'caseworker',
  unitId: 'u',
  name: 'Test Medarbejder',
};
const citizen: Actor = { kind: 'citizen', municipalityId: 'm', id: 'c', name: 'Test Borger' };
const relative: Actor = { ...citizen, delegate: { delegationId: 'd', name: 'Test Pårørende' } };

describe('step-up: a recent enough authentication', () => {
  const now = new Date('2026-11-22T12:00:00Z');
  it('accepts an authentication within the window and refuses an older one', () => {
    expect(isAuthenticationRecent(new Date('2026-11-22T11:45:00Z'), now, 15)).toBe(true);
    expect(isAuthenticationRecent(new Date('2026-11-22T11:44:59Z'), now, 15)).toBe(false);
  });
  it('does not trust an authentication time well in the future', () => {
    expect(isAuthenticationRecent(new Date('2026-11-22T12:00:30Z'), now, 15)).toBe(true);
    expect(isAuthenticationRecent(new Date('2026-11-22T12:05:00Z'), now, 15)).toBe(false);
  });
});

describe('a delegation in force', () => {
  const day = '2026-11-22';
  it('is begun, not expired and not withdrawn', () => {
    expect(isDelegationActive({ validFrom: '2026-01-01', validUntil: null, revokedAt: null }, day)).toBe(
      true,
    );
    expect(isDelegationActive({ validFrom: '2026-01-01', validUntil: day, revokedAt: null }, day)).toBe(true);
    expect(
      isDelegationActive({ validFrom: '2026-01-01', validUntil: '2026-11-21', revokedAt: null }, day),
    ).toBe(false);
    expect(isDelegationActive({ validFrom: '2026-11-23', validUntil: null, revokedAt: null }, day)).toBe(
      false,
    );
    expect(
      isDelegationActive({ validFrom: '2026-01-01', validUntil: null, revokedAt: new Date() }, day),
    ).toBe(false);
  });
});

describe('export', () => {
  const related = { allowed: true as const, basis: 'relationship' as const };
  const denied = { allowed: false as const, reason: 'no', code: 'access.no-relationship' as const };
  it('is the data subject’s copy for the citizen and their relative, the professional’s view otherwise', () => {
    expect(decideExport(citizen, { allowed: true, basis: 'own-plan' })).toMatchObject({
      kind: 'data-subject',
    });
    expect(decideExport(relative, { allowed: true, basis: 'delegated' })).toMatchObject({
      kind: 'data-subject',
    });
    expect(decideExport(professional, related)).toMatchObject({
      kind: 'professional',
      basis: 'relationship',
    });
    expect(decideExport(professional, denied)).toEqual(denied);
  });
  it('carries the CPR number only for a professional who may reveal it, with a reason', () => {
    expect(decideExportCpr(professional, related, 'Ansøgning om hjælpemiddel').allowed).toBe(true);
    expect(decideExportCpr(professional, related, 'kort').allowed).toBe(false);
    expect(decideExportCpr(professional, related, null).allowed).toBe(false);
    expect(decideExportCpr(professional, denied, 'Ansøgning om hjælpemiddel').allowed).toBe(false);
    expect(
      decideExportCpr(citizen, { allowed: true, basis: 'own-plan' }, 'Mit eget nummer, tak').allowed,
    ).toBe(false);
  });
});
