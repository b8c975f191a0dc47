import { z } from 'zod';
import type { App, AppContext } from '../context.js';
import { authorizeCitizen } from '../auth/citizen-access.js';
import {
  changeMeeting,
  createMeeting,
  listMeetings,
  type MeetingStep,
} from '../meetings/meetings.commands.js';
import {
  meetingCancelSchema,
  meetingCreateSchema,
  meetingHoldSchema,
  meetingListSchema,
  meetingPreparationSchema,
  meetingSchema,
  meetingUpdateSchema,
} from '../../domain/meetings/meeting.schemas.js';
import { prepareMeeting } from '../meetings/meeting-preparation.commands.js';
import { actorOf } from '../plugins/auth.js';
import { citizenParams, idParam } from '../route-params.js';
import { auditOrigin } from '../audit/visit.js';

const meetingParams = z.strictObject({
  citizenId: idParam('citizen'),
  meetingId: idParam('meeting'),
});

/** Network and team meetings with the citizen, under the plan. */
export function meetingsRoutes(app: App, context: AppContext): void {
  app.get(
    '/api/citizens/:citizenId/meetings',
    {
      schema: {
        tags: ['meetings'],
        summary: "The citizen's network and team meetings, oldest first",
        params: citizenParams,
        response: { 200: meetingListSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { citizenId } = request.params;
      const { granted } = await authorizeCitizen(context, request, actor, citizenId, {
        action: 'read',
        resource: 'meetings',
      });
      const items = await listMeetings(context.database.db, actor, granted.basis, citizenId);
      await context.audit.record({
        actor,
        citizenId,
        action: 'read',
        resource: 'meetings',
        outcome: 'allowed',
        ...auditOrigin(request),
        details: { basis: granted.basis, meetings: items.length },
      });
      return { items };
    },
  );

  app.post(
    '/api/citizens/:citizenId/meetings',
    {
      schema: {
        tags: ['meetings'],
        summary: 'Arrange a network or team meeting and invite its participants',
        params: citizenParams,
        body: meetingCreateSchema,
        response: { 201: meetingSchema },
      },
    },
    async (request, reply) => {
      const meeting = await createMeeting(
        context,
        request,
        actorOf(request),
        request.params.citizenId,
        request.body,
      );
      return reply.code(201).send(meeting);
    },
  );

  const change = (
    method: 'PATCH' | 'POST',
    step: MeetingStep,
    suffix: string,
    summary: string,
    body: z.ZodType,
  ) => {
    app.route({
      method,
      url: `/api/citizens/:citizenId/meetings/:meetingId${suffix}`,
      schema: {
        tags: ['meetings'],
        summary,
        params: meetingParams,
        body,
        response: { 200: meetingSchema },
      },
      handler: async (request) => {
        const params = request.params as z.infer<typeof meetingParams>;
        return changeMeeting(
          context,
          request,
          actorOf(request),
          params.citizenId,
          params.meetingId,
          step,
          request.body as never,
        );
      },
    });
  };
  change(
    'PATCH',
    'update',
    '',
    'Change a planned meeting: time, place, agenda, invitations',
    meetingUpdateSchema,
  );
  change('POST', 'hold', '/hold', 'Record that the meeting was held, with its summary', meetingHoldSchema);
  change('POST', 'cancel', '/cancel', 'Cancel a planned meeting, with a reason', meetingCancelSchema);

  app.put(
    '/api/citizens/:citizenId/meetings/:meetingId/preparation',
    {
      schema: {
        tags: ['meetings', 'citizen'],
        summary:
          'The citizen prepares a planned meeting: what matters to her, what works, what to talk about, whom to invite',
        params: meetingParams,
        body: meetingPreparationSchema,
        response: { 200: meetingSchema },
      },
    },
    async (request) =>
      prepareMeeting(
        context,
        request,
        actorOf(request),
        request.params.citizenId,
        request.params.meetingId,
        request.body,
      ),
  );
}
