import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { CONCENTRATION_DEFINITION } from '../../domain/analytics/concentration.js';
import { GAS_DISTRIBUTION_DEFINITION } from '../../domain/analytics/gas-distribution.js';
import type { Actor } from '../../domain/access/policy.js';
import {
  costByMonthSchema,
  costConcentrationSchema,
  costTableSchema,
  gasDistributionSchema,
  pathwayKpisSchema,
  topGroupsSchema,
} from '../../domain/analytics/analytics.responses.js';
import { definitionsSchema, steeringSchema } from '../../domain/analytics/steering.responses.js';
import {
  collaborationFiguresSchema,
  coordinationFiguresSchema,
} from '../../domain/analytics/coordination.responses.js';
import { FIGURE_DEFINITION_HISTORY } from '../../domain/analytics/definitions.js';
import { PATHWAY_OUTCOMES_DEFINITION } from '../../domain/analytics/pathway-outcomes.js';
import { pathwayOutcomesSchema } from '../../domain/analytics/pathway-outcomes.responses.js';
import { auditOrigin } from '../audit/visit.js';
import type { App, AppContext } from '../context.js';
import { authorizeAnalytics } from './analytics.access.js';
import { analyticsExportRoutes } from './analytics.exports.js';
import { FIGURES, type FigureSource } from './analytics.figures.js';
import { definitionHeader } from './analytics.presenter.js';

async function auditRead(
  context: AppContext,
  request: FastifyRequest,
  actor: Actor,
  resource: string,
  query: Record<string, unknown>,
): Promise<void> {
  await context.audit.record({
    actor,
    citizenId: null,
    action: 'read',
    resource,
    outcome: 'allowed',
    ...auditOrigin(request),
    details: { ...query },
  });
}

/**
 * One JSON figure: parse → authorise (policy) → compute (analytics.figures.ts) → audit the read
 * → answer, naming its definition in a header where it has one.
 */
function figureRoute<Query extends z.ZodObject, Response>(
  app: App,
  context: AppContext,
  route: {
    path: string;
    resource: string;
    summary: string;
    tags?: string[];
    response: z.ZodType;
    source: FigureSource<Query, Response>;
    definition?: { id: string; version: number };
  },
): void {
  app.get(
    route.path,
    {
      schema: {
        tags: route.tags ?? ['analytics'],
        summary: route.summary,
        querystring: route.source.query,
        response: { 200: route.response },
      },
    },
    async (request, reply) => {
      const actor = await authorizeAnalytics(context, request, 'read', route.resource);
      const query = request.query as z.infer<Query>;
      const figure = await route.source.compute(context, actor.municipalityId, query);
      await auditRead(context, request, actor, route.resource, query as Record<string, unknown>);
      if (route.definition) reply.header('Samspil-Definition', definitionHeader(route.definition));
      return figure;
    },
  );
}

/** Management figures for leaders: aggregates only, privacy rules applied (docs/security.md). */
export function analyticsRoutes(app: App, context: AppContext): void {
  figureRoute(app, context, {
    path: '/api/analytics/cost-concentration',
    resource: 'analytics:cost-concentration',
    summary:
      'Share of the year’s attributable cost carried by the most expensive 1, 5, 10 and 20 % of citizens, Gini and Lorenz curve',
    response: costConcentrationSchema,
    source: FIGURES.costConcentration,
    definition: CONCENTRATION_DEFINITION,
  });
  figureRoute(app, context, {
    path: '/api/analytics/cost-concentration/top-groups',
    resource: 'analytics:cost-top-groups',
    summary:
      'The most expensive 1, 5, 10 and 20 %: how many are in contact with 2+ sectors, how many interventions they have at once',
    response: topGroupsSchema,
    source: FIGURES.topGroups,
  });
  figureRoute(app, context, {
    path: '/api/analytics/cost-table',
    resource: 'analytics:cost-table',
    summary:
      'Cost per budget area and concentration band (top 1 %, next 4 %, 5 %, 10 %, other 80 %), small and dominated cells hidden with their complements',
    response: costTableSchema,
    source: FIGURES.costTable,
  });
  figureRoute(app, context, {
    path: '/api/analytics/pathways',
    resource: 'analytics:pathways',
    summary:
      'Pathway KPIs of a year: time to the first and first business-directed intervention, the activity pyramid, inflow and outflow per month (each naming its definition)',
    response: pathwayKpisSchema,
    source: FIGURES.pathways,
  });
  figureRoute(app, context, {
    path: '/api/analytics/cost-by-month',
    resource: 'analytics:cost-by-month',
    summary:
      'Who pays for a group of citizens over the year: cost per budget area and month, small and dominated cells hidden with their complements',
    response: costByMonthSchema,
    source: FIGURES.costByMonth,
  });
  figureRoute(app, context, {
    path: '/api/analytics/gas-distribution',
    resource: 'analytics:gas-distribution',
    tags: ['analytics', 'measures'],
    summary:
      "How citizens' GAS goes: their latest T-score and its change from the baseline in bands, per coordinator's unit and overall; small cells hidden with their complements, never per professional",
    response: gasDistributionSchema,
    source: FIGURES.gasDistribution,
    definition: GAS_DISTRIBUTION_DEFINITION,
  });
  figureRoute(app, context, {
    path: '/api/analytics/steering',
    resource: 'analytics:steering',
    summary:
      'Steering KPIs of a year: activation rate and business-directed share, durations of pathway spells, counts per year with changes (each naming its definition)',
    response: steeringSchema,
    source: FIGURES.steering,
  });

  figureRoute(app, context, {
    path: '/api/analytics/pathway-outcomes',
    resource: 'analytics:pathway-outcomes',
    summary:
      'Outcomes of pathways per year of ending (job, education, flex job, disability pension, other, not recorded) and those still in pathway at the end of the year: counts and shares of the year, small cells hidden with their complements',
    response: pathwayOutcomesSchema,
    source: FIGURES.pathwayOutcomes,
    definition: PATHWAY_OUTCOMES_DEFINITION,
  });
  figureRoute(app, context, {
    path: '/api/analytics/coordination',
    resource: 'analytics:coordination',
    tags: ['analytics', 'coordination'],
    summary:
      'Coordination figures of a year: flags raised, resolved and open per rule and month, median days to resolution, citizens with 2+ sectors and an open flag, the referral loop per month sent (each naming its definition; small cells hidden with complements)',
    response: coordinationFiguresSchema,
    source: FIGURES.coordination,
  });
  figureRoute(app, context, {
    path: '/api/analytics/collaboration',
    resource: 'analytics:collaboration',
    tags: ['analytics', 'measures'],
    summary:
      'Collaboration and quality figures: relational-coordination ties per survey and round with pooled totals and respondents, quality-indicator means at baseline and end; figures of 1–4 respondents hidden with complements',
    response: collaborationFiguresSchema,
    source: FIGURES.collaboration,
  });

  app.get(
    '/api/analytics/definitions',
    {
      schema: {
        tags: ['analytics'],
        summary:
          'Every definition the management figures have been made by, with every version (its history)',
        response: { 200: definitionsSchema },
      },
    },
    async (request) => {
      await authorizeAnalytics(context, request, 'read', 'analytics:definitions');
      return { definitions: [...FIGURE_DEFINITION_HISTORY] };
    },
  );

  analyticsExportRoutes(app, context);
}
