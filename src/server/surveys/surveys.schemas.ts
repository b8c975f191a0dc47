import { z } from 'zod';
import { QUALITY_ROUNDS } from '../../domain/measures/quality-indicators.js';

/**
 * The request shapes of the collaboration (relational coordination) and quality-indicator
 * surveys and their invitation links; what they answer is in src/domain/measures/surveys.responses.ts.
 * These are the integration API other systems use; keep the documented shapes.
 */
const text = (max: number) => z.string().trim().min(1, { error: 'must not be empty' }).max(max);

const scopeFields = {
  title: text(200),
  unitId: z
    .uuid({ error: 'must be a unit id (UUID)' })
    .optional()
    .describe("The unit the survey is about; the team leader's own unit when left out"),
  project: text(200).nullable().optional().describe('The development project the survey belongs to, if any'),
};

export const collaborationSurveyCreateSchema = z
  .strictObject({
    ...scopeFields,
    groups: z
      .array(text(80))
      .min(2, { error: 'needs at least two work groups' })
      .max(12)
      .refine((groups) => new Set(groups).size === groups.length, { error: 'must not repeat a group' }),
  })
  .meta({ id: 'CollaborationSurveyCreate' });

export const qualitySurveyCreateSchema = z
  .strictObject({
    ...scopeFields,
    items: z
      .array(
        z.strictObject({
          code: z.string().regex(/^[a-z0-9_-]{1,20}$/, { error: 'lower-case letters, digits, - and _' }),
          text: text(500),
        }),
      )
      .min(1)
      .max(50)
      .refine((items) => new Set(items.map((item) => item.code)).size === items.length, {
        error: 'must not repeat a code',
      }),
  })
  .meta({ id: 'QualitySurveyCreate' });

export const surveyParams = z.strictObject({ id: z.uuid({ error: 'must be a survey id (UUID)' }) });
export const roundName = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, { error: 'lower-case letters, digits and -, e.g. baseline' });
export const collaborationRoundParams = z.strictObject({
  id: z.uuid({ error: 'must be a survey id (UUID)' }),
  round: roundName,
});
export const qualityRoundParams = z.strictObject({
  id: z.uuid({ error: 'must be a survey id (UUID)' }),
  round: z.enum(QUALITY_ROUNDS, { error: 'must be baseline or end' }),
});
export const csvBody = z.string({ error: 'send the answers as text/csv' });

// --- invitation links ----------------------------------------------------------------

/** At most this many links at a time (a round's whole group fits in one go). */
export const MAX_INVITATIONS = 200;

export const invitationIssueSchema = z
  .strictObject({
    group: text(80).describe("The work group the invited respondents belong to (one of the survey's groups)"),
    count: z
      .number({ error: 'must be a whole number' })
      .int({ error: 'must be a whole number' })
      .min(1, { error: `must be from 1 to ${MAX_INVITATIONS}` })
      .max(MAX_INVITATIONS, { error: `must be from 1 to ${MAX_INVITATIONS}` }),
  })
  .meta({ id: 'SurveyInvitationIssue' });

/** Any text: a malformed token is refused as an unknown one, with the same 404. */
export const invitationTokenParams = z.strictObject({ token: z.string().max(200) });

const score = z
  .number({ error: 'must be a whole number from 1 to 5' })
  .int({ error: 'must be a whole number from 1 to 5' })
  .min(1, { error: 'must be a whole number from 1 to 5' })
  .max(5, { error: 'must be a whole number from 1 to 5' });

export const invitationAnswerSchema = z
  .strictObject({
    answers: z
      .array(
        z.strictObject({
          group: text(80).describe('The group the answers are about'),
          frequent: score.describe(
            'Frequency, coded: not nearly enough 1, much too often 2, not enough 3, too often 4, just right 5',
          ),
          timely: score,
          accurate: score,
          problem_solving: score,
          shared_goals: score,
          shared_knowledge: score,
          mutual_respect: score,
        }),
      )
      .min(1, { error: 'must rate every group' })
      .max(12),
  })
  .meta({ id: 'SurveyInvitationAnswer' });
