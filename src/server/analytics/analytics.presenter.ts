import { CONCENTRATION_DEFINITION, type Concentration } from '../../domain/analytics/concentration.js';
import { COST_TABLE_DEFINITION, type CostTable } from '../../domain/analytics/cost-table.js';
import type { TopGroup } from '../../domain/analytics/top-groups.js';

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
