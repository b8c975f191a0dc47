import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import { databaseRateLimitStore } from './plugins/rate-limit-store.js';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyServerOptions, LogController } from 'fastify';
import helmet from 'helmet';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { type Config, isLoopbackUrl } from '../config.js';
import type { Database } from '../db/database.js';
import { CprVault, parseCprKeys } from '../security/cpr-vault.js';
import { AuditWriter } from './audit/audit-writer.js';
import { SessionStore } from './auth/session-store.js';
import type { App, AppContext } from './context.js';
import { followCacheChanges } from './cache-invalidation.js';
import { PlanStore } from './plan/plan-store.js';
import { isApiRequest, registerAuth } from './plugins/auth.js';
import { registerInputGuard } from './plugins/input-guard.js';
import { registerCsvBody } from './plugins/csv-body.js';
import { registerErrorHandling, sendProblem } from './plugins/errors.js';
import { Problem } from './problem.js';
import { auditRoutes } from './audit/audit.routes.js';
import { authAdminRoutes } from './auth/auth-admin.routes.js';
import { authRoutes } from './auth/auth.routes.js';
import { breakGlassRoutes } from './break-glass/break-glass.routes.js';
import { planPdfRoutes } from './plan-pdf/plan-pdf.routes.js';
import { exportRoutes } from './export/export.routes.js';
import { consentRoutes } from './consent/consent.routes.js';
import { catalogueRoutes } from './catalogue/catalogue.routes.js';
import { citizensRoutes } from './citizens/citizens.routes.js';
import { healthRoutes } from './health/health.routes.js';
import { planRoutes } from './plan/plan.routes.js';
import { followUpRoutes } from './plan/follow-up.routes.js';
import { nextStepsRoutes } from './next-steps/next-steps.routes.js';
import { workspaceRoutes } from './workspace/workspace.routes.js';
import { unitCitizensRoutes } from './workspace/unit-citizens.routes.js';
import { coordinationRoutes } from './coordination/coordination.routes.js';
import { flagsRoutes } from './coordination/flags.routes.js';
import { leaderDrilldownRoutes } from './coordination/leader-drilldown.routes.js';
import { inboxRoutes } from './inbox/inbox.routes.js';
import { registerMailer } from './coordination/mailer.js';
import { registerJobQueue } from './jobs/job-queue.js';
import { remindersRoutes } from './reminders/reminders.routes.js';
import { calendarFeedsRoutes } from './calendar-feeds/calendar-feeds.routes.js';
import { referralsRoutes } from './coordination/referrals.routes.js';
import { decisionsRoutes } from './decisions/decisions.routes.js';
import { teamCaseRoutes } from './meetings/team-cases.routes.js';
import { meetingsRoutes } from './meetings/meetings.routes.js';
import { networkMeetingsRoutes } from './meetings/network-meetings.routes.js';
import { proposalsRoutes } from './proposals/proposals.routes.js';
import { isAnonymousPath, loggedPath, logOneLinePerRequest, loggerFor } from './logging.js';
import { registerGracefulClose } from './graceful-close.js';
import { registerMetrics } from './metrics/metrics.routes.js';
import { surveysRoutes } from './surveys/surveys.routes.js';
import { measuresRoutes } from './measures/measures.routes.js';
import { analyticsRoutes } from './analytics/analytics.routes.js';
import { retentionRoutes } from './retention/retention.routes.js';
import { pathwayTemplateRoutes } from './pathway-templates/pathway-templates.routes.js';
import { costsRoutes } from './costs/costs.routes.js';

const WEB_DIST = fileURLToPath(new URL('../../web/dist/', import.meta.url));

export interface BuiltApp {
  app: App;
  context: AppContext;
}

/** Builds the Samspil HTTP application over an open, migrated database. */
export async function buildApp(
  config: Config,
  database: Database,
  logger: FastifyServerOptions['logger'] = loggerFor(config),
  options: { clock?: () => Date } = {},
): Promise<BuiltApp> {
  // Persona login without a password must never face a network: refuse, whoever starts us.
  if (config.demo && !isLoopbackUrl(config.publicUrl)) {
    throw new Error(`Demo mode (persona login) is only for a local machine, not ${config.publicUrl}.`);
  }
  const app = Fastify({
    logger: withSafeSerializers(logger),
    // The pretty format logs one line per request itself (logOneLinePerRequest).
    ...(config.logFormat === 'pretty'
      ? { logController: new LogController({ disableRequestLogging: true }) }
      : {}),
    // Only named proxies may tell us the client's address (audit "from where", rate limits).
    trustProxy: config.trustProxy.length > 0 ? config.trustProxy : false,
    bodyLimit: 256 * 1024,
    // A malformed or over-long URL is answered by the router before any route: still problem
    // details, and never echoing the URL (which could hold personal data).
    frameworkErrors: (error, _request, reply) => {
      const tooLong = error.code === 'FST_ERR_MAX_PARAM_LENGTH';
      void sendProblem(
        reply,
        new Problem(
          tooLong ? 414 : 400,
          tooLong ? 'Address too long' : 'Invalid address',
          tooLong ? 'A part of the address is too long.' : 'The address is not valid.',
        ),
      );
    },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const context: AppContext = {
    config,
    database,
    vault: new CprVault(parseCprKeys(config.cprKeys, config.cprHmacKey)),
    // Batches in flight at once, each on its own audit lane: PostgreSQL's group commit lets one
    // WAL flush carry several; PGlite's one session takes them in turn (audit-writer.ts).
    audit: new AuditWriter(database.db, database.engine === 'postgresql' ? 4 : 2),
    sessions: new SessionStore(database.db, {
      absoluteHours: config.sessionHours,
      idleMinutes: config.sessionIdleMinutes,
    }),
    plans: new PlanStore(database.db),
    clock: options.clock ?? (() => new Date()),
  };
  // Other processes' commits reach this process's caches (plans, grants, sessions).
  const following = await followCacheChanges(database, context);
  app.addHook('onClose', () => following.stop());
  // Before the session and plan caches are read (the auth hook comes later): whatever another
  // process has acknowledged (a write, a logout) is seen here on the very next request.
  app.addHook('onRequest', async (request) => {
    if (isApiRequest(request)) await following.caughtUp();
  });
  registerGracefulClose(app, context);
  if (config.logFormat === 'pretty') logOneLinePerRequest(app);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Samspil API',
        version: '0.1.0',
        description:
          'One coherent plan per citizen across all sectors. Errors are RFC 9457 problem details. ' +
          'Plan writes need If-Match with the plan ETag; state-changing requests need X-Requested-With: samspil.',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'samspil_session' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(cookie);
  // The security headers (CSP, HSTS, …), set by one helmet middleware built once: the Fastify
  // plugin builds a new one, parsing every option, on each request.
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: isLoopbackUrl(config.publicUrl) ? null : [],
      },
    },
    strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true },
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginOpenerPolicy: { policy: 'same-origin' },
    crossOriginResourcePolicy: { policy: 'same-origin' },
  });
  app.addHook('onRequest', (request, reply, done) => {
    securityHeaders(request.raw, reply.raw, (error?: unknown) => done(error as Error | undefined));
  });
  // Counted in the database: every process behind the proxy shares one count per client.
  await app.register(rateLimit, { global: false, store: databaseRateLimitStore(database.db) });
  const hasWebApp = existsSync(`${WEB_DIST}index.html`);
  registerErrorHandling(app, { spaShell: hasWebApp });
  registerAuth(app, context);
  registerInputGuard(app);
  registerCsvBody(app);
  app.addHook('onSend', async (request, reply) => {
    // Personal data must not linger in browser or proxy caches (keyed on the matched route, as auth is).
    if (isApiRequest(request)) reply.header('Cache-Control', 'no-store');
  });

  registerMetrics(app, context);
  healthRoutes(app, context);
  authRoutes(app, context);
  citizensRoutes(app, context);
  planRoutes(app, context);
  followUpRoutes(app, context);
  catalogueRoutes(app, context);
  workspaceRoutes(app, context);
  unitCitizensRoutes(app, context);
  nextStepsRoutes(app, context);
  authAdminRoutes(app, context);
  consentRoutes(app, context);
  breakGlassRoutes(app, context);
  exportRoutes(app, context);
  planPdfRoutes(app, context);
  auditRoutes(app, context);
  flagsRoutes(app, context);
  coordinationRoutes(app, context);
  leaderDrilldownRoutes(app, context);
  referralsRoutes(app, context);
  meetingsRoutes(app, context);
  networkMeetingsRoutes(app, context);
  decisionsRoutes(app, context);
  teamCaseRoutes(app, context);
  proposalsRoutes(app, context);
  surveysRoutes(app, context);
  measuresRoutes(app, context);
  inboxRoutes(app, context);
  analyticsRoutes(app, context);
  costsRoutes(app, context);
  retentionRoutes(app, context);
  remindersRoutes(app, context);
  calendarFeedsRoutes(app, context);
  pathwayTemplateRoutes(app, context);
  registerMailer(app, context);
  registerJobQueue(app, context);

  if (hasWebApp) {
    await app.register(fastifyStatic, {
      root: WEB_DIST,
      wildcard: false,
      index: 'index.html',
      cacheControl: false,
      // Built assets carry a content hash in their names, so they never change: cache them for
      // good. The shell (index.html) must always be fresh, or it would point at old assets.
      setHeaders: (response, path) => {
        response.header(
          'Cache-Control',
          path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
  }
  return { app, context };
}

/**
 * Request log lines without query strings: a query may hold a name searched for or an OpenID
 * Connect authorization code, neither of which belongs in a log.
 */
function withSafeSerializers(logger: FastifyServerOptions['logger']): FastifyServerOptions['logger'] {
  if (!logger || logger === true) return logger;
  return {
    ...(logger as object),
    serializers: {
      // A survey respondent's request is logged without the link's token and without the
      // address it came from: the answers are anonymous (decision 0012).
      req: (request: { method: string; url: string; hostname?: string; ip?: string }) => ({
        method: request.method,
        url: loggedPath(request.url),
        host: request.hostname,
        ...(isAnonymousPath(request.url) ? {} : { remoteAddress: request.ip }),
      }),
    },
  } as FastifyServerOptions['logger'];
}
