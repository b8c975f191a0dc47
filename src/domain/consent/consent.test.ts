import { describe, expect, it } from 'vitest';
import {
  type ConsentRecord,
  consentCovers,
  consentCoversCase,
  consentInputSchema,
  consentStatus,
  isConsentActive,
  normaliseCaseReference,
} from './consent.js';

const base: ConsentRecord = {
  id: 'c1',
  citizenId: 'citizen',
  grantee: { unitId: 'unit-a' },
  categories: ['intervention-details'],
  purpose: 'coordination',
  basis: 'consent',
  legalProvision: null,
  validFrom: '2026-01-01',
  validUntil: '2026-12-31',
  withdrawnAt: null,
};
const now = new Date('2026-06-01T12:00:00Z');

describe('consent rules', () => {
  it('is active only within its dates and until withdrawn', () => {
    expect(isConsentActive(base, now)).toBe(true);
    expect(isConsentActive(base, new Date('2025-12-31T12:00:00Z'))).toBe(false);
    expect(isConsentActive(base, new Date('2027-01-01T12:00:00Z'))).toBe(false);
    expect(isConsentActive({ ...base, withdrawnAt: new Date('2026-05-01T00:00:00Z') }, now)).toBe(false);
  });

  it('covers the named unit or a whole sector, for its category and purpose only', () => {
    const viewer = { unitId: 'unit-a', sector: 'employment' as const };
    expect(consentCovers(base, viewer, 'intervention-details', 'coordination', now)).toBe(true);
    expect(
      consentCovers(base, { ...viewer, unitId: 'unit-b' }, 'intervention-details', 'coordination', now),
    ).toBe(false);
    expect(consentCovers(base, viewer, 'health', 'coordination', now)).toBe(false);
    expect(consentCovers(base, viewer, 'intervention-details', 'treatment', now)).toBe(false);
    const sector: ConsentRecord = { ...base, grantee: { sector: 'employment' } };
    expect(
      consentCovers(
        sector,
        { unitId: 'any', sector: 'employment' },
        'intervention-details',
        'coordination',
        now,
      ),
    ).toBe(true);
    expect(
      consentCovers(sector, { unitId: 'any', sector: null }, 'intervention-details', 'coordination', now),
    ).toBe(false);
  });

  it('validates input: exactly one grantee, a provision with a legal basis, dates in order', () => {
    const ok = { granteeSector: 'housing', categories: ['goals'], purpose: 'coordination' };
    expect(consentInputSchema.safeParse(ok).success).toBe(true);
    expect(
      consentInputSchema.safeParse({ ...ok, granteeUnitId: '01a18f41-8c00-7000-94e9-53bf3ec1de59' }).success,
    ).toBe(false);
    expect(consentInputSchema.safeParse({ ...ok, basis: 'legal_provision' }).success).toBe(false);
    expect(
      consentInputSchema.safeParse({ ...ok, basis: 'legal_provision', legalProvision: 'FVL-28-3' }).success,
    ).toBe(true);
    expect(
      consentInputSchema.safeParse({ ...ok, validFrom: '2026-02-01', validUntil: '2026-01-01' }).success,
    ).toBe(false);
    expect(consentInputSchema.safeParse({ ...ok, categories: [] }).success).toBe(false);
  });
});

describe('consent status', () => {
  it('is withdrawn once withdrawn, whatever its state or dates', () => {
    const withdrawnAt = new Date('2026-05-01T00:00:00Z');
    expect(consentStatus({ ...base, withdrawnAt }, now)).toBe('withdrawn');
    expect(consentStatus({ ...base, withdrawnAt, state: 'pending' }, now)).toBe('withdrawn');
  });

  it('is pending or rejected until the citizen confirms it, whatever its dates', () => {
    expect(consentStatus({ ...base, state: 'pending' }, now)).toBe('pending');
    expect(consentStatus({ ...base, state: 'rejected' }, now)).toBe('rejected');
  });

  it('is active within its dates, not yet valid before them and expired after them', () => {
    expect(consentStatus(base, now)).toBe('active');
    expect(consentStatus({ ...base, state: 'confirmed' }, now)).toBe('active');
    expect(consentStatus(base, new Date('2025-12-31T12:00:00Z'))).toBe('not-yet-valid');
    expect(consentStatus(base, new Date('2027-01-01T12:00:00Z'))).toBe('expired');
  });

  it('counts Danish days: valid from 15 June is active at 00:30 Danish time that day', () => {
    const halfPastMidnight = new Date('2026-06-14T22:30:00Z');
    expect(consentStatus({ ...base, validFrom: '2026-06-15' }, halfPastMidnight)).toBe('active');
    expect(consentStatus({ ...base, validFrom: '2026-06-16' }, halfPastMidnight)).toBe('not-yet-valid');
    expect(consentStatus({ ...base, validUntil: '2026-06-14' }, halfPastMidnight)).toBe('expired');
  });
});

describe('consent limited to one case', () => {
  const viewer = { unitId: 'unit-a', sector: 'employment' as const };
  const limited: ConsentRecord = { ...base, caseReference: 'Sag 2026-17' };

  it('covers information of that case only, compared without regard to case and spacing', () => {
    expect(
      consentCovers(limited, viewer, 'intervention-details', 'coordination', now, {
        caseReference: 'sag  2026-17',
      }),
    ).toBe(true);
    expect(
      consentCovers(limited, viewer, 'intervention-details', 'coordination', now, {
        caseReference: 'Sag 2026-18',
      }),
    ).toBe(false);
    // Information recorded under no case is outside a case-limited consent (deny by default).
    expect(
      consentCovers(limited, viewer, 'intervention-details', 'coordination', now, { caseReference: null }),
    ).toBe(false);
    expect(consentCovers(limited, viewer, 'intervention-details', 'coordination', now)).toBe(false);
    expect(normaliseCaseReference('  Sag   2026-17 ')).toBe('sag 2026-17');
  });

  it('without a case, covers every case of its grantee', () => {
    expect(
      consentCovers(base, viewer, 'intervention-details', 'coordination', now, { caseReference: 'Sag 1' }),
    ).toBe(true);
    expect(consentCoversCase(base, null)).toBe(true);
    expect(consentCoversCase(limited, 'SAG 2026-17')).toBe(true);
  });
});

describe('validity days are Danish calendar days', () => {
  // 00:30 on 15 June in Copenhagen (summer time, UTC+2) is still 14 June in UTC.
  const halfPastMidnight = new Date('2026-06-14T22:30:00Z');

  it('a consent valid from today is in force at 00:30 Danish time', () => {
    expect(isConsentActive({ ...base, validFrom: '2026-06-15', validUntil: null }, halfPastMidnight)).toBe(
      true,
    );
  });

  it('a consent that ended yesterday is no longer in force at 00:30 Danish time', () => {
    expect(
      isConsentActive({ ...base, validFrom: '2026-01-01', validUntil: '2026-06-14' }, halfPastMidnight),
    ).toBe(false);
  });
});
