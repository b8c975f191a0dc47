import { describe, expect, it } from 'vitest';
import { parseAreaCosts, parseAreaMonths } from './packed-costs.js';

// Budget areas by number: 1 Forsørgelse, 6 Botilbud, 10 Boligsocialt arbejde; 0 is another area.
describe('packed cost reads', () => {
  it('sums a citizen’s area over sectors and keeps only positive sums, citizen by citizen', () => {
    expect(parseAreaCosts('1|1200;6|30;1|-200\n10|5;6|-5;0|7\n6|0')).toEqual([
      [
        { area: 'Forsørgelse', amount: 1000 },
        { area: 'Botilbud', amount: 30 },
      ],
      [
        { area: 'Boligsocialt arbejde', amount: 5 },
        { area: '', amount: 7 },
      ],
      [],
    ]);
  });

  it('reads twelve months per area and sums an area booked by two sectors', () => {
    const twelve = (first: number) => Array.from({ length: 12 }, (_, index) => first + index);
    const text = (values: number[]) => `{${values.join(',')}}`;
    expect(
      parseAreaMonths(`1${text(twelve(1))}6${text(twelve(-3))}1${text(twelve(100))}\n0${text(twelve(0))}`),
    ).toEqual([
      [
        { area: 'Forsørgelse', months: twelve(1).map((value, index) => value + 100 + index) },
        { area: 'Botilbud', months: twelve(-3) },
      ],
      [{ area: '', months: twelve(0) }],
    ]);
  });
});
