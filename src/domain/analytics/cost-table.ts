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
  add(rank: number, amount: number): void {
    this.perCitizen.set(rank, (this.perCitizen.get(rank) ?? 0) + amount);
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

/** The table of `n` ranked citizens' costs, with the privacy rules applied. */
export function costTable(costs: readonly RankedCost[], n: number, areas: readonly string[]): CostTable {
  const areaIndex = new Map(areas.map((area, index) => [area, index]));
  const make = (count: number) => Array.from({ length: count }, () => new Accumulator());
  const cells = areas.map(() => make(BANDS.length));
  const areaTotals = make(areas.length);
  const bandTotals = make(BANDS.length);
  const total = new Accumulator();
  for (const cost of costs) {
    const area = areaIndex.get(cost.area);
    if (area === undefined) continue;
    const band = bandOf(cost.rank, n);
    cells[area]?.[band]?.add(cost.rank, cost.amount);
    areaTotals[area]?.add(cost.rank, cost.amount);
    bandTotals[band]?.add(cost.rank, cost.amount);
    total.add(cost.rank, cost.amount);
  }
  const table: FigureTable = {
    cells: cells.map((row) => row.map((cell) => cell.figures())),
    rowTotals: areaTotals.map((cell) => cell.figures()),
    columnTotals: bandTotals.map((cell) => cell.figures()),
    total: total.figures(),
  };
  const pattern = suppress(table);
  const show = (cell: CellFigures, reason: HiddenReason | null | undefined): ShownCell =>
    reason
      ? { citizens: null, amount: null, hidden: reason }
      : { citizens: cell.citizens, amount: cell.amount, hidden: null };
  const R = areas.length;
  const C = BANDS.length;
  return {
    citizens: n,
    areas: [...areas],
    bands: BANDS,
    cells: table.cells.map((row, r) => row.map((cell, c) => show(cell, pattern[r]?.[c]))),
    areaTotals: table.rowTotals.map((cell, r) => show(cell, pattern[r]?.[C])),
    bandTotals: table.columnTotals.map((cell, c) => show(cell, pattern[R]?.[c])),
    total: show(table.total, pattern[R]?.[C]),
  };
}

/** The table as a header and rows of values (hidden cells null), for every export format. */
export function costTableRows(table: CostTable): { header: string[]; rows: (string | number | null)[][] } {
  const header = [
    'budget_area',
    ...table.bands.flatMap((band) => [`${band}_citizens`, `${band}_amount_ore`]),
    'total_citizens',
    'total_amount_ore',
  ];
  const line = (label: string, cells: ShownCell[], rowTotal: ShownCell) => [
    label,
    ...cells.flatMap((cell) => [cell.citizens, cell.amount]),
    rowTotal.citizens,
    rowTotal.amount,
  ];
  return {
    header,
    rows: [
      ...table.areas.map((area, r) =>
        line(area, table.cells[r] as ShownCell[], table.areaTotals[r] as ShownCell),
      ),
      line('total', table.bandTotals, table.total),
    ],
  };
}

/** The table as CSV (';', Danish spreadsheet default), hidden cells as empty fields. */
export function costTableCsv(table: CostTable): string {
  const { header, rows } = costTableRows(table);
  return [header, ...rows]
    .map((row) => row.map((value) => (value === null ? '' : String(value))).join(';'))
    .join('\n')
    .concat('\n');
}
