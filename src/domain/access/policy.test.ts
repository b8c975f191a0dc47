import { describe, expect, it } from 'vitest';
import {
  type Actor,
  canSeeInterventionDetails,
  canSuperviseAudit,
  decideBreakGlass,
  decideCitizenAccess,
  decideConsentChange,
  decideCprReveal,
  decidePlanChange,
} from './policy.js';

const relations = { citizenId: 'citizen-1', professionalIds: ['pro-1'], unitIds: ['unit-1'] };
const professional = (id: string, role: 'caseworker' | 'team_leader', unitId: string): Actor => ({
  kind: 'professional',
  municipalityId: 'm',
  id,
  role,
  unitId,
  name: 'x',
});

describe('access policy', () => {
  it('allows a related professional', () => {
    expect(decideCitizenAccess(professional('pro-1', 'caseworker', 'unit-9'), relations)).toEqual({
      allowed: true,
      basis: 'relationship',
    });
  });

  it('denies an unrelated professional, even of a related unit, unless they lead it', () => {
    expect(decideCitizenAccess(professional('pro-2', 'caseworker', 'unit-1'), relations).allowed).toBe(false);
    expect(decideCitizenAccess(professional('pro-3', 'team_leader', 'unit-1'), relations)).toEqual({
      allowed: true,
      basis: 'unit-leader',
    });
    expect(decideCitizenAccess(professional('pro-3', 'team_leader', 'unit-2'), relations).allowed).toBe(
      false,
    );
  });

  it('lets a citizen read only their own plan, and not change it directly', () => {
    const self: Actor = { kind: 'citizen', municipalityId: 'm', id: 'citizen-1', name: 'x' };
    const other: Actor = { kind: 'citizen', municipalityId: 'm', id: 'citizen-2', name: 'x' };
    expect(decideCitizenAccess(self, relations).allowed).toBe(true);
    expect(decideCitizenAccess(other, relations).allowed).toBe(false);
    expect(decidePlanChange(self, relations).allowed).toBe(false);
  });
});

describe('break the glass, consent and supervision', () => {
  const now = new Date('2026-06-01T12:00:00Z');
  const stranger = professional('pro-9', 'caseworker', 'unit-9');

  it('grants access while an emergency access lasts, and for reading only', () => {
    const grants = {
      consents: [],
      breakGlass: [{ professionalId: 'pro-9', expiresAt: new Date('2026-06-01T14:00:00Z') }],
    };
    expect(decideCitizenAccess(stranger, relations, grants, now)).toEqual({
      allowed: true,
      basis: 'break-glass',
    });
    expect(decideCitizenAccess(stranger, relations, grants, new Date('2026-06-01T15:00:00Z')).allowed).toBe(
      false,
    );
    expect(
      decideBreakGlass({ kind: 'citizen', municipalityId: 'm', id: 'citizen-1', name: 'x' }).allowed,
    ).toBe(false);
    expect(decideBreakGlass(stranger).allowed).toBe(true);
  });

  it('shows details of the own unit, of own responsibility, under consent, and in an emergency', () => {
    const viewer = professional('pro-1', 'caseworker', 'unit-1');
    const other = { unitId: 'unit-2', sector: 'social-adult' as const, responsibleId: 'pro-2' };
    expect(canSeeInterventionDetails(viewer, 'relationship', { ...other, unitId: 'unit-1' }, [], now)).toBe(
      true,
    );
    expect(
      canSeeInterventionDetails(viewer, 'relationship', { ...other, responsibleId: 'pro-1' }, [], now),
    ).toBe(true);
    expect(canSeeInterventionDetails(viewer, 'relationship', other, [], now)).toBe(false);
    expect(canSeeInterventionDetails(viewer, 'break-glass', other, [], now)).toBe(true);
    const consent = {
      id: 'c',
      citizenId: 'citizen-1',
      grantee: { unitId: 'unit-1' },
      categories: ['intervention-details' as const],
      purpose: 'coordination' as const,
      basis: 'consent' as const,
      legalProvision: null,
      validFrom: '2026-01-01',
      validUntil: null,
      withdrawnAt: null,
    };
    expect(canSeeInterventionDetails(viewer, 'relationship', other, [consent], now)).toBe(true);
    expect(
      canSeeInterventionDetails(viewer, 'relationship', other, [{ ...consent, withdrawnAt: now }], now),
    ).toBe(false);
  });

  it('lets only the citizen (not a relative) and related professionals change consent', () => {
    const self: Actor = { kind: 'citizen', municipalityId: 'm', id: 'citizen-1', name: 'x' };
    const relative: Actor = { ...self, delegate: { delegationId: 'd', name: 'y' } };
    expect(decideConsentChange(self, decideCitizenAccess(self, relations)).allowed).toBe(true);
    expect(decideConsentChange(relative, decideCitizenAccess(relative, relations)).allowed).toBe(false);
    const related = professional('pro-1', 'caseworker', 'unit-9');
    expect(decideConsentChange(related, decideCitizenAccess(related, relations)).allowed).toBe(true);
    expect(decideConsentChange(related, { allowed: true, basis: 'break-glass' }).allowed).toBe(false);
    expect(decideCprReveal(self, { allowed: true, basis: 'own-plan' }).allowed).toBe(false);
    expect(canSuperviseAudit(professional('pro-3', 'team_leader', 'unit-1'))).toBe(true);
    expect(canSuperviseAudit(related)).toBe(false);
  });
});
