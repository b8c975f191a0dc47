import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { actorOf, SESSION_COOKIE } from '../plugins/auth.js';
import type { App, AppContext } from '../context.js';
import { loginFailures } from '../metrics/metrics.js';
import { Problem, problems } from '../problem.js';
import { isLoopbackUrl } from '../../config.js';
import { type LoginResult, LoginRefused, OidcLogin, type ProviderKind } from '../auth/oidc.js';
import { activeDelegationsOf, relativeSubject } from '../auth/delegations.js';
import type { Actor } from '../../domain/access/policy.js';
import {
  citizenNameOf,
  delegationGrantee,
  demoPersona,
  demoPersonas,
  municipalityOf,
  unitOf,
} from '../../db/queries/auth.queries.js';
import { presentDelegationChoice, presentMe, presentPersona } from './auth.presenter.js';
import {
  delegationChoicesSchema,
  demoPersonasSchema,
  type Me,
  meSchema,
  sessionSchema,
} from '../../domain/auth/auth.responses.js';
import {
  delegationChoiceBody,
  demoLoginBody,
  oidcCallbackQuery,
  oidcLoginQuery,
  providerParams,
} from './auth.schemas.js';
import { auditOrigin } from '../audit/visit.js';

export function authRoutes(app: App, context: AppContext): void {
  const { db } = context.database;

  async function describe(actor: Actor): Promise<Me> {
    const municipality = await municipalityOf(db, actor.municipalityId);
    const unit =
      actor.kind === 'professional' ? await unitOf(db, actor.municipalityId, actor.unitId) : undefined;
    return presentMe(actor, municipality, unit);
  }

  /** The logged-in user as /api/auth/me and /api/auth/session give it. */
  async function currentUser(actor: Actor, request: FastifyRequest): Promise<Me> {
    const token = request.cookies[SESSION_COOKIE];
    const session = token ? await context.sessions.resolveSession(token) : null;
    const me = await describe(actor);
    if (actor.kind === 'citizen' && actor.delegate) {
      const citizen = await citizenNameOf(db, actor.municipalityId, actor.id);
      const choices = session?.granteeCprHmac ? await activeDelegationsOf(db, session.granteeCprHmac) : [];
      return {
        ...me,
        role: 'relative',
        actingFor: {
          citizenName: `${citizen.given_name} ${citizen.family_name}`,
          mayConsent: actor.delegate.includesConsent === true,
        },
        assurance: session?.acr ?? null,
        canSwitchDelegation: choices.length > 1,
      };
    }
    return { ...me, actingFor: null, assurance: session?.acr ?? null };
  }

  app.get(
    '/api/auth/me',
    { schema: { tags: ['auth'], summary: 'The logged-in user', response: { 200: meSchema } } },
    async (request) => currentUser(actorOf(request), request),
  );

  app.get(
    '/api/auth/session',
    {
      // Open to all: the web app asks on every page, the login page too, where "nobody" is a
      // normal answer and not an error (a 401 there is logged by every browser as a failure).
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: 'Who is logged in, if anyone (user is null when nobody is)',
        response: { 200: sessionSchema },
      },
    },
    async (request) => ({ user: request.actor ? await currentUser(request.actor, request) : null }),
  );

  app.post(
    '/api/auth/logout-everywhere',
    {
      schema: {
        tags: ['auth'],
        summary: 'End every session of the logged-in user, on every device',
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      if (actor.kind === 'citizen' && actor.delegate) {
        const token = request.cookies[SESSION_COOKIE];
        if (token) await context.sessions.destroy(token);
      } else {
        await context.sessions.destroyAllOf(actor.municipalityId, actor.id);
      }
      await context.audit.record({
        actor,
        citizenId: null,
        action: 'logout',
        resource: 'session',
        outcome: 'allowed',
        ...auditOrigin(request),
        details: { everywhere: true },
      });
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  delegationChoiceRoutes(app, context, describe);
  oidcRoutes(app, context);

  app.post(
    '/api/auth/logout',
    {
      config: { public: true },
      schema: { tags: ['auth'], summary: 'End the session', response: { 204: z.null() } },
    },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await context.sessions.destroy(token);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  if (!context.config.demo) return;

  app.get(
    '/api/auth/demo-personas',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: 'Demo mode only: the personas one can log in as',
        response: { 200: demoPersonasSchema },
      },
    },
    async () => {
      const rows = await demoPersonas(db);
      return { personas: rows.map(presentPersona) };
    },
  );

  /** The demo relative logs in as MitID would find them: by their identity, to all their delegations. */
  async function demoRelative(municipalityId: string, delegationId: string, persona: string) {
    const delegation = await delegationGrantee(db, municipalityId, delegationId);
    const subject = delegation
      ? await relativeSubject(db, delegation.grantee_cpr_hmac, { persona, method: 'demo-relative' })
      : null;
    if (!subject) throw problems.notFound('The demo relative’s power of attorney');
    return subject;
  }

  app.post(
    '/api/auth/demo-login',
    {
      config: { public: true, rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Demo mode only: log in as a persona',
        body: demoLoginBody,
        response: { 200: sessionSchema },
      },
    },
    async (request, reply) => {
      const persona = await demoPersona(db, request.body.persona);
      if (!persona) {
        loginFailures.inc({ method: 'demo', reason: 'unknown-persona' });
        throw problems.badRequest(`There is no demo persona "${request.body.persona}".`, [
          { field: 'persona', message: 'is not a demo persona' },
        ]);
      }
      // A new session id at every login: an old (possibly planted) cookie is never promoted.
      const old = request.cookies[SESSION_COOKIE];
      if (old) await context.sessions.destroy(old);
      const subject =
        persona.subject_kind === 'relative'
          ? await demoRelative(persona.municipality_id, persona.subject_id, persona.id)
          : {
              municipalityId: persona.municipality_id,
              kind: persona.subject_kind as 'professional' | 'citizen',
              id: persona.subject_id,
              persona: persona.id,
              method: 'demo',
            };
      const session = await context.sessions.create(subject);
      setSessionCookie(reply, context, session.token, session.expiresAt);
      // A relative with several delegations chooses first (the choice is audited as the login).
      if (!session.actor) return { user: null };
      await context.audit.record({
        actor: session.actor,
        citizenId: null,
        action: 'login',
        resource: 'session',
        outcome: 'allowed',
        ...auditOrigin(request),
        details: { method: 'demo', persona: persona.id },
      });
      return { user: await describe(session.actor) };
    },
  );
}

const LOGIN_COOKIE = 'samspil_login';

/** The session cookie: httpOnly, SameSite, Secure outside a loopback address. */
export function setSessionCookie(
  reply: FastifyReply,
  context: AppContext,
  token: string,
  expiresAt: Date,
): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: !isLoopbackUrl(context.config.publicUrl),
    expires: expiresAt,
  });
}

/**
 * OpenID Connect login, one route pair per configured provider: `login` sends the browser to
 * the provider (with PKCE, state and nonce; the state is also bound to this browser by a
 * short-lived cookie), `callback` completes it and starts a brand-new session.
 */
function oidcRoutes(app: App, context: AppContext): void {
  const providers = new Map<ProviderKind, OidcLogin>();
  for (const kind of ['professional', 'citizen'] as const) {
    const settings = context.config.oidc[kind];
    if (!settings) continue;
    const redirectUri = `${context.config.publicUrl.replace(/\/$/, '')}/api/auth/oidc/${kind}/callback`;
    providers.set(
      kind,
      new OidcLogin(
        kind,
        settings,
        redirectUri,
        context.database.db,
        context.vault,
        context.config.stepUpMinutes,
      ),
    );
  }
  const loginCookiePath = '/api/auth/oidc/';

  app.get(
    '/api/auth/oidc/:provider/login',
    {
      config: { public: true, rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Log in with OpenID Connect: professionals at the municipality, citizens with MitID',
        params: providerParams,
        querystring: oidcLoginQuery,
        response: { 302: z.null().describe('To the identity provider') },
      },
    },
    async (request, reply) => {
      const provider = providers.get(request.params.provider);
      if (!provider) throw problems.notFound(`Login for ${request.params.provider}s`);
      const start = provider.start({
        stepUp: request.query.stepUp === 'true',
        returnTo: request.query.returnTo ?? null,
      });
      const { url, state } = await start.catch((error: unknown) => {
        request.log.warn(
          { provider: request.params.provider, err: (error as Error).message },
          'identity provider unreachable',
        );
        throw new Problem(
          503,
          'Login unavailable',
          'The identity provider cannot be reached. Try again shortly.',
        );
      });
      reply.setCookie(LOGIN_COOKIE, state, {
        path: loginCookiePath,
        httpOnly: true,
        sameSite: 'lax',
        secure: !isLoopbackUrl(context.config.publicUrl),
        maxAge: 600,
      });
      return reply.redirect(url, 302);
    },
  );

  app.get(
    '/api/auth/oidc/:provider/callback',
    {
      config: { public: true, rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Where the identity provider sends the browser back',
        params: providerParams,
        querystring: oidcCallbackQuery,
        response: { 302: z.null().describe('Into Samspil, or back to the login page with an error code') },
      },
    },
    async (request, reply) => {
      const kind = request.params.provider;
      const provider = providers.get(kind);
      if (!provider) throw problems.notFound(`Login for ${kind}s`);
      const expectedState = request.cookies[LOGIN_COOKIE] ?? '';
      reply.clearCookie(LOGIN_COOKIE, { path: loginCookiePath });
      const callbackUrl = new URL(request.url, context.config.publicUrl);
      let subject: LoginResult;
      try {
        subject = await provider.finish(callbackUrl, expectedState);
      } catch (error) {
        if (error instanceof LoginRefused) {
          request.log.warn({ provider: kind, reason: error.code }, 'login refused');
          loginFailures.inc({ method: `oidc-${kind}`, reason: error.code });
          return reply.redirect(`/login?error=${error.code}`, 302);
        }
        throw error;
      }
      // A new session id at every login: an old (possibly planted) cookie is never promoted.
      const old = request.cookies[SESSION_COOKIE];
      if (old) await context.sessions.destroy(old);
      const session = await context.sessions.create(subject);
      setSessionCookie(reply, context, session.token, session.expiresAt);
      // A relative with several delegations chooses first (the choice is audited as the login).
      if (!session.actor) return reply.redirect(DELEGATION_CHOICE_PAGE, 302);
      await context.audit.record({
        actor: session.actor,
        citizenId: session.actor.kind === 'citizen' ? session.actor.id : null,
        action: 'login',
        resource: 'session',
        outcome: 'allowed',
        ...auditOrigin(request),
        details: { method: subject.method, acr: subject.acr, stepUp: subject.returnTo !== null || undefined },
      });
      return reply.redirect(subject.returnTo ?? '/', 302);
    },
  );
}

/** The web page where a relative with several delegations chooses whose plan to act for. */
export const DELEGATION_CHOICE_PAGE = '/login/fuldmagt';

/**
 * A relative with delegated access (fuldmagt) for several citizens chooses whose plan to act
 * for, and may switch. The session's actor then carries the chosen delegation; a delegation
 * withdrawn or expired ends that access at once (the session store checks it on every request).
 */
function delegationChoiceRoutes(
  app: App,
  context: AppContext,
  describe: (actor: Actor) => Promise<Me>,
): void {
  const { db } = context.database;

  function granteeOf(request: FastifyRequest): Uint8Array {
    const hmac = request.session?.granteeCprHmac;
    if (!hmac)
      throw problems.forbidden('Only a relative with delegated access (fuldmagt) chooses whose plan.');
    return hmac;
  }

  app.get(
    '/api/auth/delegations',
    {
      config: { delegationChoice: true },
      schema: {
        tags: ['auth'],
        summary: 'For a relative: the citizens whose plan they may act for (delegations in force)',
        response: { 200: delegationChoicesSchema },
      },
    },
    async (request) => {
      const choices = await activeDelegationsOf(db, granteeOf(request));
      const actor = request.actor;
      const current = actor?.kind === 'citizen' ? actor.delegate?.delegationId : undefined;
      return { items: choices.map((choice) => presentDelegationChoice(choice, current)) };
    },
  );

  app.post(
    '/api/auth/delegation',
    {
      config: { delegationChoice: true, rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'For a relative: act for this citizen (choose or switch delegation)',
        body: delegationChoiceBody,
        response: { 200: z.object({ user: meSchema }) },
      },
    },
    async (request) => {
      const choices = await activeDelegationsOf(db, granteeOf(request));
      const choice = choices.find((item) => item.delegationId === request.body.delegationId);
      if (!choice) throw problems.notFound('The delegation (in force, yours)');
      const token = request.cookies[SESSION_COOKIE] ?? '';
      const actor = await context.sessions.chooseDelegation(token, {
        municipalityId: choice.municipalityId,
        citizenId: choice.citizenId,
        delegationId: choice.delegationId,
      });
      if (!actor) throw problems.unauthenticated();
      await context.audit.record({
        actor,
        citizenId: choice.citizenId,
        action: 'login',
        resource: 'session',
        outcome: 'allowed',
        ...auditOrigin(request),
        details: { method: request.session?.method ?? null, delegation: choice.delegationId },
      });
      const me = await describe(actor);
      return {
        user: {
          ...me,
          role: 'relative',
          actingFor: { citizenName: choice.citizenName },
          assurance: request.session?.acr ?? null,
          canSwitchDelegation: choices.length > 1,
        },
      };
    },
  );
}
