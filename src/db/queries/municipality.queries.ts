import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../schema.js';

type Executor = Kysely<DB> | Transaction<DB>;

/** Whether the database holds any municipality yet (an empty one gets the demo). */
export async function anyMunicipality(db: Executor): Promise<boolean> {
  const existing = await db.selectFrom('municipality').select('id').limit(1).executeTakeFirst();
  return existing !== undefined;
}

/** Every municipality (or the one with this code), ordered by code. */
export async function municipalitiesByCode(db: Executor, code?: string) {
  let query = db.selectFrom('municipality').select(['id', 'code', 'name']).orderBy('code');
  if (code) query = query.where('code', '=', code);
  return query.execute();
}

/** The id of the municipality with this code, when there is one. */
export async function municipalityIdByCode(db: Executor, code: string): Promise<string | undefined> {
  const municipality = await db
    .selectFrom('municipality')
    .select('id')
    .where('code', '=', code)
    .executeTakeFirst();
  return municipality?.id;
}
