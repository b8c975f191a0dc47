import { z } from 'zod';
import { freeText, isoDate, isoDateTime, optionalFreeText, textLine } from '../common/text.schemas.js';
import {
  interventionCreateSchema,
  interventionUpdateSchema,
  subGoalCreateSchema,
  subGoalUpdateSchema,
} from '../plan/plan.schemas.js';

/**
 * The HTTP shapes of network meetings (netværksmøde, Open Dialogue): whom the citizen agreed to
 * invite and their roles, the agenda built from the plan and her preparation, the record of the
 * held meeting and the agreements it writes back to the plan.
 */

/** tovholder (one a meeting), mødeleder, reflekterende deltager, or a plain participant. */
export const MEETING_ROLES = ['participant', 'coordinator', 'facilitator', 'reflecting'] as const;
export type MeetingRole = (typeof MEETING_ROLES)[number];

/** The citizen agreed to the invitation, or asked for it herself (her invite wishes). */
export const CITIZEN_CONSENTS = ['agreed', 'asked'] as const;
export type CitizenConsent = (typeof CITIZEN_CONSENTS)[number];

const role = z.enum(MEETING_ROLES, { error: 'must be participant, coordinator, facilitator or reflecting' });
const consent = z.enum(CITIZEN_CONSENTS, { error: 'must be agreed or asked' });

export const invitationSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('professional'),
    professionalId: z.uuid({ error: 'must be the id of a professional' }),
    role: role.optional(),
    citizenConsent: consent.nullable().optional(),
  }),
  z.strictObject({
    kind: z.enum(['network', 'civil_society']),
    name: textLine(200).describe('Name and relation as free text, e.g. "Mor" or "Frivillig, Røde Kors"'),
    role: role.optional(),
    citizenConsent: consent
      .nullable()
      .optional()
      .describe('Required at a network meeting: the citizen decides whom of her network is invited'),
  }),
]);
export type Invitation = z.infer<typeof invitationSchema>;

/** The whole invitation list of a planned meeting, replacing the one before. */
export const invitationsSchema = z
  .strictObject({ participants: z.array(invitationSchema).max(40) })
  .meta({ id: 'MeetingInvitations' });
export type Invitations = z.infer<typeof invitationsSchema>;

/** Where a proposed agenda point comes from. */
export const AGENDA_SOURCES = [
  'citizen-talk-about',
  'citizen-matters',
  'sub-goal-due',
  'sub-goal-no-progress',
  'proposal',
  'referral',
  'own',
] as const;
export type AgendaSource = (typeof AGENDA_SOURCES)[number];

export const agendaPointSchema = z.strictObject({
  text: textLine(500),
  source: z.enum(AGENDA_SOURCES).optional().describe('What the point was proposed from; own when written'),
  refId: z.uuid().nullable().optional().describe('The sub-goal, proposal or referral it is about'),
});
export type AgendaPoint = z.infer<typeof agendaPointSchema>;

export const agendaSchema = z
  .strictObject({ points: z.array(agendaPointSchema).max(30) })
  .meta({ id: 'MeetingAgenda' });
export type Agenda = z.infer<typeof agendaSchema>;

export const agendaProposalSchema = z
  .object({
    points: z.array(
      z.object({ text: z.string(), source: z.enum(AGENDA_SOURCES), refId: z.uuid().nullable() }),
    ),
  })
  .meta({ id: 'MeetingAgendaProposal' });

export const AGREEMENT_KINDS = [
  'new_sub_goal',
  'change_sub_goal',
  'new_intervention',
  'change_intervention',
  'follow_up',
] as const;
export type AgreementKind = (typeof AGREEMENT_KINDS)[number];

const agreementText = freeText(1000).describe('The agreement in the words used at the meeting');

/** One agreement: a plan change, as the plan's own commands take it (their schemas validate it). */
export const agreementSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('new_sub_goal'), text: agreementText, subGoal: subGoalCreateSchema }),
  z.strictObject({
    kind: z.literal('change_sub_goal'),
    text: agreementText,
    subGoalId: z.uuid({ error: 'must be the id of a sub-goal' }),
    change: subGoalUpdateSchema,
  }),
  z.strictObject({
    kind: z.literal('new_intervention'),
    text: agreementText,
    intervention: interventionCreateSchema,
  }),
  z.strictObject({
    kind: z.literal('change_intervention'),
    text: agreementText,
    interventionId: z.uuid({ error: 'must be the id of an intervention' }),
    change: interventionUpdateSchema,
  }),
  z.strictObject({
    kind: z.literal('follow_up'),
    text: agreementText,
    interventionId: z.uuid({ error: 'must be the id of an intervention' }),
    followUpDate: isoDate,
  }),
]);
export type Agreement = z.infer<typeof agreementSchema>;

const nextMeetingSchema = z
  .strictObject({
    startsAt: isoDateTime,
    durationMinutes: z.number().int().min(5).max(600).optional(),
    place: textLine(300).nullable().optional(),
    online: z.boolean().optional(),
    purpose: freeText(1000).optional().describe('Without it, the purpose of this meeting'),
  })
  .refine((value) => Boolean(value.place) || value.online === true, {
    error: 'give a place, or set online',
    path: ['place'],
  });

/** The record of a held network meeting; saving it holds the meeting. */
export const meetingRecordSchema = z
  .strictObject({
    summary: freeText(8000).describe('What was talked about, in words the citizen understands'),
    reflections: optionalFreeText(8000).describe('What the reflecting participants reflected'),
    openQuestions: optionalFreeText(4000),
    citizenPresent: z.boolean().describe('The citizen took part: agreements are written only then'),
    attendance: z
      .array(z.strictObject({ participantId: z.uuid(), attended: z.boolean() }))
      .max(40)
      .optional(),
    agreements: z.array(agreementSchema).max(20).optional(),
    nextMeeting: nextMeetingSchema.optional().describe('Plans the next meeting, with the same invitations'),
  })
  .meta({ id: 'MeetingRecord' });
export type MeetingRecord = z.infer<typeof meetingRecordSchema>;

/** What writing a meeting's agreements did, agreement by agreement. */
export const agreementsWrittenSchema = z
  .object({
    planVersion: z.number().int(),
    results: z.array(
      z.object({
        agreementId: z.uuid(),
        outcome: z.enum(['written', 'proposed']),
        entityId: z.uuid().nullable(),
        proposalId: z.uuid().nullable(),
      }),
    ),
  })
  .meta({ id: 'MeetingAgreementsWritten' });
