import { describe, expect, it } from 'vitest';
import { bandOf, costByMonth, costTable, type RankedCost } from './cost-table.js';

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
