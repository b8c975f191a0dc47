import { describe, expect, it } from 'vitest';
import { BURST_SECONDS, type GroupableEntry, groupVisits, visitGist } from './audit-visits.js';

let n = 0;
const entry = (overrides: Partial<GroupableEntry> & { second: number }): GroupableEntry => ({
  id: `e${String(n++).padStart(3, '0')}`,
  at: new Date(Date.UTC(2026, 11, 2, 10, 0, overrides.second)),
  actorId: 'karin',
  citizenId: 'sara',
  action: 'read',
  resource: 'plan',
  outcome: 'allowed',
  visit: null,
  ...overrides,
});

describe('grouping audit records into visits', () => {
  it('makes one visit of the records one page visit made, even minutes apart', () => {
    const visit = 'v-1';
    const rows = [
      entry({ second: 0, visit, resource: 'plan' }),
      entry({ second: 1, visit, resource: 'plan_history' }),
      entry({ second: 1, visit, resource: 'flags' }),
      entry({ second: 2, visit, resource: 'meetings' }),
      entry({ second: 50, visit, resource: 'proposals' }),
    ];
    const groups = groupVisits(rows);
    expect(groups).toHaveLength(1);
    expect(groups[0]?.key).toBe(visit);
    expect(groups[0]?.entries.map((row) => row.resource)).toEqual([
      'plan',
      'plan_history',
      'flags',
      'meetings',
      'proposals',
    ]);
    expect(visitGist(groups[0]?.entries ?? [])).toMatchObject({
      action: 'read',
      kind: 'plan',
      outcome: 'allowed',
    });
  });

  it('groups records without a visit id by actor and citizen within the burst window', () => {
    const rows = [
      entry({ second: 0 }),
      entry({ second: BURST_SECONDS - 1, resource: 'plan_history' }),
      entry({ second: 2 * BURST_SECONDS + 5 }),
      entry({ second: 1, actorId: 'peter' }),
      entry({ second: 2, citizenId: 'bo' }),
    ];
    const groups = groupVisits(rows);
    expect(groups.map((group) => group.entries.length).sort()).toEqual([1, 1, 1, 2]);
  });

  it('never mixes actors or citizens in one visit, and lists the newest visit first', () => {
    const groups = groupVisits([
      entry({ second: 0, visit: 'v', actorId: 'karin' }),
      entry({ second: 5, visit: 'v', actorId: 'peter' }),
      entry({ second: 6, visit: 'v', actorId: 'karin', citizenId: 'bo' }),
    ]);
    expect(groups).toHaveLength(3);
    expect(groups[0]?.entries[0]?.citizenId).toBe('bo');
  });

  it('says what a visit did by its weightiest act, and a refusal in it', () => {
    const gist = visitGist([
      entry({ second: 0 }),
      entry({ second: 1, action: 'update', resource: 'sub_goal:1' }),
      entry({ second: 2, outcome: 'denied', resource: 'cpr' }),
    ]);
    expect(gist).toEqual({
      action: 'update',
      kind: 'sub_goal',
      kinds: ['plan', 'sub_goal', 'cpr'],
      outcome: 'denied',
    });
  });
});
