import type { Transaction } from 'kysely';
import {
  type AccessDecision,
  type Actor,
  decideCitizenAccess,
  decidePlanAct,
  PLAN_ACTS,
  type PlanAct,
  type PlanActTarget,
} from '../../domain/access/policy.js';
import { refusal } from '../../domain/access/refusals.js';
import type { PlanChange } from '../../domain/plan/plan-change.js';
import { newId } from '../../db/ids.js';
import {
  RELATION_COLUMNS,
  rebuildPlanDocuments,
  relationsOf,
} from '../../db/queries/plan-document.queries.js';
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
}

export interface ChangeRequest {
  actor: Actor;
  citizenId: string;
  ifMatch: string | undefined;
  clientIp: string;
  /** The request's Accept-Language, for a refusal in the user's language. */
  acceptLanguage: string | string[] | undefined;
}

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
  const { actor, citizenId } = request;
  const expected = parseIfMatch(request.ifMatch);
  const grants = await context.plans.grants.get(actor.municipalityId, citizenId);
  const result = await context.database.db
    .transaction()
    .execute(async (trx) => {
      const plan = await trx
        .selectFrom('plan')
        .select(['version'])
        .where('municipality_id', '=', actor.municipalityId)
        .where('citizen_id', '=', citizenId)
        .forUpdate()
        .executeTakeFirst();
      // Another tenant's citizen, or none: answer as if it does not exist.
      if (!plan) throw problems.notFound('The citizen');
      const relations = await trx
        .selectFrom('plan_document')
        .select(RELATION_COLUMNS)
        .where('municipality_id', '=', actor.municipalityId)
        .where('citizen_id', '=', citizenId)
        .executeTakeFirstOrThrow();
      const access = decideCitizenAccess(actor, relationsOf(citizenId, relations), grants);
      // A basis that allows no act at all (a meeting invitation, a citizen) is refused before
      // the version is compared; each change then asks for its own act.
      const anyAct = PLAN_ACTS.map((act) => decidePlanAct(actor, act, access, { unitId: actorUnit(actor) }));
      const some =
        anyAct.find((decision) => decision.allowed) ?? anyAct[0] ?? refusal('plan.professionals-only');
      if (!some.allowed) throw refusedProblem(some, request.acceptLanguage);
      if (actor.kind !== 'professional')
        throw refusedProblem(refusal('plan.professionals-only'), request.acceptLanguage);
      if (plan.version !== expected) throw problems.stale(plan.version);

      // Deny by default: every change asks the policy for its act before it writes.
      let decided = 0;
      const authorize = (act: PlanAct, target?: PlanActTarget) => {
        const decision = decidePlanAct(actor, act, access, target);
        if (!decision.allowed) throw refusedProblem(decision, request.acceptLanguage);
        decided += 1;
      };
      const changes = await apply({
        trx,
        municipalityId: actor.municipalityId,
        citizenId,
        actor,
        access,
        authorize,
      });
      if (decided === 0) throw new Error('A plan change was applied without asking the policy.');
      const version = await recordPlanChanges(trx, actor, citizenId, plan.version, changes);
      const [document] = await rebuildPlanDocuments(trx, actor.municipalityId, [citizenId]);
      if (!document) throw new Error(`The plan document of citizen ${citizenId} could not be rebuilt.`);
      await checkCoordinationInTransaction({
        trx,
        municipalityId: actor.municipalityId,
        citizenId,
        actorId: actor.id,
        actorUnitName: changes.some((change) => change.entity === 'intervention')
          ? await unitNameOf(trx, actor.municipalityId, actor.unitId)
          : null,
        changes,
        plan: document.document,
      });
      await auditInTransaction(trx, {
        actor,
        citizenId,
        action: changes[0]?.action ?? 'update',
        resource: changes.map((change) => `${change.entity}:${change.entityId}`).join(',') || 'plan',
        outcome: 'allowed',
        clientIp: request.clientIp,
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
  actor: Extract<Actor, { kind: 'professional' }>,
  citizenId: string,
  currentVersion: number,
  changes: readonly PlanChange[],
): Promise<number> {
  const version = currentVersion + 1;
  await trx
    .updateTable('plan')
    .set({ version, updated_at: new Date(), updated_by: actor.id })
    .where('municipality_id', '=', actor.municipalityId)
    .where('citizen_id', '=', citizenId)
    .execute();
  if (changes.length > 0) {
    await trx
      .insertInto('plan_history')
      .values(
        changes.map((change) => ({
          municipality_id: actor.municipalityId,
          id: newId(),
          citizen_id: citizenId,
          plan_version: version,
          actor_id: actor.id,
          actor_role: actor.role,
          entity: change.entity,
          entity_id: change.entityId,
          action: change.action,
          before: change.before ? JSON.stringify(change.before) : null,
          after: change.after ? JSON.stringify(change.after) : null,
        })),
      )
      .execute();
  }
  return version;
}

function actorUnit(actor: Actor): string | undefined {
  return actor.kind === 'professional' ? actor.unitId : undefined;
}

/** The acting unit's name, for "<unit> has changed the intervention" (never the intervention's own unit). */
async function unitNameOf(
  trx: Transaction<DB>,
  municipalityId: string,
  unitId: string,
): Promise<string | null> {
  const unit = await trx
    .selectFrom('unit')
    .select('name')
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', unitId)
    .executeTakeFirst();
  return unit?.name ?? null;
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
