import type { FastifyRequest } from 'fastify';
import { isLoopbackUrl } from '../../config.js';
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
 * when the browser says where the request comes from (Origin, Sec-Fetch-Site), it must be us:
 * the configured public origin (SAMSPIL_PUBLIC_URL), never whatever the Host header claims.
 *
 * The hook is keyed on the route the router matched, not on the URL as sent: the router
 * decodes the path (`/%61pi/auth/logout` is `/api/auth/logout`), so a test of the raw URL
 * could be stepped around.
 */
export function registerAuth(app: App, context: AppContext): void {
  const ownOrigins = originsOf(context.config.publicUrl);
  app.decorateRequest('actor', null);
  app.decorateRequest('session', null);
  app.addHook('onRequest', async (request) => {
    if (!isApiRequest(request)) return;
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
      const sameOrigin = origin === undefined || ownOrigins.has(origin);
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

/**
 * Whether a request is for the API: by the route the router matched (decoded, normalised),
 * or, when no route matched, by the decoded path (so the 404 is treated as the API's too).
 */
export function isApiRequest(request: FastifyRequest): boolean {
  const route = request.routeOptions.url;
  if (route !== undefined) return route.startsWith('/api/');
  return decodedPath(request.url).startsWith('/api/');
}

function decodedPath(url: string): string {
  const path = url.split('?')[0] ?? '';
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/**
 * The origins a state-changing request may come from: the public URL's. On a loopback public
 * URL (demo and development) also its loopback aliases on the same port, so a browser opened
 * at 127.0.0.1 works as one opened at localhost; a rebound DNS name is still refused.
 */
export function originsOf(publicUrl: string): Set<string> {
  const url = new URL(publicUrl);
  const origins = new Set([url.origin]);
  if (isLoopbackUrl(publicUrl)) {
    const port = url.port ? `:${url.port}` : '';
    for (const host of ['localhost', '127.0.0.1', '[::1]']) origins.add(`${url.protocol}//${host}${port}`);
  }
  return origins;
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
