import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../schema.js';

/** A held follow-up as stored (migration 035). */
export interface FollowUpRow {
  id: string;
  itemKind: string;
  itemId: string;
  heldOn: string;
  heldBy: { id: string; name: string };
  code: string;
  reasons: string | null;
  nextDate: string | null;
  gasLevel: number | null;
}

export async function insertFollowUp(
  trx: Transaction<DB>,
  row: {
    municipalityId: string;
    id: string;
    citizenId: string;
    itemKind: string;
    itemId: string;
    heldOn: string;
    heldBy: string;
    code: string;
    reasons: string | null;
    nextDate: string | null;
    gasHistoryId: string | null;
  },
): Promise<void> {
  await trx
    .insertInto('follow_up')
    .values({
      municipality_id: row.municipalityId,
      id: row.id,
      citizen_id: row.citizenId,
      item_kind: row.itemKind,
      item_id: row.itemId,
      held_on: row.heldOn,
      held_by: row.heldBy,
      code: row.code,
      reasons: row.reasons,
      next_date: row.nextDate,
      gas_history_id: row.gasHistoryId,
    })
    .execute();
}

/** A citizen's held follow-ups, the newest first, with the GAS level scored at each. */
export async function citizenFollowUps(
  db: Kysely<DB>,
  municipalityId: string,
  citizenId: string,
): Promise<FollowUpRow[]> {
  const rows = await db
    .selectFrom('follow_up as f')
    .innerJoin('professional as p', (join) =>
      join.onRef('p.municipality_id', '=', 'f.municipality_id').onRef('p.id', '=', 'f.held_by'),
    )
    .leftJoin('sub_goal_gas_history as g', (join) =>
      join.onRef('g.municipality_id', '=', 'f.municipality_id').onRef('g.id', '=', 'f.gas_history_id'),
    )
    .select([
      'f.id',
      'f.item_kind',
      'f.item_id',
      'f.held_on',
      'f.held_by',
      'p.name as held_by_name',
      'f.code',
      'f.reasons',
      'f.next_date',
      'g.gas_level',
    ])
    .where('f.municipality_id', '=', municipalityId)
    .where('f.citizen_id', '=', citizenId)
    .orderBy('f.held_on', 'desc')
    .orderBy('f.created_at', 'desc')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    itemKind: row.item_kind,
    itemId: row.item_id,
    heldOn: row.held_on,
    heldBy: { id: row.held_by, name: row.held_by_name },
    code: row.code,
    reasons: row.reasons,
    nextDate: row.next_date,
    gasLevel: row.gas_level,
  }));
}

/** The measures recorded at these follow-ups (context 'follow-up'), by follow-up id. */
export async function followUpMeasures(
  db: Kysely<DB>,
  municipalityId: string,
  citizenId: string,
  followUpIds: readonly string[],
): Promise<
  { id: string; followUpId: string; instrumentCode: string; score: number | null; band: string | null }[]
> {
  if (followUpIds.length === 0) return [];
  const rows = await db
    .selectFrom('measure_response')
    .select(['id', 'context_id', 'instrument_code', 'score', 'band'])
    .where('municipality_id', '=', municipalityId)
    .where('citizen_id', '=', citizenId)
    .where('context_kind', '=', 'follow-up')
    .where('context_id', 'in', followUpIds)
    .orderBy('answered_at')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    followUpId: row.context_id as string,
    instrumentCode: row.instrument_code,
    score: row.score,
    band: row.band,
  }));
}

/** Names the GAS history entry scored at a follow-up (written after the follow-up, in its transaction). */
export async function setFollowUpGas(
  trx: Transaction<DB>,
  municipalityId: string,
  followUpId: string,
  gasHistoryId: string,
): Promise<void> {
  await trx
    .updateTable('follow_up')
    .set({ gas_history_id: gasHistoryId })
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', followUpId)
    .execute();
}
