import type { InterventionChangedData } from '../../domain/coordination/notifications.js';
import {
  type AccessBasis,
  type AccessGrants,
  type Actor,
  canSeeInterventionDetails,
  type InterventionScope,
} from '../../domain/access/policy.js';
import { findGaps } from '../../domain/plan/plan.compose.js';
import type { InterventionView, PlanOverview } from '../../domain/plan/plan.types.js';
import type { VisibleChange } from '../../db/queries/plan-history.queries.js';

/**
 * THE hidden-details rule ("that, not what"), in one place. The policy decides per intervention
 * (canSeeInterventionDetails); this module turns that decision into what a response may carry,
 * and every presenter that sends citizen data calls it: the plan and its writes, history,
 * export, inbox notifications, flags and My day / the unit overview. What it guarantees: a
 * viewer learns THAT another unit's intervention exists (category, sector, unit, contact,
 * period, status) and nothing that is computed from WHAT it is — no type name, purpose, legal
 * basis, frequency, follow-up date, cost, links to sub-goals, notes, nor any gap, count, date
 * or "changed by" derived from them. See docs/decisions/0010-hidden-details-and-access-log.md.
 */

/** The interventions (by id) whose details this viewer may not see. */
export function hiddenInterventionIds(
  scopes: readonly (InterventionScope & { id: string })[],
  actor: Actor,
  basis: AccessBasis,
  grants: AccessGrants,
  now: Date = new Date(),
): string[] {
  const hidden: string[] = [];
  for (const scope of scopes) {
    if (!canSeeInterventionDetails(actor, basis, scope, grants.consents, now)) hidden.push(scope.id);
  }
  return hidden;
}

/** The same for a plan document (lists and My day read documents, not stored plans). */
export function hiddenInDocument(
  document: PlanOverview,
  actor: Actor,
  basis: AccessBasis,
  grants: AccessGrants,
  now: Date = new Date(),
): Set<string> {
  const scopes = document.sectors.flatMap((group) =>
    group.interventions.map((item) => ({
      id: item.id,
      unitId: item.unit.id,
      sector: item.sector,
      responsibleId: item.responsible?.id ?? null,
      caseReference: item.caseReference ?? null,
    })),
  );
  return new Set(hiddenInterventionIds(scopes, actor, basis, grants, now));
}

/** Another unit's intervention without consent: that it exists, not what it is. */
export function restrictedIntervention(item: InterventionView): {
  id: string;
  detailsHidden: true;
  type: { category: string };
  sector: InterventionView['sector'];
  unit: InterventionView['unit'];
  responsible: InterventionView['responsible'];
  startDate: string;
  endDate: string | null;
  status: InterventionView['status'];
  awaitingConfirmation: boolean;
} {
  return {
    id: item.id,
    detailsHidden: true,
    type: { category: item.type.category },
    sector: item.sector,
    unit: item.unit,
    responsible: item.responsible,
    startDate: item.startDate,
    endDate: item.endDate,
    status: item.status,
    awaitingConfirmation: item.awaitingConfirmation ?? false,
  };
}

/**
 * The plan as this viewer sees it. Hidden interventions are restricted; sub-goals link only
 * to visible interventions; the gaps are computed from what the viewer sees (a sub-goal served
 * only by a hidden intervention is "without an intervention you can see", exactly like one
 * served by none, so the two cannot be told apart); and "last changed" is the newest change
 * the viewer may see (`lastVisible`, from the history), not a change to a hidden intervention.
 */
export function viewerPlan(
  document: PlanOverview,
  hidden: ReadonlySet<string>,
  lastVisible: VisibleChange | null = null,
): PlanOverview {
  if (hidden.size === 0) return document;
  const subGoals = document.subGoals.map((goal) => ({
    ...goal,
    interventionIds: goal.interventionIds.filter((id) => !hidden.has(id)),
  }));
  const visible = document.sectors
    .flatMap((group) => group.interventions)
    .filter((item) => !hidden.has(item.id));
  return {
    ...document,
    updatedAt: lastVisible?.at ?? new Date(0).toISOString(),
    updatedBy: lastVisible?.by ?? null,
    subGoals,
    sectors: document.sectors.map((group) => ({
      sector: group.sector,
      interventions: group.interventions.map((item) =>
        hidden.has(item.id) ? (restrictedIntervention(item) as unknown as InterventionView) : item,
      ),
    })),
    gaps: findGaps(document.goal, subGoals, visible, document.team),
  };
}

/**
 * The history as this viewer sees it: changes to hidden interventions are left out (their
 * timing and author would tell when and by whom the hidden details changed; the intervention's
 * current "that" is in the plan). A proposal about a hidden intervention keeps only that it was
 * made and answered, not what it proposed.
 */
export function visibleHistory<
  T extends { entity: string; entityId: string; before: unknown; after: unknown },
>(entries: readonly T[], hidden: ReadonlySet<string>): T[] {
  if (hidden.size === 0) return [...entries];
  return entries
    .filter((entry) => entry.entity !== 'intervention' || !hidden.has(entry.entityId))
    .map((entry) => {
      if (entry.entity !== 'proposal') return entry;
      const about = (entry.after ?? entry.before) as { interventionId?: unknown } | null;
      if (typeof about?.interventionId !== 'string' || !hidden.has(about.interventionId)) return entry;
      const status = (entry.after as { status?: unknown } | null)?.status;
      return { ...entry, before: null, after: { interventionId: about.interventionId, status } };
    });
}

/** Whether the viewer has a current (not ended) intervention hidden from them in this plan. */
export function hasHiddenCurrent(document: PlanOverview, hidden: ReadonlySet<string>): boolean {
  if (hidden.size === 0) return false;
  return document.sectors.some((group) =>
    group.interventions.some((item) => hidden.has(item.id) && item.status !== 'ended'),
  );
}

/**
 * An intervention notification for a reader who may not see the intervention's details: that the
 * unit created, changed or ended an intervention, not which one nor who did it (the web then says
 * "an intervention").
 */
export function restrictedNotification(data: InterventionChangedData): InterventionChangedData {
  const { type: _type, ...intervention } = data.intervention;
  return { ...data, intervention, by: null };
}

/** Flag rows as the presenters get them, for the rule below. */
interface FlagLike {
  rule_id: string;
  subject_ids: readonly string[];
  explanation: unknown;
}

/**
 * Which coordination flags a viewer may be shown at all. A gap flag about a hidden intervention
 * (no sub-goal, follow-up overdue) is about its links and dates: the owning unit's, not shown to
 * others. A "sub-goal without intervention" flag is computed from every intervention; a viewer
 * with hidden current interventions would learn from its absence that a hidden one serves the
 * sub-goal, so such viewers get the gap from the plan's own (viewer's) gap list instead.
 */
export function flagVisible(row: FlagLike, hidden: ReadonlySet<string>, hiddenCurrent: boolean): boolean {
  if (row.rule_id !== 'gaps') return true;
  if (row.subject_ids.some((id) => hidden.has(id))) return false;
  const explanation = (
    typeof row.explanation === 'string' ? JSON.parse(row.explanation) : row.explanation
  ) as { data?: { kind?: unknown } } | null;
  return !(hiddenCurrent && explanation?.data?.kind === 'sub-goal-without-intervention');
}
