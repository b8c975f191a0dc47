import type { Transaction } from 'kysely';
import {
  type AccessDecision,
  type Actor,
  decideCitizenAccess,
  decideCitizenPlanAct,
  decidePlanAct,
  PLAN_ACTS,
  type PlanAct,
  type PlanActTarget,
} from '../../domain/access/policy.js';
import { refusal } from '../../domain/access/refusals.js';
import type { PlanChange, PlanChangeOrigin } from '../../domain/plan/plan-change.js';
import type { Day } from '../../domain/calendar.js';
import { newId } from '../../db/ids.js';
import { enqueueReminder } from '../reminders/enqueue-reminder.js';
import { rebuildPlanDocuments, relationsOf } from '../../db/queries/plan-document.queries.js';
import {
  insertPlanHistory,
  lockedPlanVersion,
  planRelationsRow,
  setPlanVersion,
  unitNameOf,
} from '../../db/queries/plan.queries.js';
import type { DB } from '../../db/schema.js';
import { auditInTransaction } from '../audit/audit-writer.js';
import { checkCoordinationInTransaction } from '../coordination/coordination-check.js';
import type { AppContext } from '../context.js';
import type { StoredPlan } from './plan-store.js';
import { Problem, problems, refusedProblem } from '../problem.js';

export interface ChangeScope {
  trx: Transaction<DB>;
  municipalityId: string;
  citizenId: string;
  actor: Extract<Actor, { kind: 'professional' }>;
  /** The actor's access to the citizen, as decided when the plan was locked. */
  access: AccessDecision;
  /** Asks the policy for one act on the plan; a refusal is a 403 that rolls the change back. */
  authorize(act: PlanAct, target?: PlanActTarget): void;
  /** The moment of the change: its "today" is the Danish day of it (`danishToday(now)`). */
  now: Date;
}

export interface ChangeRequest {
  actor: Actor;
  citizenId: string;
  ifMatch: string | undefined;
  clientIp: string;
  /** The page visit (visit.ts), for the audit record. */
  visit?: string | null;
  /** The request's Accept-Language, for a refusal in the user's language. */
  acceptLanguage: string | string[] | undefined;
  /** The moment of the change (the clock, for tests); now by default. */
  now?: Date;
  /** The meeting, follow-up or decision the change came from: the history names it. */
  origin?: PlanChangeOrigin;
}

/** The citizen writing her own part of the plan (decideCitizenPlanAct), in the same transaction. */
export interface OwnPartScope {
  trx: Transaction<DB>;
  municipalityId: string;
  citizenId: string;
  actor: Extract<Actor, { kind: 'citizen' }>;
  /** The plan version the citizen saw (and is writing on): an approval approves exactly it. */
  version: number;
}

/** Who may change at all, asked once the plan is locked; a refusal is a 403 that rolls back. */
type Admit = (access: AccessDecision) => void;

/**
 * The one way a plan changes. In a single transaction: lock the plan, check access and the
 * version the editor saw (optimistic concurrency), apply the change, bump the version,
 * write history and audit, and rebuild the read model. Any error rolls all of it back.
 */
export async function changePlan(
  context: AppContext,
  request: ChangeRequest,
  apply: (scope: ChangeScope) => Promise<PlanChange[]>,
): Promise<{ plan: StoredPlan; changes: PlanChange[] }> {
  const { actor } = request;
  const refuse = (decision: AccessDecision) => {
    if (!decision.allowed) throw refusedProblem(decision, request.acceptLanguage);
  };
  // A basis that allows no act at all (a meeting invitation, a citizen) is refused before the
  // version is compared; each change then asks for its own act.
  const admit: Admit = (access) => {
    const anyAct = PLAN_ACTS.map((act) => decidePlanAct(actor, act, access, { unitId: actorUnit(actor) }));
    refuse(anyAct.find((decision) => decision.allowed) ?? anyAct[0] ?? refusal('plan.professionals-only'));
    if (actor.kind !== 'professional') refuse(refusal('plan.professionals-only'));
  };
  return inPlanTransaction(context, request, admit, async (trx, access, _version, now) => {
    if (actor.kind !== 'professional') throw new Error('admit lets professionals only through');
    // Deny by default: every change asks the policy for its act before it writes.
    let decided = 0;
    const authorize = (act: PlanAct, target?: PlanActTarget) => {
      refuse(decidePlanAct(actor, act, access, target));
      decided += 1;
    };
    const changes = await apply({
      trx,
      municipalityId: actor.municipalityId,
      citizenId: request.citizenId,
      actor,
      access,
      authorize,
      now,
    });
    if (decided === 0) throw new Error('A plan change was applied without asking the policy.');
    return changes;
  });
}

/**
 * The citizen's own part of the plan (her goal in her words, her steps, her comments), through
 * the same locked transaction, history, audit and read model as every other change.
 */
export async function changeOwnPart(
  context: AppContext,
  request: ChangeRequest,
  apply: (scope: OwnPartScope) => Promise<PlanChange[]>,
): Promise<{ plan: StoredPlan; changes: PlanChange[] }> {
  const { actor } = request;
  const admit: Admit = (access) => {
    const decision = decideCitizenPlanAct(actor, access);
    if (!decision.allowed) throw refusedProblem(decision, request.acceptLanguage);
  };
  return inPlanTransaction(context, request, admit, (trx, _access, version) => {
    if (actor.kind !== 'citizen') throw new Error('admit lets the citizen only through');
    return apply({ trx, municipalityId: actor.municipalityId, citizenId: request.citizenId, actor, version });
  });
}

async function inPlanTransaction(
  context: AppContext,
  request: ChangeRequest,
  admit: Admit,
  apply: (trx: Transaction<DB>, access: AccessDecision, version: number, now: Date) => Promise<PlanChange[]>,
): Promise<{ plan: StoredPlan; changes: PlanChange[] }> {
  const { actor, citizenId } = request;
  const now = request.now ?? new Date();
  const expected = parseIfMatch(request.ifMatch);
  const grants = await context.plans.grants.get(actor.municipalityId, citizenId);
  const result = await context.database.db
    .transaction()
    .execute(async (trx) => {
      const planVersion = await lockedPlanVersion(trx, actor.municipalityId, citizenId);
      // Another tenant's citizen, or none: answer as if it does not exist.
      if (planVersion === undefined) throw problems.notFound('The citizen');
      const relations = await planRelationsRow(trx, actor.municipalityId, citizenId);
      const access = decideCitizenAccess(actor, relationsOf(citizenId, relations), grants);
      admit(access);
      if (planVersion !== expected) throw problems.stale(planVersion);

      const changes = await apply(trx, access, planVersion, now);
      const version = await recordPlanChanges(trx, actor, citizenId, planVersion, changes, request.origin);
      await remindOfFollowUps(trx, actor.municipalityId, changes, now);
      const [document] = await rebuildPlanDocuments(trx, actor.municipalityId, [citizenId]);
      if (!document) throw new Error(`The plan of ${citizenId} was not rebuilt.`);
      await checkCoordinationInTransaction({
        trx,
        municipalityId: actor.municipalityId,
        citizenId,
        actorId: actor.id,
        // The acting unit's name, for "<unit> has changed the intervention" (never its own unit).
        actorUnitName:
          actor.kind === 'professional' && changes.some((change) => change.entity === 'intervention')
            ? await unitNameOf(trx, actor.municipalityId, actor.unitId)
            : null,
        changes,
        plan: document.document,
        now,
      });
      await auditInTransaction(trx, {
        actor,
        citizenId,
        action: changes[0]?.action ?? 'update',
        resource: changes.map((change) => `${change.entity}:${change.entityId}`).join(',') || 'plan',
        outcome: 'allowed',
        clientIp: request.clientIp,
        visit: request.visit,
        details: { version },
      });
      return { document, changes };
    })
    .catch(async (error: unknown) => {
      // A refused change leaves no trace in the rolled-back transaction, so record it apart.
      if (error instanceof Problem && error.status === 403) {
        await context.audit.record({
          actor,
          citizenId,
          action: 'update',
          resource: 'plan',
          outcome: 'denied',
          clientIp: request.clientIp,
          visit: request.visit,
        });
      }
      throw error;
    });
  return { plan: context.plans.put(actor.municipalityId, result.document), changes: result.changes };
}

/**
 * Records changes made to a plan inside the caller's transaction (the plan row locked): bumps
 * the version and writes the history. For changes made outside changePlan, such as the team
 * member an accepted referral adds. Returns the new version.
 */
export async function recordPlanChanges(
  trx: Transaction<DB>,
  actor: Actor,
  citizenId: string,
  currentVersion: number,
  changes: readonly PlanChange[],
  origin?: PlanChangeOrigin,
): Promise<number> {
  const version = currentVersion + 1;
  await setPlanVersion(trx, {
    municipalityId: actor.municipalityId,
    citizenId,
    version,
    updatedBy: actor.id,
    at: new Date(),
  });
  if (changes.length > 0) {
    await insertPlanHistory(
      trx,
      changes.map((change) => ({
        municipality_id: actor.municipalityId,
        id: newId(),
        citizen_id: citizenId,
        plan_version: version,
        actor_id: actor.id,
        actor_role: historyRole(actor),
        entity: change.entity,
        entity_id: change.entityId,
        action: change.action,
        before: change.before ? JSON.stringify(change.before) : null,
        after: change.after ? JSON.stringify(change.after) : null,
        origin_kind: origin?.kind ?? null,
        origin_id: origin?.id ?? null,
      })),
    );
  }
  return version;
}

/**
 * An intervention whose follow-up date was set or moved gets its reminder in the same
 * transaction, whichever command set it (the plan form, a follow-up, a meeting's agreement).
 * A cleared date needs nothing: the reminder finds the date gone and sends nothing.
 */
async function remindOfFollowUps(
  trx: Transaction<DB>,
  municipalityId: string,
  changes: readonly PlanChange[],
  now: Date,
): Promise<void> {
  for (const change of changes) {
    if (change.entity !== 'intervention' || change.action === 'end') continue;
    const date = change.after?.followUpDate;
    if (typeof date !== 'string' || date === change.before?.followUpDate) continue;
    await enqueueReminder(
      trx,
      {
        kind: 'reminder-follow-up',
        municipalityId,
        interventionId: change.entityId,
        followUpDate: date as Day,
      },
      now,
    );
  }
}

/** Who changed it, as the history names them: the professional's role, the citizen or a relative. */
function historyRole(actor: Actor): string {
  if (actor.kind === 'professional') return actor.role;
  return actor.delegate ? 'relative' : 'citizen';
}

function actorUnit(actor: Actor): string | undefined {
  return actor.kind === 'professional' ? actor.unitId : undefined;
}

function parseIfMatch(header: string | undefined): number {
  if (header === undefined || header.trim() === '') throw problems.preconditionRequired();
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(header.trim());
  if (!match) {
    throw problems.badRequest('If-Match must be the ETag of the plan you edited, e.g. "12".', [
      { field: 'If-Match', message: 'must be a plan ETag such as "12"' },
    ]);
  }
  return Number(match[1]);
}
