import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { databaseUnavailable } from '../../db/database-errors.js';
import { type FieldError, Problem } from '../problem.js';

/**
 * One error handler for the whole API: everything becomes application/problem+json.
 * With `spaShell`, other GETs outside the API get the web app's index.html (client routes).
 */
export function registerErrorHandling(app: FastifyInstance, options: { spaShell?: boolean } = {}): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof Problem) return sendProblem(reply, error);
    if (hasZodFastifySchemaValidationErrors(error)) {
      const errors: FieldError[] = error.validation.map((issue) => ({
        field: fieldName(error.validationContext, issue.instancePath),
        message: issue.message ?? 'is invalid',
      }));
      const summary = errors.map((item) => `${item.field}: ${item.message}`).join('; ');
      return sendProblem(reply, new Problem(400, 'Invalid request', summary, errors));
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      // Fastify's own 4xx (bad JSON, too large a body, unsupported media type, rate limit).
      return sendProblem(reply, new Problem(status, titleFor(status), humanise(error)));
    }
    const unavailable = databaseUnavailable(error);
    if (unavailable) {
      request.log.error(
        { reason: error.message, code: (error as { code?: string }).code },
        'database unavailable',
      );
      return sendProblem(
        reply,
        new Problem(
          503,
          'Service unavailable',
          unavailable === 'disk-full'
            ? 'The database has no space left. Nothing was saved. Try again later.'
            : 'The database cannot be reached right now. Nothing was saved. Try again in a moment.',
          undefined,
          { 'Retry-After': '5' },
        ),
      );
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(
      reply,
      new Problem(500, 'Internal error', 'Something went wrong on our side. Nothing was saved. Try again.'),
    );
  });

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    if (
      options.spaShell &&
      request.method === 'GET' &&
      !path.startsWith('/api/') &&
      !path.startsWith('/fhir/')
    ) {
      return reply.sendFile('index.html');
    }
    return sendProblem(reply, new Problem(404, 'Not found', `There is no ${request.method} ${path}.`));
  });
}

export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  if (problem.headers) reply.headers(problem.headers);
  return reply
    .code(problem.status)
    .type('application/problem+json')
    .serializer(JSON.stringify)
    .send({
      ...problem.extensions,
      type: problem.type ?? 'about:blank',
      title: problem.title,
      status: problem.status,
      detail: problem.detail,
      ...(problem.errors ? { errors: problem.errors } : {}),
    });
}

function fieldName(context: string | undefined, instancePath: string): string {
  const path = instancePath.replace(/^\//, '').replaceAll('/', '.');
  const where = context === 'body' ? '' : `${context ?? 'request'}`;
  if (!path) return where || 'body';
  return where ? `${where}.${path}` : path;
}

function titleFor(status: number): string {
  if (status === 413) return 'Request too large';
  if (status === 415) return 'Unsupported media type';
  if (status === 429) return 'Too many requests';
  return 'Invalid request';
}

function humanise(error: FastifyError): string {
  if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError) {
    return 'The request body is not valid JSON.';
  }
  if (error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return 'The request body is empty; send a JSON object.';
  return error.message;
}
