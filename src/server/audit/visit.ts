import type { FastifyRequest } from 'fastify';

/**
 * One page visit: the web app sends `X-Samspil-Visit` (a random UUID made at each page
 * navigation) with every API call of that page. The audit writer stores it in each record's
 * details, so the citizen's access log can show one entry per visit while the audit trail keeps
 * every read for supervisors (docs/decisions/0010-hidden-details-and-access-log.md).
 * A missing or malformed header is simply no visit: it is advice, never a reason to refuse.
 */
export const VISIT_HEADER = 'x-samspil-visit';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The visit a request belongs to, if its client named one. */
export function visitOf(request: Pick<FastifyRequest, 'headers'>): string | null {
  const header = request.headers[VISIT_HEADER];
  const value = Array.isArray(header) ? header[0] : header;
  return value && UUID.test(value) ? value.toLowerCase() : null;
}

/**
 * Where an audited act came from: the client's address and page visit, for an AuditEntry
 * (`...auditOrigin(request)`). Passed explicitly rather than kept in an AsyncLocalStorage: on
 * Node 20 that turns on async hooks for every promise of the process, a quarter of a plan
 * read's CPU time (docs/performance.md).
 */
export function auditOrigin(request: Pick<FastifyRequest, 'headers' | 'ip'>): {
  clientIp: string;
  visit: string | null;
} {
  return { clientIp: request.ip, visit: visitOf(request) };
}
