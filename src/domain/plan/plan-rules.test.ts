import { describe, expect, it } from 'vitest';
import {
  checkChange,
  checkConfirmation,
  checkContact,
  checkCoordinator,
  checkDates,
  checkEnd,
  checkPathwayEnd,
  checkLegalBasis,
  replacesCoordinator,
  checkPathwayStart,
} from './plan-rules.js';

describe('the plan rules', () => {
  it('lets nothing change or end again once ended', () => {
    expect(checkChange({ status: 'active' })).toBeNull();
    expect(checkChange({ status: 'ended' })).toBe('ended');
    expect(checkEnd({ status: 'planned' })).toBeNull();
    expect(checkEnd({ status: 'ended' })).toBe('already-ended');
    expect(checkPathwayEnd({ endDate: null })).toBeNull();
    expect(checkPathwayEnd({ endDate: '2026-03-01' })).toBe('already-ended');
  });

  it('keeps an end on or after its start, and no end at all is fine', () => {
    expect(checkDates('2026-06-01', '2026-06-01')).toBeNull();
    expect(checkDates('2026-06-01', '2026-07-01')).toBeNull();
    expect(checkDates('2026-06-01', null)).toBeNull();
    expect(checkDates('2026-06-01', undefined)).toBeNull();
    expect(checkDates('2026-06-01', '2026-05-31')).toBe('end-before-start');
  });

  it('confirms only what awaits confirmation', () => {
    expect(checkConfirmation({ awaitingConfirmation: true })).toBeNull();
    expect(checkConfirmation({ awaitingConfirmation: false })).toBe('not-awaiting-confirmation');
  });

  it('has one coordinator, a professional, and names the one who replaces her', () => {
    expect(checkCoordinator({ kind: 'professional' }, true)).toBeNull();
    expect(checkCoordinator({ kind: 'relative' }, true)).toBe('coordinator-not-professional');
    expect(checkCoordinator({ kind: 'relative' }, false)).toBeNull();
    expect(checkCoordinator({ kind: 'relative' }, undefined)).toBeNull();
    expect(replacesCoordinator(true, false)).toBe(true);
    expect(replacesCoordinator(true, true)).toBe(false);
    expect(replacesCoordinator(false, true)).toBe(false);
    expect(replacesCoordinator(undefined, false)).toBe(false);
  });

  it("takes a professional's contact details from her own record", () => {
    expect(checkContact({ kind: 'professional' }, {})).toBeNull();
    expect(checkContact({ kind: 'professional' }, { phone: '12345678' })).toEqual({
      reason: 'contact-from-record',
      field: 'phone',
    });
    expect(checkContact({ kind: 'professional' }, { email: 'a@b.dk' })).toEqual({
      reason: 'contact-from-record',
      field: 'email',
    });
    expect(checkContact({ kind: 'relative' }, { phone: '12345678' })).toBeNull();
  });

  it('runs one pathway of a kind at a time, on a known legal basis', () => {
    expect(checkPathwayStart(false)).toBeNull();
    expect(checkPathwayStart(true)).toBe('pathway-open');
    expect(checkLegalBasis('LAB-47')).toBeNull();
    expect(checkLegalBasis('NOPE-1')).toBe('unknown-legal-basis');
  });
});
