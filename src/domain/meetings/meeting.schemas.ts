import { z } from 'zod';
import { freeText, isoDateTime, optionalFreeText, textLine } from '../common/text.schemas.js';
import {
  AGENDA_SOURCES,
  AGREEMENT_KINDS,
  CITIZEN_CONSENTS,
  MEETING_ROLES,
} from './network-meeting.schemas.js';

/**
 * The HTTP shapes of meetings with the citizen: network meetings (netværksmøde: the citizen,
 * their network and the professionals, the citizen decides who is invited) and team meetings
 * (rehabiliteringsteam and other interdisciplinary teams).
 */
export const MEETING_KINDS = ['network', 'team'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];
export const MEETING_STATUSES = ['planned', 'held', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
/** Participants without a login: a relative or other private person, or a civil-society actor. */
export const OTHER_PARTICIPANT_KINDS = ['network', 'civil_society'] as const;

const otherParticipantSchema = z.strictObject({
  kind: z.enum(OTHER_PARTICIPANT_KINDS),
  name: textLine(200).describe('Name and relation as free text, e.g. "Mor" or "Frivillig, Røde Kors"'),
  citizenConsent: z
    .enum(CITIZEN_CONSENTS, { error: 'must be agreed or asked' })
    .nullable()
    .optional()
    .describe('Required at a network meeting: the citizen agreed to (or asked for) the invitation'),
});

const meetingFields = {
  purpose: freeText(1000).describe('What the meeting is for'),
  agenda: freeText(4000).nullable().optional(),
  startsAt: isoDateTime,
  durationMinutes: z
    .number({ error: 'must be a whole number of minutes' })
    .int({ error: 'must be a whole number of minutes' })
    .min(5, { error: 'must be at least 5 minutes' })
    .max(600, { error: 'must be at most 600 minutes (10 hours)' })
    .optional()
    .describe('How long the meeting is planned to last, in minutes (default 60)'),
  place: textLine(300).nullable().optional().describe('Address or room; leave out for an online meeting'),
  online: z.boolean().optional().describe('Held online (or hybrid, with a place)'),
  participantIds: z
    .array(z.uuid({ error: 'must be ids of professionals' }))
    .max(30)
    .optional()
    .describe('Invited professionals; each gets a relationship to the citizen'),
  others: z
    .array(otherParticipantSchema)
    .max(10)
    .optional()
    .describe('Invited relatives and civil-society participants, by name'),
};

export const meetingCreateSchema = z
  .strictObject({ kind: z.enum(MEETING_KINDS), ...meetingFields })
  .refine((value) => Boolean(value.place) || value.online === true, {
    error: 'give a place, or set online',
    path: ['place'],
  });
export type MeetingCreate = z.infer<typeof meetingCreateSchema>;

export const meetingUpdateSchema = z
  .strictObject({
    purpose: meetingFields.purpose.optional(),
    agenda: meetingFields.agenda,
    startsAt: meetingFields.startsAt.optional(),
    durationMinutes: meetingFields.durationMinutes,
    place: meetingFields.place,
    online: meetingFields.online,
    participantIds: meetingFields.participantIds,
    others: meetingFields.others,
  })
  .refine((value) => Object.keys(value).length > 0, { error: 'nothing to change: give at least one field' });
export type MeetingUpdate = z.infer<typeof meetingUpdateSchema>;

export const meetingHoldSchema = z.strictObject({
  summary: freeText(8000).describe('What was agreed, in words the citizen understands'),
});
export const meetingCancelSchema = z.strictObject({ reason: freeText(2000) });

/** The citizen's preparation of a meeting: four open questions, at least one answered. */
export const meetingPreparationSchema = z
  .strictObject({
    matters: optionalFreeText(2000).describe('What matters most to me now'),
    works: optionalFreeText(2000).describe('What works for me, and what does not'),
    talkAbout: optionalFreeText(2000).describe('What I want to talk about at the meeting'),
    inviteWishes: optionalFreeText(1000).describe('Whom I would like to be there'),
  })
  .superRefine((value, context) => {
    if (![value.matters, value.works, value.talkAbout, value.inviteWishes].some((answer) => answer?.trim()))
      context.addIssue({
        code: 'custom',
        path: ['matters'],
        message: 'answer at least one of the questions',
      });
  })
  .meta({ id: 'MeetingPreparation' });
export type MeetingPreparation = z.infer<typeof meetingPreparationSchema>;

const participantSchema = z.object({
  id: z.uuid(),
  kind: z.enum(['professional', ...OTHER_PARTICIPANT_KINDS]),
  role: z.enum(MEETING_ROLES),
  citizenConsent: z
    .enum(CITIZEN_CONSENTS)
    .nullable()
    .describe('The citizen agreed to the invitation, or asked for it herself'),
  attended: z.boolean().nullable().describe('Whether they came, once the meeting is recorded'),
  professionalId: z.uuid().nullable(),
  name: z.string(),
  profession: z.string().nullable(),
  unit: z.object({ id: z.uuid(), name: z.string() }).nullable(),
});

export const meetingSchema = z
  .object({
    id: z.uuid(),
    citizenId: z.uuid(),
    kind: z.enum(MEETING_KINDS),
    status: z.enum(MEETING_STATUSES),
    startsAt: z.string(),
    durationMinutes: z.number().int(),
    place: z.string().nullable(),
    online: z.boolean(),
    organiser: z.object({
      id: z.uuid(),
      name: z.string(),
      unit: z.object({ id: z.uuid(), name: z.string() }),
    }),
    participants: z.array(participantSchema),
    detailsHidden: z
      .boolean()
      .describe('Purpose, agenda, summary and non-professional participants are for those involved'),
    purpose: z.string().nullable(),
    agenda: z.string().nullable(),
    summary: z.string().nullable(),
    cancelReason: z.string().nullable(),
    preparation: z
      .object({
        matters: z.string().nullable(),
        works: z.string().nullable(),
        talkAbout: z.string().nullable(),
        inviteWishes: z.string().nullable(),
        updatedAt: z.string(),
      })
      .nullable()
      .describe("The citizen's own preparation, one of the meeting's details"),
    agendaPoints: z
      .array(z.object({ text: z.string(), source: z.enum(AGENDA_SOURCES), refId: z.uuid().nullable() }))
      .nullable()
      .describe('The saved agenda, point by point (a detail)'),
    reflections: z.string().nullable(),
    openQuestions: z.string().nullable(),
    citizenPresent: z.boolean().nullable().describe('Whether the citizen took part in the held meeting'),
    nextMeetingId: z.uuid().nullable().describe('The meeting this one planned next'),
    agreementsWrittenAt: z.string().nullable().describe('When its agreements were written to the plan'),
    agreements: z.array(
      z.object({
        id: z.uuid(),
        kind: z.enum(AGREEMENT_KINDS),
        text: z.string(),
        targetId: z.uuid().nullable().describe('The sub-goal or intervention it changes'),
        ownerUnit: z
          .object({ id: z.uuid(), name: z.string() })
          .nullable()
          .describe('The unit owning the intervention it changes or adds'),
        outcome: z.enum(['written', 'proposed']).nullable(),
        entityId: z.uuid().nullable(),
        proposalId: z.uuid().nullable(),
      }),
    ),
    relationUntil: z.string().describe("When the participants' relationship to the citizen ends"),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Meeting' });
export type MeetingView = z.infer<typeof meetingSchema>;

/** A citizen's meetings (GET …/meetings), oldest first. */
export const meetingListSchema = z.object({ items: z.array(meetingSchema) }).meta({ id: 'MeetingList' });
