import type { Actor } from '../../domain/access/policy.js';
import type { Sector } from '../../domain/organisation/sectors.js';
import type { DemoPersonaRow } from '../../db/queries/auth.queries.js';
import type { DelegationChoice } from './delegations.js';
import type {
  DelegationChoice as DelegationChoiceView,
  DemoPersona,
  Me,
} from '../../domain/auth/auth.responses.js';

/** The logged-in user, before what a session adds (assurance, whom a relative acts for). */
export function presentMe(
  actor: Actor,
  municipality: { code: string; name: string },
  unit: { id: string; name: string; sector: string } | undefined,
): Me {
  return {
    kind: actor.kind,
    id: actor.id,
    name: actor.name,
    role: actor.kind === 'citizen' ? 'citizen' : actor.role,
    unit: unit ? { id: unit.id, name: unit.name, sector: unit.sector as Sector } : null,
    municipality,
    citizenId: actor.kind === 'citizen' ? actor.id : null,
  };
}

export function presentPersona(row: DemoPersonaRow): DemoPersona {
  return {
    id: row.id,
    kind: row.subject_kind as 'professional' | 'citizen' | 'relative',
    name:
      row.professional_name ?? row.grantee_name ?? `${row.given_name ?? ''} ${row.family_name ?? ''}`.trim(),
    titleDa: row.title_da,
    titleEn: row.title_en,
    unit: row.unit_id
      ? { id: row.unit_id, name: row.unit_name ?? '', sector: row.unit_sector as Sector }
      : null,
  };
}

/** A delegation the relative may act under, and whether the session acts under it now. */
export function presentDelegationChoice(
  choice: DelegationChoice,
  currentDelegationId: string | undefined,
): DelegationChoiceView {
  return {
    delegationId: choice.delegationId,
    citizenId: choice.citizenId,
    citizenName: choice.citizenName,
    validUntil: choice.validUntil,
    current: choice.delegationId === currentDelegationId,
  };
}
