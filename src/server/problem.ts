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
