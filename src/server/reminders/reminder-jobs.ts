import type { Transaction } from 'kysely';
import type { ClaimedJob } from '../../db/queries/jobs.queries.js';
import { citizenNameOf } from '../../db/queries/auth.queries.js';
import { coordinatorOf, insertNotifications } from '../../db/queries/notification.queries.js';
import {
  activeAmong,
  decisionForReminder,
  interventionForReminder,
  meetingForReminder,
  remindedAlready,
} from '../../db/queries/reminders.queries.js';
import type { DB } from '../../db/schema.js';
import type { ReminderData } from '../../domain/coordination/notifications.js';
import {
  type ReminderKind,
  type ReminderSubjectNow,
  reminderStillRelevant,
} from '../../domain/reminders/reminders.js';
import type { AppContext } from '../context.js';
import type { JobHandler } from '../jobs/job-worker.js';

/** Whom a reminder goes to, found when it runs. */
interface Recipients {
  citizenId: string;
  professionalIds: string[];
  /** Whether the citizen herself is reminded too (in her portal). */
  citizen: boolean;
}

type Found = { now: ReminderSubjectNow; recipients: Recipients } | null;

/** Reads the subject as it is now, and whom to remind. */
const FINDERS: Record<
  ReminderKind,
  (trx: Transaction<DB>, municipalityId: string, id: string) => Promise<Found>
> = {
  // Everyone at the meeting: the organiser, the invited professionals and the citizen.
  async 'reminder-meeting'(trx, municipalityId, id) {
    const meeting = await meetingForReminder(trx, municipalityId, id);
    if (!meeting) return null;
    return {
      now: { kind: 'reminder-meeting', status: meeting.status, startsAt: meeting.starts_at },
      recipients: { citizenId: meeting.citizen_id, professionalIds: meeting.professional_ids, citizen: true },
    };
  },
  // The citizen, whose say it is, and the professional who sent it to hearing.
  async 'reminder-hearing-deadline'(trx, municipalityId, id) {
    const decision = await decisionForReminder(trx, municipalityId, id);
    if (!decision) return null;
    return {
      now: {
        kind: 'reminder-hearing-deadline',
        status: decision.status,
        hearingUntil: decision.hearing_until,
      },
      recipients: {
        citizenId: decision.citizen_id,
        professionalIds: await activeAmong(trx, municipalityId, [decision.created_by]),
        citizen: true,
      },
    };
  },
  // The professional responsible for the intervention, or the coordinator when no one is.
  async 'reminder-follow-up'(trx, municipalityId, id) {
    const intervention = await interventionForReminder(trx, municipalityId, id);
    if (!intervention) return null;
    const responsible = intervention.responsible_id
      ? [intervention.responsible_id]
      : await coordinatorOf(trx, municipalityId, intervention.citizen_id);
    return {
      now: {
        kind: 'reminder-follow-up',
        status: intervention.status,
        followUpDate: intervention.follow_up_date,
      },
      recipients: {
        citizenId: intervention.citizen_id,
        professionalIds: await activeAmong(trx, municipalityId, responsible),
        citizen: false,
      },
    };
  },
};

/**
 * The reminder jobs: each reads its subject when it runs, sends nothing when the reminder no
 * longer holds, and otherwise puts a reminder in each recipient's notifications, in one
 * transaction. A professional's is e-mailed by the mailer (the e-mail says only that there is a
 * reminder in Samspil, and the link); the citizen's is on her own page (Mit forløb). Run again
 * after a crash, it does not remind anyone twice.
 */
export function reminderHandlers(context: AppContext): Record<ReminderKind, JobHandler> {
  const handler =
    (kind: ReminderKind): JobHandler =>
    async (job: ClaimedJob) => {
      const { subjectId, at } = job.payload as { subjectId: string; at: string };
      const municipalityId = job.municipality_id;
      return context.database.db.transaction().execute(async (trx) => {
        const found = await FINDERS[kind](trx, municipalityId, subjectId);
        if (!found || !reminderStillRelevant({ at }, found.now, context.clock())) return 'not-relevant';
        const { citizenId, professionalIds, citizen } = found.recipients;
        const already = await remindedAlready(trx, municipalityId, kind, subjectId, at);
        const professionals = professionalIds.filter((id) => !already.has(id));
        const system = { municipalityId, id: null };
        if (professionals.length > 0) {
          const name = await citizenNameOf(trx, municipalityId, citizenId);
          const data: ReminderData = {
            at,
            citizen: { id: citizenId, name: `${name.given_name} ${name.family_name}` },
          };
          await insertNotifications(trx, system, professionals, {
            citizenId,
            kind,
            subjectId,
            payload: JSON.stringify(data),
          });
        }
        if (citizen && !already.has(citizenId)) {
          const data: ReminderData = { at };
          await insertNotifications(trx, system, [citizenId], {
            citizenId,
            kind,
            subjectId,
            payload: JSON.stringify(data),
          });
        }
        return 'sent';
      });
    };
  return {
    'reminder-meeting': handler('reminder-meeting'),
    'reminder-hearing-deadline': handler('reminder-hearing-deadline'),
    'reminder-follow-up': handler('reminder-follow-up'),
  };
}
