/**
 * The proof the suppression tests hold every table to, kept apart from suppression.ts so it stays
 * an independent computation: linear algebra over the sum relations, not the graph of suppress().
 *
 * Which hidden cells are determined by the shown cells and
 * the sum relations of every row and column (totals included). A hidden cell is determined when
 * its unit vector lies in the row space of the relations over the hidden cells.
 */
export function determinedCells(hidden: boolean[][]): [number, number][] {
  const rows = hidden.length;
  const columns = hidden[0]?.length ?? 0;
  const unknowns: [number, number][] = [];
  for (const [r, row] of hidden.entries())
    for (const [c, isHidden] of row.entries()) if (isHidden) unknowns.push([r, c]);
  const index = new Map(unknowns.map(([r, c], i) => [`${r},${c}`, i]));
  const relations: number[][] = [];
  // Row r: Σ inner cells − total cell = 0 (the total row likewise: Σ column totals − grand total).
  for (let r = 0; r < rows; r++) {
    const relation = new Array<number>(unknowns.length).fill(0);
    for (let c = 0; c < columns; c++) {
      const i = index.get(`${r},${c}`);
      if (i !== undefined) relation[i] = c === columns - 1 ? -1 : 1;
    }
    relations.push(relation);
  }
  for (let c = 0; c < columns; c++) {
    const relation = new Array<number>(unknowns.length).fill(0);
    for (let r = 0; r < rows; r++) {
      const i = index.get(`${r},${c}`);
      if (i !== undefined) relation[i] = r === rows - 1 ? -1 : 1;
    }
    relations.push(relation);
  }
  const rank = (matrix: number[][]): number => {
    const m = matrix.map((row) => [...row]);
    let found = 0;
    for (let column = 0; column < unknowns.length; column++) {
      const pivot = m.findIndex((row, i) => i >= found && Math.abs(row[column] as number) > 1e-9);
      if (pivot === -1) continue;
      [m[found], m[pivot]] = [m[pivot] as number[], m[found] as number[]];
      const lead = m[found] as number[];
      for (let i = 0; i < m.length; i++) {
        if (i === found) continue;
        const factor = (m[i]?.[column] as number) / (lead[column] as number);
        if (factor !== 0) m[i] = (m[i] as number[]).map((value, j) => value - factor * (lead[j] as number));
      }
      found++;
    }
    return found;
  };
  const base = rank(relations);
  return unknowns.filter((_, i) => {
    const unit = new Array<number>(unknowns.length).fill(0);
    unit[i] = 1;
    return rank([...relations, unit]) === base;
  });
}

/** A shown table with its totals as one grid of "hidden?" (totals in the last row and column). */
export function hiddenGrid(table: {
  cells: { hidden: unknown }[][];
  rowTotals: { hidden: unknown }[];
  columnTotals: { hidden: unknown }[];
  total: { hidden: unknown };
}): boolean[][] {
  const hidden = (cell: { hidden: unknown } | undefined) => cell?.hidden !== null;
  return [
    ...table.cells.map((row, r) => [...row.map(hidden), hidden(table.rowTotals[r])]),
    [...table.columnTotals.map(hidden), hidden(table.total)],
  ];
}
