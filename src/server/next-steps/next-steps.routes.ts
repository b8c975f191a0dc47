import { danishToday } from '../../domain/calendar.js';
import { PLAN_PURPOSE } from '../../domain/consent/consent.js';
import { nextSteps, nextStepsSchema } from '../../domain/plan/next-steps.js';
import { nextStepRows } from '../../db/queries/next-steps.queries.js';
import { authorizeCitizen } from '../auth/citizen-access.js';
import type { App, AppContext } from '../context.js';
import { hiddenFrom, unitNamesOf } from '../coordination/flag-presenter.js';
import { professionalOf } from '../plugins/auth.js';
import { viewerPlan } from '../plan/hidden-details.js';
import { nextStepFactsFor } from './next-steps.presenter.js';
import { citizenParams } from '../route-params.js';
import { planDocument } from '../plan/plan-store.js';
import { auditOrigin } from '../audit/visit.js';

/** "Næste skridt" on a plan: the same domain function and query as My day's per-citizen counts. */
export function nextStepsRoutes(app: App, context: AppContext): void {
  const { db } = context.database;

  app.get(
    '/api/citizens/:citizenId/next-steps',
    {
      schema: {
        tags: ['plan', 'workspace'],
        summary:
          'What to do next in the plan: overdue follow-ups and sub-goals, open flags by severity, the next meeting, pending proposals and referrals',
        params: citizenParams,
        response: { 200: nextStepsSchema },
      },
    },
    async (request) => {
      const actor = professionalOf(request);
      const { citizenId } = request.params;
      const access = await authorizeCitizen(context, request, actor, citizenId, {
        action: 'read',
        resource: 'next-steps',
      });
      await context.audit.record({
        actor,
        citizenId,
        action: 'read',
        resource: 'next-steps',
        outcome: 'allowed',
        ...auditOrigin(request),
        purpose: PLAN_PURPOSE,
      });
      const viewer = hiddenFrom(actor, access);
      const document = planDocument(access.plan);
      const rows = (await nextStepRows(db, actor.municipalityId, [citizenId])).get(citizenId);
      const names = await unitNamesOf(db, actor.municipalityId, rows?.flags ?? []);
      const facts = nextStepFactsFor(
        rows ?? { flags: [], meetings: [], proposals: [], referrals: [], reassessments: [] },
        viewer,
        names,
      );
      return nextSteps(viewerPlan(document, viewer.hidden), facts, actor.unitId, danishToday());
    },
  );
}
