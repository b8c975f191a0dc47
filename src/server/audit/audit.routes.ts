import { z } from 'zod';
import { canSuperviseAudit, decideAccessLogRead } from '../../domain/access/policy.js';
import { accessLogRows, auditShowsNames } from '../../db/queries/access-log.queries.js';
import { breakGlassReviews } from '../../db/queries/break-glass.queries.js';
import { authorizeCitizen } from '../auth/citizen-access.js';
import type { App, AppContext } from '../context.js';
import { actorOf, professionalOf } from '../plugins/auth.js';
import { accessLogEntrySchema, presentAccessLogEntry } from '../presenters/access-log.presenter.js';
import { problems } from '../problem.js';
import { isoDateTime, token } from '../../domain/common/text.schemas.js';

const citizenParams = z.strictObject({ citizenId: z.uuid({ error: 'must be a citizen id (UUID)' }) });

const auditEventSchema = z
  .object({
    id: z.uuid(),
    seq: z.number().int().nullable(),
    at: z.string(),
    actor: z.object({
      kind: z.string(),
      id: z.uuid(),
      role: z.string(),
      name: z.string().nullable(),
      unitId: z.uuid().nullable(),
    }),
    onBehalfOf: z.string().nullable(),
    citizenId: z.uuid().nullable(),
    action: z.string(),
    resource: z.string(),
    outcome: z.string(),
    purpose: z.string().nullable(),
    clientIp: z.string().nullable(),
    details: z.record(z.string(), z.unknown()).nullable(),
  })
  .meta({ id: 'AuditEvent' });

/**
 * The audit trail, read: the citizen's "who has looked at my data and why", the supervisors'
 * search, and the municipality's policy on showing professionals' names to citizens.
 */
export function auditRoutes(app: App, context: AppContext): void {
  const { db } = context.database;

  app.get(
    '/api/citizens/:citizenId/access-log',
    {
      schema: {
        tags: ['audit'],
        summary: 'Who has looked at my data and why (for the citizen, newest first)',
        params: citizenParams,
        querystring: z.strictObject({
          limit: z.coerce.number().int().min(1).max(500).default(100),
          before: isoDateTime.optional(),
        }),
        response: { 200: z.object({ items: z.array(accessLogEntrySchema), showsNames: z.boolean() }) },
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
        { action: 'read', resource: 'access_log' },
        decideAccessLogRead,
      );
      const showsNames = await auditShowsNames(db, actor.municipalityId);
      const rows = await accessLogRows(db, actor.municipalityId, citizenId, {
        limit: request.query.limit,
        before: request.query.before ? new Date(request.query.before) : undefined,
      });
      await context.audit.record({
        actor,
        citizenId,
        action: 'read',
        resource: 'access_log',
        outcome: 'allowed',
        clientIp: request.ip,
      });
      const glassId = (resource: string): string | undefined =>
        resource.startsWith('break_glass:') ? resource.slice('break_glass:'.length) : undefined;
      const reviews = await breakGlassReviews(
        db,
        actor.municipalityId,
        rows.flatMap((row) => {
          const id = row.action === 'break-glass' ? glassId(row.resource) : undefined;
          return id ? [id] : [];
        }),
      );
      return {
        showsNames,
        items: rows.map((row) => {
          const breakGlass = row.action === 'break-glass';
          const review = breakGlass ? reviews.get(glassId(row.resource) ?? '') : undefined;
          return {
            ...presentAccessLogEntry(row, showsNames),
            breakGlass,
            ...(breakGlass
              ? {
                  review: review
                    ? {
                        outcome: review.outcome as 'justified' | 'not-justified',
                        comment: review.comment,
                        at: review.at.toISOString(),
                      }
                    : null,
                }
              : {}),
          };
        }),
      };
    },
  );

  app.get(
    '/api/audit/events',
    {
      config: { rateLimit: { max: 120, timeWindow: '1 minute' } },
      schema: {
        tags: ['audit'],
        summary: "Search the audit trail (team leader: their unit's staff; administrator: the municipality)",
        querystring: z.strictObject({
          citizenId: z.uuid().optional(),
          actorId: z.uuid().optional(),
          action: token(40).optional(),
          outcome: z.enum(['allowed', 'denied']).optional(),
          from: isoDateTime.optional(),
          to: isoDateTime.optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
        response: { 200: z.object({ items: z.array(auditEventSchema) }) },
      },
    },
    async (request) => {
      const actor = professionalOf(request);
      if (!canSuperviseAudit(actor)) {
        await context.audit.record({
          actor,
          citizenId: null,
          action: 'search',
          resource: 'audit',
          outcome: 'denied',
          clientIp: request.ip,
        });
        throw problems.forbidden('Only team leaders and administrators search the audit trail.');
      }
      const criteria = request.query;
      let query = db
        .selectFrom('audit_event as a')
        .leftJoin('professional as p', (join) =>
          join.onRef('p.municipality_id', '=', 'a.municipality_id').onRef('p.id', '=', 'a.actor_id'),
        )
        .select([
          'a.id',
          'a.seq',
          'a.at',
          'a.actor_kind',
          'a.actor_id',
          'a.actor_role',
          'a.actor_unit_id',
          'p.name',
          'a.on_behalf_of',
          'a.citizen_id',
          'a.action',
          'a.resource',
          'a.outcome',
          'a.purpose',
          'a.client_ip',
          'a.details',
        ])
        .where('a.municipality_id', '=', actor.municipalityId);
      if (actor.role === 'team_leader') query = query.where('a.actor_unit_id', '=', actor.unitId);
      if (criteria.citizenId) query = query.where('a.citizen_id', '=', criteria.citizenId);
      if (criteria.actorId) query = query.where('a.actor_id', '=', criteria.actorId);
      if (criteria.action) query = query.where('a.action', '=', criteria.action);
      if (criteria.outcome) query = query.where('a.outcome', '=', criteria.outcome);
      if (criteria.from) query = query.where('a.at', '>=', new Date(criteria.from));
      if (criteria.to) query = query.where('a.at', '<', new Date(criteria.to));
      const rows = await query
        .orderBy('a.at', 'desc')
        .orderBy('a.id', 'desc')
        .limit(criteria.limit)
        .execute();
      await context.audit.record({
        actor,
        citizenId: criteria.citizenId ?? null,
        action: 'search',
        resource: 'audit',
        outcome: 'allowed',
        clientIp: request.ip,
        details: { criteria: { ...criteria }, results: rows.length },
        seenCitizens: rows.flatMap((row) => (row.citizen_id ? [row.citizen_id] : [])),
      });
      return {
        items: rows.map((row) => ({
          id: row.id,
          seq: row.seq === null ? null : Number(row.seq),
          at: row.at.toISOString(),
          actor: {
            kind: row.actor_kind,
            id: row.actor_id,
            role: row.actor_role,
            name: row.name,
            unitId: row.actor_unit_id,
          },
          onBehalfOf: row.on_behalf_of,
          citizenId: row.citizen_id,
          action: row.action,
          resource: row.resource,
          outcome: row.outcome,
          purpose: row.purpose,
          clientIp: row.client_ip,
          details: (typeof row.details === 'string' ? JSON.parse(row.details) : row.details) as Record<
            string,
            unknown
          > | null,
        })),
      };
    },
  );

  const settingsSchema = z.object({ showNamesToCitizens: z.boolean() }).meta({ id: 'AuditSettings' });

  app.get(
    '/api/audit/settings',
    {
      schema: {
        tags: ['audit'],
        summary: "The municipality's audit policy",
        response: { 200: settingsSchema },
      },
    },
    async (request) => {
      const actor = professionalOf(request);
      return { showNamesToCitizens: await auditShowsNames(db, actor.municipalityId) };
    },
  );

  app.put(
    '/api/audit/settings',
    {
      schema: {
        tags: ['audit'],
        summary: 'Administrators: whether citizens see professionals’ names in their access log',
        body: z.strictObject({ showNamesToCitizens: z.boolean() }),
        response: { 200: settingsSchema },
      },
    },
    async (request) => {
      const actor = professionalOf(request);
      if (actor.role !== 'administrator')
        throw problems.forbidden('Only administrators change the audit policy.');
      await db
        .updateTable('municipality')
        .set({ audit_shows_names: request.body.showNamesToCitizens })
        .where('id', '=', actor.municipalityId)
        .execute();
      await context.audit.record({
        actor,
        citizenId: null,
        action: 'update',
        resource: 'audit_settings',
        outcome: 'allowed',
        clientIp: request.ip,
        details: request.body,
      });
      return { showNamesToCitizens: request.body.showNamesToCitizens };
    },
  );
}
