import type { CsvCell } from '../common/csv.js';
import type {
  CostByMonth,
  CostConcentration,
  CostTable,
  CostTopGroups,
  CountCell,
  CountTable,
  GasDistribution,
  PathwayKpis,
  ShownCell,
} from './analytics.responses.js';
import { WITHIN } from './pathway-kpis.js';
import type { SteeringKpis } from './steering.responses.js';
import type { PathwayOutcomes } from './pathway-outcomes.responses.js';

/**
 * Every management table as a sheet: a header and rows of the cells the page shows, built from
 * the very response the page gets, so an export can never hold a value the figure hid (a hidden
 * cell is an empty field). Column names are stable machine names (the file is also read by
 * other systems); the XLSX adds a sheet that explains them.
 */
export interface FigureSheet {
  /** The export's name: `GET /api/analytics/<figure>/export`. */
  figure: string;
  /** The definition(s) that produced the figures, id@version. */
  definitions: string[];
  header: string[];
  rows: CsvCell[][];
}

const definitionOf = (definition: { id: string; version: number }) =>
  `${definition.id}@${definition.version}`;

export function concentrationSheet(figure: CostConcentration): FigureSheet {
  return {
    figure: 'cost-concentration',
    definitions: ['cost-concentration@1'],
    header: ['measure', 'value'],
    rows: [
      ['citizens', figure.citizens],
      ['total_ore', figure.total],
      ['top1_share', figure.shares.top1],
      ['top5_share', figure.shares.top5],
      ['top10_share', figure.shares.top10],
      ['top20_share', figure.shares.top20],
      ['gini', figure.gini],
    ],
  };
}

export function lorenzSheet(figure: CostConcentration): FigureSheet {
  return {
    figure: 'lorenz',
    definitions: ['cost-concentration@1'],
    header: ['population_share', 'cost_share'],
    rows: figure.lorenz.map(([population, cost]) => [population, cost]),
  };
}

export function topGroupsSheet(figure: CostTopGroups): FigureSheet {
  return {
    figure: 'top-groups',
    definitions: [definitionOf(figure.definition)],
    header: ['group', 'citizens', 'multi_sector', 'simultaneous_mean', 'simultaneous_median'],
    rows: figure.groups.map((group) => [
      group.key,
      group.citizens,
      group.multiSector,
      group.simultaneousMean,
      group.simultaneousMedian,
    ]),
  };
}

/** A money table: per column its citizens and amount, then the row's total. */
function moneySheet(
  figure: string,
  definition: { id: string; version: number },
  columns: readonly string[],
  table: { rows: CostTable['rows']; totals: CostTable['totals'] },
): FigureSheet {
  const line = (label: string, cells: ShownCell[], total: ShownCell): CsvCell[] => [
    label,
    ...[...cells, total].flatMap((cell) => [cell.citizens, cell.amount]),
  ];
  return {
    figure,
    definitions: [definitionOf(definition)],
    header: [
      'budget_area',
      ...[...columns, 'total'].flatMap((column) => [`${column}_citizens`, `${column}_amount_ore`]),
    ],
    rows: [
      ...table.rows.map((row) => line(row.budgetArea, row.cells, row.total)),
      line('total', table.totals.cells, table.totals.total),
    ],
  };
}

export function costTableSheet(figure: CostTable): FigureSheet {
  return moneySheet('cost-table', figure.definition, figure.bands, figure);
}

export function costByMonthSheet(figure: CostByMonth): FigureSheet {
  const months = figure.months.map((month) => `m${String(month).padStart(2, '0')}`);
  return moneySheet('cost-by-month', figure.definition, months, figure);
}

export function timeToOfferSheet(figure: PathwayKpis): FigureSheet {
  const measures = [
    ['first_intervention', figure.timeToFirstIntervention],
    ['first_business_directed', figure.timeToFirstBusinessDirected],
  ] as const;
  return {
    figure: 'time-to-offer',
    definitions: measures.map(([, distribution]) => definitionOf(distribution.definition)),
    header: [
      'measure',
      'definition',
      ...WITHIN.map((limit) => `within_${limit}`),
      'mean_weeks',
      'pathways',
      'with_offer',
      'no_offer',
    ],
    rows: measures.map(([measure, distribution]) => [
      measure,
      definitionOf(distribution.definition),
      ...WITHIN.map((limit) => distribution.within[limit]),
      distribution.meanWeeks,
      distribution.pathways,
      distribution.withOffer,
      distribution.noOffer,
    ]),
  };
}

export function pyramidSheet(figure: PathwayKpis): FigureSheet {
  const { pyramid } = figure;
  return {
    figure: 'activity-pyramid',
    definitions: [definitionOf(pyramid.definition)],
    header: ['level', 'interventions', 'citizens', 'share'],
    rows: pyramid.levels.map((level) => [level.level, level.interventions, level.citizens, level.share]),
  };
}

export function flowSheet(figure: PathwayKpis): FigureSheet {
  const { flow } = figure;
  return {
    figure: 'pathway-flow',
    definitions: [definitionOf(flow.definition)],
    header: ['month', 'inflow', 'outflow'],
    rows: [
      ...flow.months.map((month) => [month.month, month.inflow, month.outflow]),
      ['total', flow.inflow, flow.outflow],
    ],
  };
}

/** A count table per coordinator's unit (the GAS distribution): unit, a column a band, total. */
function countSheet(
  figure: string,
  definition: { id: string; version: number },
  bands: readonly string[],
  table: CountTable,
): FigureSheet {
  const counts = (cells: CountCell[], total: CountCell) => [...cells, total].map((cell) => cell.citizens);
  return {
    figure,
    definitions: [definitionOf(definition)],
    header: ['unit', ...bands, 'total'],
    rows: [
      ...table.rows.map((row) => [row.unit?.name ?? 'no_coordinator', ...counts(row.cells, row.total)]),
      ['all_units', ...counts(table.totals.cells, table.totals.total)],
    ],
  };
}

export function gasScoresSheet(figure: GasDistribution): FigureSheet {
  return countSheet('gas-scores', figure.definition, figure.scoreBands, figure.scores);
}

export function gasChangesSheet(figure: GasDistribution): FigureSheet {
  return countSheet('gas-changes', figure.definition, figure.changeBands, figure.changes);
}

export function activationSheet(figure: SteeringKpis): FigureSheet {
  const { activation } = figure;
  return {
    figure: 'activation',
    definitions: [definitionOf(activation.definition)],
    header: ['measure', 'value'],
    rows: [
      ['citizens_in_pathway', activation.citizens],
      ['citizens_activated', activation.activated],
      ['activation_rate', activation.activationRate],
      ['business_directed_share', activation.businessDirectedShare],
    ],
  };
}

export function spellsSheet(figure: SteeringKpis): FigureSheet {
  const { spells } = figure;
  return {
    figure: 'pathway-spells',
    definitions: [definitionOf(spells.definition)],
    header: ['spells', ...spells.bands, 'total', 'mean_weeks', 'median_weeks'],
    rows: [
      ...spells.rows.map((row) => [row.kind, ...row.cells, row.total, row.meanWeeks, row.medianWeeks]),
      ['total', ...spells.bands.map(() => null), spells.total, null, null],
    ],
  };
}

export function periodCountsSheet(figure: SteeringKpis): FigureSheet {
  const { periodCounts } = figure;
  return {
    figure: 'period-counts',
    definitions: [definitionOf(periodCounts.definition)],
    header: ['measure', 'year', 'count', 'change', 'change_percent'],
    rows: periodCounts.measures.flatMap((measure) =>
      measure.years.map((year) => [measure.measure, year.year, year.count, year.change, year.changePercent]),
    ),
  };
}

/** The outcomes of pathways: a row a year of ending, each column's count and share (hidden: empty). */
export function pathwayOutcomesSheet(figure: PathwayOutcomes): FigureSheet {
  return {
    figure: 'pathway-outcomes',
    definitions: [definitionOf(figure.definition)],
    header: [
      'year',
      'period_end',
      ...figure.columns.flatMap((column) => [column, `${column}_share`]),
      'total',
    ],
    rows: figure.rows.map((row) => [
      row.year,
      row.periodEnd,
      ...row.cells.flatMap((cell) => [cell.pathways, cell.share]),
      row.total.pathways,
    ]),
  };
}
