import { z } from 'zod';
import { freeText, isoDate, textLine } from '../common/text.schemas.js';
import { LEGAL_BASIS_CODES } from '../organisation/legal-bases.js';
import { decisionStepsSchema } from './decision-steps.schemas.js';

/**
 * A preliminary decision sent to hearing (partshøring), and the citizen's answers to it
 * (issue 11, item 6). The decision workflow of issue 14 (informal contact, final decision,
 * reasons, appeal guidance) builds on these shapes.
 */

export const decisionCreateSchema = z
  .strictObject({
    title: textLine(200).describe('What the decision is about, e.g. "Mentorstøtte efter januar"'),
    proposal: freeText(4000).describe('What the unit intends to decide, in words the citizen understands'),
    facts: freeText(8000).describe('The facts the unit relies on, so she can correct them'),
    legalBasis: z.enum(LEGAL_BASIS_CODES, { error: 'must be a legal basis code' }),
    negative: z.boolean().default(false).describe('Whether it goes against what she asked for or has'),
    hearingUntil: isoDate
      .optional()
      .describe(
        'The last day she can answer (a Danish calendar day); without it, the decision stays a draft',
      ),
    teamCaseId: z.uuid().optional().describe('The team case whose recommendation the decision answers'),
  })
  .meta({ id: 'DecisionCreate' });
export type DecisionCreate = z.infer<typeof decisionCreateSchema>;

export const HEARING_RESPONSE_KINDS = ['comment', 'correction'] as const;

export const hearingResponseCreateSchema = z
  .strictObject({
    kind: z.enum(HEARING_RESPONSE_KINDS, { error: 'must be "comment" or "correction"' }),
    text: freeText(4000).describe('Her comment on the proposal, or what is wrong in the facts'),
  })
  .meta({ id: 'HearingResponseCreate' });
export type HearingResponseCreate = z.infer<typeof hearingResponseCreateSchema>;

/** The shortest and longest hearing: a deadline from tomorrow up to 90 days ahead. */
export const HEARING_DAYS = { min: 1, max: 90 } as const;

export const decisionViewSchema = z
  .object({
    id: z.uuid(),
    unit: z.object({ id: z.uuid(), name: z.string() }),
    title: z.string(),
    proposal: z.string(),
    facts: z.string(),
    legalBasis: z.enum(LEGAL_BASIS_CODES),
    negative: z.boolean(),
    status: z.enum(['draft', 'hearing', 'final']),
    hearingUntil: z.string().nullable(),
    hearingOpen: z.boolean().describe('Whether she can still answer (in hearing, deadline not passed)'),
    responses: z.array(
      z.object({ id: z.uuid(), kind: z.enum(HEARING_RESPONSE_KINDS), text: z.string(), at: z.string() }),
    ),
    createdAt: z.string(),
    ...decisionStepsSchema.shape,
  })
  .meta({ id: 'Decision' });
export type DecisionView = z.infer<typeof decisionViewSchema>;

/** Whether the hearing is open on `today` (a Danish day): in hearing, and not past its last day. */
export function hearingOpen(status: string, hearingUntil: string | null, today: string): boolean {
  return status === 'hearing' && hearingUntil !== null && today <= hearingUntil;
}
