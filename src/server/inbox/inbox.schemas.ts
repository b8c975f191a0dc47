import { z } from 'zod';
import { idParam } from '../route-params.js';

export const notificationSchema = z
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

export const inboxQuerySchema = z.strictObject({
  unread: z.enum(['true', 'false']).optional().describe('true: only unread'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const inboxSchema = z
  .object({ items: z.array(notificationSchema), unread: z.number().int() })
  .meta({ id: 'Inbox' });

export const unreadCountSchema = z.object({ unread: z.number().int() });

export const notificationParams = z.strictObject({ notificationId: idParam('notification') });

export const markedReadSchema = z.object({ id: z.uuid(), readAt: z.string(), unread: z.number().int() });

export const markedAllReadSchema = z.object({ marked: z.number().int(), unread: z.number().int() });
