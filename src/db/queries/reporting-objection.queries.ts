import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../schema.js';

type Executor = Kysely<DB> | Transaction<DB>;

/**
 * The citizen's objection to her data in management figures (migration 039, decision 0025).
 *
 * `reportableCitizenSql` is THE filter: every management figure's query narrows its citizens
 * through it (via `citizenGroupSql` in analytics.queries.ts, which every figure uses), so a
 * citizen who objects is left out of every count, sum, share and export at once — the read is
 * live, no pre-aggregate holds her out, so taking the objection back brings her back at once.
 */
export function reportableCitizenSql(municipalityId: string, column: string) {
  return sql<boolean>`${sql.ref(column)} NOT IN (
    SELECT o.citizen_id FROM reporting_objection o
    WHERE o.municipality_id = ${municipalityId} AND o.withdrawn_at IS NULL)`;
}

/** Every objection of the citizen, newest first, with the names of the professionals who recorded them. */
export async function objectionsOf(db: Executor, municipalityId: string, citizenId: string) {
  return db
    .selectFrom('reporting_objection as o')
    .leftJoin('professional as recorder', (join) =>
      join
        .onRef('recorder.municipality_id', '=', 'o.municipality_id')
        .onRef('recorder.id', '=', 'o.recorded_by_id'),
    )
    .leftJoin('professional as withdrawer', (join) =>
      join
        .onRef('withdrawer.municipality_id', '=', 'o.municipality_id')
        .onRef('withdrawer.id', '=', 'o.withdrawn_by_id'),
    )
    .select([
      'o.id',
      'o.objected_at',
      'o.recorded_by_kind',
      'recorder.name as recorded_by_name',
      'o.withdrawn_at',
      'o.withdrawn_by_kind',
      'withdrawer.name as withdrawn_by_name',
    ])
    .where('o.municipality_id', '=', municipalityId)
    .where('o.citizen_id', '=', citizenId)
    .orderBy('o.objected_at', 'desc')
    .orderBy('o.id', 'desc')
    .execute();
}

/** The objection in force, if any: who recorded it decides who may take it back. */
export async function objectionInForce(db: Executor, municipalityId: string, citizenId: string) {
  return db
    .selectFrom('reporting_objection')
    .select(['id', 'recorded_by_kind'])
    .where('municipality_id', '=', municipalityId)
    .where('citizen_id', '=', citizenId)
    .where('withdrawn_at', 'is', null)
    .executeTakeFirst();
}

/** The citizen's row, locked: two changes of her setting at once are taken one after the other. */
export async function lockCitizenForObjection(
  trx: Transaction<DB>,
  municipalityId: string,
  citizenId: string,
): Promise<void> {
  await trx
    .selectFrom('citizen')
    .select('id')
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', citizenId)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

export async function insertObjection(
  trx: Transaction<DB>,
  row: { municipalityId: string; id: string; citizenId: string; by: { kind: string; id: string }; at: Date },
): Promise<void> {
  await trx
    .insertInto('reporting_objection')
    .values({
      municipality_id: row.municipalityId,
      id: row.id,
      citizen_id: row.citizenId,
      objected_at: row.at,
      recorded_by_kind: row.by.kind,
      recorded_by_id: row.by.id,
      withdrawn_at: null,
      withdrawn_by_kind: null,
      withdrawn_by_id: null,
    })
    .execute();
}

export async function withdrawObjection(
  trx: Transaction<DB>,
  municipalityId: string,
  id: string,
  by: { kind: string; id: string },
  at: Date,
): Promise<void> {
  await trx
    .updateTable('reporting_objection')
    .set({ withdrawn_at: at, withdrawn_by_kind: by.kind, withdrawn_by_id: by.id })
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', id)
    .where('withdrawn_at', 'is', null)
    .execute();
}
