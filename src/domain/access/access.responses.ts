import { z } from 'zod';
import { namedRefSchema } from '../common/responses.js';
import { BREAK_GLASS_OUTCOMES, BREAK_GLASS_REASONS } from './break-glass.js';

/** What the citizen's access answers: her access log, break-the-glass accesses and their review. */

/** An entry of the citizen's access log ("who has looked at my data and why"), as the API answers it. */
export const accessLogEntrySchema = z
  .object({
    at: z.string(),
    action: z.string().describe('read, search, list, create, update, end, break-glass, reveal, …'),
    what: z
      .string()
      .describe('What was looked at or changed: plan, plan_history, consent, cpr, caseload, my-day, …'),
    parts: z
      .array(z.string())
      .describe('Everything one page visit looked at (plan, plan_history, flags, meetings, …), once each'),
    inList: z.boolean().describe('The citizen appeared in a list of citizens the professional saw'),
    description: z
      .object({ da: z.string(), en: z.string() })
      .describe('The entry in words, e.g. "Så dig på en liste over borgere i Jobcenter – Team Ressource"'),
    who: z.object({
      role: z.string(),
      unit: z.string().nullable(),
      name: z.string().nullable().describe('Shown only where the municipality has decided so'),
    }),
    why: z.string().nullable().describe('The purpose, or the reason given to break the glass'),
    breakGlass: z.boolean(),
    review: z
      .object({
        outcome: z.enum(['justified', 'not-justified']),
        comment: z.string().nullable(),
        at: z.string(),
      })
      .nullable()
      .optional()
      .describe('For a break-the-glass: how its review judged it, once reviewed'),
    outcome: z.enum(['allowed', 'denied']),
  })
  .meta({ id: 'AccessLogEntry' });
export type AccessLogEntry = z.infer<typeof accessLogEntrySchema>;

/** GET /api/citizens/{id}/access-log. */
export const accessLogSchema = z.object({
  items: z.array(accessLogEntrySchema),
  showsNames: z.boolean().describe('Whether the municipality shows professionals’ names to citizens'),
});
export type AccessLog = z.infer<typeof accessLogSchema>;

export type BreakGlassReason = (typeof BREAK_GLASS_REASONS)[number];
export type BreakGlassOutcome = (typeof BREAK_GLASS_OUTCOMES)[number];

/** One break-the-glass access (GET /api/break-glass). */
export const breakGlassAccessSchema = z
  .object({
    id: z.uuid(),
    citizen: namedRefSchema,
    professional: namedRefSchema,
    unit: namedRefSchema,
    reasonCode: z.enum(BREAK_GLASS_REASONS),
    reason: z.string(),
    startedAt: z.string(),
    expiresAt: z.string(),
    reviewedAt: z.string().nullable(),
    review: z
      .object({
        outcome: z.enum(BREAK_GLASS_OUTCOMES),
        comment: z.string().nullable(),
        reviewer: namedRefSchema.nullable(),
      })
      .nullable(),
  })
  .meta({ id: 'BreakGlass' });
export type BreakGlassAccess = z.infer<typeof breakGlassAccessSchema>;
export const breakGlassListSchema = z.object({ items: z.array(breakGlassAccessSchema) });

/** One break-the-glass access with what was read and done under it (GET /api/break-glass/{id}). */
/** What was read and done under a break-the-glass access. */
export const breakGlassActivitySchema = z.object({
  at: z.string(),
  action: z.string(),
  what: z.string().describe('The kind of resource (plan, plan_history, cpr, …), not its ids'),
  outcome: z.enum(['allowed', 'denied']),
});
export type BreakGlassActivity = z.infer<typeof breakGlassActivitySchema>;
export const breakGlassDetailSchema = breakGlassAccessSchema.extend({
  activity: z.array(breakGlassActivitySchema),
});
export type BreakGlassDetail = z.infer<typeof breakGlassDetailSchema>;

/** POST /api/citizens/{id}/break-glass: the access opened, and when it ends. */
export const breakGlassOpenedSchema = z.object({ id: z.uuid(), expiresAt: z.string() });
/** GET /api/citizens/{id}/break-glass/active: your own access while it lasts. */
export const activeBreakGlassSchema = z.object({ active: breakGlassOpenedSchema.nullable() });

/** POST /api/citizens/{id}/cpr/reveal. */
export const cprRevealSchema = z.object({ cpr: z.string().describe('DDMMYY-SSSS') });
