import type { Kysely, Transaction } from 'kysely';
import { newId } from '../ids.js';
import type { DB } from '../schema.js';

type Executor = Kysely<DB> | Transaction<DB>;

export interface DecisionRow {
  id: string;
  unit_id: string;
  unit_name: string;
  title: string;
  proposal: string;
  facts: string;
  legal_basis: string;
  negative: boolean;
  status: 'draft' | 'hearing' | 'final';
  hearing_until: string | null;
  created_at: Date;
}

/** The citizen's decisions, oldest first (or one, by id). */
export async function decisionsOf(
  db: Executor,
  municipalityId: string,
  citizenId: string,
  decisionId?: string,
): Promise<DecisionRow[]> {
  let query = db
    .selectFrom('decision as d')
    .innerJoin('unit as u', (join) =>
      join.onRef('u.municipality_id', '=', 'd.municipality_id').onRef('u.id', '=', 'd.unit_id'),
    )
    .select([
      'd.id',
      'd.unit_id',
      'u.name as unit_name',
      'd.title',
      'd.proposal',
      'd.facts',
      'd.legal_basis',
      'd.negative',
      'd.status',
      'd.hearing_until',
      'd.created_at',
    ])
    .where('d.municipality_id', '=', municipalityId)
    .where('d.citizen_id', '=', citizenId);
  if (decisionId) query = query.where('d.id', '=', decisionId);
  return query.orderBy('d.created_at').orderBy('d.id').execute();
}

/** The answers to some decisions' hearings, oldest first. */
export async function responsesOf(db: Executor, municipalityId: string, decisionIds: readonly string[]) {
  if (decisionIds.length === 0) return [];
  return db
    .selectFrom('decision_response')
    .select(['id', 'decision_id', 'kind', 'text', 'created_at'])
    .where('municipality_id', '=', municipalityId)
    .where('decision_id', 'in', [...decisionIds])
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export interface NewDecision {
  municipality_id: string;
  citizen_id: string;
  unit_id: string;
  title: string;
  proposal: string;
  facts: string;
  legal_basis: string;
  negative: boolean;
  hearing_until: string;
  created_by: string;
}

/** A new decision, sent to hearing. */
export async function insertDecision(db: Executor, row: NewDecision): Promise<string> {
  const id = newId();
  await db
    .insertInto('decision')
    .values({ ...row, id, status: 'hearing' })
    .execute();
  return id;
}

/** The decision's hearing state, locked while an answer is added. */
export async function decisionForUpdate(
  trx: Transaction<DB>,
  municipalityId: string,
  citizenId: string,
  decisionId: string,
) {
  return trx
    .selectFrom('decision')
    .select(['status', 'hearing_until', 'title', 'created_by'])
    .where('municipality_id', '=', municipalityId)
    .where('citizen_id', '=', citizenId)
    .where('id', '=', decisionId)
    .forUpdate()
    .executeTakeFirst();
}

export async function insertResponse(
  db: Executor,
  row: {
    municipality_id: string;
    decision_id: string;
    citizen_id: string;
    kind: 'comment' | 'correction';
    text: string;
  },
): Promise<string> {
  const id = newId();
  await db
    .insertInto('decision_response')
    .values({ ...row, id })
    .execute();
  return id;
}
