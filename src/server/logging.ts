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
 * Paths whose last parts are a secret: a survey invitation link's token, or a calendar link's,
 * is the whole grant, so it is never written down (the API's path and the web page the link opens).
 */
const SECRET_PATHS = [/^(\/api\/survey-invitations\/)[^/]*/, /^(\/svar\/)[^/]*/, /^(\/api\/calendar\/)[^/]*/];

/**
 * A request's path as it may be logged: never the query string (a query may hold a name
 * searched for or an OpenID Connect code), and a survey link's token replaced by `:token`.
 * Matched on the decoded path too, so an encoded slash or letter does not step around it.
 */
export function loggedPath(url: string): string {
  const path = url.split('?')[0] ?? '';
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // A malformed escape: match the path as sent.
  }
  for (const secret of SECRET_PATHS) {
    if (secret.test(decoded)) return decoded.replace(secret, '$1:token');
    if (secret.test(path)) return path.replace(secret, '$1:token');
  }
  return path;
}

/** Whether a request is a respondent's through an invitation link (its address is not logged). */
export function isAnonymousPath(url: string): boolean {
  return loggedPath(url) !== (url.split('?')[0] ?? '');
}

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
 * `GET /api/citizens/:id/plan 200 4 ms`, with the path as requested (`loggedPath`: no query
 * string, no survey link token).
 */
export function logOneLinePerRequest(app: App): void {
  app.addHook('onResponse', async (request, reply) => {
    const path = loggedPath(request.url);
    request.log.info(`${request.method} ${path} ${reply.statusCode} ${Math.round(reply.elapsedTime)} ms`);
  });
}
