import { z } from 'zod';
import { httpUrl, token } from '../../domain/common/text.schemas.js';
import { SECTORS } from '../../domain/organisation/sectors.js';
import { idParam } from '../route-params.js';

/** The HTTP shapes of login, the session, delegation choice and account administration. */

const unitSchema = z.object({ id: z.uuid(), name: z.string(), sector: z.enum(SECTORS) });

export const meSchema = z
  .object({
    kind: z.enum(['professional', 'citizen']),
    id: z.uuid(),
    name: z.string(),
    role: z.string(),
    unit: unitSchema.nullable(),
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

export const sessionSchema = z.object({ user: meSchema.nullable() });

export const personaListSchema = z.object({
  personas: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(['professional', 'citizen', 'relative']),
      name: z.string(),
      titleDa: z.string(),
      titleEn: z.string(),
      unit: unitSchema.nullable(),
    }),
  ),
});

export const demoLoginBody = z.strictObject({ persona: token(100).min(1) });

export const demoLoginResultSchema = z.object({
  user: meSchema
    .nullable()
    .describe('Null for a relative with several delegations, who chooses whose plan first'),
});

export const providerParams = z.strictObject({ provider: z.enum(['professional', 'citizen']) });

export const oidcLoginQuery = z.object({
  stepUp: z
    .enum(['true', 'false'])
    .optional()
    .describe('Log in again now (prompt=login, max_age) before a sensitive act'),
  returnTo: token(500).optional().describe('The page (a path inside Samspil) to return to after login'),
});

export const oidcCallbackQuery = z.looseObject({
  code: token(2000).optional(),
  state: token(500).optional(),
  error: token(200).optional(),
});

export const delegationChoiceListSchema = z.object({
  items: z.array(
    z.object({
      delegationId: z.uuid(),
      citizenId: z.uuid(),
      citizenName: z.string(),
      validUntil: z.string().nullable(),
      current: z.boolean().describe('Whether the session acts under this delegation now'),
    }),
  ),
});

export const delegationChoiceBody = z.strictObject({
  delegationId: z.uuid({ error: 'must be a delegation id (UUID)' }),
});

export const professionalParams = z.strictObject({ professionalId: idParam('professional') });

export const identityLinkBody = z.strictObject({
  issuer: httpUrl(500),
  subject: token(255).min(1),
});

export const identityLinkSchema = z.object({ issuer: z.string(), subject: z.string() });
