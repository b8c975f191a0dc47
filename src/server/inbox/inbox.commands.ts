import {
  markAllNotificationsRead,
  markNotificationRead,
  unreadCount,
} from '../../db/queries/notification.queries.js';
import type { ProfessionalActor } from '../../domain/access/policy.js';
import type { AppContext } from '../context.js';
import { problems } from '../problem.js';

/** Marks one of the professional's notifications read; someone else's answers as if it did not exist. */
export async function markRead(
  context: AppContext,
  actor: ProfessionalActor,
  notificationId: string,
): Promise<{ id: string; readAt: string; unread: number }> {
  const { db } = context.database;
  const row = await markNotificationRead(db, actor.municipalityId, actor.id, notificationId);
  if (!row?.read_at) throw problems.notFound('The notification');
  return {
    id: row.id,
    readAt: row.read_at.toISOString(),
    unread: await unreadCount(db, actor.municipalityId, actor.id),
  };
}

/** Marks all the professional's notifications read. */
export async function markAllRead(
  context: AppContext,
  actor: ProfessionalActor,
  now: Date = new Date(),
): Promise<{ marked: number; unread: number }> {
  const marked = await markAllNotificationsRead(context.database.db, actor.municipalityId, actor.id, now);
  return { marked, unread: 0 };
}
