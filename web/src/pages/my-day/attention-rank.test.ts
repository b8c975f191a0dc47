import { describe, expect, it } from 'vitest';
import type { AttentionItem } from '../../api/workspace.js';
import { attentionSignals, severityRank } from './attention-rank.js';

const base: AttentionItem = {
  id: 'sara',
  givenName: 'Sara',
  familyName: 'Eksempelsen',
  cprMasked: '010190-xxxx',
  relation: 'coordinator',
  activeInterventions: 2,
  sectors: [],
  updatedAt: '2026-11-01T10:00:00Z',
  attention: {
    followUpsOverdue: 0,
    followUpsDueSoon: 1,
    nextFollowUp: '2026-12-10',
    changedSinceLastVisit: false,
    noActiveIntervention: false,
    subGoalsPastDate: 0,
    gaps: 1,
  },
  score: 2,
  lastVisitAt: null,
};

describe('attention signals', () => {
  it('puts a severe flag first and never says nothing when there are flags', () => {
    const signals = attentionSignals(base, { open: 3, high: 1 });
    expect(signals.map((signal) => signal.key)).toEqual(['flagsHigh', 'followUpsDueSoon', 'flags', 'gaps']);
    expect(signals[0]).toMatchObject({ severity: 'severe', count: 1 });
    expect(signals.find((signal) => signal.key === 'flags')?.count).toBe(2);
    const quiet = { ...base, attention: { ...base.attention, followUpsDueSoon: 0, gaps: 0 } };
    expect(attentionSignals(quiet, undefined)).toEqual([]);
    expect(attentionSignals(quiet, { open: 1, high: 0 })).toHaveLength(1);
  });

  it('ranks by the most severe level first', () => {
    const overdue = {
      ...base,
      attention: { ...base.attention, followUpsOverdue: 1, followUpsDueSoon: 0, gaps: 0 },
    };
    const many = { ...base, attention: { ...base.attention, gaps: 40, subGoalsPastDate: 5 } };
    expect(severityRank(overdue, undefined)).toBeGreaterThan(severityRank(many, undefined));
  });
});
