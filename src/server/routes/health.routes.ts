import { sql } from 'kysely';
import { z } from 'zod';
import type { App, AppContext } from '../context.js';

export function healthRoutes(app: App, context: AppContext): void {
  app.get(
    '/healthz',
    {
      config: { public: true },
      schema: {
        tags: ['operations'],
        summary: 'Liveness and database reachability',
        response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgresql']) }) },
      },
    },
    async () => {
      await sql`SELECT 1`.execute(context.database.db);
      return { status: 'ok' as const, database: context.database.engine };
    },
  );

  app.get(
    '/api/openapi.json',
    { config: { public: true }, schema: { hide: true } },
    async (_request, reply) => reply.type('application/json').serializer(JSON.stringify).send(app.swagger()),
  );
}
