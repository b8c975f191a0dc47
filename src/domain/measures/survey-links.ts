/**
 * How long an unused survey link can be answered. A round is open for weeks, not months; a link
 * left in an old e-mail should not open a survey a year later, so it expires, and the hourly
 * retention job deletes the expired rows (they hold only a token hash and the group).
 */
export const SURVEY_LINK_VALID_DAYS = 60;

const DAY_MS = 24 * 60 * 60 * 1000;

/** The earliest issue time of a link still usable at `now`. */
export function surveyLinksIssuedAfter(now: Date): Date {
  return new Date(now.getTime() - SURVEY_LINK_VALID_DAYS * DAY_MS);
}
