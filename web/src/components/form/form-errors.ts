import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { FIRST_YEAR, ISSUE_MARKS, LAST_YEAR } from '../../../../src/domain/common/input-marks.js';
import { ApiError } from '../../api/client.js';
import { type DateProblem, parseDateParts, splitDateValue } from './date-parts.js';

/** Field name → the message shown under that field. */
export type FieldErrors = Record<string, string>;

/** The zod issue as a person reads it, in the UI language (zod's own messages are English). */
function issueText(issue: z.core.$ZodIssue, t: TFunction): string {
  switch (issue.code) {
    case 'too_small':
      return t('form.errors.required');
    case 'too_big':
      return t('form.errors.tooLong', { max: Number(issue.maximum) });
    case 'invalid_format':
      return issue.format === 'email' ? t('form.errors.email') : t('form.errors.date');
    case 'custom': {
      const mark = (issue.params as { samspil?: string } | undefined)?.samspil;
      if (mark === ISSUE_MARKS.text) return t('form.errors.characters');
      if (mark === ISSUE_MARKS.year) return t('form.errors.year', { first: FIRST_YEAR, last: LAST_YEAR });
      if (mark === ISSUE_MARKS.atLeastOne) return t('form.errors.atLeastOne');
      if (mark === ISSUE_MARKS.requiredUnless) return t('form.errors.requiredUnless');
      return t('form.errors.endBeforeStart');
    }
    default:
      return t('form.errors.invalid');
  }
}

/** A bound as the person types dates: day, month, year. */
function danishDay(iso: string | undefined): string {
  const parts = splitDateValue(iso ?? '');
  return `${parts.day}.${parts.month}.${parts.year}`;
}

/** What is wrong with a date as the person typed it, in their words. */
function dateProblemText(problem: DateProblem, t: TFunction, bounds: { min?: string; max?: string }): string {
  switch (problem) {
    case 'incomplete':
      return t('form.date.incomplete');
    case 'notNumber':
      return t('form.date.notNumber');
    case 'year':
      return t('form.errors.year', { first: FIRST_YEAR, last: LAST_YEAR });
    case 'noSuchDate':
      return t('form.date.noSuchDate');
    case 'tooEarly':
      return t('form.date.tooEarly', { date: danishDay(bounds.min) });
    case 'tooLate':
      return t('form.date.tooLate', { date: danishDay(bounds.max) });
  }
}

/**
 * The error of a date field (the value `DateField` carries), or undefined when it is a day within
 * the bounds, or empty and not required. For forms that do not validate with a Zod schema.
 */
export function dateError(
  value: string,
  t: TFunction,
  options: { required?: boolean; min?: string; max?: string } = {},
): string | undefined {
  if (value === '') return options.required ? t('form.errors.required') : undefined;
  const parsed = parseDateParts(splitDateValue(value), options);
  return parsed.ok ? undefined : dateProblemText(parsed.problem, t, options);
}

/** For a schema's date issue: what is wrong with the typed date, or null if it is a real day. */
function typedDateText(issue: z.core.$ZodIssue, given: unknown, t: TFunction): string | null {
  const dateIssue =
    (issue.code === 'invalid_format' && issue.format === 'date') ||
    (issue.code === 'custom' &&
      (issue.params as { samspil?: string } | undefined)?.samspil === ISSUE_MARKS.year);
  if (!dateIssue || typeof given !== 'string' || given === '') return null;
  const parsed = parseDateParts(splitDateValue(given));
  return parsed.ok ? null : dateProblemText(parsed.problem, t, {});
}

/**
 * Validates with the same Zod schema the API uses; on failure, one message per field.
 * Returns the parsed value when valid.
 */
export function validate<T>(
  schema: z.ZodType<T>,
  input: unknown,
  t: TFunction,
): { ok: true; value: T } | { ok: false; errors: FieldErrors } {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  const errors: FieldErrors = {};
  const given = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? 'form');
    // An empty choice or date is a missing value, whatever rule the schema checks first.
    errors[field] ??=
      given[field] === ''
        ? t('form.errors.required')
        : (typedDateText(issue, given[field], t) ?? issueText(issue, t));
  }
  return { ok: false, errors };
}

/** The API's field errors (problem+json `errors`) mapped onto the form's fields. */
export function apiFieldErrors(error: unknown): FieldErrors {
  if (!(error instanceof ApiError)) return {};
  const errors: FieldErrors = {};
  for (const item of error.problem.errors ?? []) {
    const field = item.field.split('.')[0] ?? item.field;
    errors[field] ??= item.message;
  }
  return errors;
}

/** An empty text field means "nothing", which the API expects as null. */
export function orNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}
