import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  danishMoment,
  danishToday,
  daysBetween,
  daysInMonth,
  isDay,
  isoWeek,
  momentPlusDays,
  monthStart,
  weekStart,
  yearOf,
} from './calendar.js';

describe('danishToday', () => {
  it('is the Danish day, not the UTC day, between midnight and 02:00 Danish time', () => {
    // 00:30 Danish summer time on 1 July is 22:30 UTC on 30 June.
    expect(danishToday(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01');
    // 00:30 Danish winter time on 1 December is 23:30 UTC on 30 November.
    expect(danishToday(new Date('2026-11-30T23:30:00Z'))).toBe('2026-12-01');
    // 23:30 Danish time is still the same day.
    expect(danishToday(new Date('2026-12-01T22:30:00Z'))).toBe('2026-12-01');
  });

  it('turns at Danish midnight to the millisecond, also when asked again within the minute', () => {
    // Midnight before 25 October 2026 (summer time) is 22:00 UTC; before 1 December, 23:00 UTC.
    expect(danishToday(new Date('2026-10-24T21:59:59.999Z'))).toBe('2026-10-24');
    expect(danishToday(new Date('2026-10-24T22:00:00.000Z'))).toBe('2026-10-25');
    expect(danishToday(new Date('2026-10-24T22:00:59.999Z'))).toBe('2026-10-25');
    expect(danishToday(new Date('2026-10-24T21:59:00.000Z'))).toBe('2026-10-24');
    expect(danishToday(new Date('2026-11-30T22:59:59.999Z'))).toBe('2026-11-30');
    expect(danishToday(new Date('2026-11-30T23:00:00.000Z'))).toBe('2026-12-01');
    expect(() => danishToday(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('day arithmetic', () => {
  it('adds days across months, years and a daylight-saving change', () => {
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30'); // DST starts 29 March 2026
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
  });

  it('adds months, clamped to the last day of a shorter month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-08-15', 6)).toBe('2027-02-15');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
  });

  it('counts whole days between two days, across a daylight-saving change', () => {
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-10-24', '2026-10-26')).toBe(2); // DST ends 25 October 2026
    expect(daysBetween('2026-12-02', '2026-11-25')).toBe(-7);
  });
});

describe('months and years', () => {
  it('finds the year, the first of the month and the days in a month', () => {
    expect(yearOf('2026-12-31')).toBe(2026);
    expect(monthStart('2026-12-31')).toBe('2026-12-01');
    expect(monthStart('2026-12-01')).toBe('2026-12-01');
    expect(daysInMonth(2026, 2)).toBe(28);
    expect(daysInMonth(2028, 2)).toBe(29);
    expect(daysInMonth(2026, 12)).toBe(31);
    expect(daysInMonth(2026, 4)).toBe(30);
  });
});

describe('momentPlusDays', () => {
  it('adds whole 24-hour days to a moment, so the Danish clock time moves across a DST change', () => {
    expect(momentPlusDays(new Date('2026-12-01T09:00:00Z'), 14).toISOString()).toBe(
      '2026-12-15T09:00:00.000Z',
    );
    expect(momentPlusDays(new Date('2026-12-01T09:00:00Z'), -366).toISOString()).toBe(
      '2025-11-30T09:00:00.000Z',
    );
    // 10:00 Danish summer time on 20 October, two weeks on: 09:00 Danish winter time.
    expect(momentPlusDays(new Date('2026-10-20T08:00:00Z'), 14).toISOString()).toBe(
      '2026-11-03T08:00:00.000Z',
    );
  });
});

describe('weeks', () => {
  it('starts a week on Monday', () => {
    expect(weekStart('2026-12-02')).toBe('2026-11-30'); // a Wednesday
    expect(weekStart('2026-11-30')).toBe('2026-11-30');
    expect(weekStart('2026-12-06')).toBe('2026-11-30'); // a Sunday
  });

  it('numbers weeks as ISO 8601 does, including week 53 and week 1 in the old year', () => {
    expect(isoWeek('2026-12-02')).toEqual({ year: 2026, week: 49 });
    expect(isoWeek('2026-12-31')).toEqual({ year: 2026, week: 53 }); // 2026 has 53 weeks
    expect(isoWeek('2027-01-03')).toEqual({ year: 2026, week: 53 });
    expect(isoWeek('2024-12-30')).toEqual({ year: 2025, week: 1 });
  });
});

describe('isDay', () => {
  it('accepts real days and refuses impossible ones and year 0', () => {
    expect(isDay('2028-02-29')).toBe(true);
    expect(isDay('2026-02-29')).toBe(false);
    expect(isDay('2026-02-31')).toBe(false);
    expect(isDay('0000-01-01')).toBe(false);
    expect(isDay('2026-2-3')).toBe(false);
  });
});

describe('danishMoment', () => {
  it('is the moment the Danish clock shows the time, in winter and in summer', () => {
    expect(danishMoment('2026-01-15', 9).toISOString()).toBe('2026-01-15T08:00:00.000Z');
    expect(danishMoment('2026-07-15', 9, 30).toISOString()).toBe('2026-07-15T07:30:00.000Z');
    // The days of the changes: 29 March and 25 October 2026.
    expect(danishMoment('2026-03-29', 9).toISOString()).toBe('2026-03-29T07:00:00.000Z');
    expect(danishMoment('2026-10-25', 9).toISOString()).toBe('2026-10-25T08:00:00.000Z');
  });
});
