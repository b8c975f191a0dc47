import type { FastifyRequest } from 'fastify';
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
import { FIGURE_DEFINITION_HISTORY } from '../../domain/analytics/definitions.js';
import { auditOrigin } from '../audit/visit.js';
import type { App, AppContext } from '../context.js';
import { authorizeAnalytics } from './analytics.access.js';
import { analyticsExportRoutes } from './analytics.exports.js';
import { FIGURES } from './analytics.figures.js';
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

/** Management figures for leaders: aggregates only, privacy rules applied (docs/security.md). */
export function analyticsRoutes(app: App, context: AppContext): void {
  app.get(
    '/api/analytics/cost-concentration',
    {
      schema: {
        tags: ['analytics'],
        summary:
          'Share of the year’s attributable cost carried by the most expensive 1, 5, 10 and 20 % of citizens, Gini and Lorenz curve',
        querystring: FIGURES.costConcentration.query,
        response: { 200: costConcentrationSchema },
      },
    },
    async (request, reply) => {
      const actor = await authorizeAnalytics(context, request, 'read', 'analytics:cost-concentration');
      const figure = await FIGURES.costConcentration.compute(context, actor.municipalityId, request.query);
      await auditRead(context, request, actor, 'analytics:cost-concentration', request.query);
      reply.header('Samspil-Definition', definitionHeader(CONCENTRATION_DEFINITION));
      return figure;
    },
  );

  app.get(
    '/api/analytics/cost-concentration/top-groups',
    {
      schema: {
        tags: ['analytics'],
        summary:
          'The most expensive 1, 5, 10 and 20 %: how many are in contact with 2+ sectors, how many interventions they have at once',
        querystring: FIGURES.topGroups.query,
        response: { 200: topGroupsSchema },
      },
    },
    async (request) => {
      const actor = await authorizeAnalytics(context, request, 'read', 'analytics:cost-top-groups');
      const figure = await FIGURES.topGroups.compute(context, actor.municipalityId, request.query);
      await auditRead(context, request, actor, 'analytics:cost-top-groups', request.query);
      return figure;
    },
  );

  app.get(
    '/api/analytics/cost-table',
    {
      schema: {
        tags: ['analytics'],
        summary:
          'Cost per budget area and concentration band (top 1 %, next 4 %, 5 %, 10 %, other 80 %), small and dominated cells hidden with their complements',
        querystring: FIGURES.costTable.query,
        response: { 200: costTableSchema },
      },
    },
    async (request) => {
      const actor = await authorizeAnalytics(context, request, 'read', 'analytics:cost-table');
      const figure = await FIGURES.costTable.compute(context, actor.municipalityId, request.query);
      await auditRead(context, request, actor, 'analytics:cost-table', request.query);
      return figure;
    },
  );

  app.get(
    '/api/analytics/pathways',
    {
      schema: {
        tags: ['analytics'],
        summary:
          'Pathway KPIs of a year: time to the first and first business-directed intervention, the activity pyramid, inflow and outflow per month (each naming its definition)',
        querystring: FIGURES.pathways.query,
        response: { 200: pathwayKpisSchema },
      },
    },
    async (request) => {
      const actor = await authorizeAnalytics(context, request, 'read', 'analytics:pathways');
      const figure = await FIGURES.pathways.compute(context, actor.municipalityId, request.query);
      await auditRead(context, request, actor, 'analytics:pathways', request.query);
      return figure;
    },
  );

  app.get(
    '/api/analytics/cost-by-month',
    {
      schema: {
        tags: ['analytics'],
        summary:
          'Who pays for a group of citizens over the year: cost per budget area and month, small and dominated cells hidden with their complements',
        querystring: FIGURES.costByMonth.query,
        response: { 200: costByMonthSchema },
      },
    },
    async (request) => {
      const actor = await authorizeAnalytics(context, request, 'read', 'analytics:cost-by-month');
      const figure = await FIGURES.costByMonth.compute(context, actor.municipalityId, request.query);
      await auditRead(context, request, actor, 'analytics:cost-by-month', request.query);
      return figure;
    },
  );

  app.get(
    '/api/analytics/gas-distribution',
    {
      schema: {
        tags: ['analytics', 'measures'],
        summary:
          "How citizens' GAS goes: their latest T-score and its change from the baseline in bands, per coordinator's unit and overall; small cells hidden with their complements, never per professional",
        querystring: FIGURES.gasDistribution.query,
        response: { 200: gasDistributionSchema },
      },
    },
    async (request, reply) => {
      const actor = await authorizeAnalytics(context, request, 'read', 'analytics:gas-distribution');
      const figure = await FIGURES.gasDistribution.compute(context, actor.municipalityId, request.query);
      await auditRead(context, request, actor, 'analytics:gas-distribution', request.query);
      reply.header('Samspil-Definition', definitionHeader(GAS_DISTRIBUTION_DEFINITION));
      return figure;
    },
  );

  app.get(
    '/api/analytics/steering',
    {
      schema: {
        tags: ['analytics'],
        summary:
          'Steering KPIs of a year: activation rate and business-directed share, durations of pathway spells, counts per year with changes (each naming its definition)',
        querystring: FIGURES.steering.query,
        response: { 200: steeringSchema },
      },
    },
    async (request) => {
      const actor = await authorizeAnalytics(context, request, 'read', 'analytics:steering');
      const figure = await FIGURES.steering.compute(context, actor.municipalityId, request.query);
      await auditRead(context, request, actor, 'analytics:steering', request.query);
      return figure;
    },
  );

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
