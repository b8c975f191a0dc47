import { describe, expect, it } from 'vitest';
import type { Flag } from '../../api/coordination.js';
import { bySeverity, flaggedIds, localised } from './flag-text.js';

function flag(overrides: Partial<Flag>): Flag {
  return {
    id: 'f',
    citizenId: 'c',
    ruleId: 'duplicate',
    rule: { title: { da: 'Dobbelt', en: 'Duplicate' }, description: { da: '', en: '' } },
    severity: 'medium',
    status: 'open',
    subjectIds: [],
    unitIds: [],
    sectors: [],
    explanation: { da: '', en: '', data: {} },
    detailsHidden: false,
    owner: null,
    statusComment: null,
    dismissedUntil: null,
    statusAt: '2026-11-01T00:00:00Z',
    createdAt: '2026-11-01T00:00:00Z',
    ...overrides,
  };
}

describe('flag texts', () => {
  it('marks only what open or acknowledged flags concern', () => {
    const ids = flaggedIds([
      flag({ subjectIds: ['a'] }),
      flag({ status: 'acknowledged', subjectIds: ['b'] }),
      flag({ status: 'resolved', subjectIds: ['c'] }),
    ]);
    expect([...ids].sort()).toEqual(['a', 'b']);
  });

  it('orders high severity first, then newest', () => {
    const sorted = [
      flag({ id: 'low', severity: 'low' }),
      flag({ id: 'old-high', severity: 'high', createdAt: '2026-01-01T00:00:00Z' }),
      flag({ id: 'new-high', severity: 'high', createdAt: '2026-02-01T00:00:00Z' }),
    ].sort(bySeverity);
    expect(sorted.map((item) => item.id)).toEqual(['new-high', 'old-high', 'low']);
  });

  it('falls back to Danish when a translation is empty', () => {
    expect(localised({ da: 'Hej', en: '' }, 'en')).toBe('Hej');
    expect(localised({ da: 'Hej', en: 'Hi' }, 'en')).toBe('Hi');
  });
});
