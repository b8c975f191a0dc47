import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { decideCitizenAccess } from '../../domain/access/policy.js';
import {
  endSchema,
  pathwayEndSchema,
  goalInputSchema,
  interventionCreateSchema,
  interventionUpdateSchema,
  pathwayCreateSchema,
  pathwayStageMoveSchema,
  subGoalCreateSchema,
  subGoalUpdateSchema,
  teamMemberCreateSchema,
  teamMemberUpdateSchema,
} from '../../domain/plan/plan.schemas.js';
import { PLAN_PURPOSE } from '../../domain/consent/consent.js';
import { planHistoryRows } from '../../db/queries/plan-history.queries.js';
import { previousVisit } from '../../db/queries/workspace.queries.js';
import { authorizeCitizen } from '../auth/citizen-access.js';
import { actorOf } from '../plugins/auth.js';
import type { App, AppContext } from '../context.js';
import type { PlanChange } from '../../domain/plan/plan-change.js';
import {
  type ChangeRequest,
  type ChangeScope,
  changeOwnPart,
  changePlan,
  type OwnPartScope,
} from '../plan/plan-change.js';
import * as ownPart from '../plan/own-part.commands.js';
import {
  ownGoalInputSchema,
  ownStepCreateSchema,
  ownStepUpdateSchema,
  planCommentInputSchema,
} from '../../domain/plan/own-part.schemas.js';
import * as commands from '../plan/plan.commands.js';
import { movePathwayStage } from './pathway-stage.commands.js';
import type { StoredPlan } from '../plan/plan-store.js';
import {
  hiddenInterventions,
  presentedPlanSchema,
  presentHistory,
  presentPlanJson,
} from './plan.presenter.js';
import { planEtag } from '../problem.js';
import { citizenParams } from '../route-params.js';
import { planHistorySchema, planWriteSchema } from '../../domain/plan/plan.responses.js';
import { emptyBody, historyQuerySchema, ifMatchHeaders, itemParams } from './plan.schemas.js';
import { auditOrigin } from '../audit/visit.js';

export function planRoutes(app: App, context: AppContext): void {
  const { db } = context.database;

  app.get(
    '/api/citizens/:citizenId/plan',
    {
      schema: {
        tags: ['plan'],
        summary: "The citizen's whole plan: goal, sub-goals, interventions by sector, team and gaps",
        params: citizenParams,
        response: { 200: presentedPlanSchema },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { citizenId } = request.params;
      const { plan, grants, granted } = await authorizeCitizen(context, request, actor, citizenId, {
        action: 'read',
        resource: 'plan',
      });
      const hidden = hiddenInterventions(plan, actor, granted.basis, grants);
      await context.audit.record({
        actor,
        citizenId,
        action: 'read',
        resource: 'plan',
        outcome: 'allowed',
        ...auditOrigin(request),
        purpose: PLAN_PURPOSE,
        details: { basis: granted.basis, version: plan.version, detailsHidden: hidden.length },
      });
      return sendPlan(reply, plan, await presentPlanJson(db, actor.municipalityId, plan, hidden));
    },
  );

  app.get(
    '/api/citizens/:citizenId/plan/history',
    {
      schema: {
        tags: ['plan'],
        summary: 'What changed in the plan, by whom and when (newest first)',
        params: citizenParams,
        querystring: historyQuerySchema,
        response: { 200: planHistorySchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { citizenId } = request.params;
      const { plan, grants, granted } = await authorizeCitizen(context, request, actor, citizenId, {
        action: 'read',
        resource: 'plan_history',
      });
      const hidden = new Set(hiddenInterventions(plan, actor, granted.basis, grants));
      await context.audit.record({
        actor,
        citizenId,
        action: 'read',
        resource: 'plan_history',
        outcome: 'allowed',
        ...auditOrigin(request),
      });
      const rows = await planHistoryRows(db, actor.municipalityId, citizenId, hidden, request.query.limit);
      return {
        items: presentHistory(rows, hidden),
        // The citizen and a relative have visits too: Mit forløb tells them what changed since.
        previousVisitAt: await previousVisit(db, actor.municipalityId, actor.id, citizenId),
      };
    },
  );

  const write = <Body, Params extends { citizenId: string }>(
    method: 'POST' | 'PUT' | 'PATCH',
    url: string,
    summary: string,
    params: z.ZodType<Params>,
    body: z.ZodType<Body>,
    successCode: 200 | 201,
    apply: (scope: ChangeScope, params: Params, body: Body) => Promise<PlanChange[]>,
  ): void => planWrite(app, context, { method, url, summary, params, body, successCode, apply });

  const base = '/api/citizens/:citizenId/plan';
  write(
    'PUT',
    `${base}/goal`,
    "Set the citizen's overall goal",
    citizenParams,
    goalInputSchema,
    200,
    (scope, _p, body) => commands.setGoal(scope, body),
  );
  write(
    'POST',
    `${base}/sub-goals`,
    'Add a sub-goal',
    citizenParams,
    subGoalCreateSchema,
    201,
    (scope, _p, body) => commands.createSubGoal(scope, body),
  );
  write(
    'PATCH',
    `${base}/sub-goals/:itemId`,
    'Change a sub-goal',
    itemParams('sub-goal'),
    subGoalUpdateSchema,
    200,
    (scope, p, body) => commands.updateSubGoal(scope, p.itemId, body),
  );
  write(
    'POST',
    `${base}/sub-goals/:itemId/end`,
    'End a sub-goal, with a reason',
    itemParams('sub-goal'),
    endSchema,
    200,
    (scope, p, body) => commands.endSubGoal(scope, p.itemId, body),
  );
  write(
    'POST',
    `${base}/interventions`,
    'Add an intervention',
    citizenParams,
    interventionCreateSchema,
    201,
    (scope, _p, body) => commands.createIntervention(scope, body),
  );
  write(
    'PATCH',
    `${base}/interventions/:itemId`,
    'Change an intervention',
    itemParams('intervention'),
    interventionUpdateSchema,
    200,
    (scope, p, body) => commands.updateIntervention(scope, p.itemId, body),
  );
  write(
    'POST',
    `${base}/interventions/:itemId/end`,
    'End an intervention, with a reason',
    itemParams('intervention'),
    endSchema,
    200,
    (scope, p, body) => commands.endIntervention(scope, p.itemId, body),
  );
  write(
    'POST',
    `${base}/interventions/:itemId/confirm`,
    'Confirm an intervention someone outside your unit recorded for it (owning unit only)',
    itemParams('intervention'),
    emptyBody,
    200,
    (scope, p) => commands.confirmIntervention(scope, p.itemId),
  );
  write(
    'POST',
    `${base}/team`,
    'Add a professional, relative or civil-society actor to the team',
    citizenParams,
    teamMemberCreateSchema,
    201,
    (scope, _p, body) => commands.addTeamMember(scope, body),
  );
  write(
    'PATCH',
    `${base}/team/:itemId`,
    'Change a team member',
    itemParams('team member'),
    teamMemberUpdateSchema,
    200,
    (scope, p, body) => commands.updateTeamMember(scope, p.itemId, body),
  );
  write(
    'POST',
    `${base}/team/:itemId/end`,
    'Take someone off the team, with a reason',
    itemParams('team member'),
    endSchema,
    200,
    (scope, p, body) => commands.endTeamMember(scope, p.itemId, body),
  );
  write(
    'POST',
    `${base}/pathways`,
    'Start a pathway (forløb) the plan runs in; the stalled rule counts from its start',
    citizenParams,
    pathwayCreateSchema,
    201,
    (scope, _p, body) => commands.startPathway(scope, body),
  );
  write(
    'POST',
    `${base}/pathways/:itemId/end`,
    'End a pathway, with a reason and its coded outcome (job, education, flex-job, disability-pension, other)',
    itemParams('pathway'),
    pathwayEndSchema,
    200,
    (scope, p, body) => commands.endPathway(scope, p.itemId, body),
  );
  write(
    'POST',
    `${base}/pathways/:itemId/stage`,
    'Move a running pathway to a stage its template version allows next (409 names the allowed ones)',
    itemParams('pathway'),
    pathwayStageMoveSchema,
    200,
    (scope, p, body) => movePathwayStage(scope, p.itemId, body),
  );

  // The citizen's own part (issue 11): only she writes it, through the same transaction.
  const own = <Body, Params extends { citizenId: string }>(
    route: Omit<PlanWriteRoute<Body, Params, OwnPartScope>, 'changer' | 'tags'>,
  ): void => planWrite(app, context, { ...route, tags: ['plan', 'citizen'], changer: changeOwnPart });
  own({
    method: 'PUT',
    url: `${base}/own-goal`,
    summary: 'The citizen sets her goal in her own words (the professional wording stays apart)',
    params: citizenParams,
    body: ownGoalInputSchema,
    successCode: 200,
    apply: (scope, _p, body) => ownPart.setOwnGoal(scope, body),
  });
  own({
    method: 'POST',
    url: `${base}/own-steps`,
    summary: 'The citizen adds a step of her own, or something her network does',
    params: citizenParams,
    body: ownStepCreateSchema,
    successCode: 201,
    apply: (scope, _p, body) => ownPart.addOwnStep(scope, body),
  });
  own({
    method: 'PATCH',
    url: `${base}/own-steps/:itemId`,
    summary: 'The citizen marks one of her steps done, or not done',
    params: itemParams('step'),
    body: ownStepUpdateSchema,
    successCode: 200,
    apply: (scope, p, body) => ownPart.markOwnStep(scope, p.itemId, body),
  });
  own({
    method: 'POST',
    url: `${base}/comments`,
    summary: 'The citizen comments on the plan, or approves it as it is now (with or without a comment)',
    params: citizenParams,
    body: planCommentInputSchema,
    successCode: 201,
    apply: (scope, _p, body) => ownPart.commentOnPlan(scope, body),
  });
}

/** Runs a change inside the plan's transaction: changePlan (professionals) or changeOwnPart (the citizen). */
export type PlanChanger<Scope> = (
  context: AppContext,
  request: ChangeRequest,
  apply: (scope: Scope) => Promise<PlanChange[]>,
) => Promise<{ plan: StoredPlan; changes: PlanChange[] }>;

/** One plan write as a route: where, what it takes, and the change it applies inside changePlan. */
export interface PlanWriteRoute<Body, Params extends { citizenId: string }, Scope = ChangeScope> {
  method: 'POST' | 'PUT' | 'PATCH';
  url: string;
  summary: string;
  params: z.ZodType<Params>;
  body: z.ZodType<Body>;
  successCode: 200 | 201;
  tags?: string[];
  apply: (scope: Scope, params: Params, body: Body) => Promise<PlanChange[]>;
  /** Whose change it is; changePlan unless said. */
  changer?: PlanChanger<Scope>;
}

/**
 * Registers one plan write: validated body, If-Match, the change inside changePlan, and the plan
 * as the writer may now see it (with its ETag). Every route that changes a plan uses it.
 */
export function planWrite<Body, Params extends { citizenId: string }, Scope = ChangeScope>(
  app: App,
  context: AppContext,
  route: PlanWriteRoute<Body, Params, Scope>,
): void {
  const { method, url, summary, params, body, successCode, apply } = route;
  const change = route.changer ?? (changePlan as unknown as PlanChanger<Scope>);
  app.route({
    method,
    url,
    schema: {
      tags: route.tags ?? ['plan'],
      summary,
      params,
      body,
      headers: ifMatchHeaders,
      response: { [successCode]: planWriteSchema },
    },
    handler: async (request: FastifyRequest, reply: FastifyReply) => {
      const requestParams = request.params as Params;
      const { plan, changes } = await change(
        context,
        {
          actor: actorOf(request),
          citizenId: requestParams.citizenId,
          ifMatch: request.headers['if-match'],
          ...auditOrigin(request),
          acceptLanguage: request.headers['accept-language'],
        },
        (scope) => apply(scope, requestParams, request.body as Body),
      );
      const id = changes.at(-1)?.entityId ?? requestParams.citizenId;
      const writer = actorOf(request);
      const grants = await context.plans.grants.get(writer.municipalityId, requestParams.citizenId);
      const decision = decideCitizenAccess(writer, plan.relations, grants);
      // The writer may have written themselves out of the plan: then they get no plan back.
      const json = decision.allowed
        ? await presentPlanJson(
            context.database.db,
            writer.municipalityId,
            plan,
            hiddenInterventions(plan, writer, decision.basis, grants),
          )
        : Buffer.from('null');
      reply.code(successCode).header('ETag', planEtag(plan.version));
      return reply
        .type('application/json')
        .send(Buffer.concat([Buffer.from(`{"id":${JSON.stringify(id)},"plan":`), json, Buffer.from('}')]));
    },
  });
}

/** Sends cached JSON as it is: serialised once per version and kind of viewer, by the presenter. */
function sendPlan(reply: FastifyReply, plan: StoredPlan, json: Buffer): FastifyReply {
  return reply.header('ETag', planEtag(plan.version)).type('application/json').send(json);
}
