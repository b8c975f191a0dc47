import type { z } from 'zod';
import type { AppContext } from '../context.js';
import {
  costByAreaAndBand,
  costByAreaAndMonth,
  costConcentration,
  costTopGroups,
  gasDistributionOfYear,
  pathwayKpis,
  steeringKpis,
} from './analytics.commands.js';
import {
  presentConcentration,
  presentCostByMonth,
  presentCostTable,
  presentGasDistribution,
  presentTopGroups,
} from './analytics.presenter.js';
import {
  collaborationQuerySchema,
  costFilterQuerySchema,
  gasDistributionQuerySchema,
  pathwayQuerySchema,
} from './analytics.schemas.js';
import { pathwayOutcomesOfYear } from './pathway-outcomes.commands.js';
import { collaborationFigures, coordinationFigures } from './coordination-figures.commands.js';

/**
 * Each management figure once: its query and how it is made, up to the presented response. The
 * JSON route and the figure's exports both call `compute`, so an export holds exactly the cells
 * the page shows, suppression and filters included.
 */
export interface FigureSource<Query extends z.ZodObject, Response> {
  query: Query;
  compute(context: AppContext, municipalityId: string, query: z.infer<Query>): Promise<Response>;
}

const source = <Query extends z.ZodObject, Response>(
  figure: FigureSource<Query, Response>,
): FigureSource<Query, Response> => figure;

export const FIGURES = {
  costConcentration: source({
    query: costFilterQuerySchema,
    compute: async (context, municipalityId, query) =>
      presentConcentration(await costConcentration(context, { municipalityId, ...query })),
  }),
  topGroups: source({
    query: costFilterQuerySchema,
    compute: async (context, municipalityId, query) =>
      presentTopGroups(query.year, await costTopGroups(context, { municipalityId, ...query })),
  }),
  costTable: source({
    query: costFilterQuerySchema,
    compute: async (context, municipalityId, query) =>
      presentCostTable(query.year, await costByAreaAndBand(context, { municipalityId, ...query })),
  }),
  costByMonth: source({
    query: costFilterQuerySchema,
    compute: async (context, municipalityId, query) =>
      presentCostByMonth(query.year, await costByAreaAndMonth(context, { municipalityId, ...query })),
  }),
  pathways: source({
    query: pathwayQuerySchema,
    compute: (context, municipalityId, query) => pathwayKpis(context, municipalityId, query),
  }),
  steering: source({
    query: pathwayQuerySchema,
    compute: (context, municipalityId, query) => steeringKpis(context, municipalityId, query),
  }),
  pathwayOutcomes: source({
    query: pathwayQuerySchema,
    compute: (context, municipalityId, query) => pathwayOutcomesOfYear(context, municipalityId, query),
  }),
  gasDistribution: source({
    query: gasDistributionQuerySchema,
    compute: async (context, municipalityId, query) =>
      presentGasDistribution(await gasDistributionOfYear(context, municipalityId, query.year, query)),
  }),
  coordination: source({
    query: pathwayQuerySchema,
    compute: (context, municipalityId, query) => coordinationFigures(context, municipalityId, query),
  }),
  collaboration: source({
    query: collaborationQuerySchema,
    compute: (context, municipalityId, query) => collaborationFigures(context, municipalityId, query),
  }),
};
