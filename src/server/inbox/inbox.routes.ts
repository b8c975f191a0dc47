import { sql } from 'kysely';
import { z } from 'zod';
import type { App, AppContext } from '../context.js';
import { professionalOf } from '../plugins/auth.js';
import { presentNotifications } from '../presenters/inbox.presenter.js';
import { problems } from '../problem.js';

const notificationSchema = z
  .object({
    id: z.uuid(),
    kind: z.string().describe('intervention-changed, referral-requested, referral-answered, …'),
    citizenId: z.uuid().nullable(),
    subjectId: z.uuid().nullable(),
    payload: z.record(z.string(), z.unknown()).describe('What happened, with a Danish and English text'),
    actor: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    createdAt: z.string(),
    readAt: z.string().nullable(),
  })
  .meta({ id: 'Notification' });

/** The professional's in-app inbox: "others also work with this citizen", referrals to answer. */
export function inboxRoutes(app: App, context: AppContext): void {
  const { db } = context.database;

  const unreadCount = async (municipalityId: string, recipientId: string): Promise<number> => {
    const row = await db
      .selectFrom('notification')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('municipality_id', '=', municipalityId)
      .where('recipient_id', '=', recipientId)
      .where('read_at', 'is', null)
      .executeTakeFirst();
    return row?.n ?? 0;
  };

  app.get(
    '/api/inbox',
    {
      schema: {
        tags: ['inbox'],
        summary: 'My notifications, newest first, with the number unread',
        querystring: z.strictObject({
          unread: z.enum(['true', 'false']).optional().describe('true: only unread'),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: {
          200: z
            .object({ items: z.array(notificationSchema), unread: z.number().int() })
            .meta({ id: 'Inbox' }),
        },
      },
    },
    async (request) => {
      const actor = professionalOf(request);
      let query = db
        .selectFrom('notification as n')
        .leftJoin('professional as p', (join) =>
          join.onRef('p.municipality_id', '=', 'n.municipality_id').onRef('p.id', '=', 'n.actor_id'),
        )
        .select([
          'n.id',
          'n.kind',
          'n.citizen_id',
          'n.subject_id',
          'n.payload',
          'n.actor_id',
          'p.name',
          'n.created_at',
          'n.read_at',
        ])
        .where('n.municipality_id', '=', actor.municipalityId)
        .where('n.recipient_id', '=', actor.id);
      if (request.query.unread === 'true') query = query.where('n.read_at', 'is', null);
      const [rows, unread] = await Promise.all([
        query.orderBy('n.created_at', 'desc').orderBy('n.id', 'desc').limit(request.query.limit).execute(),
        unreadCount(actor.municipalityId, actor.id),
      ]);
      // The inbox names citizens: reading it is a read of citizen data.
      await context.audit.record({
        actor,
        citizenId: null,
        action: 'list',
        resource: 'inbox',
        outcome: 'allowed',
        clientIp: request.ip,
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
        response: { 200: z.object({ unread: z.number().int() }) },
      },
    },
    async (request) => {
      const actor = professionalOf(request);
      return { unread: await unreadCount(actor.municipalityId, actor.id) };
    },
  );

  app.post(
    '/api/inbox/:notificationId/read',
    {
      schema: {
        tags: ['inbox'],
        summary: 'Mark one of my notifications as read',
        params: z.strictObject({ notificationId: z.uuid({ error: 'must be a notification id (UUID)' }) }),
        response: { 200: z.object({ id: z.uuid(), readAt: z.string(), unread: z.number().int() }) },
      },
    },
    async (request) => {
      const actor = professionalOf(request);
      const row = await db
        .updateTable('notification')
        .set({ read_at: sql`coalesce(read_at, now())` })
        .where('municipality_id', '=', actor.municipalityId)
        .where('recipient_id', '=', actor.id)
        .where('id', '=', request.params.notificationId)
        .returning(['id', 'read_at'])
        .executeTakeFirst();
      // Someone else's notification answers as if it did not exist.
      if (!row?.read_at) throw problems.notFound('The notification');
      return {
        id: row.id,
        readAt: row.read_at.toISOString(),
        unread: await unreadCount(actor.municipalityId, actor.id),
      };
    },
  );

  app.post(
    '/api/inbox/read-all',
    {
      schema: {
        tags: ['inbox'],
        summary: 'Mark all my notifications as read',
        response: { 200: z.object({ marked: z.number().int(), unread: z.number().int() }) },
      },
    },
    async (request) => {
      const actor = professionalOf(request);
      const result = await db
        .updateTable('notification')
        .set({ read_at: new Date() })
        .where('municipality_id', '=', actor.municipalityId)
        .where('recipient_id', '=', actor.id)
        .where('read_at', 'is', null)
        .executeTakeFirst();
      return { marked: Number(result.numUpdatedRows), unread: 0 };
    },
  );
}
