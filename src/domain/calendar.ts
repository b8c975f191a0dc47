/**
 * Danish calendar days, the one place Samspil does date arithmetic (server, CLI and web).
 *
 * A day is a string `YYYY-MM-DD`: the form the API, the database's `date` columns and the
 * DKFDS date fields use. "Today" is always the day in Europe/Copenhagen, never the UTC day:
 * between 00:00 and 02:00 Danish time (01:00 in winter) the UTC date is still yesterday's, and a
 * consent's validity or an intervention's end date would be a day off. Arithmetic on days is
 * done in UTC, where every day has 24 hours, so a daylight-saving change never moves a date.
 * Functions that need "now" take it as a parameter (an injected clock), so tests can set it.
 */
export type Day = string;

const TIME_ZONE = 'Europe/Copenhagen';
const MS_PER_DAY = 86_400_000;
/** Made once: each new Intl formatter costs about 0.3 ms. */
const DANISH_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE });

const MS_PER_MINUTE = 60_000;
/** The last minute asked for and its day: a plan read asks once per intervention (consent). */
let lastMinute = Number.NaN;
let lastDay: Day = '';

/** The Danish calendar day a moment falls on (today, by default). */
export function danishToday(now: Date = new Date()): Day {
  // Danish days begin on a whole hour of UTC, so every moment of one UTC minute has one day.
  const minute = Math.floor(now.getTime() / MS_PER_MINUTE);
  if (minute !== lastMinute) {
    lastDay = DANISH_DAY.format(now);
    lastMinute = minute;
  }
  return lastDay;
}

function utcMidnight(day: Day): number {
  return Date.parse(`${day}T00:00:00Z`);
}

function fromUtc(milliseconds: number): Day {
  return new Date(milliseconds).toISOString().slice(0, 10);
}

/** `day` plus `days` calendar days (negative goes back). */
export function addDays(day: Day, days: number): Day {
  return fromUtc(utcMidnight(day) + days * MS_PER_DAY);
}

/** `day` plus `months` calendar months, clamped to the month's last day (31 Jan + 1 → 28/29 Feb). */
export function addMonths(day: Day, months: number): Day {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date, last));
  return target.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (`to` − `from`; negative when `to` is earlier). */
export function daysBetween(from: Day, to: Day): number {
  return Math.round((utcMidnight(to) - utcMidnight(from)) / MS_PER_DAY);
}

/** The year a day is in. */
export function yearOf(day: Day): number {
  return Number(day.slice(0, 4));
}

/** The first day of the month `day` is in. */
export function monthStart(day: Day): Day {
  return `${day.slice(0, 7)}-01`;
}

/** How many days month `month` (1–12) of `year` has. */
export function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The moment `days` × 24 hours after `moment` (negative goes back): elapsed time, for a deadline
 * counted from a moment (a meeting's start), not a calendar day. Across a daylight-saving change
 * its clock time moves by an hour; for a day, use `addDays`.
 */
export function momentPlusDays(moment: Date, days: number): Date {
  return new Date(moment.getTime() + days * MS_PER_DAY);
}

const DANISH_CLOCK = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/**
 * The moment the Danish clock shows `hour`:`minute` on `day` (a reminder "the day before at
 * 9"). Denmark is one or two hours ahead of UTC; the offset that gives that clock time is it.
 * An hour skipped by the spring change (02:xx) gives the moment an hour later.
 */
export function danishMoment(day: Day, hour: number, minute = 0): Date {
  const wall = utcMidnight(day) + (hour * 60 + minute) * 60_000;
  const wanted = `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
  for (const offsetHours of [1, 2]) {
    const candidate = new Date(wall - offsetHours * 3_600_000);
    if (DANISH_CLOCK.format(candidate) === wanted && danishToday(candidate) === day) return candidate;
  }
  return new Date(wall - 3_600_000);
}

/** The Monday of the ISO week `day` is in (Danish weeks start on Monday). */
export function weekStart(day: Day): Day {
  const weekday = (new Date(utcMidnight(day)).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return addDays(day, -weekday);
}

/** The ISO 8601 week number and its year ("uge 1" is the week with the year's first Thursday). */
export function isoWeek(day: Day): { year: number; week: number } {
  const thursday = addDays(weekStart(day), 3);
  const year = yearOf(thursday);
  const week = Math.floor(daysBetween(`${year}-01-01`, thursday) / 7) + 1;
  return { year, week };
}

/** Whether `text` is a real calendar day written YYYY-MM-DD (year 1 or later: 31/2 is not). */
export function isDay(text: string): text is Day {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || text.startsWith('0000')) return false;
  const parsed = utcMidnight(text);
  return Number.isFinite(parsed) && fromUtc(parsed) === text;
}

const DAY_IN_WORDS = {
  da: new Intl.DateTimeFormat('da-DK', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
} as const;

/** A day as a sentence writes it: "30. oktober 2026", "30 October 2026". */
export function dayInWords(day: Day, language: 'da' | 'en'): string {
  return DAY_IN_WORDS[language].format(utcMidnight(day));
}
