import { z } from 'zod';
import {
  teamCaseCreateSchema,
  teamMeetingCreateSchema,
  teamMeetingListSchema,
  teamMeetingViewSchema,
  teamRecommendationSchema,
} from '../../domain/meetings/team-case.schemas.js';
import type { App, AppContext } from '../context.js';
import { actorOf } from '../plugins/auth.js';
import { idParam } from '../route-params.js';
import {
  createTeamMeeting,
  listTeamCase,
  listTeamMeetings,
  recommendOnCase,
  teamMeeting,
} from './team-cases.commands.js';

const meetingParams = z.strictObject({ teamMeetingId: idParam('team meeting') });
const caseParams = z.strictObject({ teamMeetingId: idParam('team meeting'), caseId: idParam('case') });

/** Team meetings (e.g. the rehabilitation team): their case lists and recommendations (issue 14, item 3). */
export function teamCaseRoutes(app: App, context: AppContext): void {
  app.get(
    '/api/team-meetings',
    {
      schema: {
        tags: ['meetings'],
        summary: 'My unit’s team meetings, the latest first, with how many cases and how many came back',
        response: { 200: teamMeetingListSchema },
      },
    },
    async (request) => ({ items: await listTeamMeetings(context, request, actorOf(request)) }),
  );
  app.post(
    '/api/team-meetings',
    {
      schema: {
        tags: ['meetings'],
        summary: 'Arrange a team meeting of my unit',
        body: teamMeetingCreateSchema,
        response: { 201: teamMeetingViewSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createTeamMeeting(context, request, actorOf(request), request.body)),
  );
  app.get(
    '/api/team-meetings/:teamMeetingId',
    {
      schema: {
        tags: ['meetings'],
        summary:
          'A team meeting with its case list; a case whose citizen the reader may not see is only "a case"',
        params: meetingParams,
        response: { 200: teamMeetingViewSchema },
      },
    },
    async (request) => teamMeeting(context, request, actorOf(request), request.params.teamMeetingId),
  );
  app.post(
    '/api/team-meetings/:teamMeetingId/cases',
    {
      schema: {
        tags: ['meetings'],
        summary: 'Put a citizen’s case on the team meeting’s list, with the caseworker’s summary',
        params: meetingParams,
        body: teamCaseCreateSchema,
        response: { 201: teamMeetingViewSchema },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await listTeamCase(context, request, actorOf(request), request.params.teamMeetingId, request.body),
        ),
  );
  app.post(
    '/api/team-meetings/:teamMeetingId/cases/:caseId/recommendation',
    {
      schema: {
        tags: ['meetings'],
        summary: 'The team’s recommendation (indstilling) on a case, with reasons',
        params: caseParams,
        body: teamRecommendationSchema,
        response: { 200: teamMeetingViewSchema },
      },
    },
    async (request) =>
      recommendOnCase(
        context,
        request,
        actorOf(request),
        request.params.teamMeetingId,
        request.params.caseId,
        request.body,
      ),
  );
}
