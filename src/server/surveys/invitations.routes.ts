import { z } from 'zod';
import type { App, AppContext } from '../context.js';
import { actorOf } from '../plugins/auth.js';
import {
  answerInvitation,
  issueInvitations,
  readInvitation,
  readInvitationCounts,
} from './invitations.commands.js';
import {
  invitationCountsSchema,
  invitationsIssuedSchema,
  invitationViewSchema,
} from '../../domain/measures/surveys.responses.js';
import {
  collaborationRoundParams,
  invitationAnswerSchema,
  invitationIssueSchema,
  invitationTokenParams,
  surveyParams,
} from './surveys.schemas.js';

/** Per client address: a respondent needs two calls; guessing a 256-bit token is hopeless anyway. */
const PUBLIC_RATE_LIMIT = { max: 60, timeWindow: '1 minute' };

/**
 * Invitation links to a collaboration survey round: issued by the survey's team leader (or the
 * administrator), answered once without a login. The token is in the path, so the request log
 * writes these paths with the token replaced (src/server/logging.ts).
 */
export function invitationsRoutes(app: App, context: AppContext): void {
  app.post(
    '/api/collaboration-surveys/:id/rounds/:round/invitations',
    {
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags: ['surveys'],
        summary:
          'Issue single-use invitation links for a round and a work group; the links are shown only now',
        description:
          'Only a hash of each link is stored: a lost link cannot be shown again, only replaced by a new one.',
        params: collaborationRoundParams,
        body: invitationIssueSchema,
        response: { 201: invitationsIssuedSchema },
      },
    },
    async (request, reply) => {
      const issued = await issueInvitations(
        context,
        request,
        actorOf(request),
        request.params.id,
        request.params.round,
        request.body,
      );
      return reply.code(201).send(issued);
    },
  );

  app.get(
    '/api/collaboration-surveys/:id/invitations',
    {
      schema: {
        tags: ['surveys'],
        summary: 'How many invitation links were issued and used, per round and work group (never the links)',
        params: surveyParams,
        response: { 200: invitationCountsSchema },
      },
    },
    async (request) => readInvitationCounts(context, request, actorOf(request), request.params.id),
  );

  app.get(
    '/api/survey-invitations/:token',
    {
      config: { public: true, rateLimit: PUBLIC_RATE_LIMIT },
      schema: {
        tags: ['surveys'],
        summary: 'No login: what an invitation link asks (the groups to rate and the seven questions)',
        description:
          'A used or unknown link is the same 404 problem (type urn:samspil:problem:survey-link-unusable).',
        security: [],
        params: invitationTokenParams,
        response: { 200: invitationViewSchema },
      },
    },
    async (request) => readInvitation(context, request.params.token),
  );

  app.post(
    '/api/survey-invitations/:token/answers',
    {
      config: { public: true, rateLimit: PUBLIC_RATE_LIMIT },
      schema: {
        tags: ['surveys'],
        summary:
          'No login: answer once through an invitation link, rating every group on all seven dimensions',
        description:
          "Every group, the respondent's own included, once, each dimension coded 1–5 (frequency: not nearly " +
          'enough 1, much too often 2, not enough 3, too often 4, just right 5). Stored anonymously and the link ' +
          'used up in one transaction; a used or unknown link is the same 404 problem.',
        security: [],
        params: invitationTokenParams,
        body: invitationAnswerSchema,
        response: { 204: z.null().describe('Stored; the link is used up') },
      },
    },
    async (request, reply) => {
      await answerInvitation(context, request.params.token, request.body);
      return reply.code(204).send(null);
    },
  );
}
