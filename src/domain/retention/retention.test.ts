import { describe, expect, it } from 'vitest';
import { retentionStatus } from './retention.js';

describe('the retention rule', () => {
  it('keeps an open case, whatever the period', () => {
    expect(retentionStatus({ openItems: 1, lastActivityOn: '2015-01-01' }, 12, '2026-12-03')).toEqual({
      kind: 'open',
    });
  });

  it('keeps an ended case when the municipality has set no period', () => {
    expect(retentionStatus({ openItems: 0, lastActivityOn: '2015-01-01' }, null, '2026-12-03')).toEqual({
      kind: 'kept',
      caseEndedOn: '2015-01-01',
    });
  });

  it('is due on the day the period ends, not the day before', () => {
    const facts = { openItems: 0, lastActivityOn: '2021-12-03' };
    expect(retentionStatus(facts, 60, '2026-12-02')).toEqual({
      kind: 'scheduled',
      caseEndedOn: '2021-12-03',
      deletionDueOn: '2026-12-03',
    });
    expect(retentionStatus(facts, 60, '2026-12-03')).toEqual({
      kind: 'due',
      caseEndedOn: '2021-12-03',
      deletionDueOn: '2026-12-03',
    });
  });

  it('counts months on the calendar: 31 January plus one month is the last of February', () => {
    expect(retentionStatus({ openItems: 0, lastActivityOn: '2024-01-31' }, 13, '2025-02-28')).toMatchObject({
      kind: 'due',
      deletionDueOn: '2025-02-28',
    });
  });
});
