import type { Kysely } from 'kysely';
import type { DB } from '../schema.js';

/** The names of units by id (for the consents of an export). */
export async function unitNamesById(
  db: Kysely<DB>,
  municipalityId: string,
  unitIds: readonly string[],
): Promise<Map<string, string>> {
  if (unitIds.length === 0) return new Map();
  const units = await db
    .selectFrom('unit')
    .select(['id', 'name'])
    .where('municipality_id', '=', municipalityId)
    .where('id', 'in', [...unitIds])
    .execute();
  return new Map(units.map((unit) => [unit.id, unit.name]));
}

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
