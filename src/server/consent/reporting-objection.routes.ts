import { decideReportingObjectionChange } from '../../domain/access/policy.js';
import {
  reportingObjectionInputSchema,
  reportingObjectionSchema,
} from '../../domain/consent/reporting-objection.responses.js';
import { objectionInForce } from '../../db/queries/reporting-objection.queries.js';
import { authorizeCitizen } from '../auth/citizen-access.js';
import { auditOrigin } from '../audit/visit.js';
import type { App, AppContext } from '../context.js';
import { actorOf } from '../plugins/auth.js';
import { citizenParams } from '../route-params.js';
import { reportingObjectionOf, setReportingObjection } from './reporting-objection.commands.js';

/**
 * The citizen's objection to her data in management figures (decision 0025): she sets it in Mit
 * forløb, a professional who works with her records it for her; the policy decides
 * (decideReportingObjectionChange), each read and change is audited.
 */
export function reportingObjectionRoutes(app: App, context: AppContext): void {
  app.get(
    '/api/citizens/:citizenId/reporting-objection',
    {
      schema: {
        tags: ['consent'],
        summary:
          "Whether the citizen objects to her data being used in management figures, with the setting's history",
        params: citizenParams,
        response: { 200: reportingObjectionSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { citizenId } = request.params;
      await authorizeCitizen(context, request, actor, citizenId, {
        action: 'read',
        resource: 'reporting-objection',
      });
      await context.audit.record({
        actor,
        citizenId,
        action: 'read',
        resource: 'reporting-objection',
        outcome: 'allowed',
        ...auditOrigin(request),
      });
      return reportingObjectionOf(context, actor.municipalityId, citizenId);
    },
  );

  app.put(
    '/api/citizens/:citizenId/reporting-objection',
    {
      schema: {
        tags: ['consent'],
        summary:
          'The citizen objects to (or takes back her objection to) her data in management figures; a professional who works with her records it for her. Takes effect at once.',
        params: citizenParams,
        body: reportingObjectionInputSchema,
        response: { 200: reportingObjectionSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { citizenId } = request.params;
      const { objects } = request.body;
      // Who recorded the objection in force decides who may take it back; it never changes.
      const current = objects
        ? undefined
        : await objectionInForce(context.database.db, actor.municipalityId, citizenId);
      await authorizeCitizen(
        context,
        request,
        actor,
        citizenId,
        { action: 'update', resource: 'reporting-objection' },
        (actor, access) =>
          decideReportingObjectionChange(
            actor,
            access,
            current
              ? { act: 'withdraw', objection: { recordedBy: { kind: current.recorded_by_kind } } }
              : { act: 'object' },
          ),
      );
      return setReportingObjection(context, request, actor, citizenId, objects, current?.id ?? null);
    },
  );
}
