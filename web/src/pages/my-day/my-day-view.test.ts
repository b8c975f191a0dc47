import { describe, expect, it } from 'vitest';
import { paramsFor, sortedBy, viewFrom } from './my-day-view.js';

describe('My day in the address', () => {
  it('reads filters, name and order back from the address it writes', () => {
    const view = {
      kinds: ['gaps' as const],
      q: 'Sara',
      sort: 'name' as const,
      direction: 'descending' as const,
    };
    const params = paramsFor(view, new URLSearchParams());
    expect(params.toString()).toBe('vis=gaps&q=Sara&sorter=name&retning=faldende');
    expect(viewFrom(params)).toEqual(view);
  });

  it('leaves defaults out, and never keeps digits (a CPR number) in the address', () => {
    expect(
      paramsFor(
        { kinds: [], q: '010190', sort: 'attention', direction: 'descending' },
        new URLSearchParams(),
      ).toString(),
    ).toBe('');
    expect(viewFrom(new URLSearchParams('q=0101901234')).q).toBe('');
    expect(viewFrom(new URLSearchParams('sorter=bogus'))).toMatchObject({
      sort: 'attention',
      direction: 'descending',
    });
  });

  it('turns a column around on a second click, and starts a new column in its own direction', () => {
    const start = viewFrom(new URLSearchParams());
    const byName = sortedBy(start, 'name');
    expect(byName).toMatchObject({ sort: 'name', direction: 'ascending' });
    expect(sortedBy(byName, 'name').direction).toBe('descending');
    expect(sortedBy(byName, 'activeInterventions').direction).toBe('descending');
  });
});
