import { addMonths as addCalendarMonths } from '../domain/calendar.js';

/**
 * Dates as whole days since 1970-01-01 (UTC). The generator does its arithmetic on day numbers
 * and formats them only when writing, so no time zone can shift a date. Month arithmetic is the
 * calendar's (src/domain/calendar.ts); the rest converts between day numbers and days.
 */
const MS_PER_DAY = 86_400_000;

/** Day number of a 'YYYY-MM-DD' date. */
export function parseDay(iso: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) throw new Error(`Not a date in the form YYYY-MM-DD: ${iso}`);
  const [, year, month, day] = match as unknown as [string, string, string, string];
  const time = Date.UTC(Number(year), Number(month) - 1, Number(day));
  const check = new Date(time);
  if (check.getUTCDate() !== Number(day)) throw new Error(`Not a calendar date: ${iso}`);
  return Math.round(time / MS_PER_DAY);
}

/** 'YYYY-MM-DD' of a day number. */
export function formatDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** A timestamp (ISO 8601, UTC) on the given day at the given minute of the day. */
export function formatTimestamp(day: number, minuteOfDay = 0): string {
  return new Date(day * MS_PER_DAY + minuteOfDay * 60_000).toISOString();
}

/** Milliseconds since the epoch at the start of a day. */
export function dayToMs(day: number): number {
  return day * MS_PER_DAY;
}

/** The calendar year a day falls in. */
export function yearOf(day: number): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}

/** Day number of 1 January of a year. */
export function startOfYear(year: number): number {
  return Math.round(Date.UTC(year, 0, 1) / MS_PER_DAY);
}

/** Adds whole calendar months, clamping to the end of a shorter month (the calendar's rule). */
export function addMonths(day: number, months: number): number {
  return parseDay(addCalendarMonths(formatDay(day), months));
}

/** The parts of [from, to] (inclusive days) that fall in each calendar year. */
export function splitByYear(from: number, to: number): { year: number; from: number; to: number }[] {
  const parts: { year: number; from: number; to: number }[] = [];
  let cursor = from;
  while (cursor <= to) {
    const year = yearOf(cursor);
    const end = Math.min(to, startOfYear(year + 1) - 1);
    parts.push({ year, from: cursor, to: end });
    cursor = end + 1;
  }
  return parts;
}
