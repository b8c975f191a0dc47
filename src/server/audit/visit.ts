import { AsyncLocalStorage } from 'node:async_hooks';
import type { FastifyInstance } from 'fastify';

/**
 * One page visit: the web app sends `X-Samspil-Visit` (a random UUID made at each page
 * navigation) with every API call of that page. The audit writer stores it in each record's
 * details, so the citizen's access log can show one entry per visit while the audit trail keeps
 * every read for supervisors (docs/decisions/0010-hidden-details-and-access-log.md).
 * A missing or malformed header is simply no visit: it is advice, never a reason to refuse.
 */
export const VISIT_HEADER = 'x-samspil-visit';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const storage = new AsyncLocalStorage<{ visit: string | null }>();

/** The visit of the request being handled, if its client named one. */
export function currentVisit(): string | null {
  return storage.getStore()?.visit ?? null;
}

/** Runs the rest of every request inside its visit's context (a callback hook, so it spans the request). */
export function registerVisits(app: FastifyInstance): void {
  app.addHook('onRequest', (request, _reply, done) => {
    const header = request.headers[VISIT_HEADER];
    const value = Array.isArray(header) ? header[0] : header;
    storage.run({ visit: value && UUID.test(value) ? value.toLowerCase() : null }, done);
  });
}
