import { TOP_FRACTIONS, topGroupSize } from './concentration.js';
import { type CellFigures, type FigureTable, type HiddenReason, suppress } from './suppression.js';

/**
 * Where the money of the most expensive citizens is booked: budget areas × concentration bands
 * (the top 1 %, the next 4 %, 5 %, 10 %, and the other 80 %; groups of whole citizens as in
 * concentration.ts), with totals, suppressed for privacy (suppression.ts).
 */
export const COST_TABLE_DEFINITION = { id: 'cost-by-area-and-band', version: 1 } as const;
export const BANDS = ['top1', 'top1to5', 'top5to10', 'top10to20', 'rest'] as const;
export type Band = (typeof BANDS)[number];

/** One citizen's cost in one budget area; rank 1 is the most expensive citizen overall. */
export interface RankedCost {
  rank: number;
  area: string;
  amount: number;
}

export interface ShownCell {
  citizens: number | null;
  amount: number | null;
  /** Why the cell is hidden, or null when shown. */
  hidden: HiddenReason | null;
}

export interface CostTable {
  citizens: number;
  areas: string[];
  bands: readonly Band[];
  /** cells[area][band] */
  cells: ShownCell[][];
  areaTotals: ShownCell[];
  bandTotals: ShownCell[];
  total: ShownCell;
}

/** The band of a rank among n citizens. */
export function bandOf(rank: number, n: number): number {
  const limits = [TOP_FRACTIONS.top1, TOP_FRACTIONS.top5, TOP_FRACTIONS.top10, TOP_FRACTIONS.top20].map((k) =>
    topGroupSize(n, k),
  );
  const band = limits.findIndex((limit) => rank <= limit);
  return band === -1 ? limits.length : band;
}

class Accumulator {
  private readonly perCitizen = new Map<number, number>();
  add(citizen: number, amount: number): void {
    this.perCitizen.set(citizen, (this.perCitizen.get(citizen) ?? 0) + amount);
  }
  figures(): CellFigures {
    let amount = 0;
    let largest = 0;
    let secondLargest = 0;
    for (const value of this.perCitizen.values()) {
      amount += value;
      if (value > largest) {
        secondLargest = largest;
        largest = value;
      } else if (value > secondLargest) secondLargest = value;
    }
    return { citizens: this.perCitizen.size, amount, largest, secondLargest };
  }
}

/** A table of citizens' costs by row and column, with totals, the privacy rules applied. */
export interface ShownTable {
  cells: ShownCell[][];
  rowTotals: ShownCell[];
  columnTotals: ShownCell[];
  total: ShownCell;
}

/**
 * Sums citizens' amounts into rows × columns with totals (citizens counted once per cell, row,
 * column and table) and hides what suppression.ts says must be hidden.
 */
export function shownTable(
  entries: Iterable<{ row: number; column: number; citizen: number; amount: number }>,
  rows: number,
  columns: number,
): ShownTable {
  const make = (count: number) => Array.from({ length: count }, () => new Accumulator());
  const cells = Array.from({ length: rows }, () => make(columns));
  const rowTotals = make(rows);
  const columnTotals = make(columns);
  const total = new Accumulator();
  for (const entry of entries) {
    if (entry.row < 0 || entry.row >= rows || entry.column < 0 || entry.column >= columns) continue;
    cells[entry.row]?.[entry.column]?.add(entry.citizen, entry.amount);
    rowTotals[entry.row]?.add(entry.citizen, entry.amount);
    columnTotals[entry.column]?.add(entry.citizen, entry.amount);
    total.add(entry.citizen, entry.amount);
  }
  const table: FigureTable = {
    cells: cells.map((row) => row.map((cell) => cell.figures())),
    rowTotals: rowTotals.map((cell) => cell.figures()),
    columnTotals: columnTotals.map((cell) => cell.figures()),
    total: total.figures(),
  };
  const pattern = suppress(table);
  const show = (cell: CellFigures, reason: HiddenReason | null | undefined): ShownCell =>
    reason
      ? { citizens: null, amount: null, hidden: reason }
      : { citizens: cell.citizens, amount: cell.amount, hidden: null };
  return {
    cells: table.cells.map((row, r) => row.map((cell, c) => show(cell, pattern[r]?.[c]))),
    rowTotals: table.rowTotals.map((cell, r) => show(cell, pattern[r]?.[columns])),
    columnTotals: table.columnTotals.map((cell, c) => show(cell, pattern[rows]?.[c])),
    total: show(table.total, pattern[rows]?.[columns]),
  };
}

/** The table of `n` ranked citizens' costs, with the privacy rules applied. */
export function costTable(costs: readonly RankedCost[], n: number, areas: readonly string[]): CostTable {
  const areaIndex = new Map(areas.map((area, index) => [area, index]));
  const shown = shownTable(
    costs.map((cost) => ({
      row: areaIndex.get(cost.area) ?? -1,
      column: bandOf(cost.rank, n),
      citizen: cost.rank,
      amount: cost.amount,
    })),
    areas.length,
    BANDS.length,
  );
  return {
    citizens: n,
    areas: [...areas],
    bands: BANDS,
    cells: shown.cells,
    areaTotals: shown.rowTotals,
    bandTotals: shown.columnTotals,
    total: shown.total,
  };
}

export const COST_BY_MONTH_DEFINITION = { id: 'cost-by-area-and-month', version: 1 } as const;

/**
 * Who pays for a group of citizens over the year: budget areas × months (a cost belongs to the
 * month its period starts in), citizens and amounts, with totals, suppressed for privacy.
 */
export function costByMonth(
  costs: readonly { citizen: number; area: string; month: number; amount: number }[],
  areas: readonly string[],
): ShownTable & { areas: string[] } {
  const areaIndex = new Map(areas.map((area, index) => [area, index]));
  const shown = shownTable(
    costs.map((cost) => ({
      row: areaIndex.get(cost.area) ?? -1,
      column: cost.month - 1,
      citizen: cost.citizen,
      amount: cost.amount,
    })),
    areas.length,
    12,
  );
  return { areas: [...areas], ...shown };
}
