import { addDays, type Day, isoWeek, weekStart } from '../calendar.js';

/** One ISO week: its Monday and its number ("uge 48"). */
export interface IsoWeekRef {
  start: Day;
  year: number;
  week: number;
}

/** The last `count` ISO weeks up to and including the one `today` is in, oldest first. */
export function lastIsoWeeks(today: Day, count: number): IsoWeekRef[] {
  const current = weekStart(today);
  return Array.from({ length: count }, (_, index) => {
    const start = addDays(current, -7 * (count - 1 - index));
    return { start, ...isoWeek(start) };
  });
}
