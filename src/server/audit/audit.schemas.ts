import { z } from 'zod';
import { isoDateTime, token } from '../../domain/common/text.schemas.js';

/**
 * The HTTP shapes of the access log and the audit search; what they answer is in
 * src/domain/access/access.responses.ts and src/domain/audit/audit.responses.ts.
 */

export const accessLogQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  before: isoDateTime.optional(),
});

export const auditSearchQuerySchema = z.strictObject({
  citizenId: z
    .uuid({ error: 'must be a citizen id (UUID); search by CPR number with POST /api/citizens/search' })
    .optional(),
  actorId: z.uuid().optional(),
  action: token(40).optional(),
  outcome: z.enum(['allowed', 'denied']).optional(),
  from: isoDateTime.optional(),
  to: isoDateTime.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type AuditSearchQuery = z.infer<typeof auditSearchQuerySchema>;

export const auditSettingsSchema = z
  .object({ showNamesToCitizens: z.boolean() })
  .meta({ id: 'AuditSettings' });

export const auditSettingsBodySchema = z.strictObject({ showNamesToCitizens: z.boolean() });
export type AuditSettingsBody = z.infer<typeof auditSettingsBodySchema>;
