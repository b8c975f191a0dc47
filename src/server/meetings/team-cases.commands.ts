import type { FastifyRequest } from 'fastify';
import {
  type Actor,
  canSeeDecisions,
  decideCitizenAccess,
  decideTeamCaseAct,
  decideTeamMeetingAccess,
} from '../../domain/access/policy.js';
import type {
  TeamCaseCreate,
  TeamCaseView,
  TeamMeetingView,
  TeamRecommendation,
} from '../../domain/meetings/team-case.schemas.js';
import {
  insertTeamCase,
  insertTeamMeeting,
  teamCaseForUpdate,
  teamCasesOf,
  teamCaseUnit,
  teamMeetingById,
  teamMeetingsOfUnit,
  updateTeamCase,
} from '../../db/queries/team-cases.queries.js';
import { meetingStatusForUpdate } from '../../db/queries/meeting-preparation.queries.js';
import { auditInTransaction } from '../audit/audit-writer.js';
import { auditOrigin } from '../audit/visit.js';
import { authorizeCitizen } from '../auth/citizen-access.js';
import type { AppContext } from '../context.js';
import { problems, refusedProblem } from '../problem.js';

/**
 * Team meetings and their case lists (issue 14, item 3). The meeting is its unit's; each case's
 * material is the citizen's and is shown only to a reader who may see her decisions: the rest of
 * the team sees that a case is on the list, and its status. Every case shown in full is audited
 * as a read of that citizen.
 */

async function requireTeamMember(
  context: AppContext,
  request: FastifyRequest,
  actor: Actor,
  teamUnitId: string | null,
  resource: string,
): Promise<void> {
  const decision = decideTeamMeetingAccess(actor, teamUnitId);
  if (decision.allowed) return;
  await context.audit.record({
    actor,
    citizenId: null,
    action: 'read',
    resource,
    outcome: 'denied',
    ...auditOrigin(request),
  });
  throw refusedProblem(decision, request.headers['accept-language']);
}

export async function createTeamMeeting(
  context: AppContext,
  request: FastifyRequest,
  actor: Actor,
  input: { title: string; startsAt: string },
): Promise<TeamMeetingView> {
  await requireTeamMember(context, request, actor, null, 'team_meeting');
  const unitId = actor.kind === 'professional' ? actor.unitId : '';
  const id = await context.database.db.transaction().execute(async (trx) => {
    const created = await insertTeamMeeting(trx, {
      municipality_id: actor.municipalityId,
      unit_id: unitId,
      title: input.title,
      starts_at: new Date(input.startsAt),
      created_by: actor.id,
    });
    await auditInTransaction(trx, {
      actor,
      citizenId: null,
      action: 'create',
      resource: `team_meeting:${created}`,
      outcome: 'allowed',
      ...auditOrigin(request),
    });
    return created;
  });
  return teamMeeting(context, request, actor, id);
}

/** The actor's unit's team meetings (counts only: no citizen in the list). */
export async function listTeamMeetings(context: AppContext, request: FastifyRequest, actor: Actor) {
  await requireTeamMember(context, request, actor, null, 'team_meetings');
  const unitId = actor.kind === 'professional' ? actor.unitId : '';
  const rows = await teamMeetingsOfUnit(context.database.db, actor.municipalityId, unitId);
  return rows.map((row) => ({
    id: row.id,
    unit: { id: row.unit_id, name: row.unit_name },
    title: row.title,
    startsAt: row.starts_at.toISOString(),
    cases: Number(row.cases),
    returned: Number(row.returned),
  }));
}

/** One team meeting with its case list, each case as this reader may see it. */
export async function teamMeeting(
  context: AppContext,
  request: FastifyRequest,
  actor: Actor,
  teamMeetingId: string,
): Promise<TeamMeetingView> {
  const db = context.database.db;
  const meeting = await teamMeetingById(db, actor.municipalityId, teamMeetingId);
  if (!meeting) throw problems.notFound('The team meeting');
  const resource = `team_meeting:${teamMeetingId}`;
  await requireTeamMember(context, request, actor, meeting.unit_id, resource);
  const rows = await teamCasesOf(db, actor.municipalityId, teamMeetingId);
  const seen = new Set<string>();
  await Promise.all(
    [...new Set(rows.map((row) => row.citizen_id))].map(async (citizenId) => {
      const [plan, grants] = await Promise.all([
        context.plans.get(actor.municipalityId, citizenId),
        context.plans.grants.get(actor.municipalityId, citizenId),
      ]);
      if (!plan) return;
      const access = decideCitizenAccess(actor, plan.relations, grants);
      if (access.allowed && canSeeDecisions(actor, access.basis)) seen.add(citizenId);
    }),
  );
  const cases = rows.map((row): TeamCaseView => {
    if (!seen.has(row.citizen_id)) return { id: row.id, status: row.status, detailsHidden: true };
    const prepared = row.matters !== null || row.works !== null || row.talk_about !== null;
    return {
      id: row.id,
      status: row.status,
      detailsHidden: false,
      citizen: { id: row.citizen_id, name: `${row.given_name} ${row.family_name}` },
      summary: row.summary,
      preparation: prepared ? { matters: row.matters, works: row.works, talkAbout: row.talk_about } : null,
      citizenAttends: row.citizen_attends,
      supportPerson: row.support_person,
      recommendation: row.recommendation,
      reasons: row.recommendation_reasons,
      recommendedAt: row.recommended_at?.toISOString() ?? null,
      returnedReason: row.returned_reason,
      returnedAt: row.returned_at?.toISOString() ?? null,
    };
  });
  // Each citizen whose case material is shown: a read of her, audited.
  for (const citizenId of seen)
    await context.audit.record({
      actor,
      citizenId,
      action: 'read',
      resource,
      outcome: 'allowed',
      ...auditOrigin(request),
    });
  return {
    id: meeting.id,
    unit: { id: meeting.unit_id, name: meeting.unit_name },
    title: meeting.title,
    startsAt: meeting.starts_at.toISOString(),
    cases,
  };
}

/** The caseworker puts a citizen's case on a team meeting's list, with her summary. */
export async function listTeamCase(
  context: AppContext,
  request: FastifyRequest,
  actor: Actor,
  teamMeetingId: string,
  input: TeamCaseCreate,
): Promise<TeamMeetingView> {
  const meeting = await teamMeetingById(context.database.db, actor.municipalityId, teamMeetingId);
  if (!meeting) throw problems.notFound('The team meeting');
  await authorizeCitizen(
    context,
    request,
    actor,
    input.citizenId,
    { action: 'create', resource: `team_meeting:${teamMeetingId}` },
    (a, access) => decideTeamCaseAct(a, 'list-case', access, meeting.unit_id),
  );
  await context.database.db.transaction().execute(async (trx) => {
    if (input.citizenMeetingId) {
      const status = await meetingStatusForUpdate(
        trx,
        actor.municipalityId,
        input.citizenId,
        input.citizenMeetingId,
      );
      if (!status) throw problems.field('citizenMeetingId', 'must be a meeting of this citizen');
    }
    const id = await insertTeamCase(trx, {
      municipality_id: actor.municipalityId,
      team_meeting_id: teamMeetingId,
      citizen_id: input.citizenId,
      citizen_meeting_id: input.citizenMeetingId ?? null,
      summary: input.summary,
      citizen_attends: input.citizenAttends,
      support_person: input.supportPerson?.trim() ? input.supportPerson : null,
      created_by: actor.id,
    });
    await auditInTransaction(trx, {
      actor,
      citizenId: input.citizenId,
      action: 'create',
      resource: `team_case:${id}`,
      outcome: 'allowed',
      ...auditOrigin(request),
    });
  });
  return teamMeeting(context, request, actor, teamMeetingId);
}

/** The team's recommendation on a case (again, on a case a decision sent back). */
export async function recommendOnCase(
  context: AppContext,
  request: FastifyRequest,
  actor: Actor,
  teamMeetingId: string,
  caseId: string,
  input: TeamRecommendation,
): Promise<TeamMeetingView> {
  const owner = await teamCaseUnit(context.database.db, actor.municipalityId, caseId);
  if (!owner) throw problems.notFound('The case');
  await authorizeCitizen(
    context,
    request,
    actor,
    owner.citizen_id,
    { action: 'update', resource: `team_case:${caseId}` },
    (a, access) => decideTeamCaseAct(a, 'recommend', access, owner.unit_id),
  );
  await context.database.db.transaction().execute(async (trx) => {
    const found = await teamCaseForUpdate(trx, actor.municipalityId, caseId);
    if (!found || found.team_meeting_id !== teamMeetingId) throw problems.notFound('The case');
    if (found.status === 'recommended')
      throw problems.conflict('The team has given its recommendation on this case.');
    await updateTeamCase(trx, actor.municipalityId, caseId, {
      status: 'recommended',
      recommendation: input.recommendation,
      recommendation_reasons: input.reasons,
      recommended_by: actor.id,
      recommended_at: new Date(),
      ...(input.citizenAttends === undefined ? {} : { citizen_attends: input.citizenAttends }),
      ...(input.supportPerson === undefined
        ? {}
        : { support_person: input.supportPerson?.trim() ? input.supportPerson : null }),
    });
    await auditInTransaction(trx, {
      actor,
      citizenId: found.citizen_id,
      action: 'update',
      resource: `team_case:${caseId}`,
      outcome: 'allowed',
      ...auditOrigin(request),
      details: { again: found.status === 'returned' },
    });
  });
  return teamMeeting(context, request, actor, teamMeetingId);
}
