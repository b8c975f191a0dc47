import type { FastifyRequest } from 'fastify';
import {
  type AccessDecision,
  type AccessGrants,
  type Actor,
  decideCitizenAccess,
  type Refusal,
} from '../../domain/access/policy.js';
import type { AuditAction } from '../audit/audit-writer.js';
import type { AppContext } from '../context.js';
import type { StoredPlan } from '../plan/plan-store.js';
import { problems, refusedProblem } from '../problem.js';
import { auditOrigin } from '../audit/visit.js';

export interface CitizenAccess {
  plan: StoredPlan;
  grants: AccessGrants;
  decision: AccessDecision;
}

/** Any of the policy's decisions: allowed (with what the caller needs), or refused with a reason. */
export type PolicyDecision = { allowed: true } | Refusal;

/**
 * A decision of the policy about an act on the citizen, made from the actor and their access to
 * the citizen: `decideConsentChange`, `decideMeetingChange`, `decideExport`, `decideCprReveal`, …
 */
export type CitizenDecider<Decision extends PolicyDecision> = (
  actor: Actor,
  access: AccessDecision,
) => Decision;

/** What the audit trail calls the act, when it is refused. */
export interface AuditedAct {
  action: AuditAction;
  resource: string;
}

/** The citizen as the caller may act on them: their plan, grants and access, and the allowed decision. */
export interface AuthorizedCitizen<Decision extends PolicyDecision> extends CitizenAccess {
  granted: Extract<Decision, { allowed: true }>;
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
export async function requireAllowed<Decision extends PolicyDecision>(
  context: AppContext,
  request: FastifyRequest,
  actor: Actor,
  citizenId: string,
  decision: Decision,
  action: AuditAction,
  resource: string,
): Promise<Extract<Decision, { allowed: true }>> {
  if (decision.allowed) return decision as Extract<Decision, { allowed: true }>;
  await context.audit.record({
    actor,
    citizenId,
    action,
    resource,
    outcome: 'denied',
    ...auditOrigin(request),
  });
  throw refusedProblem(decision, request.headers['accept-language']);
}

/** The policy's answer to "may the actor see this citizen at all?", as a decider. */
const seeCitizen: CitizenDecider<AccessDecision> = (_actor, access) => access;

/**
 * The one way to authorise an act on a citizen: look the citizen up (404 for another tenant's
 * or none), let the policy decide (by default whether the actor may see the citizen at all),
 * and refuse a denial with 403 and the policy's reason, after recording it in the audit trail
 * as `denied` with the act's action and resource. Recording the allowed act stays with the
 * caller, who knows its purpose and details.
 */
export async function authorizeCitizen(
  context: AppContext,
  request: FastifyRequest,
  actor: Actor,
  citizenId: string,
  act: AuditedAct,
): Promise<AuthorizedCitizen<AccessDecision>>;
export async function authorizeCitizen<Decision extends PolicyDecision>(
  context: AppContext,
  request: FastifyRequest,
  actor: Actor,
  citizenId: string,
  act: AuditedAct,
  decide: CitizenDecider<Decision>,
): Promise<AuthorizedCitizen<Decision>>;
export async function authorizeCitizen(
  context: AppContext,
  request: FastifyRequest,
  actor: Actor,
  citizenId: string,
  act: AuditedAct,
  decide: CitizenDecider<PolicyDecision> = seeCitizen,
): Promise<AuthorizedCitizen<PolicyDecision>> {
  const access = await citizenAccess(context, actor, citizenId);
  const granted = await requireAllowed(
    context,
    request,
    actor,
    citizenId,
    decide(actor, access.decision),
    act.action,
    act.resource,
  );
  return { ...access, granted };
}
