import type { FastifyRequest } from 'fastify';
import { type Actor, isAuthenticationRecent } from '../../domain/access/policy.js';
import type { AuditAction } from '../audit/audit-writer.js';
import type { AppContext } from '../context.js';
import { Problem } from '../problem.js';
import type { ResolvedSession } from './session-store.js';
import { auditOrigin } from '../audit/visit.js';

/** The problem type of a refusal that a fresh login cures; the web app answers it with a re-login. */
export const STEP_UP_PROBLEM_TYPE = 'urn:samspil:problem:step-up-required';

/** How the user logs in again: through their identity provider, or the demo persona again. */
export type Reauthentication =
  | { kind: 'oidc'; url: string }
  | { kind: 'demo'; persona: string }
  | { kind: 'login'; url: string };

function reauthenticationFor(session: ResolvedSession | null): Reauthentication {
  const method = session?.method ?? '';
  if (method.startsWith('oidc-professional'))
    return { kind: 'oidc', url: '/api/auth/oidc/professional/login?stepUp=true' };
  if (method.startsWith('oidc-citizen'))
    return { kind: 'oidc', url: '/api/auth/oidc/citizen/login?stepUp=true' };
  if (method === 'demo' && session?.persona) return { kind: 'demo', persona: session.persona };
  return { kind: 'login', url: '/login' };
}

/** 401 with a distinct problem type: log in again (prompt=login, max_age), then retry. */
export function stepUpRequired(session: ResolvedSession | null, minutes: number): Problem {
  const problem = new Problem(
    401,
    'Log in again',
    `This needs a login within the last ${minutes} minutes. Log in again and try once more.`,
  );
  problem.type = STEP_UP_PROBLEM_TYPE;
  problem.extensions = { reauthenticate: reauthenticationFor(session), maxAgeMinutes: minutes };
  return problem;
}

/**
 * Step-up before a sensitive act (revealing a CPR number, breaking the glass, a CPR number in
 * an export): the session's last authentication must be recent. A refusal is audited.
 */
export async function requireRecentLogin(
  context: AppContext,
  request: FastifyRequest,
  actor: Actor,
  citizenId: string,
  action: AuditAction,
  resource: string,
): Promise<void> {
  const minutes = context.config.stepUpMinutes;
  const session = request.session;
  if (session && isAuthenticationRecent(session.authTime, new Date(), minutes)) return;
  await context.audit.record({
    actor,
    citizenId,
    action,
    resource,
    outcome: 'denied',
    ...auditOrigin(request),
    details: { stepUp: 'required' },
  });
  throw stepUpRequired(session, minutes);
}
