import { interventionFollowUpSchema, subGoalFollowUpSchema } from '../../domain/plan/follow-up.js';
import { followUpListSchema, followUpRecordedSchema } from '../../domain/plan/follow-up.responses.js';
import type { App, AppContext } from '../context.js';
import { actorOf } from '../plugins/auth.js';
import { planEtag } from '../problem.js';
import { citizenParams } from '../route-params.js';
import { readFollowUps, recordFollowUp } from './follow-up.commands.js';
import { ifMatchHeaders, itemParams } from './plan.schemas.js';

/** Follow-ups of interventions and sub-goals (issue 14): record one, read the held ones. */
export function followUpRoutes(app: App, context: AppContext): void {
  app.get(
    '/api/citizens/:citizenId/plan/follow-ups',
    {
      schema: {
        tags: ['plan'],
        summary: "The held follow-ups of the citizen's interventions and sub-goals (newest first)",
        params: citizenParams,
        response: { 200: followUpListSchema },
      },
    },
    async (request) => readFollowUps(context, request, actorOf(request), request.params.citizenId),
  );

  app.post(
    '/api/citizens/:citizenId/plan/interventions/:itemId/follow-ups',
    {
      schema: {
        tags: ['plan'],
        summary:
          'Record a follow-up of an intervention (owning unit only): measures, the FSIII code, and what it changes',
        params: itemParams('intervention'),
        headers: ifMatchHeaders,
        body: interventionFollowUpSchema,
        response: { 201: followUpRecordedSchema },
      },
    },
    async (request, reply) => {
      const { citizenId, itemId } = request.params;
      const recorded = await recordFollowUp(
        context,
        request,
        actorOf(request),
        citizenId,
        { kind: 'intervention', id: itemId },
        request.body,
      );
      reply.code(201).header('ETag', planEtag(recorded.planVersion));
      return recorded;
    },
  );

  app.post(
    '/api/citizens/:citizenId/plan/sub-goals/:itemId/follow-ups',
    {
      schema: {
        tags: ['plan'],
        summary:
          'Record a follow-up of a sub-goal: its GAS level, measures, the FSIII code, and what it changes',
        params: itemParams('sub-goal'),
        headers: ifMatchHeaders,
        body: subGoalFollowUpSchema,
        response: { 201: followUpRecordedSchema },
      },
    },
    async (request, reply) => {
      const { citizenId, itemId } = request.params;
      const recorded = await recordFollowUp(
        context,
        request,
        actorOf(request),
        citizenId,
        { kind: 'sub_goal', id: itemId },
        request.body,
      );
      reply.code(201).header('ETag', planEtag(recorded.planVersion));
      return recorded;
    },
  );
}
