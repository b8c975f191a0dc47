import { z } from 'zod';
import { namedRefSchema } from '../common/responses.js';

/**
 * A notification in a professional's inbox carries its kind and the data of what happened, never a
 * sentence: the web says it in the reader's language (web/src/pages/inbox/inbox-text.ts, the
 * `inbox.kind.*` texts). The server stores the data (src/server/coordination/notifications.ts and
 * the commands that notify) and presents it per reader (src/server/inbox/inbox.presenter.ts):
 * an intervention the reader may not see in detail loses its type and who did it (the
 * hidden-details rule), a referral's citizen is named only to a reader who may see her.
 *
 * Rows stored before this carried a `text` in both languages; reading them drops it (z.object
 * strips unknown keys) and fills what they lack with null, so they are said from their data too.
 */

export const INTERVENTION_ACTIONS = ['create', 'update', 'end'] as const;
export const REFERRAL_NOTIFICATION_KINDS = [
  'referral-requested',
  'referral-accepted',
  'referral-declined',
  'referral-started',
  'referral-completed',
  'referral-withdrawn',
] as const;
export const MEETING_NOTIFICATION_KINDS = ['meeting-invited', 'meeting-cancelled'] as const;
export const PROPOSAL_NOTIFICATION_KINDS = [
  'proposal-made',
  'proposal-accepted',
  'proposal-declined',
] as const;
export const OWN_PART_NOTIFICATION_KINDS = ['plan-approved', 'plan-commented'] as const;
/** Reminders from the job queue (src/domain/reminders/reminders.ts holds the same kinds). */
export const REMINDER_NOTIFICATION_KINDS = [
  'reminder-meeting',
  'reminder-hearing-deadline',
  'reminder-follow-up',
] as const;

/** Another unit created, changed or ended an intervention of a citizen the reader works with. */
export const interventionChangedDataSchema = z.object({
  citizen: namedRefSchema,
  intervention: z.object({
    id: z.uuid(),
    type: z.string().optional().describe('Only when the reader may see the intervention’s details'),
    unit: z.string().describe('The unit that owns the intervention'),
    sector: z.string(),
    status: z.string(),
    startDate: z.string(),
    endDate: z.string().nullable(),
  }),
  action: z.enum(INTERVENTION_ACTIONS),
  by: z.string().nullable().describe('Who made the change; null when the details are hidden'),
  byUnit: z.string().optional().describe('The unit that acted (may differ from the owning unit)'),
});
export type InterventionChangedData = z.infer<typeof interventionChangedDataSchema>;

/** A referral to the reader's unit, or one it sent, changed status. */
export const referralDataSchema = z.object({
  referralId: z.uuid(),
  citizen: namedRefSchema
    .nullable()
    .optional()
    .describe('Named only while the reader may see the citizen; left out otherwise'),
  status: z.string(),
  comment: z.string().nullable(),
});
export type ReferralData = z.infer<typeof referralDataSchema>;

/** The reader was invited to, or told of the cancellation of, a meeting with a citizen. */
export const meetingDataSchema = z.object({
  meetingId: z.uuid(),
  startsAt: z.string(),
  citizen: namedRefSchema,
});
export type MeetingData = z.infer<typeof meetingDataSchema>;

/** A change to an intervention was proposed to the owning unit, or the proposer got the answer. */
export const proposalDataSchema = z.object({
  proposalId: z.uuid(),
  citizen: namedRefSchema,
  unit: z.string().nullable().default(null).describe('The unit that proposed or answered'),
});
export type ProposalData = z.infer<typeof proposalDataSchema>;

/** The citizen approved or commented on her plan (the sentence names her: there is no actor). */
export const ownPartDataSchema = z.object({});

/** The citizen answered a hearing on a preliminary decision. */
export const hearingAnsweredDataSchema = z.object({
  title: z.string().nullable().default(null).describe('The decision’s title'),
});
export type HearingAnsweredData = z.infer<typeof hearingAnsweredDataSchema>;

/** A reminder: of a meeting tomorrow, a hearing's last day coming, a follow-up date come. */
export const reminderDataSchema = z.object({
  at: z
    .string()
    .describe('The meeting’s start (date-time), the hearing’s last day or the follow-up date (a day)'),
  citizen: namedRefSchema
    .nullable()
    .optional()
    .describe('Named only while the reader may see the citizen; left out otherwise'),
});
export type ReminderData = z.infer<typeof reminderDataSchema>;

/**
 * A final decision departed from the team's recommendation on a case: the case is back on the
 * team's list. Names the team meeting, never the decision's content (the team reads it there).
 */
export const teamCaseReturnedDataSchema = z.object({
  teamMeetingId: z.uuid(),
  teamCaseId: z.uuid(),
  meeting: z.string().describe('The team meeting’s title'),
});
export type TeamCaseReturnedData = z.infer<typeof teamCaseReturnedDataSchema>;

// The keys in the order the inbox has always sent them (the serialiser writes a schema's order):
// id, kind, citizenId, subjectId, payload, actor, createdAt, readAt.
const id = { id: z.uuid() };
const subjects = { citizenId: z.uuid().nullable(), subjectId: z.uuid().nullable() };
const rest = {
  actor: namedRefSchema.nullable().describe('Who acted; null for the citizen and for hidden details'),
  createdAt: z.string(),
  readAt: z.string().nullable(),
};

/** A notification in the professional's inbox (GET /api/inbox), by kind. */
export const notificationSchema = z
  .discriminatedUnion('kind', [
    z.object({
      ...id,
      kind: z.literal('intervention-changed'),
      ...subjects,
      payload: interventionChangedDataSchema,
      ...rest,
    }),
    z.object({
      ...id,
      kind: z.enum(REFERRAL_NOTIFICATION_KINDS),
      ...subjects,
      payload: referralDataSchema,
      ...rest,
    }),
    z.object({
      ...id,
      kind: z.enum(MEETING_NOTIFICATION_KINDS),
      ...subjects,
      payload: meetingDataSchema,
      ...rest,
    }),
    z.object({
      ...id,
      kind: z.enum(PROPOSAL_NOTIFICATION_KINDS),
      ...subjects,
      payload: proposalDataSchema,
      ...rest,
    }),
    z.object({
      ...id,
      kind: z.enum(OWN_PART_NOTIFICATION_KINDS),
      ...subjects,
      payload: ownPartDataSchema,
      ...rest,
    }),
    z.object({
      ...id,
      kind: z.literal('hearing-answered'),
      ...subjects,
      payload: hearingAnsweredDataSchema,
      ...rest,
    }),
    z.object({
      ...id,
      kind: z.enum(REMINDER_NOTIFICATION_KINDS),
      ...subjects,
      payload: reminderDataSchema,
      ...rest,
    }),
    z.object({
      ...id,
      kind: z.literal('team-case-returned'),
      ...subjects,
      payload: teamCaseReturnedDataSchema,
      ...rest,
    }),
  ])
  .meta({ id: 'Notification' });
export type Notification = z.infer<typeof notificationSchema>;
export type NotificationKind = Notification['kind'];

/** GET /api/inbox: my notifications, newest first, with the number unread. */
export const inboxSchema = z
  .object({ items: z.array(notificationSchema), unread: z.number().int() })
  .meta({ id: 'Inbox' });
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
