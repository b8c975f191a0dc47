import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { decisionViewSchema } from '../../domain/decisions/decision.schemas.js';
import {
  appealCreateSchema,
  appealResultSchema,
  decisionFinalSchema,
  hearingSendSchema,
  informalContactSchema,
  reconsiderationSchema,
} from '../../domain/decisions/decision-steps.schemas.js';
import type { App, AppContext } from '../context.js';
import { actorOf } from '../plugins/auth.js';
import { idParam } from '../route-params.js';
import {
  finaliseDecision,
  recordAppeal,
  recordAppealResult,
  recordInformalContact,
  recordReconsideration,
  sendDraftToHearing,
} from './decision-steps.commands.js';

const decisionParams = z.strictObject({
  citizenId: idParam('citizen'),
  decisionId: idParam('decision'),
});
type Params = z.infer<typeof decisionParams>;

/**
 * The steps of a decision's checklist after the draft (issue 14, item 4): each a POST on the
 * decision, decided by the policy (the deciding unit's acts), refused with a problem naming the
 * rule when the checklist does not allow it now.
 */
export function decisionStepRoutes(app: App, context: AppContext): void {
  const call = (request: FastifyRequest<{ Params: Params }>) => ({
    context,
    request,
    actor: actorOf(request),
    citizenId: request.params.citizenId,
    decisionId: request.params.decisionId,
  });
  const base = '/api/citizens/:citizenId/decisions/:decisionId';
  const schema = (summary: string, body: z.ZodType) => ({
    tags: ['decisions'],
    summary,
    params: decisionParams,
    body,
    response: { 200: decisionViewSchema },
  });

  app.post(
    `${base}/informal-contact`,
    {
      schema: schema(
        'Plan the informal contact (a call or a meeting), or record its outcome',
        informalContactSchema,
      ),
    },
    async (request) =>
      recordInformalContact(call(request), request.body as z.infer<typeof informalContactSchema>),
  );
  app.post(
    `${base}/hearing`,
    {
      schema: schema(
        'Send a draft decision to hearing (partshøring), with her last day to answer',
        hearingSendSchema,
      ),
    },
    async (request) =>
      sendDraftToHearing(call(request), (request.body as z.infer<typeof hearingSendSchema>).hearingUntil),
  );
  app.post(
    `${base}/final`,
    {
      schema: schema(
        'Make the decision final: what the hearing changed, the reasons (§§ 22–24) and the appeal guidance (§ 25); refused for a negative decision without a hearing or a reason why none was needed',
        decisionFinalSchema,
      ),
    },
    async (request) => finaliseDecision(call(request), request.body as z.infer<typeof decisionFinalSchema>),
  );
  app.post(
    `${base}/appeal`,
    {
      schema: schema(
        'Record an appeal of the final decision (its reconsideration is due in 4 weeks)',
        appealCreateSchema,
      ),
    },
    async (request) =>
      recordAppeal(call(request), (request.body as z.infer<typeof appealCreateSchema>).receivedOn),
  );
  app.post(
    `${base}/reconsideration`,
    {
      schema: schema(
        'Record the reconsideration: upheld and forwarded to the appeal body, or changed in her favour',
        reconsiderationSchema,
      ),
    },
    async (request) =>
      recordReconsideration(call(request), request.body as z.infer<typeof reconsiderationSchema>),
  );
  app.post(
    `${base}/appeal-result`,
    {
      schema: schema(
        'Record the appeal body’s result: upheld, changed, remitted or rejected',
        appealResultSchema,
      ),
    },
    async (request) => recordAppealResult(call(request), request.body as z.infer<typeof appealResultSchema>),
  );
}
