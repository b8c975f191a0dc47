import type { FastifyInstance } from 'fastify';
import { unstorableReason } from '../../domain/common/text.schemas.js';
import { type FieldError, problems } from '../problem.js';

/**
 * No request reaches a route with a string the database cannot store: a NUL character or a
 * lone UTF-16 surrogate anywhere in the JSON body (values and keys, free text or not), the
 * query string or the path is refused with 400 naming the field. The route schemas say the
 * same for their text fields (with control characters too); this catches every other string,
 * e.g. a rule setting, an enum-looking value or an unknown key, before it meets SQL or jsonb.
 */
export function registerInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const errors = [
      ...unstorableStrings(request.params, 'params'),
      ...unstorableStrings(request.query, 'querystring'),
      ...unstorableStrings(request.body, ''),
    ];
    if (errors.length === 0) return;
    const summary = errors.map((item) => `${item.field}: ${item.message}`).join('; ');
    throw problems.badRequest(summary, errors);
  });
}

const MAX_REPORTED = 10;

/** The strings (and keys) in a parsed value that cannot be stored, with a dotted path each. */
export function unstorableStrings(value: unknown, root: string): FieldError[] {
  const errors: FieldError[] = [];
  // Iterative, not recursive: a body may be nested thousands deep.
  const pending: { value: unknown; path: string }[] = [{ value, path: root }];
  while (pending.length > 0 && errors.length < MAX_REPORTED) {
    const item = pending.pop() as { value: unknown; path: string };
    if (typeof item.value === 'string') {
      const reason = unstorableReason(item.value);
      if (reason) errors.push({ field: item.path || 'body', message: reason });
    } else if (Array.isArray(item.value)) {
      item.value.forEach((element, index) => {
        pending.push({ value: element, path: join(item.path, String(index)) });
      });
    } else if (item.value !== null && typeof item.value === 'object') {
      for (const [key, element] of Object.entries(item.value)) {
        const keyReason = unstorableReason(key);
        if (keyReason) errors.push({ field: join(item.path, '(a key)'), message: `its name ${keyReason}` });
        else pending.push({ value: element, path: join(item.path, key) });
      }
    }
  }
  return errors;
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}
