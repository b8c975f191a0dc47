import { z } from 'zod';
import { decideMeetingMinutes } from '../../domain/access/policy.js';
import { danishToday } from '../../domain/calendar.js';
import { meetingSchema } from '../../domain/meetings/meeting.schemas.js';
import {
  agendaProposalSchema,
  agendaSchema,
  agreementsWrittenSchema,
  invitationsSchema,
  meetingRecordSchema,
} from '../../domain/meetings/network-meeting.schemas.js';
import { citizenNameOf } from '../../db/queries/auth.queries.js';
import { auditOrigin } from '../audit/visit.js';
import { authorizeCitizen, requireAllowed } from '../auth/citizen-access.js';
import type { App, AppContext } from '../context.js';
import { composeMinutesPdf } from '../plan-pdf/meeting-minutes.document.js';
import { pdfLanguage, sendPdf } from '../plan-pdf/plan-pdf.routes.js';
import { renderPdf } from '../plan-pdf/plan-pdf.render.js';
import { emptyBody, ifMatchHeaders } from '../plan/plan.schemas.js';
import { actorOf } from '../plugins/auth.js';
import { planEtag, problems } from '../problem.js';
import { idParam } from '../route-params.js';
import { listMeetings } from './meetings.commands.js';
import {
  proposeMeetingAgenda,
  recordMeeting,
  saveAgenda,
  setInvitations,
  writeAgreements,
} from './network-meeting.commands.js';

const meetingParams = z.strictObject({
  citizenId: idParam('citizen'),
  meetingId: idParam('meeting'),
});

const minutesQuery = z.strictObject({
  lang: z
    .enum(['da', 'en'], { error: 'must be da or en' })
    .optional()
    .describe('The language of the PDF; without it, Accept-Language decides (Danish by default)'),
});

const base = '/api/citizens/:citizenId/meetings/:meetingId';

/** Network meetings: invitations with roles, the agenda, the record, agreements, minutes. */
export function networkMeetingsRoutes(app: App, context: AppContext): void {
  app.put(
    `${base}/invitations`,
    {
      schema: {
        tags: ['meetings'],
        summary:
          "The invitation list of a planned meeting, with roles; her network only with the citizen's consent",
        params: meetingParams,
        body: invitationsSchema,
        response: { 200: meetingSchema },
      },
    },
    async (request) =>
      setInvitations(
        context,
        request,
        actorOf(request),
        request.params.citizenId,
        request.params.meetingId,
        request.body,
      ),
  );

  app.get(
    `${base}/agenda-proposal`,
    {
      schema: {
        tags: ['meetings'],
        summary:
          "An agenda proposed from the citizen's preparation and the plan (due sub-goals, open proposals and referrals)",
        params: meetingParams,
        response: { 200: agendaProposalSchema },
      },
    },
    async (request) => ({
      points: await proposeMeetingAgenda(
        context,
        request,
        actorOf(request),
        request.params.citizenId,
        request.params.meetingId,
      ),
    }),
  );

  app.put(
    `${base}/agenda`,
    {
      schema: {
        tags: ['meetings'],
        summary: 'Save the agenda of a planned meeting, point by point',
        params: meetingParams,
        body: agendaSchema,
        response: { 200: meetingSchema },
      },
    },
    async (request) =>
      saveAgenda(
        context,
        request,
        actorOf(request),
        request.params.citizenId,
        request.params.meetingId,
        request.body,
      ),
  );

  app.put(
    `${base}/record`,
    {
      schema: {
        tags: ['meetings'],
        summary:
          'Record a network meeting and hold it: who came, reflections, open questions, agreements, next meeting',
        params: meetingParams,
        body: meetingRecordSchema,
        response: { 200: meetingSchema },
      },
    },
    async (request) =>
      recordMeeting(
        context,
        request,
        actorOf(request),
        request.params.citizenId,
        request.params.meetingId,
        request.body,
      ),
  );

  app.post(
    `${base}/agreements/write`,
    {
      schema: {
        tags: ['meetings', 'plan'],
        summary:
          "Write the meeting's agreements to the plan in one change (If-Match); another unit's intervention gets a proposal",
        params: meetingParams,
        headers: ifMatchHeaders,
        body: emptyBody.optional(),
        response: { 200: agreementsWrittenSchema },
      },
    },
    async (request, reply) => {
      const written = await writeAgreements(
        context,
        request,
        actorOf(request),
        request.params.citizenId,
        request.params.meetingId,
      );
      return reply.header('ETag', planEtag(written.planVersion)).send(written);
    },
  );

  app.get(
    `${base}/minutes.pdf`,
    {
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['meetings', 'citizen'],
        summary: 'The minutes of a held meeting as a PDF in plain language (audited), for those involved',
        params: meetingParams,
        querystring: minutesQuery,
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { citizenId, meetingId } = request.params;
      const resource = `meeting_minutes:${meetingId}`;
      const { granted } = await authorizeCitizen(context, request, actor, citizenId, {
        action: 'read',
        resource,
      });
      const meetings = await listMeetings(context.database.db, actor, granted.basis, citizenId);
      const meeting = meetings.find((item) => item.id === meetingId);
      if (!meeting) throw problems.notFound('The meeting');
      const next = meetings.find((item) => item.id === meeting.nextMeetingId && item.status === 'planned');
      await requireAllowed(
        context,
        request,
        actor,
        citizenId,
        decideMeetingMinutes(actor, granted, {
          organiserId: meeting.organiser.id,
          organiserUnitId: meeting.organiser.unit.id,
          participantIds: meeting.participants.flatMap((item) =>
            item.professionalId ? [item.professionalId] : [],
          ),
        }),
        'read',
        resource,
      );
      if (meeting.status !== 'held') throw problems.conflict('A meeting has minutes once it is held.');
      const citizen = await citizenNameOf(context.database.db, actor.municipalityId, citizenId);
      const language = pdfLanguage(request, request.query.lang);
      const today = danishToday();
      const pdf = await renderPdf(
        composeMinutesPdf(meeting, {
          language,
          today,
          citizenName: `${citizen.given_name} ${citizen.family_name}`,
          nextStartsAt: next?.startsAt ?? null,
        }),
      );
      await context.audit.record({
        actor,
        citizenId,
        action: 'read',
        resource,
        outcome: 'allowed',
        ...auditOrigin(request),
        details: { basis: granted.basis, format: 'pdf', description: 'Hentede referatet som PDF' },
      });
      return sendPdf(reply, pdf, `samspil-referat-${meeting.startsAt.slice(0, 10)}.pdf`);
    },
  );
}
