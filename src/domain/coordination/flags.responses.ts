import { z } from 'zod';
import { localisedSchema, namedRefSchema } from '../common/responses.js';
import { FLAG_STATUSES } from './flag-diff.js';
import { RULE_IDS, SEVERITIES } from './rule.js';

/** What coordination answers: flags, the leaders' overview and drill-down, the rules. */

export type FlagRuleId = (typeof RULE_IDS)[number];
export type FlagSeverity = (typeof SEVERITIES)[number];
export type { FlagStatus } from './flag-diff.js';

export const FLAG_EVENT_ACTIONS = [
  'opened',
  'acknowledged',
  'resolved',
  'dismissed',
  'reopened',
  'auto_resolved',
  'owner_changed',
] as const;

export const flagHistoryEntrySchema = z.object({
  at: z.string(),
  action: z.enum(FLAG_EVENT_ACTIONS),
  actor: namedRefSchema.nullable().describe('null: the system'),
  comment: z.string().nullable(),
});
export type FlagHistoryEntry = z.infer<typeof flagHistoryEntrySchema>;

/** One flag on a citizen's plan (GET /api/citizens/{id}/flags, /api/flags/{id} and its actions). */
export const flagSchema = z
  .object({
    id: z.uuid(),
    citizenId: z.uuid(),
    ruleId: z.enum(RULE_IDS),
    rule: z.object({ title: localisedSchema, description: localisedSchema }),
    severity: z.enum(SEVERITIES),
    status: z.enum(FLAG_STATUSES),
    subjectIds: z.array(z.uuid()).describe('The interventions, sub-goals or referrals it concerns'),
    unitIds: z.array(z.uuid()),
    sectors: z.array(z.string()),
    explanation: localisedSchema.extend({ data: z.record(z.string(), z.unknown()) }),
    detailsHidden: z
      .boolean()
      .describe('Part of what it concerns is another unit’s intervention you may not see the details of'),
    owner: namedRefSchema.nullable(),
    statusComment: z.string().nullable(),
    dismissedUntil: z
      .string()
      .nullable()
      .describe('Dismissed until this day (YYYY-MM-DD): it returns then if its cause remains'),
    statusAt: z.string(),
    createdAt: z.string(),
    history: z.array(flagHistoryEntrySchema).optional(),
  })
  .meta({ id: 'CoordinationFlag' });
export type Flag = z.infer<typeof flagSchema>;
export const flagListSchema = z.object({ items: z.array(flagSchema) }).meta({ id: 'CoordinationFlagList' });

/** GET /api/my-day/flags: the open flags per citizen of My day. */
export const myDayFlagCountSchema = z.object({
  citizenId: z.uuid(),
  open: z.number().int(),
  high: z.number().int(),
  ownedByMe: z.number().int(),
});
export type MyDayFlagCount = z.infer<typeof myDayFlagCountSchema>;
export const myDayFlagsSchema = z
  .object({ items: z.array(myDayFlagCountSchema), total: z.number().int() })
  .meta({ id: 'MyDayFlags' });

const pairRef = z.object({ id: z.string(), name: z.string() });
export const pairCountSchema = z.object({
  a: pairRef,
  b: pairRef,
  open: z.number().int(),
  byRule: z.record(z.string(), z.number().int()),
});
export type PairCount = z.infer<typeof pairCountSchema>;

/** GET /api/coordination/overview: the leaders' figures. */
export const coordinationOverviewSchema = z
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
        title: localisedSchema,
        open: z.number().int(),
        acknowledged: z.number().int(),
        resolved: z.number().int(),
        dismissed: z.number().int(),
      }),
    ),
    byUnitPair: z.array(pairCountSchema).describe('Open flags between two units, most first'),
    bySectorPair: z.array(pairCountSchema).describe('Open flags between two different sectors, most first'),
    withinSector: z
      .array(
        z.object({ sector: pairRef, open: z.number().int(), byRule: z.record(z.string(), z.number().int()) }),
      )
      .describe('Open flags within one sector (between its own units or interventions), most first'),
    mostCollidingUnitPairs: z
      .array(pairCountSchema)
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
export type CoordinationOverview = z.infer<typeof coordinationOverviewSchema>;

/** The filter of the flag list behind a figure of the overview, as in its address. */
export interface LeaderFlagFilter {
  status: FlagStatus | 'active';
  ruleId?: FlagRuleId;
  unitA?: string;
  unitB?: string;
  sectorA?: string;
  sectorB?: string;
  sector?: string;
}
type FlagStatus = (typeof FLAG_STATUSES)[number];

/** GET /api/coordination/flags: the flags behind a figure. */
export const leaderFlagListSchema = z
  .object({
    total: z.number().int().describe('How many flags match: the figure the list is behind'),
    citizens: z.number().int().describe('How many different citizens they concern'),
    limit: z.number().int(),
    offset: z.number().int(),
    items: z.array(
      z.object({
        id: z.uuid(),
        ruleId: z.enum(RULE_IDS),
        title: localisedSchema,
        severity: z.enum(SEVERITIES),
        status: z.enum(FLAG_STATUSES),
        units: z.array(namedRefSchema),
        sectors: z.array(z.string()),
        createdAt: z.string(),
        statusAt: z.string(),
        citizen: namedRefSchema
          .nullable()
          .describe('Named only to a leader who may see the citizen (the access policy decides); else null'),
      }),
    ),
  })
  .meta({ id: 'LeaderFlagList' });
export type LeaderFlagList = z.infer<typeof leaderFlagListSchema>;

/** GET /api/coordination/trends. */
export const coordinationTrendSchema = z
  .object({
    weeks: z.array(
      z.object({
        start: z.iso.date().describe('The Monday of the ISO week'),
        year: z.number().int(),
        week: z.number().int(),
        open: z
          .number()
          .int()
          .describe('Signals open or acknowledged at the end of the week (now for this week)'),
        raised: z.number().int().describe('Signals raised during the week'),
      }),
    ),
  })
  .meta({ id: 'CoordinationTrend' });
export type CoordinationTrend = z.infer<typeof coordinationTrendSchema>;

/** One coordination rule as the municipality has configured it (GET /api/coordination/rules). */
export const coordinationRuleSchema = z
  .object({
    id: z.enum(RULE_IDS),
    title: localisedSchema,
    description: localisedSchema,
    severity: z.enum(SEVERITIES),
    enabled: z.boolean(),
    settings: z.record(z.string(), z.unknown()),
    defaults: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'CoordinationRuleConfig' });
export type CoordinationRule = z.infer<typeof coordinationRuleSchema>;
export const coordinationRulesSchema = z.object({ items: z.array(coordinationRuleSchema) });
