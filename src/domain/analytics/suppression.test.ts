import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { determinedCells } from './suppression-proof.js';
import { type CellFigures, extendedGrid, type FigureTable, primaryReason, suppress } from './suppression.js';

/** A table from inner cells, with margins that add up (citizens and money alike). */
function tableOf(cells: CellFigures[][]): FigureTable {
  const add = (list: CellFigures[]): CellFigures => {
    const amounts = list.flatMap((cell) => [cell.largest, cell.secondLargest]).sort((a, b) => b - a);
    return {
      citizens: list.reduce((sum, cell) => sum + cell.citizens, 0),
      amount: list.reduce((sum, cell) => sum + cell.amount, 0),
      largest: amounts[0] ?? 0,
      secondLargest: amounts[1] ?? 0,
    };
  };
  const columns = cells[0]?.length ?? 0;
  const columnTotals = Array.from({ length: columns }, (_, c) =>
    add(cells.map((row) => row[c] as CellFigures)),
  );
  return { cells, rowTotals: cells.map(add), columnTotals, total: add(columnTotals) };
}

/** A cell of n citizens each costing `each` (so never dominated for n ≥ 3). */
const even = (citizens: number, each = 1000): CellFigures => ({
  citizens,
  amount: citizens * each,
  largest: citizens > 0 ? each : 0,
  secondLargest: citizens > 1 ? each : 0,
});

const cellArbitrary = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 5, max: 60 }).map((n) => even(n)) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 4 }).map((n) => even(n)) },
  {
    weight: 1,
    arbitrary: fc.integer({ min: 5, max: 20 }).map((n) => ({
      citizens: n,
      amount: 1_000_000 + (n - 1) * 100,
      largest: 1_000_000,
      secondLargest: 100,
    })),
  },
);
const tableArbitrary = fc
  .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }))
  .chain(([rows, columns]) =>
    fc.array(fc.array(cellArbitrary, { minLength: columns, maxLength: columns }), {
      minLength: rows,
      maxLength: rows,
    }),
  )
  .map(tableOf);

describe('privacy in tables', () => {
  it('hides cells of one to four citizens, never zero', () => {
    expect(primaryReason(even(0))).toBeNull();
    expect(primaryReason(even(1))).toBe('small');
    expect(primaryReason(even(4))).toBe('small');
    expect(primaryReason(even(5))).toBeNull();
  });

  it('hides a money cell where one or two citizens carry ≥ 85 %', () => {
    expect(primaryReason({ citizens: 10, amount: 1000, largest: 800, secondLargest: 50 })).toBe('dominance');
    expect(primaryReason({ citizens: 10, amount: 1000, largest: 500, secondLargest: 300 })).toBeNull();
  });

  it('adds complementary cells so a lone hidden cell cannot be recomputed from its totals', () => {
    const table = tableOf([
      [even(2), even(10), even(12)],
      [even(8), even(9), even(20)],
      [even(15), even(6), even(7)],
    ]);
    const pattern = suppress(table);
    const hidden = pattern.map((row) => row.map((reason) => reason !== null));
    expect(pattern[0]?.[0]).toBe('small');
    expect(hidden.flat().filter(Boolean).length).toBeGreaterThanOrEqual(4);
    expect(determinedCells(hidden)).toEqual([]);
    // The totals stay shown when inner cells can protect each other.
    expect(pattern[3]?.[3]).toBeNull();
  });

  it('the checker itself finds a recomputable cell (a single hidden cell in a row)', () => {
    const hidden = [
      [true, false, false],
      [false, false, false],
      [false, false, false],
    ];
    expect(determinedCells(hidden)).toEqual([[0, 0]]);
  });

  it('on any table: nothing small or dominated shown, no hidden cell derivable from what is shown', () => {
    fc.assert(
      fc.property(tableArbitrary, (table) => {
        const pattern = suppress(table);
        const grid = extendedGrid(table);
        for (const [r, row] of grid.entries())
          for (const [c, cell] of row.entries())
            if (primaryReason(cell) !== null) expect(pattern[r]?.[c]).not.toBeNull();
        const hidden = pattern.map((row) => row.map((reason) => reason !== null));
        expect(determinedCells(hidden)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('with the column totals unpublished: only the rows constrain, and still no hidden cell is derivable', () => {
    fc.assert(
      fc.property(tableArbitrary, (table) => {
        const pattern = suppress(table, { columnTotals: false });
        const grid = extendedGrid(table);
        const last = grid.length - 1;
        for (const [r, row] of grid.entries())
          for (const [c, cell] of row.entries())
            if (r < last && primaryReason(cell) !== null) expect(pattern[r]?.[c]).not.toBeNull();
        // The unpublished totals are unknowns to whoever reads the table; what they are does not matter.
        const hidden = pattern.map((row, r) => row.map((reason) => r === last || reason !== null));
        expect(determinedCells(hidden).filter(([r]) => r !== last)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
