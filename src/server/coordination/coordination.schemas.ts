import { GAS_SCORER_KINDS } from '../../domain/measures/gas.js';
import { z } from 'zod';
import { freeText, isoDate, optionalFreeText, token } from '../../domain/common/text.schemas.js';
import { RULE_IDS } from '../../domain/coordination/rule.js';
import { gasLevelSchema } from '../../domain/plan/plan.schemas.js';
import { idParam } from '../route-params.js';

/**
 * The HTTP shapes of coordination: flags, the leaders' overview, rule configuration. What it
 * answers is in src/domain/coordination/flags.responses.ts.
 */
export const flagParams = z.strictObject({ flagId: z.uuid({ error: 'must be a flag id (UUID)' }) });

const comment = freeText(2000);
export const acknowledgeSchema = z.strictObject({ comment: comment.optional() });
export const resolveSchema = z.strictObject({ comment: comment.describe('What was done') });
export const dismissSchema = z.strictObject({
  reason: comment.describe('Why the flag may rest although its cause remains'),
  returnDate: isoDate.describe(
    'YYYY-MM-DD, after today: the flag opens again on this day if its cause is still there',
  ),
});

export const ruleConfigUpdateSchema = z.strictObject({
  enabled: z.boolean().optional(),
  settings: z
    .record(z.string(), z.unknown())
    .optional()
    .describe('Only the settings to change; others keep their value'),
});
export type RuleConfigUpdate = z.infer<typeof ruleConfigUpdateSchema>;

export const ruleParams = z.strictObject({
  ruleId: z.enum(RULE_IDS, { error: `must be one of ${RULE_IDS.join(', ')}` }),
});

export const gasFollowUpParams = z.strictObject({
  citizenId: idParam('citizen'),
  subGoalId: idParam('sub-goal'),
});

export const gasFollowUpHeaders = z.object({
  'if-match': token(100).optional().describe('The ETag of the plan (required)'),
});

export const gasFollowUpSchema = z.strictObject({
  gasLevel: gasLevelSchema,
  note: optionalFreeText(1000),
  scorer: z
    .enum(GAS_SCORER_KINDS, {
      error: 'must be citizen, relative, professional or independent-assessor',
    })
    .default('professional')
    .describe('Who gave the score: the citizen, a relative, the professional or an independent assessor'),
});
export type GasFollowUp = z.infer<typeof gasFollowUpSchema>;

export const gasFollowUpRecordedSchema = z.object({
  id: z.uuid(),
  gasLevel: z.number().int(),
  scorer: z.enum(GAS_SCORER_KINDS),
  planVersion: z.number().int(),
});
