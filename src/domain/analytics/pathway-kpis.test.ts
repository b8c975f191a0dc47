import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFINITIONS, flowByMonth, offerDistribution, pyramidDistribution, WITHIN } from './pathway-kpis.js';
import { addDays, addMonths } from '../calendar.js';

describe('time to first offer', () => {
  it('counts cumulative shares by calendar limits, the mean in weeks, and no-offer apart', () => {
    const offersAfter = (days: number, count: number) =>
      Array.from({ length: count }, () => ({ start: '2026-01-01', firstOffer: addDays('2026-01-01', days) }));
    const offers = [
      ...offersAfter(0, 5), // the same day
      ...offersAfter(5, 5), // within a week
      ...offersAfter(20, 2), // within a month (2026-02-01)
      ...offersAfter(45, 3), // within two months (2026-03-01)
      ...offersAfter(400, 5), // beyond twelve months
      ...Array.from({ length: 5 }, () => ({ start: '2026-03-01', firstOffer: null })),
    ];
    const result = offerDistribution(offers, DEFINITIONS.timeToFirstIntervention);
    expect(result).toMatchObject({
      definition: { id: 'time-to-first-intervention', version: 1 },
      pathways: 25,
      withOffer: 20,
      noOffer: 5,
    });
    // Cumulative counts 5, 10, 12, 15, 15 …: the month's step of 2 is hidden and falls into two months.
    expect(result.within).toEqual({
      '1d': 0.25,
      '1w': 0.5,
      '1m': null,
      '2m': 0.75,
      '3m': 0.75,
      '6m': 0.75,
      '9m': 0.75,
      '12m': 0.75,
    });
    expect(result.meanWeeks).toBe(15.7); // (0·5 + 5·5 + 20·2 + 45·3 + 400·5) / 20 / 7 = 15.71
  });

  it('uses calendar limits (end of February) and hides steps and remainders of 1–4', () => {
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
    // One pathway without an offer: shown, the two parts would give it away.
    expect(result).toMatchObject({ pathways: 8, withOffer: null, noOffer: null });
    // Steps of 2, 1, 1, 1 … and remainders of 1–2: every limit would single out a few.
    expect(Object.values(result.within)).toEqual(Array(8).fill(null));
    const days = [0, 1, 7, 28, 29, 365, 366];
    expect(result.meanWeeks).toBeCloseTo(days.reduce((a, b) => a + b, 0) / 7 / 7, 1);
  });

  it('never shows a step or a remainder of 1–4 pathways (random data)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.integer({ min: 0, max: 500 }), { nil: null }), { maxLength: 80 }),
        (delays) => {
          const offers = delays.map((days) => ({
            start: '2026-01-01',
            firstOffer: days === null ? null : addDays('2026-01-01', days),
          }));
          const withOffer = delays.filter((days) => days !== null).length;
          const result = offerDistribution(offers, DEFINITIONS.timeToFirstIntervention);
          const counts = WITHIN.flatMap((limit) => {
            const share = result.within[limit];
            return share === null ? [] : [Math.round(share * withOffer)];
          });
          const small = (n: number) => n > 0 && n < 5;
          [0, ...counts].forEach((count, index, all) => {
            if (index > 0) expect(small(count - (all[index - 1] as number))).toBe(false);
            expect(small(withOffer - count) && index > 0).toBe(false);
          });
          if (result.noOffer !== null) expect(small(result.noOffer)).toBe(false);
          if (result.withOffer !== null) expect(small(result.withOffer)).toBe(false);
        },
      ),
    );
  });

  it('hides the distribution for fewer than five with an offer, but still counts them', () => {
    const result = offerDistribution(
      [
        { start: '2026-01-01', firstOffer: '2026-01-05' },
        { start: '2026-01-01', firstOffer: null },
      ],
      DEFINITIONS.timeToFirstBusinessDirected,
    );
    expect(result).toMatchObject({ pathways: 2, withOffer: null, noOffer: null, meanWeeks: null });
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
    expect(result.definition).toEqual({ id: 'activity-pyramid', version: 2 });
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
