import type { Insertable, Transaction, UpdateObject } from 'kysely';
import type { GasScorerKind } from '../../domain/measures/gas.js';
import type { PathwayOutcome } from '../../domain/plan/pathway-outcome.js';
import type { DB, InterventionTable, SubGoalTable } from '../schema.js';

/** A new row of a plan item's table, without what the plan supplies (tenant, id, citizen). */
type NewItem<T> = Omit<Insertable<T>, 'municipality_id' | 'id' | 'citizen_id'>;

/**
 * The items of a plan as its changes read and write them (sub-goals, interventions, team,
 * pathways), always within the tenant and, where it says so, the citizen's own plan. They run
 * inside changePlan's transaction (src/server/plan/plan-change.ts).
 */

/** The plan a change writes: its transaction, tenant and citizen (changePlan's scope has them). */
export interface PlanItems {
  trx: Transaction<DB>;
  municipalityId: string;
  citizenId: string;
}

// --- goal ------------------------------------------------------------------------------

/** The plan's overall goal, as it is. */
export async function goalOf(plan: PlanItems) {
  return plan.trx
    .selectFrom('plan')
    .select(['goal_own_words', 'goal_professional'])
    .where('municipality_id', '=', plan.municipalityId)
    .where('citizen_id', '=', plan.citizenId)
    .executeTakeFirstOrThrow();
}

/** Sets the plan's overall goal. */
export async function setGoalOf(
  plan: PlanItems,
  goal: { goal_own_words: string; goal_professional: string | null },
): Promise<void> {
  await plan.trx
    .updateTable('plan')
    .set(goal)
    .where('municipality_id', '=', plan.municipalityId)
    .where('citizen_id', '=', plan.citizenId)
    .execute();
}

// --- one item ----------------------------------------------------------------------------

/** Updates one item of the plan (a sub-goal, intervention or team member) by id, within the tenant. */
export async function updatePlanItem<T extends 'sub_goal' | 'intervention' | 'team_member'>(
  plan: PlanItems,
  table: T,
  id: string,
  set: UpdateObject<DB, T>,
): Promise<void> {
  await plan.trx
    .updateTable(table as 'sub_goal')
    .set(set as UpdateObject<DB, 'sub_goal'>)
    .where('municipality_id', '=', plan.municipalityId)
    .where('id', '=', id)
    .execute();
}

// --- sub-goals ---------------------------------------------------------------------------

/** Adds a sub-goal to the plan. */
export async function insertSubGoal(plan: PlanItems, id: string, row: NewItem<SubGoalTable>): Promise<void> {
  await plan.trx
    .insertInto('sub_goal')
    .values({ municipality_id: plan.municipalityId, id, citizen_id: plan.citizenId, ...row })
    .execute();
}

/** A sub-goal of this citizen's plan, as its history records it; undefined if none. */
export async function subGoalOf(plan: PlanItems, id: string) {
  return plan.trx
    .selectFrom('sub_goal')
    .select([
      'title',
      'measure',
      'target_date',
      'follow_up_date',
      'gas_level',
      'gas_weight',
      'status',
      'end_reason',
    ])
    .where('municipality_id', '=', plan.municipalityId)
    .where('citizen_id', '=', plan.citizenId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** How many of these ids are current (not ended) sub-goals of this citizen's plan. */
export async function currentSubGoalCount(plan: PlanItems, ids: readonly string[]): Promise<number> {
  const found = await plan.trx
    .selectFrom('sub_goal')
    .select('id')
    .where('municipality_id', '=', plan.municipalityId)
    .where('citizen_id', '=', plan.citizenId)
    .where('status', '!=', 'ended')
    .where('id', 'in', [...ids])
    .execute();
  return found.length;
}

// --- interventions -----------------------------------------------------------------------

/** An intervention type of the catalogue, with what an intervention takes from it. */
export async function interventionTypeOf(plan: PlanItems, typeId: string) {
  return plan.trx
    .selectFrom('intervention_type')
    .select(['legal_basis', 'sector', 'active'])
    .where('municipality_id', '=', plan.municipalityId)
    .where('id', '=', typeId)
    .executeTakeFirst();
}

/** Adds an intervention to the plan. */
export async function insertIntervention(
  plan: PlanItems,
  id: string,
  row: NewItem<InterventionTable>,
): Promise<void> {
  await plan.trx
    .insertInto('intervention')
    .values({ municipality_id: plan.municipalityId, id, citizen_id: plan.citizenId, ...row })
    .execute();
}

/** An intervention of this citizen's plan, as its history records it; undefined if none. */
export async function interventionOf(plan: PlanItems, id: string) {
  return plan.trx
    .selectFrom('intervention')
    .select([
      'type_id',
      'unit_id',
      'responsible_id',
      'legal_basis',
      'purpose',
      'start_date',
      'end_date',
      'follow_up_date',
      'frequency',
      'status',
      'cost_ore',
      'end_reason',
      'schedule',
      'case_reference',
      'awaiting_confirmation',
    ])
    .where('municipality_id', '=', plan.municipalityId)
    .where('citizen_id', '=', plan.citizenId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The sub-goals an intervention serves, by id. */
export async function subGoalLinksOf(plan: PlanItems, interventionId: string): Promise<string[]> {
  const rows = await plan.trx
    .selectFrom('intervention_sub_goal')
    .select('sub_goal_id')
    .where('municipality_id', '=', plan.municipalityId)
    .where('intervention_id', '=', interventionId)
    .orderBy('sub_goal_id')
    .execute();
  return rows.map((row) => row.sub_goal_id);
}

/** Links an intervention to the sub-goals it serves (each once). */
export async function linkSubGoals(
  plan: PlanItems,
  interventionId: string,
  subGoalIds: readonly string[],
): Promise<void> {
  const unique = [...new Set(subGoalIds)];
  if (unique.length === 0) return;
  await plan.trx
    .insertInto('intervention_sub_goal')
    .values(
      unique.map((subGoalId) => ({
        municipality_id: plan.municipalityId,
        intervention_id: interventionId,
        sub_goal_id: subGoalId,
      })),
    )
    .execute();
}

/** Unlinks an intervention from every sub-goal. */
export async function unlinkSubGoals(plan: PlanItems, interventionId: string): Promise<void> {
  await plan.trx
    .deleteFrom('intervention_sub_goal')
    .where('municipality_id', '=', plan.municipalityId)
    .where('intervention_id', '=', interventionId)
    .execute();
}

// --- team --------------------------------------------------------------------------------

/** A current (not ended) member of the citizen's team, as its history records it; undefined if none. */
export async function teamMemberOf(plan: PlanItems, id: string) {
  return plan.trx
    .selectFrom('team_member')
    .select(['kind', 'professional_id', 'name', 'relation', 'role', 'is_coordinator', 'phone', 'email'])
    .where('municipality_id', '=', plan.municipalityId)
    .where('citizen_id', '=', plan.citizenId)
    .where('id', '=', id)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
}

/** Whether the professional is on the citizen's team now. */
export async function isOnTeam(plan: PlanItems, professionalId: string): Promise<boolean> {
  const row = await plan.trx
    .selectFrom('team_member')
    .select('id')
    .where('municipality_id', '=', plan.municipalityId)
    .where('citizen_id', '=', plan.citizenId)
    .where('professional_id', '=', professionalId)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}

/** The citizen's current coordinator: the team entry and the professional; undefined if none. */
export async function currentCoordinator(
  plan: PlanItems,
): Promise<{ id: string; professional_id: string | null } | undefined> {
  return plan.trx
    .selectFrom('team_member')
    .select(['id', 'professional_id'])
    .where('municipality_id', '=', plan.municipalityId)
    .where('citizen_id', '=', plan.citizenId)
    .where('is_coordinator', '=', true)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
}

/** Adds a member to the citizen's team. */
export async function insertTeamMember(
  plan: PlanItems,
  id: string,
  row: { kind: string } & Record<string, unknown>,
): Promise<void> {
  await plan.trx
    .insertInto('team_member')
    .values({
      municipality_id: plan.municipalityId,
      id,
      citizen_id: plan.citizenId,
      ...row,
      kind: row.kind,
    })
    .execute();
}

// --- pathways ----------------------------------------------------------------------------

/** Whether the citizen has a pathway of this kind that has not ended by the given day. */
export async function hasOpenPathway(plan: PlanItems, templateCode: string, from: string): Promise<boolean> {
  const open = await plan.trx
    .selectFrom('pathway')
    .select('id')
    .where('municipality_id', '=', plan.municipalityId)
    .where('citizen_id', '=', plan.citizenId)
    .where('template_code', '=', templateCode)
    .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', from)]))
    .executeTakeFirst();
  return open !== undefined;
}

/** Starts a pathway of the citizen. */
export async function insertPathway(
  plan: PlanItems,
  id: string,
  pathway: { templateCode: string; startDate: string; templateVersionId: string; stageCode: string },
): Promise<void> {
  await plan.trx
    .insertInto('pathway')
    .values({
      municipality_id: plan.municipalityId,
      id,
      citizen_id: plan.citizenId,
      template_code: pathway.templateCode,
      start_date: pathway.startDate,
      end_date: null,
      template_version_id: pathway.templateVersionId,
      stage_code: pathway.stageCode,
      stage_since: pathway.startDate,
    })
    .execute();
}

/** A pathway of the citizen; undefined if none. */
export async function pathwayOf(plan: PlanItems, id: string) {
  return plan.trx
    .selectFrom('pathway')
    .select(['template_code', 'start_date', 'end_date', 'template_version_id', 'stage_code', 'stage_since'])
    .where('municipality_id', '=', plan.municipalityId)
    .where('citizen_id', '=', plan.citizenId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Moves a pathway to a stage of its own template version, from a day. */
export async function setPathwayStage(
  plan: PlanItems,
  id: string,
  stage: { stageCode: string; since: string },
): Promise<void> {
  await plan.trx
    .updateTable('pathway')
    .set({ stage_code: stage.stageCode, stage_since: stage.since })
    .where('municipality_id', '=', plan.municipalityId)
    .where('citizen_id', '=', plan.citizenId)
    .where('id', '=', id)
    .execute();
}

/** Ends a pathway on a day, with a reason. */
export async function endPathwayOn(
  plan: PlanItems,
  id: string,
  end: { endDate: string; reason: string; outcome: PathwayOutcome | null },
): Promise<void> {
  await plan.trx
    .updateTable('pathway')
    .set({ end_date: end.endDate, end_reason: end.reason, outcome: end.outcome })
    .where('municipality_id', '=', plan.municipalityId)
    .where('id', '=', id)
    .execute();
}

// --- the municipality's units and staff -------------------------------------------------

/** Whether the professional is an active one of the municipality. */
export async function activeProfessionalExists(plan: PlanItems, id: string): Promise<boolean> {
  const professional = await plan.trx
    .selectFrom('professional')
    .select('id')
    .where('municipality_id', '=', plan.municipalityId)
    .where('id', '=', id)
    .where('active', '=', true)
    .executeTakeFirst();
  return professional !== undefined;
}

/** Whether the professional belongs to the unit. */
export async function professionalInUnit(plan: PlanItems, id: string, unitId: string): Promise<boolean> {
  const professional = await plan.trx
    .selectFrom('professional')
    .select('id')
    .where('municipality_id', '=', plan.municipalityId)
    .where('id', '=', id)
    .where('unit_id', '=', unitId)
    .executeTakeFirst();
  return professional !== undefined;
}

// --- GAS follow-ups ----------------------------------------------------------------------

/** A sub-goal's GAS level and status, for a follow-up; undefined if not in this citizen's plan. */
export async function subGoalGas(
  trx: Transaction<DB>,
  municipalityId: string,
  citizenId: string,
  subGoalId: string,
): Promise<{ gas_level: number | null; gas_weight: number; status: string } | undefined> {
  return trx
    .selectFrom('sub_goal')
    .select(['gas_level', 'gas_weight', 'status'])
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
    /** The sub-goal's weight when scored, and who gave the score (migration 022). */
    gasWeight: number;
    scorer: GasScorerKind;
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
      gas_weight: followUp.gasWeight,
      scorer_kind: followUp.scorer,
      recorded_by: followUp.recordedBy,
      note: followUp.note,
    })
    .execute();
}

/** GAS levels set through the ordinary plan edit, as entries in the sub-goals' GAS history. */
export async function insertGasHistory(
  trx: Transaction<DB>,
  rows: readonly Insertable<DB['sub_goal_gas_history']>[],
): Promise<void> {
  if (rows.length > 0) await trx.insertInto('sub_goal_gas_history').values(rows).execute();
}
