import { z } from 'zod';
import { idParam } from '../route-params.js';

/** The HTTP shapes of the inbox; what it answers is in src/domain/coordination/notifications.ts. */

export const inboxQuerySchema = z.strictObject({
  unread: z.enum(['true', 'false']).optional().describe('true: only unread'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const notificationParams = z.strictObject({ notificationId: idParam('notification') });
