import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../api/plan.js';
import { gasTraces } from './gas-trace.js';

function entry(
  at: string,
  before: number | null,
  after: number | null,
  action: HistoryEntry['action'],
): HistoryEntry {
  return {
    id: at,
    at,
    planVersion: 1,
    actor: { id: 'a', name: 'A', role: 'caseworker' },
    entity: 'sub_goal',
    entityId: 'goal-1',
    action,
    before: action === 'create' ? null : { gasLevel: before },
    after: { gasLevel: after },
    origin: null,
  };
}

describe('gasTraces', () => {
  it('follows the level from creation through each change, oldest first', () => {
    const traces = gasTraces([
      entry('2026-03-01T10:00:00Z', 0, 1, 'update'),
      entry('2026-01-01T10:00:00Z', null, -1, 'create'),
      entry('2026-02-01T10:00:00Z', -1, 0, 'update'),
    ]);
    expect(traces.get('goal-1')?.map((point) => point.level)).toEqual([-1, 0, 1]);
  });

  it('does not repeat a level that did not change', () => {
    const traces = gasTraces([
      entry('2026-01-01T10:00:00Z', null, 0, 'create'),
      entry('2026-02-01T10:00:00Z', 0, 0, 'update'),
    ]);
    expect(traces.get('goal-1')).toHaveLength(1);
  });
});
