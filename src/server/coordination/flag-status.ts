import type { FastifyRequest } from 'fastify';
import { decideFlagFollowUp, type ProfessionalActor } from '../../domain/access/policy.js';
import { newId } from '../../db/ids.js';
import { insertFlagEvent, setFlagStatus } from '../../db/queries/coordination-flags.queries.js';
import { flagById, flagHistory } from '../../db/queries/coordination-views.queries.js';
import { auditInTransaction } from '../audit/audit-writer.js';
import { authorizeCitizen } from '../auth/citizen-access.js';
import type { AppContext } from '../context.js';
import { problems } from '../problem.js';
import { danishToday } from '../../domain/calendar.js';
import { checkDismissal, checkPersonResolve } from '../../domain/coordination/flag-lifecycle.js';
import { planDocument } from '../plan/plan-store.js';
import { checkCoordinationInTransaction } from './coordination-check.js';
import type { Flag as FlagView } from '../../domain/coordination/flags.responses.js';
import { type FlagViewer, hiddenFrom, isFlagShown, presentFlag, unitNamesOf } from './flag-presenter.js';
import { auditOrigin } from '../audit/visit.js';

export type FlagAction = 'acknowledge' | 'resolve' | 'dismiss';

const NEXT: Record<FlagAction, { from: readonly string[]; to: string; event: string }> = {
  acknowledge: { from: ['open'], to: 'acknowledged', event: 'acknowledged' },
  resolve: { from: ['open', 'acknowledged'], to: 'resolved', event: 'resolved' },
  dismiss: { from: ['open', 'acknowledged'], to: 'dismissed', event: 'dismissed' },
};

/**
 * A person acknowledges (takes on: the flag becomes theirs), resolves or dismisses a flag: its
 * owner, the coordinator or anyone else who works with the citizen. The status, the event in its
 * history and the audit record are written in one transaction. The lifecycle rule
 * (flag-lifecycle.ts, ADR 0014): "resolved" only when the rules no longer find the cause — the
 * check runs first, and closes the flag itself when the cause is gone; otherwise the answer is a
 * 409 that says to change the plan or dismiss. A dismissal needs a reason and a return date.
 */
export async function changeFlagStatus(
  context: AppContext,
  request: FastifyRequest,
  actor: ProfessionalActor,
  flagId: string,
  action: FlagAction,
  comment: string | null,
  options: { returnDate?: string } = {},
  now: Date = new Date(),
): Promise<FlagView> {
  const { db } = context.database;
  const today = danishToday(now);
  if (action === 'dismiss') {
    const refusal = checkDismissal({ reason: comment ?? '', returnDate: options.returnDate }, today);
    if (refusal)
      throw problems.badRequest(`${refusal.field} ${refusal.message}`, [
        { field: refusal.field, message: refusal.message },
      ]);
  }
  const preview = await flagById(db, actor.municipalityId, flagId);
  if (!preview) throw problems.notFound('The flag');
  const access = await authorizeCitizen(
    context,
    request,
    actor,
    preview.citizen_id,
    { action: 'update', resource: `flag:${flagId}` },
    (actor, access) => decideFlagFollowUp(actor, access, preview.owner_id),
  );
  // A flag the hidden-details rule keeps from this viewer is absent for them, also to change.
  const viewer = hiddenFrom(actor, access);
  if (!isFlagShown(preview, viewer)) throw problems.notFound('The flag');
  const step = NEXT[action];
  await db.transaction().execute(async (trx) => {
    const flag = await flagById(trx, actor.municipalityId, flagId, true);
    if (!flag) throw problems.notFound('The flag');
    if (!step.from.includes(flag.status)) {
      throw problems.conflict(
        `The flag is ${flag.status}; it can be ${step.to} only when ${step.from.join(' or ')}.`,
      );
    }
    let closedBySystem = false;
    if (action === 'resolve') {
      // The rules decide whether the cause is gone; if it is, the check closes the flag itself
      // (and it reopens should the cause return), and the person's comment joins its history.
      await checkCoordinationInTransaction({
        trx,
        municipalityId: actor.municipalityId,
        citizenId: flag.citizen_id,
        actorId: actor.id,
        changes: [],
        plan: planDocument(access.plan),
        now,
      });
      const after = await flagById(trx, actor.municipalityId, flagId, true);
      const refusal = checkPersonResolve(after?.status === 'open' || after?.status === 'acknowledged');
      if (refusal) throw problems.conflict(refusal.message);
      closedBySystem = true;
    }
    if (!closedBySystem)
      await setFlagStatus(trx, actor.municipalityId, flagId, {
        status: step.to,
        status_by: actor.id,
        status_comment: comment,
        status_at: now,
        dismissed_until: action === 'dismiss' ? (options.returnDate ?? null) : null,
        // Acknowledging is taking the flag on: it becomes the actor's, whoever the plan names.
        ...(action === 'acknowledge' ? { owner_id: actor.id, owner_taken_by: actor.id } : {}),
      });
    await insertFlagEvent(trx, {
      municipality_id: actor.municipalityId,
      id: newId(),
      flag_id: flagId,
      actor_id: actor.id,
      action: step.event,
      comment,
    });
    await auditInTransaction(trx, {
      actor,
      citizenId: flag.citizen_id,
      action: 'update',
      resource: `flag:${flagId}`,
      outcome: 'allowed',
      ...auditOrigin(request),
      details: {
        status: step.to,
        ...(action === 'dismiss' ? { returnDate: options.returnDate } : {}),
      },
    });
  });
  return presentWithHistory(context, actor.municipalityId, flagId, viewer);
}

/** A flag with its history, as the API shows it. */
export async function presentWithHistory(
  context: AppContext,
  municipalityId: string,
  flagId: string,
  viewer: FlagViewer,
): Promise<FlagView> {
  const { db } = context.database;
  const [row, history] = await Promise.all([
    flagById(db, municipalityId, flagId),
    flagHistory(db, municipalityId, flagId),
  ]);
  if (!row || !isFlagShown(row, viewer)) throw problems.notFound('The flag');
  const names = await unitNamesOf(db, municipalityId, [row]);
  return {
    ...presentFlag(row, viewer, names),
    history: history.map((event) => ({
      at: event.at.toISOString(),
      action: event.action as NonNullable<FlagView['history']>[number]['action'],
      actor: event.actor_id ? { id: event.actor_id, name: event.actor_name ?? '' } : null,
      comment: event.comment,
    })),
  };
}
