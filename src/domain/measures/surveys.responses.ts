import { z } from 'zod';

/**
 * What the collaboration (relational coordination) and quality-indicator surveys answer, and
 * their invitation links: the route's response schemas, the OpenAPI components and the web's
 * types. These are the integration API other systems use; keep the documented shapes.
 */

export const createdSchema = z.object({ id: z.uuid() });
export const importedSchema = z.object({ imported: z.number().int() }).meta({ id: 'SurveyImport' });

const band = z.enum(['strong', 'moderate', 'weak']);
export const tieSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    respondents: z.number().int(),
    index: z.number().nullable(),
    communication: z.number().nullable(),
    relationship: z.number().nullable(),
    band: band.nullable(),
  })
  .meta({ id: 'CollaborationTie' });

export const collaborationResultsSchema = z
  .object({
    round: z.string(),
    groups: z.array(z.string()),
    /** Ties rated by fewer respondents than this have no figures. */
    minRespondents: z.number().int(),
    ties: z.array(tieSchema),
  })
  .meta({ id: 'CollaborationResults' });

const scopeSchema = {
  id: z.uuid(),
  title: z.string(),
  unit: z.object({ id: z.uuid(), name: z.string() }),
  project: z.string().nullable(),
  createdAt: z.string(),
};

export const collaborationSurveySchema = z
  .object({
    ...scopeSchema,
    groups: z.array(z.string()),
    rounds: z.array(z.object({ round: z.string(), respondents: z.number().int() })),
  })
  .meta({ id: 'CollaborationSurvey' });

export const qualitySurveySchema = z
  .object({ ...scopeSchema, items: z.array(z.object({ code: z.string(), text: z.string() })) })
  .meta({ id: 'QualitySurvey' });

const figures = {
  baseline: z.number().nullable(),
  end: z.number().nullable(),
  changePercent: z.number().nullable(),
};
export const qualityResultsSchema = z
  .object({
    items: z.array(z.object({ code: z.string(), text: z.string(), ...figures })),
    overall: z.object(figures),
  })
  .meta({ id: 'QualityResults' });

export const collaborationSurveyListSchema = z.object({ items: z.array(collaborationSurveySchema) });
export const qualitySurveyListSchema = z.object({ items: z.array(qualitySurveySchema) });
/** A quality survey's results together with the survey they are of. */
export const qualitySurveyResultsSchema = qualityResultsSchema.extend({ survey: qualitySurveySchema });

// --- invitation links ----------------------------------------------------------------

export const invitationsIssuedSchema = z
  .object({
    round: z.string(),
    group: z.string(),
    /** The links, shown this once: only their hashes are stored. */
    links: z.array(z.string()),
  })
  .meta({ id: 'SurveyInvitationsIssued' });

export const invitationCountsSchema = z
  .object({
    items: z.array(
      z.object({ round: z.string(), group: z.string(), issued: z.number().int(), used: z.number().int() }),
    ),
  })
  .meta({ id: 'SurveyInvitationCounts' });

const localText = z.object({ da: z.string(), en: z.string() });
export const invitationViewSchema = z
  .object({
    title: z.string(),
    /** The respondent's own work group. */
    group: z.string(),
    /** Every group to rate, the respondent's own included, in the survey's order. */
    groups: z.array(z.string()),
    questions: z.array(
      z.object({
        key: z.string(),
        label: localText,
        question: localText,
        options: z.array(localText.extend({ code: z.number().int() })),
      }),
    ),
  })
  .meta({ id: 'SurveyInvitation' });

const rolledUp = {
  surveys: z.number().int().describe('Quality surveys rolled up'),
  baseline: z.number().nullable().describe('The mean of the item means of every survey at baseline'),
  end: z.number().nullable().describe('The same at the end'),
  changePercent: z.number().nullable().describe('(end − baseline) / baseline · 100'),
};
export const qualitySummarySchema = z
  .object({
    units: z.array(z.object({ unit: z.object({ id: z.uuid(), name: z.string() }), ...rolledUp })),
    projects: z.array(
      z.object({
        project: z.string().describe('The development project'),
        units: z.array(z.object({ id: z.uuid(), name: z.string() })),
        ...rolledUp,
      }),
    ),
  })
  .meta({ id: 'QualitySummary' });

export type CollaborationTie = z.infer<typeof tieSchema>;
export type CollaborationResults = z.infer<typeof collaborationResultsSchema>;
export type CollaborationSurvey = z.infer<typeof collaborationSurveySchema>;
export type QualitySurvey = z.infer<typeof qualitySurveySchema>;
export type QualitySurveyResults = z.infer<typeof qualitySurveyResultsSchema>;
export type QualitySummary = z.infer<typeof qualitySummarySchema>;
export type SurveyInvitation = z.infer<typeof invitationViewSchema>;
export type InvitationCount = z.infer<typeof invitationCountsSchema>['items'][number];
export type IssuedLinks = z.infer<typeof invitationsIssuedSchema>;
