import { CONCENTRATION_DEFINITION } from '../../domain/analytics/concentration.js';
import { GAS_DISTRIBUTION_DEFINITION } from '../../domain/analytics/gas-distribution.js';
import { decideAnalyticsAccess } from '../../domain/access/policy.js';
import type { App, AppContext } from '../context.js';
import { actorOf } from '../plugins/auth.js';
import { refusedProblem } from '../problem.js';
import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../domain/access/policy.js';
import { costTableCsv } from '../../domain/analytics/cost-table.js';
import {
  costByAreaAndBand,
  costByAreaAndMonth,
  costConcentration,
  costTopGroups,
  gasDistributionOfYear,
  pathwayKpis,
} from './analytics.commands.js';
import {
  definitionHeader,
  costTableXlsx,
  presentCostByMonth,
  presentConcentration,
  presentCostTable,
  presentGasDistribution,
  presentTopGroups,
} from './analytics.presenter.js';
import {
  costByMonthSchema,
  costConcentrationSchema,
  costTableSchema,
  gasDistributionSchema,
  pathwayKpisSchema,
  topGroupsSchema,
} from '../../domain/analytics/analytics.responses.js';
import {
  type CostFilterQuery,
  costFilterQuerySchema,
  exportQuerySchema,
  gasDistributionQuerySchema,
  pathwayQuerySchema,
} from './analytics.schemas.js';
import { auditOrigin } from '../audit/visit.js';

/** Asks the policy; a refusal is audited and answered 403. */
export async function authorizeAnalytics(
  context: AppContext,
  request: FastifyRequest,
  action: 'read' | 'export',
  resource: string,
): Promise<Actor> {
  const actor = actorOf(request);
  const decision = decideAnalyticsAccess(actor, action);
  if (!decision.allowed) {
    await context.audit.record({
      actor,
      citizenId: null,
      action,
      resource,
      outcome: 'denied',
      ...auditOrigin(request),
    });
    throw refusedProblem(decision, request.headers['accept-language']);
  }
  return actor;
}

async function auditRead(
  context: AppContext,
  request: FastifyRequest,
  actor: Actor,
  resource: string,
  query: CostFilterQuery | Record<string, unknown>,
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
        querystring: costFilterQuerySchema,
        response: { 200: costConcentrationSchema },
      },
    },
    async (request, reply) => {
      const actor = await authorizeAnalytics(context, request, 'read', 'analytics:cost-concentration');
      const figure = await costConcentration(context, {
        municipalityId: actor.municipalityId,
        ...request.query,
      });
      await auditRead(context, request, actor, 'analytics:cost-concentration', request.query);
      reply.header('Samspil-Definition', definitionHeader(CONCENTRATION_DEFINITION));
      return presentConcentration(figure);
    },
  );

  app.get(
    '/api/analytics/cost-concentration/top-groups',
    {
      schema: {
        tags: ['analytics'],
        summary:
          'The most expensive 1, 5, 10 and 20 %: how many are in contact with 2+ sectors, how many interventions they have at once',
        querystring: costFilterQuerySchema,
        response: { 200: topGroupsSchema },
      },
    },
    async (request) => {
      const actor = await authorizeAnalytics(context, request, 'read', 'analytics:cost-top-groups');
      const result = await costTopGroups(context, { municipalityId: actor.municipalityId, ...request.query });
      await auditRead(context, request, actor, 'analytics:cost-top-groups', request.query);
      return presentTopGroups(request.query.year, result);
    },
  );

  app.get(
    '/api/analytics/cost-table',
    {
      schema: {
        tags: ['analytics'],
        summary:
          'Cost per budget area and concentration band (top 1 %, next 4 %, 5 %, 10 %, other 80 %), small and dominated cells hidden with their complements',
        querystring: costFilterQuerySchema,
        response: { 200: costTableSchema },
      },
    },
    async (request) => {
      const actor = await authorizeAnalytics(context, request, 'read', 'analytics:cost-table');
      const table = await costByAreaAndBand(context, {
        municipalityId: actor.municipalityId,
        ...request.query,
      });
      await auditRead(context, request, actor, 'analytics:cost-table', request.query);
      return presentCostTable(request.query.year, table);
    },
  );

  app.get(
    '/api/analytics/cost-table/export',
    {
      schema: {
        tags: ['analytics'],
        summary: 'The cost table as CSV or XLSX, with the same cells hidden; every export is audited',
        querystring: exportQuerySchema,
      },
    },
    async (request, reply) => {
      const actor = await authorizeAnalytics(context, request, 'export', 'analytics:cost-table');
      const { format, ...query } = request.query;
      const table = await costByAreaAndBand(context, { municipalityId: actor.municipalityId, ...query });
      await context.audit.record({
        actor,
        citizenId: null,
        action: 'export',
        resource: 'analytics:cost-table',
        outcome: 'allowed',
        ...auditOrigin(request),
        details: { ...query, format, rows: table.areas.length },
      });
      const name = `samspil-udgifter-${query.year}.${format}`;
      reply.header('Content-Disposition', `attachment; filename="${name}"`);
      if (format === 'xlsx')
        return reply
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .send(await costTableXlsx(query.year, table));
      return reply.type('text/csv; charset=utf-8').send(`\uFEFF${costTableCsv(table)}`);
    },
  );

  app.get(
    '/api/analytics/pathways',
    {
      schema: {
        tags: ['analytics'],
        summary:
          'Pathway KPIs of a year: time to the first and first business-directed intervention, the activity pyramid, inflow and outflow per month (each naming its definition)',
        querystring: pathwayQuerySchema,
        response: { 200: pathwayKpisSchema },
      },
    },
    async (request) => {
      const actor = await authorizeAnalytics(context, request, 'read', 'analytics:pathways');
      const result = await pathwayKpis(
        context,
        actor.municipalityId,
        request.query.year,
        request.query.pathwayType,
      );
      await auditRead(context, request, actor, 'analytics:pathways', request.query);
      return result;
    },
  );

  app.get(
    '/api/analytics/cost-by-month',
    {
      schema: {
        tags: ['analytics'],
        summary:
          'Who pays for a group of citizens over the year: cost per budget area and month, small and dominated cells hidden with their complements',
        querystring: costFilterQuerySchema,
        response: { 200: costByMonthSchema },
      },
    },
    async (request) => {
      const actor = await authorizeAnalytics(context, request, 'read', 'analytics:cost-by-month');
      const table = await costByAreaAndMonth(context, {
        municipalityId: actor.municipalityId,
        ...request.query,
      });
      await auditRead(context, request, actor, 'analytics:cost-by-month', request.query);
      return presentCostByMonth(request.query.year, table);
    },
  );

  app.get(
    '/api/analytics/gas-distribution',
    {
      schema: {
        tags: ['analytics', 'measures'],
        summary:
          "How citizens' GAS goes: their latest T-score and its change from the baseline in bands, per coordinator's unit and overall; small cells hidden with their complements, never per professional",
        querystring: gasDistributionQuerySchema,
        response: { 200: gasDistributionSchema },
      },
    },
    async (request, reply) => {
      const actor = await authorizeAnalytics(context, request, 'read', 'analytics:gas-distribution');
      const result = await gasDistributionOfYear(context, actor.municipalityId, request.query.year);
      await auditRead(context, request, actor, 'analytics:gas-distribution', request.query);
      reply.header('Samspil-Definition', definitionHeader(GAS_DISTRIBUTION_DEFINITION));
      return presentGasDistribution(result);
    },
  );
}
