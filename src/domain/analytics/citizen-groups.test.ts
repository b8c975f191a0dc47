import { describe, expect, it } from 'vitest';
import { ageGroupOf, birthYear, birthYearsOf } from './citizen-groups.js';

describe('the age groups of the management figures', () => {
  it('reads the century from the figure’s year and counts the age reached in the year', () => {
    expect(birthYear('650190', 2026)).toBe(1990);
    expect(birthYear('010726', 2026)).toBe(2026);
    expect(birthYear('010727', 2026)).toBe(1927);
    // Born 31 December 1996: 30 at the end of 2026, however late in the year.
    expect(ageGroupOf('311296', 2026)).toBe('from30to39');
    expect(ageGroupOf('010197', 2026)).toBe('under30');
    expect(ageGroupOf('010166', 2026)).toBe('from60');
    expect(ageGroupOf('010167', 2026)).toBe('from50to59');
  });

  it('gives the birth years of a group, the same as grouping each birth part', () => {
    expect(birthYearsOf('from30to39', 2026)).toEqual({ earliest: 1987, latest: 1996 });
    expect(birthYearsOf('from60', 2026)).toEqual({ earliest: null, latest: 1966 });
    for (let yy = 0; yy < 100; yy++) {
      const part = `0101${String(yy).padStart(2, '0')}`;
      const group = ageGroupOf(part, 2026);
      const { earliest, latest } = birthYearsOf(group, 2026);
      const born = birthYear(part, 2026);
      expect(born <= latest && (earliest === null || born >= earliest)).toBe(true);
    }
  });
});
