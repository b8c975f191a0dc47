import type { FastifyRequest } from 'fastify';
import { type Actor, decideAnalyticsAccess } from '../../domain/access/policy.js';
import { auditOrigin } from '../audit/visit.js';
import type { AppContext } from '../context.js';
import { actorOf } from '../plugins/auth.js';
import { refusedProblem } from '../problem.js';

/** Asks the policy; a refusal is audited and answered 403. */
export async function authorizeAnalytics(
  context: AppContext,
  request: FastifyRequest,
  action: 'read' | 'export',
  resource: string,
): Promise<Actor> {
  const actor = actorOf(request);
  const decision = decideAnalyticsAccess(actor, action);
  if (!decision.allowed) {
    await context.audit.record({
      actor,
      citizenId: null,
      action,
      resource,
      outcome: 'denied',
      ...auditOrigin(request),
    });
    throw refusedProblem(decision, request.headers['accept-language']);
  }
  return actor;
}
