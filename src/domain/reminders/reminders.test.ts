import { describe, expect, it } from 'vitest';
import { reminderKey, reminderRunAt, reminderStillRelevant, type ReminderSubject } from './reminders.js';

const municipalityId = '00000000-0000-7000-8000-000000000001';
const meetingId = '00000000-0000-7000-8000-000000000002';
const meeting = (startsAt: string): ReminderSubject => ({
  kind: 'reminder-meeting',
  municipalityId,
  meetingId,
  startsAt: new Date(startsAt),
});

describe('when a reminder is sent', () => {
  it('reminds of a meeting the day before at 9, Danish time', () => {
    const now = new Date('2026-03-02T10:00:00Z');
    expect(reminderRunAt(meeting('2026-03-10T09:00:00Z'), now)?.toISOString()).toBe(
      '2026-03-09T08:00:00.000Z',
    );
  });

  it('reminds at once of a meeting tomorrow arranged after 9, and not of one today', () => {
    const now = new Date('2026-03-09T12:00:00Z');
    expect(reminderRunAt(meeting('2026-03-10T09:00:00Z'), now)).toEqual(now);
    expect(reminderRunAt(meeting('2026-03-09T15:00:00Z'), now)).toBeNull();
  });

  it('reminds of a hearing two days before its last day, and of a follow-up on its day', () => {
    const now = new Date('2026-03-02T10:00:00Z');
    const hearing: ReminderSubject = {
      kind: 'reminder-hearing-deadline',
      municipalityId,
      decisionId: meetingId,
      hearingUntil: '2026-03-16',
    };
    expect(reminderRunAt(hearing, now)?.toISOString()).toBe('2026-03-14T08:00:00.000Z');
    // Its last day: still worth saying.
    expect(reminderRunAt(hearing, new Date('2026-03-16T20:00:00Z'))).toEqual(
      new Date('2026-03-16T20:00:00Z'),
    );
    expect(reminderRunAt(hearing, new Date('2026-03-17T08:00:00Z'))).toBeNull();
    const followUp: ReminderSubject = {
      kind: 'reminder-follow-up',
      municipalityId,
      interventionId: meetingId,
      followUpDate: '2026-07-01',
    };
    expect(reminderRunAt(followUp, now)?.toISOString()).toBe('2026-07-01T07:00:00.000Z');
    expect(reminderKey(followUp)).toBe(`reminder-follow-up:${meetingId}`);
  });
});

describe('whether a reminder still holds', () => {
  const now = new Date('2026-03-09T08:00:00Z');
  const at = '2026-03-10T09:00:00.000Z';
  it('holds for a planned meeting at the same time, not a cancelled or moved one', () => {
    const startsAt = new Date(at);
    expect(
      reminderStillRelevant({ at }, { kind: 'reminder-meeting', status: 'planned', startsAt }, now),
    ).toBe(true);
    expect(
      reminderStillRelevant({ at }, { kind: 'reminder-meeting', status: 'cancelled', startsAt }, now),
    ).toBe(false);
    expect(
      reminderStillRelevant(
        { at },
        { kind: 'reminder-meeting', status: 'planned', startsAt: new Date('2026-03-11T09:00:00Z') },
        now,
      ),
    ).toBe(false);
    expect(reminderStillRelevant({ at }, null, now)).toBe(false);
  });

  it('holds for a hearing still open with the same last day, and a follow-up not ended', () => {
    const hearing = { kind: 'reminder-hearing-deadline', hearingUntil: '2026-03-10' } as const;
    expect(reminderStillRelevant({ at: '2026-03-10' }, { ...hearing, status: 'hearing' }, now)).toBe(true);
    expect(reminderStillRelevant({ at: '2026-03-10' }, { ...hearing, status: 'final' }, now)).toBe(false);
    const followUp = { kind: 'reminder-follow-up', followUpDate: '2026-03-09' } as const;
    expect(reminderStillRelevant({ at: '2026-03-09' }, { ...followUp, status: 'active' }, now)).toBe(true);
    expect(reminderStillRelevant({ at: '2026-03-09' }, { ...followUp, status: 'ended' }, now)).toBe(false);
  });
});
