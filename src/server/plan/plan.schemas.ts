import { z } from 'zod';
import { token } from '../../domain/common/text.schemas.js';
import { presentedPlanSchema } from '../presenters/plan.presenter.js';
import { idParam } from '../route-params.js';

/** The HTTP shapes of the plan's routes; the plan's own schemas are in src/domain/plan/. */
export const itemParams = (name: string) =>
  z.strictObject({
    citizenId: idParam('citizen'),
    itemId: idParam(name),
  });

export const ifMatchHeaders = z.object({
  'if-match': token(100).optional().describe('The ETag of the plan version being edited (required)'),
});

export const writeResponse = z.object({
  id: z.uuid().describe('The created or changed item'),
  plan: presentedPlanSchema.nullable().describe('The plan as you may now see it'),
});

export const historyEntrySchema = z.object({
  id: z.uuid(),
  at: z.string(),
  planVersion: z.number().int(),
  actor: z.object({ id: z.uuid(), name: z.string().nullable(), role: z.string() }),
  entity: z.enum([
    'goal',
    'sub_goal',
    'intervention',
    'team_member',
    'pathway',
    'proposal',
    'own_step',
    'plan_comment',
  ]),
  entityId: z.uuid(),
  action: z.enum(['create', 'update', 'end']),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

export const historyQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const historySchema = z.object({
  items: z.array(historyEntrySchema),
  previousVisitAt: z.string().nullable().describe('When you looked at this plan before this visit'),
});

/** A body with nothing in it, for a write that needs none (confirming an intervention). */
export const emptyBody = z.strictObject({});
