import { z } from 'zod';
import { yearOf, danishToday } from '../../domain/calendar.js';
import { decisionFigures, decisionFiguresSchema } from '../../domain/decisions/decision-figures.js';
import type { AppealResult } from '../../domain/decisions/decision-checklist.js';
import { decisionFigureRows } from '../../db/queries/decision.queries.js';
import { authorizeAnalytics } from '../analytics/analytics.access.js';
import { auditOrigin } from '../audit/visit.js';
import type { App, AppContext } from '../context.js';

const figuresQuery = z.strictObject({
  year: z.coerce
    .number({ error: 'must be a year' })
    .int({ error: 'must be a year' })
    .min(2000, { error: 'must be 2000 or later' })
    .max(2200, { error: 'must be 2200 or earlier' })
    .optional()
    .describe('The year the decisions were made final (this year by default)'),
});

/** GET /api/analytics/decisions: the decision figures for leaders, small cells hidden. */
export function decisionFigureRoutes(app: App, context: AppContext): void {
  app.get(
    '/api/analytics/decisions',
    {
      schema: {
        tags: ['analytics'],
        summary:
          'Decision figures of a year: share changed by the hearing, appeals per 100 decisions, the appeal body’s change rate, days from draft to final (small cells hidden)',
        querystring: figuresQuery,
        response: { 200: decisionFiguresSchema },
      },
    },
    async (request) => {
      const actor = await authorizeAnalytics(context, request, 'read', 'analytics:decisions');
      const year = request.query.year ?? yearOf(danishToday());
      const rows = await decisionFigureRows(context.database.db, actor.municipalityId, year);
      const figures = decisionFigures(
        year,
        rows.map((row) => ({
          citizenId: row.citizen_id,
          draftedOn: row.drafted_on,
          decidedOn: row.decided_on as string,
          heard: row.hearing_sent_at !== null,
          changedByHearing: row.changed_by_hearing === true,
          appealed: row.received_on !== null,
          result: row.result as AppealResult | null,
        })),
      );
      await context.audit.record({
        actor,
        citizenId: null,
        action: 'read',
        resource: 'analytics:decisions',
        outcome: 'allowed',
        ...auditOrigin(request),
        details: { year },
      });
      return figures;
    },
  );
}
