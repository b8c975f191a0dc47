import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../api/plan.js';
import { changedFields, followUpDay, isNewToMe, meetingOrigin } from './history-text.js';

const base: HistoryEntry = {
  id: 'h1',
  at: '2026-11-20T10:00:00.000Z',
  planVersion: 2,
  actor: { id: 'other', name: 'Emma', role: 'caseworker' },
  entity: 'sub_goal',
  entityId: 's1',
  action: 'update',
  before: { title: 'Sove', gasLevel: 0, updatedAt: 'x' },
  after: { title: 'Sove', gasLevel: 1, updatedAt: 'y' },
  origin: null,
};

describe('changedFields', () => {
  it('lists only the fields that changed, without system fields', () => {
    expect(changedFields(base)).toEqual([{ field: 'gasLevel', before: 0, after: 1 }]);
  });
});

describe('isNewToMe', () => {
  it('marks changes by others after my previous visit', () => {
    expect(isNewToMe(base, '2026-11-19T10:00:00.000Z', 'me')).toBe(true);
    expect(isNewToMe(base, '2026-11-21T10:00:00.000Z', 'me')).toBe(false);
    expect(isNewToMe(base, '2026-11-19T10:00:00.000Z', 'other')).toBe(false);
    expect(isNewToMe(base, null, 'me')).toBe(false);
  });
});

describe('meetingOrigin', () => {
  it('names the meeting a change came from, when the viewer has it', () => {
    const meeting = { id: '01900000-0000-7000-8000-000000000001', startsAt: '2027-01-05T09:00:00.000Z' };
    expect(meetingOrigin({ ...base, origin: { kind: 'meeting', id: meeting.id } }, [meeting])).toBe(meeting);
    expect(meetingOrigin({ ...base, origin: { kind: 'meeting', id: meeting.id } }, [])).toBeNull();
    expect(
      meetingOrigin({ ...base, origin: { kind: 'decision', id: meeting.id } }, [meeting]),
    ).toBeUndefined();
    expect(meetingOrigin(base, [meeting])).toBeUndefined();
  });
});

describe('followUpDay', () => {
  const followUpId = '00000000-0000-7000-8000-000000000f01';
  const atFollowUp: HistoryEntry = { ...base, origin: { kind: 'follow_up', id: followUpId } };

  it('is the day the follow-up was held, else the day of the change', () => {
    expect(followUpDay(atFollowUp, new Map([[followUpId, '2026-11-18']]))).toBe('2026-11-18');
    expect(followUpDay(atFollowUp, new Map())).toBe('2026-11-20');
  });

  it('is nothing for a change made on the plan or at a meeting', () => {
    expect(followUpDay(base, new Map())).toBeNull();
    expect(followUpDay({ ...base, origin: { kind: 'meeting', id: followUpId } }, new Map())).toBeNull();
  });
});
