import { canSetCaseReference } from '../../domain/access/policy.js';
import { danishToday } from '../../domain/calendar.js';
import type { LegalBasisCode } from '../../domain/organisation/legal-bases.js';
import { currentPublished, firstStage } from '../../domain/plan/pathway-template.js';
import type { PlanChange } from '../../domain/plan/plan-change.js';
import {
  checkChange,
  checkConfirmation,
  checkContact,
  checkCoordinator,
  checkDates,
  checkEnd,
  checkPathwayEnd,
  checkLegalBasis,
  type PlanRuleReason,
  replacesCoordinator,
  checkPathwayStart,
} from '../../domain/plan/plan-rules.js';
import type {
  EndInput,
  GoalInput,
  InterventionCreate,
  InterventionUpdate,
  PathwayCreate,
  PathwayEndInput,
  SubGoalCreate,
  SubGoalUpdate,
  TeamMemberCreate,
  TeamMemberUpdate,
} from '../../domain/plan/plan.schemas.js';
import { newId } from '../../db/ids.js';
import {
  activeProfessionalExists,
  currentCoordinator,
  currentSubGoalCount,
  endPathwayOn,
  goalOf,
  hasOpenPathway,
  insertIntervention,
  insertPathway,
  insertSubGoal,
  insertTeamMember,
  interventionOf,
  interventionTypeOf,
  isOnTeam,
  linkSubGoals,
  pathwayOf,
  professionalInUnit,
  setGoalOf,
  subGoalLinksOf,
  subGoalOf,
  teamMemberOf,
  unlinkSubGoals,
  updatePlanItem,
} from '../../db/queries/plan-items.queries.js';
import { Problem, problems } from '../problem.js';
import type { ChangeScope } from './plan-change.js';
import { inMunicipality } from '../../db/queries/tenant.queries.js';
import { versionsOfCode } from '../../db/queries/pathway-templates.queries.js';

/**
 * The changes a professional can make to a plan. Each checks that what it refers to exists in
 * the same municipality (and, for sub-goals, in the same citizen's plan), asks the plan's rules
 * (src/domain/plan/plan-rules.ts) and turns a broken one into a problem, writes, and returns
 * what changed for the history. They run inside changePlan's transaction.
 */

export async function setGoal(scope: ChangeScope, input: GoalInput): Promise<PlanChange[]> {
  scope.authorize('set-goal');
  const before = await goalOf(scope);
  await setGoalOf(scope, {
    goal_own_words: input.ownWords,
    goal_professional: input.professionalWording ?? null,
  });
  return [
    {
      entity: 'goal',
      entityId: scope.citizenId,
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
    follow_up_date: input.followUpDate ?? null,
  };
  await insertSubGoal(scope, id, row);
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
  const before = await subGoalMustExist(scope, id);
  refuse(checkChange(before), 'sub-goal');
  const set = definedOnly({
    title: input.title,
    measure: input.measure,
    target_date: input.targetDate,
    gas_level: input.gasLevel,
    gas_weight: input.gasWeight,
    follow_up_date: input.followUpDate,
    status: input.status,
  });
  await updatePlanItem(scope, 'sub_goal', id, set);
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
  const before = await subGoalMustExist(scope, id);
  refuse(checkEnd(before), 'sub-goal');
  const set = { status: 'ended', end_reason: input.reason, ended_at: scope.now };
  await updatePlanItem(scope, 'sub_goal', id, set);
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
  const type = await interventionTypeOf(scope, input.typeId);
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
  refuse(checkLegalBasis(row.legal_basis), 'intervention');
  await insertIntervention(scope, id, row);
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
  const before = await interventionMustExist(scope, id);
  // Only the owning unit changes or reassigns it; everyone else proposes (src/server/proposals).
  scope.authorize('change-intervention', { unitId: before.unit_id });
  refuse(checkChange(before), 'intervention');
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
  refuse(checkDates(after.start_date, after.end_date), 'intervention');
  if (Object.keys(set).length > 0) {
    await updatePlanItem(scope, 'intervention', id, set);
  }
  const beforeLinks = await subGoalLinksOf(scope, id);
  if (input.subGoalIds) {
    await unlinkSubGoals(scope, id);
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
  const before = await interventionMustExist(scope, id);
  scope.authorize('change-intervention', { unitId: before.unit_id });
  refuse(checkEnd(before), 'intervention');
  const endDate = input.endDate ?? danishToday(scope.now);
  refuse(checkDates(before.start_date, endDate), 'intervention', { start: 'the start date' });
  const set = { status: 'ended', end_date: endDate, end_reason: input.reason };
  await updatePlanItem(scope, 'intervention', id, set);
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
  const before = await interventionMustExist(scope, id);
  scope.authorize('change-intervention', { unitId: before.unit_id });
  refuse(checkConfirmation({ awaitingConfirmation: before.awaiting_confirmation }), 'intervention');
  await updatePlanItem(scope, 'intervention', id, { awaiting_confirmation: false });
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
  let row: { kind: string } & Record<string, unknown>;
  if (input.kind === 'professional') {
    if (input.isCoordinator) scope.authorize('set-coordinator', await coordinatorTarget(scope));
    await professionalMustExist(scope, input.professionalId, 'professionalId');
    if (await isOnTeam(scope, input.professionalId))
      throw problems.field('professionalId', 'is already on the team');
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
  await insertTeamMember(scope, id, row);
  changes.push({ entity: 'team_member', entityId: id, action: 'create', before: null, after: camel(row) });
  return changes;
}

export async function updateTeamMember(
  scope: ChangeScope,
  id: string,
  input: TeamMemberUpdate,
): Promise<PlanChange[]> {
  scope.authorize('change-team');
  const before = await teamMemberMustExist(scope, id);
  if (input.isCoordinator !== undefined && input.isCoordinator !== before.is_coordinator) {
    scope.authorize('set-coordinator', await coordinatorTarget(scope));
  }
  refuse(checkCoordinator(before, input.isCoordinator), 'team member');
  const contact = checkContact(before, input);
  if (contact) refuse(contact.reason, 'team member', { field: contact.field });
  const changes: PlanChange[] = [];
  if (replacesCoordinator(input.isCoordinator, before.is_coordinator))
    changes.push(...(await demoteCoordinator(scope)));
  const set = definedOnly({
    role: input.role,
    relation: input.relation,
    phone: input.phone,
    email: input.email,
    is_coordinator: input.isCoordinator,
  });
  await updatePlanItem(scope, 'team_member', id, set);
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
  const before = await teamMemberMustExist(scope, id);
  if (before.is_coordinator) scope.authorize('set-coordinator', await coordinatorTarget(scope));
  const set = { ended_at: scope.now, end_reason: input.reason, is_coordinator: false };
  await updatePlanItem(scope, 'team_member', id, set);
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
  // It starts on the newest published version of its template and keeps it (decision 0019).
  const version = currentPublished(await versionsOfCode(scope.trx, scope.municipalityId, input.templateCode));
  if (!version) throw problems.field('templateCode', 'must be a known pathway template');
  refuse(
    checkPathwayStart(await hasOpenPathway(scope, input.templateCode, input.startDate)),
    version.definition.name.en,
  );
  const id = newId();
  const stage = firstStage(version.definition);
  await insertPathway(scope, id, {
    templateCode: input.templateCode,
    startDate: input.startDate,
    templateVersionId: version.id,
    stageCode: stage.code,
  });
  return [
    {
      entity: 'pathway',
      entityId: id,
      action: 'create',
      before: null,
      after: {
        templateCode: input.templateCode,
        startDate: input.startDate,
        templateVersion: version.version,
        stage: stage.code,
      },
    },
  ];
}

/**
 * Ends a pathway on a day not before its start, with the caseworker's reason and the coded
 * outcome the management figures count (decision 0025); the history keeps both.
 */
export async function endPathway(
  scope: ChangeScope,
  id: string,
  input: PathwayEndInput,
): Promise<PlanChange[]> {
  scope.authorize('change-pathway');
  const before = await pathwayOf(scope, id);
  if (!before) throw problems.notFound('The pathway');
  // Its own words: when it ended, and (below) from which day it may end.
  if (checkPathwayEnd({ endDate: before.end_date }))
    throw problems.conflict(`The pathway ended on ${before.end_date}.`);
  const endDate = input.endDate ?? danishToday(scope.now);
  if (checkDates(before.start_date, endDate)) {
    throw problems.badRequest(`endDate must not be before the pathway's start (${before.start_date})`, [
      { field: 'endDate', message: `must not be before ${before.start_date}` },
    ]);
  }
  const outcome = input.outcome ?? null;
  await endPathwayOn(scope, id, { endDate, reason: input.reason, outcome });
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
        outcome,
      },
    },
  ];
}

// --- the rules' reasons as problems ------------------------------------------------------

/** What a problem names besides the item: the field at fault, and what an end date is before. */
interface RuleContext {
  field?: string;
  start?: string;
}

/** The problem a broken plan rule is, for the item it was asked about. */
function ruleProblem(reason: PlanRuleReason, what: string, context: RuleContext = {}): Problem {
  switch (reason) {
    case 'ended':
      return problems.conflict(`This ${what} has ended and can no longer be changed.`);
    case 'already-ended':
      return problems.conflict(`This ${what} has already ended.`);
    case 'end-before-start':
      return problems.field('endDate', `must not be before ${context.start ?? 'startDate'}`);
    case 'not-awaiting-confirmation':
      return problems.conflict(`This ${what} is not awaiting confirmation.`);
    case 'coordinator-not-professional':
      return problems.field('isCoordinator', 'only a professional can be the coordinator');
    case 'contact-from-record':
      return problems.field(context.field ?? 'phone', "is taken from the professional's own record");
    case 'pathway-open':
      return problems.conflict(`The citizen already has a ${what} that has not ended; end it first.`);
    case 'unknown-legal-basis':
      return problems.field('legalBasis', 'is not a known legal basis code');
  }
}

/** Throws the problem of a broken rule; nothing when the rule holds. */
function refuse(reason: PlanRuleReason | null, what: string, context?: RuleContext): void {
  if (reason) throw ruleProblem(reason, what, context);
}

// --- what a change refers to --------------------------------------------------------------

async function subGoalMustExist(scope: ChangeScope, id: string) {
  const row = await subGoalOf(scope, id);
  if (!row) throw problems.notFound('The sub-goal');
  return row;
}

async function interventionMustExist(scope: ChangeScope, id: string) {
  const row = await interventionOf(scope, id);
  if (!row) throw problems.notFound('The intervention');
  return row;
}

async function teamMemberMustExist(scope: ChangeScope, id: string) {
  const row = await teamMemberOf(scope, id);
  if (!row) throw problems.notFound('The team member');
  return row;
}

async function demoteCoordinator(scope: ChangeScope): Promise<PlanChange[]> {
  const current = await currentCoordinator(scope);
  if (!current) return [];
  await updatePlanItem(scope, 'team_member', current.id, { is_coordinator: false });
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
  if (!(await inMunicipality(scope.trx, 'unit', scope.municipalityId, unitId)))
    throw problems.field('unitId', 'is not a unit of this municipality');
}

async function professionalMustExist(scope: ChangeScope, id: string, field: string): Promise<void> {
  if (!(await activeProfessionalExists(scope, id)))
    throw problems.field(field, 'is not an active professional of this municipality');
}

/** The responsible professional belongs to the intervention's own unit (ownership). */
export async function responsibleMustBelong(scope: ChangeScope, id: string, unitId: string): Promise<void> {
  await professionalMustExist(scope, id, 'responsibleId');
  if (!(await professionalInUnit(scope, id, unitId)))
    throw problems.field('responsibleId', "must be a professional of the intervention's unit");
}

/** The current coordinator, for the policy's set-coordinator decision. */
async function coordinatorTarget(scope: ChangeScope): Promise<{ coordinatorId: string | null }> {
  const current = await currentCoordinator(scope);
  return { coordinatorId: current?.professional_id ?? null };
}

async function subGoalsMustBelong(scope: ChangeScope, ids: string[]): Promise<void> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return;
  if ((await currentSubGoalCount(scope, unique)) !== unique.length)
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
