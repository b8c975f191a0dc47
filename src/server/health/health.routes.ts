import { z } from 'zod';
import { migrationStatus } from '../../db/migrate.js';
import { messageOf } from '../../error-message.js';
import type { App, AppContext } from '../context.js';
import { Problem } from '../problem.js';

/** A readiness check that takes longer than this counts as a database that cannot be reached. */
const READY_TIMEOUT_MS = 3_000;

const databaseEngine = z.enum(['pglite', 'postgresql']);

export function healthRoutes(app: App, context: AppContext): void {
  app.get(
    '/healthz',
    {
      config: { public: true },
      schema: {
        tags: ['operations'],
        summary: 'Liveness: the process answers (no database round trip; see /readyz)',
        response: { 200: z.object({ status: z.literal('ok'), database: databaseEngine }) },
      },
    },
    // Liveness only: a database outage must not make a supervisor restart every server process.
    async () => ({ status: 'ok' as const, database: context.database.engine }),
  );

  app.get(
    '/readyz',
    {
      config: { public: true },
      schema: {
        tags: ['operations'],
        summary: 'Readiness: the database answers and every migration of this build is applied (503 if not)',
        response: {
          200: z.object({
            status: z.literal('ready'),
            database: databaseEngine,
            migrations: z.number().int(),
          }),
        },
      },
    },
    async (request) => {
      let status: { applied: number; pending: string[] };
      try {
        status = await withTimeout(migrationStatus(context.database), READY_TIMEOUT_MS);
      } catch (error) {
        request.log.warn({ reason: messageOf(error) }, 'not ready: database');
        throw notReady('The database cannot be reached.');
      }
      const { pending } = status;
      if (pending.length > 0) {
        throw notReady(
          `${pending.length} migration(s) not applied: ${pending.join(', ')}. Run samspil migrate.`,
        );
      }
      return { status: 'ready' as const, database: context.database.engine, migrations: status.applied };
    },
  );

  app.get(
    '/api/openapi.json',
    { config: { public: true }, schema: { hide: true } },
    async (_request, reply) => reply.type('application/json').serializer(JSON.stringify).send(app.swagger()),
  );
}

function notReady(detail: string): Problem {
  return new Problem(503, 'Not ready', detail, undefined, { 'Retry-After': '5' });
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
