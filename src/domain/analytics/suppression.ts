import { DOMINANCE_SHARE, MIN_CELL_CITIZENS } from './concentration.js';

/**
 * Privacy in tables of management figures. A table is published with its row totals, column
 * totals and grand total; each cell counts citizens and money.
 *
 * 1. Small cells: a cell of 1–4 citizens is hidden (0 is shown: it says nothing about anyone).
 * 2. Dominance: a money cell where the largest one or two citizens carry ≥ 85 % is hidden (its
 *    amount would be close to what one of them costs).
 * 3. Complementary suppression: a hidden cell must not be recomputable from what is shown. With
 *    the totals, every row and every column of the table (totals included) is a sum relation.
 *    Seen as a graph with a node per row and per column and an edge per hidden cell, a hidden
 *    cell is determined exactly when its edge is a bridge (lies on no cycle): the unknowns of a
 *    cycle can all move by ±d without changing a sum. So while some hidden cell is a bridge,
 *    the cheapest path between its row and its column through other cells is hidden too, which
 *    closes a cycle through it. Already hidden cells cost nothing, small cells little, totals a
 *    lot (they are the figures leaders need most), so few and small cells are added.
 *
 * What this does not protect against: narrowing a hidden value to an interval (counts are not
 * negative). The cycle guarantees that no hidden cell has exactly one possible value.
 */

export interface CellFigures {
  citizens: number;
  amount: number;
  /** The largest and second-largest amount of one citizen in the cell. */
  largest: number;
  secondLargest: number;
}

/** A table with its margins: cells[r][c] for the inner cells, rowTotals[r], columnTotals[c], total. */
export interface FigureTable {
  cells: CellFigures[][];
  rowTotals: CellFigures[];
  columnTotals: CellFigures[];
  total: CellFigures;
}

export type HiddenReason = 'small' | 'dominance' | 'complementary';

/**
 * Why each cell of the extended grid is hidden, or null when it is shown. The grid has one more
 * row and column than the table: reasons[r][C] is row r's total, reasons[R][c] column c's total,
 * reasons[R][C] the grand total.
 */
export type SuppressionPattern = (HiddenReason | null)[][];

/** Why a cell must be hidden on its own (primary suppression), or null. */
export function primaryReason(cell: CellFigures): HiddenReason | null {
  if (cell.citizens > 0 && cell.citizens < MIN_CELL_CITIZENS) return 'small';
  if (cell.amount > 0 && cell.largest + cell.secondLargest >= DOMINANCE_SHARE * cell.amount)
    return 'dominance';
  return null;
}

/** The table as one (R+1) × (C+1) grid, totals in the last row and column. */
export function extendedGrid(table: FigureTable): CellFigures[][] {
  const rows = table.cells.map((row, r) => [...row, table.rowTotals[r] as CellFigures]);
  rows.push([...table.columnTotals, table.total]);
  return rows;
}

/** Whether row node r and column node c are connected through hidden cells other than (r, c). */
function connectedWithout(hidden: boolean[][], r: number, c: number): boolean {
  const rows = hidden.length;
  const columns = hidden[0]?.length ?? 0;
  const seenRows = new Array<boolean>(rows).fill(false);
  const seenColumns = new Array<boolean>(columns).fill(false);
  const queue: [kind: 'row' | 'column', index: number][] = [['row', r]];
  seenRows[r] = true;
  while (queue.length > 0) {
    const [kind, index] = queue.pop() as ['row' | 'column', number];
    if (kind === 'row') {
      for (let column = 0; column < columns; column++) {
        if (!hidden[index]?.[column] || (index === r && column === c) || seenColumns[column]) continue;
        if (column === c) return true;
        seenColumns[column] = true;
        queue.push(['column', column]);
      }
    } else {
      for (let row = 0; row < rows; row++) {
        if (!hidden[row]?.[index] || (row === r && index === c) || seenRows[row]) continue;
        seenRows[row] = true;
        queue.push(['row', row]);
      }
    }
  }
  return false;
}

/** The cells of the cheapest path from row r to column c avoiding cell (r, c) (Dijkstra). */
function cheapestPath(cost: number[][], r: number, c: number): [number, number][] {
  const rows = cost.length;
  const columns = cost[0]?.length ?? 0;
  // Nodes: rows 0…rows−1, then columns rows…rows+columns−1.
  const count = rows + columns;
  const distance = new Array<number>(count).fill(Number.POSITIVE_INFINITY);
  const previous = new Array<number>(count).fill(-1);
  const done = new Array<boolean>(count).fill(false);
  distance[r] = 0;
  for (;;) {
    let node = -1;
    for (let candidate = 0; candidate < count; candidate++)
      if (!done[candidate] && (node === -1 || (distance[candidate] as number) < (distance[node] as number)))
        node = candidate;
    if (node === -1 || distance[node] === Number.POSITIVE_INFINITY) break;
    done[node] = true;
    if (node === rows + c) break;
    const isRow = node < rows;
    const neighbours = isRow ? columns : rows;
    for (let other = 0; other < neighbours; other++) {
      const [row, column] = isRow ? [node, other] : [other, node - rows];
      if (row === r && column === c) continue;
      const target = isRow ? rows + other : other;
      const through = (distance[node] as number) + (cost[row]?.[column] as number);
      if (through < (distance[target] as number)) {
        distance[target] = through;
        previous[target] = node;
      }
    }
  }
  const path: [number, number][] = [];
  let node = rows + c;
  if (previous[node] === -1) return path;
  while (node !== r) {
    const from = previous[node] as number;
    path.push(from < rows ? [from, node - rows] : [node, from - rows]);
    node = from;
  }
  return path;
}

/**
 * What a table publishes besides its cells. `columnTotals: false`: the column totals (and the
 * grand total) are not shown — e.g. a sum over years of a running count means nothing. They are
 * then unknowns from the start that need no protection of their own, so only the row totals
 * constrain the hidden cells.
 */
export interface PublishedTotals {
  columnTotals?: boolean;
}

/** Which cells of the table (and its totals) must be hidden, and why. */
export function suppress(table: FigureTable, published: PublishedTotals = {}): SuppressionPattern {
  const grid = extendedGrid(table);
  const reasons: SuppressionPattern = grid.map((row) => row.map(primaryReason));
  const rows = grid.length;
  const columns = grid[0]?.length ?? 0;
  const unpublished = (r: number) => published.columnTotals === false && r === rows - 1;
  const hidden = reasons.map((row, r) => row.map((reason) => reason !== null || unpublished(r)));
  const largest = Math.max(1, ...grid.flat().map((cell) => cell.citizens));
  const costOf = (r: number, c: number): number => {
    if (hidden[r]?.[c]) return 0;
    const cell = grid[r]?.[c] as CellFigures;
    const margin = r === rows - 1 || c === columns - 1 ? 10 * largest * (rows + columns) : 0;
    return 1 + cell.citizens + margin;
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < columns; c++) {
        if (!hidden[r]?.[c] || unpublished(r) || connectedWithout(hidden, r, c)) continue;
        const cost = grid.map((row, i) => row.map((_, j) => costOf(i, j)));
        for (const [i, j] of cheapestPath(cost, r, c)) {
          if (hidden[i]?.[j]) continue;
          (hidden[i] as boolean[])[j] = true;
          (reasons[i] as (HiddenReason | null)[])[j] = 'complementary';
        }
        changed = true;
      }
    }
  }
  return reasons;
}
