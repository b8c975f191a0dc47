import type { FastifyRequest } from 'fastify';
import type { HearingAnsweredData } from '../../domain/coordination/notifications.js';
import {
  type AccessBasis,
  type Actor,
  canSeeDecision,
  canSeeDecisions,
  decideDecisionDraft,
  decideHearingResponse,
} from '../../domain/access/policy.js';
import { addDays, type Day, danishToday } from '../../domain/calendar.js';
import {
  type DecisionCreate,
  type DecisionView,
  HEARING_DAYS,
  type HearingResponseCreate,
  hearingOpen,
} from '../../domain/decisions/decision.schemas.js';
import {
  decisionForUpdate,
  decisionsOf,
  staffOfUnit,
  insertDecision,
  insertResponse,
  responsesOf,
} from '../../db/queries/decision.queries.js';
import { teamCaseOfCitizen } from '../../db/queries/team-cases.queries.js';
import type { DB } from '../../db/schema.js';
import type { Transaction } from 'kysely';
import { presentDecision } from './decision.presenter.js';
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
  const rows = (await decisionsOf(db, actor.municipalityId, citizenId, decisionId)).filter((row) =>
    canSeeDecision(actor, basis, row.unit_id),
  );
  const responses = await responsesOf(
    db,
    actor.municipalityId,
    rows.map((row) => row.id),
  );
  const today = danishToday(now);
  return rows.map((row) =>
    presentDecision(
      row,
      responses.filter((response) => response.decision_id === row.id),
      today,
    ),
  );
}

/**
 * A professional of the deciding unit drafts a decision (the facts relied on and the legal
 * basis), and sends it to hearing at once when she gives its last day.
 */
export async function createDecision(
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
  if (input.hearingUntil !== undefined) checkHearingUntil(input.hearingUntil, danishToday(now));
  const id = await context.database.db.transaction().execute(async (trx) => {
    if (input.teamCaseId) await requireTeamCase(trx, actor.municipalityId, citizenId, input.teamCaseId);
    const created = await insertDecision(trx, {
      municipality_id: actor.municipalityId,
      citizen_id: citizenId,
      unit_id: unitId,
      title: input.title,
      proposal: input.proposal,
      facts: input.facts,
      legal_basis: input.legalBasis,
      negative: input.negative,
      hearing_until: input.hearingUntil ?? null,
      created_by: actor.id,
      team_case_id: input.teamCaseId ?? null,
    });
    if (input.hearingUntil !== undefined)
      await remindOfHearing(trx, actor.municipalityId, created, input.hearingUntil, now);
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

/** A hearing's last day: from tomorrow up to HEARING_DAYS.max ahead (a 400 naming the field). */
/** Reminders (decision 0021): the hearing's last day coming, to her and to the sender. */
export async function remindOfHearing(
  trx: Transaction<DB>,
  municipalityId: string,
  decisionId: string,
  hearingUntil: string,
  now: Date,
): Promise<void> {
  await enqueueReminder(
    trx,
    { kind: 'reminder-hearing-deadline', municipalityId, decisionId, hearingUntil: hearingUntil as Day },
    now,
  );
}

export function checkHearingUntil(hearingUntil: string, today: string): void {
  if (hearingUntil < addDays(today, HEARING_DAYS.min) || hearingUntil > addDays(today, HEARING_DAYS.max))
    throw problems.field('hearingUntil', `must be from tomorrow to ${HEARING_DAYS.max} days ahead`);
}

/** The team case a decision follows must be the citizen's (a 400 naming the field). */
async function requireTeamCase(
  trx: Transaction<DB>,
  municipalityId: string,
  citizenId: string,
  teamCaseId: string,
): Promise<void> {
  const found = await teamCaseOfCitizen(trx, municipalityId, citizenId, teamCaseId);
  if (!found) throw problems.field('teamCaseId', 'must be a team case of this citizen');
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
    // The one who sent it to hearing, and her coordinator, hear of her answer in the inbox: only
    // those of the deciding unit, as no one else may see the decision.
    const told = [decision.created_by, ...(await coordinatorOf(trx, actor.municipalityId, citizenId))];
    await insertNotifications(
      trx,
      { municipalityId: actor.municipalityId, id: null },
      new Set(await staffOfUnit(trx, actor.municipalityId, decision.unit_id, told)),
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
