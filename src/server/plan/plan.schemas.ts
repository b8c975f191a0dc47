import { z } from 'zod';
import { token } from '../../domain/common/text.schemas.js';
import { idParam } from '../route-params.js';

/**
 * The HTTP shapes of the plan's routes; the plan's own schemas and its answers
 * (plan.responses.ts) are in src/domain/plan/.
 */
export const itemParams = (name: string) =>
  z.strictObject({
    citizenId: idParam('citizen'),
    itemId: idParam(name),
  });

export const ifMatchHeaders = z.object({
  'if-match': token(100).optional().describe('The ETag of the plan version being edited (required)'),
});

export const historyQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** A body with nothing in it, for a write that needs none (confirming an intervention). */
export const emptyBody = z.strictObject({});
