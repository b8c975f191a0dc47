import type { Kysely, Transaction } from 'kysely';
import { enqueueJob } from '../../db/queries/jobs.queries.js';
import type { DB } from '../../db/schema.js';
import {
  type ReminderSubject,
  reminderKey,
  reminderPayload,
  reminderRunAt,
} from '../../domain/reminders/reminders.js';

/**
 * THE way to ask for a reminder: call it where a meeting is arranged or changed, a decision sent
 * to hearing, a follow-up date set or moved, inside the command's transaction (so the reminder
 * exists exactly when the change does). Calling it again for the same subject is safe: one job
 * per subject, moved to the new time if the time changed. A subject whose time has passed gets
 * none. The job checks again when it runs, so a cancelled meeting or an ended intervention
 * needs no call: its reminder finds it no longer relevant and sends nothing.
 */
export async function enqueueReminder(
  db: Kysely<DB> | Transaction<DB>,
  subject: ReminderSubject,
  now: Date = new Date(),
): Promise<void> {
  const runAt = reminderRunAt(subject, now);
  if (!runAt) return;
  await enqueueJob(
    db,
    {
      municipalityId: subject.municipalityId,
      kind: subject.kind,
      dedupeKey: reminderKey(subject),
      runAt,
      payload: reminderPayload(subject),
    },
    now,
  );
}
