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
