import { describe, expect, it } from 'vitest';
import { toCsv } from './csv-export.js';

describe('CSV export of a results table', () => {
  it('writes numbers as numbers, nothing for no figure, and quotes what needs quoting', () => {
    expect(
      toCsv(
        ['Fra', 'Til', 'Indeks'],
        [
          ['Job, konsulenter', 'Sund"hed', 4.06],
          ['A', 'B', null],
        ],
      ),
    ).toBe('Fra,Til,Indeks\r\n"Job, konsulenter","Sund""hed",4.06\r\nA,B,\r\n');
  });

  it('keeps a spreadsheet from running a cell as a formula; negative numbers stay numbers', () => {
    expect(toCsv(['x', 'y'], [['=HYPERLINK("x")', -12.5]])).toBe('x,y\r\n"\'=HYPERLINK(""x"")",-12.5\r\n');
  });
});
