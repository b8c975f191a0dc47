import { PATHWAY_OUTCOMES, type PathwayOutcome } from '../plan/pathway-outcome.js';
import type { Definition } from './pathway-kpis.js';
import { type CellFigures, suppress } from './suppression.js';

/**
 * The outcomes of pathways (issue 15, decision 0025): per calendar year, the pathways under way
 * some day of it, by how the year left them — ended in it with a coded outcome, ended without
 * one, or still in pathway on its last day. Counts and shares of the row, small cells hidden
 * with complements (suppression.ts).
 */
export const PATHWAY_OUTCOMES_DEFINITION = {
  id: 'pathway-outcomes',
  version: 1,
  text: "Per calendar year: the pathways under way some day of it (started by its last day — 31 December, or the reference day in the current year — and not ended before 1 January), by how the year left them: ended in the year with its recorded outcome (job, education, flex job, disability pension, other), ended without one ('not recorded'), or still in pathway on the year's last day. Counts are pathways; shares are of the year's row. A cell or total of 1–4 citizens is hidden, and complementary cells so none can be worked out from the row totals (column totals count as published). Citizens who object to management figures are not counted.",
} as const satisfies Definition;

/** The columns: the coded outcomes, an end without a code, and the pathways not ended. */
export const OUTCOME_COLUMNS = [...PATHWAY_OUTCOMES, 'not-recorded', 'still-in-pathway'] as const;
export type OutcomeColumn = (typeof OUTCOME_COLUMNS)[number];

/** One pathway as the figure reads it (citizen: any id that tells citizens apart). */
export interface OutcomePathway {
  citizen: string;
  start: string;
  end: string | null;
  outcome: PathwayOutcome | null;
}

/** The last day a year's row counts: 31 December, or the reference day in its year. */
export function periodEndOf(year: number, referenceDay: string): string {
  const yearEnd = `${year}-12-31`;
  return referenceDay < yearEnd ? referenceDay : yearEnd;
}

/** Where a year leaves a pathway, or null when it was not under way in the year. */
export function outcomeColumnOf(
  pathway: OutcomePathway,
  year: number,
  referenceDay: string,
): OutcomeColumn | null {
  const periodEnd = periodEndOf(year, referenceDay);
  if (pathway.start > periodEnd) return null;
  if (pathway.end !== null && pathway.end < `${year}-01-01`) return null;
  if (pathway.end === null || pathway.end > periodEnd) return 'still-in-pathway';
  return pathway.outcome ?? 'not-recorded';
}

const round4 = (value: number) => Math.round(value * 10_000) / 10_000;

/** What one cell of the figure shows: the count and share of its row, both null when hidden. */
export interface OutcomeCell {
  pathways: number | null;
  share: number | null;
  hidden: 'small' | 'complementary' | null;
}

/**
 * The figure for `years` (oldest first), up to the reference day. A cell counts pathways and is
 * hidden by the citizens in it (a citizen with two pathways in one cell is one citizen).
 */
export function pathwayOutcomes(
  pathways: readonly OutcomePathway[],
  years: readonly number[],
  referenceDay: string,
) {
  const columnCount = OUTCOME_COLUMNS.length;
  const counted = () => ({ pathways: 0, citizens: new Set<string>() });
  const grid = years.map(() => OUTCOME_COLUMNS.map(counted));
  const rowTotals = years.map(counted);
  const columnTotals = OUTCOME_COLUMNS.map(counted);
  const total = counted();
  const add = (cell: ReturnType<typeof counted>, citizen: string) => {
    cell.pathways += 1;
    cell.citizens.add(citizen);
  };
  years.forEach((year, row) => {
    for (const pathway of pathways) {
      const column = outcomeColumnOf(pathway, year, referenceDay);
      if (column === null) continue;
      const index = OUTCOME_COLUMNS.indexOf(column);
      add(grid[row]?.[index] as ReturnType<typeof counted>, pathway.citizen);
      add(rowTotals[row] as ReturnType<typeof counted>, pathway.citizen);
      add(columnTotals[index] as ReturnType<typeof counted>, `${year}|${pathway.citizen}`);
      add(total, `${year}|${pathway.citizen}`);
    }
  });
  const figures = (cell: ReturnType<typeof counted>): CellFigures => ({
    citizens: cell.citizens.size,
    amount: 0,
    largest: 0,
    secondLargest: 0,
  });
  // A sum over years of "still in pathway" would count a running pathway once a year: the
  // column totals are not published, so only the rows' totals constrain the hidden cells.
  const pattern = suppress(
    {
      cells: grid.map((row) => row.map(figures)),
      rowTotals: rowTotals.map(figures),
      columnTotals: columnTotals.map(figures),
      total: figures(total),
    },
    { columnTotals: false },
  );
  const hiddenAt = (row: number, column: number) => {
    const reason = pattern[row]?.[column] ?? null;
    return reason === 'dominance' ? 'small' : reason;
  };
  return {
    definition: { id: PATHWAY_OUTCOMES_DEFINITION.id, version: PATHWAY_OUTCOMES_DEFINITION.version },
    referenceDay,
    columns: [...OUTCOME_COLUMNS],
    rows: years.map((year, row) => {
      const rowTotal = rowTotals[row] as ReturnType<typeof counted>;
      const totalHidden = hiddenAt(row, columnCount);
      return {
        year,
        periodEnd: periodEndOf(year, referenceDay),
        cells: (grid[row] as ReturnType<typeof counted>[]).map((cell, column): OutcomeCell => {
          const hidden = hiddenAt(row, column);
          const shown = hidden === null && totalHidden === null;
          return {
            pathways: hidden === null ? cell.pathways : null,
            share: shown && rowTotal.pathways > 0 ? round4(cell.pathways / rowTotal.pathways) : null,
            hidden,
          };
        }),
        total: { pathways: totalHidden === null ? rowTotal.pathways : null, hidden: totalHidden },
      };
    }),
  };
}

export type PathwayOutcomesFigure = ReturnType<typeof pathwayOutcomes>;
