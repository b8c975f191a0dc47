import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../schema.js';

type Executor = Kysely<DB> | Transaction<DB>;

/** The citizens of a municipality who may have grants: an open consent or an unexpired break-the-glass. */
export async function citizensWithPossibleGrants(db: Executor, municipalityId: string): Promise<Set<string>> {
  const result = await sql<{ citizen_id: string }>`
        SELECT citizen_id FROM consent WHERE municipality_id = ${municipalityId} AND withdrawn_at IS NULL
        UNION
        SELECT citizen_id FROM break_glass WHERE municipality_id = ${municipalityId} AND expires_at > now()`.execute(
    db,
  );
  return new Set(result.rows.map((row) => row.citizen_id));
}

/** The open (not withdrawn) consents of many citizens. */
export async function openConsentsOfCitizens(db: Executor, municipalityId: string, citizenIds: string[]) {
  return db
    .selectFrom('consent')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('citizen_id', 'in', citizenIds)
    .where('withdrawn_at', 'is', null)
    .execute();
}

/** The break-the-glass accesses to many citizens that have not expired by `now`. */
export async function activeBreakGlassOfCitizens(
  db: Executor,
  municipalityId: string,
  citizenIds: string[],
  now: Date,
) {
  return db
    .selectFrom('break_glass')
    .select(['citizen_id', 'professional_id', 'expires_at'])
    .where('municipality_id', '=', municipalityId)
    .where('citizen_id', 'in', citizenIds)
    .where('expires_at', '>', now)
    .execute();
}
