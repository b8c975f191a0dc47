import { z } from 'zod';
import { SECTORS } from '../organisation/sectors.js';

/** What the auth endpoints answer: the logged-in user, the demo personas, a relative's delegations. */

/** A unit (afdeling) as the API shows it next to a person. */
export const unitRefSchema = z.object({ id: z.uuid(), name: z.string(), sector: z.enum(SECTORS) });
export type UnitRef = z.infer<typeof unitRefSchema>;

/** The logged-in user (GET /api/auth/me, /api/auth/session, and every login). */
export const meSchema = z
  .object({
    kind: z.enum(['professional', 'citizen']),
    id: z.uuid(),
    name: z.string(),
    role: z.string(),
    unit: unitRefSchema.nullable(),
    municipality: z.object({ code: z.string(), name: z.string() }),
    citizenId: z.uuid().nullable().describe('For a citizen: their own id, to open their plan'),
    actingFor: z
      .object({
        citizenName: z.string(),
        mayConsent: z
          .boolean()
          .optional()
          .describe('Whether the power of attorney covers giving and withdrawing consent'),
      })
      .nullable()
      .optional()
      .describe('For a relative with delegated access: whose plan they see'),
    assurance: z.string().nullable().optional().describe('The assurance level (NSIS acr) of this login'),
    canSwitchDelegation: z
      .boolean()
      .optional()
      .describe('For a relative: whether they hold delegated access for more than one citizen'),
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof meSchema>;

/**
 * GET /api/auth/session and POST /api/auth/demo-login: the user, or null when nobody is logged
 * in (or, after a demo login, for a relative with several delegations, who chooses whose plan first).
 */
export const sessionSchema = z.object({ user: meSchema.nullable() });

/** Someone one can log in as in demo mode. */
export const demoPersonaSchema = z.object({
  id: z.string(),
  kind: z.enum(['professional', 'citizen', 'relative']),
  name: z.string(),
  titleDa: z.string(),
  titleEn: z.string(),
  unit: unitRefSchema.nullable(),
});
export type DemoPersona = z.infer<typeof demoPersonaSchema>;
export const demoPersonasSchema = z.object({ personas: z.array(demoPersonaSchema) });

/** A citizen whose plan a relative may act for under a delegation (GET /api/auth/delegations). */
export const delegationChoiceSchema = z.object({
  delegationId: z.uuid(),
  citizenId: z.uuid(),
  citizenName: z.string(),
  validUntil: z.string().nullable(),
  current: z.boolean().describe('Whether the session acts under this delegation now'),
});
export type DelegationChoice = z.infer<typeof delegationChoiceSchema>;
export const delegationChoicesSchema = z.object({ items: z.array(delegationChoiceSchema) });
