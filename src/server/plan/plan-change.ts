import type { Transaction } from 'kysely';
import { decidePlanChange, type Actor } from '../../domain/access/policy.js';
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
import { Problem, problems } from '../problem.js';

export type PlanEntity = 'goal' | 'sub_goal' | 'intervention' | 'team_member' | 'pathway';

/** One recorded change: what it was before and after, for the plan's history. */
export interface PlanChange {
  entity: PlanEntity;
  entityId: string;
  action: 'create' | 'update' | 'end';
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export interface ChangeScope {
  trx: Transaction<DB>;
  municipalityId: string;
  citizenId: string;
  actor: Extract<Actor, { kind: 'professional' }>;
}

export interface ChangeRequest {
  actor: Actor;
  citizenId: string;
  ifMatch: string | undefined;
  clientIp: string;
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
      const decision = decidePlanChange(actor, relationsOf(citizenId, relations));
      if (!decision.allowed || actor.kind !== 'professional') {
        throw problems.forbidden(decision.allowed ? 'Only professionals change plans.' : decision.reason);
      }
      if (plan.version !== expected) throw problems.stale(plan.version);

      const changes = await apply({ trx, municipalityId: actor.municipalityId, citizenId, actor });
      const version = plan.version + 1;
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
      const [document] = await rebuildPlanDocuments(trx, actor.municipalityId, [citizenId]);
      await checkCoordinationInTransaction({
        trx,
        municipalityId: actor.municipalityId,
        citizenId,
        actorId: actor.id,
        changes,
        plan: document!.document,
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
      return { document: document!, changes };
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
