import { describe, expect, it } from 'vitest';
import {
  checkDismissal,
  checkPersonResolve,
  dismissalReturns,
  MAX_DISMISSAL_DAYS,
} from './flag-lifecycle.js';
import { diffFlags, type ExistingFlag } from './flag-diff.js';
import type { OwnedFinding } from './rule.js';

const today = '2026-12-02';
const finding: OwnedFinding & { citizenId: string } = {
  citizenId: 'c1',
  ruleId: 'gaps',
  fingerprint: 'gaps:no-coordinator:c1',
  severity: 'medium',
  subjectIds: [],
  unitIds: [],
  sectors: [],
  explanation: { da: 'x', en: 'x', data: {} },
  ownerId: null,
};
function stored(overrides: Partial<ExistingFlag>): ExistingFlag {
  return {
    id: 'f1',
    citizenId: 'c1',
    fingerprint: finding.fingerprint,
    status: 'dismissed',
    closedBySystem: false,
    ownerId: null,
    ownerTaken: false,
    dismissedUntil: '2026-12-10',
    ...overrides,
  };
}

describe('the flag lifecycle', () => {
  it('lets a person resolve a flag only when its cause is gone', () => {
    expect(checkPersonResolve(true)?.code).toBe('cause-remains');
    expect(checkPersonResolve(false)).toBeNull();
  });

  it('asks a dismissal for a reason and a return date after today, within a year', () => {
    expect(checkDismissal({ reason: ' ', returnDate: '2026-12-10' }, today)?.field).toBe('reason');
    expect(checkDismissal({ reason: 'Aftalt', returnDate: undefined }, today)?.code).toBe(
      'return-date-missing',
    );
    expect(checkDismissal({ reason: 'Aftalt', returnDate: '2026-02-31' }, today)?.code).toBe(
      'return-date-missing',
    );
    expect(checkDismissal({ reason: 'Aftalt', returnDate: today }, today)?.code).toBe(
      'return-date-not-future',
    );
    expect(checkDismissal({ reason: 'Aftalt', returnDate: '2026-11-30' }, today)?.code).toBe(
      'return-date-not-future',
    );
    expect(checkDismissal({ reason: 'Aftalt', returnDate: '2028-01-01' }, today)?.code).toBe(
      'return-date-too-far',
    );
    expect(MAX_DISMISSAL_DAYS).toBeGreaterThanOrEqual(365);
    expect(checkDismissal({ reason: 'Aftalt', returnDate: '2026-12-03' }, today)).toBeNull();
  });

  it('brings a dismissed flag back on its return date only while the cause remains', () => {
    expect(dismissalReturns('2026-12-10', '2026-12-09', true)).toBe(false);
    expect(dismissalReturns('2026-12-10', '2026-12-10', true)).toBe(true);
    expect(dismissalReturns('2026-12-10', '2026-12-11', false)).toBe(false);
    expect(dismissalReturns(null, '2027-12-11', true)).toBe(false);
  });

  it('is what the flag diff does at a check', () => {
    const flag = stored({});
    expect(diffFlags([finding], [flag], '2026-12-09').reopen).toEqual([]);
    expect(diffFlags([finding], [flag], '2026-12-10').reopen).toEqual(['f1']);
    // Without a check day (older callers) nothing runs out.
    expect(diffFlags([finding], [flag]).reopen).toEqual([]);
    // The cause went away while it rested: it closes by itself, and may come back as system-closed.
    expect(diffFlags([], [flag], '2026-12-05').autoResolve).toEqual(['f1']);
    // A flag dismissed before return dates existed stays dismissed.
    const old = stored({ dismissedUntil: null });
    expect(diffFlags([finding], [old], '2027-06-01')).toMatchObject({ reopen: [], autoResolve: [] });
    // A rule-made flag closes by itself when its cause is gone, and reopens when it returns.
    const open = stored({ status: 'open', dismissedUntil: null });
    expect(diffFlags([], [open], today).autoResolve).toEqual(['f1']);
    const closed = stored({ status: 'resolved', closedBySystem: true, dismissedUntil: null });
    expect(diffFlags([finding], [closed], today).reopen).toEqual(['f1']);
  });
});
