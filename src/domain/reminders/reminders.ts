import { addDays, type Day, danishMoment, danishToday } from '../calendar.js';

/**
 * Reminders (issue 14, item 6; decision 0021): of a meeting tomorrow, of a hearing's last day
 * coming, of a follow-up date that has come. Each is a job in the durable queue, enqueued when
 * its subject is made or changed (and by an hourly sweep that catches what was missed), run
 * when its time comes; the job then checks that the reminder still holds (a cancelled or moved
 * meeting, a decided case, an ended intervention: nothing is sent).
 */

export const REMINDER_KINDS = [
  'reminder-meeting',
  'reminder-hearing-deadline',
  'reminder-follow-up',
] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** What a reminder is about, with the time it was scheduled for. */
export type ReminderSubject =
  | { kind: 'reminder-meeting'; municipalityId: string; meetingId: string; startsAt: Date }
  | { kind: 'reminder-hearing-deadline'; municipalityId: string; decisionId: string; hearingUntil: Day }
  | { kind: 'reminder-follow-up'; municipalityId: string; interventionId: string; followUpDate: Day };

/** Danish clock time a reminder is sent at on its day. */
export const REMINDER_HOUR = 9;
/** Days before a hearing's last day its reminder comes. */
export const HEARING_REMINDER_DAYS = 2;

/** The subject's id, and the time it was scheduled for, as the job's payload keeps them. */
export function reminderPayload(subject: ReminderSubject): { subjectId: string; at: string } {
  switch (subject.kind) {
    case 'reminder-meeting':
      return { subjectId: subject.meetingId, at: subject.startsAt.toISOString() };
    case 'reminder-hearing-deadline':
      return { subjectId: subject.decisionId, at: subject.hearingUntil };
    case 'reminder-follow-up':
      return { subjectId: subject.interventionId, at: subject.followUpDate };
  }
}

/** One reminder per subject and kind: enqueuing it again is the same job (moved, if its time moved). */
export function reminderKey(subject: ReminderSubject): string {
  return `${subject.kind}:${reminderPayload(subject).subjectId}`;
}

/**
 * When the reminder is sent: a meeting's the day before at 9 (Danish time), a hearing's two days
 * before its last day at 9, a follow-up's on the day at 9. A time already passed is "now" while
 * the reminder still makes sense (the meeting is tomorrow or later, the hearing still open, the
 * follow-up today); otherwise null: no reminder.
 */
export function reminderRunAt(subject: ReminderSubject, now: Date): Date | null {
  const today = danishToday(now);
  let day: Day;
  let lastUsefulDay: Day;
  switch (subject.kind) {
    case 'reminder-meeting': {
      const meetingDay = danishToday(subject.startsAt);
      day = addDays(meetingDay, -1);
      // "Tomorrow" is true only until the day before ends.
      lastUsefulDay = day;
      break;
    }
    case 'reminder-hearing-deadline':
      day = addDays(subject.hearingUntil, -HEARING_REMINDER_DAYS);
      lastUsefulDay = subject.hearingUntil;
      break;
    case 'reminder-follow-up':
      day = subject.followUpDate;
      lastUsefulDay = subject.followUpDate;
      break;
  }
  const planned = danishMoment(day, REMINDER_HOUR);
  if (planned.getTime() >= now.getTime()) return planned;
  return today <= lastUsefulDay ? now : null;
}

/** What the job finds when it runs: the subject as it is now, or nothing (gone). */
export type ReminderSubjectNow =
  | { kind: 'reminder-meeting'; status: string; startsAt: Date }
  | { kind: 'reminder-hearing-deadline'; status: string; hearingUntil: Day | null }
  | { kind: 'reminder-follow-up'; status: string; followUpDate: Day | null };

/**
 * Whether a reminder still holds when its job runs: the meeting is planned, at the time the
 * reminder was made for, and still ahead; the decision is still in hearing with the same last
 * day, not passed; the intervention is not ended and has the same follow-up date.
 */
export function reminderStillRelevant(
  payload: { at: string },
  current: ReminderSubjectNow | null,
  now: Date,
): boolean {
  if (!current) return false;
  switch (current.kind) {
    case 'reminder-meeting':
      return (
        current.status === 'planned' &&
        current.startsAt.toISOString() === payload.at &&
        current.startsAt.getTime() > now.getTime()
      );
    case 'reminder-hearing-deadline':
      return (
        current.status === 'hearing' &&
        current.hearingUntil === payload.at &&
        danishToday(now) <= current.hearingUntil
      );
    case 'reminder-follow-up':
      return current.status !== 'ended' && current.followUpDate === payload.at;
  }
}
