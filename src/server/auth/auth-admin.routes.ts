import { z } from 'zod';
import { canManageAccounts } from '../../domain/access/policy.js';
import type { App, AppContext } from '../context.js';
import { professionalOf } from '../plugins/auth.js';
import { problems } from '../problem.js';
import { linkIdentity, setAccountActive } from './auth.commands.js';
import { identityLinkBody, identityLinkSchema, professionalParams } from './auth.schemas.js';

/**
 * Account administration that touches login: disabling an account (which ends every one of
 * its sessions at once, including those cached in memory), enabling it again, and linking a
 * professional to their identity at the municipality's identity provider.
 */
export function authAdminRoutes(app: App, context: AppContext): void {
  function requireAdministrator(
    request: Parameters<typeof professionalOf>[0],
  ): ReturnType<typeof professionalOf> {
    const actor = professionalOf(request);
    if (!canManageAccounts(actor)) throw problems.forbidden('Only administrators manage accounts.');
    return actor;
  }

  for (const active of [false, true]) {
    app.post(
      `/api/professionals/:professionalId/${active ? 'enable' : 'disable'}`,
      {
        schema: {
          tags: ['auth'],
          summary: active
            ? 'Administrators: enable an account again'
            : 'Administrators: disable an account; every session of it ends at once',
          params: professionalParams,
          body: z.strictObject({}).optional(),
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        const actor = requireAdministrator(request);
        await setAccountActive(context, request, actor, request.params.professionalId, active);
        return reply.code(204).send(null);
      },
    );
  }

  app.post(
    '/api/professionals/:professionalId/identities',
    {
      schema: {
        tags: ['auth'],
        summary:
          "Administrators: link a professional to their identity at the municipality's identity provider",
        params: professionalParams,
        body: identityLinkBody,
        response: { 201: identityLinkSchema },
      },
    },
    async (request, reply) => {
      const actor = requireAdministrator(request);
      await linkIdentity(context, request, actor, request.params.professionalId, request.body);
      return reply.code(201).send(request.body);
    },
  );
}
