import {
  canSuperviseAudit,
  decideBreakGlass,
  decideBreakGlassReview,
  decideCprReveal,
} from '../../domain/access/policy.js';
import { refusal } from '../../domain/access/refusals.js';
import {
  activeBreakGlassOf,
  type BreakGlassRow,
  breakGlassActivity,
  encryptedCprOf,
  listBreakGlass,
} from '../../db/queries/break-glass.queries.js';
import { authorizeCitizen, citizenAccess } from '../auth/citizen-access.js';
import { requireRecentLogin } from '../auth/step-up.js';
import type { App, AppContext } from '../context.js';
import { actorOf, professionalOf } from '../plugins/auth.js';
import { problems, refusedProblem } from '../problem.js';
import { citizenParams } from '../route-params.js';
import { breakGlass, reviewBreakGlass } from './break-glass.commands.js';
import { presentActivity, presentCpr, presentGlass } from './break-glass.presenter.js';
import {
  activeBreakGlassSchema,
  breakGlassDetailSchema,
  breakGlassListSchema,
  breakGlassOpenedSchema,
  cprRevealSchema,
} from '../../domain/access/access.responses.js';
import {
  breakGlassBody,
  breakGlassListQuery,
  glassParams,
  reasonBody,
  reviewBody,
  reviewedSchema,
} from './break-glass.schemas.js';
import { auditOrigin } from '../audit/visit.js';

/**
 * Break the glass: access to a citizen outside a relationship, with a reason from a list and an
 * explanation, for a few hours (SAMSPIL_BREAK_GLASS_HOURS); audited, shown to the citizen, and
 * reviewed by someone else (the unit's leader or an administrator) with an outcome and a look
 * at what was read and done under it. And the audited reveal of a full CPR number.
 */
export function breakGlassRoutes(app: App, context: AppContext): void {
  const { db } = context.database;
  const hours = context.config.breakGlassHours;

  app.post(
    '/api/citizens/:citizenId/break-glass',
    {
      config: { rateLimit: { max: 20, timeWindow: '1 hour' } },
      schema: {
        tags: ['access'],
        summary: `Break the glass: ${hours} hours of read access without a relationship, with a reason (audited, shown to the citizen and reviewed)`,
        params: citizenParams,
        body: breakGlassBody,
        response: { 201: breakGlassOpenedSchema },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { citizenId } = request.params;
      const { decision } = await authorizeCitizen(
        context,
        request,
        actor,
        citizenId,
        { action: 'break-glass', resource: 'citizen' },
        decideBreakGlass,
      );
      const professional = professionalOf(request);
      if (decision.allowed && decision.basis !== 'break-glass') {
        throw problems.conflict('You already have access to this citizen; there is no glass to break.');
      }
      // Step-up: breaking the glass needs a recent login (401 step-up-required otherwise).
      await requireRecentLogin(context, request, actor, citizenId, 'break-glass', 'citizen');
      const created = await breakGlass(context, request, professional, citizenId, request.body);
      return reply.code(201).send(created);
    },
  );

  app.get(
    '/api/citizens/:citizenId/break-glass/active',
    {
      schema: {
        tags: ['access'],
        summary: 'Your own emergency access to this citizen while it lasts, for the banner on its pages',
        params: citizenParams,
        response: { 200: activeBreakGlassSchema },
      },
    },
    async (request) => {
      const actor = professionalOf(request);
      // Another municipality's (or no) citizen is 404, as everywhere.
      await citizenAccess(context, actor, request.params.citizenId);
      const row = await activeBreakGlassOf(db, actor.municipalityId, actor.id, request.params.citizenId);
      return { active: row ? { id: row.id, expiresAt: row.expires_at.toISOString() } : null };
    },
  );

  app.get(
    '/api/break-glass',
    {
      schema: {
        tags: ['access'],
        summary: "Break-the-glass accesses to review: a team leader sees their unit's, an administrator all",
        querystring: breakGlassListQuery,
        response: { 200: breakGlassListSchema },
      },
    },
    async (request) => {
      const actor = professionalOf(request);
      if (!canSuperviseAudit(actor))
        throw refusedProblem(refusal('break-glass.review-supervisor'), request.headers['accept-language']);
      const rows = await listBreakGlass(db, actor.municipalityId, {
        unitId: actor.role === 'team_leader' ? actor.unitId : undefined,
        unreviewed: request.query.status === 'unreviewed',
        limit: request.query.limit,
      });
      await context.audit.record({
        actor,
        citizenId: null,
        action: 'list',
        resource: 'break_glass',
        outcome: 'allowed',
        ...auditOrigin(request),
        details: { results: rows.length },
        seenCitizens: rows.map((row) => row.citizen_id),
      });
      return { items: rows.map(presentGlass) };
    },
  );

  /** One break-the-glass access the actor may review: 404 if none, 403 (audited) if not theirs to review. */
  async function reviewable(
    request: Parameters<typeof professionalOf>[0],
    breakGlassId: string,
  ): Promise<BreakGlassRow> {
    const actor = professionalOf(request);
    const row = (await listBreakGlass(db, actor.municipalityId, { id: breakGlassId, limit: 1 }))[0];
    if (!row) throw problems.notFound('The break-the-glass access');
    const decision = decideBreakGlassReview(actor, {
      professionalId: row.professional_id,
      unitId: row.unit_id,
    });
    if (!decision.allowed) {
      await context.audit.record({
        actor,
        citizenId: row.citizen_id,
        action: 'update',
        resource: `break_glass:${breakGlassId}`,
        outcome: 'denied',
        ...auditOrigin(request),
      });
      throw refusedProblem(decision, request.headers['accept-language']);
    }
    return row;
  }

  app.get(
    '/api/break-glass/:breakGlassId',
    {
      schema: {
        tags: ['access'],
        summary: 'One break-the-glass access with what was read and done under it (for its reviewer)',
        params: glassParams,
        response: { 200: breakGlassDetailSchema },
      },
    },
    async (request) => {
      const actor = professionalOf(request);
      const row = await reviewable(request, request.params.breakGlassId);
      const activity = await breakGlassActivity(db, actor.municipalityId, row);
      await context.audit.record({
        actor,
        citizenId: row.citizen_id,
        action: 'read',
        resource: `break_glass:${row.id}`,
        outcome: 'allowed',
        ...auditOrigin(request),
      });
      return { ...presentGlass(row), activity: presentActivity(activity) };
    },
  );

  app.post(
    '/api/break-glass/:breakGlassId/review',
    {
      schema: {
        tags: ['access'],
        summary:
          'Review a break-the-glass access: justified or not, with a comment (not by the one who broke the glass)',
        params: glassParams,
        body: reviewBody,
        response: { 204: reviewedSchema },
      },
    },
    async (request, reply) => {
      const actor = professionalOf(request);
      const row = await reviewable(request, request.params.breakGlassId);
      await reviewBreakGlass(context, request, actor, row, request.body);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/citizens/:citizenId/cpr/reveal',
    {
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['access'],
        summary: 'Reveal the full CPR number, with a reason (audited); never cache or store it client-side',
        params: citizenParams,
        body: reasonBody,
        response: { 200: cprRevealSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { citizenId } = request.params;
      await authorizeCitizen(
        context,
        request,
        actor,
        citizenId,
        { action: 'reveal', resource: 'cpr' },
        decideCprReveal,
      );
      // Step-up: revealing a CPR number needs a recent login (401 step-up-required otherwise).
      await requireRecentLogin(context, request, actor, citizenId, 'reveal', 'cpr');
      const encrypted = await encryptedCprOf(db, actor.municipalityId, citizenId);
      if (!encrypted) throw problems.notFound('The citizen');
      const cpr = context.vault.decrypt(encrypted);
      // Durable before the number leaves the server.
      await context.audit.record({
        actor,
        citizenId,
        action: 'reveal',
        resource: 'cpr',
        outcome: 'allowed',
        ...auditOrigin(request),
        purpose: request.body.reason,
      });
      return presentCpr(cpr);
    },
  );
}
