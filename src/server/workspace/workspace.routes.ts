import { danishToday } from '../../domain/calendar.js';
import { nextStepRows } from '../../db/queries/next-steps.queries.js';
import { unitById, unitStaff } from '../../db/queries/unit-staff.queries.js';
import { lastVisits, relatedPlans } from '../../db/queries/workspace.queries.js';
import type { App, AppContext } from '../context.js';
import { professionalOf } from '../plugins/auth.js';
import { plansAsSeenBy, plansWithHiddenAsSeenBy } from '../plan/viewer-plans.js';
import { problems } from '../problem.js';
import { presentMyDay, presentUnitOverview } from './workspace.presenter.js';
import { myDaySchema, unitOverviewSchema } from '../../domain/workspace/workspace.responses.js';
import { unitParams } from './workspace.schemas.js';
import { auditOrigin } from '../audit/visit.js';

/** The professional's day and the team leader's unit overview, both read from the plan read model. */
export function workspaceRoutes(app: App, context: AppContext): void {
  const { db } = context.database;

  app.get(
    '/api/my-day',
    {
      schema: {
        tags: ['workspace'],
        summary: "My day: the professional's citizens with what needs attention, most first",
        response: { 200: myDaySchema },
      },
    },
    async (request) => {
      const actor = professionalOf(request);
      const today = danishToday();
      const seen = await plansWithHiddenAsSeenBy(
        context,
        actor,
        await relatedPlans(db, actor.municipalityId, { professionalId: actor.id }),
      );
      const citizenIds = seen.map((entry) => entry.plan.citizen.id);
      const [visits, stepRows] = await Promise.all([
        lastVisits(db, actor.municipalityId, actor.id, citizenIds),
        nextStepRows(db, actor.municipalityId, citizenIds),
      ]);
      const myDay = presentMyDay(actor, today, seen, visits, stepRows);
      await context.audit.record({
        actor,
        citizenId: null,
        action: 'list',
        resource: 'my-day',
        outcome: 'allowed',
        ...auditOrigin(request),
        details: { results: myDay.items.length },
        seenCitizens: myDay.items.map((item) => item.id),
      });
      return myDay;
    },
  );

  app.get(
    '/api/units/:unitId/overview',
    {
      schema: {
        tags: ['workspace'],
        summary:
          "A unit's caseloads, workload per professional and the citizens with most open flags (team leaders)",
        params: unitParams,
        response: { 200: unitOverviewSchema },
      },
    },
    async (request) => {
      const actor = professionalOf(request);
      const { unitId } = request.params;
      const unit = await unitById(db, actor.municipalityId, unitId);
      if (!unit) throw problems.notFound('The unit');
      const leads = actor.role === 'team_leader' && actor.unitId === unitId;
      if (!leads && actor.role !== 'administrator')
        throw problems.forbidden("Only the unit's team leader sees its overview.");

      const today = danishToday();
      const [plans, staff] = await Promise.all([
        relatedPlans(db, actor.municipalityId, { unitId }).then((found) =>
          plansAsSeenBy(context, actor, found),
        ),
        unitStaff(db, actor.municipalityId, unitId),
      ]);
      const overview = presentUnitOverview(actor, today, unit, plans, staff);
      await context.audit.record({
        actor,
        citizenId: null,
        action: 'list',
        resource: `unit-overview:${unitId}`,
        outcome: 'allowed',
        ...auditOrigin(request),
        details: { citizens: plans.length },
        // Only the citizens shown by name; the rest are in the totals, not identifiable.
        seenCitizens: overview.mostFlagged.map((item) => item.id),
      });
      return overview;
    },
  );
}
