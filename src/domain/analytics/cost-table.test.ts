import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bandOf,
  costByMonth,
  costByMonthOfCitizens,
  costTable,
  costTableOfRanked,
  type RankedCost,
  shownTable,
} from './cost-table.js';
import { type CellFigures, suppress } from './suppression.js';

describe('cost by budget area and concentration band', () => {
  it('bands ranks by whole-citizen top groups', () => {
    // 200 citizens: top 1 % = 2, 5 % = 10, 10 % = 20, 20 % = 40.
    expect([1, 2, 3, 10, 11, 20, 21, 40, 41, 200].map((rank) => bandOf(rank, 200))).toEqual([
      0, 0, 1, 1, 2, 2, 3, 3, 4, 4,
    ]);
  });

  it('adds up to a direct sum and hides what privacy requires, in the table', () => {
    const n = 200;
    const costs: RankedCost[] = [];
    for (let rank = 1; rank <= n; rank++) {
      costs.push({ rank, area: 'Forsørgelse', amount: 100_000 + (n - rank) * 1000 });
      if (rank % 3 === 0) costs.push({ rank, area: 'Botilbud', amount: 50_000 });
    }
    const table = costTable(costs, n, ['Forsørgelse', 'Botilbud']);
    // The top 1 % is 2 citizens: hidden, and so is at least one more cell of each of its lines.
    expect(table.cells[0]?.[0]?.hidden).toBe('small');
    expect(table.total).toEqual({
      citizens: 200,
      amount: costs.reduce((sum, cost) => sum + cost.amount, 0),
      hidden: null,
    });
    const shownAmounts = table.cells.flat().filter((cell) => cell.hidden === null);
    for (const cell of shownAmounts) expect(cell.citizens).toBeGreaterThanOrEqual(5);
    const hiddenInFirstColumn = table.cells.filter((row) => row[0]?.hidden !== null).length;
    expect(hiddenInFirstColumn + (table.bandTotals[0]?.hidden ? 1 : 0)).toBeGreaterThanOrEqual(2);
  });
});

describe('cost by budget area and month', () => {
  it('sums per month and area against a direct computation, hiding small cells with complements', () => {
    const costs = [];
    for (let citizen = 1; citizen <= 40; citizen++)
      for (let month = 1; month <= 12; month++) {
        costs.push({ citizen, area: 'Forsørgelse', month, amount: 10_000 + citizen });
        if (citizen <= 3 && month === 5) costs.push({ citizen, area: 'Botilbud', month, amount: 90_000 });
        if (citizen > 30) costs.push({ citizen, area: 'Botilbud', month, amount: 20_000 });
      }
    const table = costByMonth(costs, ['Forsørgelse', 'Botilbud']);
    expect(table.cells[0]?.[0]).toEqual({
      citizens: 40,
      amount: costs
        .filter((c) => c.area === 'Forsørgelse' && c.month === 1)
        .reduce((s, c) => s + c.amount, 0),
      hidden: null,
    });
    // May in Botilbud: 13 citizens, but three of them carry 270,000 of 470,000 → not dominated by two.
    expect(table.cells[1]?.[4]?.citizens).toBe(13);
    expect(table.total.amount).toBe(costs.reduce((s, c) => s + c.amount, 0));
    const few = costByMonth(
      costs.filter((c) => c.area === 'Forsørgelse' || (c.citizen <= 3 && c.month === 5) || c.month === 6),
      ['Forsørgelse', 'Botilbud'],
    );
    expect(few.cells[1]?.[4]?.hidden).toBe('small');
    // Botilbud's row total and May's total must not give it away: more is hidden in both.
    const hiddenInRow = (few.cells[1] ?? []).filter((cell) => cell.hidden !== null).length;
    expect(hiddenInRow + (few.rowTotals[1]?.hidden ? 1 : 0)).toBeGreaterThanOrEqual(2);
    const hiddenInMay = few.cells.filter((row) => row[4]?.hidden !== null).length;
    expect(hiddenInMay + (few.columnTotals[4]?.hidden ? 1 : 0)).toBeGreaterThanOrEqual(2);
  });
});

describe('tables summed one citizen at a time', () => {
  const AREAS = ['Forsørgelse', 'Botilbud', 'Sundhed'];
  const entry = fc.record({
    citizen: fc.integer({ min: 1, max: 40 }),
    area: fc.constantFrom(...AREAS, 'Frivillighed'),
    month: fc.integer({ min: 1, max: 12 }),
    amount: fc.integer({ min: 1, max: 2_000_000 }),
  });

  /** The cell figures as the definition states them: a map per cell of each citizen's sum. */
  function direct(
    entries: { row: number; column: number; citizen: number; amount: number }[],
    rows: number,
    columns: number,
  ) {
    const figures = (pick: (e: (typeof entries)[number]) => boolean) => {
      const perCitizen = new Map<number, number>();
      for (const e of entries)
        if (pick(e)) perCitizen.set(e.citizen, (perCitizen.get(e.citizen) ?? 0) + e.amount);
      const values = [...perCitizen.values()].sort((a, b) => b - a);
      return {
        citizens: values.length,
        amount: values.reduce((a, b) => a + b, 0),
        largest: Math.max(0, values[0] ?? 0),
        secondLargest: Math.max(0, values[1] ?? 0),
      };
    };
    const inside = entries.filter((e) => e.row >= 0 && e.row < rows && e.column >= 0 && e.column < columns);
    return {
      cells: Array.from({ length: rows }, (_, r) =>
        Array.from({ length: columns }, (_, c) =>
          figures((e) => inside.includes(e) && e.row === r && e.column === c),
        ),
      ),
      rowTotals: Array.from({ length: rows }, (_, r) => figures((e) => inside.includes(e) && e.row === r)),
      columnTotals: Array.from({ length: columns }, (_, c) =>
        figures((e) => inside.includes(e) && e.column === c),
      ),
      total: figures((e) => inside.includes(e)),
    };
  }

  it('counts each citizen once per cell, row, column and table, with the two largest sums, as defined', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            row: fc.integer({ min: -1, max: 3 }),
            column: fc.integer({ min: 0, max: 4 }),
            citizen: fc.integer({ min: 1, max: 12 }),
            amount: fc.integer({ min: -50, max: 100 }),
          }),
          { maxLength: 80 },
        ),
        (entries) => {
          const table = shownTable(entries, 3, 4);
          const expected = direct(entries, 3, 4);
          const pattern = suppress(expected);
          const show = (cell: CellFigures, hidden: string | null | undefined) =>
            hidden
              ? { citizens: null, amount: null, hidden }
              : { citizens: cell.citizens, amount: cell.amount, hidden: null };
          expect(table.total).toEqual(show(expected.total, pattern[3]?.[4]));
          expect(table.cells).toEqual(
            expected.cells.map((row, r) => row.map((cell, c) => show(cell, pattern[r]?.[c]))),
          );
          expect(table.rowTotals).toEqual(expected.rowTotals.map((cell, r) => show(cell, pattern[r]?.[4])));
          expect(table.columnTotals).toEqual(
            expected.columnTotals.map((cell, c) => show(cell, pattern[3]?.[c])),
          );
        },
      ),
    );
  });

  it('gives the cost table and the cost by month of the flat rows from each citizen’s rows', () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 300 }), (entries) => {
        // The flat rows, one per citizen, area and month (as the figures were read before).
        const sums = new Map<string, { citizen: number; area: string; month: number; amount: number }>();
        for (const e of entries) {
          const key = `${e.citizen}|${e.area}|${e.month}`;
          const row = sums.get(key) ?? { ...e, amount: 0 };
          row.amount += e.amount;
          sums.set(key, row);
        }
        const monthly = [...sums.values()];
        const citizens = [...new Set(monthly.map((row) => row.citizen))];
        const byCitizen = citizens.map((citizen) => {
          const areas = new Map<string, number[]>();
          for (const row of monthly.filter((r) => r.citizen === citizen)) {
            const months = areas.get(row.area) ?? Array.from({ length: 12 }, () => 0);
            months[row.month - 1] = row.amount;
            areas.set(row.area, months);
          }
          return [...areas].map(([area, months]) => ({ area, months }));
        });
        expect(costByMonthOfCitizens(byCitizen, AREAS)).toEqual(costByMonth(monthly, AREAS));

        const total = (citizen: number) =>
          monthly.filter((r) => r.citizen === citizen).reduce((s, r) => s + r.amount, 0);
        const ranked = [...citizens].sort((a, b) => total(b) - total(a) || a - b);
        const perArea = (citizen: number) =>
          [...new Set(monthly.filter((r) => r.citizen === citizen).map((r) => r.area))].map((area) => ({
            area,
            amount: monthly
              .filter((r) => r.citizen === citizen && r.area === area)
              .reduce((s, r) => s + r.amount, 0),
          }));
        const flat: RankedCost[] = ranked.flatMap((citizen, index) =>
          perArea(citizen).map((cost) => ({ rank: index + 1, ...cost })),
        );
        expect(costTableOfRanked(ranked.map(perArea), AREAS)).toEqual(costTable(flat, ranked.length, AREAS));
      }),
    );
  });
});
