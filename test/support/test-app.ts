import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import type { FastifyServerOptions, InjectOptions, LightMyRequestResponse } from 'fastify';
import { loadConfig } from '../../src/config.js';
import type { Actor } from '../../src/domain/access/policy.js';
import { buildApp } from '../../src/server/app.js';
import { LOG_REDACTION } from '../../src/server/logging.js';
import type { App, AppContext } from '../../src/server/context.js';
import { SESSION_COOKIE } from '../../src/server/plugins/auth.js';
import { Factories } from './factories.js';
import type { Database } from '../../src/db/database.js';
import { createTestDatabase } from './test-database.js';

export interface TestApp {
  app: App;
  context: AppContext;
  factories: Factories;
  /** A session cookie for a professional or citizen. */
  login(subject: { municipalityId: string; kind: 'professional' | 'citizen'; id: string }): Promise<string>;
  /** A session cookie and its actor, for tests that call commands directly besides the API. */
  signIn(subject: {
    municipalityId: string;
    kind: 'professional' | 'citizen';
    id: string;
  }): Promise<{ cookie: string; actor: Actor }>;
  /** app.inject with a session cookie and the CSRF header set. */
  request(cookie: string | null, options: InjectOptions): Promise<LightMyRequestResponse>;
  /** Every log line the app wrote (pino JSON), captured for scanning. */
  logs: string[];
  /** Every request URL the app answered without an error. */
  urls: string[];
  /**
   * Closes the app; first fails when a CPR number made by the factories appeared in a log
   * line or a URL (so every API test file checks this, for the whole run).
   */
  dispose(): Promise<void>;
}

/** Where a known CPR number leaked: in a log line or a URL. Empty when none did. */
export function findCprLeaks(
  cprs: Iterable<string>,
  haystacks: { logs: string[]; urls: string[] },
): string[] {
  const leaks: string[] = [];
  for (const cpr of cprs) {
    const forms = [cpr, `${cpr.slice(0, 6)}-${cpr.slice(6)}`];
    for (const line of haystacks.logs)
      if (forms.some((form) => line.includes(form))) leaks.push(`log: ${line.slice(0, 200)}`);
    for (const url of haystacks.urls) {
      const decoded = safeDecode(url);
      if (forms.some((form) => decoded.includes(form))) leaks.push(`url: ${url.slice(0, 200)}`);
    }
  }
  return leaks;
}

function safeDecode(url: string): string {
  try {
    return decodeURIComponent(url);
  } catch {
    return url;
  }
}

/** A Samspil app on a fresh database of the engine under test, silent, with random CPR keys. */
export async function startTestApp(
  options: {
    demo?: boolean;
    env?: Record<string, string>;
    publicUrl?: string;
    /** Another app's database: a second server process on the same data (kept open on dispose). */
    database?: Database;
    /** The app's clock (context.clock); the real time when left out. */
    clock?: () => Date;
  } = {},
): Promise<TestApp> {
  const { database, dispose } = options.database
    ? { database: options.database, dispose: async () => undefined }
    : await createTestDatabase();
  const config = loadConfig(
    {
      SAMSPIL_CPR_KEYS: `1:${randomBytes(32).toString('base64')}`,
      SAMSPIL_CPR_HMAC_KEY: randomBytes(32).toString('base64'),
      LOG_LEVEL: 'info',
      // Tests run due jobs themselves (context's job worker), at the time they choose.
      SAMSPIL_JOB_POLL_SECONDS: '0',
      ...options.env,
    },
    { demo: options.demo ?? false, ...(options.publicUrl ? { publicUrl: options.publicUrl } : {}) },
  );
  // The app logs as in production (info, with its redaction) into memory, to be scanned.
  const logs: string[] = [];
  const urls: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback): void {
      logs.push(chunk.toString('utf8'));
      callback();
    },
  });
  const { app, context } = await buildApp(
    config,
    database,
    {
      level: 'info',
      redact: LOG_REDACTION,
      stream,
    } as FastifyServerOptions['logger'],
    options.clock ? { clock: options.clock } : {},
  );
  // URLs the app accepted (a refusal of a CPR in a URL, tested on purpose, is not a leak).
  app.addHook('onResponse', async (request, reply) => {
    if (reply.statusCode < 400) urls.push(request.url);
  });
  await app.ready();
  // A record a factory writes into a plan is in the app's plan cache at once, as a route's would be.
  const factories = new Factories(database.db, context.vault, (municipalityId, citizenId, row) => {
    context.plans.put(municipalityId, row);
    context.plans.grants.invalidate(municipalityId, citizenId);
  });
  const signIn: TestApp['signIn'] = async (subject) => {
    const session = await context.sessions.create({ ...subject, persona: null });
    if (!session.actor) throw new Error(`${subject.kind} ${subject.id} has no actor`);
    return { cookie: `${SESSION_COOKIE}=${session.token}`, actor: session.actor };
  };
  return {
    app,
    context,
    factories,
    logs,
    urls,
    async login(subject) {
      // No actor check: a test may log in someone the server then refuses (a disabled account).
      const session = await context.sessions.create({ ...subject, persona: null });
      return `${SESSION_COOKIE}=${session.token}`;
    },
    signIn,
    request(cookie, injectOptions) {
      return app.inject({
        ...injectOptions,
        headers: {
          'x-requested-with': 'samspil',
          ...(cookie ? { cookie } : {}),
          ...injectOptions.headers,
        },
      });
    },
    async dispose() {
      await app.close();
      await dispose();
      const leaks = findCprLeaks(factories.cprs, { logs, urls });
      if (leaks.length > 0) throw new Error(`CPR numbers leaked into logs or URLs:\n${leaks.join('\n')}`);
    },
  };
}
