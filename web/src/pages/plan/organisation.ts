import type { PresentedPlan } from '../../api/plan.js';
import type { Sector, TeamMemberView } from '../../domain.js';

/** A person around the citizen: a team member, or a professional who is responsible for an intervention. */
export interface OrgPerson {
  key: string;
  name: string;
  detail: string | null;
  phone: string | null;
  email: string | null;
  isCoordinator: boolean;
  /** The team membership, when the person is on the team (it can be edited and ended). */
  member: TeamMemberView | null;
}

export interface OrgUnit {
  id: string;
  name: string;
  people: OrgPerson[];
}

export interface OrgSector {
  sector: Sector;
  units: OrgUnit[];
}

export interface Organisation {
  sectors: OrgSector[];
  network: OrgPerson[];
  civilSociety: OrgPerson[];
}

/** The non-empty parts, each once: a role that repeats the profession ("Jobkonsulent · jobkonsulent") is said once. */
export function distinctParts(parts: readonly (string | null | undefined)[]): string[] {
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const part of parts) {
    const text = part?.trim();
    if (!text || seen.has(text.toLocaleLowerCase('da'))) continue;
    seen.add(text.toLocaleLowerCase('da'));
    kept.push(text);
  }
  return kept;
}

function fromMember(member: TeamMemberView): OrgPerson {
  return {
    key: member.id,
    name: member.name,
    detail: distinctParts([member.role, member.profession, member.relation]).join(' · ') || null,
    phone: member.phone,
    email: member.email,
    isCoordinator: member.isCoordinator,
    member,
  };
}

/**
 * Everyone around the citizen, arranged as the organisation diagram shows them: professionals by
 * sector and unit (team members, and the responsible persons of current interventions who are
 * not on the team), relatives and network, civil society. Coordinator first in each unit.
 */
export function organisationOf(plan: PresentedPlan): Organisation {
  const sectors = new Map<Sector, Map<string, OrgUnit>>();
  const seen = new Set<string>();
  const place = (sector: Sector, unit: { id: string; name: string }, person: OrgPerson): void => {
    const units = sectors.get(sector) ?? new Map<string, OrgUnit>();
    sectors.set(sector, units);
    const entry = units.get(unit.id) ?? { id: unit.id, name: unit.name, people: [] };
    units.set(unit.id, entry);
    entry.people.push(person);
  };
  for (const member of plan.team) {
    if (member.kind !== 'professional' || !member.unit) continue;
    if (member.professionalId) seen.add(member.professionalId);
    place(member.unit.sector, member.unit, fromMember(member));
  }
  for (const group of plan.sectors) {
    for (const intervention of group.interventions) {
      const responsible = intervention.responsible;
      if (!responsible || intervention.status === 'ended' || seen.has(responsible.id)) continue;
      seen.add(responsible.id);
      place(group.sector, intervention.unit, {
        key: `responsible-${responsible.id}`,
        name: responsible.name,
        detail: responsible.profession,
        phone: responsible.phone,
        email: responsible.email,
        isCoordinator: false,
        member: null,
      });
    }
  }
  const byCoordinator = (a: OrgPerson, b: OrgPerson): number =>
    Number(b.isCoordinator) - Number(a.isCoordinator) || a.name.localeCompare(b.name, 'da');
  return {
    sectors: [...sectors.entries()].map(([sector, units]) => ({
      sector,
      units: [...units.values()].map((unit) => ({ ...unit, people: unit.people.sort(byCoordinator) })),
    })),
    network: plan.team.filter((member) => member.kind === 'network').map(fromMember),
    civilSociety: plan.team.filter((member) => member.kind === 'civil_society').map(fromMember),
  };
}
