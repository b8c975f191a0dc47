import type { CaseloadItem } from '../../domain/workspace/workspace.responses.js';
import type { PlanOverview } from '../../domain/plan/plan.types.js';

export {
  type CaseloadItem,
  caseloadItemSchema,
  caseloadPageSchema,
} from '../../domain/workspace/workspace.responses.js';

export function parseDocument(document: unknown): PlanOverview {
  return (typeof document === 'string' ? JSON.parse(document) : document) as PlanOverview;
}

/** Why the plan is on the professional's list: the closest tie wins. */
function relationOf(
  member: PlanOverview['team'][number] | undefined,
  interventions: PlanOverview['sectors'][number]['interventions'],
  professionalId: string,
): CaseloadItem['relation'] {
  if (member?.isCoordinator) return 'coordinator';
  if (member) return 'team_member';
  return interventions.some((item) => item.responsible?.id === professionalId && item.status !== 'ended')
    ? 'intervention_responsible'
    : 'unit';
}

/** A plan, as one line of a professional's list. */
export function toCaseloadItem(plan: PlanOverview, professionalId: string): CaseloadItem {
  const member = plan.team.find((item) => item.professionalId === professionalId);
  const interventions = plan.sectors.flatMap((group) => group.interventions);
  const active = interventions.filter((item) => item.status === 'active');
  const relation = relationOf(member, interventions, professionalId);
  return {
    id: plan.citizen.id,
    givenName: plan.citizen.givenName,
    familyName: plan.citizen.familyName,
    cprMasked: plan.citizen.cprMasked,
    relation,
    activeInterventions: active.length,
    sectors: [...new Set(active.map((item) => item.sector))],
    updatedAt: plan.updatedAt,
  };
}
