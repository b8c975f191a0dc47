import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { SECTORS } from '../../domain/organisation/sectors.js';
import { actorOf, SESSION_COOKIE } from '../plugins/auth.js';
import type { App, AppContext } from '../context.js';
import { loginFailures } from '../metrics/metrics.js';
import { Problem, problems } from '../problem.js';
import { isLoopbackUrl } from '../../config.js';
import { type LoginResult, LoginRefused, OidcLogin, type ProviderKind } from '../auth/oidc.js';
import { activeDelegationsOf, relativeSubject } from '../auth/delegations.js';
import type { Actor } from '../../domain/access/policy.js';
import { token } from '../../domain/common/text.schemas.js';

const unitSchema = z.object({ id: z.uuid(), name: z.string(), sector: z.enum(SECTORS) });

const meSchema = z
  .object({
    kind: z.enum(['professional', 'citizen']),
    id: z.uuid(),
    name: z.string(),
    role: z.string(),
    unit: unitSchema.nullable(),
    municipality: z.object({ code: z.string(), name: z.string() }),
    citizenId: z.uuid().nullable().describe('For a citizen: their own id, to open their plan'),
    actingFor: z
      .object({
        citizenName: z.string(),
        mayConsent: z
          .boolean()
          .optional()
          .describe('Whether the power of attorney covers giving and withdrawing consent'),
      })
      .nullable()
      .optional()
      .describe('For a relative with delegated access: whose plan they see'),
    assurance: z.string().nullable().optional().describe('The assurance level (NSIS acr) of this login'),
    canSwitchDelegation: z
      .boolean()
      .optional()
      .describe('For a relative: whether they hold delegated access for more than one citizen'),
  })
  .meta({ id: 'Me' });

const personaSchema = z.object({
  id: z.string(),
  kind: z.enum(['professional', 'citizen', 'relative']),
  name: z.string(),
  titleDa: z.string(),
  titleEn: z.string(),
  unit: unitSchema.nullable(),
});

export function authRoutes(app: App, context: AppContext): void {
  const { db } = context.database;

  async function describe(actor: Actor): Promise<z.infer<typeof meSchema>> {
    const municipality = await db
      .selectFrom('municipality')
      .select(['code', 'name'])
      .where('id', '=', actor.municipalityId)
      .executeTakeFirstOrThrow();
    const unit =
      actor.kind === 'professional'
        ? await db
            .selectFrom('unit')
            .select(['id', 'name', 'sector'])
            .where('municipality_id', '=', actor.municipalityId)
            .where('id', '=', actor.unitId)
            .executeTakeFirst()
        : undefined;
    return {
      kind: actor.kind,
      id: actor.id,
      name: actor.name,
      role: actor.kind === 'citizen' ? 'citizen' : actor.role,
      unit: unit ? { id: unit.id, name: unit.name, sector: unit.sector as (typeof SECTORS)[number] } : null,
      municipality,
      citizenId: actor.kind === 'citizen' ? actor.id : null,
    };
  }

  /** The logged-in user as /api/auth/me and /api/auth/session give it. */
  async function currentUser(actor: Actor, request: FastifyRequest): Promise<z.infer<typeof meSchema>> {
    const token = request.cookies[SESSION_COOKIE];
    const session = token ? await context.sessions.resolveSession(token) : null;
    const me = await describe(actor);
    if (actor.kind === 'citizen' && actor.delegate) {
      const citizen = await db
        .selectFrom('citizen')
        .select(['given_name', 'family_name'])
        .where('municipality_id', '=', actor.municipalityId)
        .where('id', '=', actor.id)
        .executeTakeFirstOrThrow();
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
        response: { 200: z.object({ user: meSchema.nullable() }) },
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
        clientIp: request.ip,
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
        response: { 200: z.object({ personas: z.array(personaSchema) }) },
      },
    },
    async () => {
      const rows = await db
        .selectFrom('demo_persona as d')
        .leftJoin('professional as p', (join) =>
          join.onRef('p.municipality_id', '=', 'd.municipality_id').onRef('p.id', '=', 'd.subject_id'),
        )
        .leftJoin('unit as u', (join) =>
          join.onRef('u.municipality_id', '=', 'p.municipality_id').onRef('u.id', '=', 'p.unit_id'),
        )
        .leftJoin('citizen as c', (join) =>
          join.onRef('c.municipality_id', '=', 'd.municipality_id').onRef('c.id', '=', 'd.subject_id'),
        )
        .leftJoin('delegation as g', (join) =>
          join.onRef('g.municipality_id', '=', 'd.municipality_id').onRef('g.id', '=', 'd.subject_id'),
        )
        .select([
          'd.id',
          'd.subject_kind',
          'd.title_da',
          'd.title_en',
          'g.grantee_name',
          'p.name as professional_name',
          'c.given_name',
          'c.family_name',
          'u.id as unit_id',
          'u.name as unit_name',
          'u.sector as unit_sector',
        ])
        .orderBy('d.sort_order')
        .orderBy('d.id')
        .execute();
      return {
        personas: rows.map((row) => ({
          id: row.id,
          kind: row.subject_kind as 'professional' | 'citizen' | 'relative',
          name:
            row.professional_name ??
            row.grantee_name ??
            `${row.given_name ?? ''} ${row.family_name ?? ''}`.trim(),
          titleDa: row.title_da,
          titleEn: row.title_en,
          unit: row.unit_id
            ? {
                id: row.unit_id,
                name: row.unit_name ?? '',
                sector: row.unit_sector as (typeof SECTORS)[number],
              }
            : null,
        })),
      };
    },
  );

  /** The demo relative logs in as MitID would find them: by their identity, to all their delegations. */
  async function demoRelative(municipalityId: string, delegationId: string, persona: string) {
    const delegation = await db
      .selectFrom('delegation')
      .select('grantee_cpr_hmac')
      .where('municipality_id', '=', municipalityId)
      .where('id', '=', delegationId)
      .executeTakeFirst();
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
        body: z.strictObject({ persona: token(100).min(1) }),
        response: {
          200: z.object({
            user: meSchema
              .nullable()
              .describe('Null for a relative with several delegations, who chooses whose plan first'),
          }),
        },
      },
    },
    async (request, reply) => {
      const persona = await db
        .selectFrom('demo_persona')
        .select(['municipality_id', 'subject_kind', 'subject_id', 'id'])
        .where('id', '=', request.body.persona)
        .executeTakeFirst();
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
        clientIp: request.ip,
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
  const providerParams = z.strictObject({ provider: z.enum(['professional', 'citizen']) });
  const loginCookiePath = '/api/auth/oidc/';

  app.get(
    '/api/auth/oidc/:provider/login',
    {
      config: { public: true, rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Log in with OpenID Connect: professionals at the municipality, citizens with MitID',
        params: providerParams,
        querystring: z.object({
          stepUp: z
            .enum(['true', 'false'])
            .optional()
            .describe('Log in again now (prompt=login, max_age) before a sensitive act'),
          returnTo: token(500)
            .optional()
            .describe('The page (a path inside Samspil) to return to after login'),
        }),
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
        querystring: z.looseObject({
          code: token(2000).optional(),
          state: token(500).optional(),
          error: token(200).optional(),
        }),
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
        clientIp: request.ip,
        details: { method: subject.method, acr: subject.acr, stepUp: subject.returnTo !== null || undefined },
      });
      return reply.redirect(subject.returnTo ?? '/', 302);
    },
  );
}

/** The web page where a relative with several delegations chooses whose plan to act for. */
export const DELEGATION_CHOICE_PAGE = '/login/fuldmagt';

const delegationChoiceSchema = z.object({
  delegationId: z.uuid(),
  citizenId: z.uuid(),
  citizenName: z.string(),
  validUntil: z.string().nullable(),
  current: z.boolean().describe('Whether the session acts under this delegation now'),
});

/**
 * A relative with delegated access (fuldmagt) for several citizens chooses whose plan to act
 * for, and may switch. The session's actor then carries the chosen delegation; a delegation
 * withdrawn or expired ends that access at once (the session store checks it on every request).
 */
function delegationChoiceRoutes(
  app: App,
  context: AppContext,
  describe: (actor: Actor) => Promise<z.infer<typeof meSchema>>,
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
        response: { 200: z.object({ items: z.array(delegationChoiceSchema) }) },
      },
    },
    async (request) => {
      const choices = await activeDelegationsOf(db, granteeOf(request));
      const actor = request.actor;
      const current = actor?.kind === 'citizen' ? actor.delegate?.delegationId : undefined;
      return {
        items: choices.map((choice) => ({
          delegationId: choice.delegationId,
          citizenId: choice.citizenId,
          citizenName: choice.citizenName,
          validUntil: choice.validUntil,
          current: choice.delegationId === current,
        })),
      };
    },
  );

  app.post(
    '/api/auth/delegation',
    {
      config: { delegationChoice: true, rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'For a relative: act for this citizen (choose or switch delegation)',
        body: z.strictObject({ delegationId: z.uuid({ error: 'must be a delegation id (UUID)' }) }),
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
        clientIp: request.ip,
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
