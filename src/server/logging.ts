import type { FastifyServerOptions } from 'fastify';
import pretty from 'pino-pretty';
import type { Config } from '../config.js';
import type { App } from './context.js';

/** Paths in logs never carry personal data by design; these fields could, so pino drops them. */
export const LOG_REDACTION = [
  'req.headers.cookie',
  'req.headers.authorization',
  'res.headers["set-cookie"]',
  'req.body',
  '*.cpr',
  '*.password',
  'req.headers["x-forwarded-for"]',
];

/**
 * The server's logger: pino JSON on stdout in production (for a log shipper), or, with
 * SAMSPIL_LOG_FORMAT=pretty (the demo's default), one readable line per event for a person
 * watching a terminal. Both redact the same fields.
 */
export function loggerFor(config: Config): FastifyServerOptions['logger'] {
  const options = { level: config.logLevel, redact: LOG_REDACTION };
  if (config.logFormat === 'json') return options;
  return {
    ...options,
    stream: pretty({
      colorize: Boolean(process.stdout.isTTY),
      singleLine: true,
      translateTime: 'SYS:HH:MM:ss',
      ignore: 'pid,hostname,reqId,req,res,responseTime',
    }),
  } as FastifyServerOptions['logger'];
}

/**
 * In the pretty format Fastify's two request lines (incoming, completed) are replaced by one:
 * `GET /api/citizens/:id/plan 200 4 ms`, with the path as requested but never the query string
 * (a query may hold a name searched for or an OpenID Connect code).
 */
export function logOneLinePerRequest(app: App): void {
  app.addHook('onResponse', async (request, reply) => {
    const path = request.url.split('?')[0];
    request.log.info(`${request.method} ${path} ${reply.statusCode} ${Math.round(reply.elapsedTime)} ms`);
  });
}
