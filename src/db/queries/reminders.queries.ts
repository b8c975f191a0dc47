import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../schema.js';

type Executor = Kysely<DB> | Transaction<DB>;

/**
 * What a reminder job reads when it runs (src/server/reminders/): its subject as it is now and
 * whom to tell, and what the hourly sweep looks for. Ids and dates only leave here; names are
 * read by the job for the inbox (behind the login), never for an e-mail.
 */

export interface MeetingForReminder {
  status: string;
  starts_at: Date;
  citizen_id: string;
  /** The organiser and the invited professionals who are still active. */
  professional_ids: string[];
}

export async function meetingForReminder(
  db: Executor,
  municipalityId: string,
  meetingId: string,
): Promise<MeetingForReminder | null> {
  const meeting = await db
    .selectFrom('meeting')
    .select(['status', 'starts_at', 'citizen_id', 'organiser_id'])
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', meetingId)
    .executeTakeFirst();
  if (!meeting) return null;
  const invited = await db
    .selectFrom('meeting_participant')
    .select('professional_id')
    .where('municipality_id', '=', municipalityId)
    .where('meeting_id', '=', meetingId)
    .where('professional_id', 'is not', null)
    .execute();
  const candidates = [
    ...new Set([
      meeting.organiser_id,
      ...invited.flatMap((row) => (row.professional_id ? [row.professional_id] : [])),
    ]),
  ];
  const active = await activeAmong(db, municipalityId, candidates);
  return {
    status: meeting.status,
    starts_at: meeting.starts_at,
    citizen_id: meeting.citizen_id,
    professional_ids: active,
  };
}

export async function decisionForReminder(db: Executor, municipalityId: string, decisionId: string) {
  return db
    .selectFrom('decision')
    .select(['status', 'hearing_until', 'citizen_id', 'created_by'])
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', decisionId)
    .executeTakeFirst();
}

export async function interventionForReminder(db: Executor, municipalityId: string, interventionId: string) {
  return db
    .selectFrom('intervention')
    .select(['status', 'follow_up_date', 'citizen_id', 'responsible_id'])
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', interventionId)
    .executeTakeFirst();
}

/** Which of these professionals are active (a disabled account is not reminded). */
export async function activeAmong(
  db: Executor,
  municipalityId: string,
  professionalIds: readonly string[],
): Promise<string[]> {
  if (professionalIds.length === 0) return [];
  const rows = await db
    .selectFrom('professional')
    .select('id')
    .where('municipality_id', '=', municipalityId)
    .where('id', 'in', professionalIds)
    .where('active', '=', true)
    .execute();
  return rows.map((row) => row.id).sort();
}

/** Who already has this reminder (kind, subject, time) in their notifications: a job run again. */
export async function remindedAlready(
  db: Executor,
  municipalityId: string,
  kind: string,
  subjectId: string,
  at: string,
): Promise<Set<string>> {
  const rows = await db
    .selectFrom('notification')
    .select('recipient_id')
    .where('municipality_id', '=', municipalityId)
    .where('kind', '=', kind)
    .where('subject_id', '=', subjectId)
    .where(sql<string>`payload->>'at'`, '=', at)
    .execute();
  return new Set(rows.map((row) => row.recipient_id));
}

/** A citizen's reminders (notifications to her), newest first: what her page lists. */
export async function citizenReminderRows(
  db: Executor,
  municipalityId: string,
  citizenId: string,
  limit: number,
) {
  return db
    .selectFrom('notification')
    .select(['id', 'kind', 'subject_id', 'payload', 'created_at', 'read_at'])
    .where('municipality_id', '=', municipalityId)
    .where('recipient_id', '=', citizenId)
    .where('citizen_id', '=', citizenId)
    .where('kind', 'like', 'reminder-%')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/**
 * What the hourly sweep enqueues reminders for (the enqueue is idempotent, so finding a subject
 * again is harmless): planned meetings starting in the window, decisions in hearing whose last
 * day is in it, interventions not ended whose follow-up date is in it.
 */
export async function reminderSubjectsDue(
  db: Executor,
  from: Date,
  until: Date,
  fromDay: string,
  untilDay: string,
) {
  const [meetings, decisions, interventions] = await Promise.all([
    db
      .selectFrom('meeting')
      .select(['municipality_id', 'id', 'starts_at'])
      .where('status', '=', 'planned')
      .where('starts_at', '>=', from)
      .where('starts_at', '<', until)
      .execute(),
    db
      .selectFrom('decision')
      .select(['municipality_id', 'id', 'hearing_until'])
      .where('status', '=', 'hearing')
      .where('hearing_until', '>=', fromDay)
      .where('hearing_until', '<=', untilDay)
      .execute(),
    db
      .selectFrom('intervention')
      .select(['municipality_id', 'id', 'follow_up_date'])
      .where('status', '<>', 'ended')
      .where('follow_up_date', '>=', fromDay)
      .where('follow_up_date', '<=', untilDay)
      .execute(),
  ]);
  return { meetings, decisions, interventions };
}
