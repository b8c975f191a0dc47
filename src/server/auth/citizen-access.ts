import type { FastifyRequest } from 'fastify';
import {
  type AccessDecision,
  type AccessGrants,
  type Actor,
  decideCitizenAccess,
} from '../../domain/access/policy.js';
import type { AuditAction } from '../audit/audit-writer.js';
import type { AppContext } from '../context.js';
import type { StoredPlan } from '../plan/plan-store.js';
import { problems } from '../problem.js';

export interface CitizenAccess {
  plan: StoredPlan;
  grants: AccessGrants;
  decision: AccessDecision;
}

/**
 * Looks a citizen up for an actor: another tenant's (or no) citizen is 404, as if it did not
 * exist; the decision is the policy's. Does not throw on a denial, so the caller can audit it.
 */
export async function citizenAccess(
  context: AppContext,
  actor: Actor,
  citizenId: string,
): Promise<CitizenAccess> {
  const [plan, grants] = await Promise.all([
    context.plans.get(actor.municipalityId, citizenId),
    context.plans.grants.get(actor.municipalityId, citizenId),
  ]);
  if (!plan) throw problems.notFound('The citizen');
  return { plan, grants, decision: decideCitizenAccess(actor, plan.relations, grants) };
}

/** Refuses a denied decision with 403, after recording the refusal in the audit trail. */
export async function requireAllowed(
  context: AppContext,
  request: FastifyRequest,
  actor: Actor,
  citizenId: string,
  decision: AccessDecision,
  action: AuditAction,
  resource: string,
): Promise<void> {
  if (decision.allowed) return;
  await context.audit.record({
    actor,
    citizenId,
    action,
    resource,
    outcome: 'denied',
    clientIp: request.ip,
  });
  throw problems.forbidden(decision.reason);
}
