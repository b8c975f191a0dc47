import type { Kysely } from 'kysely';
import type { DB } from '../schema.js';

/** A unit of the municipality, or undefined. */
export async function unitById(
  db: Kysely<DB>,
  municipalityId: string,
  unitId: string,
): Promise<{ id: string; name: string; sector: string } | undefined> {
  return db
    .selectFrom('unit')
    .select(['id', 'name', 'sector'])
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', unitId)
    .executeTakeFirst();
}

/** The unit's active professionals, by name. */
export async function unitStaff(
  db: Kysely<DB>,
  municipalityId: string,
  unitId: string,
): Promise<{ id: string; name: string; profession: string; role: string }[]> {
  return db
    .selectFrom('professional')
    .select(['id', 'name', 'profession', 'role'])
    .where('municipality_id', '=', municipalityId)
    .where('unit_id', '=', unitId)
    .where('active', '=', true)
    .orderBy('name')
    .execute();
}

/** Every unit of the municipality, with its name. */
export async function municipalityUnits(
  db: Kysely<DB>,
  municipalityId: string,
): Promise<{ id: string; name: string }[]> {
  return db.selectFrom('unit').select(['id', 'name']).where('municipality_id', '=', municipalityId).execute();
}
