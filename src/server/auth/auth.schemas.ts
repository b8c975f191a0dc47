import { z } from 'zod';
import { httpUrl, token } from '../../domain/common/text.schemas.js';
import { idParam } from '../route-params.js';

/** The HTTP shapes of login, the session, delegation choice and account administration. */

export const demoLoginBody = z.strictObject({ persona: token(100).min(1) });

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

export const delegationChoiceBody = z.strictObject({
  delegationId: z.uuid({ error: 'must be a delegation id (UUID)' }),
});

export const professionalParams = z.strictObject({ professionalId: idParam('professional') });

export const identityLinkBody = z.strictObject({
  issuer: httpUrl(500),
  subject: token(255).min(1),
});

export const identityLinkSchema = z.object({ issuer: z.string(), subject: z.string() });
