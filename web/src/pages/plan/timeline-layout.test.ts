import type { PresentedPlan } from '../../api/plan.js';
import { describe, expect, it } from 'vitest';
import type { InterventionView, Sector, SubGoalView } from '../../domain.js';
import {
  monthTicks,
  position,
  type TimelineMeeting,
  timelineLayout,
  timelineSpan,
  timelineWindow,
} from './timeline-layout.js';

const TODAY = '2026-11-22';

function intervention(
  id: string,
  sector: Sector,
  startDate: string,
  endDate: string | null,
  extra: Partial<InterventionView> = {},
): InterventionView {
  return {
    id,
    type: { id: 't', code: 'X', name: id, category: 'c' },
    sector,
    unit: { id: 'u', name: 'Unit' },
    responsible: null,
    legalBasis: 'LAB-47',
    purpose: null,
    startDate,
    endDate,
    followUpDate: null,
    frequency: null,
    status: 'active',
    costOre: 0,
    pyramidLevel: 5,
    businessDirected: false,
    endReason: null,
    subGoalIds: [],
    ...extra,
  };
}

function subGoal(id: string, targetDate: string, status: SubGoalView['status'] = 'active'): SubGoalView {
  return {
    id,
    title: id,
    measure: null,
    targetDate,
    gasLevel: 0,
    status,
    endReason: null,
    interventionIds: [],
  };
}

function planOf(interventions: InterventionView[], subGoals: SubGoalView[] = []): PresentedPlan {
  const sectors = [...new Set(interventions.map((item) => item.sector))].map((sector) => ({
    sector,
    interventions: interventions.filter((item) => item.sector === sector),
  }));
  return { sectors, subGoals } as unknown as PresentedPlan;
}

function layoutOf(plan: PresentedPlan, meetings: TimelineMeeting[] = [], labelDays = 0) {
  return timelineLayout({
    plan,
    meetings,
    today: TODAY,
    nameOf: (item) => item.id,
    anchorOf: { intervention: (id) => `i-${id}`, subGoal: (id) => `s-${id}`, meeting: 'meetings' },
    labelDays,
  });
}

describe('timeline window and span', () => {
  it('opens with a third behind today and two thirds ahead', () => {
    expect(timelineWindow(TODAY, 12)).toEqual({ from: '2026-07-22', to: '2027-07-22' });
    expect(timelineWindow(TODAY, 3)).toEqual({ from: '2026-10-22', to: '2027-01-22' });
  });

  it('draws at least three months back and six ahead, at most two years either way', () => {
    expect(timelineSpan(TODAY, [TODAY])).toEqual({ from: '2026-08-01', to: '2027-05-22' });
    expect(timelineSpan(TODAY, ['2010-01-01', '2040-01-01'])).toEqual({
      from: '2024-11-01',
      to: '2028-11-22',
    });
  });

  it('places today inside the span, and months on the axis', () => {
    const span = timelineSpan(TODAY, ['2026-01-15']);
    expect(span.from).toBe('2025-12-01');
    const today = position(TODAY, span);
    expect(today).toBeGreaterThan(0);
    expect(today).toBeLessThan(1);
    expect(monthTicks({ from: '2026-10-22', to: '2027-01-22' })).toEqual([
      '2026-11-01',
      '2026-12-01',
      '2027-01-01',
    ]);
  });
});

describe('timeline lanes', () => {
  it('gives each sector one lane, sub-goal targets and meetings their own', () => {
    const layout = layoutOf(
      planOf(
        [
          intervention('job', 'employment', '2026-09-01', null),
          intervention('mentor', 'employment', '2026-10-01', '2027-02-01'),
          intervention('home', 'health-care', '2026-08-01', null),
        ],
        [subGoal('work', '2027-03-01')],
      ),
      [{ id: 'm', startsAt: '2026-12-03T09:00:00Z', status: 'planned', name: 'Netværksmøde' }],
    );
    expect(layout.lanes.map((lane) => lane.key)).toEqual([
      'employment',
      'health-care',
      'subGoals',
      'meetings',
    ]);
    const employment = layout.lanes[0];
    // Two interventions running at once in one sector take two tracks, never one on top of the other.
    expect(employment?.bars.map((bar) => [bar.intervention.id, bar.track])).toEqual([
      ['job', 0],
      ['mentor', 1],
    ]);
    expect(employment?.tracks).toBe(2);
  });

  it('reuses a track once the bar and its label before have ended', () => {
    const plan = planOf([
      intervention('first', 'employment', '2026-09-01', '2026-09-20'),
      intervention('second', 'employment', '2026-10-01', '2026-11-01'),
    ]);
    expect(layoutOf(plan, [], 0).lanes[0]?.tracks).toBe(1);
    // With labels 60 days wide, the second would run into the first one's label.
    expect(layoutOf(plan, [], 60).lanes[0]?.tracks).toBe(2);
  });

  it('clips bars to the span and says when they go on past it', () => {
    const layout = layoutOf(planOf([intervention('old', 'employment', '2019-01-01', null)]));
    const bar = layout.lanes[0]?.bars[0];
    expect(bar?.start).toBe(layout.span.from);
    expect(bar?.continues).toBe(true);
  });
});

describe('overdue and clashes', () => {
  it('marks a follow-up past its date and an active sub-goal past its target as overdue, not ended ones', () => {
    const layout = layoutOf(
      planOf(
        [
          intervention('late', 'employment', '2026-01-01', null, { followUpDate: '2026-11-01' }),
          intervention('ahead', 'employment', '2026-01-01', null, { followUpDate: '2026-12-01' }),
          intervention('done', 'employment', '2026-01-01', '2026-10-01', {
            followUpDate: '2026-09-01',
            status: 'ended',
          }),
        ],
        [subGoal('missed', '2026-10-01'), subGoal('reached', '2026-10-01', 'achieved')],
      ),
    );
    const overdue = layout.items.filter((item) => item.overdue).map((item) => item.id);
    expect(overdue).toEqual(['target-missed', 'follow-up-late']);
    expect(layout.overdue).toBe(2);
  });

  it('marks items of different sectors on the same day from today on, not within one sector', () => {
    const layout = layoutOf(
      planOf([
        intervention('a', 'employment', '2026-01-01', null, { followUpDate: '2026-12-10' }),
        intervention('b', 'health-care', '2026-12-10', null),
        intervention('c', 'employment', '2026-01-01', null, { followUpDate: '2026-12-10' }),
        intervention('old-a', 'employment', '2026-01-01', null, { followUpDate: '2026-11-02' }),
        intervention('old-b', 'health-care', '2026-11-02', null),
      ]),
    );
    const clashes = Object.fromEntries(
      layout.items.filter((item) => item.clashesWith.length > 0).map((item) => [item.id, item.clashesWith]),
    );
    expect(clashes).toEqual({
      'follow-up-a': ['b'],
      'follow-up-c': ['b'],
      'start-b': ['a', 'c'],
    });
    expect(layout.clashes).toBe(3);
  });

  it('marks meetings that overlap in time, and not those an hour or more apart', () => {
    const layout = layoutOf(planOf([]), [
      { id: 'one', startsAt: '2026-12-03T09:00:00Z', status: 'planned', name: 'Netværksmøde' },
      { id: 'two', startsAt: '2026-12-03T09:30:00Z', status: 'planned', name: 'Teammøde' },
      { id: 'three', startsAt: '2026-12-03T11:00:00Z', status: 'planned', name: 'Opfølgning' },
      { id: 'gone', startsAt: '2026-12-03T09:15:00Z', status: 'cancelled', name: 'Aflyst' },
    ]);
    const clashes = Object.fromEntries(layout.items.map((item) => [item.id, item.clashesWith]));
    expect(clashes).toEqual({
      'meeting-one': ['Teammøde'],
      'meeting-two': ['Netværksmøde'],
      'meeting-three': [],
    });
  });
});
