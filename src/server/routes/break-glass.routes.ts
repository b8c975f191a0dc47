import { z } from 'zod';
import {
  BREAK_GLASS_HOURS,
  canSuperviseAudit,
  decideBreakGlass,
  decideCprReveal,
} from '../../domain/access/policy.js';
import { newId } from '../../db/ids.js';
import { auditInTransaction } from '../audit/audit-writer.js';
import { authorizeCitizen } from '../auth/citizen-access.js';
import { requireRecentLogin } from '../auth/step-up.js';
import type { App, AppContext } from '../context.js';
import { actorOf, professionalOf } from '../plugins/auth.js';
import { problems } from '../problem.js';
import { freeText } from '../../domain/common/text.schemas.js';

const citizenParams = z.strictObject({ citizenId: z.uuid({ error: 'must be a citizen id (UUID)' }) });
const reasonBody = z.strictObject({
  reason: freeText(1000).min(10, { error: 'must say why, in at least 10 characters' }),
});

const breakGlassViewSchema = z
  .object({
    id: z.uuid(),
    citizen: z.object({ id: z.uuid(), name: z.string() }),
    professional: z.object({ id: z.uuid(), name: z.string() }),
    unit: z.object({ id: z.uuid(), name: z.string() }),
    reason: z.string(),
    startedAt: z.string(),
    expiresAt: z.string(),
    reviewedAt: z.string().nullable(),
  })
  .meta({ id: 'BreakGlass' });

/**
 * Break the glass: access to a citizen outside a relationship, with a stated reason, for a
 * few hours; audited, listed for the unit's leader to review, shown to the citizen. And the
 * audited reveal of a full CPR number.
 */
export function breakGlassRoutes(app: App, context: AppContext): void {
  const { db } = context.database;

  app.post(
    '/api/citizens/:citizenId/break-glass',
    {
      config: { rateLimit: { max: 20, timeWindow: '1 hour' } },
      schema: {
        tags: ['access'],
        summary: `Break the glass: ${BREAK_GLASS_HOURS} hours of access without a relationship, with a reason (audited, shown to the citizen and your leader)`,
        params: citizenParams,
        body: reasonBody,
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
      const expiresAt = new Date(Date.now() + BREAK_GLASS_HOURS * 3_600_000);
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('break_glass')
          .values({
            municipality_id: professional.municipalityId,
            id,
            citizen_id: citizenId,
            professional_id: professional.id,
            unit_id: professional.unitId,
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
          details: { expiresAt: expiresAt.toISOString() },
        });
      });
      context.plans.grants.invalidate(actor.municipalityId, citizenId);
      return reply.code(201).send({ id, expiresAt: expiresAt.toISOString() });
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
        throw problems.forbidden('Only team leaders and administrators review break-the-glass.');
      let query = db
        .selectFrom('break_glass as b')
        .innerJoin('citizen as c', (join) =>
          join.onRef('c.municipality_id', '=', 'b.municipality_id').onRef('c.id', '=', 'b.citizen_id'),
        )
        .innerJoin('professional as p', (join) =>
          join.onRef('p.municipality_id', '=', 'b.municipality_id').onRef('p.id', '=', 'b.professional_id'),
        )
        .innerJoin('unit as u', (join) =>
          join.onRef('u.municipality_id', '=', 'b.municipality_id').onRef('u.id', '=', 'b.unit_id'),
        )
        .select([
          'b.id',
          'b.citizen_id',
          'c.given_name',
          'c.family_name',
          'b.professional_id',
          'p.name as professional_name',
          'b.unit_id',
          'u.name as unit_name',
          'b.reason',
          'b.started_at',
          'b.expires_at',
          'b.reviewed_at',
        ])
        .where('b.municipality_id', '=', actor.municipalityId);
      if (actor.role === 'team_leader') query = query.where('b.unit_id', '=', actor.unitId);
      if (request.query.status === 'unreviewed') query = query.where('b.reviewed_at', 'is', null);
      const rows = await query.orderBy('b.started_at', 'desc').limit(request.query.limit).execute();
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
      return {
        items: rows.map((row) => ({
          id: row.id,
          citizen: { id: row.citizen_id, name: `${row.given_name} ${row.family_name}` },
          professional: { id: row.professional_id, name: row.professional_name },
          unit: { id: row.unit_id, name: row.unit_name },
          reason: row.reason,
          startedAt: row.started_at.toISOString(),
          expiresAt: row.expires_at.toISOString(),
          reviewedAt: row.reviewed_at?.toISOString() ?? null,
        })),
      };
    },
  );

  app.post(
    '/api/break-glass/:breakGlassId/review',
    {
      schema: {
        tags: ['access'],
        summary: 'Mark a break-the-glass access as reviewed by the leader',
        params: z.strictObject({ breakGlassId: z.uuid({ error: 'must be a break-the-glass id (UUID)' }) }),
        body: z.strictObject({}).optional(),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const actor = professionalOf(request);
      if (!canSuperviseAudit(actor))
        throw problems.forbidden('Only team leaders and administrators review break-the-glass.');
      await db.transaction().execute(async (trx) => {
        let query = trx
          .updateTable('break_glass')
          .set({ reviewed_by: actor.id, reviewed_at: new Date() })
          .where('municipality_id', '=', actor.municipalityId)
          .where('id', '=', request.params.breakGlassId)
          .where('reviewed_at', 'is', null);
        if (actor.role === 'team_leader') query = query.where('unit_id', '=', actor.unitId);
        const result = await query.returning('citizen_id').executeTakeFirst();
        if (!result) throw problems.notFound('The break-the-glass access (unreviewed, of your unit)');
        await auditInTransaction(trx, {
          actor,
          citizenId: result.citizen_id,
          action: 'update',
          resource: `break_glass:${request.params.breakGlassId}`,
          outcome: 'allowed',
          clientIp: request.ip,
          details: { reviewed: true },
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
