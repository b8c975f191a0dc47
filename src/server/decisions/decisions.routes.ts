import { z } from 'zod';
import {
  decisionCreateSchema,
  decisionViewSchema,
  hearingResponseCreateSchema,
} from '../../domain/decisions/decision.schemas.js';
import { authorizeCitizen } from '../auth/citizen-access.js';
import type { App, AppContext } from '../context.js';
import { actorOf } from '../plugins/auth.js';
import { answerHearing, listDecisions, createDecision } from './decisions.commands.js';
import { citizenParams, idParam } from '../route-params.js';
import { auditOrigin } from '../audit/visit.js';
import { decisionFigureRoutes } from './decision-figures.routes.js';
import { decisionLetterRoutes } from './decision-letters.routes.js';
import { decisionStepRoutes } from './decision-steps.routes.js';

const decisionParams = z.strictObject({
  citizenId: idParam('citizen'),
  decisionId: idParam('decision'),
});
const listSchema = z.object({ items: z.array(decisionViewSchema) }).meta({ id: 'DecisionList' });

/** Preliminary decisions in hearing, and the citizen's answers (issue 11; issue 14 adds the rest). */
export function decisionsRoutes(app: App, context: AppContext): void {
  decisionStepRoutes(app, context);
  decisionLetterRoutes(app, context);
  decisionFigureRoutes(app, context);
  app.get(
    '/api/citizens/:citizenId/decisions',
    {
      schema: {
        tags: ['decisions', 'citizen'],
        summary: "The citizen's decisions and hearings, oldest first (none for a passing basis)",
        params: citizenParams,
        response: { 200: listSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { citizenId } = request.params;
      const { granted } = await authorizeCitizen(context, request, actor, citizenId, {
        action: 'read',
        resource: 'decisions',
      });
      const items = await listDecisions(context, actor, granted.basis, citizenId);
      await context.audit.record({
        actor,
        citizenId,
        action: 'read',
        resource: 'decisions',
        outcome: 'allowed',
        ...auditOrigin(request),
        details: { decisions: items.length },
      });
      return { items };
    },
  );

  app.post(
    '/api/citizens/:citizenId/decisions',
    {
      schema: {
        tags: ['decisions'],
        summary:
          'Draft a decision with the facts and the legal basis; with a last day, it goes to hearing (partshøring) at once',
        params: citizenParams,
        body: decisionCreateSchema,
        response: { 201: decisionViewSchema },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await createDecision(context, request, actorOf(request), request.params.citizenId, request.body),
        ),
  );

  app.post(
    '/api/citizens/:citizenId/decisions/:decisionId/responses',
    {
      schema: {
        tags: ['decisions', 'citizen'],
        summary: 'The citizen comments on a decision in hearing, or corrects its facts, until its last day',
        params: decisionParams,
        body: hearingResponseCreateSchema,
        response: { 201: decisionViewSchema },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await answerHearing(
            context,
            request,
            actorOf(request),
            request.params.citizenId,
            request.params.decisionId,
            request.body,
          ),
        ),
  );
}
