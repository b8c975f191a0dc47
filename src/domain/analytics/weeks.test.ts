import { describe, expect, it } from 'vitest';
import { lastIsoWeeks } from './weeks.js';

describe('lastIsoWeeks', () => {
  it('gives twelve Mondays, oldest first, ending with the current week', () => {
    const weeks = lastIsoWeeks('2026-12-02', 12);
    expect(weeks).toHaveLength(12);
    expect(weeks.at(-1)).toEqual({ start: '2026-11-30', year: 2026, week: 49 });
    expect(weeks[0]).toEqual({ start: '2026-09-14', year: 2026, week: 38 });
  });

  it('crosses the new year with ISO numbering (week 53 of 2026, then week 1 of 2027)', () => {
    const weeks = lastIsoWeeks('2027-01-06', 3);
    expect(weeks.map((week) => `${week.year}-W${week.week}`)).toEqual(['2026-W52', '2026-W53', '2027-W1']);
  });
});
