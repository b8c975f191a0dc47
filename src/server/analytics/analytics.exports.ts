import { z } from 'zod';
import {
  activationSheet,
  concentrationSheet,
  periodCountsSheet,
  pathwayOutcomesSheet,
  spellsSheet,
  costByMonthSheet,
  costTableSheet,
  type FigureSheet,
  flowSheet,
  gasChangesSheet,
  gasScoresSheet,
  lorenzSheet,
  pyramidSheet,
  timeToOfferSheet,
  topGroupsSheet,
} from '../../domain/analytics/figure-sheets.js';
import {
  collaborationTiesSheet,
  coordinationFlagsSheet,
  coordinationSummarySheet,
  openFlagsSheet,
  qualityIndicatorsSheet,
  referralAnswersSheet,
  referralsSheet,
} from '../../domain/analytics/coordination-sheets.js';
import { toCsv } from '../../domain/common/csv.js';
import type { App, AppContext } from '../context.js';
import { auditOrigin } from '../audit/visit.js';
import { FIGURES, type FigureSource } from './analytics.figures.js';
import { sheetXlsx } from './analytics.presenter.js';
import { authorizeAnalytics } from './analytics.access.js';

/**
 * The exports of the management tables, one route shape for all:
 * GET /api/analytics/<figure>/export?format=csv|xlsx&<the figure's filters>. Each is made from
 * the figure's own response (analytics.figures.ts), so it holds the cells the page shows and
 * no other; each is audited with the figure and its filters (never a citizen).
 */
interface FigureExport {
  figure: string;
  summary: string;
  query: z.ZodObject;
  sheet(context: AppContext, municipalityId: string, query: Record<string, unknown>): Promise<FigureSheet>;
}

const formatSchema = z.enum(['csv', 'xlsx'], { error: 'must be csv or xlsx' }).default('csv');

function exportOf<Query extends z.ZodObject, Response>(
  figure: string,
  summary: string,
  from: FigureSource<Query, Response>,
  toSheet: (response: Response) => FigureSheet,
): FigureExport {
  return {
    figure,
    summary,
    query: from.query,
    sheet: async (context, municipalityId, query) =>
      toSheet(await from.compute(context, municipalityId, query as z.infer<Query>)),
  };
}

export const FIGURE_EXPORTS: readonly FigureExport[] = [
  exportOf(
    'cost-concentration',
    'Cost concentration: citizens, total, top shares, Gini',
    FIGURES.costConcentration,
    concentrationSheet,
  ),
  exportOf('lorenz', 'The Lorenz curve’s points', FIGURES.costConcentration, lorenzSheet),
  exportOf(
    'top-groups',
    'The most expensive groups: 2+ sectors, interventions at once',
    FIGURES.topGroups,
    topGroupsSheet,
  ),
  exportOf('cost-table', 'Cost per budget area and concentration band', FIGURES.costTable, costTableSheet),
  exportOf('cost-by-month', 'Cost per budget area and month', FIGURES.costByMonth, costByMonthSheet),
  exportOf(
    'time-to-offer',
    'Time from pathway start to the first (business-directed) offer',
    FIGURES.pathways,
    timeToOfferSheet,
  ),
  exportOf('activity-pyramid', 'The activity pyramid', FIGURES.pathways, pyramidSheet),
  exportOf('pathway-flow', 'Pathway inflow and outflow per month', FIGURES.pathways, flowSheet),
  exportOf('activation', 'Activation rate and business-directed share', FIGURES.steering, activationSheet),
  exportOf('pathway-spells', 'Durations of pathway spells', FIGURES.steering, spellsSheet),
  exportOf('period-counts', 'Pathway counts per year with changes', FIGURES.steering, periodCountsSheet),
  exportOf(
    'pathway-outcomes',
    'Outcomes of pathways per year of ending, and those still in pathway',
    FIGURES.pathwayOutcomes,
    pathwayOutcomesSheet,
  ),
  exportOf(
    'gas-scores',
    'Citizens by latest GAS T-score per coordinator’s unit',
    FIGURES.gasDistribution,
    gasScoresSheet,
  ),
  exportOf(
    'gas-changes',
    'Citizens by GAS change from baseline per coordinator’s unit',
    FIGURES.gasDistribution,
    gasChangesSheet,
  ),
  exportOf(
    'coordination-flags',
    'Coordination flags raised and resolved per rule and month',
    FIGURES.coordination,
    coordinationFlagsSheet,
  ),
  exportOf(
    'coordination-open-flags',
    'Coordination flags open at the end of each month per rule',
    FIGURES.coordination,
    openFlagsSheet,
  ),
  exportOf(
    'coordination-summary',
    'Median days to resolution; citizens with 2+ sectors and an open flag',
    FIGURES.coordination,
    coordinationSummarySheet,
  ),
  exportOf('referrals', 'Referrals per month sent by their state', FIGURES.coordination, referralsSheet),
  exportOf(
    'referral-answers',
    'Referrals answered by the answer date, late or not; median days',
    FIGURES.coordination,
    referralAnswersSheet,
  ),
  exportOf(
    'collaboration-ties',
    'Relational-coordination ties per survey and round',
    FIGURES.collaboration,
    collaborationTiesSheet,
  ),
  exportOf(
    'quality-indicators',
    'Quality-indicator means at baseline and end',
    FIGURES.collaboration,
    qualityIndicatorsSheet,
  ),
];

export function analyticsExportRoutes(app: App, context: AppContext): void {
  for (const figureExport of FIGURE_EXPORTS) {
    const resource = `analytics:${figureExport.figure}`;
    app.get(
      `/api/analytics/${figureExport.figure}/export`,
      {
        schema: {
          tags: ['analytics'],
          summary: `${figureExport.summary}, as CSV or XLSX with the same cells hidden; every export is audited`,
          querystring: figureExport.query.extend({ format: formatSchema }),
        },
      },
      async (request, reply) => {
        const actor = await authorizeAnalytics(context, request, 'export', resource);
        const { format, ...filters } = request.query as { format: 'csv' | 'xlsx' } & Record<string, unknown>;
        const sheet = await figureExport.sheet(context, actor.municipalityId, filters);
        await context.audit.record({
          actor,
          citizenId: null,
          action: 'export',
          resource,
          outcome: 'allowed',
          ...auditOrigin(request),
          details: { figure: figureExport.figure, format, filters, rows: sheet.rows.length },
        });
        const name = `samspil-${figureExport.figure}-${fileSuffix(filters)}.${format}`;
        reply.header('Content-Disposition', `attachment; filename="${name}"`);
        reply.header('Samspil-Definition', sheet.definitions.join(', '));
        if (format === 'xlsx')
          return reply
            .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
            .send(await sheetXlsx(sheet, filters));
        return reply.type('text/csv; charset=utf-8').send(`\uFEFF${toCsv(sheet.header, sheet.rows, ';')}`);
      },
    );
  }
}

/** The filters in the file name (ASCII only: a header value), e.g. 2026-employment. */
function fileSuffix(filters: Record<string, unknown>): string {
  return Object.values(filters)
    .filter((value) => value !== undefined)
    .map((value) =>
      String(value)
        .normalize('NFKD')
        .replace(/[^A-Za-z0-9-]+/g, ''),
    )
    .filter(Boolean)
    .join('-');
}
