import { z } from 'zod';
import { PLAN_PURPOSE } from '../../domain/consent/consent.js';
import { proposalsOfCitizen } from '../../db/queries/proposal.queries.js';
import { authorizeCitizen } from '../auth/citizen-access.js';
import type { App, AppContext } from '../context.js';
import { actorOf } from '../plugins/auth.js';
import { hiddenInterventions } from '../plan/plan.presenter.js';
import { planWrite } from '../plan/plan.routes.js';
import { acceptProposal, createProposal, declineProposal } from './proposals.commands.js';
import { presentProposal } from './proposals.presenter.js';
import { proposalCreateSchema, proposalDeclineSchema, proposalListSchema } from './proposals.schemas.js';
import { citizenParams, idParam } from '../route-params.js';
import { auditOrigin } from '../audit/visit.js';

const interventionParams = z.strictObject({ citizenId: idParam('citizen'), itemId: idParam('intervention') });
const proposalParams = z.strictObject({ citizenId: idParam('citizen'), proposalId: idParam('proposal') });

/** Proposals: everyone with plan access proposes; the owning unit accepts or declines. */
export function proposalsRoutes(app: App, context: AppContext): void {
  const base = '/api/citizens/:citizenId/plan';

  planWrite(app, context, {
    method: 'POST',
    url: `${base}/interventions/:itemId/proposals`,
    summary: 'Propose a change to an intervention another unit owns; it goes to that unit’s inbox',
    tags: ['proposals'],
    params: interventionParams,
    body: proposalCreateSchema,
    successCode: 201,
    apply: (scope, params, body) => createProposal(scope, params.itemId, body),
  });
  planWrite(app, context, {
    method: 'POST',
    url: `${base}/proposals/:proposalId/accept`,
    summary: 'Accept a proposal (owning unit): the change is applied to the intervention',
    tags: ['proposals'],
    params: proposalParams,
    body: z.strictObject({}),
    successCode: 200,
    apply: (scope, params) => acceptProposal(scope, params.proposalId),
  });
  planWrite(app, context, {
    method: 'POST',
    url: `${base}/proposals/:proposalId/decline`,
    summary: 'Decline a proposal (owning unit), with a reason',
    tags: ['proposals'],
    params: proposalParams,
    body: proposalDeclineSchema,
    successCode: 200,
    apply: (scope, params, body) => declineProposal(scope, params.proposalId, body),
  });

  app.get(
    '/api/citizens/:citizenId/proposals',
    {
      schema: {
        tags: ['proposals'],
        summary: 'Proposed changes to the citizen’s interventions, pending first',
        params: citizenParams,
        response: { 200: proposalListSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { citizenId } = request.params;
      const { plan, grants, granted } = await authorizeCitizen(context, request, actor, citizenId, {
        action: 'read',
        resource: 'proposals',
      });
      const rows = await proposalsOfCitizen(context.database.db, actor.municipalityId, citizenId);
      const hidden = new Set(hiddenInterventions(plan, actor, granted.basis, grants));
      await context.audit.record({
        actor,
        citizenId,
        action: 'read',
        resource: 'proposals',
        outcome: 'allowed',
        ...auditOrigin(request),
        purpose: PLAN_PURPOSE,
      });
      return { items: rows.map((row) => presentProposal(row, actor, granted, hidden)) };
    },
  );
}
