import type { PresentedPlan } from '../../api/types.js';
import { describe, expect, it } from 'vitest';
import type { InterventionView } from '../../domain.js';
import { monthTicks, position, timelineRows, timelineWindow } from './timeline-layout.js';

function intervention(id: string, startDate: string, endDate: string | null): InterventionView {
  return {
    id,
    type: { id: 't', code: 'X', name: id, category: 'c' },
    sector: 'employment',
    unit: { id: 'u', name: 'Unit' },
    responsible: null,
    legalBasis: 'LAB-47',
    purpose: null,
    startDate,
    endDate,
    followUpDate: '2026-12-01',
    frequency: null,
    status: 'active',
    costOre: 0,
    pyramidLevel: 5,
    businessDirected: false,
    endReason: null,
    subGoalIds: [],
  };
}

const plan = {
  sectors: [
    {
      sector: 'employment',
      interventions: [
        intervention('open', '2026-01-01', null),
        intervention('old', '2020-01-01', '2020-06-01'),
        intervention('later', '2026-11-15', '2027-01-15'),
      ],
    },
  ],
} as unknown as PresentedPlan;

describe('timeline layout', () => {
  it('shows a third behind today and two thirds ahead', () => {
    expect(timelineWindow('2026-11-22', 12)).toEqual({ from: '2026-07-22', to: '2027-07-22' });
  });

  it('moves back and forward in time by whole months', () => {
    expect(timelineWindow('2026-11-22', 12, -6)).toEqual({ from: '2026-01-22', to: '2027-01-22' });
  });

  it('keeps only interventions overlapping the window and clips their bars', () => {
    const window = timelineWindow('2026-11-22', 3);
    const rows = timelineRows(plan, window);
    expect(rows.map((row) => row.intervention.id)).toEqual(['open', 'later']);
    expect(rows[0]?.start).toBe(0);
    expect(rows[0]?.continues).toBe(true);
    expect(rows[1]?.followUp).toBeCloseTo(position('2026-12-01', window));
  });

  it('ticks the first of each month inside the window', () => {
    expect(monthTicks({ from: '2026-10-22', to: '2027-01-22' })).toEqual([
      '2026-11-01',
      '2026-12-01',
      '2027-01-01',
    ]);
  });
});
