import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../schema.js';

/** The municipality-wide records a request may name by id: units, staff, the catalogue. */
export type TenantTable = 'unit' | 'professional' | 'intervention_type';

/**
 * Whether the municipality holds this record (active or not): the tenant check before a command
 * names another record. Another municipality's id answers false, as if it did not exist.
 */
export async function inMunicipality(
  db: Kysely<DB> | Transaction<DB>,
  table: TenantTable,
  municipalityId: string,
  id: string,
): Promise<boolean> {
  const row = await db
    .selectFrom(table)
    .select('id')
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row !== undefined;
}
