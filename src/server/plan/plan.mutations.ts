import type { UpdateObject } from 'kysely';
import type { DB } from '../../db/schema.js';
import { LEGAL_BASES, type LegalBasisCode } from '../../domain/organisation/legal-bases.js';
import { danishToday } from '../../domain/calendar.js';
import { pathwayName } from '../../domain/plan/pathways.js';
import type {
  EndInput,
  GoalInput,
  InterventionCreate,
  InterventionUpdate,
  PathwayCreate,
  SubGoalCreate,
  SubGoalUpdate,
  TeamMemberCreate,
  TeamMemberUpdate,
} from '../../domain/plan/plan.schemas.js';
import { newId } from '../../db/ids.js';
import { canSetCaseReference } from '../../domain/access/policy.js';
import { Problem, problems } from '../problem.js';
import type { PlanChange } from '../../domain/plan/plan-change.js';
import type { ChangeScope } from './plan-change.js';

/**
 * The changes a professional can make to a plan. Each checks that what it refers to exists in
 * the same municipality (and, for sub-goals, in the same citizen's plan), writes, and returns
 * what changed for the history. They run inside changePlan's transaction.
 */

export async function setGoal(scope: ChangeScope, input: GoalInput): Promise<PlanChange[]> {
  scope.authorize('set-goal');
  const { trx, municipalityId, citizenId } = scope;
  const before = await trx
    .selectFrom('plan')
    .select(['goal_own_words', 'goal_professional'])
    .where('municipality_id', '=', municipalityId)
    .where('citizen_id', '=', citizenId)
    .executeTakeFirstOrThrow();
  await trx
    .updateTable('plan')
    .set({ goal_own_words: input.ownWords, goal_professional: input.professionalWording ?? null })
    .where('municipality_id', '=', municipalityId)
    .where('citizen_id', '=', citizenId)
    .execute();
  return [
    {
      entity: 'goal',
      entityId: citizenId,
      action: before.goal_own_words ? 'update' : 'create',
      before: before.goal_own_words
        ? { ownWords: before.goal_own_words, professionalWording: before.goal_professional }
        : null,
      after: { ownWords: input.ownWords, professionalWording: input.professionalWording ?? null },
    },
  ];
}

export async function createSubGoal(scope: ChangeScope, input: SubGoalCreate): Promise<PlanChange[]> {
  scope.authorize('change-sub-goal');
  const id = newId();
  const row = {
    title: input.title,
    measure: input.measure ?? null,
    target_date: input.targetDate ?? null,
    gas_level: input.gasLevel ?? null,
    gas_weight: input.gasWeight ?? 1,
  };
  await scope.trx
    .insertInto('sub_goal')
    .values({ municipality_id: scope.municipalityId, id, citizen_id: scope.citizenId, ...row })
    .execute();
  return [
    {
      entity: 'sub_goal',
      entityId: id,
      action: 'create',
      before: null,
      after: camel({ ...row, status: 'active' }),
    },
  ];
}

export async function updateSubGoal(
  scope: ChangeScope,
  id: string,
  input: SubGoalUpdate,
): Promise<PlanChange[]> {
  scope.authorize('change-sub-goal');
  const before = await subGoalOf(scope, id);
  if (before.status === 'ended')
    throw problems.conflict('This sub-goal has ended and can no longer be changed.');
  const set = definedOnly({
    title: input.title,
    measure: input.measure,
    target_date: input.targetDate,
    gas_level: input.gasLevel,
    gas_weight: input.gasWeight,
    status: input.status,
  });
  await updateItem(scope, 'sub_goal', id, set);
  return [
    {
      entity: 'sub_goal',
      entityId: id,
      action: 'update',
      before: camel(before),
      after: camel({ ...before, ...set }),
    },
  ];
}

export async function endSubGoal(scope: ChangeScope, id: string, input: EndInput): Promise<PlanChange[]> {
  scope.authorize('change-sub-goal');
  const before = await subGoalOf(scope, id);
  if (before.status === 'ended') throw problems.conflict('This sub-goal has already ended.');
  const set = { status: 'ended', end_reason: input.reason, ended_at: scope.now };
  await updateItem(scope, 'sub_goal', id, set);
  return [
    {
      entity: 'sub_goal',
      entityId: id,
      action: 'end',
      before: camel(before),
      after: camel({ ...before, status: 'ended', end_reason: input.reason }),
    },
  ];
}

export async function createIntervention(
  scope: ChangeScope,
  input: InterventionCreate,
): Promise<PlanChange[]> {
  // Recording for another unit is allowed; the intervention is that unit's, awaiting its confirmation.
  scope.authorize('add-intervention', { unitId: input.unitId });
  const { trx, municipalityId, citizenId } = scope;
  const type = await trx
    .selectFrom('intervention_type')
    .select(['legal_basis', 'sector', 'active'])
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', input.typeId)
    .executeTakeFirst();
  if (!type?.active) throw problems.field('typeId', 'is not an intervention type in the catalogue');
  await unitMustExist(scope, input.unitId);
  if (input.responsibleId) await responsibleMustBelong(scope, input.responsibleId, input.unitId);
  if (input.subGoalIds) await subGoalsMustBelong(scope, input.subGoalIds);
  if (input.caseReference && !canSetCaseReference(scope.actor, { unitId: input.unitId })) {
    throw caseReferenceRefused();
  }
  const foreign = input.unitId !== scope.actor.unitId;
  const id = newId();
  const row = {
    type_id: input.typeId,
    unit_id: input.unitId,
    responsible_id: input.responsibleId ?? null,
    legal_basis: input.legalBasis ?? type.legal_basis,
    purpose: input.purpose ?? null,
    start_date: input.startDate,
    end_date: input.endDate ?? null,
    follow_up_date: input.followUpDate ?? null,
    frequency: input.frequency ?? null,
    status: input.status ?? 'planned',
    cost_ore: input.costOre ?? 0,
    schedule: input.schedule ? JSON.stringify(input.schedule) : null,
    case_reference: input.caseReference ?? null,
    recorded_by: foreign ? scope.actor.id : null,
    awaiting_confirmation: foreign,
  };
  if (!(row.legal_basis in LEGAL_BASES))
    throw problems.field('legalBasis', 'is not a known legal basis code');
  await trx
    .insertInto('intervention')
    .values({ municipality_id: municipalityId, id, citizen_id: citizenId, ...row })
    .execute();
  await linkSubGoals(scope, id, input.subGoalIds ?? []);
  return [
    {
      entity: 'intervention',
      entityId: id,
      action: 'create',
      before: null,
      after: { ...camel(row), subGoalIds: input.subGoalIds ?? [] },
    },
  ];
}

/** An update's schedule as its column: unchanged (undefined), cleared (null) or the new JSON. */
function scheduleColumn(schedule: InterventionUpdate['schedule']): string | null | undefined {
  if (schedule === undefined) return undefined;
  return schedule ? JSON.stringify(schedule) : null;
}

export async function updateIntervention(
  scope: ChangeScope,
  id: string,
  input: InterventionUpdate,
): Promise<PlanChange[]> {
  const before = await interventionOf(scope, id);
  // Only the owning unit changes or reassigns it; everyone else proposes (src/server/proposals).
  scope.authorize('change-intervention', { unitId: before.unit_id });
  if (before.status === 'ended')
    throw problems.conflict('This intervention has ended and can no longer be changed.');
  if (input.caseReference !== undefined && !canSetCaseReference(scope.actor, { unitId: before.unit_id })) {
    throw caseReferenceRefused();
  }
  if (input.responsibleId) await responsibleMustBelong(scope, input.responsibleId, before.unit_id);
  if (input.subGoalIds) await subGoalsMustBelong(scope, input.subGoalIds);
  const set = definedOnly({
    responsible_id: input.responsibleId,
    legal_basis: input.legalBasis as LegalBasisCode | undefined,
    purpose: input.purpose,
    start_date: input.startDate,
    end_date: input.endDate,
    follow_up_date: input.followUpDate,
    frequency: input.frequency,
    status: input.status,
    cost_ore: input.costOre,
    schedule: scheduleColumn(input.schedule),
    case_reference: input.caseReference,
  });
  const after = { ...before, ...set };
  if (after.end_date && after.end_date < after.start_date)
    throw problems.field('endDate', 'must not be before startDate');
  if (Object.keys(set).length > 0) {
    await updateItem(scope, 'intervention', id, set);
  }
  const beforeLinks = await linksOf(scope, id);
  if (input.subGoalIds) {
    await scope.trx
      .deleteFrom('intervention_sub_goal')
      .where('municipality_id', '=', scope.municipalityId)
      .where('intervention_id', '=', id)
      .execute();
    await linkSubGoals(scope, id, input.subGoalIds);
  }
  return [
    {
      entity: 'intervention',
      entityId: id,
      action: 'update',
      before: { ...camel(before), subGoalIds: beforeLinks },
      after: { ...camel(after), subGoalIds: input.subGoalIds ?? beforeLinks },
    },
  ];
}

export async function endIntervention(
  scope: ChangeScope,
  id: string,
  input: EndInput,
): Promise<PlanChange[]> {
  const before = await interventionOf(scope, id);
  scope.authorize('change-intervention', { unitId: before.unit_id });
  if (before.status === 'ended') throw problems.conflict('This intervention has already ended.');
  const endDate = input.endDate ?? danishToday(scope.now);
  if (endDate < before.start_date) throw problems.field('endDate', 'must not be before the start date');
  const set = { status: 'ended', end_date: endDate, end_reason: input.reason };
  await updateItem(scope, 'intervention', id, set);
  return [
    {
      entity: 'intervention',
      entityId: id,
      action: 'end',
      before: camel(before),
      after: camel({ ...before, ...set }),
    },
  ];
}

/** The owning unit confirms an intervention someone outside it recorded: from now on it is theirs. */
export async function confirmIntervention(scope: ChangeScope, id: string): Promise<PlanChange[]> {
  const before = await interventionOf(scope, id);
  scope.authorize('change-intervention', { unitId: before.unit_id });
  if (!before.awaiting_confirmation)
    throw problems.conflict('This intervention is not awaiting confirmation.');
  await updateItem(scope, 'intervention', id, { awaiting_confirmation: false });
  return [
    {
      entity: 'intervention',
      entityId: id,
      action: 'update',
      before: { awaitingConfirmation: true },
      after: { awaitingConfirmation: false },
    },
  ];
}

export async function addTeamMember(scope: ChangeScope, input: TeamMemberCreate): Promise<PlanChange[]> {
  scope.authorize('change-team');
  const changes: PlanChange[] = [];
  const id = newId();
  let row: Record<string, unknown>;
  if (input.kind === 'professional') {
    if (input.isCoordinator) scope.authorize('set-coordinator', await coordinatorTarget(scope));
    await professionalMustExist(scope, input.professionalId, 'professionalId');
    const existing = await scope.trx
      .selectFrom('team_member')
      .select('id')
      .where('municipality_id', '=', scope.municipalityId)
      .where('citizen_id', '=', scope.citizenId)
      .where('professional_id', '=', input.professionalId)
      .where('ended_at', 'is', null)
      .executeTakeFirst();
    if (existing) throw problems.field('professionalId', 'is already on the team');
    if (input.isCoordinator) changes.push(...(await demoteCoordinator(scope)));
    row = {
      kind: 'professional',
      professional_id: input.professionalId,
      role: input.role ?? null,
      is_coordinator: input.isCoordinator ?? false,
    };
  } else {
    row = {
      kind: input.kind,
      name: input.name,
      relation: input.relation ?? null,
      role: input.role ?? null,
      phone: input.phone ?? null,
      email: input.email ?? null,
    };
  }
  await scope.trx
    .insertInto('team_member')
    .values({
      municipality_id: scope.municipalityId,
      id,
      citizen_id: scope.citizenId,
      kind: String(row.kind),
      ...row,
    })
    .execute();
  changes.push({ entity: 'team_member', entityId: id, action: 'create', before: null, after: camel(row) });
  return changes;
}

export async function updateTeamMember(
  scope: ChangeScope,
  id: string,
  input: TeamMemberUpdate,
): Promise<PlanChange[]> {
  scope.authorize('change-team');
  const before = await teamMemberOf(scope, id);
  if (input.isCoordinator !== undefined && input.isCoordinator !== before.is_coordinator) {
    scope.authorize('set-coordinator', await coordinatorTarget(scope));
  }
  if (input.isCoordinator && before.kind !== 'professional') {
    throw problems.field('isCoordinator', 'only a professional can be the coordinator');
  }
  if (before.kind === 'professional' && (input.phone !== undefined || input.email !== undefined)) {
    throw problems.field(
      input.phone !== undefined ? 'phone' : 'email',
      "is taken from the professional's own record",
    );
  }
  const changes: PlanChange[] = [];
  if (input.isCoordinator && !before.is_coordinator) changes.push(...(await demoteCoordinator(scope)));
  const set = definedOnly({
    role: input.role,
    relation: input.relation,
    phone: input.phone,
    email: input.email,
    is_coordinator: input.isCoordinator,
  });
  await updateItem(scope, 'team_member', id, set);
  changes.push({
    entity: 'team_member',
    entityId: id,
    action: 'update',
    before: camel(before),
    after: camel({ ...before, ...set }),
  });
  return changes;
}

export async function endTeamMember(scope: ChangeScope, id: string, input: EndInput): Promise<PlanChange[]> {
  scope.authorize('change-team');
  const before = await teamMemberOf(scope, id);
  if (before.is_coordinator) scope.authorize('set-coordinator', await coordinatorTarget(scope));
  const set = { ended_at: scope.now, end_reason: input.reason, is_coordinator: false };
  await updateItem(scope, 'team_member', id, set);
  return [
    {
      entity: 'team_member',
      entityId: id,
      action: 'end',
      before: camel(before),
      after: camel({ ...before, is_coordinator: false, end_reason: input.reason }),
    },
  ];
}

export async function startPathway(scope: ChangeScope, input: PathwayCreate): Promise<PlanChange[]> {
  scope.authorize('change-pathway');
  const open = await scope.trx
    .selectFrom('pathway')
    .select('id')
    .where('municipality_id', '=', scope.municipalityId)
    .where('citizen_id', '=', scope.citizenId)
    .where('template_code', '=', input.templateCode)
    .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', input.startDate)]))
    .executeTakeFirst();
  if (open) {
    throw problems.conflict(
      `The citizen already has a ${pathwayName(input.templateCode).en} that has not ended; end it first.`,
    );
  }
  const id = newId();
  await scope.trx
    .insertInto('pathway')
    .values({
      municipality_id: scope.municipalityId,
      id,
      citizen_id: scope.citizenId,
      template_code: input.templateCode,
      start_date: input.startDate,
      end_date: null,
    })
    .execute();
  return [
    {
      entity: 'pathway',
      entityId: id,
      action: 'create',
      before: null,
      after: { templateCode: input.templateCode, startDate: input.startDate },
    },
  ];
}

export async function endPathway(scope: ChangeScope, id: string, input: EndInput): Promise<PlanChange[]> {
  scope.authorize('change-pathway');
  const before = await scope.trx
    .selectFrom('pathway')
    .select(['template_code', 'start_date', 'end_date'])
    .where('municipality_id', '=', scope.municipalityId)
    .where('citizen_id', '=', scope.citizenId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!before) throw problems.notFound('The pathway');
  if (before.end_date !== null) throw problems.conflict(`The pathway ended on ${before.end_date}.`);
  const endDate = input.endDate ?? danishToday(scope.now);
  if (endDate < before.start_date) {
    throw problems.badRequest(`endDate must not be before the pathway's start (${before.start_date})`, [
      { field: 'endDate', message: `must not be before ${before.start_date}` },
    ]);
  }
  await scope.trx
    .updateTable('pathway')
    .set({ end_date: endDate, end_reason: input.reason })
    .where('municipality_id', '=', scope.municipalityId)
    .where('id', '=', id)
    .execute();
  return [
    {
      entity: 'pathway',
      entityId: id,
      action: 'end',
      before: { templateCode: before.template_code, startDate: before.start_date, endDate: null },
      after: {
        templateCode: before.template_code,
        startDate: before.start_date,
        endDate,
        endReason: input.reason,
      },
    },
  ];
}

// --- helpers -----------------------------------------------------------------------------

/** Updates one item of the plan (a sub-goal, intervention or team member) by id, within the tenant. */
async function updateItem<T extends 'sub_goal' | 'intervention' | 'team_member'>(
  scope: ChangeScope,
  table: T,
  id: string,
  set: UpdateObject<DB, T>,
): Promise<void> {
  await scope.trx
    .updateTable(table as 'sub_goal')
    .set(set as UpdateObject<DB, 'sub_goal'>)
    .where('municipality_id', '=', scope.municipalityId)
    .where('id', '=', id)
    .execute();
}

async function subGoalOf(scope: ChangeScope, id: string) {
  const row = await scope.trx
    .selectFrom('sub_goal')
    .select(['title', 'measure', 'target_date', 'gas_level', 'gas_weight', 'status', 'end_reason'])
    .where('municipality_id', '=', scope.municipalityId)
    .where('citizen_id', '=', scope.citizenId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw problems.notFound('The sub-goal');
  return row;
}

async function interventionOf(scope: ChangeScope, id: string) {
  const row = await scope.trx
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
    .where('municipality_id', '=', scope.municipalityId)
    .where('citizen_id', '=', scope.citizenId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw problems.notFound('The intervention');
  return row;
}

async function teamMemberOf(scope: ChangeScope, id: string) {
  const row = await scope.trx
    .selectFrom('team_member')
    .select(['kind', 'professional_id', 'name', 'relation', 'role', 'is_coordinator', 'phone', 'email'])
    .where('municipality_id', '=', scope.municipalityId)
    .where('citizen_id', '=', scope.citizenId)
    .where('id', '=', id)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw problems.notFound('The team member');
  return row;
}

async function linksOf(scope: ChangeScope, interventionId: string): Promise<string[]> {
  const rows = await scope.trx
    .selectFrom('intervention_sub_goal')
    .select('sub_goal_id')
    .where('municipality_id', '=', scope.municipalityId)
    .where('intervention_id', '=', interventionId)
    .orderBy('sub_goal_id')
    .execute();
  return rows.map((row) => row.sub_goal_id);
}

async function linkSubGoals(scope: ChangeScope, interventionId: string, subGoalIds: string[]): Promise<void> {
  const unique = [...new Set(subGoalIds)];
  if (unique.length === 0) return;
  await scope.trx
    .insertInto('intervention_sub_goal')
    .values(
      unique.map((subGoalId) => ({
        municipality_id: scope.municipalityId,
        intervention_id: interventionId,
        sub_goal_id: subGoalId,
      })),
    )
    .execute();
}

async function demoteCoordinator(scope: ChangeScope): Promise<PlanChange[]> {
  const current = await scope.trx
    .selectFrom('team_member')
    .select(['id', 'professional_id'])
    .where('municipality_id', '=', scope.municipalityId)
    .where('citizen_id', '=', scope.citizenId)
    .where('is_coordinator', '=', true)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
  if (!current) return [];
  await scope.trx
    .updateTable('team_member')
    .set({ is_coordinator: false })
    .where('municipality_id', '=', scope.municipalityId)
    .where('id', '=', current.id)
    .execute();
  return [
    {
      entity: 'team_member',
      entityId: current.id,
      action: 'update',
      before: { isCoordinator: true },
      after: { isCoordinator: false },
    },
  ];
}

async function unitMustExist(scope: ChangeScope, unitId: string): Promise<void> {
  const unit = await scope.trx
    .selectFrom('unit')
    .select('id')
    .where('municipality_id', '=', scope.municipalityId)
    .where('id', '=', unitId)
    .executeTakeFirst();
  if (!unit) throw problems.field('unitId', 'is not a unit of this municipality');
}

async function professionalMustExist(scope: ChangeScope, id: string, field: string): Promise<void> {
  const professional = await scope.trx
    .selectFrom('professional')
    .select('id')
    .where('municipality_id', '=', scope.municipalityId)
    .where('id', '=', id)
    .where('active', '=', true)
    .executeTakeFirst();
  if (!professional) throw problems.field(field, 'is not an active professional of this municipality');
}

/** The responsible professional belongs to the intervention's own unit (ownership). */
export async function responsibleMustBelong(scope: ChangeScope, id: string, unitId: string): Promise<void> {
  await professionalMustExist(scope, id, 'responsibleId');
  const professional = await scope.trx
    .selectFrom('professional')
    .select('id')
    .where('municipality_id', '=', scope.municipalityId)
    .where('id', '=', id)
    .where('unit_id', '=', unitId)
    .executeTakeFirst();
  if (!professional)
    throw problems.field('responsibleId', "must be a professional of the intervention's unit");
}

/** The current coordinator, for the policy's set-coordinator decision. */
async function coordinatorTarget(scope: ChangeScope): Promise<{ coordinatorId: string | null }> {
  const current = await scope.trx
    .selectFrom('team_member')
    .select('professional_id')
    .where('municipality_id', '=', scope.municipalityId)
    .where('citizen_id', '=', scope.citizenId)
    .where('is_coordinator', '=', true)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
  return { coordinatorId: current?.professional_id ?? null };
}

async function subGoalsMustBelong(scope: ChangeScope, ids: string[]): Promise<void> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return;
  const found = await scope.trx
    .selectFrom('sub_goal')
    .select('id')
    .where('municipality_id', '=', scope.municipalityId)
    .where('citizen_id', '=', scope.citizenId)
    .where('status', '!=', 'ended')
    .where('id', 'in', unique)
    .execute();
  if (found.length !== unique.length)
    throw problems.field('subGoalIds', "must be current sub-goals of this citizen's plan");
}

/** Leaves out what the caller did not send, so PATCH changes only what it names. */
function definedOnly<T extends Record<string, unknown>>(
  values: T,
): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };
}

/** snake_case row → camelCase snapshot for the history. */
function camel(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(row).map(([key, value]) => [
      key.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase()),
      value,
    ]),
  );
}

/** A case reference is recorded by the intervention's own unit, no one else. */
function caseReferenceRefused(): Problem {
  return new Problem(403, 'No access', "caseReference is recorded by the intervention's own unit.", [
    { field: 'caseReference', message: "only the intervention's own unit may set it" },
  ]);
}
