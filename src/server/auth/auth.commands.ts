import type { FastifyRequest } from 'fastify';
import type { ProfessionalActor } from '../../domain/access/policy.js';
import {
  identityLinked,
  insertProfessionalIdentityLink,
  setProfessionalActive,
} from '../../db/queries/auth.queries.js';
import { auditInTransaction } from '../audit/audit-writer.js';
import type { AppContext } from '../context.js';
import { problems } from '../problem.js';
import { auditOrigin } from '../audit/visit.js';
import { inMunicipality } from '../../db/queries/tenant.queries.js';

/**
 * An administrator disables an account (every one of its sessions ends at once, those cached
 * in memory too) or enables it again; audited in the same transaction.
 */
export async function setAccountActive(
  context: AppContext,
  request: FastifyRequest,
  actor: ProfessionalActor,
  professionalId: string,
  active: boolean,
): Promise<void> {
  await context.database.db.transaction().execute(async (trx) => {
    if (!(await setProfessionalActive(trx, actor.municipalityId, professionalId, active)))
      throw problems.notFound('The professional');
    await auditInTransaction(trx, {
      actor,
      citizenId: null,
      action: active ? 'update' : 'disable',
      resource: `professional:${professionalId}`,
      outcome: 'allowed',
      ...auditOrigin(request),
      details: { active },
    });
  });
  if (!active) await context.sessions.destroyAllOf(actor.municipalityId, professionalId);
}

/** An administrator links a professional to their identity at the identity provider; one account per identity. */
export async function linkIdentity(
  context: AppContext,
  request: FastifyRequest,
  actor: ProfessionalActor,
  professionalId: string,
  identity: { issuer: string; subject: string },
): Promise<void> {
  const { db } = context.database;
  if (!(await inMunicipality(db, 'professional', actor.municipalityId, professionalId)))
    throw problems.notFound('The professional');
  await db.transaction().execute(async (trx) => {
    if (await identityLinked(trx, identity.issuer, identity.subject))
      throw problems.conflict('That identity is already linked to an account.');
    await insertProfessionalIdentityLink(trx, {
      municipalityId: actor.municipalityId,
      issuer: identity.issuer,
      subject: identity.subject,
      professionalId,
    });
    await auditInTransaction(trx, {
      actor,
      citizenId: null,
      action: 'create',
      resource: `identity_link:${professionalId}`,
      outcome: 'allowed',
      ...auditOrigin(request),
    });
  });
}
