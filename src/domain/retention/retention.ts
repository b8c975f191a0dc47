import { addMonths, type Day } from '../calendar.js';

/**
 * How long a citizen's data is kept after her case ends (a municipality setting), and when it
 * is deleted. Deletion cannot be undone, so it is off until the municipality sets a period, and
 * then it waits for every open thing to close: a case has ended only when nothing is still
 * running. The end is the latest day anything happened in the case, so a late change (an
 * intervention ended a year after the pathway) starts the period again.
 */

/** The shortest and longest period a municipality may set, in months. */
export const RETENTION_MONTHS_MIN = 12;
export const RETENTION_MONTHS_MAX = 1200;

/** What the database knows about one citizen's case, for the retention rule. */
export interface CaseFacts {
  /** Pathways without an end date, interventions not ended, referrals not closed, … */
  openItems: number;
  /** The latest day anything happened in the case (an end date, a meeting, a plan change). */
  lastActivityOn: Day;
}

export type RetentionStatus =
  | { kind: 'open' }
  | { kind: 'kept'; caseEndedOn: Day }
  | { kind: 'due'; caseEndedOn: Day; deletionDueOn: Day }
  | { kind: 'scheduled'; caseEndedOn: Day; deletionDueOn: Day };

/**
 * Where a case stands: still open; ended but kept with no period set ('kept'); ended with its
 * deletion day ahead ('scheduled'); or due for deletion (the day has come).
 */
export function retentionStatus(facts: CaseFacts, months: number | null, today: Day): RetentionStatus {
  if (facts.openItems > 0) return { kind: 'open' };
  const caseEndedOn = facts.lastActivityOn;
  if (months === null) return { kind: 'kept', caseEndedOn };
  const deletionDueOn = addMonths(caseEndedOn, months);
  return deletionDueOn <= today
    ? { kind: 'due', caseEndedOn, deletionDueOn }
    : { kind: 'scheduled', caseEndedOn, deletionDueOn };
}
