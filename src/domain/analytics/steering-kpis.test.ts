import { describe, expect, it } from 'vitest';
import { activationFigures, periodCounts, spellDays, spellDurations, spellsOf } from './steering-kpis.js';

describe('activation rate and business-directed share', () => {
  it('works the example: 10 citizens, 6 activated, 240 of 600 activation days business-directed', () => {
    const rows = [
      ...Array.from({ length: 4 }, () => ({ activationDays: 0, businessDays: 0 })),
      ...Array.from({ length: 5 }, () => ({ activationDays: 100, businessDays: 40 })),
      { activationDays: 100, businessDays: 40 },
    ];
    // Rate 6 / 10 would show the 4 without activation: hidden. The share: 6 activated, 6 with
    // business-directed days and 0 without → shown, 240 / 600 = 0.4.
    expect(activationFigures(rows)).toEqual({
      definition: { id: 'activation', version: 1 },
      citizens: 10,
      activated: null,
      activationRate: null,
      businessDirectedShare: 0.4,
    });
    const more = [...rows, ...Array.from({ length: 1 }, () => ({ activationDays: 0, businessDays: 0 }))];
    // 11 citizens, 5 without activation, 6 with: rate 6 / 11.
    expect(activationFigures(more).activationRate).toBe(0.5455);
    expect(activationFigures(rows.slice(0, 3)).citizens).toBeNull();
  });
});

describe('pathway spells', () => {
  it('merges pathways that overlap or follow with no free day, whatever their type', () => {
    const spells = spellsOf([
      { citizen: 'a', start: '2026-01-01', end: '2026-03-31', matches: false },
      { citizen: 'a', start: '2026-04-01', end: '2026-06-30', matches: true },
      { citizen: 'a', start: '2026-08-01', end: null, matches: false },
      { citizen: 'b', start: '2025-05-01', end: '2026-02-01', matches: true },
      { citizen: 'b', start: '2025-06-01', end: '2025-07-01', matches: false },
    ]);
    expect(spells).toEqual([
      { citizen: 'a', start: '2026-01-01', end: '2026-06-30', matches: true },
      { citizen: 'a', start: '2026-08-01', end: null, matches: false },
      { citizen: 'b', start: '2025-05-01', end: '2026-02-01', matches: true },
    ]);
    expect(spellDays('2026-01-01', '2026-06-30')).toBe(181);
  });

  it('bands each citizen’s latest ended spell and open spell, hiding small cells with complements', () => {
    const spells = [
      // 6 citizens ended a spell of 181 days (band 3–6 months), 5 of 400 days (12–24 months).
      ...Array.from({ length: 6 }, (_, i) => ({
        citizen: `s${i}`,
        start: '2026-01-01',
        end: '2026-06-30',
        matches: true,
      })),
      ...Array.from({ length: 5 }, (_, i) => ({
        citizen: `l${i}`,
        start: '2025-01-01',
        end: '2026-02-04',
        matches: true,
      })),
      // 2 open on 31 December 2026 for 365 days: a small cell.
      ...Array.from({ length: 2 }, (_, i) => ({
        citizen: `o${i}`,
        start: '2026-01-01',
        end: null,
        matches: true,
      })),
    ];
    const figure = spellDurations(spells, 2026, '2026-12-31');
    const [ended, open] = figure.rows;
    // Shown cells are the direct counts; a hidden one (a complement may be a 0) is null.
    const direct = [0, 6, 0, 5, 0];
    ended?.cells.forEach((cell, band) => {
      if (cell !== null) expect(cell).toBe(direct[band]);
    });
    expect([ended?.cells[1], ended?.cells[3]]).toEqual([6, 5]);
    // Its total with the grand total would give away the open row's 2: one of them is hidden.
    expect(ended?.total === null || figure.total === null).toBe(true);
    expect(ended?.meanWeeks).toBe(Math.round(((6 * 181 + 5 * 400) / 11 / 7) * 10) / 10);
    expect(ended?.medianWeeks).toBe(Math.round((181 / 7) * 10) / 10);
    // The open row: 2 citizens in the 6–12 month band, hidden with its row total.
    expect(open?.cells[2]).toBeNull();
    expect(open?.total).toBeNull();
    expect(open?.meanWeeks).toBeNull();
  });
});

describe('counts per period', () => {
  it('gives absolute and per cent change from the year before, hiding what a small count gives away', () => {
    const figure = periodCounts([
      { year: 2026, started: 30, ended: 3, citizens: 110 },
      { year: 2024, started: 0, ended: 10, citizens: 80 },
      { year: 2025, started: 24, ended: 12, citizens: 100 },
    ]);
    expect(figure.years).toEqual([2024, 2025, 2026]);
    const started = figure.measures.find((m) => m.measure === 'started');
    expect(started?.years).toEqual([
      { year: 2024, count: 0, change: null, changePercent: null },
      { year: 2025, count: 24, change: 24, changePercent: null },
      { year: 2026, count: 30, change: 6, changePercent: 25 },
    ]);
    expect(started?.latest).toEqual({ year: 2026, count: 30, change: 6, changePercent: 25 });
    const ended = figure.measures.find((m) => m.measure === 'ended');
    expect(ended?.latest).toEqual({ year: 2026, count: null, change: null, changePercent: null });
    expect(figure.measures.find((m) => m.measure === 'citizens')?.latest?.changePercent).toBe(10);
  });
});
