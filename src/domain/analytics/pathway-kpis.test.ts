import { describe, expect, it } from 'vitest';
import { DEFINITIONS, flowByMonth, offerDistribution, pyramidDistribution } from './pathway-kpis.js';
import { addMonths } from '../calendar.js';

describe('time to first offer', () => {
  it('counts cumulative shares by calendar limits, the mean in weeks, and no-offer apart', () => {
    const offers = [
      { start: '2026-01-31', firstOffer: '2026-01-31' }, // same day
      { start: '2026-01-31', firstOffer: '2026-02-01' }, // 1 day
      { start: '2026-01-31', firstOffer: '2026-02-07' }, // 1 week
      { start: '2026-01-31', firstOffer: '2026-02-28' }, // 1 month (clamped end of February)
      { start: '2026-01-31', firstOffer: '2026-03-01' }, // just over 1 month
      { start: '2026-01-01', firstOffer: '2027-01-01' }, // 12 months
      { start: '2026-01-01', firstOffer: '2027-01-02' }, // beyond
      { start: '2026-03-01', firstOffer: null },
    ];
    const result = offerDistribution(offers, DEFINITIONS.timeToFirstIntervention);
    expect(result).toMatchObject({
      definition: { id: 'time-to-first-intervention', version: 1 },
      pathways: 8,
      withOffer: 7,
      noOffer: 1,
    });
    expect(result.within).toEqual({
      '1d': 0.2857,
      '1w': 0.4286,
      '1m': 0.5714,
      '2m': 0.7143,
      '3m': 0.7143,
      '6m': 0.7143,
      '9m': 0.7143,
      '12m': 0.8571,
    });
    const days = [0, 1, 7, 28, 29, 365, 366];
    expect(result.meanWeeks).toBeCloseTo(days.reduce((a, b) => a + b, 0) / 7 / 7, 1);
  });

  it('hides the distribution for fewer than five with an offer, but still counts them', () => {
    const result = offerDistribution(
      [
        { start: '2026-01-01', firstOffer: '2026-01-05' },
        { start: '2026-01-01', firstOffer: null },
      ],
      DEFINITIONS.timeToFirstBusinessDirected,
    );
    expect(result).toMatchObject({ pathways: 2, withOffer: 1, noOffer: 1, meanWeeks: null });
    expect(result.within['1m']).toBeNull();
  });

  it('adds calendar months, clamped to the end of the month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
  });
});

describe('activity pyramid and flow', () => {
  it('hides a level of 1–4 citizens together with a complement', () => {
    const result = pyramidDistribution([
      { level: 1, interventions: 3, citizens: 3 },
      { level: 4, interventions: 40, citizens: 30 },
      { level: 5, interventions: 20, citizens: 12 },
    ]);
    expect(result.definition).toEqual({ id: 'activity-pyramid', version: 1 });
    expect(result.levels[0]).toMatchObject({ level: 1, interventions: null, citizens: null });
    // Level 1 must not be the total less the shown levels: another level (here the empty
    // level 2, the cheapest complement) is hidden too.
    expect(result.levels[1]).toMatchObject({ level: 2, interventions: null });
    expect(result.levels[3]).toMatchObject({ level: 4, interventions: 40, citizens: 30, share: 0.6349 });
    expect(
      result.levels.filter((level) => level.interventions === null).length +
        (result.interventions === null ? 1 : 0),
    ).toBeGreaterThanOrEqual(2);
  });

  it('shows months with 0 or 5+ pathways, and hides small ones with complements', () => {
    const rows = Array.from({ length: 12 }, (_, index) => ({
      month: index + 1,
      inflow: index === 2 ? 3 : 10,
      outflow: index === 2 ? 0 : 8,
    }));
    const result = flowByMonth(rows);
    expect(result.months[5]).toEqual({ month: 6, inflow: 10, outflow: 8 });
    expect(result.months[2]?.inflow).toBeNull();
    const hiddenInflow =
      result.months.filter((month) => month.inflow === null).length + (result.inflow === null ? 1 : 0);
    expect(hiddenInflow).toBeGreaterThanOrEqual(2);
  });
});
