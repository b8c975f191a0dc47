import type { NextStepRows } from '../../db/queries/next-steps.queries.js';
import { type Attention, attentionFor, attentionScore } from '../../domain/plan/attention.js';
import { nextSteps } from '../../domain/plan/next-steps.js';
import type { PlanOverview } from '../../domain/plan/plan.types.js';
import type { PROFESSIONAL_ROLES, SECTORS } from '../../domain/organisation/sectors.js';
import type { ProfessionalActor } from '../../domain/access/policy.js';
import { nextStepFactsFor } from '../next-steps/next-steps.presenter.js';
import { toCaseloadItem } from '../citizens/caseload.presenter.js';
import type { ViewerPlanEntry } from '../plan/viewer-plans.js';
import { byAttention, citizensWithAttention, relatedStaff, unitListItem } from './unit-caseloads.js';
import type { MyDay, UnitOverview } from '../../domain/workspace/workspace.responses.js';

type Totals = Omit<Attention, 'nextFollowUp' | 'changedSinceLastVisit' | 'noActiveIntervention'> & {
  changedSinceLastVisit: number;
  noActiveIntervention: number;
};

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

/** My day: each citizen with what needs attention and the plan's next steps, most first. */
export function presentMyDay(
  actor: ProfessionalActor,
  today: string,
  seen: readonly ViewerPlanEntry[],
  visits: ReadonlyMap<string, string>,
  stepRows: ReadonlyMap<string, NextStepRows>,
): MyDay {
  const items = seen
    .map(({ plan, hidden, hiddenCurrent }) => {
      const lastVisitAt = visits.get(plan.citizen.id) ?? null;
      const attention = attentionFor(plan, today, actor.id, lastVisitAt);
      const rows = stepRows.get(plan.citizen.id) ?? {
        flags: [],
        meetings: [],
        proposals: [],
        referrals: [],
        reassessments: [],
      };
      // The same function as the plan's "Næste skridt", so the two always agree.
      const steps = nextSteps(plan, nextStepFactsFor(rows, { hidden, hiddenCurrent }), actor.unitId, today);
      return {
        ...toCaseloadItem(plan, actor.id),
        attention,
        nextSteps: steps.counts,
        score: attentionScore(attention),
        lastVisitAt,
      };
    })
    .sort((a, b) => b.score - a.score || a.familyName.localeCompare(b.familyName, 'da'));
  return { today, items, totals: sum(items.map((item) => item.attention)) };
}

/** A unit's overview: caseloads and workload per professional, and the citizens with most to attend to. */
export function presentUnitOverview(
  actor: ProfessionalActor,
  today: string,
  unit: { id: string; name: string; sector: string },
  plans: readonly PlanOverview[],
  staff: readonly { id: string; name: string; profession: string; role: string }[],
): UnitOverview {
  const staffIds = new Set(staff.map((person) => person.id));
  const perProfessional = new Map(
    staff.map((person) => [person.id, { caseload: 0, coordinatorFor: 0, followUpsOverdue: 0, openFlags: 0 }]),
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
}
