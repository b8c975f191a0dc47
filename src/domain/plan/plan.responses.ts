import { z } from 'zod';
import { SECTORS } from '../organisation/sectors.js';
import { PLAN_CHANGE_ORIGINS, type PlanEntity } from './plan-change.js';
import { INTERVENTION_STATUSES } from './plan.schemas.js';
import { contactViewSchema, interventionViewSchema, planOverviewSchema } from './plan.types.js';

/**
 * The plan as it leaves the server for one viewer (src/server/plan/plan.presenter.ts
 * shapes it), and its history.
 */

/** Another unit's intervention without consent: that it exists, not what it is. */
export const restrictedInterventionSchema = z
  .object({
    id: z.uuid(),
    detailsHidden: z.literal(true).describe('Details need the citizen’s consent or a recorded legal basis'),
    type: z.object({ category: z.string() }),
    sector: z.enum(SECTORS),
    unit: z.object({ id: z.uuid(), name: z.string() }),
    responsible: contactViewSchema.nullable(),
    startDate: z.string(),
    endDate: z.string().nullable(),
    status: z.enum(INTERVENTION_STATUSES),
    awaitingConfirmation: z.boolean().optional().describe('Not yet confirmed by the owning unit'),
  })
  .meta({ id: 'RestrictedIntervention' });
export type RestrictedInterventionView = z.infer<typeof restrictedInterventionSchema>;

/** An intervention as the viewer receives it: in full, or restricted. */
export const presentedInterventionSchema = z.union([interventionViewSchema, restrictedInterventionSchema]);
export type PresentedIntervention = z.infer<typeof presentedInterventionSchema>;

/** The plan as a viewer receives it (GET …/plan and every plan write): interventions in full or restricted. */
export const presentedPlanSchema = planOverviewSchema
  .extend({
    sectors: z.array(
      z.object({
        sector: z.enum(SECTORS),
        interventions: z.array(presentedInterventionSchema),
      }),
    ),
  })
  .meta({ id: 'PresentedPlan' });
export type PresentedPlan = z.infer<typeof presentedPlanSchema>;

/** Every plan write: the item created or changed, and the plan as the writer may now see it. */
export const planWriteSchema = z.object({
  id: z.uuid().describe('The created or changed item'),
  plan: presentedPlanSchema.nullable().describe('The plan as you may now see it'),
});
export type PlanWrite = z.infer<typeof planWriteSchema>;

const PLAN_ENTITIES = [
  'goal',
  'sub_goal',
  'intervention',
  'team_member',
  'pathway',
  'proposal',
  'own_step',
  'plan_comment',
] as const satisfies readonly PlanEntity[];

/** One change in a plan's history. */
export const historyEntrySchema = z.object({
  id: z.uuid(),
  at: z.string(),
  planVersion: z.number().int(),
  actor: z.object({ id: z.uuid(), name: z.string().nullable(), role: z.string() }),
  entity: z.enum(PLAN_ENTITIES),
  entityId: z.uuid(),
  action: z.enum(['create', 'update', 'end']),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
  origin: z
    .object({ kind: z.enum(PLAN_CHANGE_ORIGINS), id: z.uuid() })
    .nullable()
    .describe('The meeting, follow-up or decision the change came from; null when made on the plan'),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;
export type HistoryEntity = HistoryEntry['entity'];

/** GET /api/citizens/{id}/plan/history. */
export const planHistorySchema = z.object({
  items: z.array(historyEntrySchema),
  previousVisitAt: z.string().nullable().describe('When you looked at this plan before this visit'),
});
export type PlanHistory = z.infer<typeof planHistorySchema>;
