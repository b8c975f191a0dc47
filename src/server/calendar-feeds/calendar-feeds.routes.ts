import { z } from 'zod';
import {
  calendarFeedCreatedSchema,
  calendarFeedListSchema,
  calendarFeedRevokedSchema,
} from '../../domain/calendar-feeds/calendar-feeds.responses.js';
import type { App, AppContext } from '../context.js';
import { actorOf } from '../plugins/auth.js';
import { idParam } from '../route-params.js';
import {
  createCalendarFeed,
  fetchCalendarFeed,
  listCalendarFeeds,
  regenerateFeed,
  revokeFeed,
} from './calendar-feeds.commands.js';

const feedParams = z.strictObject({ feedId: idParam('calendar link') });
// Any text: a malformed token is the same 404 as an unknown one (never a 400 that tells them apart).
const fileParams = z.strictObject({ file: z.string().max(100) });

/** My secret calendar links, and the public feed behind each (decision 0021). */
export function calendarFeedsRoutes(app: App, context: AppContext): void {
  app.get(
    '/api/calendar-feeds',
    {
      schema: {
        tags: ['calendar'],
        summary: 'My active calendar links (never their addresses: those are shown once)',
        response: { 200: calendarFeedListSchema },
      },
    },
    async (request) => ({ items: await listCalendarFeeds(context, request, actorOf(request)) }),
  );

  app.post(
    '/api/calendar-feeds',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Make a secret calendar link to my meetings (a citizen: her appointments); shown once',
        response: { 201: calendarFeedCreatedSchema },
      },
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
    },
    async (request, reply) =>
      reply.code(201).send(await createCalendarFeed(context, request, actorOf(request))),
  );

  app.delete(
    '/api/calendar-feeds/:feedId',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Revoke one of my calendar links: its address stops working at once',
        params: feedParams,
        response: { 200: calendarFeedRevokedSchema },
      },
    },
    async (request) => revokeFeed(context, request, actorOf(request), request.params.feedId),
  );

  app.post(
    '/api/calendar-feeds/:feedId/regenerate',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Revoke one of my calendar links and make a new one in its place; shown once',
        params: feedParams,
        response: { 201: calendarFeedCreatedSchema },
      },
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
    },
    async (request, reply) =>
      reply.code(201).send(await regenerateFeed(context, request, actorOf(request), request.params.feedId)),
  );

  app.get(
    '/api/calendar/:file',
    {
      schema: {
        tags: ['calendar'],
        summary:
          'A calendar (iCalendar, text/calendar) behind a secret link; an unknown or revoked one is 404',
        params: fileParams,
        security: [],
      },
      config: { public: true, rateLimit: { max: 60, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const text = await fetchCalendarFeed(context, request, request.params.file);
      return reply
        .header('Content-Type', 'text/calendar; charset=utf-8')
        .header('Content-Disposition', 'inline; filename="samspil.ics"')
        .send(text);
    },
  );
}
