import { describe, expect, it } from 'vitest';
import { joinDateParts, parseDateParts, splitDateValue } from './date-parts.js';

const parts = (day: string, month: string, year: string) => ({ day, month, year });

describe('the DKFDS date pattern: day, month and year typed apart', () => {
  it('reads a day as typed, with or without leading zeros and spaces', () => {
    expect(parseDateParts(parts('5', '3', '2026'))).toEqual({ ok: true, iso: '2026-03-05' });
    expect(parseDateParts(parts(' 05', '03 ', '2026'))).toEqual({ ok: true, iso: '2026-03-05' });
    expect(parseDateParts(parts('29', '2', '2028'))).toEqual({ ok: true, iso: '2028-02-29' });
  });

  it('treats three empty fields as no date, and one or two as incomplete', () => {
    expect(parseDateParts(parts('', '', ''))).toEqual({ ok: true, iso: '' });
    expect(parseDateParts(parts('5', '', '2026'))).toEqual({ ok: false, problem: 'incomplete' });
    expect(parseDateParts(parts('', '', '2026'))).toEqual({ ok: false, problem: 'incomplete' });
  });

  it('says a day that does not exist does not exist', () => {
    for (const [day, month, year] of [
      ['31', '4', '2026'],
      ['29', '2', '2026'],
      ['30', '2', '2028'],
      ['0', '1', '2026'],
      ['1', '13', '2026'],
      ['1', '0', '2026'],
    ] as const) {
      expect(parseDateParts(parts(day, month, year)), `${day}.${month}.${year}`).toEqual({
        ok: false,
        problem: 'noSuchDate',
      });
    }
  });

  it('wants digits, and a four-digit year within the schemas’ range', () => {
    expect(parseDateParts(parts('5a', '3', '2026'))).toEqual({ ok: false, problem: 'notNumber' });
    expect(parseDateParts(parts('5', 'marts', '2026'))).toEqual({ ok: false, problem: 'notNumber' });
    expect(parseDateParts(parts('5', '3', '26'))).toEqual({ ok: false, problem: 'year' });
    expect(parseDateParts(parts('5', '3', '0202'))).toEqual({ ok: false, problem: 'year' });
    expect(parseDateParts(parts('5', '3', '2201'))).toEqual({ ok: false, problem: 'year' });
  });

  it('keeps to the earliest and latest day given', () => {
    const bounds = { min: '2026-03-01', max: '2026-03-31' };
    expect(parseDateParts(parts('28', '2', '2026'), bounds)).toEqual({ ok: false, problem: 'tooEarly' });
    expect(parseDateParts(parts('1', '4', '2026'), bounds)).toEqual({ ok: false, problem: 'tooLate' });
    expect(parseDateParts(parts('1', '3', '2026'), bounds)).toEqual({ ok: true, iso: '2026-03-01' });
  });

  it('carries a half-typed date through the form value and back unchanged', () => {
    for (const typed of [
      parts('31', '4', '2026'),
      parts('5', '', '2026'),
      parts('', '', ''),
      parts('x', '1', '2'),
    ]) {
      expect(splitDateValue(joinDateParts(typed))).toEqual(typed);
    }
    expect(joinDateParts(parts('5', '3', '2026'))).toBe('2026-03-05');
    expect(splitDateValue('2026-03-05')).toEqual(parts('05', '03', '2026'));
  });
});
