import type { FastifyRequest } from 'fastify';
import { setAuditShowsNames } from '../../db/queries/access-log.queries.js';
import type { ProfessionalActor } from '../../domain/access/policy.js';
import type { AppContext } from '../context.js';
import { auditInTransaction } from './audit-writer.js';
import type { AuditSettingsBody } from './audit.schemas.js';
import { auditOrigin } from './visit.js';

/**
 * An administrator (authorised by the route) decides whether citizens see professionals' names
 * in their access log: the setting and its audit record in one transaction.
 */
export async function changeAuditSettings(
  context: AppContext,
  request: FastifyRequest,
  actor: ProfessionalActor,
  input: AuditSettingsBody,
): Promise<{ showNamesToCitizens: boolean }> {
  await context.database.db.transaction().execute(async (trx) => {
    await setAuditShowsNames(trx, actor.municipalityId, input.showNamesToCitizens);
    await auditInTransaction(trx, {
      actor,
      citizenId: null,
      action: 'update',
      resource: 'audit_settings',
      outcome: 'allowed',
      ...auditOrigin(request),
      details: input,
    });
  });
  return { showNamesToCitizens: input.showNamesToCitizens };
}
