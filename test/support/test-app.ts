import { randomBytes } from 'node:crypto';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { loadConfig } from '../../src/config.js';
import { buildApp } from '../../src/server/app.js';
import type { App, AppContext } from '../../src/server/context.js';
import { SESSION_COOKIE } from '../../src/server/plugins/auth.js';
import { Factories } from './factories.js';
import { createTestDatabase } from './test-database.js';

export interface TestApp {
  app: App;
  context: AppContext;
  factories: Factories;
  /** A session cookie for a professional or citizen. */
  login(subject: { municipalityId: string; kind: 'professional' | 'citizen'; id: string }): Promise<string>;
  /** app.inject with a session cookie and the CSRF header set. */
  request(cookie: string | null, options: InjectOptions): Promise<LightMyRequestResponse>;
  dispose(): Promise<void>;
}

/** A Samspil app on a fresh database of the engine under test, silent, with random CPR keys. */
export async function startTestApp(options: { demo?: boolean } = {}): Promise<TestApp> {
  const { database, dispose } = await createTestDatabase();
  const config = loadConfig(
    {
      SAMSPIL_CPR_KEYS: `1:${randomBytes(32).toString('base64')}`,
      SAMSPIL_CPR_HMAC_KEY: randomBytes(32).toString('base64'),
      LOG_LEVEL: 'silent',
    },
    { demo: options.demo ?? false },
  );
  const { app, context } = await buildApp(config, database, false);
  await app.ready();
  return {
    app,
    context,
    factories: new Factories(database.db, context.vault),
    async login(subject) {
      const session = await context.sessions.create({ ...subject, persona: null });
      return `${SESSION_COOKIE}=${session.token}`;
    },
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
    },
  };
}
