import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { App, AppContext } from '../context.js';
import { Problem } from '../problem.js';
import { auditQueueSources, httpRequestDuration, poolSources, registry } from './metrics.js';

/**
 * Prometheus metrics at /metrics, and the request histogram behind them. Served to this
 * machine without more ado (a scraper or exporter beside the server); from anywhere else only
 * with `Authorization: Bearer $SAMSPIL_METRICS_TOKEN`. A request that came through a proxy
 * (X-Forwarded-For, Forwarded) is never "this machine", even from a proxy on loopback.
 */
export function registerMetrics(app: App, context: AppContext): void {
  const stopQueue = auditQueueSources.add(() => context.audit.pending);
  const stopPool = poolSources.add(() => context.database.poolStats());
  app.addHook('onClose', async () => {
    stopQueue();
    stopPool();
  });

  app.addHook('onResponse', async (request, reply) => {
    httpRequestDuration.observe(
      { method: request.method, route: routeLabel(request), status_code: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });

  const token = context.config.metricsToken;
  app.get(
    '/metrics',
    {
      config: { public: true },
      schema: {
        tags: ['operations'],
        summary: 'Prometheus metrics (from this machine, or with the configured bearer token)',
      },
    },
    async (request, reply) => {
      if (!(token && hasToken(request, token)) && !fromThisMachine(request)) {
        throw token
          ? new Problem(
              401,
              'Token required',
              'Metrics are served to other machines only with the configured bearer token.',
              undefined,
              { 'WWW-Authenticate': 'Bearer realm="samspil-metrics"' },
            )
          : new Problem(
              403,
              'No access',
              'Metrics are served to this machine only (set SAMSPIL_METRICS_TOKEN to scrape from elsewhere).',
            );
      }
      const body = await registry.metrics();
      return reply.type(registry.contentType).serializer(String).send(body);
    },
  );
}

/** The matched route pattern (never the raw URL, which may hold ids); one label for the rest. */
function routeLabel(request: FastifyRequest): string {
  const pattern = request.routeOptions.url;
  if (!pattern) return 'unmatched';
  if (pattern.startsWith('/assets/')) return '/assets/*';
  return pattern;
}

function fromThisMachine(request: FastifyRequest): boolean {
  if (request.headers['x-forwarded-for'] !== undefined || request.headers.forwarded !== undefined)
    return false;
  const address = request.socket.remoteAddress ?? '';
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}

function hasToken(request: FastifyRequest, token: string): boolean {
  const header = request.headers.authorization ?? '';
  if (!header.startsWith('Bearer ')) return false;
  const digest = (text: string): Buffer => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(header.slice('Bearer '.length)), digest(token));
}
