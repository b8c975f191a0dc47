import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PATHWAY_OUTCOMES, type PathwayOutcome } from '../plan/pathway-outcome.js';
import {
  OUTCOME_COLUMNS,
  type OutcomePathway,
  outcomeColumnOf,
  pathwayOutcomes,
  periodEndOf,
} from './pathway-outcomes.js';

/** n pathways of n citizens (prefix-i), all with the same dates and outcome. */
const many = (
  prefix: string,
  n: number,
  start: string,
  end: string | null,
  outcome: PathwayOutcome | null,
): OutcomePathway[] =>
  Array.from({ length: n }, (_, i) => ({ citizen: `${prefix}${i}`, start, end, outcome }));

const column = (name: (typeof OUTCOME_COLUMNS)[number]) => OUTCOME_COLUMNS.indexOf(name);

describe('where a year leaves a pathway', () => {
  it('works the cases by hand', () => {
    const ref = '2026-11-01';
    const p = (start: string, end: string | null, outcome: PathwayOutcome | null = 'job') => ({
      citizen: 'a',
      start,
      end,
      outcome,
    });
    expect(outcomeColumnOf(p('2025-03-01', '2026-02-10'), 2026, ref)).toBe('job');
    expect(outcomeColumnOf(p('2025-03-01', '2026-02-10'), 2025, ref)).toBe('still-in-pathway');
    expect(outcomeColumnOf(p('2025-03-01', '2026-02-10', null), 2026, ref)).toBe('not-recorded');
    // Ended before the year: not counted in it; started after its last day: neither.
    expect(outcomeColumnOf(p('2024-03-01', '2025-12-31'), 2026, ref)).toBeNull();
    expect(outcomeColumnOf(p('2026-11-02', null), 2026, ref)).toBeNull();
    // An end dated after the reference day has not happened yet.
    expect(outcomeColumnOf(p('2026-01-01', '2026-12-01'), 2026, ref)).toBe('still-in-pathway');
    // Ending on the year's first day counts in the year.
    expect(outcomeColumnOf(p('2025-05-01', '2026-01-01', 'education'), 2026, ref)).toBe('education');
    expect(periodEndOf(2025, ref)).toBe('2025-12-31');
    expect(periodEndOf(2026, ref)).toBe('2026-11-01');
  });
});

describe('outcomes of pathways', () => {
  it('counts and shares a worked example, hiding a small cell with a complement in its row', () => {
    const pathways = [
      ...many('j', 6, '2025-02-01', '2026-03-01', 'job'),
      ...many('f', 5, '2025-02-01', '2026-05-01', 'flex-job'),
      ...many('d', 2, '2025-02-01', '2026-06-01', 'disability-pension'),
      ...many('s', 7, '2026-01-15', null, null),
    ];
    const figure = pathwayOutcomes(pathways, [2025, 2026], '2026-11-01');
    expect(figure.definition).toEqual({ id: 'pathway-outcomes', version: 1 });
    const [y2025, y2026] = figure.rows;
    // 2025: the 13 that started then are all still running on 31 December.
    expect(y2025?.total).toEqual({ pathways: 13, hidden: null });
    expect(y2025?.cells[column('still-in-pathway')]).toEqual({ pathways: 13, share: 1, hidden: null });
    // 2026: 20 under way; the 2 disability pensions are hidden, and one more cell of the row with them.
    expect(y2026?.total).toEqual({ pathways: 20, hidden: null });
    expect(y2026?.cells[column('disability-pension')]).toEqual({
      pathways: null,
      share: null,
      hidden: 'small',
    });
    const hidden = y2026?.cells.filter((cell) => cell.hidden !== null) ?? [];
    expect(hidden.length).toBeGreaterThanOrEqual(2);
    expect(hidden.filter((cell) => cell.hidden === 'complementary').length).toBeGreaterThanOrEqual(1);
    // The cells that are shown are the direct counts, with their share of the row.
    const direct: Record<string, number> = { job: 6, 'flex-job': 5, 'still-in-pathway': 7 };
    for (const [name, count] of Object.entries(direct)) {
      const cell = y2026?.cells[column(name as (typeof OUTCOME_COLUMNS)[number])];
      if (cell?.hidden === null)
        expect(cell).toEqual({
          pathways: count,
          share: Math.round((count / 20) * 10_000) / 10_000,
          hidden: null,
        });
    }
    // The cheapest complement is an empty cell (it costs no citizen a shown figure); the others
    // that are empty say nothing about anyone and are shown as 0.
    expect(y2026?.cells[column('education')]).toEqual({
      pathways: null,
      share: null,
      hidden: 'complementary',
    });
    expect(y2026?.cells[column('other')]).toEqual({ pathways: 0, share: 0, hidden: null });
  });

  it('hides by citizens: five pathways of three citizens are a small cell', () => {
    const pathways = [
      { citizen: 'a', start: '2026-01-01', end: '2026-02-01', outcome: 'job' as const },
      { citizen: 'a', start: '2026-03-01', end: '2026-04-01', outcome: 'job' as const },
      { citizen: 'b', start: '2026-01-01', end: '2026-02-01', outcome: 'job' as const },
      { citizen: 'b', start: '2026-03-01', end: '2026-04-01', outcome: 'job' as const },
      { citizen: 'c', start: '2026-01-01', end: '2026-02-01', outcome: 'job' as const },
      ...many('s', 10, '2026-01-01', null, null),
    ];
    const [row] = pathwayOutcomes(pathways, [2026], '2026-12-31').rows;
    expect(row?.cells[column('job')]?.hidden).toBe('small');
  });

  it('equals a direct count, and no hidden cell can be worked out from its row', () => {
    const day = fc
      .integer({ min: 0, max: 4 * 365 })
      .map((offset) => new Date(Date.UTC(2023, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10));
    const pathway = fc
      .record({
        citizen: fc.integer({ min: 0, max: 40 }).map(String),
        start: day,
        length: fc.option(fc.integer({ min: 0, max: 700 }), { nil: null }),
        outcome: fc.option(fc.constantFrom(...PATHWAY_OUTCOMES), { nil: null }),
      })
      .map(({ citizen, start, length, outcome }) => {
        const end =
          length === null
            ? null
            : new Date(Date.parse(`${start}T00:00:00Z`) + length * 86_400_000).toISOString().slice(0, 10);
        return { citizen, start, end, outcome: end === null ? null : outcome };
      });
    fc.assert(
      fc.property(fc.array(pathway, { maxLength: 120 }), (pathways) => {
        const referenceDay = '2026-11-01';
        const years = [2023, 2024, 2025, 2026];
        const figure = pathwayOutcomes(pathways, years, referenceDay);
        figure.rows.forEach((row, r) => {
          const year = years[r] as number;
          const end = year === 2026 ? referenceDay : `${year}-12-31`;
          const inYear = pathways.filter(
            (p) => p.start <= end && (p.end === null || p.end >= `${year}-01-01`),
          );
          const direct = OUTCOME_COLUMNS.map((name) =>
            inYear.filter((p) => {
              if (p.end === null || p.end > end) return name === 'still-in-pathway';
              return (p.outcome ?? 'not-recorded') === name;
            }),
          );
          row.cells.forEach((cell, c) => {
            const members = direct[c] as OutcomePathway[];
            const citizens = new Set(members.map((p) => p.citizen)).size;
            if (citizens > 0 && citizens < 5) expect(cell.hidden).not.toBeNull();
            if (cell.hidden === null) expect(cell.pathways).toBe(members.length);
          });
          const hiddenCells = row.cells.filter((cell) => cell.hidden !== null).length;
          // With the row total shown, one hidden cell alone could be worked out.
          if (row.total.hidden === null) expect(hiddenCells).not.toBe(1);
          if (row.total.hidden === null) expect(row.total.pathways).toBe(inYear.length);
        });
      }),
      { numRuns: 200 },
    );
  });
});
