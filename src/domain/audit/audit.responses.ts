import { z } from 'zod';

/** What the audit search answers: records, and page visits said in words. */

const texts = z.object({ da: z.string(), en: z.string() });

/** One audit record, as the search answers it (GET /api/audit/events, and inside a visit). */
export const auditEventSchema = z
  .object({
    id: z.uuid(),
    seq: z.number().int().nullable(),
    at: z.string(),
    actor: z.object({
      kind: z.string(),
      id: z.uuid(),
      role: z.string(),
      name: z.string().nullable(),
      unitId: z.uuid().nullable(),
    }),
    onBehalfOf: z.string().nullable(),
    citizenId: z.uuid().nullable(),
    action: z.string(),
    resource: z.string(),
    outcome: z.string(),
    purpose: z.string().nullable(),
    clientIp: z.string().nullable(),
    details: z.record(z.string(), z.unknown()).nullable(),
  })
  .meta({ id: 'AuditEvent' });

/** One page visit in the audit search: its records taken together, said in words. */
export const auditVisitSchema = z
  .object({
    key: z.string().describe('The visit id the web app sent, or the first record’s id for a burst'),
    from: z.string(),
    to: z.string(),
    actor: z.object({
      kind: z.string(),
      id: z.uuid(),
      role: z.string(),
      name: z.string().nullable(),
      unit: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    }),
    citizen: z
      .object({
        id: z.uuid(),
        name: z.string().nullable().describe('Only where the viewer may see it; never a CPR number'),
      })
      .nullable(),
    inList: z.boolean().describe('The citizen asked for appeared in a list, not their own record'),
    action: z.string().describe('The weightiest action of the visit (a change outweighs reads)'),
    outcome: z.enum(['allowed', 'denied']),
    purpose: z.string().nullable(),
    basis: z.string().nullable().describe('The access basis the policy gave (coordinator, team, …)'),
    description: texts.describe('The visit in words, e.g. "Så Sara Eksempelsens plan"'),
    parts: z.array(z.object({ kind: z.string(), text: texts })).describe('What the visit saw, once each'),
    entries: z.array(auditEventSchema).describe('The underlying audit records, oldest first'),
  })
  .meta({ id: 'AuditVisit' });
export type AuditVisit = z.infer<typeof auditVisitSchema>;
export type AuditEvent = z.infer<typeof auditEventSchema>;
export const auditVisitsSchema = z.object({ items: z.array(auditVisitSchema) }).meta({ id: 'AuditVisits' });
export const auditEventsSchema = z.object({ items: z.array(auditEventSchema) });

/** The search's filter, as the audit page keeps it in its address. */
export interface AuditFilter {
  citizenId?: string;
  actorId?: string;
  action?: string;
  from?: string;
  to?: string;
}
