import type { ProfessionalRole } from '../organisation/sectors.js';

/** Who is acting. Professionals act within a unit; citizens act on their own plan. */
export type Actor =
  | {
      kind: 'professional';
      municipalityId: string;
      id: string;
      role: ProfessionalRole;
      unitId: string;
      name: string;
    }
  | { kind: 'citizen'; municipalityId: string; id: string; name: string };

/** The relationships between a citizen and the organisation, as kept in the plan's read model. */
export interface CitizenRelations {
  citizenId: string;
  /** Professionals who are coordinator, team member or responsible for an intervention. */
  professionalIds: readonly string[];
  /** Units of those professionals and of the citizen's interventions. */
  unitIds: readonly string[];
}

export type AccessBasis = 'own-plan' | 'relationship' | 'unit-leader';
export type AccessDecision = { allowed: true; basis: AccessBasis } | { allowed: false; reason: string };

const DENIED: AccessDecision = {
  allowed: false,
  reason:
    'You have no relationship to this citizen (coordinator, team member or responsible for an intervention).',
};

/**
 * Decides whether an actor may see a citizen's plan. Deny by default: access exists only
 * through a relationship, as the citizen themself, or as leader of a unit that works with
 * the citizen. Tenants never mix (the caller answers 404 for another tenant's records).
 */
export function decideCitizenAccess(actor: Actor, relations: CitizenRelations): AccessDecision {
  if (actor.kind === 'citizen') {
    return actor.id === relations.citizenId ? { allowed: true, basis: 'own-plan' } : DENIED;
  }
  if (relations.professionalIds.includes(actor.id)) return { allowed: true, basis: 'relationship' };
  if (actor.role === 'team_leader' && relations.unitIds.includes(actor.unitId)) {
    return { allowed: true, basis: 'unit-leader' };
  }
  return DENIED;
}

/** Whether an actor may change a plan. Citizens comment and approve in a later capability, not edit here. */
export function decidePlanChange(actor: Actor, relations: CitizenRelations): AccessDecision {
  if (actor.kind === 'citizen') {
    return { allowed: false, reason: 'Citizens cannot change the plan directly; comment on it instead.' };
  }
  return decideCitizenAccess(actor, relations);
}
