import { z } from 'zod';
import { PROFESSIONAL_ROLES, SECTORS } from '../../domain/organisation/sectors.js';
import { nextStepCountsSchema } from '../../domain/plan/next-steps.js';
import { caseloadItemSchema } from '../presenters/caseload.presenter.js';
import { idParam } from '../route-params.js';
import { UNIT_ATTENTION_KINDS } from './unit-caseloads.js';

export const attentionSchema = z.object({
  followUpsOverdue: z.number().int(),
  followUpsDueSoon: z.number().int(),
  nextFollowUp: z.string().nullable(),
  changedSinceLastVisit: z.boolean(),
  noActiveIntervention: z.boolean(),
  subGoalsPastDate: z.number().int(),
  gaps: z.number().int(),
});

export const attentionItemSchema = caseloadItemSchema.extend({
  attention: attentionSchema,
  score: z.number().int().describe('How much needs attention; higher first'),
  lastVisitAt: z.string().nullable(),
});

export const totalsSchema = z.object({
  followUpsOverdue: z.number().int(),
  followUpsDueSoon: z.number().int(),
  changedSinceLastVisit: z.number().int(),
  noActiveIntervention: z.number().int(),
  subGoalsPastDate: z.number().int(),
  gaps: z.number().int(),
});

export const myDaySchema = z
  .object({
    today: z.string(),
    items: z.array(
      attentionItemSchema.extend({
        nextSteps: nextStepCountsSchema.describe(
          'The counts of the plan’s "Næste skridt" (GET /api/citizens/{id}/next-steps), from the same query',
        ),
      }),
    ),
    totals: totalsSchema,
  })
  .meta({ id: 'MyDay' });

export const unitParams = z.strictObject({ unitId: idParam('unit') });

export const unitOverviewSchema = z
  .object({
    today: z.string(),
    unit: z.object({ id: z.uuid(), name: z.string(), sector: z.enum(SECTORS) }),
    citizens: z.number().int(),
    totals: totalsSchema,
    citizensWith: z
      .object(Object.fromEntries(UNIT_ATTENTION_KINDS.map((kind) => [kind, z.number().int()])))
      .describe('How many citizens have each kind of attention: the figures the unit list filters by'),
    professionals: z.array(
      z.object({
        id: z.uuid(),
        name: z.string(),
        profession: z.string(),
        role: z.enum(PROFESSIONAL_ROLES),
        caseload: z.number().int(),
        coordinatorFor: z.number().int(),
        followUpsOverdue: z.number().int(),
        openFlags: z.number().int(),
      }),
    ),
    mostFlagged: z.array(attentionItemSchema),
  })
  .meta({ id: 'UnitOverview' });
