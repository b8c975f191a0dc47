import type { FastifyRequest } from 'fastify';
import type { Transaction } from 'kysely';
import {
  type AccessDecision,
  type Actor,
  decideNetworkMeetingAct,
  type NetworkMeetingAct,
  type ProfessionalActor,
} from '../../domain/access/policy.js';
import { danishToday } from '../../domain/calendar.js';
import type { MeetingKind, MeetingView } from '../../domain/meetings/meeting.schemas.js';
import {
  agreementCommand,
  agreementInterventionId,
  agreementsBlock,
  proposeAgenda,
  type ProposedPoint,
} from '../../domain/meetings/network-meeting.rules.js';
import {
  type Agenda,
  type Agreement,
  agreementSchema,
  type CitizenConsent,
  type Invitations,
  type MeetingRecord,
  type MeetingRole,
} from '../../domain/meetings/network-meeting.schemas.js';
import type { PlanChange } from '../../domain/plan/plan-change.js';
import { newId } from '../../db/ids.js';
import { preparationsOf } from '../../db/queries/meeting-preparation.queries.js';
import {
  deleteMeetingParticipants,
  insertMeeting,
  invitedProfessionalIds,
  updateMeeting,
} from '../../db/queries/meetings.queries.js';
import {
  agreementRows,
  interventionOwners,
  invitationRows,
  markAgreement,
  networkMeetingForUpdate,
  openReferralsForAgenda,
  pendingProposalsForAgenda,
  replaceAgreements,
  setAttendance,
} from '../../db/queries/network-meetings.queries.js';
import type { DB } from '../../db/schema.js';
import { auditInTransaction } from '../audit/audit-writer.js';
import { auditOrigin } from '../audit/visit.js';
import { authorizeCitizen, citizenAccess } from '../auth/citizen-access.js';
import type { AppContext } from '../context.js';
import { planDocument } from '../plan/plan-store.js';
import { type ChangeScope, changePlan } from '../plan/plan-change.js';
import { lockPlan, rebuildPlanDocument } from '../plan/plan-lock.js';
import {
  createIntervention,
  createSubGoal,
  updateIntervention,
  updateSubGoal,
} from '../plan/plan.commands.js';
import { Problem, problems } from '../problem.js';
import { createProposal } from '../proposals/proposals.commands.js';
import {
  addParticipants,
  checkStart,
  type InvitationInput,
  meetingAfterChange,
  meetingFor,
  notify,
  professionalsMustExist,
} from './meetings.commands.js';

/**
 * Network meetings beyond arranging them (meetings.commands.ts): the invitation list with roles
 * and the citizen's consent, the agenda proposed from her preparation and the plan, the record of
 * the held meeting, and its agreements written back to the plan in one changePlan.
 */

async function authorise(
  context: AppContext,
  request: FastifyRequest,
  actor: Actor,
  citizenId: string,
  meetingId: string,
  act: NetworkMeetingAct,
  action: 'read' | 'update' = 'update',
): Promise<{ actor: ProfessionalActor; basis: Extract<AccessDecision, { allowed: true }>['basis'] }> {
  const { granted } = await authorizeCitizen(
    context,
    request,
    actor,
    citizenId,
    { action, resource: `meeting:${meetingId}` },
    (who, access) => decideNetworkMeetingAct(who, access, act),
  );
  if (actor.kind !== 'professional') throw problems.forbidden('Only professionals arrange meetings.');
  return { actor, basis: granted.basis };
}

/** Runs a change to one meeting in a transaction with the plan locked, audited, read model rebuilt. */
async function inMeetingTransaction(
  context: AppContext,
  request: FastifyRequest,
  actor: ProfessionalActor,
  citizenId: string,
  meetingId: string,
  step: string,
  change: (trx: Transaction<DB>, meeting: MeetingRow) => Promise<Record<string, unknown> | undefined>,
): Promise<MeetingView> {
  const document = await context.database.db.transaction().execute(async (trx) => {
    await lockPlan(trx, actor.municipalityId, citizenId);
    const meeting = await networkMeetingForUpdate(trx, actor.municipalityId, citizenId, meetingId);
    if (!meeting) throw problems.notFound('The meeting');
    const details = await change(trx, meeting);
    await auditInTransaction(trx, {
      actor,
      citizenId,
      action: 'update',
      resource: `meeting:${meetingId}`,
      outcome: 'allowed',
      ...auditOrigin(request),
      details: { step, ...details },
    });
    return rebuildPlanDocument(trx, actor.municipalityId, citizenId);
  });
  context.plans.put(actor.municipalityId, document);
  return meetingAfterChange(context, actor, citizenId, meetingId);
}

type MeetingRow = NonNullable<Awaited<ReturnType<typeof networkMeetingForUpdate>>>;

function mustBePlanned(meeting: MeetingRow): void {
  if (meeting.status !== 'planned')
    throw problems.conflict(`The meeting is ${meeting.status}; only a planned meeting can be changed.`);
}

/**
 * Replaces the invitation list of a planned meeting: each participant with a role (one tovholder)
 * and, for her network and civil society at a network meeting, the citizen's agreement.
 */
export async function setInvitations(
  context: AppContext,
  request: FastifyRequest,
  actor: Actor,
  citizenId: string,
  meetingId: string,
  input: Invitations,
): Promise<MeetingView> {
  const { actor: organiser } = await authorise(context, request, actor, citizenId, meetingId, 'invite');
  return inMeetingTransaction(
    context,
    request,
    organiser,
    citizenId,
    meetingId,
    'invitations',
    async (trx, meeting) => {
      mustBePlanned(meeting);
      const before = await invitedProfessionalIds(trx, organiser.municipalityId, meetingId);
      const professionalIds = input.participants.flatMap((item) =>
        item.kind === 'professional' ? [item.professionalId] : [],
      );
      if (new Set(professionalIds).size !== professionalIds.length)
        throw problems.field('participants', 'lists a professional twice');
      // The organiser is there anyway; every other professional must be an active one.
      await professionalsMustExist(trx, organiser, professionalIds);
      await deleteMeetingParticipants(trx, organiser.municipalityId, meetingId);
      await addParticipants(
        trx,
        organiser,
        meetingId,
        meeting.kind as MeetingKind,
        input.participants as InvitationInput[],
        'participants',
      );
      const added = professionalIds.filter((id) => !before.includes(id));
      await notify(trx, organiser, citizenId, meetingId, added, 'meeting-invited', meeting.starts_at);
      return { participants: input.participants.length };
    },
  );
}

/**
 * The agenda proposed for a meeting: the citizen's own points from her preparation, sub-goals
 * due for follow-up or without progress, open proposals and referrals. Read, audited; nothing saved.
 */
export async function proposeMeetingAgenda(
  context: AppContext,
  request: FastifyRequest,
  actor: Actor,
  citizenId: string,
  meetingId: string,
): Promise<ProposedPoint[]> {
  const { actor: organiser, basis } = await authorise(
    context,
    request,
    actor,
    citizenId,
    meetingId,
    'plan-agenda',
    'read',
  );
  const { db } = context.database;
  const meeting = await meetingFor(context, organiser, basis, citizenId, meetingId);
  const [preparations, proposals, referrals, access] = await Promise.all([
    preparationsOf(db, organiser.municipalityId, [meetingId]),
    pendingProposalsForAgenda(db, organiser.municipalityId, citizenId),
    openReferralsForAgenda(db, organiser.municipalityId, citizenId),
    citizenAccess(context, organiser, citizenId),
  ]);
  const preparation = preparations.get(meetingId);
  const plan = planDocument(access.plan);
  const points = proposeAgenda({
    preparation: preparation ? { talkAbout: preparation.talk_about, matters: preparation.matters } : null,
    subGoals: plan.subGoals,
    proposals: proposals.map((row) => ({ id: row.id, ownerUnitName: row.owner_unit_name })),
    referrals: referrals.map((row) => ({ id: row.id, toName: row.unit_name ?? row.to_civil_society ?? '' })),
    day: danishToday(new Date(meeting.startsAt)),
  });
  await context.audit.record({
    actor: organiser,
    citizenId,
    action: 'read',
    resource: `meeting:${meetingId}`,
    outcome: 'allowed',
    ...auditOrigin(request),
    details: { basis, agendaProposal: points.length },
  });
  return points;
}

/** Saves the agenda of a planned meeting, point by point; the agenda text lists the points. */
export async function saveAgenda(
  context: AppContext,
  request: FastifyRequest,
  actor: Actor,
  citizenId: string,
  meetingId: string,
  input: Agenda,
): Promise<MeetingView> {
  const { actor: organiser } = await authorise(context, request, actor, citizenId, meetingId, 'plan-agenda');
  return inMeetingTransaction(
    context,
    request,
    organiser,
    citizenId,
    meetingId,
    'agenda',
    async (trx, meeting) => {
      mustBePlanned(meeting);
      const points = input.points.map((point) => ({
        text: point.text,
        source: point.source ?? 'own',
        refId: point.refId ?? null,
      }));
      await updateMeeting(trx, organiser.municipalityId, meetingId, {
        agenda_points: JSON.stringify(points),
        agenda:
          points.length > 0 ? points.map((point, index) => `${index + 1}. ${point.text}`).join('\n') : null,
        updated_at: new Date(),
        updated_by: organiser.id,
      });
      return { points: points.length };
    },
  );
}

/**
 * Records a network meeting once it has started, and holds it: the summary, who came,
 * reflections, open questions, whether the citizen took part, the agreements (written to the plan
 * apart, writeAgreements) and the next meeting, planned with the same invitations. A held
 * meeting's record can be corrected until its agreements are written.
 */
export async function recordMeeting(
  context: AppContext,
  request: FastifyRequest,
  actor: Actor,
  citizenId: string,
  meetingId: string,
  input: MeetingRecord,
  now: Date = new Date(),
): Promise<MeetingView> {
  const { actor: recorder } = await authorise(context, request, actor, citizenId, meetingId, 'record');
  return inMeetingTransaction(
    context,
    request,
    recorder,
    citizenId,
    meetingId,
    'record',
    async (trx, meeting) => {
      if (meeting.kind !== 'network') throw problems.conflict('Only a network meeting is recorded this way.');
      if (meeting.status === 'cancelled') throw problems.conflict('The meeting is cancelled.');
      if (meeting.agreements_written_at)
        throw problems.conflict("The meeting's agreements are written to the plan; its record is closed.");
      if (meeting.starts_at.getTime() > now.getTime())
        throw problems.field('summary', 'can be written only once the meeting has started');
      const { municipalityId } = recorder;
      for (const [index, entry] of (input.attendance ?? []).entries()) {
        if ((await setAttendance(trx, municipalityId, meetingId, entry.participantId, entry.attended)) === 0)
          throw problems.field(`attendance.${index}.participantId`, 'is not a participant of this meeting');
      }
      const agreements = input.agreements ?? [];
      await agreementTargetsMustExist(trx, municipalityId, citizenId, agreements);
      await replaceAgreements(
        trx,
        municipalityId,
        meetingId,
        agreements.map((agreement, position) => ({
          municipality_id: municipalityId,
          id: newId(),
          meeting_id: meetingId,
          position,
          kind: agreement.kind,
          text: agreement.text,
          target_id: targetOf(agreement),
          change: JSON.stringify(agreement),
          outcome: null,
          entity_id: null,
          proposal_id: null,
        })),
      );
      let nextMeetingId = meeting.next_meeting_id;
      if (input.nextMeeting && !nextMeetingId) {
        nextMeetingId = await planNextMeeting(trx, recorder, citizenId, meeting, input.nextMeeting, now);
      }
      await updateMeeting(trx, municipalityId, meetingId, {
        status: 'held',
        summary: input.summary,
        reflections: input.reflections ?? null,
        open_questions: input.openQuestions ?? null,
        citizen_present: input.citizenPresent,
        next_meeting_id: nextMeetingId,
        updated_at: new Date(),
        updated_by: recorder.id,
      });
      return { agreements: agreements.length, citizenPresent: input.citizenPresent };
    },
  );
}

function targetOf(agreement: Agreement): string | null {
  if (agreement.kind === 'change_sub_goal') return agreement.subGoalId;
  return agreementInterventionId(agreement);
}

/** An agreement about an intervention names one of the citizen's (its owner decides the route). */
async function agreementTargetsMustExist(
  trx: Transaction<DB>,
  municipalityId: string,
  citizenId: string,
  agreements: readonly Agreement[],
): Promise<void> {
  const ids = agreements.map(agreementInterventionId);
  const owners = await interventionOwners(
    trx,
    municipalityId,
    citizenId,
    ids.filter((id): id is string => id !== null),
  );
  for (const [index, id] of ids.entries()) {
    if (id !== null && !owners.has(id))
      throw problems.field(
        `agreements.${index}.interventionId`,
        "is not an intervention of this citizen's plan",
      );
  }
}

/** The next meeting: planned, with the same invitations (roles and consents), those invited told. */
async function planNextMeeting(
  trx: Transaction<DB>,
  organiser: ProfessionalActor,
  citizenId: string,
  meeting: MeetingRow,
  next: NonNullable<MeetingRecord['nextMeeting']>,
  now: Date,
): Promise<string> {
  const startsAt = checkStart(next.startsAt, now);
  if (startsAt.getTime() <= meeting.starts_at.getTime())
    throw problems.field('nextMeeting.startsAt', 'must be after this meeting');
  const id = newId();
  await insertMeeting(trx, {
    municipality_id: organiser.municipalityId,
    id,
    citizen_id: citizenId,
    kind: meeting.kind,
    purpose: next.purpose ?? meeting.purpose,
    agenda: null,
    starts_at: startsAt,
    duration_minutes: next.durationMinutes ?? meeting.duration_minutes,
    place: next.place ?? null,
    online: next.online ?? false,
    organiser_id: organiser.id,
    organiser_unit_id: organiser.unitId,
    summary: null,
    cancel_reason: null,
    created_at: new Date(),
    updated_at: new Date(),
    updated_by: organiser.id,
  });
  const invitations = await invitationRows(trx, organiser.municipalityId, meeting.id);
  await addParticipants(
    trx,
    organiser,
    id,
    meeting.kind as MeetingKind,
    invitations
      .filter((row) => row.professional_id !== organiser.id)
      .map((row): InvitationInput => {
        const common = {
          role: row.role as MeetingRole,
          citizenConsent: row.citizen_consent as CitizenConsent | null,
        };
        return row.kind === 'professional'
          ? { kind: 'professional', professionalId: row.professional_id ?? '', ...common }
          : { kind: row.kind as 'network' | 'civil_society', name: row.name ?? '', ...common };
      }),
  );
  const professionals = invitations.flatMap((row) => (row.professional_id ? [row.professional_id] : []));
  await notify(trx, organiser, citizenId, id, professionals, 'meeting-invited', startsAt);
  return id;
}

export interface AgreementsWritten {
  planVersion: number;
  results: {
    agreementId: string;
    outcome: 'written' | 'proposed';
    entityId: string | null;
    proposalId: string | null;
  }[];
}

/**
 * Writes a held meeting's agreements to the plan: all in ONE changePlan (one version, the
 * history naming the meeting), each through the plan's own command; a change to another unit's
 * intervention becomes a proposal to that unit. Any refusal (policy, stale version, invalid)
 * rolls every one of them back.
 */
export async function writeAgreements(
  context: AppContext,
  request: FastifyRequest,
  actor: Actor,
  citizenId: string,
  meetingId: string,
  now?: Date,
): Promise<AgreementsWritten> {
  const { actor: writer } = await authorise(
    context,
    request,
    actor,
    citizenId,
    meetingId,
    'write-agreements',
  );
  const results: AgreementsWritten['results'] = [];
  const { plan } = await changePlan(
    context,
    {
      actor: writer,
      citizenId,
      ifMatch: request.headers['if-match'],
      ...auditOrigin(request),
      acceptLanguage: request.headers['accept-language'],
      now,
      origin: { kind: 'meeting', id: meetingId },
    },
    async (scope) => {
      const meeting = await networkMeetingForUpdate(scope.trx, scope.municipalityId, citizenId, meetingId);
      if (!meeting) throw problems.notFound('The meeting');
      const rows = await agreementRows(scope.trx, scope.municipalityId, [meetingId]);
      const block = agreementsBlock({
        status: meeting.status,
        citizenPresent: meeting.citizen_present,
        writtenAt: meeting.agreements_written_at,
        agreements: rows.length,
      });
      if (block) throw blockProblem(block);
      const agreements = rows.map((row) =>
        agreementSchema.parse(typeof row.change === 'string' ? JSON.parse(row.change) : row.change),
      );
      const owners = await interventionOwners(
        scope.trx,
        scope.municipalityId,
        citizenId,
        agreements.map(agreementInterventionId).filter((id): id is string => id !== null),
      );
      const day = danishToday(meeting.starts_at);
      const changes: PlanChange[] = [];
      for (const [index, agreement] of agreements.entries()) {
        const row = rows[index];
        if (!row) continue;
        const interventionId = agreementInterventionId(agreement);
        const owner = interventionId ? owners.get(interventionId)?.unitId : undefined;
        const applied = await applyAgreement(scope, agreement, owner, day).catch((error: unknown) => {
          throw inAgreement(error, index, agreement);
        });
        const first = applied.changes[0];
        const proposed = applied.proposed;
        await markAgreement(scope.trx, scope.municipalityId, row.id, {
          outcome: proposed ? 'proposed' : 'written',
          entity_id: proposed ? (interventionId ?? null) : (first?.entityId ?? null),
          proposal_id: proposed ? (first?.entityId ?? null) : null,
        });
        results.push({
          agreementId: row.id,
          outcome: proposed ? 'proposed' : 'written',
          entityId: proposed ? (interventionId ?? null) : (first?.entityId ?? null),
          proposalId: proposed ? (first?.entityId ?? null) : null,
        });
        changes.push(...applied.changes);
      }
      await updateMeeting(scope.trx, scope.municipalityId, meetingId, {
        agreements_written_at: scope.now,
        agreements_written_by: writer.id,
        updated_at: new Date(),
        updated_by: writer.id,
      });
      await auditInTransaction(scope.trx, {
        actor: writer,
        citizenId,
        action: 'update',
        resource: `meeting:${meetingId}`,
        outcome: 'allowed',
        ...auditOrigin(request),
        details: {
          step: 'write-agreements',
          written: results.filter((item) => item.outcome === 'written').length,
          proposed: results.filter((item) => item.outcome === 'proposed').length,
        },
      });
      return changes;
    },
  );
  return { planVersion: plan.version, results };
}

/** One agreement through the plan's own command (or a proposal to the owning unit). */
async function applyAgreement(
  scope: ChangeScope,
  agreement: Agreement,
  ownerUnitId: string | undefined,
  day: string,
): Promise<{ changes: PlanChange[]; proposed: boolean }> {
  const command = agreementCommand(agreement, scope.actor.unitId, ownerUnitId);
  switch (command.command) {
    case 'create-sub-goal':
      return { changes: await createSubGoal(scope, command.input), proposed: false };
    case 'update-sub-goal':
      return { changes: await updateSubGoal(scope, command.subGoalId, command.input), proposed: false };
    case 'create-intervention':
      return { changes: await createIntervention(scope, command.input), proposed: false };
    case 'update-intervention':
      return {
        changes: await updateIntervention(scope, command.interventionId, command.input),
        proposed: false,
      };
    case 'propose':
      return {
        changes: await createProposal(scope, command.interventionId, {
          change: command.change,
          comment: `Aftalt på netværksmødet ${day}: ${agreement.text}`.slice(0, 1000),
        }),
        proposed: true,
      };
  }
}

function blockProblem(block: NonNullable<ReturnType<typeof agreementsBlock>>): Problem {
  switch (block) {
    case 'not-held':
      return problems.conflict('Record the meeting as held before writing its agreements to the plan.');
    case 'already-written':
      return problems.conflict("The meeting's agreements are already written to the plan.");
    case 'citizen-absent':
      return problems.conflict(
        'The citizen was not present: agreements are written to her plan only when made with her.',
      );
    case 'none':
      return problems.conflict('The meeting has no agreements to write.');
  }
}

/** A refused agreement says which one it was; the status (and a refusal's code) stays. */
function inAgreement(error: unknown, index: number, agreement: Agreement): unknown {
  if (!(error instanceof Problem) || error.status === 412 || error.status === 428) return error;
  const problem = new Problem(
    error.status,
    error.title,
    `Agreement ${index + 1} ("${agreement.text.slice(0, 80)}"): ${error.detail} Nothing was written.`,
    error.errors?.map((item) => ({ ...item, field: `agreements.${index}.${item.field}` })),
    error.headers,
  );
  problem.type = error.type;
  problem.extensions = error.extensions;
  return problem;
}
