import { MIN_CELL_CITIZENS } from './concentration.js';
import { type CellFigures, type HiddenReason, suppress } from './suppression.js';

/**
 * Tables that count things about citizens (flags, referrals), not money: each cell counts the
 * things and the distinct citizens they concern, and hides what suppression.ts says must be hidden.
 * The count is the figure the sums run over (a row total is the sum of its cells); a cell is small
 * when it concerns 1–4 citizens, however many things it counts. There is no dominance rule: it is
 * about amounts of money, as in the activity pyramid and the pathway flow.
 */
export interface CountShown {
  count: number | null;
  citizens: number | null;
  hidden: HiddenReason | null;
}

export interface CountShownTable {
  cells: CountShown[][];
  rowTotals: CountShown[];
  columnTotals: CountShown[];
  total: CountShown;
}

/** One thing counted: where it goes and which citizen it concerns (a number, never an id). */
export interface CountEntry {
  row: number;
  column: number;
  citizen: number;
}

class Tally {
  count = 0;
  private readonly citizens = new Set<number>();
  add(citizen: number): void {
    this.count++;
    this.citizens.add(citizen);
  }
  figures(): CellFigures {
    return { citizens: this.citizens.size, amount: this.count, largest: 0, secondLargest: 0 };
  }
}

const show = (cell: CellFigures, reason: HiddenReason | null | undefined): CountShown =>
  reason
    ? { count: null, citizens: null, hidden: reason }
    : { count: cell.amount, citizens: cell.citizens, hidden: null };

/** Counts entries into rows × columns with totals, then hides small cells and their complements. */
export function countTable(entries: Iterable<CountEntry>, rows: number, columns: number): CountShownTable {
  const make = (count: number) => Array.from({ length: count }, () => new Tally());
  const cells = Array.from({ length: rows }, () => make(columns));
  const rowTotals = make(rows);
  const columnTotals = make(columns);
  const total = new Tally();
  for (const entry of entries) {
    if (entry.row < 0 || entry.row >= rows || entry.column < 0 || entry.column >= columns) continue;
    cells[entry.row]?.[entry.column]?.add(entry.citizen);
    rowTotals[entry.row]?.add(entry.citizen);
    columnTotals[entry.column]?.add(entry.citizen);
    total.add(entry.citizen);
  }
  const table = {
    cells: cells.map((row) => row.map((cell) => cell.figures())),
    rowTotals: rowTotals.map((cell) => cell.figures()),
    columnTotals: columnTotals.map((cell) => cell.figures()),
    total: total.figures(),
  };
  const pattern = suppress(table);
  return {
    cells: table.cells.map((row, r) => row.map((cell, c) => show(cell, pattern[r]?.[c]))),
    rowTotals: table.rowTotals.map((cell, r) => show(cell, pattern[r]?.[columns])),
    columnTotals: table.columnTotals.map((cell, c) => show(cell, pattern[rows]?.[c])),
    total: show(table.total, pattern[rows]?.[columns]),
  };
}

/**
 * A line of figures with one total (the parts of one whole): suppressed as a one-row table whose
 * column totals are its own cells, so a hidden part is never the total minus the shown ones: a
 * part is hidden with a complement (another part, while there is one: the total costs most).
 */
export function suppressLine(
  cells: readonly CellFigures[],
  total: CellFigures,
): { cells: (HiddenReason | null)[]; total: HiddenReason | null } {
  const pattern = suppress({ cells: [[...cells]], rowTotals: [total], columnTotals: [...cells], total });
  const reasonAt = (column: number) => pattern[0]?.[column] ?? pattern[1]?.[column] ?? null;
  return { cells: cells.map((_, column) => reasonAt(column)), total: reasonAt(cells.length) };
}

/** A line of counted entries (column, citizen) with its total, suppressed by suppressLine. */
export function countLine(
  entries: Iterable<{ column: number; citizen: number }>,
  columns: number,
): { cells: CountShown[]; total: CountShown } {
  const parts = Array.from({ length: columns }, () => new Tally());
  const whole = new Tally();
  for (const entry of entries) {
    if (entry.column < 0 || entry.column >= columns) continue;
    parts[entry.column]?.add(entry.citizen);
    whole.add(entry.citizen);
  }
  const cells = parts.map((part) => part.figures());
  const total = whole.figures();
  const pattern = suppressLine(cells, total);
  return {
    cells: cells.map((cell, column) => show(cell, pattern.cells[column])),
    total: show(total, pattern.total),
  };
}

/** A count that may be shown on its own: none, or five and more. */
export const showable = (count: number): boolean => count === 0 || count >= MIN_CELL_CITIZENS;

/** The median of the values (the mean of the middle two for an even number); null when none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}
