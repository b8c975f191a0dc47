import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../domain/access/policy.js';
import type { ResolvedSession } from '../auth/session-store.js';
import type { App, AppContext } from '../context.js';
import { Problem, problems } from '../problem.js';

export const SESSION_COOKIE = 'samspil_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    /** The session behind the actor (authentication time, method), when there is one. */
    session: ResolvedSession | null;
  }
  interface FastifyContextConfig {
    /** Reachable without a session. Everything under /api is closed unless it says so. */
    public?: boolean;
    /** Reachable by a relative who has not yet chosen whose plan to act for (and by everyone logged in). */
    delegationChoice?: boolean;
  }
}

/**
 * Deny by default: every /api route needs a session unless its config says `public: true`.
 * State-changing requests must carry `X-Requested-With: samspil`, a header a cross-site form
 * cannot send and cross-site scripts cannot send without a CORS grant we never give; and
 * when the browser says where the request comes from (Origin, Sec-Fetch-Site), it must be us.
 */
export function registerAuth(app: App, context: AppContext): void {
  const ownOrigin = new URL(context.config.publicUrl).origin;
  app.decorateRequest('actor', null);
  app.decorateRequest('session', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    if (!SAFE_METHODS.has(request.method)) {
      if (request.headers['x-requested-with'] !== 'samspil') {
        throw new Problem(
          403,
          'Missing CSRF header',
          'State-changing requests must send the header X-Requested-With: samspil.',
        );
      }
      const origin = request.headers.origin;
      const site = request.headers['sec-fetch-site'];
      const sameOrigin =
        origin === undefined || origin === ownOrigin || hostOf(origin) === request.headers.host;
      if (!sameOrigin || site === 'cross-site' || site === 'same-site') {
        throw new Problem(
          403,
          'Cross-site request refused',
          'State-changing requests must come from Samspil itself.',
        );
      }
    }
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      request.session = await context.sessions.resolveSession(token);
      request.actor = request.session?.actor ?? null;
    }
    const config = request.routeOptions.config;
    const choosing = request.session !== null && request.session.granteeCprHmac !== null;
    if (!request.actor && !config.public && !(choosing && config.delegationChoice))
      throw problems.unauthenticated();
  });
}

function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

/** The acting user of a route that is not public (the hook guarantees one). */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw problems.unauthenticated();
  return request.actor;
}

/** The acting professional; citizens are refused with 403. */
export function professionalOf(request: FastifyRequest): Extract<Actor, { kind: 'professional' }> {
  const actor = actorOf(request);
  if (actor.kind !== 'professional') throw problems.forbidden('This is for professionals only.');
  return actor;
}
