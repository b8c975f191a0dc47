import { type Kysely, sql, type Transaction } from 'kysely';
import { newId } from '../ids.js';
import type { DB } from '../schema.js';

type Executor = Kysely<DB> | Transaction<DB>;

/** What a notification says: about which citizen, of which kind, for which referral or meeting. */
export interface NotificationContent {
  citizenId: string;
  kind: string;
  subjectId: string;
  /** JSON text, the same for every recipient. */
  payload: string;
}

/**
 * Puts the same notification in each recipient's inbox, from the acting professional (no actor
 * when the citizen wrote it: the sentence names her). Recipients are written in id order, so the
 * rows (and their ids) follow the same order on every run.
 */
export async function insertNotifications(
  trx: Transaction<DB>,
  actor: { municipalityId: string; id: string | null },
  recipientIds: Iterable<string>,
  content: NotificationContent,
): Promise<void> {
  const recipients = [...recipientIds].sort();
  if (recipients.length === 0) return;
  await trx
    .insertInto('notification')
    .values(
      recipients.map((recipientId) => ({
        municipality_id: actor.municipalityId,
        id: newId(),
        recipient_id: recipientId,
        citizen_id: content.citizenId,
        kind: content.kind,
        subject_id: content.subjectId,
        payload: content.payload,
        actor_id: actor.id,
        read_at: null,
      })),
    )
    .execute();
}

/** The citizen's current coordinator, the professional her own notes and answers go to; none if none. */
export async function coordinatorOf(
  trx: Transaction<DB>,
  municipalityId: string,
  citizenId: string,
): Promise<string[]> {
  const rows = await trx
    .selectFrom('team_member')
    .select('professional_id')
    .where('municipality_id', '=', municipalityId)
    .where('citizen_id', '=', citizenId)
    .where('is_coordinator', '=', true)
    .where('ended_at', 'is', null)
    .execute();
  return rows.flatMap((row) => (row.professional_id ? [row.professional_id] : []));
}

/** A notification row as the inbox reads it. */
export interface NotificationRow {
  id: string;
  kind: string;
  citizen_id: string | null;
  subject_id: string | null;
  payload: unknown;
  actor_id: string | null;
  name: string | null;
  created_at: Date;
  read_at: Date | null;
}

/** The recipient's notifications, newest first, with the acting professional's name. */
export async function inboxRows(
  db: Kysely<DB>,
  municipalityId: string,
  recipientId: string,
  filter: { unreadOnly: boolean; limit: number },
): Promise<NotificationRow[]> {
  let query = db
    .selectFrom('notification as n')
    .leftJoin('professional as p', (join) =>
      join.onRef('p.municipality_id', '=', 'n.municipality_id').onRef('p.id', '=', 'n.actor_id'),
    )
    .select([
      'n.id',
      'n.kind',
      'n.citizen_id',
      'n.subject_id',
      'n.payload',
      'n.actor_id',
      'p.name',
      'n.created_at',
      'n.read_at',
    ])
    .where('n.municipality_id', '=', municipalityId)
    .where('n.recipient_id', '=', recipientId);
  if (filter.unreadOnly) query = query.where('n.read_at', 'is', null);
  return query.orderBy('n.created_at', 'desc').orderBy('n.id', 'desc').limit(filter.limit).execute();
}

/** How many of the recipient's notifications are unread. */
export async function unreadCount(
  db: Kysely<DB>,
  municipalityId: string,
  recipientId: string,
): Promise<number> {
  const row = await db
    .selectFrom('notification')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('municipality_id', '=', municipalityId)
    .where('recipient_id', '=', recipientId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return row?.n ?? 0;
}

/** Marks one of the recipient's notifications read (keeping the first time); none if not theirs. */
export async function markNotificationRead(
  db: Kysely<DB>,
  municipalityId: string,
  recipientId: string,
  notificationId: string,
): Promise<{ id: string; read_at: Date | null } | undefined> {
  return db
    .updateTable('notification')
    .set({ read_at: sql`coalesce(read_at, now())` })
    .where('municipality_id', '=', municipalityId)
    .where('recipient_id', '=', recipientId)
    .where('id', '=', notificationId)
    .returning(['id', 'read_at'])
    .executeTakeFirst();
}

/** Marks all the recipient's unread notifications read; how many were. */
export async function markAllNotificationsRead(
  db: Kysely<DB>,
  municipalityId: string,
  recipientId: string,
  at: Date,
): Promise<number> {
  const result = await db
    .updateTable('notification')
    .set({ read_at: at })
    .where('municipality_id', '=', municipalityId)
    .where('recipient_id', '=', recipientId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * Notifications of the last hour waiting for e-mail: unread, to a professional with an
 * address, oldest first, at most `limit`.
 */
export async function notificationsAwaitingMail(db: Executor, limit: number) {
  return db
    .selectFrom('notification as n')
    .innerJoin('professional as p', (join) =>
      join.onRef('p.municipality_id', '=', 'n.municipality_id').onRef('p.id', '=', 'n.recipient_id'),
    )
    .select(['n.municipality_id', 'n.id', 'n.kind', 'p.email'])
    .where('n.email_status', '=', 'none')
    .where('n.read_at', 'is', null)
    .where('p.email', 'is not', null)
    .where('n.created_at', '>', sql<Date>`now() - interval '1 hour'`)
    .orderBy('n.created_at')
    .limit(limit)
    .execute();
}

export async function setNotificationEmailStatus(
  db: Executor,
  municipalityId: string,
  notificationId: string,
  status: string,
): Promise<void> {
  await db
    .updateTable('notification')
    .set({ email_status: status })
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', notificationId)
    .execute();
}
