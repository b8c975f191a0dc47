import { CONCENTRATION_DEFINITION, type Concentration } from '../../domain/analytics/concentration.js';
import ExcelJS from 'exceljs';
import {
  COST_BY_MONTH_DEFINITION,
  COST_TABLE_DEFINITION,
  type CostTable,
  type ShownTable,
} from '../../domain/analytics/cost-table.js';
import type { FigureSheet } from '../../domain/analytics/figure-sheets.js';
import type { TopGroup } from '../../domain/analytics/top-groups.js';
import {
  GAS_CHANGE_BANDS,
  GAS_DISTRIBUTION_DEFINITION,
  GAS_SCORE_BANDS,
} from '../../domain/analytics/gas-distribution.js';

/** The integration shape, exactly: {citizens, total, shares, gini, lorenz}. */
export function presentConcentration(figure: Concentration): Concentration {
  return {
    citizens: figure.citizens,
    total: figure.total,
    shares: figure.shares,
    gini: figure.gini,
    lorenz: figure.lorenz,
  };
}

/** The definition a figure was made by, as a header value: id@version. */
export function definitionHeader(definition: { id: string; version: number }): string {
  return `${definition.id}@${definition.version}`;
}

export function presentTopGroups(
  year: number,
  result: { citizens: number; referenceDay: string; groups: TopGroup[] },
) {
  return { definition: CONCENTRATION_DEFINITION, year, ...result };
}

export function presentCostTable(year: number, table: CostTable) {
  return {
    definition: COST_TABLE_DEFINITION,
    year,
    citizens: table.citizens,
    bands: [...table.bands],
    rows: table.areas.map((budgetArea, index) => ({
      budgetArea,
      cells: table.cells[index] ?? [],
      total: table.areaTotals[index] as CostTable['total'],
    })),
    totals: { cells: table.bandTotals, total: table.total },
  };
}

/** The XLSX sheet names: at most 31 characters, none of : \\ / ? * [ ]. */
const sheetName = (figure: string) => figure.slice(0, 31);

/**
 * A figure's sheet as an XLSX workbook (exceljs): the same header and cells as the CSV, hidden
 * cells empty, and a second sheet saying what the figures are, under which filters, and why
 * cells are empty.
 */
export async function sheetXlsx(sheet: FigureSheet, filters: Record<string, unknown>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Samspil';
  const data = workbook.addWorksheet(sheetName(sheet.figure));
  data.addRow(sheet.header).font = { bold: true };
  for (const row of sheet.rows) data.addRow(row.map((cell) => cell ?? undefined));
  data.getColumn(1).width = 24;
  const about = workbook.addWorksheet('Forklaring');
  about.addRows([
    ['Tal', sheet.figure],
    ['Definition', sheet.definitions.join(', ')],
    ...Object.entries(filters)
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => [`Filter: ${key}`, String(value)]),
    ['Beløb', 'øre'],
    [
      'Tomme celler',
      'Skjult af hensyn til privatlivet: færre end 5 borgere, én eller to borgere bærer mindst 85 % af beløbet, eller cellen kunne ellers regnes ud af totalerne.',
    ],
  ]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function presentCostByMonth(year: number, table: ShownTable & { areas: string[] }) {
  return {
    definition: COST_BY_MONTH_DEFINITION,
    year,
    months: Array.from({ length: 12 }, (_, index) => index + 1),
    rows: table.areas.map((budgetArea, index) => ({
      budgetArea,
      cells: table.cells[index] ?? [],
      total: table.rowTotals[index] as ShownTable['total'],
    })),
    totals: { cells: table.columnTotals, total: table.total },
  };
}

/** The GAS distribution: counts only (the money fields of a shared table cell are left out). */
export function presentGasDistribution(result: {
  year: number;
  units: ({ id: string; name: string } | null)[];
  scores: ShownTable;
  changes: ShownTable;
}) {
  const cell = (shown: ShownTable['total']) => ({ citizens: shown.citizens, hidden: shown.hidden });
  const table = (shown: ShownTable) => ({
    rows: result.units.map((unit, index) => ({
      unit,
      cells: (shown.cells[index] ?? []).map(cell),
      total: cell(shown.rowTotals[index] as ShownTable['total']),
    })),
    totals: { cells: shown.columnTotals.map(cell), total: cell(shown.total) },
  });
  return {
    definition: GAS_DISTRIBUTION_DEFINITION,
    year: result.year,
    scoreBands: [...GAS_SCORE_BANDS],
    changeBands: [...GAS_CHANGE_BANDS],
    scores: table(result.scores),
    changes: table(result.changes),
  };
}
