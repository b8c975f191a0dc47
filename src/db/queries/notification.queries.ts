import type { Transaction } from 'kysely';
import { newId } from '../ids.js';
import type { DB } from '../schema.js';

/** What a notification says: about which citizen, of which kind, for which referral or meeting. */
export interface NotificationContent {
  citizenId: string;
  kind: string;
  subjectId: string;
  /** JSON text, the same for every recipient. */
  payload: string;
}

/**
 * Puts the same notification in each recipient's inbox, from the acting professional. Recipients
 * are written in id order, so the rows (and their ids) follow the same order on every run.
 */
export async function insertNotifications(
  trx: Transaction<DB>,
  actor: { municipalityId: string; id: string },
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
