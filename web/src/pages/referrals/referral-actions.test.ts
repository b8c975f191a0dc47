import { describe, expect, it } from 'vitest';
import type { Referral } from '../../api/referrals.js';
import { referralActions } from './referral-actions.js';

function referral(status: Referral['status']): Referral {
  return {
    id: 'r',
    citizenId: 'c',
    citizen: null,
    subGoal: null,
    from: { unit: { id: 'from', name: 'A' }, professional: { id: 'p', name: 'P' } },
    to: { unit: { id: 'to', name: 'B' }, civilSociety: null },
    type: null,
    reason: 'x',
    status,
    answerDue: '2026-12-01',
    overdue: false,
    declineReason: null,
    interventionId: null,
    createdAt: '2026-11-01T00:00:00Z',
    updatedAt: '2026-11-01T00:00:00Z',
  };
}

describe('referral actions', () => {
  it('lets the receiving unit answer, start and complete', () => {
    expect(referralActions(referral('requested'), 'to')).toEqual(['accept', 'decline']);
    expect(referralActions(referral('accepted'), 'to')).toEqual(['start']);
    expect(referralActions(referral('started'), 'to')).toEqual(['complete']);
  });

  it('lets the sending unit withdraw an open referral and close a started one', () => {
    expect(referralActions(referral('requested'), 'from')).toEqual(['withdraw']);
    expect(referralActions(referral('started'), 'from')).toEqual(['complete']);
    expect(referralActions(referral('completed'), 'from')).toEqual([]);
  });

  it('offers nothing to other units or citizens', () => {
    expect(referralActions(referral('requested'), 'elsewhere')).toEqual([]);
    expect(referralActions(referral('requested'), null)).toEqual([]);
  });
});
