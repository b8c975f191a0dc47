import { describe, expect, it } from 'vitest';
import { countWithin, topGroups } from './top-groups.js';

describe('top groups', () => {
  it('counts whole citizens: ceil(n·k), with 2+ sectors and interventions at once', () => {
    // 120 citizens: top 1 % = 2, top 5 % = 6, top 10 % = 12, top 20 % = 24.
    const ranked = Array.from({ length: 24 }, (_, index) => ({
      sectors: index < 8 ? 3 : 1,
      simultaneous: index < 6 ? 4 : 1,
    }));
    const groups = topGroups(120, ranked);
    expect(groups.map((group) => group.citizens)).toEqual([2, 6, 12, 24]);
    expect(groups[0]).toEqual({
      key: 'top1',
      citizens: 2,
      multiSector: null,
      simultaneousMean: null,
      simultaneousMedian: null,
    });
    // Top 5 %: all six in 2+ sectors, so the rest (0) reveals nothing.
    expect(groups[1]).toMatchObject({ multiSector: 6, simultaneousMean: 4, simultaneousMedian: 4 });
    // Top 10 %: 8 of 12 → the other 4 would be a small cell: hidden.
    expect(groups[2]?.multiSector).toBeNull();
    expect(groups[3]).toMatchObject({ multiSector: 8, simultaneousMean: 1.75, simultaneousMedian: 1 });
  });

  it('hides a count when it or the rest of the group is one to four citizens', () => {
    expect(countWithin(0, 10)).toBe(0);
    expect(countWithin(4, 10)).toBeNull();
    expect(countWithin(5, 10)).toBe(5);
    expect(countWithin(6, 10)).toBeNull();
    expect(countWithin(10, 10)).toBe(10);
  });
});
