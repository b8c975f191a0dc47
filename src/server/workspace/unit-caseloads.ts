import type { PlanOverview } from '../../domain/plan/plan.types.js';
import type { Attention } from '../../domain/plan/attention.js';
import { UNIT_ATTENTION_KINDS, type UnitAttentionKind } from '../../domain/workspace/workspace.responses.js';
import { toCaseloadItem } from '../citizens/caseload.presenter.js';

/** The kinds of attention a unit's figures count citizens by; each is a filter of the list behind it. */
export { UNIT_ATTENTION_KINDS, type UnitAttentionKind } from '../../domain/workspace/workspace.responses.js';

/** Whether a citizen's attention has this kind: the condition both the figure and its list use. */
export function hasAttention(attention: Attention, kind: UnitAttentionKind): boolean {
  const value = attention[kind];
  return typeof value === 'boolean' ? value : value > 0;
}

/** How many citizens have each kind of attention. */
export function citizensWithAttention(attentions: readonly Attention[]): Record<UnitAttentionKind, number> {
  const counts = Object.fromEntries(UNIT_ATTENTION_KINDS.map((kind) => [kind, 0])) as Record<
    UnitAttentionKind,
    number
  >;
  for (const attention of attentions)
    for (const kind of UNIT_ATTENTION_KINDS) if (hasAttention(attention, kind)) counts[kind] += 1;
  return counts;
}

/**
 * The unit's professionals who work with the citizen: on the team, or responsible for a current
 * intervention. A professional's caseload is the citizens this names them for.
 */
export function relatedStaff(plan: PlanOverview, staffIds: ReadonlySet<string>): Set<string> {
  const related = new Set<string>();
  for (const member of plan.team)
    if (member.professionalId && staffIds.has(member.professionalId)) related.add(member.professionalId);
  for (const group of plan.sectors)
    for (const item of group.interventions)
      if (item.responsible && item.status !== 'ended' && staffIds.has(item.responsible.id))
        related.add(item.responsible.id);
  return related;
}

/** A plan with its attention and score, as the unit's lists rank them. */
export interface RankedPlan {
  plan: PlanOverview;
  attention: Attention;
  score: number;
}

/** Most attention first; equal scores by family name, in Danish order. */
export function byAttention(a: RankedPlan, b: RankedPlan): number {
  return b.score - a.score || a.plan.citizen.familyName.localeCompare(b.plan.citizen.familyName, 'da');
}

/**
 * One row of a unit list (most flagged, the drill-down). A leader has not "visited" these
 * plans as a caseworker has, so there is no last visit and nothing "changed since".
 */
export function unitListItem({ plan, attention, score }: RankedPlan, actorId: string) {
  return {
    ...toCaseloadItem(plan, actorId),
    attention: { ...attention, changedSinceLastVisit: false },
    score,
    lastVisitAt: null,
  };
}
