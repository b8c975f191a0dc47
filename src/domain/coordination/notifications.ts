import { z } from 'zod';
import { namedRefSchema } from '../common/responses.js';

/** A notification in the professional's inbox (GET /api/inbox). */
export const notificationSchema = z.object({
  id: z.uuid(),
  kind: z.string(),
  citizenId: z.uuid().nullable(),
  subjectId: z.uuid().nullable(),
  payload: z.record(z.string(), z.unknown()),
  actor: namedRefSchema.nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type Notification = z.infer<typeof notificationSchema>;

/** GET /api/inbox: my notifications, newest first, with the number unread. */
export const inboxSchema = z.object({ items: z.array(notificationSchema), unread: z.number().int() });
export type Inbox = z.infer<typeof inboxSchema>;

/** GET /api/inbox/unread-count: the navigation's badge. */
export const unreadCountSchema = z.object({ unread: z.number().int() });
/** POST /api/inbox/{id}/read. */
export const notificationReadSchema = z.object({
  id: z.uuid(),
  readAt: z.string(),
  unread: z.number().int(),
});
/** POST /api/inbox/read-all. */
export const inboxReadAllSchema = z.object({ marked: z.number().int(), unread: z.number().int() });
