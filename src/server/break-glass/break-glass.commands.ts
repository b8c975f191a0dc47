import type { FastifyRequest } from 'fastify';
import type { ProfessionalActor } from '../../domain/access/policy.js';
import { newId } from '../../db/ids.js';
import { insertBreakGlass, reviewBreakGlassRow } from '../../db/queries/break-glass.queries.js';
import { auditInTransaction } from '../audit/audit-writer.js';
import type { AppContext } from '../context.js';
import { problems } from '../problem.js';
import type { BreakGlassBody, ReviewBody } from './break-glass.schemas.js';
import { auditOrigin } from '../audit/visit.js';

/**
 * Breaks the glass (already authorised and stepped up): the access and its audit record in one
 * transaction, then the citizen's cached grants are forgotten so the access counts at once.
 */
export async function breakGlass(
  context: AppContext,
  request: FastifyRequest,
  actor: ProfessionalActor,
  citizenId: string,
  input: BreakGlassBody,
  now: Date = new Date(),
): Promise<{ id: string; expiresAt: string }> {
  const id = newId();
  const expiresAt = new Date(now.getTime() + context.config.breakGlassHours * 3_600_000);
  await context.database.db.transaction().execute(async (trx) => {
    await insertBreakGlass(trx, {
      municipalityId: actor.municipalityId,
      id,
      citizenId,
      professionalId: actor.id,
      unitId: actor.unitId,
      reasonCode: input.reasonCode,
      reason: input.reason,
      expiresAt,
    });
    await auditInTransaction(trx, {
      actor,
      citizenId,
      action: 'break-glass',
      resource: `break_glass:${id}`,
      outcome: 'allowed',
      ...auditOrigin(request),
      purpose: input.reason,
      details: { expiresAt: expiresAt.toISOString(), reasonCode: input.reasonCode },
    });
  });
  context.plans.grants.invalidate(actor.municipalityId, citizenId);
  return { id, expiresAt: expiresAt.toISOString() };
}

/** Records the review of a break-the-glass access (its reviewer already decided); once only. */
export async function reviewBreakGlass(
  context: AppContext,
  request: FastifyRequest,
  actor: ProfessionalActor,
  glass: { id: string; citizen_id: string },
  input: ReviewBody,
  now: Date = new Date(),
): Promise<void> {
  const { outcome, comment } = input;
  await context.database.db.transaction().execute(async (trx) => {
    const reviewed = await reviewBreakGlassRow(trx, actor.municipalityId, glass.id, {
      reviewerId: actor.id,
      at: now,
      outcome,
      comment,
    });
    if (!reviewed) throw problems.conflict('The break-the-glass access has been reviewed already.');
    await auditInTransaction(trx, {
      actor,
      citizenId: glass.citizen_id,
      action: 'update',
      resource: `break_glass:${glass.id}`,
      outcome: 'allowed',
      ...auditOrigin(request),
      details: { reviewed: true, outcome },
    });
  });
}
