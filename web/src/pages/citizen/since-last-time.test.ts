import { describe, expect, it } from 'vitest';
import type { HistoryEntry, PresentedPlan } from '../../api/plan.js';
import { sinceLastTime } from './since-last-time.js';

const plan = {
  subGoals: [{ id: 's1', title: 'Tage bussen alene', status: 'active' }],
  sectors: [
    {
      sector: 'employment',
      interventions: [
        { id: 'i1', type: { name: 'Mentor' }, unit: { id: 'u1', name: 'Jobcenter' }, status: 'active' },
        { id: 'i2', detailsHidden: true, unit: { id: 'u2', name: 'Psykiatrien' }, status: 'active' },
      ],
    },
  ],
  team: [],
} as unknown as PresentedPlan;

let next = 0;
function entry(overrides: Partial<HistoryEntry>): HistoryEntry {
  next += 1;
  return {
    id: `h${next}`,
    at: '2026-12-02T10:00:00.000Z',
    planVersion: next,
    actor: { id: 'kim', name: 'Kim', role: 'caseworker' },
    entity: 'sub_goal',
    entityId: 's1',
    action: 'update',
    before: {},
    after: {},
    origin: null,
    ...overrides,
  };
}

describe('since last time', () => {
  it('says in sentences what others changed after her previous visit, and nothing before it', () => {
    const history = [
      entry({ at: '2026-12-02T12:00:00.000Z', before: { gasLevel: -1 }, after: { gasLevel: 0 } }),
      entry({
        at: '2026-12-02T11:00:00.000Z',
        entity: 'intervention',
        entityId: 'i1',
        action: 'create',
        before: null,
      }),
      entry({
        at: '2026-12-02T11:00:00.000Z',
        entity: 'intervention',
        entityId: 'i2',
        action: 'create',
        before: null,
      }),
      entry({ at: '2026-12-02T10:30:00.000Z', before: { status: 'active' }, after: { status: 'achieved' } }),
      entry({
        at: '2026-12-02T10:20:00.000Z',
        entity: 'team_member',
        entityId: 't',
        action: 'create',
        after: { name: 'Bo' },
      }),
      entry({
        at: '2026-12-02T10:10:00.000Z',
        actor: { id: 'sara', name: null, role: 'citizen' },
        entity: 'goal',
      }),
      entry({ at: '2026-12-01T10:00:00.000Z', entity: 'goal' }),
    ];
    const sentences = sinceLastTime(history, '2026-12-02T09:00:00.000Z', plan, 'sara');
    expect(sentences.map((sentence) => [sentence.key, sentence.values])).toEqual([
      ['stepProgress', { title: 'Tage bussen alene', progress: 'asPlanned' }],
      ['helpNew', { unit: 'Jobcenter', what: 'Mentor' }],
      ['helpNewHidden', { unit: 'Psykiatrien' }],
      ['stepAchieved', { title: 'Tage bussen alene' }],
      ['personNew', { name: 'Bo' }],
    ]);
  });

  it('has nothing to say on the first visit, and skips changes to help she cannot see at all', () => {
    expect(sinceLastTime([entry({ entity: 'goal' })], null, plan, 'sara')).toEqual([]);
    const gone = entry({ entity: 'intervention', entityId: 'unknown', action: 'create' });
    expect(sinceLastTime([gone], '2026-01-01T00:00:00.000Z', plan, 'sara')).toEqual([]);
  });
});
