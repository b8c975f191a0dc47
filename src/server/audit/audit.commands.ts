import type { FastifyRequest } from 'fastify';
import { setAuditShowsNames } from '../../db/queries/access-log.queries.js';
import type { ProfessionalActor } from '../../domain/access/policy.js';
import type { AppContext } from '../context.js';
import { problems } from '../problem.js';
import { auditInTransaction } from './audit-writer.js';
import type { AuditSettingsBody } from './audit.schemas.js';

/** An administrator decides whether citizens see professionals' names in their access log. */
export async function changeAuditSettings(
  context: AppContext,
  request: FastifyRequest,
  actor: ProfessionalActor,
  input: AuditSettingsBody,
): Promise<{ showNamesToCitizens: boolean }> {
  if (actor.role !== 'administrator')
    throw problems.forbidden('Only administrators change the audit policy.');
  await context.database.db.transaction().execute(async (trx) => {
    await setAuditShowsNames(trx, actor.municipalityId, input.showNamesToCitizens);
    await auditInTransaction(trx, {
      actor,
      citizenId: null,
      action: 'update',
      resource: 'audit_settings',
      outcome: 'allowed',
      clientIp: request.ip,
      details: input,
    });
  });
  return { showNamesToCitizens: input.showNamesToCitizens };
}
