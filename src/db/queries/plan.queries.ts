import type { Insertable, Kysely, Transaction } from 'kysely';
import type { DB, PlanHistoryTable } from '../schema.js';
import { RELATION_COLUMNS } from './plan-document.queries.js';

type Executor = Kysely<DB> | Transaction<DB>;

/**
 * Locks the citizen's plan row for the rest of the transaction and returns its version;
 * undefined when the municipality has no such citizen.
 */
export async function lockedPlanVersion(
  trx: Transaction<DB>,
  municipalityId: string,
  citizenId: string,
): Promise<number | undefined> {
  const plan = await trx
    .selectFrom('plan')
    .select('version')
    .where('municipality_id', '=', municipalityId)
    .where('citizen_id', '=', citizenId)
    .forUpdate()
    .executeTakeFirst();
  return plan?.version;
}

/** The relation columns of a citizen's plan read model (who works with her), as relationsOf reads them. */
export async function planRelationsRow(db: Executor, municipalityId: string, citizenId: string) {
  return db
    .selectFrom('plan_document')
    .select(RELATION_COLUMNS)
    .where('municipality_id', '=', municipalityId)
    .where('citizen_id', '=', citizenId)
    .executeTakeFirstOrThrow();
}

/** Sets the plan's version, and who changed it when. */
export async function setPlanVersion(
  trx: Transaction<DB>,
  change: { municipalityId: string; citizenId: string; version: number; updatedBy: string; at: Date },
): Promise<void> {
  await trx
    .updateTable('plan')
    .set({ version: change.version, updated_at: change.at, updated_by: change.updatedBy })
    .where('municipality_id', '=', change.municipalityId)
    .where('citizen_id', '=', change.citizenId)
    .execute();
}

export async function insertPlanHistory(
  trx: Transaction<DB>,
  rows: readonly Insertable<PlanHistoryTable>[],
): Promise<void> {
  await trx.insertInto('plan_history').values(rows).execute();
}

/** A unit's name, when the municipality has it. */
export async function unitNameOf(
  db: Executor,
  municipalityId: string,
  unitId: string,
): Promise<string | null> {
  const unit = await db
    .selectFrom('unit')
    .select('name')
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', unitId)
    .executeTakeFirst();
  return unit?.name ?? null;
}

/** The plan's version (the caller holds the plan's lock). */
export async function planVersionOf(
  trx: Transaction<DB>,
  municipalityId: string,
  citizenId: string,
): Promise<number> {
  const plan = await trx
    .selectFrom('plan')
    .select('version')
    .where('municipality_id', '=', municipalityId)
    .where('citizen_id', '=', citizenId)
    .executeTakeFirstOrThrow();
  return plan.version;
}
