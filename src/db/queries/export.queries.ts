import type { Kysely } from 'kysely';
import type { DB } from '../schema.js';

/** The citizen's name and encrypted CPR number, for an export. */
export async function exportCitizenRow(
  db: Kysely<DB>,
  municipalityId: string,
  citizenId: string,
): Promise<{ given_name: string; family_name: string; cpr_encrypted: Uint8Array } | undefined> {
  return db
    .selectFrom('citizen')
    .select(['given_name', 'family_name', 'cpr_encrypted'])
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', citizenId)
    .executeTakeFirst();
}
