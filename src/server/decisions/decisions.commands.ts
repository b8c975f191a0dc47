import type { FastifyRequest } from 'fastify';
import type { HearingAnsweredData } from '../../domain/coordination/notifications.js';
import {
  type AccessBasis,
  type Actor,
  canSeeDecisions,
  decideDecisionDraft,
  decideHearingResponse,
} from '../../domain/access/policy.js';
import { addDays, danishToday } from '../../domain/calendar.js';
import {
  type DecisionCreate,
  type DecisionView,
  HEARING_DAYS,
  type HearingResponseCreate,
  hearingOpen,
} from '../../domain/decisions/decision.schemas.js';
import type { LegalBasisCode } from '../../domain/organisation/legal-bases.js';
import {
  decisionForUpdate,
  decisionsOf,
  insertDecision,
  insertResponse,
  responsesOf,
} from '../../db/queries/decision.queries.js';
import { coordinatorOf, insertNotifications } from '../../db/queries/notification.queries.js';
import { auditInTransaction } from '../audit/audit-writer.js';
import { authorizeCitizen } from '../auth/citizen-access.js';
import type { AppContext } from '../context.js';
import { problems } from '../problem.js';
import { auditOrigin } from '../audit/visit.js';
import { enqueueReminder } from '../reminders/enqueue-reminder.js';

/** The citizen's decisions as this viewer may see them: none for a passing basis (canSeeDecisions). */
export async function listDecisions(
  context: AppContext,
  actor: Actor,
  basis: AccessBasis,
  citizenId: string,
  now: Date = new Date(),
  decisionId?: string,
): Promise<DecisionView[]> {
  if (!canSeeDecisions(actor, basis)) return [];
  const db = context.database.db;
  const rows = await decisionsOf(db, actor.municipalityId, citizenId, decisionId);
  const responses = await responsesOf(
    db,
    actor.municipalityId,
    rows.map((row) => row.id),
  );
  const today = danishToday(now);
  return rows.map((row) => ({
    id: row.id,
    unit: { id: row.unit_id, name: row.unit_name },
    title: row.title,
    proposal: row.proposal,
    facts: row.facts,
    legalBasis: row.legal_basis as LegalBasisCode,
    negative: row.negative,
    status: row.status,
    hearingUntil: row.hearing_until,
    hearingOpen: hearingOpen(row.status, row.hearing_until, today),
    responses: responses
      .filter((response) => response.decision_id === row.id)
      .map((response) => ({
        id: response.id,
        kind: response.kind,
        text: response.text,
        at: response.created_at.toISOString(),
      })),
    createdAt: row.created_at.toISOString(),
  }));
}

/** A professional of the deciding unit sends a draft decision to hearing, with its last day. */
export async function sendToHearing(
  context: AppContext,
  request: FastifyRequest,
  actor: Actor,
  citizenId: string,
  input: DecisionCreate,
  now: Date = new Date(),
): Promise<DecisionView> {
  const unitId = actor.kind === 'professional' ? actor.unitId : '';
  const { granted } = await authorizeCitizen(
    context,
    request,
    actor,
    citizenId,
    { action: 'create', resource: 'decision' },
    (a, access) => decideDecisionDraft(a, access, unitId),
  );
  const today = danishToday(now);
  if (
    input.hearingUntil < addDays(today, HEARING_DAYS.min) ||
    input.hearingUntil > addDays(today, HEARING_DAYS.max)
  )
    throw problems.field('hearingUntil', `must be from tomorrow to ${HEARING_DAYS.max} days ahead`);
  const id = await context.database.db.transaction().execute(async (trx) => {
    const created = await insertDecision(trx, {
      municipality_id: actor.municipalityId,
      citizen_id: citizenId,
      unit_id: unitId,
      title: input.title,
      proposal: input.proposal,
      facts: input.facts,
      legal_basis: input.legalBasis,
      negative: input.negative,
      hearing_until: input.hearingUntil,
      created_by: actor.id,
    });
    // Reminders (decision 0021): the hearing's last day coming, to her and to the sender.
    await enqueueReminder(
      trx,
      {
        kind: 'reminder-hearing-deadline',
        municipalityId: actor.municipalityId,
        decisionId: created,
        hearingUntil: input.hearingUntil,
      },
      now,
    );
    await auditInTransaction(trx, {
      actor,
      citizenId,
      action: 'create',
      resource: `decision:${created}`,
      outcome: 'allowed',
      ...auditOrigin(request),
    });
    return created;
  });
  const [decision] = await listDecisions(context, actor, granted.basis, citizenId, now, id);
  if (!decision) throw new Error(`The decision ${id} was not stored.`);
  return decision;
}

/** The citizen comments on a decision in hearing, or corrects its facts, until its last day. */
export async function answerHearing(
  context: AppContext,
  request: FastifyRequest,
  actor: Actor,
  citizenId: string,
  decisionId: string,
  input: HearingResponseCreate,
  now: Date = new Date(),
): Promise<DecisionView> {
  const resource = `decision:${decisionId}`;
  const { granted } = await authorizeCitizen(
    context,
    request,
    actor,
    citizenId,
    { action: 'update', resource },
    decideHearingResponse,
  );
  await context.database.db.transaction().execute(async (trx) => {
    const decision = await decisionForUpdate(trx, actor.municipalityId, citizenId, decisionId);
    if (!decision) throw problems.notFound('The decision');
    if (!hearingOpen(decision.status, decision.hearing_until, danishToday(now)))
      throw problems.conflict('The hearing is closed: its last day has passed, or the decision is made.');
    // The one who sent it to hearing, and her coordinator, hear of her answer in the inbox.
    await insertNotifications(
      trx,
      { municipalityId: actor.municipalityId, id: null },
      new Set([decision.created_by, ...(await coordinatorOf(trx, actor.municipalityId, citizenId))]),
      {
        citizenId,
        kind: 'hearing-answered',
        subjectId: decisionId,
        payload: JSON.stringify({ title: decision.title } satisfies HearingAnsweredData),
      },
    );
    await insertResponse(trx, {
      municipality_id: actor.municipalityId,
      decision_id: decisionId,
      citizen_id: citizenId,
      kind: input.kind,
      text: input.text,
    });
    await auditInTransaction(trx, {
      actor,
      citizenId,
      action: 'update',
      resource,
      outcome: 'allowed',
      ...auditOrigin(request),
      details: { hearing: input.kind },
    });
  });
  const [decision] = await listDecisions(context, actor, granted.basis, citizenId, now, decisionId);
  if (!decision) throw problems.notFound('The decision');
  return decision;
}
