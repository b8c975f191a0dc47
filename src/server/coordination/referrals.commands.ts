import type { FastifyRequest } from 'fastify';
import type { ReferralData } from '../../domain/coordination/notifications.js';
import type { Transaction } from 'kysely';
import { type Actor, decideReferralCreate, type ProfessionalActor } from '../../domain/access/policy.js';
import { addDays, danishToday } from '../../domain/calendar.js';
import { newId } from '../../db/ids.js';
import {
  activeStaffOfUnit,
  activeSubGoalExists,
  citizenNameIfAny,
  insertReferral,
  insertReferralEvent,
  interventionExists,
  type ReferralRow,
  referralById,
  referralCitizenId,
  referralHistory,
  updateReferral,
} from '../../db/queries/coordination-referrals.queries.js';
import { planVersionOf } from '../../db/queries/plan.queries.js';
import { insertTeamMember, isOnTeam } from '../../db/queries/plan-items.queries.js';
import { insertNotifications } from '../../db/queries/notification.queries.js';
import type { DB } from '../../db/schema.js';
import { auditInTransaction } from '../audit/audit-writer.js';
import { authorizeCitizen, citizenAccess } from '../auth/citizen-access.js';
import { visibleCitizens } from '../auth/visible-citizens.js';
import type { AppContext } from '../context.js';
import { recordPlanChanges } from '../plan/plan-change.js';
import { lockPlan, rebuildPlanDocument } from '../plan/plan-lock.js';
import { Problem, problems } from '../problem.js';
import { checkCoordinationInTransaction } from './coordination-check.js';
import type {
  Referral as ReferralView,
  ReferralStatus,
} from '../../domain/coordination/referrals.responses.js';
import type { ReferralCreate } from './referral.schemas.js';
import { auditOrigin } from '../audit/visit.js';
import { inMunicipality } from '../../db/queries/tenant.queries.js';

/** Days the receiver has to answer when the sender does not say. */
export const DEFAULT_ANSWER_DAYS = 10;

export type ReferralStep = 'accept' | 'decline' | 'start' | 'complete' | 'withdraw';

const STEPS: Record<
  ReferralStep,
  { from: readonly ReferralStatus[]; to: ReferralStatus; by: 'receiver' | 'sender' | 'either' }
> = {
  accept: { from: ['requested'], to: 'accepted', by: 'receiver' },
  decline: { from: ['requested'], to: 'declined', by: 'receiver' },
  start: { from: ['accepted'], to: 'started', by: 'receiver' },
  complete: { from: ['started'], to: 'completed', by: 'either' },
  withdraw: { from: ['requested', 'accepted'], to: 'withdrawn', by: 'sender' },
};

/** Whether an actor may see a referral: the citizen, the sending or receiving unit, or anyone who may see the plan. */
export async function mayViewReferral(context: AppContext, actor: Actor, row: ReferralRow): Promise<boolean> {
  if (actor.kind === 'citizen') return actor.id === row.citizen_id;
  if (actor.unitId === row.from_unit_id || actor.unitId === row.to_unit_id) return true;
  return (await citizenAccess(context, actor, row.citizen_id)).decision.allowed;
}

/**
 * A referral as the API shows it. It names the citizen only when the caller has found that the
 * viewer may see them (visibleCitizens: the policy), which the receiving unit may through the
 * pending referral itself.
 */
export function presentReferral(
  row: ReferralRow,
  citizenVisible: boolean,
  today: string = danishToday(),
): ReferralView {
  return {
    id: row.id,
    citizenId: row.citizen_id,
    citizen: citizenVisible
      ? { id: row.citizen_id, name: `${row.citizen_given_name} ${row.citizen_family_name}` }
      : null,
    subGoal: row.sub_goal_id ? { id: row.sub_goal_id, title: row.sub_goal_title ?? '' } : null,
    from: {
      unit: { id: row.from_unit_id, name: row.from_unit_name },
      professional: { id: row.from_professional_id, name: row.from_professional_name },
    },
    to: {
      unit: row.to_unit_id ? { id: row.to_unit_id, name: row.to_unit_name ?? '' } : null,
      civilSociety: row.to_civil_society,
    },
    type: row.type_id ? { id: row.type_id, name: row.type_name ?? '' } : null,
    reason: row.reason,
    status: row.status as ReferralStatus,
    answerDue: row.answer_due,
    overdue: row.status === 'requested' && row.answer_due < today,
    declineReason: row.decline_reason,
    interventionId: row.intervention_id,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** A referral with its history. */
export async function referralWithHistory(
  context: AppContext,
  actor: Actor,
  id: string,
): Promise<ReferralView> {
  const { db } = context.database;
  const { municipalityId } = actor;
  const [row, history] = await Promise.all([
    referralById(db, municipalityId, id),
    referralHistory(db, municipalityId, id),
  ]);
  if (!row) throw problems.notFound('The referral');
  const visible = await visibleCitizens(context, actor, [row.citizen_id]);
  return {
    ...presentReferral(row, visible.has(row.citizen_id)),
    history: history.map((event) => ({
      at: event.at.toISOString(),
      status: event.status,
      actor: { id: event.actor_id, name: event.actor_name ?? '' },
      comment: event.comment,
    })),
  };
}

/**
 * A professional who works with the citizen refers them to another unit or a civil-society
 * actor. The referral, its first event, the receiving unit's notifications, the audit record
 * and the plan's read model (the receiving unit now has a relationship) commit together.
 */
export async function createReferral(
  context: AppContext,
  request: FastifyRequest,
  actor: ProfessionalActor,
  citizenId: string,
  input: ReferralCreate,
  now: Date = new Date(),
): Promise<ReferralView> {
  // A referral gives a whole unit read access until it answers: only a direct relationship refers.
  await authorizeCitizen(
    context,
    request,
    actor,
    citizenId,
    { action: 'create', resource: 'referral' },
    decideReferralCreate,
  );
  const today = danishToday(now);
  const answerDue = input.answerDue ?? addDays(today, DEFAULT_ANSWER_DAYS);
  if (answerDue < today) throw problems.field('answerDue', 'must not be in the past');
  const id = newId();
  const { db } = context.database;
  const document = await db.transaction().execute(async (trx) => {
    await lockPlan(trx, actor.municipalityId, citizenId);
    if (input.toUnitId) {
      if (input.toUnitId === actor.unitId)
        throw problems.field('toUnitId', 'must be another unit than your own');
      const unit = await inMunicipality(trx, 'unit', actor.municipalityId, input.toUnitId);
      if (!unit) throw problems.field('toUnitId', 'is not a unit of this municipality');
    }
    if (input.subGoalId) {
      const goal = await activeSubGoalExists(trx, actor.municipalityId, citizenId, input.subGoalId);
      if (!goal) throw problems.field('subGoalId', "must be an active sub-goal of this citizen's plan");
    }
    if (input.typeId) {
      const type = await inMunicipality(trx, 'intervention_type', actor.municipalityId, input.typeId);
      if (!type) throw problems.field('typeId', 'is not an intervention type in the catalogue');
    }
    await insertReferral(trx, {
      municipality_id: actor.municipalityId,
      id,
      citizen_id: citizenId,
      sub_goal_id: input.subGoalId ?? null,
      from_unit_id: actor.unitId,
      from_professional_id: actor.id,
      to_unit_id: input.toUnitId ?? null,
      to_civil_society: input.toCivilSociety ?? null,
      type_id: input.typeId ?? null,
      reason: input.reason,
      answer_due: answerDue,
      decline_reason: null,
      intervention_id: null,
      created_at: new Date(),
      updated_at: new Date(),
    });
    await insertReferralEvent(trx, {
      municipality_id: actor.municipalityId,
      id: newId(),
      referral_id: id,
      actor_id: actor.id,
      status: 'requested',
      comment: null,
    });
    if (input.toUnitId)
      await notifyUnit(trx, actor, citizenId, id, input.toUnitId, 'referral-requested', input.reason);
    await auditInTransaction(trx, {
      actor,
      citizenId,
      action: 'create',
      resource: `referral:${id}`,
      outcome: 'allowed',
      ...auditOrigin(request),
    });
    return refreshPlan(trx, actor, citizenId);
  });
  context.plans.put(actor.municipalityId, document);
  return referralWithHistory(context, actor, id);
}

/** Moves a referral one step along its loop, by the side allowed to take that step. */
export async function advanceReferral(
  context: AppContext,
  request: FastifyRequest,
  actor: ProfessionalActor,
  referralId: string,
  step: ReferralStep,
  input: { comment?: string; reason?: string; interventionId?: string },
): Promise<ReferralView> {
  const { db } = context.database;
  const rule = STEPS[step];
  const document = await db
    .transaction()
    .execute(async (trx) => {
      const foundCitizenId = await referralCitizenId(trx, actor.municipalityId, referralId);
      if (!foundCitizenId) throw problems.notFound('The referral');
      await lockPlan(trx, actor.municipalityId, foundCitizenId);
      const row = await referralById(trx, actor.municipalityId, referralId);
      if (!row) throw new Error(`The referral ${referralId} vanished under the plan's lock.`);
      // A civil-society actor has no login: the sending unit records its answers.
      const receiver = row.to_unit_id ? actor.unitId === row.to_unit_id : actor.unitId === row.from_unit_id;
      const sender = actor.unitId === row.from_unit_id;
      const allowed = { receiver, sender, either: receiver || sender }[rule.by];
      if (!allowed) {
        throw problems.forbidden(
          rule.by === 'sender'
            ? 'Only the sending unit can do this.'
            : 'Only the receiving unit can answer this referral.',
        );
      }
      if (!rule.from.includes(row.status as ReferralStatus)) {
        throw problems.conflict(
          `The referral is ${row.status}; it can be ${rule.to} only when ${rule.from.join(' or ')}.`,
        );
      }
      if (input.interventionId) {
        const intervention = await interventionExists(
          trx,
          actor.municipalityId,
          row.citizen_id,
          input.interventionId,
        );
        if (!intervention)
          throw problems.field('interventionId', "must be an intervention in this citizen's plan");
      }
      await updateReferral(trx, actor.municipalityId, referralId, {
        status: rule.to,
        updated_at: new Date(),
        ...(step === 'decline' ? { decline_reason: input.reason ?? null } : {}),
        ...(input.interventionId ? { intervention_id: input.interventionId } : {}),
      });
      // Answering ends the referral's passing access; accepting makes the one who accepts a
      // lasting part of the plan: they join the team (a plan change, in the history).
      if (step === 'accept' && row.to_unit_id) await joinTeam(trx, actor, row.citizen_id);
      await insertReferralEvent(trx, {
        municipality_id: actor.municipalityId,
        id: newId(),
        referral_id: referralId,
        actor_id: actor.id,
        status: rule.to,
        comment: input.reason ?? input.comment ?? null,
      });
      // Tell the other side: the sender hears the answers, the receiver hears a withdrawal.
      const otherSide = sender && !receiver ? row.to_unit_id : row.from_unit_id;
      if (otherSide && otherSide !== actor.unitId) {
        await notifyUnit(
          trx,
          actor,
          row.citizen_id,
          referralId,
          otherSide,
          `referral-${rule.to}`,
          input.reason ?? input.comment ?? null,
          row.from_professional_id,
        );
      }
      await auditInTransaction(trx, {
        actor,
        citizenId: row.citizen_id,
        action: 'update',
        resource: `referral:${referralId}`,
        outcome: 'allowed',
        ...auditOrigin(request),
        details: { status: rule.to },
      });
      return refreshPlan(trx, actor, row.citizen_id);
    })
    .catch(async (error: unknown) => {
      // A refusal leaves nothing in the rolled-back transaction, so it is recorded apart.
      if (error instanceof Problem && error.status === 403) {
        await context.audit.record({
          actor,
          citizenId: null,
          action: 'update',
          resource: `referral:${referralId}`,
          outcome: 'denied',
          ...auditOrigin(request),
        });
      }
      throw error;
    });
  context.plans.put(actor.municipalityId, document);
  return referralWithHistory(context, actor, referralId);
}

/** Puts the accepting professional on the citizen's team, unless they are on it already. */
async function joinTeam(trx: Transaction<DB>, actor: ProfessionalActor, citizenId: string): Promise<void> {
  const plan = { trx, municipalityId: actor.municipalityId, citizenId };
  if (await isOnTeam(plan, actor.id)) return;
  const version = await planVersionOf(trx, actor.municipalityId, citizenId);
  const id = newId();
  const row = { kind: 'professional', professional_id: actor.id, role: null, is_coordinator: false };
  await insertTeamMember(plan, id, row);
  await recordPlanChanges(trx, actor, citizenId, version, [
    {
      entity: 'team_member',
      entityId: id,
      action: 'create',
      before: null,
      after: { kind: 'professional', professionalId: actor.id, role: null, isCoordinator: false },
    },
  ]);
}

/** Rebuilds the plan's read model (relations change with a pending referral) and re-checks coordination. */
async function refreshPlan(trx: Transaction<DB>, actor: ProfessionalActor, citizenId: string) {
  const document = await rebuildPlanDocument(trx, actor.municipalityId, citizenId);
  await checkCoordinationInTransaction({
    trx,
    municipalityId: actor.municipalityId,
    citizenId,
    actorId: actor.id,
    changes: [],
    plan: document.document,
  });
  return document;
}

/** Notifies a unit: its team leaders, or everyone in it when it has none; the sender too when named. */
async function notifyUnit(
  trx: Transaction<DB>,
  actor: ProfessionalActor,
  citizenId: string,
  referralId: string,
  unitId: string,
  kind: string,
  text: string | null,
  alsoId?: string,
): Promise<void> {
  const staff = await activeStaffOfUnit(trx, actor.municipalityId, unitId);
  // A new referral is the whole receiving unit's to take on: every member gets it in the inbox.
  // Later steps go to its leaders (or everyone when it has none) and the one who sent it.
  const leaders = staff.filter((person) => person.role === 'team_leader');
  const recipients = new Set(
    (kind === 'referral-requested' || leaders.length === 0 ? staff : leaders).map((person) => person.id),
  );
  if (alsoId) recipients.add(alsoId);
  recipients.delete(actor.id);
  if (recipients.size === 0) return;
  const citizen = await citizenNameIfAny(trx, actor.municipalityId, citizenId);
  // The name is stored; the inbox shows it only to a reader the policy lets see the citizen.
  const data: ReferralData = {
    referralId,
    citizen: citizen ? { id: citizenId, name: `${citizen.given_name} ${citizen.family_name}` } : null,
    status: kind.replace(/^referral-/, ''),
    comment: text,
  };
  const payload = JSON.stringify(data);
  await insertNotifications(trx, actor, recipients, { citizenId, kind, subjectId: referralId, payload });
}
