import type { Transaction } from 'kysely';
import type { DB } from '../schema.js';

/**
 * The items of a plan as its changes read and write them (sub-goals, interventions, team,
 * pathways), always within the tenant and, where it says so, the citizen's own plan. They run
 * inside changePlan's transaction (src/server/plan/plan-change.ts).
 */

// --- GAS follow-ups ----------------------------------------------------------------------

/** A sub-goal's GAS level and status, for a follow-up; undefined if not in this citizen's plan. */
export async function subGoalGas(
  trx: Transaction<DB>,
  municipalityId: string,
  citizenId: string,
  subGoalId: string,
): Promise<{ gas_level: number | null; status: string } | undefined> {
  return trx
    .selectFrom('sub_goal')
    .select(['gas_level', 'status'])
    .where('municipality_id', '=', municipalityId)
    .where('citizen_id', '=', citizenId)
    .where('id', '=', subGoalId)
    .executeTakeFirst();
}

/** Records a GAS follow-up: the sub-goal's new level and the entry in its GAS history. */
export async function recordGasLevel(
  trx: Transaction<DB>,
  followUp: {
    municipalityId: string;
    id: string;
    subGoalId: string;
    citizenId: string;
    gasLevel: number;
    recordedBy: string;
    note: string | null;
  },
): Promise<void> {
  await trx
    .updateTable('sub_goal')
    .set({ gas_level: followUp.gasLevel })
    .where('municipality_id', '=', followUp.municipalityId)
    .where('id', '=', followUp.subGoalId)
    .execute();
  await trx
    .insertInto('sub_goal_gas_history')
    .values({
      municipality_id: followUp.municipalityId,
      id: followUp.id,
      sub_goal_id: followUp.subGoalId,
      citizen_id: followUp.citizenId,
      gas_level: followUp.gasLevel,
      recorded_by: followUp.recordedBy,
      note: followUp.note,
    })
    .execute();
}
