import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cprBirthPart, maskCpr, normaliseCpr } from './cpr.js';

describe('CPR numbers', () => {
  it('accepts both written forms and normalises to ten digits', () => {
    expect(normaliseCpr('010190-1234')).toBe('0101901234');
    expect(normaliseCpr(' 0101901234 ')).toBe('0101901234');
  });

  it('does not apply the modulus-11 check (numbers since 2007 may fail it)', () => {
    // 010190-1235 fails modulus 11 but is a valid form.
    expect(normaliseCpr('010190-1235')).toBe('0101901235');
  });

  it('accepts substitute numbers (day + 60)', () => {
    expect(normaliseCpr('610190-1234')).toBe('6101901234');
  });

  it('refuses what is not a CPR number', () => {
    for (const input of [
      '',
      '0101901',
      '32019012345',
      '011390-1234',
      '000190-1234',
      'abcdef-ghij',
      '010190--1234',
    ]) {
      expect(normaliseCpr(input), input).toBeNull();
    }
  });

  it('masks to the birth part only', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 28 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 9999 }),
        (day, month, serial) => {
          const cpr = `${String(day).padStart(2, '0')}${String(month).padStart(2, '0')}90${String(serial).padStart(4, '0')}`;
          const masked = maskCpr(cprBirthPart(normaliseCpr(cpr) ?? ''));
          expect(masked).toBe(`${cpr.slice(0, 6)}-xxxx`);
          // The serial may also occur inside the birth part (070490 and 0704), so look only
          // at what follows the dash: nothing of the serial is shown there.
          expect(masked.split('-')[1]).toBe('xxxx');
        },
      ),
    );
  });
});
