import { z } from 'zod';
import { FIRST_YEAR, ISSUE_MARKS, LAST_YEAR } from './input-marks.js';

/**
 * The one way Samspil takes text, dates and date-times from outside (API requests and the web
 * forms, which use the same schemas). Everything refused here would otherwise reach the
 * database and fail there as a 5xx (PostgreSQL cannot store NUL in text, nor a lone UTF-16
 * surrogate in jsonb, nor the year 0), or be stored as something no one can read back.
 *
 * - Text must be well-formed Unicode (no lone surrogate) and hold no control characters;
 *   free text (prose: goals, purposes, reasons, notes) may hold tab and line breaks, a
 *   line (names, titles, references, search words) may not.
 * - Dates are real calendar days (no 2026-02-30) in the years 1900–2200: wide enough for
 *   every date a plan, consent or meeting can hold, narrow enough that a typo like 0202 or
 *   20266 is caught instead of stored.
 */
export { FIRST_YEAR, ISSUE_MARKS, LAST_YEAR };

/** C0 controls except tab, line feed and carriage return; DEL; C1 controls. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL_IN_FREE_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
/** Every control character, line breaks and tab included. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL_IN_LINE = /[\u0000-\u001F\u007F-\u009F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const UNSAFE_TEXT_MESSAGES = {
  surrogate: 'contains a broken character (a lone UTF-16 surrogate); type or paste the text again',
  nul: 'contains a NUL character, which cannot be stored; remove it',
  control: 'contains an invisible control character; remove it',
  lineBreak: 'must be on one line, without line breaks or tabs',
} as const;

/** Why a string from outside cannot be stored anywhere, or null: NUL and lone surrogates. */
export function unstorableReason(value: string): string | null {
  if (LONE_SURROGATE.test(value)) return UNSAFE_TEXT_MESSAGES.surrogate;
  if (value.includes('\u0000')) return UNSAFE_TEXT_MESSAGES.nul;
  return null;
}

function textProblem(value: string, multiline: boolean): string | null {
  const unstorable = unstorableReason(value);
  if (unstorable) return unstorable;
  if (CONTROL_IN_FREE_TEXT.test(value)) return UNSAFE_TEXT_MESSAGES.control;
  if (!multiline && CONTROL_IN_LINE.test(value)) return UNSAFE_TEXT_MESSAGES.lineBreak;
  return null;
}

/** A check that the text can be stored and is free of control characters (see textProblem). */
const safeText =
  (multiline: boolean) =>
  (context: z.core.ParsePayload<string>): void => {
    const problem = textProblem(context.value, multiline);
    if (problem)
      context.issues.push({
        code: 'custom',
        message: problem,
        input: context.value,
        params: { samspil: ISSUE_MARKS.text },
      });
  };

/** A string that is well-formed and free of control characters (tab and line breaks only when multiline). */
function cleanString(max: number, multiline: boolean) {
  return z
    .string({ error: 'must be text' })
    .check(safeText(multiline))
    .trim()
    .max(max, { error: `must be at most ${max} characters` });
}

/** Prose (may hold line breaks and tabs), trimmed, not empty. */
export const freeText = (max: number) => cleanString(max, true).min(1, { error: 'must not be empty' });
/** Prose that may be left out, null or empty. */
export const optionalFreeText = (max: number) => cleanString(max, true).nullable().optional();
/** One line (a name, title, reference or search), trimmed, not empty. */
export const textLine = (max: number) => cleanString(max, false).min(1, { error: 'must not be empty' });
/** One line that may be left out, null or empty. */
export const optionalTextLine = (max: number) => cleanString(max, false).nullable().optional();
/** A token from outside (a code, a state, an identifier): one line, not trimmed, may be empty. */
export const token = (max: number) =>
  z
    .string({ error: 'must be text' })
    .check(safeText(false))
    .max(max, { error: `must be at most ${max} characters` });

/** An http(s) URL (an identity provider's issuer): the URL parser alone lets control characters through. */
export const httpUrl = (max: number) =>
  z
    .url({ protocol: /^https?$/, error: 'must be an http or https URL' })
    .max(max, { error: `must be at most ${max} characters` })
    .check(safeText(false));

const yearIssue = {
  error: `must be in the years ${FIRST_YEAR}–${LAST_YEAR}`,
  params: { samspil: ISSUE_MARKS.year },
};
const yearInRange = (value: string): boolean => {
  const year = Number(value.slice(0, 4));
  return year >= FIRST_YEAR && year <= LAST_YEAR;
};

/** A calendar day YYYY-MM-DD that exists (no 30 February), in the years 1900–2200. */
export const isoDate = z.iso
  .date({ error: 'must be a date in the form YYYY-MM-DD that exists in the calendar' })
  .refine(yearInRange, yearIssue);

/**
 * A moment with its time zone (2026-03-02T10:00:00+01:00 or …Z), a real one, in the years
 * 1900–2200. The year is checked on the instant, so an offset cannot carry it over the edge.
 */
export const isoDateTime = z.iso
  .datetime({ offset: true, error: 'must be a date-time with a time zone, e.g. 2026-03-02T10:00:00+01:00' })
  .refine((value) => {
    const year = new Date(value).getUTCFullYear();
    return yearInRange(value) && year >= FIRST_YEAR && year <= LAST_YEAR;
  }, yearIssue);
