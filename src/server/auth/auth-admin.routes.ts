import { z } from 'zod';
import { auditInTransaction } from '../audit/audit-writer.js';
import type { App, AppContext } from '../context.js';
import { professionalOf } from '../plugins/auth.js';
import { problems } from '../problem.js';
import { httpUrl, token } from '../../domain/common/text.schemas.js';

const professionalParams = z.strictObject({
  professionalId: z.uuid({ error: 'must be a professional id (UUID)' }),
});

/**
 * Account administration that touches login: disabling an account (which ends every one of
 * its sessions at once, including those cached in memory), enabling it again, and linking a
 * professional to their identity at the municipality's identity provider.
 */
export function authAdminRoutes(app: App, context: AppContext): void {
  const { db } = context.database;

  function requireAdministrator(
    request: Parameters<typeof professionalOf>[0],
  ): ReturnType<typeof professionalOf> {
    const actor = professionalOf(request);
    if (actor.role !== 'administrator') throw problems.forbidden('Only administrators manage accounts.');
    return actor;
  }

  for (const active of [false, true]) {
    app.post(
      `/api/professionals/:professionalId/${active ? 'enable' : 'disable'}`,
      {
        schema: {
          tags: ['auth'],
          summary: active
            ? 'Administrators: enable an account again'
            : 'Administrators: disable an account; every session of it ends at once',
          params: professionalParams,
          body: z.strictObject({}).optional(),
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        const actor = requireAdministrator(request);
        const { professionalId } = request.params;
        await db.transaction().execute(async (trx) => {
          const result = await trx
            .updateTable('professional')
            .set({ active })
            .where('municipality_id', '=', actor.municipalityId)
            .where('id', '=', professionalId)
            .executeTakeFirst();
          if (Number(result.numUpdatedRows) === 0) throw problems.notFound('The professional');
          await auditInTransaction(trx, {
            actor,
            citizenId: null,
            action: active ? 'update' : 'disable',
            resource: `professional:${professionalId}`,
            outcome: 'allowed',
            clientIp: request.ip,
            details: { active },
          });
        });
        if (!active) await context.sessions.destroyAllOf(actor.municipalityId, professionalId);
        return reply.code(204).send(null);
      },
    );
  }

  app.post(
    '/api/professionals/:professionalId/identities',
    {
      schema: {
        tags: ['auth'],
        summary:
          "Administrators: link a professional to their identity at the municipality's identity provider",
        params: professionalParams,
        body: z.strictObject({
          issuer: httpUrl(500),
          subject: token(255).min(1),
        }),
        response: { 201: z.object({ issuer: z.string(), subject: z.string() }) },
      },
    },
    async (request, reply) => {
      const actor = requireAdministrator(request);
      const { professionalId } = request.params;
      const professional = await db
        .selectFrom('professional')
        .select('id')
        .where('municipality_id', '=', actor.municipalityId)
        .where('id', '=', professionalId)
        .executeTakeFirst();
      if (!professional) throw problems.notFound('The professional');
      await db.transaction().execute(async (trx) => {
        const existing = await trx
          .selectFrom('identity_link')
          .select('subject_id')
          .where('issuer', '=', request.body.issuer)
          .where('subject', '=', request.body.subject)
          .executeTakeFirst();
        if (existing) throw problems.conflict('That identity is already linked to an account.');
        await trx
          .insertInto('identity_link')
          .values({
            municipality_id: actor.municipalityId,
            issuer: request.body.issuer,
            subject: request.body.subject,
            subject_kind: 'professional',
            subject_id: professionalId,
          })
          .execute();
        await auditInTransaction(trx, {
          actor,
          citizenId: null,
          action: 'create',
          resource: `identity_link:${professionalId}`,
          outcome: 'allowed',
          clientIp: request.ip,
        });
      });
      return reply.code(201).send(request.body);
    },
  );
}
