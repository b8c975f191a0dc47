import { z } from 'zod';
import {
  BREAK_GLASS_OUTCOMES,
  BREAK_GLASS_REASONS,
  explanationProblem,
} from '../../domain/access/break-glass.js';
import {
  canSuperviseAudit,
  decideBreakGlass,
  decideBreakGlassReview,
  decideCprReveal,
} from '../../domain/access/policy.js';
import { refusal } from '../../domain/access/refusals.js';
import { newId } from '../../db/ids.js';
import {
  activeBreakGlassOf,
  type BreakGlassRow,
  breakGlassActivity,
  listBreakGlass,
} from '../../db/queries/break-glass.queries.js';
import { auditInTransaction } from '../audit/audit-writer.js';
import { authorizeCitizen, citizenAccess } from '../auth/citizen-access.js';
import { requireRecentLogin } from '../auth/step-up.js';
import type { App, AppContext } from '../context.js';
import { actorOf, professionalOf } from '../plugins/auth.js';
import { problems, refusedProblem } from '../problem.js';
import { freeText } from '../../domain/common/text.schemas.js';
import { citizenParams } from '../route-params.js';

const glassParams = z.strictObject({
  breakGlassId: z.uuid({ error: 'must be a break-the-glass id (UUID)' }),
});
const reasonBody = z.strictObject({
  reason: freeText(1000).min(10, { error: 'must say why, in at least 10 characters' }),
});
const breakGlassBody = z.strictObject({
  reasonCode: z
    .enum(BREAK_GLASS_REASONS, { error: `must be one of ${BREAK_GLASS_REASONS.join(', ')}` })
    .describe('The kind of emergency, from the list'),
  reason: freeText(1000)
    .superRefine((text, context) => {
      const problem = explanationProblem(text);
      if (problem) context.addIssue({ code: 'custom', message: problem });
    })
    .describe('What the situation is, in at least 20 letters or digits'),
});

const breakGlassViewSchema = z
  .object({
    id: z.uuid(),
    citizen: z.object({ id: z.uuid(), name: z.string() }),
    professional: z.object({ id: z.uuid(), name: z.string() }),
    unit: z.object({ id: z.uuid(), name: z.string() }),
    reasonCode: z.enum(BREAK_GLASS_REASONS),
    reason: z.string(),
    startedAt: z.string(),
    expiresAt: z.string(),
    reviewedAt: z.string().nullable(),
    review: z
      .object({
        outcome: z.enum(BREAK_GLASS_OUTCOMES),
        comment: z.string().nullable(),
        reviewer: z.object({ id: z.uuid(), name: z.string() }).nullable(),
      })
      .nullable(),
  })
  .meta({ id: 'BreakGlass' });

const activitySchema = z.object({
  at: z.string(),
  action: z.string(),
  what: z.string().describe('The kind of resource (plan, plan_history, cpr, …), not its ids'),
  outcome: z.enum(['allowed', 'denied']),
});

function presentGlass(row: BreakGlassRow): z.infer<typeof breakGlassViewSchema> {
  return {
    id: row.id,
    citizen: { id: row.citizen_id, name: `${row.given_name} ${row.family_name}` },
    professional: { id: row.professional_id, name: row.professional_name },
    unit: { id: row.unit_id, name: row.unit_name },
    reasonCode: row.reason_code as (typeof BREAK_GLASS_REASONS)[number],
    reason: row.reason,
    startedAt: row.started_at.toISOString(),
    expiresAt: row.expires_at.toISOString(),
    reviewedAt: row.reviewed_at?.toISOString() ?? null,
    review: row.review_outcome
      ? {
          outcome: row.review_outcome as (typeof BREAK_GLASS_OUTCOMES)[number],
          comment: row.review_comment,
          reviewer:
            row.reviewed_by && row.reviewer_name ? { id: row.reviewed_by, name: row.reviewer_name } : null,
        }
      : null,
  };
}

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
        response: { 201: z.object({ id: z.uuid(), expiresAt: z.string() }) },
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
      const id = newId();
      const expiresAt = new Date(Date.now() + hours * 3_600_000);
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('break_glass')
          .values({
            municipality_id: professional.municipalityId,
            id,
            citizen_id: citizenId,
            professional_id: professional.id,
            unit_id: professional.unitId,
            reason_code: request.body.reasonCode,
            reason: request.body.reason,
            expires_at: expiresAt,
            reviewed_by: null,
            reviewed_at: null,
          })
          .execute();
        await auditInTransaction(trx, {
          actor,
          citizenId,
          action: 'break-glass',
          resource: `break_glass:${id}`,
          outcome: 'allowed',
          clientIp: request.ip,
          purpose: request.body.reason,
          details: { expiresAt: expiresAt.toISOString(), reasonCode: request.body.reasonCode },
        });
      });
      context.plans.grants.invalidate(actor.municipalityId, citizenId);
      return reply.code(201).send({ id, expiresAt: expiresAt.toISOString() });
    },
  );

  app.get(
    '/api/citizens/:citizenId/break-glass/active',
    {
      schema: {
        tags: ['access'],
        summary: 'Your own emergency access to this citizen while it lasts, for the banner on its pages',
        params: citizenParams,
        response: {
          200: z.object({ active: z.object({ id: z.uuid(), expiresAt: z.string() }).nullable() }),
        },
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

  const listQuery = z.strictObject({
    status: z.enum(['unreviewed', 'all']).default('unreviewed'),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  });

  app.get(
    '/api/break-glass',
    {
      schema: {
        tags: ['access'],
        summary: "Break-the-glass accesses to review: a team leader sees their unit's, an administrator all",
        querystring: listQuery,
        response: { 200: z.object({ items: z.array(breakGlassViewSchema) }) },
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
        clientIp: request.ip,
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
        clientIp: request.ip,
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
        response: { 200: breakGlassViewSchema.extend({ activity: z.array(activitySchema) }) },
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
        clientIp: request.ip,
      });
      return {
        ...presentGlass(row),
        activity: activity.map((entry) => ({
          at: entry.at.toISOString(),
          action: entry.action,
          what: entry.resource.split(/[:,]/, 1)[0] ?? entry.resource,
          outcome: entry.outcome as 'allowed' | 'denied',
        })),
      };
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
        body: z.strictObject({
          outcome: z.enum(BREAK_GLASS_OUTCOMES, { error: 'must be justified or not-justified' }),
          comment: z
            .string()
            .trim()
            .min(5, { error: 'must say what the review found, in at least 5 characters' })
            .max(2000),
        }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const actor = professionalOf(request);
      const row = await reviewable(request, request.params.breakGlassId);
      const { outcome, comment } = request.body;
      await db.transaction().execute(async (trx) => {
        const result = await trx
          .updateTable('break_glass')
          .set({
            reviewed_by: actor.id,
            reviewed_at: new Date(),
            review_outcome: outcome,
            review_comment: comment,
          })
          .where('municipality_id', '=', actor.municipalityId)
          .where('id', '=', row.id)
          .where('reviewed_at', 'is', null)
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) === 0)
          throw problems.conflict('The break-the-glass access has been reviewed already.');
        await auditInTransaction(trx, {
          actor,
          citizenId: row.citizen_id,
          action: 'update',
          resource: `break_glass:${row.id}`,
          outcome: 'allowed',
          clientIp: request.ip,
          details: { reviewed: true, outcome },
        });
      });
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
        response: { 200: z.object({ cpr: z.string().describe('DDMMYY-SSSS') }) },
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
      const row = await db
        .selectFrom('citizen')
        .select(['cpr_encrypted'])
        .where('municipality_id', '=', actor.municipalityId)
        .where('id', '=', citizenId)
        .executeTakeFirst();
      if (!row) throw problems.notFound('The citizen');
      const cpr = context.vault.decrypt(row.cpr_encrypted);
      // Durable before the number leaves the server.
      await context.audit.record({
        actor,
        citizenId,
        action: 'reveal',
        resource: 'cpr',
        outcome: 'allowed',
        clientIp: request.ip,
        purpose: request.body.reason,
      });
      return { cpr: `${cpr.slice(0, 6)}-${cpr.slice(6)}` };
    },
  );
}
