import { describe, expect, it } from 'vitest';
import { filterFromSearch, searchOfFilter } from './management-filter.js';

describe('management filter in the address', () => {
  it('reads what the page offers and round-trips it', () => {
    const filter = filterFromSearch(
      new URLSearchParams('aar=2025&sektor=employment&budgetomraade=Misbrug'),
      2026,
    );
    expect(filter).toEqual({ year: 2025, sector: 'employment', budgetArea: 'Misbrug' });
    expect(filterFromSearch(new URLSearchParams(searchOfFilter(filter)), 2026)).toEqual(filter);
  });

  it('falls back to this year and "all" for what the page does not offer', () => {
    expect(
      filterFromSearch(new URLSearchParams('aar=1999&sektor=nope&budgetomraade=x&forloebstype=y'), 2026),
    ).toEqual({ year: 2026 });
    expect(filterFromSearch(new URLSearchParams(''), 2026)).toEqual({ year: 2026 });
    expect(filterFromSearch(new URLSearchParams('enhed=nord&aldersgruppe=old'), 2026)).toEqual({
      year: 2026,
    });
  });

  it('carries the unit and the age group', () => {
    const unit = '0b7c6f1e-2d3a-4c5b-8e9f-a0b1c2d3e4f5';
    const filter = filterFromSearch(new URLSearchParams(`enhed=${unit}&aldersgruppe=from30to39`), 2026);
    expect(filter).toEqual({ year: 2026, unit, ageGroup: 'from30to39' });
    expect(searchOfFilter(filter)).toBe(`?aar=2026&enhed=${unit}&aldersgruppe=from30to39`);
  });

  it('writes only the filters that are set', () => {
    expect(searchOfFilter({ year: 2026 })).toBe('?aar=2026');
    expect(searchOfFilter({ year: 2026, budgetArea: 'Misbrug' })).toBe('?aar=2026&budgetomraade=Misbrug');
  });
});
