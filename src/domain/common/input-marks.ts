/**
 * The bounds and issue marks of the shared text and date schemas (text.schemas.ts), apart from
 * them so the web app can name them without loading Zod at start.
 */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2200;

/** Marks (issue.params.samspil) of the shared schemas' custom issues, so a form can say them in its language. */
export const ISSUE_MARKS = {
  text: 'unsafe-text',
  year: 'year-out-of-range',
  /** Of several optional answers, at least one is needed (a meeting's preparation). */
  atLeastOne: 'at-least-one',
  /** A text needed unless a box is ticked (a comment, unless it approves). */
  requiredUnless: 'required-unless',
} as const;
