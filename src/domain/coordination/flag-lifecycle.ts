import { addDays, type Day, isDay } from '../calendar.js';

/**
 * The life of a rule-made coordination flag (docs/decisions/0014-flag-lifecycle.md):
 * - it opens when a rule finds its cause and closes by itself when the cause is gone, at the next
 *   scan or right after the plan change that removed it;
 * - a person may not mark it resolved while its cause remains (the banner would say the same
 *   thing a moment later); they act on the cause, or DISMISS the flag with a reason and a return
 *   date;
 * - a dismissed flag whose cause is still there on its return date opens again; one whose cause
 *   goes away meanwhile closes by itself like any other.
 */

/** How far ahead a dismissal may reach: a flag is looked at again at least once a year. */
export const MAX_DISMISSAL_DAYS = 366;

/** Why a person's act on a flag is refused, with the field it concerns. */
export interface LifecycleRefusal {
  field: 'returnDate' | 'reason' | 'status';
  code:
    | 'return-date-missing'
    | 'return-date-not-future'
    | 'return-date-too-far'
    | 'reason-missing'
    | 'cause-remains';
  message: string;
}

/** Checks a dismissal: a reason, and a return date after today and within MAX_DISMISSAL_DAYS. */
export function checkDismissal(
  input: { reason: string; returnDate: string | null | undefined },
  today: Day,
): LifecycleRefusal | null {
  if (input.reason.trim() === '')
    return { field: 'reason', code: 'reason-missing', message: 'must say why the flag is dismissed' };
  if (!input.returnDate || !isDay(input.returnDate))
    return {
      field: 'returnDate',
      code: 'return-date-missing',
      message: 'must be the day (YYYY-MM-DD) the flag returns if its cause remains',
    };
  if (input.returnDate <= today)
    return { field: 'returnDate', code: 'return-date-not-future', message: 'must be after today' };
  if (input.returnDate > addDays(today, MAX_DISMISSAL_DAYS))
    return {
      field: 'returnDate',
      code: 'return-date-too-far',
      message: `must be within ${MAX_DISMISSAL_DAYS} days`,
    };
  return null;
}

/** A person's "resolved": allowed only when the rules no longer find the flag's cause. */
export function checkPersonResolve(causeRemains: boolean): LifecycleRefusal | null {
  return causeRemains
    ? {
        field: 'status',
        code: 'cause-remains',
        message:
          'The cause of this flag is still in the plan, so it cannot be marked resolved: change the plan, or dismiss the flag with a reason and a return date.',
      }
    : null;
}

/** Whether a dismissed flag comes back today: its return date has come and its cause is still found. */
export function dismissalReturns(dismissedUntil: Day | null, today: Day, causeFound: boolean): boolean {
  return causeFound && dismissedUntil !== null && dismissedUntil <= today;
}
