import { decideCitizenReminders } from '../../domain/access/policy.js';
import { REMINDER_KINDS } from '../../domain/reminders/reminders.js';
import { type CitizenReminder, citizenRemindersSchema } from '../../domain/reminders/reminders.responses.js';
import { citizenReminderRows } from '../../db/queries/reminders.queries.js';
import { auditOrigin } from '../audit/visit.js';
import { authorizeCitizen } from '../auth/citizen-access.js';
import type { App, AppContext } from '../context.js';
import { actorOf } from '../plugins/auth.js';
import { citizenParams } from '../route-params.js';

const SHOWN = 20;

/** The citizen's reminders, for her page (professionals' are in their inbox). */
export function remindersRoutes(app: App, context: AppContext): void {
  app.get(
    '/api/citizens/:citizenId/reminders',
    {
      schema: {
        tags: ['citizen'],
        summary: "The citizen's reminders (a meeting tomorrow, a hearing's last day), newest first",
        params: citizenParams,
        response: { 200: citizenRemindersSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { citizenId } = request.params;
      await authorizeCitizen(
        context,
        request,
        actor,
        citizenId,
        { action: 'read', resource: 'reminders' },
        decideCitizenReminders,
      );
      const rows = await citizenReminderRows(context.database.db, actor.municipalityId, citizenId, SHOWN);
      const items = rows.flatMap((row): CitizenReminder[] => {
        const kind = REMINDER_KINDS.find((known) => known === row.kind);
        const payload = (typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload) as {
          at?: unknown;
        };
        if (!kind || typeof payload.at !== 'string') return [];
        return [
          {
            id: row.id,
            kind,
            subjectId: row.subject_id,
            at: payload.at,
            createdAt: row.created_at.toISOString(),
          },
        ];
      });
      await context.audit.record({
        actor,
        citizenId,
        action: 'read',
        resource: 'reminders',
        outcome: 'allowed',
        ...auditOrigin(request),
        details: { reminders: items.length },
      });
      return { items };
    },
  );
}
