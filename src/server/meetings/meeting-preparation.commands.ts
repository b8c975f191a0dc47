import type { FastifyRequest } from 'fastify';
import { type Actor, decideMeetingPreparation } from '../../domain/access/policy.js';
import { meetingStatusForUpdate, upsertPreparation } from '../../db/queries/meeting-preparation.queries.js';
import { auditInTransaction } from '../audit/audit-writer.js';
import { authorizeCitizen } from '../auth/citizen-access.js';
import type { AppContext } from '../context.js';
import { problems } from '../problem.js';
import { listMeetings } from './meetings.commands.js';
import type { MeetingPreparation, MeetingView } from '../../domain/meetings/meeting.schemas.js';
import { auditOrigin } from '../audit/visit.js';

/** An answer she left empty is stored as none. */
function answer(text: string | null | undefined): string | null {
  return text?.trim() ? text : null;
}

/**
 * The citizen prepares a planned meeting: what matters to her, what works, what she wants to talk
 * about, whom she would like there. Only she writes it (decideMeetingPreparation); those who may
 * see the meeting's details see it on the meeting.
 */
export async function prepareMeeting(
  context: AppContext,
  request: FastifyRequest,
  actor: Actor,
  citizenId: string,
  meetingId: string,
  input: MeetingPreparation,
  now: Date = new Date(),
): Promise<MeetingView> {
  const resource = `meeting:${meetingId}`;
  const { granted } = await authorizeCitizen(
    context,
    request,
    actor,
    citizenId,
    { action: 'update', resource },
    decideMeetingPreparation,
  );
  const keys = { municipalityId: actor.municipalityId, citizenId, meetingId };
  await context.database.db.transaction().execute(async (trx) => {
    const status = await meetingStatusForUpdate(trx, actor.municipalityId, citizenId, meetingId);
    if (!status) throw problems.notFound('The meeting');
    if (status !== 'planned')
      throw problems.conflict(`The meeting is ${status}; a meeting is prepared before it is held.`);
    await upsertPreparation(
      trx,
      keys,
      {
        matters: answer(input.matters),
        works: answer(input.works),
        talk_about: answer(input.talkAbout),
        invite_wishes: answer(input.inviteWishes),
      },
      now,
    );
    await auditInTransaction(trx, {
      actor,
      citizenId,
      action: 'update',
      resource,
      outcome: 'allowed',
      ...auditOrigin(request),
      details: { preparation: true },
    });
  });
  const [meeting] = await listMeetings(context.database.db, actor, granted.basis, citizenId, meetingId);
  if (!meeting) throw problems.notFound('The meeting');
  return meeting;
}
