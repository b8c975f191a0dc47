import { z } from 'zod';
import { type Attention, attentionFor, attentionScore } from '../../domain/plan/attention.js';
import { danishToday } from '../../domain/calendar.js';
import { PROFESSIONAL_ROLES, SECTORS } from '../../domain/organisation/sectors.js';
import { lastVisits, relatedPlans } from '../../db/queries/workspace.queries.js';
import type { App, AppContext } from '../context.js';
import { professionalOf } from '../plugins/auth.js';
import { plansAsSeenBy, plansWithHiddenAsSeenBy } from '../presenters/viewer-plans.js';
import { nextSteps, nextStepCountsSchema } from '../../domain/plan/next-steps.js';
import { nextStepRows } from '../../db/queries/next-steps.queries.js';
import { nextStepFactsFor } from '../next-steps/next-steps.presenter.js';
import { caseloadItemSchema, toCaseloadItem } from '../presenters/caseload.presenter.js';
import { problems } from '../problem.js';
import {
  byAttention,
  citizensWithAttention,
  relatedStaff,
  UNIT_ATTENTION_KINDS,
  unitListItem,
} from './unit-caseloads.js';

const attentionSchema = z.object({
  followUpsOverdue: z.number().int(),
  followUpsDueSoon: z.number().int(),
  nextFollowUp: z.string().nullable(),
  changedSinceLastVisit: z.boolean(),
  noActiveIntervention: z.boolean(),
  subGoalsPastDate: z.number().int(),
  gaps: z.number().int(),
});

export const attentionItemSchema = caseloadItemSchema.extend({
  attention: attentionSchema,
  score: z.number().int().describe('How much needs attention; higher first'),
  lastVisitAt: z.string().nullable(),
});

type Totals = Omit<Attention, 'nextFollowUp' | 'changedSinceLastVisit' | 'noActiveIntervention'> & {
  changedSinceLastVisit: number;
  noActiveIntervention: number;
};
const totalsSchema = z.object({
  followUpsOverdue: z.number().int(),
  followUpsDueSoon: z.number().int(),
  changedSinceLastVisit: z.number().int(),
  noActiveIntervention: z.number().int(),
  subGoalsPastDate: z.number().int(),
  gaps: z.number().int(),
});

function sum(attentions: Attention[]): Totals {
  const totals: Totals = {
    followUpsOverdue: 0,
    followUpsDueSoon: 0,
    changedSinceLastVisit: 0,
    noActiveIntervention: 0,
    subGoalsPastDate: 0,
    gaps: 0,
  };
  for (const item of attentions) {
    totals.followUpsOverdue += item.followUpsOverdue;
    totals.followUpsDueSoon += item.followUpsDueSoon;
    totals.changedSinceLastVisit += Number(item.changedSinceLastVisit);
    totals.noActiveIntervention += Number(item.noActiveIntervention);
    totals.subGoalsPastDate += item.subGoalsPastDate;
    totals.gaps += item.gaps;
  }
  return totals;
}

/** The professional's day and the team leader's unit overview, both read from the plan read model. */
export function workspaceRoutes(app: App, context: AppContext): void {
  const { db } = context.database;

  app.get(
    '/api/my-day',
    {
      schema: {
        tags: ['workspace'],
        summary: "My day: the professional's citizens with what needs attention, most first",
        response: {
          200: z
            .object({
              today: z.string(),
              items: z.array(
                attentionItemSchema.extend({
                  nextSteps: nextStepCountsSchema.describe(
                    'The counts of the plan’s "Næste skridt" (GET /api/citizens/{id}/next-steps), from the same query',
                  ),
                }),
              ),
              totals: totalsSchema,
            })
            .meta({ id: 'MyDay' }),
        },
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
      const plans = seen.map((entry) => entry.plan);
      const citizenIds = plans.map((plan) => plan.citizen.id);
      const [visits, stepRows] = await Promise.all([
        lastVisits(db, actor.municipalityId, actor.id, citizenIds),
        nextStepRows(db, actor.municipalityId, citizenIds),
      ]);
      const items = seen
        .map(({ plan, hidden, hiddenCurrent }) => {
          const lastVisitAt = visits.get(plan.citizen.id) ?? null;
          const attention = attentionFor(plan, today, actor.id, lastVisitAt);
          const rows = stepRows.get(plan.citizen.id) ?? {
            flags: [],
            meetings: [],
            proposals: [],
            referrals: [],
          };
          // The same function as the plan's "Næste skridt", so the two always agree.
          const steps = nextSteps(
            plan,
            nextStepFactsFor(rows, { hidden, hiddenCurrent }),
            actor.unitId,
            today,
          );
          return {
            ...toCaseloadItem(plan, actor.id),
            attention,
            nextSteps: steps.counts,
            score: attentionScore(attention),
            lastVisitAt,
          };
        })
        .sort((a, b) => b.score - a.score || a.familyName.localeCompare(b.familyName, 'da'));
      await context.audit.record({
        actor,
        citizenId: null,
        action: 'list',
        resource: 'my-day',
        outcome: 'allowed',
        clientIp: request.ip,
        details: { results: items.length },
        seenCitizens: items.map((item) => item.id),
      });
      return { today, items, totals: sum(items.map((item) => item.attention)) };
    },
  );

  app.get(
    '/api/units/:unitId/overview',
    {
      schema: {
        tags: ['workspace'],
        summary:
          "A unit's caseloads, workload per professional and the citizens with most open flags (team leaders)",
        params: z.strictObject({ unitId: z.uuid({ error: 'must be a unit id (UUID)' }) }),
        response: {
          200: z
            .object({
              today: z.string(),
              unit: z.object({ id: z.uuid(), name: z.string(), sector: z.enum(SECTORS) }),
              citizens: z.number().int(),
              totals: totalsSchema,
              citizensWith: z
                .object(Object.fromEntries(UNIT_ATTENTION_KINDS.map((kind) => [kind, z.number().int()])))
                .describe(
                  'How many citizens have each kind of attention: the figures the unit list filters by',
                ),
              professionals: z.array(
                z.object({
                  id: z.uuid(),
                  name: z.string(),
                  profession: z.string(),
                  role: z.enum(PROFESSIONAL_ROLES),
                  caseload: z.number().int(),
                  coordinatorFor: z.number().int(),
                  followUpsOverdue: z.number().int(),
                  openFlags: z.number().int(),
                }),
              ),
              mostFlagged: z.array(attentionItemSchema),
            })
            .meta({ id: 'UnitOverview' }),
        },
      },
    },
    async (request) => {
      const actor = professionalOf(request);
      const { unitId } = request.params;
      const unit = await db
        .selectFrom('unit')
        .select(['id', 'name', 'sector'])
        .where('municipality_id', '=', actor.municipalityId)
        .where('id', '=', unitId)
        .executeTakeFirst();
      if (!unit) throw problems.notFound('The unit');
      const leads = actor.role === 'team_leader' && actor.unitId === unitId;
      if (!leads && actor.role !== 'administrator')
        throw problems.forbidden("Only the unit's team leader sees its overview.");

      const today = danishToday();
      const [plans, staff] = await Promise.all([
        relatedPlans(db, actor.municipalityId, { unitId }).then((found) =>
          plansAsSeenBy(context, actor, found),
        ),
        db
          .selectFrom('professional')
          .select(['id', 'name', 'profession', 'role'])
          .where('municipality_id', '=', actor.municipalityId)
          .where('unit_id', '=', unitId)
          .where('active', '=', true)
          .orderBy('name')
          .execute(),
      ]);
      const staffIds = new Set(staff.map((person) => person.id));
      const perProfessional = new Map(
        staff.map((person) => [
          person.id,
          { caseload: 0, coordinatorFor: 0, followUpsOverdue: 0, openFlags: 0 },
        ]),
      );
      const scored = plans.map((plan) => {
        const attention = attentionFor(plan, today, actor.id, null);
        const score = attentionScore({ ...attention, changedSinceLastVisit: false });
        for (const member of plan.team) {
          if (!member.professionalId || !member.isCoordinator) continue;
          const entry = perProfessional.get(member.professionalId);
          if (entry) entry.coordinatorFor += 1;
        }
        // The same relation the list behind a professional's caseload uses (unit-citizens.routes.ts).
        const related = relatedStaff(plan, staffIds);
        for (const id of related) {
          const entry = perProfessional.get(id);
          if (!entry) continue;
          entry.caseload += 1;
          entry.followUpsOverdue += attention.followUpsOverdue;
          entry.openFlags += score;
        }
        return { plan, attention, score };
      });
      const mostFlagged = scored
        .filter((entry) => entry.score > 0)
        .sort(byAttention)
        .slice(0, 15)
        .map((entry) => unitListItem(entry, actor.id));
      await context.audit.record({
        actor,
        citizenId: null,
        action: 'list',
        resource: `unit-overview:${unitId}`,
        outcome: 'allowed',
        clientIp: request.ip,
        details: { citizens: plans.length },
        // Only the citizens shown by name; the rest are in the totals, not identifiable.
        seenCitizens: mostFlagged.map((item) => item.id),
      });
      return {
        today,
        unit: { ...unit, sector: unit.sector as (typeof SECTORS)[number] },
        citizens: plans.length,
        totals: sum(scored.map((entry) => ({ ...entry.attention, changedSinceLastVisit: false }))),
        citizensWith: citizensWithAttention(scored.map((entry) => entry.attention)),
        professionals: staff.map((person) => ({
          ...person,
          role: person.role as (typeof PROFESSIONAL_ROLES)[number],
          ...(perProfessional.get(person.id) ?? {
            caseload: 0,
            coordinatorFor: 0,
            followUpsOverdue: 0,
            openFlags: 0,
          }),
        })),
        mostFlagged,
      };
    },
  );
}
