import { z } from 'zod';
import { REMINDER_KINDS } from './reminders.js';

/** A reminder on the citizen's own page: its kind and time, nothing else (she knows her case). */
export const citizenReminderSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(REMINDER_KINDS),
    subjectId: z.uuid().nullable().describe('The meeting or the decision it is about'),
    at: z.string().describe('The meeting’s start (date-time) or the hearing’s last day (a day)'),
    createdAt: z.string(),
  })
  .meta({ id: 'CitizenReminder' });
export type CitizenReminder = z.infer<typeof citizenReminderSchema>;

/** GET /api/citizens/{citizenId}/reminders: hers, newest first. */
export const citizenRemindersSchema = z
  .object({ items: z.array(citizenReminderSchema) })
  .meta({ id: 'CitizenReminders' });
export type CitizenReminders = z.infer<typeof citizenRemindersSchema>;
