import { REFUSALS, type Refusal } from '../domain/access/refusals.js';

/**
 * Errors the API answers with, as RFC 9457 problem details. Throw a Problem anywhere in a
 * route or command; the error handler turns it (and every other error) into
 * application/problem+json with a human message.
 */
export interface FieldError {
  field: string;
  message: string;
  /** The line of an imported file the problem is on (the header is line 1). */
  line?: number;
}

export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly errors?: FieldError[],
    readonly headers?: Record<string, string>,
  ) {
    super(detail);
  }

  /** A problem type URI other than about:blank, for problems a client answers specially. */
  type?: string;
  /** Extension members sent beside the standard ones (RFC 9457 §3.2). */
  extensions?: Record<string, unknown>;
}

export const problems = {
  unauthenticated: (): Problem => new Problem(401, 'Not logged in', 'Log in to use this part of Samspil.'),
  forbidden: (detail: string): Problem => new Problem(403, 'No access', detail),
  notFound: (what: string): Problem => new Problem(404, 'Not found', `${what} was not found.`),
  badRequest: (detail: string, errors?: FieldError[]): Problem =>
    new Problem(400, 'Invalid request', detail, errors),
  /** One field is wrong: a 400 naming it, in the detail and in `errors` (for the form's summary). */
  field: (field: string, message: string): Problem =>
    new Problem(400, 'Invalid request', `${field} ${message}.`, [{ field, message }]),
  conflict: (detail: string): Problem => new Problem(409, 'Conflict', detail),
  preconditionRequired: (): Problem =>
    new Problem(
      428,
      'If-Match required',
      'Send the plan version you edited in the If-Match header (the ETag of GET …/plan), so no change is lost.',
    ),
  stale: (current: number): Problem =>
    new Problem(
      412,
      'The plan has changed',
      `Someone else changed the plan since you loaded it (it is now version ${current}). Reload it and apply your change again.`,
      undefined,
      { ETag: planEtag(current) },
    ),
};

/** The ETag of a plan version. */
export function planEtag(version: number): string {
  return `"${version}"`;
}

/**
 * The language a user reads refusals in, from Accept-Language: Danish or English, whichever the
 * header ranks first (the web app sends its own language); English, the API's, without a header.
 */
export function languageOf(acceptLanguage: string | string[] | undefined): 'da' | 'en' {
  const header = Array.isArray(acceptLanguage) ? acceptLanguage.join(',') : (acceptLanguage ?? '');
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...parameters] = part.trim().toLowerCase().split(';');
      const q = parameters.find((parameter) => parameter.trim().startsWith('q='));
      return { tag: tag.trim(), q: q ? Number(q.trim().slice(2)) || 0 : 1, index };
    })
    .filter((item) => item.q > 0 && /^(da|en)(-|$)/.test(item.tag))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked[0]?.tag.startsWith('da') ? 'da' : 'en';
}

/**
 * A policy refusal as a 403 problem, the one way every refusal is answered: in the user's
 * language, with the code (a stable name for the refusal) and Content-Language.
 */
export function refusedProblem(
  refusal: Pick<Refusal, 'code'>,
  acceptLanguage: string | string[] | undefined,
): Problem {
  const language = languageOf(acceptLanguage);
  const problem = new Problem(
    403,
    language === 'da' ? 'Ingen adgang' : 'No access',
    REFUSALS[refusal.code][language],
    undefined,
    { 'Content-Language': language },
  );
  problem.extensions = { code: refusal.code };
  return problem;
}
