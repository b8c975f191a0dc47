import type { Kysely } from 'kysely';
import { reminderSubjectsDue } from '../../db/queries/reminders.queries.js';
import type { DB } from '../../db/schema.js';
import { addDays, danishToday, momentPlusDays } from '../../domain/calendar.js';
import { HEARING_REMINDER_DAYS } from '../../domain/reminders/reminders.js';
import { enqueueReminder } from './enqueue-reminder.js';

/** Days ahead the sweep looks: beyond the earliest reminder (a hearing's, two days before). */
const SWEEP_DAYS = HEARING_REMINDER_DAYS + 2;

/**
 * Enqueues the reminders of everything due in the next days, in every municipality: a net
 * under the calls from the commands (demo data, a follow-up date set by an import, a change
 * made before this existed). Every process may run it: enqueuing is idempotent. How many
 * subjects it looked at.
 */
export async function sweepReminders(db: Kysely<DB>, now: Date): Promise<number> {
  const today = danishToday(now);
  const due = await reminderSubjectsDue(
    db,
    now,
    momentPlusDays(now, SWEEP_DAYS),
    today,
    addDays(today, SWEEP_DAYS),
  );
  for (const row of due.meetings)
    await enqueueReminder(
      db,
      {
        kind: 'reminder-meeting',
        municipalityId: row.municipality_id,
        meetingId: row.id,
        startsAt: row.starts_at,
      },
      now,
    );
  for (const row of due.decisions)
    if (row.hearing_until)
      await enqueueReminder(
        db,
        {
          kind: 'reminder-hearing-deadline',
          municipalityId: row.municipality_id,
          decisionId: row.id,
          hearingUntil: row.hearing_until,
        },
        now,
      );
  for (const row of due.interventions)
    if (row.follow_up_date)
      await enqueueReminder(
        db,
        {
          kind: 'reminder-follow-up',
          municipalityId: row.municipality_id,
          interventionId: row.id,
          followUpDate: row.follow_up_date,
        },
        now,
      );
  return due.meetings.length + due.decisions.length + due.interventions.length;
}
