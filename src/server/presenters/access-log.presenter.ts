import { z } from 'zod';
import type { AccessLogRow } from '../../db/queries/access-log.queries.js';

/** An entry of the citizen's access log ("who has looked at my data and why"), as the API answers it. */
export const accessLogEntrySchema = z
  .object({
    at: z.string(),
    action: z.string().describe('read, search, create, update, end, break-glass, reveal, …'),
    what: z.string().describe('What was looked at or changed: plan, plan_history, consent, cpr, …'),
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

/** An entry as the citizen's export carries it: the access log's, without the break-the-glass mark. */
export type AccessLogEntry = Omit<z.infer<typeof accessLogEntrySchema>, 'breakGlass' | 'review'>;

/**
 * An audit record as the citizen sees it: what was looked at (the resource's kind, not its ids),
 * by which role and unit, and why; a professional's name only where the municipality shows names.
 */
export function presentAccessLogEntry(row: AccessLogRow, showsNames: boolean): AccessLogEntry {
  return {
    at: row.at.toISOString(),
    action: row.action,
    what: row.resource.split(/[:,]/, 1)[0] ?? row.resource,
    who: {
      role: row.actor_role,
      unit: row.unit_name,
      name: showsNames && row.actor_kind === 'professional' ? row.professional_name : null,
    },
    why: row.purpose,
    outcome: row.outcome as AccessLogEntry['outcome'],
  };
}
