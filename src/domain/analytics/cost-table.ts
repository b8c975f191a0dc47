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

/** The figures of one cell, row, column or the table: each citizen's sum added once. */
class CellSum {
  citizens = 0;
  amount = 0;
  largest = 0;
  secondLargest = 0;
  add(value: number): void {
    this.citizens++;
    this.amount += value;
    if (value > this.largest) {
      this.secondLargest = this.largest;
      this.largest = value;
    } else if (value > this.secondLargest) this.secondLargest = value;
  }
  figures(): CellFigures {
    return {
      citizens: this.citizens,
      amount: this.amount,
      largest: this.largest,
      secondLargest: this.secondLargest,
    };
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
 * A table summed one citizen at a time, with totals: `add` the current citizen's amounts, then
 * `nextCitizen` counts their sum once in every cell, row, column and the table they touched.
 * Nothing is kept per citizen, so a figure of millions of entries costs one pass over them (the
 * reads send each citizen's entries together, analytics.queries.ts).
 */
export class CitizenTable {
  private readonly cells: CellSum[];
  private readonly rowTotals: CellSum[];
  private readonly columnTotals: CellSum[];
  private readonly total = new CellSum();
  // The current citizen's sums, and which of them they touched.
  private readonly cellSums: Float64Array;
  private readonly rowSums: Float64Array;
  private readonly columnSums: Float64Array;
  private readonly touchedCells: number[] = [];
  private readonly touchedRows: number[] = [];
  private readonly touchedColumns: number[] = [];
  private touched = false;
  private totalSum = 0;

  constructor(
    private readonly rows: number,
    private readonly columns: number,
  ) {
    const make = (count: number) => Array.from({ length: count }, () => new CellSum());
    this.cells = make(rows * columns);
    this.rowTotals = make(rows);
    this.columnTotals = make(columns);
    this.cellSums = new Float64Array(rows * columns).fill(Number.NaN);
    this.rowSums = new Float64Array(rows).fill(Number.NaN);
    this.columnSums = new Float64Array(columns).fill(Number.NaN);
  }

  /** An amount of the current citizen; outside the table it counts nowhere, not even in totals. */
  add(row: number, column: number, amount: number): void {
    if (row < 0 || row >= this.rows || column < 0 || column >= this.columns) return;
    const cell = row * this.columns + column;
    if (Number.isNaN(this.cellSums[cell] as number)) {
      this.cellSums[cell] = 0;
      this.touchedCells.push(cell);
    }
    (this.cellSums[cell] as number) += amount;
    if (Number.isNaN(this.rowSums[row] as number)) {
      this.rowSums[row] = 0;
      this.touchedRows.push(row);
    }
    (this.rowSums[row] as number) += amount;
    if (Number.isNaN(this.columnSums[column] as number)) {
      this.columnSums[column] = 0;
      this.touchedColumns.push(column);
    }
    (this.columnSums[column] as number) += amount;
    this.touched = true;
    this.totalSum += amount;
  }

  /** Ends the current citizen: their sums count, and the next amounts are another citizen's. */
  nextCitizen(): void {
    CitizenTable.flush(this.cellSums, this.touchedCells, this.cells);
    CitizenTable.flush(this.rowSums, this.touchedRows, this.rowTotals);
    CitizenTable.flush(this.columnSums, this.touchedColumns, this.columnTotals);
    if (this.touched) this.total.add(this.totalSum);
    this.touched = false;
    this.totalSum = 0;
  }

  private static flush(sums: Float64Array, touched: number[], into: CellSum[]): void {
    for (const index of touched) {
      into[index]?.add(sums[index] as number);
      sums[index] = Number.NaN;
    }
    touched.length = 0;
  }

  /** The table with what suppression.ts says must be hidden, hidden. */
  shown(): ShownTable {
    this.nextCitizen();
    const { rows, columns } = this;
    const table: FigureTable = {
      cells: Array.from({ length: rows }, (_, r) =>
        Array.from({ length: columns }, (_, c) => (this.cells[r * columns + c] as CellSum).figures()),
      ),
      rowTotals: this.rowTotals.map((cell) => cell.figures()),
      columnTotals: this.columnTotals.map((cell) => cell.figures()),
      total: this.total.figures(),
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
  const byCitizen = new Map<number, { row: number; column: number; amount: number }[]>();
  for (const entry of entries) {
    const list = byCitizen.get(entry.citizen);
    if (list) list.push(entry);
    else byCitizen.set(entry.citizen, [entry]);
  }
  const table = new CitizenTable(rows, columns);
  for (const list of byCitizen.values()) {
    for (const entry of list) table.add(entry.row, entry.column, entry.amount);
    table.nextCitizen();
  }
  return table.shown();
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

/** One citizen's cost in one budget area. */
export interface AreaCost {
  area: string;
  amount: number;
}

/**
 * The table of the ranked citizens (index 0 = rank 1, the most expensive), each with their
 * positive costs per budget area: the same table as costTable, one pass, nothing per citizen kept.
 */
export function costTableOfRanked(
  ranked: readonly (readonly AreaCost[])[],
  areas: readonly string[],
): CostTable {
  const n = ranked.length;
  const areaIndex = new Map(areas.map((area, index) => [area, index]));
  const limits = [TOP_FRACTIONS.top1, TOP_FRACTIONS.top5, TOP_FRACTIONS.top10, TOP_FRACTIONS.top20].map((k) =>
    topGroupSize(n, k),
  );
  const table = new CitizenTable(areas.length, BANDS.length);
  let band = 0;
  ranked.forEach((costs, index) => {
    while (band < limits.length && index + 1 > (limits[band] as number)) band++;
    for (const cost of costs) table.add(areaIndex.get(cost.area) ?? -1, band, cost.amount);
    table.nextCitizen();
  });
  const shown = table.shown();
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

/** One citizen's year in one budget area: the amount of each month (index 0 = January). */
export interface AreaMonths {
  area: string;
  months: number[];
}

/**
 * costByMonth from each citizen's monthly amounts per budget area (the citizen's areas
 * together, as the pre-aggregate is read): the same table in one pass. A month without a
 * positive amount counts nowhere, as costByMonth is given positive amounts only.
 */
export function costByMonthOfCitizens(
  citizens: readonly (readonly AreaMonths[])[],
  areas: readonly string[],
): ShownTable & { areas: string[] } {
  const areaIndex = new Map(areas.map((area, index) => [area, index]));
  const table = new CitizenTable(areas.length, 12);
  for (const costs of citizens) {
    for (const cost of costs) {
      const row = areaIndex.get(cost.area) ?? -1;
      for (let month = 0; month < cost.months.length; month++) {
        const amount = cost.months[month] as number;
        if (amount > 0) table.add(row, month, amount);
      }
    }
    table.nextCitizen();
  }
  return { areas: [...areas], ...table.shown() };
}
