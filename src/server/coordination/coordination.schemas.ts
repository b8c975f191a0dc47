import { GAS_SCORER_KINDS } from '../../domain/measures/gas.js';
import { z } from 'zod';
import { freeText, isoDate, optionalFreeText, token } from '../../domain/common/text.schemas.js';
import { FLAG_STATUSES } from '../../domain/coordination/flag-diff.js';
import { RULE_IDS, SEVERITIES } from '../../domain/coordination/rule.js';
import { gasLevelSchema } from '../../domain/plan/plan.schemas.js';
import { idParam } from '../route-params.js';

/** The HTTP shapes of coordination: flags, the leaders' overview, rule configuration. */
const text = z.object({ da: z.string(), en: z.string() });

export const flagParams = z.strictObject({ flagId: z.uuid({ error: 'must be a flag id (UUID)' }) });

export const flagEventSchema = z.object({
  at: z.string(),
  action: z.enum([
    'opened',
    'acknowledged',
    'resolved',
    'dismissed',
    'reopened',
    'auto_resolved',
    'owner_changed',
  ]),
  actor: z.object({ id: z.uuid(), name: z.string() }).nullable().describe('null: the system'),
  comment: z.string().nullable(),
});

export const flagSchema = z
  .object({
    id: z.uuid(),
    citizenId: z.uuid(),
    ruleId: z.enum(RULE_IDS),
    rule: z.object({ title: text, description: text }),
    severity: z.enum(SEVERITIES),
    status: z.enum(FLAG_STATUSES),
    subjectIds: z.array(z.uuid()).describe('The interventions, sub-goals or referrals it concerns'),
    unitIds: z.array(z.uuid()),
    sectors: z.array(z.string()),
    explanation: text.extend({ data: z.record(z.string(), z.unknown()) }),
    detailsHidden: z
      .boolean()
      .describe('Part of what it concerns is another unit’s intervention you may not see the details of'),
    owner: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    statusComment: z.string().nullable(),
    dismissedUntil: z
      .string()
      .nullable()
      .describe('Dismissed until this day (YYYY-MM-DD): it returns then if its cause remains'),
    statusAt: z.string(),
    createdAt: z.string(),
    history: z.array(flagEventSchema).optional(),
  })
  .meta({ id: 'CoordinationFlag' });
export type FlagView = z.infer<typeof flagSchema>;

export const flagListSchema = z.object({ items: z.array(flagSchema) }).meta({ id: 'CoordinationFlagList' });

const comment = freeText(2000);
export const acknowledgeSchema = z.strictObject({ comment: comment.optional() });
export const resolveSchema = z.strictObject({ comment: comment.describe('What was done') });
export const dismissSchema = z.strictObject({
  reason: comment.describe('Why the flag may rest although its cause remains'),
  returnDate: isoDate.describe(
    'YYYY-MM-DD, after today: the flag opens again on this day if its cause is still there',
  ),
});

const pairCount = z.object({
  a: z.object({ id: z.string(), name: z.string() }),
  b: z.object({ id: z.string(), name: z.string() }),
  open: z.number().int(),
  byRule: z.record(z.string(), z.number().int()),
});

export const overviewSchema = z
  .object({
    totals: z.object({
      open: z.number().int(),
      acknowledged: z.number().int(),
      resolved: z.number().int(),
      dismissed: z.number().int(),
      citizensWithOpenFlags: z.number().int(),
    }),
    byRule: z.array(
      z.object({
        ruleId: z.enum(RULE_IDS),
        title: text,
        open: z.number().int(),
        acknowledged: z.number().int(),
        resolved: z.number().int(),
        dismissed: z.number().int(),
      }),
    ),
    byUnitPair: z.array(pairCount).describe('Open flags between two units, most first'),
    bySectorPair: z.array(pairCount).describe('Open flags between two different sectors, most first'),
    withinSector: z
      .array(
        z.object({
          sector: z.object({ id: z.string(), name: z.string() }),
          open: z.number().int(),
          byRule: z.record(z.string(), z.number().int()),
        }),
      )
      .describe('Open flags within one sector (between its own units or interventions), most first'),
    mostCollidingUnitPairs: z
      .array(pairCount)
      .describe(
        'Unit pairs with most open duplicates, collisions and contradictions: where organisation should change',
      ),
    lastScan: z
      .object({
        day: z.iso.date(),
        trigger: z.enum(['nightly', 'manual', 'demo']),
        finishedAt: z.iso.datetime(),
        created: z.number().int().nullable(),
        resolved: z.number().int().nullable(),
        failed: z.boolean(),
      })
      .nullable()
      .describe('The latest batch scan of the municipality; null when none has run'),
  })
  .meta({ id: 'CoordinationOverview' });

export const ruleConfigSchema = z
  .object({
    id: z.enum(RULE_IDS),
    title: text,
    description: text,
    severity: z.enum(SEVERITIES),
    enabled: z.boolean(),
    settings: z.record(z.string(), z.unknown()),
    defaults: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'CoordinationRuleConfig' });

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

export const ruleConfigListSchema = z.object({ items: z.array(ruleConfigSchema) });

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

export const myDayFlagsSchema = z
  .object({
    items: z.array(
      z.object({
        citizenId: z.uuid(),
        open: z.number().int(),
        high: z.number().int(),
        ownedByMe: z.number().int(),
      }),
    ),
    total: z.number().int(),
  })
  .meta({ id: 'MyDayFlags' });
