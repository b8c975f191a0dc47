import { describe, expect, it } from 'vitest';
import type { AttentionItem } from '../../api/workspace.js';
import { filterAndSort } from './attention-filter.js';

function item(
  familyName: string,
  overrides: Partial<AttentionItem['attention']>,
  score: number,
): AttentionItem {
  return {
    id: familyName,
    givenName: 'Anna',
    familyName,
    cprMasked: '010190-xxxx',
    relation: 'coordinator',
    activeInterventions: 1,
    sectors: [],
    updatedAt: '2026-11-01T10:00:00Z',
    attention: {
      followUpsOverdue: 0,
      followUpsDueSoon: 0,
      nextFollowUp: null,
      changedSinceLastVisit: false,
      noActiveIntervention: false,
      subGoalsPastDate: 0,
      gaps: 0,
      ...overrides,
    },
    score,
    lastVisitAt: null,
  };
}

const items = [
  item('Berg', { followUpsOverdue: 2, nextFollowUp: '2026-12-01' }, 6),
  item('Ager', { changedSinceLastVisit: true, nextFollowUp: '2026-11-25' }, 1),
  item('Dahl', {}, 0),
];

describe('filterAndSort', () => {
  it('keeps only citizens with every chosen kind of attention', () => {
    expect(
      filterAndSort(items, { q: '', kinds: ['followUpsOverdue'], sort: 'attention' }).map((i) => i.id),
    ).toEqual(['Berg']);
    expect(filterAndSort(items, { q: '', kinds: ['changedSinceLastVisit'], sort: 'attention' })).toHaveLength(
      1,
    );
  });

  it('searches by name, ignoring case', () => {
    expect(filterAndSort(items, { q: 'dah', kinds: [], sort: 'attention' }).map((i) => i.id)).toEqual([
      'Dahl',
    ]);
  });

  it('sorts by next follow-up with citizens without one last', () => {
    expect(filterAndSort(items, { q: '', kinds: [], sort: 'nextFollowUp' }).map((i) => i.id)).toEqual([
      'Ager',
      'Berg',
      'Dahl',
    ]);
  });
});

describe('the severity-first order', () => {
  it('ranks a severe coordination flag above any number of minor items', () => {
    const minor = item('Aaby', { gaps: 3, changedSinceLastVisit: true, subGoalsPastDate: 0 }, 4);
    const severe = item('Zorn', {}, 0);
    const flags = new Map([[severe.id, { open: 3, high: 1 }]]);
    expect(
      filterAndSort([minor, severe], { q: '', kinds: [], sort: 'attention', flags }).map((i) => i.id),
    ).toEqual(['Zorn', 'Aaby']);
    // Without flags the minor items lead.
    expect(filterAndSort([minor, severe], { q: '', kinds: [], sort: 'attention' })[0]?.id).toBe('Aaby');
  });

  it('turns each column around, and keeps citizens without a follow-up last both ways', () => {
    expect(
      filterAndSort(items, { q: '', kinds: [], sort: 'nextFollowUp', direction: 'descending' }).map(
        (i) => i.id,
      ),
    ).toEqual(['Berg', 'Ager', 'Dahl']);
    expect(
      filterAndSort(items, { q: '', kinds: [], sort: 'name', direction: 'descending' }).map((i) => i.id),
    ).toEqual(['Dahl', 'Berg', 'Ager']);
  });
});
