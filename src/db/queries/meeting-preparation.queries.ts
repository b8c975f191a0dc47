import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../schema.js';

type Executor = Kysely<DB> | Transaction<DB>;

/** What the citizen writes before a meeting; null where she left a question open. */
export interface PreparationRow {
  matters: string | null;
  works: string | null;
  talk_about: string | null;
  invite_wishes: string | null;
}

/** The meeting's status, locked, or undefined when it is not this citizen's meeting. */
export async function meetingStatusForUpdate(
  trx: Transaction<DB>,
  municipalityId: string,
  citizenId: string,
  meetingId: string,
): Promise<string | undefined> {
  const row = await trx
    .selectFrom('meeting')
    .select('status')
    .where('municipality_id', '=', municipalityId)
    .where('citizen_id', '=', citizenId)
    .where('id', '=', meetingId)
    .forUpdate()
    .executeTakeFirst();
  return row?.status;
}

/** Writes her preparation of one meeting, replacing what she wrote before. */
export async function upsertPreparation(
  db: Executor,
  keys: { municipalityId: string; citizenId: string; meetingId: string },
  row: PreparationRow,
  now: Date,
): Promise<void> {
  await db
    .insertInto('meeting_preparation')
    .values({
      municipality_id: keys.municipalityId,
      meeting_id: keys.meetingId,
      citizen_id: keys.citizenId,
      ...row,
      updated_at: now,
    })
    .onConflict((conflict) =>
      conflict.columns(['municipality_id', 'meeting_id']).doUpdateSet({ ...row, updated_at: now }),
    )
    .execute();
}

/** The preparations of some meetings, by meeting id. */
export async function preparationsOf(
  db: Executor,
  municipalityId: string,
  meetingIds: readonly string[],
): Promise<Map<string, PreparationRow & { updated_at: Date }>> {
  if (meetingIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('meeting_preparation')
    .select(['meeting_id', 'matters', 'works', 'talk_about', 'invite_wishes', 'updated_at'])
    .where('municipality_id', '=', municipalityId)
    .where('meeting_id', 'in', [...meetingIds])
    .execute();
  return new Map(rows.map(({ meeting_id, ...row }) => [meeting_id, row]));
}
