import { inboxRows, unreadCount } from '../../db/queries/notification.queries.js';
import type { App, AppContext } from '../context.js';
import { professionalOf } from '../plugins/auth.js';
import { markAllRead, markRead } from './inbox.commands.js';
import { presentNotifications } from './inbox.presenter.js';
import {
  inboxReadAllSchema,
  inboxSchema,
  notificationReadSchema,
  unreadCountSchema,
} from '../../domain/coordination/notifications.js';
import { inboxQuerySchema, notificationParams } from './inbox.schemas.js';
import { auditOrigin } from '../audit/visit.js';

/** The professional's in-app inbox: "others also work with this citizen", referrals to answer. */
export function inboxRoutes(app: App, context: AppContext): void {
  const { db } = context.database;

  app.get(
    '/api/inbox',
    {
      schema: {
        tags: ['inbox'],
        summary: 'My notifications, newest first, with the number unread',
        querystring: inboxQuerySchema,
        response: { 200: inboxSchema },
      },
    },
    async (request) => {
      const actor = professionalOf(request);
      const [rows, unread] = await Promise.all([
        inboxRows(db, actor.municipalityId, actor.id, {
          unreadOnly: request.query.unread === 'true',
          limit: request.query.limit,
        }),
        unreadCount(db, actor.municipalityId, actor.id),
      ]);
      // The inbox names citizens: reading it is a read of citizen data.
      await context.audit.record({
        actor,
        citizenId: null,
        action: 'list',
        resource: 'inbox',
        outcome: 'allowed',
        ...auditOrigin(request),
        details: { results: rows.length },
        seenCitizens: rows.flatMap((row) => (row.citizen_id ? [row.citizen_id] : [])),
      });
      return {
        items: await presentNotifications(context, actor, rows),
        unread,
      };
    },
  );

  app.get(
    '/api/inbox/unread-count',
    {
      schema: {
        tags: ['inbox'],
        summary: 'How many of my notifications are unread (for the badge)',
        response: { 200: unreadCountSchema },
      },
    },
    async (request) => {
      const actor = professionalOf(request);
      return { unread: await unreadCount(db, actor.municipalityId, actor.id) };
    },
  );

  app.post(
    '/api/inbox/:notificationId/read',
    {
      schema: {
        tags: ['inbox'],
        summary: 'Mark one of my notifications as read',
        params: notificationParams,
        response: { 200: notificationReadSchema },
      },
    },
    async (request) => markRead(context, professionalOf(request), request.params.notificationId),
  );

  app.post(
    '/api/inbox/read-all',
    {
      schema: {
        tags: ['inbox'],
        summary: 'Mark all my notifications as read',
        response: { 200: inboxReadAllSchema },
      },
    },
    async (request) => markAllRead(context, professionalOf(request)),
  );
}
