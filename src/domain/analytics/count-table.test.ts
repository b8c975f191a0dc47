import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CountShown, countLine, countTable, median } from './count-table.js';
import { determinedCells, hiddenGrid } from './suppression-proof.js';

const entriesArbitrary = fc
  .tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 6 }))
  .chain(([rows, columns]) =>
    fc.record({
      rows: fc.constant(rows),
      columns: fc.constant(columns),
      entries: fc.array(
        fc.record({
          row: fc.integer({ min: 0, max: rows - 1 }),
          column: fc.integer({ min: 0, max: columns - 1 }),
          citizen: fc.integer({ min: 1, max: 40 }),
        }),
        { maxLength: 200 },
      ),
    }),
  );

describe('count tables', () => {
  it('counts things and distinct citizens per cell, as a direct count does', () => {
    // Citizen 1 has three flags in cell (0, 0); citizens 2–6 one each.
    const entries = [
      { row: 0, column: 0, citizen: 1 },
      { row: 0, column: 0, citizen: 1 },
      { row: 0, column: 0, citizen: 1 },
      ...[2, 3, 4, 5, 6].map((citizen) => ({ row: 0, column: 0, citizen })),
      ...[1, 2, 3, 4, 5, 6, 7].map((citizen) => ({ row: 0, column: 1, citizen })),
      ...[8, 9, 10, 11, 12].map((citizen) => ({ row: 1, column: 0, citizen })),
      ...[8, 9, 10, 11, 12, 13].map((citizen) => ({ row: 1, column: 1, citizen })),
    ];
    const table = countTable(entries, 2, 2);
    expect(table.cells[0]?.[0]).toEqual({ count: 8, citizens: 6, hidden: null });
    expect(table.rowTotals[0]).toEqual({ count: 15, citizens: 7, hidden: null });
    expect(table.columnTotals[1]).toEqual({ count: 13, citizens: 13, hidden: null });
    expect(table.total).toEqual({ count: 26, citizens: 13, hidden: null });
  });

  it('hides a cell about 1–4 citizens even when it counts many things, with a complement', () => {
    const entries = [
      ...Array.from({ length: 9 }, () => ({ row: 0, column: 0, citizen: 1 })),
      ...[1, 2, 3, 4, 5, 6].map((citizen) => ({ row: 0, column: 1, citizen })),
      ...[7, 8, 9, 10, 11].map((citizen) => ({ row: 1, column: 0, citizen })),
      ...[7, 8, 9, 10, 11, 12].map((citizen) => ({ row: 1, column: 1, citizen })),
    ];
    const table = countTable(entries, 2, 2);
    expect(table.cells[0]?.[0]).toEqual({ count: null, citizens: null, hidden: 'small' });
    expect(determinedCells(hiddenGrid(table))).toEqual([]);
    // The row total (15 flags) minus the shown cell would give the 9 away: something else is hidden.
    const shown = (cell: CountShown | undefined) => cell?.hidden === null;
    expect(shown(table.rowTotals[0]) && shown(table.cells[0]?.[1])).toBe(false);
  });

  it('on any entries: shown cells are exact, nothing about 1–4 citizens shown, no hidden cell derivable', () => {
    fc.assert(
      fc.property(entriesArbitrary, ({ rows, columns, entries }) => {
        const table = countTable(entries, rows, columns);
        const direct = (keep: (entry: (typeof entries)[number]) => boolean) => {
          const kept = entries.filter(keep);
          return { count: kept.length, citizens: new Set(kept.map((entry) => entry.citizen)).size };
        };
        const check = (cell: CountShown, expected: { count: number; citizens: number }) => {
          if (cell.hidden === null) expect({ count: cell.count, citizens: cell.citizens }).toEqual(expected);
          else expect(cell.count).toBeNull();
          if (expected.citizens > 0 && expected.citizens < 5) expect(cell.hidden).not.toBeNull();
        };
        for (let r = 0; r < rows; r++) {
          for (let c = 0; c < columns; c++)
            check(
              table.cells[r]?.[c] as CountShown,
              direct((e) => e.row === r && e.column === c),
            );
          check(
            table.rowTotals[r] as CountShown,
            direct((e) => e.row === r),
          );
        }
        for (let c = 0; c < columns; c++)
          check(
            table.columnTotals[c] as CountShown,
            direct((e) => e.column === c),
          );
        check(
          table.total,
          direct(() => true),
        );
        expect(determinedCells(hiddenGrid(table))).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('a line: a small part is hidden with another, so the total gives neither away', () => {
    const line = countLine(
      [
        ...[1, 2].map((citizen) => ({ column: 0, citizen })),
        ...[3, 4, 5, 6, 7].map((citizen) => ({ column: 1, citizen })),
        ...[8, 9, 10, 11, 12, 13].map((citizen) => ({ column: 2, citizen })),
      ],
      3,
    );
    expect(line.total).toEqual({ count: 13, citizens: 13, hidden: null });
    expect(line.cells[0]?.hidden).toBe('small');
    expect(line.cells.filter((cell) => cell.hidden !== null).length).toBe(2);
    const hidden = line.cells.map((cell) => cell.hidden !== null);
    expect(
      determinedCells([
        [...hidden, false],
        [...hidden, false],
      ]),
    ).toEqual([]);
  });

  it('median: the middle value, or the mean of the middle two', () => {
    expect(median([])).toBeNull();
    expect(median([7, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 10])).toBe(3.5);
  });
});
