import type { FastifyRequest } from 'fastify';
import type { MeetingData } from '../../domain/coordination/notifications.js';
import type { Transaction } from 'kysely';
import {
  type AccessDecision,
  type Actor,
  canSeeMeetingDetails,
  decideMeetingChange,
  MEETING_HORIZON_DAYS,
  meetingRelationUntil,
  type ProfessionalActor,
} from '../../domain/access/policy.js';
import { momentPlusDays } from '../../domain/calendar.js';
import { newId } from '../../db/ids.js';
import { citizenNameOf } from '../../db/queries/auth.queries.js';
import {
  activeProfessionalIdsAmong,
  deleteMeetingParticipants,
  insertMeeting,
  insertMeetingParticipants,
  invitedProfessionalIds,
  meetingForUpdate,
  meetingParticipantRows,
  meetingRows,
  otherParticipantsOf,
  updateMeeting,
} from '../../db/queries/meetings.queries.js';
import { invitationRows } from '../../db/queries/network-meetings.queries.js';
import { checkInvitations } from '../../domain/meetings/network-meeting.rules.js';
import type { CitizenConsent, MeetingRole } from '../../domain/meetings/network-meeting.schemas.js';
import { agreementsOf } from './network-meeting.presenter.js';
import { preparationsOf } from '../../db/queries/meeting-preparation.queries.js';
import { insertNotifications } from '../../db/queries/notification.queries.js';
import type { DB } from '../../db/schema.js';
import { auditInTransaction } from '../audit/audit-writer.js';
import { type AuditedAct, authorizeCitizen, citizenAccess } from '../auth/citizen-access.js';
import type { AppContext } from '../context.js';
import { lockPlan, rebuildPlanDocument } from '../plan/plan-lock.js';
import { problems } from '../problem.js';
import type {
  MeetingCreate,
  MeetingKind,
  MeetingStatus,
  MeetingUpdate,
  MeetingView,
} from '../../domain/meetings/meeting.schemas.js';
import { auditOrigin } from '../audit/visit.js';
import { enqueueReminder } from '../reminders/enqueue-reminder.js';

type Executor = AppContext['database']['db'] | Transaction<DB>;

/**
 * How far from today a meeting may be placed: a year back (recording one held) to the policy's
 * horizon ahead, so an invitation cannot stretch access beyond it.
 */
const EARLIEST_DAYS = 366;

/** The meetings of a citizen, as this viewer may see them, oldest first. */
export async function listMeetings(
  db: Executor,
  actor: Actor,
  basis: Extract<AccessDecision, { allowed: true }>['basis'],
  citizenId: string,
  meetingId?: string,
): Promise<MeetingView[]> {
  const meetings = await meetingRows(db, actor.municipalityId, citizenId, meetingId);
  if (meetings.length === 0) return [];
  const participants = await meetingParticipantRows(
    db,
    actor.municipalityId,
    meetings.map((row) => row.id),
  );
  const preparations = await preparationsOf(
    db,
    actor.municipalityId,
    meetings.map((row) => row.id),
  );
  const agreements = await agreementsOf(
    db,
    actor.municipalityId,
    citizenId,
    meetings.map((row) => row.id),
  );
  return meetings.map((row) => {
    const own = participants.filter((item) => item.meeting_id === row.id);
    const preparation = preparations.get(row.id);
    const participantIds = own.flatMap((item) => (item.professional_id ? [item.professional_id] : []));
    const details = canSeeMeetingDetails(actor, basis, {
      organiserId: row.organiser_id,
      organiserUnitId: row.organiser_unit_id,
      participantIds,
    });
    return {
      id: row.id,
      citizenId: row.citizen_id,
      kind: row.kind as MeetingKind,
      status: row.status as MeetingStatus,
      startsAt: row.starts_at.toISOString(),
      durationMinutes: row.duration_minutes,
      place: row.place,
      online: row.online,
      organiser: {
        id: row.organiser_id,
        name: row.organiser_name,
        unit: { id: row.organiser_unit_id, name: row.unit_name },
      },
      participants: own
        .filter((item) => details || item.kind === 'professional')
        .map((item) => ({
          id: item.id,
          kind: item.kind as 'professional' | 'network' | 'civil_society',
          role: item.role as MeetingRole,
          citizenConsent: details ? (item.citizen_consent as CitizenConsent | null) : null,
          attended: details ? item.attended : null,
          professionalId: item.professional_id,
          name: item.professional_name ?? item.name ?? '',
          profession: item.profession,
          unit: item.unit_id ? { id: item.unit_id, name: item.unit_name ?? '' } : null,
        })),
      detailsHidden: !details,
      purpose: details ? row.purpose : null,
      agenda: details ? row.agenda : null,
      summary: details ? row.summary : null,
      cancelReason: details ? row.cancel_reason : null,
      preparation:
        details && preparation
          ? {
              matters: preparation.matters,
              works: preparation.works,
              talkAbout: preparation.talk_about,
              inviteWishes: preparation.invite_wishes,
              updatedAt: preparation.updated_at.toISOString(),
            }
          : null,
      agendaPoints: details ? (row.agenda_points as MeetingView['agendaPoints']) : null,
      reflections: details ? row.reflections : null,
      openQuestions: details ? row.open_questions : null,
      citizenPresent: details ? row.citizen_present : null,
      nextMeetingId: row.next_meeting_id,
      agreementsWrittenAt: details ? (row.agreements_written_at?.toISOString() ?? null) : null,
      agreements: details ? (agreements.get(row.id) ?? []) : [],
      relationUntil: meetingRelationUntil(row.starts_at, row.meeting_relation_days).toISOString(),
      createdAt: row.created_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
    };
  });
}

/**
 * Decides whether the actor may arrange or change meetings for the citizen; a refusal is
 * audited and answered with 403 (another tenant's citizen is 404, as everywhere).
 */
async function authorise(
  context: AppContext,
  request: FastifyRequest,
  actor: Actor,
  citizenId: string,
  act: AuditedAct,
): Promise<ProfessionalActor> {
  await authorizeCitizen(context, request, actor, citizenId, act, decideMeetingChange);
  // The policy lets only professionals arrange meetings; this tells the compiler so.
  if (actor.kind !== 'professional') throw problems.forbidden('Only professionals arrange meetings.');
  return actor;
}

/** Creates a meeting, invites its participants and gives them their relationship to the citizen. */
export async function createMeeting(
  context: AppContext,
  request: FastifyRequest,
  actor: Actor,
  citizenId: string,
  input: MeetingCreate,
  now: Date = new Date(),
): Promise<MeetingView> {
  const organiser = await authorise(context, request, actor, citizenId, {
    action: 'create',
    resource: 'meeting',
  });
  const startsAt = checkStart(input.startsAt, now);
  const id = newId();
  const document = await context.database.db.transaction().execute(async (trx) => {
    await lockPlan(trx, organiser.municipalityId, citizenId);
    const participantIds = await professionalsMustExist(trx, organiser, input.participantIds ?? []);
    await insertMeeting(trx, {
      municipality_id: organiser.municipalityId,
      id,
      citizen_id: citizenId,
      kind: input.kind,
      purpose: input.purpose,
      agenda: input.agenda ?? null,
      starts_at: startsAt,
      duration_minutes: input.durationMinutes ?? 60,
      place: input.place ?? null,
      online: input.online ?? false,
      organiser_id: organiser.id,
      organiser_unit_id: organiser.unitId,
      summary: null,
      cancel_reason: null,
      created_at: new Date(),
      updated_at: new Date(),
      updated_by: organiser.id,
    });
    await addParticipants(trx, organiser, id, input.kind, invitationsOf(participantIds, input.others ?? []));
    await notify(trx, organiser, citizenId, id, participantIds, 'meeting-invited', startsAt);
    // Reminders (decision 0021): the day before, to everyone at the meeting.
    await enqueueReminder(
      trx,
      { kind: 'reminder-meeting', municipalityId: organiser.municipalityId, meetingId: id, startsAt },
      now,
    );
    await auditInTransaction(trx, {
      actor: organiser,
      citizenId,
      action: 'create',
      resource: `meeting:${id}`,
      outcome: 'allowed',
      ...auditOrigin(request),
      details: { kind: input.kind, participants: participantIds.length },
    });
    // The read model carries the meeting relations: rebuild it with the meeting change.
    return rebuildPlanDocument(trx, organiser.municipalityId, citizenId);
  });
  context.plans.put(organiser.municipalityId, document);
  return meetingFor(context, organiser, 'relationship', citizenId, id);
}

export type MeetingStep = 'update' | 'hold' | 'cancel';

/**
 * Changes a planned meeting: its details and invitations, or holds it (with a summary) or
 * cancels it. Newly invited professionals are notified; a cancellation tells everyone invited.
 * A cancelled meeting is no longer a relationship; a held one lasts its days after the meeting.
 */
export async function changeMeeting(
  context: AppContext,
  request: FastifyRequest,
  actor: Actor,
  citizenId: string,
  meetingId: string,
  step: MeetingStep,
  input: MeetingUpdate | { summary: string } | { reason: string },
  now: Date = new Date(),
): Promise<MeetingView> {
  const resource = `meeting:${meetingId}`;
  const changer = await authorise(context, request, actor, citizenId, { action: 'update', resource });
  const document = await context.database.db.transaction().execute(async (trx) => {
    await lockPlan(trx, changer.municipalityId, citizenId);
    const meeting = await meetingForUpdate(trx, changer.municipalityId, citizenId, meetingId);
    if (!meeting) throw problems.notFound('The meeting');
    if (meeting.status !== 'planned') {
      throw problems.conflict(`The meeting is ${meeting.status}; only a planned meeting can be changed.`);
    }
    const before = await invitedProfessionalIds(trx, changer.municipalityId, meetingId);
    if (step === 'hold') {
      const { summary } = input as { summary: string };
      if (meeting.starts_at.getTime() > now.getTime())
        throw problems.field('summary', 'can be written only once the meeting has started');
      await setMeeting(trx, changer, meetingId, { status: 'held', summary });
    } else if (step === 'cancel') {
      const { reason } = input as { reason: string };
      await setMeeting(trx, changer, meetingId, { status: 'cancelled', cancel_reason: reason });
      await notify(trx, changer, citizenId, meetingId, before, 'meeting-cancelled', meeting.starts_at);
    } else {
      const update = input as MeetingUpdate;
      const startsAt = update.startsAt ? checkStart(update.startsAt, now) : undefined;
      const place = update.place === undefined ? meeting.place : update.place;
      const online = update.online ?? meeting.online;
      if (!place && !online) throw problems.field('place', 'give a place, or set online');
      const set: Parameters<typeof setMeeting>[3] = { place, online };
      if (update.purpose !== undefined) set.purpose = update.purpose;
      if (update.agenda !== undefined) set.agenda = update.agenda;
      if (startsAt) set.starts_at = startsAt;
      if (update.durationMinutes !== undefined) set.duration_minutes = update.durationMinutes;
      await setMeeting(trx, changer, meetingId, set);
      // Reminders (decision 0021): a moved meeting moves its reminder (the same one otherwise).
      await enqueueReminder(
        trx,
        {
          kind: 'reminder-meeting',
          municipalityId: changer.municipalityId,
          meetingId,
          startsAt: startsAt ?? meeting.starts_at,
        },
        now,
      );
      if (update.participantIds || update.others) {
        const participantIds = update.participantIds
          ? await professionalsMustExist(trx, changer, update.participantIds)
          : before;
        const others =
          update.others ??
          (await otherParticipantsOf(trx, changer.municipalityId, meetingId)).map((row) => ({
            kind: row.kind as 'network' | 'civil_society',
            name: row.name ?? '',
            role: row.role as MeetingRole,
            citizenConsent: row.citizen_consent as CitizenConsent | null,
          }));
        // Roles and the citizen's consent stay with those still invited.
        const kept = await invitationRows(trx, changer.municipalityId, meetingId);
        const invitations = invitationsOf(participantIds, others).map((invitation) => {
          const earlier = kept.find((row) =>
            invitation.kind === 'professional'
              ? row.professional_id === invitation.professionalId
              : row.kind === invitation.kind && row.name === invitation.name,
          );
          return {
            ...invitation,
            role: invitation.role ?? (earlier?.role as MeetingRole | undefined),
            citizenConsent:
              invitation.citizenConsent ?? (earlier?.citizen_consent as CitizenConsent | null | undefined),
          };
        });
        await deleteMeetingParticipants(trx, changer.municipalityId, meetingId);
        await addParticipants(trx, changer, meetingId, meeting.kind as MeetingKind, invitations);
        const added = participantIds.filter((id) => !before.includes(id));
        await notify(
          trx,
          changer,
          citizenId,
          meetingId,
          added,
          'meeting-invited',
          startsAt ?? meeting.starts_at,
        );
      }
    }
    await auditInTransaction(trx, {
      actor: changer,
      citizenId,
      action: 'update',
      resource,
      outcome: 'allowed',
      ...auditOrigin(request),
      details: { step },
    });
    // The read model carries the meeting relations: rebuild it with the meeting change.
    return rebuildPlanDocument(trx, changer.municipalityId, citizenId);
  });
  context.plans.put(changer.municipalityId, document);
  return meetingAfterChange(context, changer, citizenId, meetingId);
}

/** The meeting as the one who just changed it may now see it (the change may have moved their basis). */
export async function meetingAfterChange(
  context: AppContext,
  actor: ProfessionalActor,
  citizenId: string,
  meetingId: string,
): Promise<MeetingView> {
  const access = await citizenAccess(context, actor, citizenId);
  return meetingFor(
    context,
    actor,
    access.decision.allowed ? access.decision.basis : 'relationship',
    citizenId,
    meetingId,
  );
}

export async function meetingFor(
  context: AppContext,
  actor: ProfessionalActor,
  basis: Extract<AccessDecision, { allowed: true }>['basis'],
  citizenId: string,
  meetingId: string,
): Promise<MeetingView> {
  const [meeting] = await listMeetings(context.database.db, actor, basis, citizenId, meetingId);
  if (!meeting) throw problems.notFound('The meeting');
  return meeting;
}

export function checkStart(value: string, now: Date): Date {
  const startsAt = new Date(value);
  if (startsAt.getTime() < momentPlusDays(now, -EARLIEST_DAYS).getTime())
    throw problems.field('startsAt', 'must not be more than a year ago');
  if (startsAt.getTime() > momentPlusDays(now, MEETING_HORIZON_DAYS).getTime())
    throw problems.field('startsAt', `must be within the next ${MEETING_HORIZON_DAYS} days`);
  return startsAt;
}

async function setMeeting(
  trx: Transaction<DB>,
  actor: ProfessionalActor,
  meetingId: string,
  set: {
    status?: MeetingStatus;
    summary?: string;
    cancel_reason?: string;
    purpose?: string;
    agenda?: string | null;
    starts_at?: Date;
    duration_minutes?: number;
    place?: string | null;
    online?: boolean;
  },
): Promise<void> {
  await updateMeeting(trx, actor.municipalityId, meetingId, {
    ...set,
    updated_at: new Date(),
    updated_by: actor.id,
  });
}

export async function professionalsMustExist(
  trx: Transaction<DB>,
  actor: ProfessionalActor,
  ids: readonly string[],
): Promise<string[]> {
  const unique = [...new Set(ids)].filter((id) => id !== actor.id);
  if (unique.length === 0) return [];
  const found = await activeProfessionalIdsAmong(trx, actor.municipalityId, unique);
  if (found.length !== unique.length)
    throw problems.field('participantIds', 'must be active professionals of this municipality');
  return unique;
}

/** One invitation as addParticipants takes it: a professional by id, or another person by name. */
export type InvitationInput =
  | {
      kind: 'professional';
      professionalId: string;
      role?: MeetingRole;
      citizenConsent?: CitizenConsent | null;
    }
  | {
      kind: 'network' | 'civil_society';
      name: string;
      role?: MeetingRole;
      citizenConsent?: CitizenConsent | null;
    };

function invitationsOf(
  professionalIds: readonly string[],
  others: readonly Omit<Extract<InvitationInput, { kind: 'network' | 'civil_society' }>, never>[],
): InvitationInput[] {
  return [
    ...professionalIds.map((professionalId) => ({ kind: 'professional' as const, professionalId })),
    ...others,
  ];
}

/**
 * Invites: each participant with a role and the citizen's consent. At a network meeting she
 * decides whom of her network and civil society to invite; a meeting has one tovholder.
 */
export async function addParticipants(
  trx: Transaction<DB>,
  actor: ProfessionalActor,
  meetingId: string,
  meetingKind: MeetingKind,
  invitations: readonly InvitationInput[],
  field: 'others' | 'participants' = 'others',
): Promise<void> {
  const problem = checkInvitations(meetingKind, invitations);
  // The create and PATCH bodies list the others apart from the professionals, who come first here.
  const at = (index: number) =>
    field === 'others'
      ? `others.${index - invitations.filter((item) => item.kind === 'professional').length}`
      : `participants.${index}`;
  if (problem?.reason === 'citizen-not-asked')
    throw problems.field(
      `${at(problem.index)}.citizenConsent`,
      'the citizen decides whom of her network to invite: record that she agreed or asked',
    );
  if (problem?.reason === 'one-coordinator')
    throw problems.field(`${at(problem.index)}.role`, 'a meeting has one tovholder (coordinator)');
  const rows = invitations.map((invitation) => ({
    kind: invitation.kind,
    professional_id: invitation.kind === 'professional' ? invitation.professionalId : null,
    name: invitation.kind === 'professional' ? null : invitation.name,
    role: invitation.role ?? 'participant',
    citizen_consent: invitation.citizenConsent ?? null,
  }));
  if (rows.length === 0) return;
  await insertMeetingParticipants(
    trx,
    rows.map((row) => ({
      municipality_id: actor.municipalityId,
      id: newId(),
      meeting_id: meetingId,
      ...row,
    })),
  );
}

/** Tells invited professionals (not the one acting) in their inbox. */
export async function notify(
  trx: Transaction<DB>,
  actor: ProfessionalActor,
  citizenId: string,
  meetingId: string,
  recipientIds: readonly string[],
  kind: 'meeting-invited' | 'meeting-cancelled',
  startsAt: Date,
): Promise<void> {
  const recipients = recipientIds.filter((id) => id !== actor.id);
  if (recipients.length === 0) return;
  const citizen = await citizenNameOf(trx, actor.municipalityId, citizenId);
  const data: MeetingData = {
    meetingId,
    startsAt: startsAt.toISOString(),
    // The invitation is the relationship, so the invited may know whom the meeting is about.
    citizen: { id: citizenId, name: `${citizen.given_name} ${citizen.family_name}` },
  };
  const payload = JSON.stringify(data);
  await insertNotifications(trx, actor, recipients, { citizenId, kind, subjectId: meetingId, payload });
}
