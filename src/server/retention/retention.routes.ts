import { decideSettingsChange } from '../../domain/access/policy.js';
import { danishToday } from '../../domain/calendar.js';
import {
  citizenRetentionSchema,
  retentionOverviewSchema,
  retentionSettingsSchema,
} from '../../domain/retention/retention.schemas.js';
import { citizenRetentionMonths, setCitizenRetentionMonths } from '../../db/queries/retention.queries.js';
import { authorizeCitizen } from '../auth/citizen-access.js';
import type { App, AppContext } from '../context.js';
import { actorOf, professionalOf } from '../plugins/auth.js';
import { refusedProblem } from '../problem.js';
import { citizenParams } from '../route-params.js';
import { citizenRetention, retentionOverview } from './retention.commands.js';
import { auditOrigin } from '../audit/visit.js';

/** How long a closed case is kept (a municipality setting) and where each case stands (issue 16). */
export function retentionRoutes(app: App, context: AppContext): void {
  const { db } = context.database;

  app.get(
    '/api/retention/settings',
    {
      schema: {
        tags: ['retention'],
        summary: "The municipality's retention period for closed cases",
        response: { 200: retentionSettingsSchema },
      },
    },
    async (request) => {
      const actor = professionalOf(request);
      return { months: await citizenRetentionMonths(db, actor.municipalityId) };
    },
  );

  app.put(
    '/api/retention/settings',
    {
      schema: {
        tags: ['retention'],
        summary: 'Administrators: months a closed case is kept before its data is deleted (null: never)',
        body: retentionSettingsSchema.strict(),
        response: { 200: retentionSettingsSchema },
      },
    },
    async (request) => {
      const actor = professionalOf(request);
      const decision = decideSettingsChange(actor);
      if (!decision.allowed) throw refusedProblem(decision, request.headers['accept-language']);
      await setCitizenRetentionMonths(db, actor.municipalityId, request.body.months);
      await context.audit.record({
        actor,
        citizenId: null,
        action: 'update',
        resource: 'retention',
        outcome: 'allowed',
        ...auditOrigin(request),
        details: request.body,
      });
      return { months: request.body.months };
    },
  );

  app.get(
    '/api/retention/overview',
    {
      schema: {
        tags: ['retention'],
        summary:
          'Administrators: how many cases are open, kept, scheduled for deletion and due (counts only)',
        response: { 200: retentionOverviewSchema },
      },
    },
    async (request) => {
      const actor = professionalOf(request);
      const decision = decideSettingsChange(actor);
      if (!decision.allowed) throw refusedProblem(decision, request.headers['accept-language']);
      const overview = await retentionOverview(db, actor.municipalityId, danishToday(context.clock()));
      await context.audit.record({
        actor,
        citizenId: null,
        action: 'read',
        resource: 'retention',
        outcome: 'allowed',
        ...auditOrigin(request),
      });
      return overview;
    },
  );

  app.get(
    '/api/citizens/:citizenId/retention',
    {
      schema: {
        tags: ['retention', 'citizen'],
        summary: "How long the citizen's data is kept: her case's state and the day it would be deleted",
        params: citizenParams,
        response: { 200: citizenRetentionSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { citizenId } = request.params;
      await authorizeCitizen(context, request, actor, citizenId, { action: 'read', resource: 'retention' });
      const retention = await citizenRetention(
        db,
        actor.municipalityId,
        citizenId,
        danishToday(context.clock()),
      );
      await context.audit.record({
        actor,
        citizenId,
        action: 'read',
        resource: 'retention',
        outcome: 'allowed',
        ...auditOrigin(request),
      });
      return retention;
    },
  );
}
