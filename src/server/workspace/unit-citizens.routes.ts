import { z } from 'zod';
import { attentionFor, attentionScore } from '../../domain/plan/attention.js';
import { danishToday } from '../../domain/calendar.js';
import { relatedPlans } from '../../db/queries/workspace.queries.js';
import { unitById, unitStaff } from '../../db/queries/unit-staff.queries.js';
import type { App, AppContext } from '../context.js';
import { professionalOf } from '../plugins/auth.js';
import { plansAsSeenBy } from '../plan/viewer-plans.js';
import { problems } from '../problem.js';
import {
  byAttention,
  hasAttention,
  relatedStaff,
  UNIT_ATTENTION_KINDS,
  unitListItem,
} from './unit-caseloads.js';
import { unitCitizensSchema } from '../../domain/workspace/workspace.responses.js';
import { auditOrigin } from '../audit/visit.js';

const query = z.strictObject({
  attention: z
    .enum(UNIT_ATTENTION_KINDS)
    .optional()
    .describe('Only citizens with this kind of attention (a figure of the unit overview)'),
  professionalId: z
    .uuid({ error: 'must be a professional id (UUID)' })
    .optional()
    .describe("Only this professional's citizens (their caseload in the unit overview)"),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

/**
 * The list behind a figure of the unit overview: the unit's citizens with one kind of attention,
 * or one professional's citizens, most needing attention first. It counts with the same rules
 * as the overview (unit-caseloads.ts), so the figure and the number of rows agree.
 */
export function unitCitizensRoutes(app: App, context: AppContext): void {
  const { db } = context.database;

  app.get(
    '/api/units/:unitId/citizens',
    {
      schema: {
        tags: ['workspace'],
        summary:
          "The unit's citizens behind a figure of its overview, filtered by attention or professional (team leaders)",
        params: z.strictObject({ unitId: z.uuid({ error: 'must be a unit id (UUID)' }) }),
        querystring: query,
        response: { 200: unitCitizensSchema },
      },
    },
    async (request) => {
      const actor = professionalOf(request);
      const { unitId } = request.params;
      const unit = await unitById(db, actor.municipalityId, unitId);
      if (!unit) throw problems.notFound('The unit');
      const leads = actor.role === 'team_leader' && actor.unitId === unitId;
      if (!leads && actor.role !== 'administrator')
        throw problems.forbidden("Only the unit's team leader sees its citizens.");
      const { attention: kind, professionalId, limit, offset } = request.query;
      const today = danishToday();
      const [plans, staff] = await Promise.all([
        relatedPlans(db, actor.municipalityId, { unitId }).then((found) =>
          plansAsSeenBy(context, actor, found),
        ),
        unitStaff(db, actor.municipalityId, unitId),
      ]);
      const professional = professionalId ? staff.find((person) => person.id === professionalId) : undefined;
      if (professionalId && !professional)
        throw problems.badRequest('professionalId is not a professional of this unit.', [
          { field: 'professionalId', message: 'is not a professional of this unit' },
        ]);
      const staffIds = new Set(staff.map((person) => person.id));
      const matching = plans
        .map((plan) => {
          const attention = { ...attentionFor(plan, today, actor.id, null), changedSinceLastVisit: false };
          return { plan, attention, score: attentionScore(attention) };
        })
        .filter((entry) => (kind ? hasAttention(entry.attention, kind) : true))
        .filter((entry) => (professionalId ? relatedStaff(entry.plan, staffIds).has(professionalId) : true))
        .sort(byAttention);
      const items = matching.slice(offset, offset + limit).map((entry) => unitListItem(entry, actor.id));
      await context.audit.record({
        actor,
        citizenId: null,
        action: 'list',
        resource: `unit-citizens:${unitId}`,
        outcome: 'allowed',
        ...auditOrigin(request),
        details: { attention: kind ?? null, professionalId: professionalId ?? null, results: items.length },
        seenCitizens: items.map((item) => item.id),
      });
      return {
        today,
        total: matching.length,
        professional: professional ? { id: professional.id, name: professional.name } : null,
        limit,
        offset,
        items,
      };
    },
  );
}
