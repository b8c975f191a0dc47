import { z } from 'zod';
import { isoDateTime, token } from '../../domain/common/text.schemas.js';
import { accessLogEntrySchema } from '../presenters/access-log.presenter.js';
import { auditEventSchema, auditVisitSchema } from './audit-visits.presenter.js';

export const accessLogQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  before: isoDateTime.optional(),
});

export const accessLogSchema = z.object({ items: z.array(accessLogEntrySchema), showsNames: z.boolean() });

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

export const auditEventsSchema = z.object({ items: z.array(auditEventSchema) });

export const auditVisitsSchema = z.object({ items: z.array(auditVisitSchema) }).meta({ id: 'AuditVisits' });

export const auditSettingsSchema = z
  .object({ showNamesToCitizens: z.boolean() })
  .meta({ id: 'AuditSettings' });

export const auditSettingsBodySchema = z.strictObject({ showNamesToCitizens: z.boolean() });
export type AuditSettingsBody = z.infer<typeof auditSettingsBodySchema>;
