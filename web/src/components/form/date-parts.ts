import { daysInMonth } from '../../../../src/domain/calendar.js';
import { FIRST_YEAR, LAST_YEAR } from '../../../../src/domain/common/input-marks.js';

/** The three fields of the DKFDS date pattern, as typed. */
export interface DateParts {
  day: string;
  month: string;
  year: string;
}

/** Why typed parts are not a date, each with its own message (form.date.*). */
export type DateProblem = 'incomplete' | 'notNumber' | 'year' | 'noSuchDate' | 'tooEarly' | 'tooLate';

export type DateParse = { ok: true; iso: string } | { ok: false; problem: DateProblem };

const DIGITS = /^\d+$/;

/**
 * The value a form carries for its date: `YYYY-MM-DD` when the parts make a real day, `''` when
 * all are empty, and otherwise the parts as typed joined by `-` (which no schema accepts), so
 * the form's own validation sees the field as invalid and `parseDateParts(splitDateValue(v))`
 * says why.
 */
export function joinDateParts(parts: DateParts): string {
  const parsed = parseDateParts(parts);
  if (parsed.ok) return parsed.iso;
  return `${parts.year.trim()}-${parts.month.trim()}-${parts.day.trim()}`;
}

/** The parts shown for a form's value (the inverse of `joinDateParts`). */
export function splitDateValue(value: string): DateParts {
  if (value === '') return { day: '', month: '', year: '' };
  const [year = '', month = '', day = ''] = value.split('-');
  return { day, month, year };
}

/**
 * Reads day, month and year as a person types them ("5", "03", "2026") into an ISO day.
 * All empty is no date (`iso: ''`); whether a date is required is the form's rule.
 * `min` and `max` (YYYY-MM-DD) bound the days accepted.
 */
export function parseDateParts(parts: DateParts, bounds: { min?: string; max?: string } = {}): DateParse {
  const day = parts.day.trim();
  const month = parts.month.trim();
  const year = parts.year.trim();
  if (day === '' && month === '' && year === '') return { ok: true, iso: '' };
  if (day === '' || month === '' || year === '') return { ok: false, problem: 'incomplete' };
  if (!DIGITS.test(day) || !DIGITS.test(month) || !DIGITS.test(year))
    return { ok: false, problem: 'notNumber' };
  const y = Number(year);
  if (year.length !== 4 || y < FIRST_YEAR || y > LAST_YEAR) return { ok: false, problem: 'year' };
  const m = Number(month);
  const d = Number(day);
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return { ok: false, problem: 'noSuchDate' };
  const iso = `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  // ISO days compare as strings.
  if (bounds.min && iso < bounds.min) return { ok: false, problem: 'tooEarly' };
  if (bounds.max && iso > bounds.max) return { ok: false, problem: 'tooLate' };
  return { ok: true, iso };
}
