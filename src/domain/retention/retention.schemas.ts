import { z } from 'zod';
import { RETENTION_MONTHS_MAX, RETENTION_MONTHS_MIN } from './retention.js';

/** The municipality's retention period, as read and set by the administrator. */
export const retentionSettingsSchema = z
  .object({
    months: z
      .number()
      .int()
      .min(RETENTION_MONTHS_MIN)
      .max(RETENTION_MONTHS_MAX)
      .nullable()
      .describe('Months a closed case is kept before its data is deleted; null: nothing is deleted'),
  })
  .meta({ id: 'RetentionSettings' });

/** Where one citizen's case stands against the retention rule (her right of access, art. 15(1)(d)). */
export const citizenRetentionSchema = z
  .object({
    months: z.number().int().nullable(),
    status: z.enum(['open', 'kept', 'scheduled', 'due']),
    caseEndedOn: z.string().nullable().describe('The last day anything happened in the closed case'),
    deletionDueOn: z.string().nullable().describe('The day her data is deleted (from then on, the next run)'),
  })
  .meta({ id: 'CitizenRetention' });
export type CitizenRetention = z.infer<typeof citizenRetentionSchema>;

/** How many cases stand where, under the municipality's period (no one is named). */
export const retentionOverviewSchema = z
  .object({
    months: z.number().int().nullable(),
    open: z.number().int(),
    kept: z.number().int(),
    scheduled: z.number().int(),
    due: z.number().int(),
  })
  .meta({ id: 'RetentionOverview' });
