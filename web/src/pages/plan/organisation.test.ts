import { describe, expect, it } from 'vitest';
import type { PresentedPlan } from '../../api/plan.js';
import type { TeamMemberView } from '../../domain.js';
import { distinctParts, organisationOf } from './organisation.js';
import { pyramidCounts } from './PyramidSection.js';

const unit = { id: 'u1', name: 'Jobcenter', sector: 'employment' as const };

function member(overrides: Partial<TeamMemberView>): TeamMemberView {
  return {
    id: overrides.name ?? 'm',
    kind: 'professional',
    professionalId: null,
    name: 'X',
    profession: null,
    unit: null,
    relation: null,
    role: null,
    isCoordinator: false,
    phone: null,
    email: null,
    startDate: '2026-01-01',
    ...overrides,
  };
}

const plan = {
  team: [
    member({ name: 'Bo', professionalId: 'p1', unit }),
    member({ name: 'Ane', professionalId: 'p2', unit, isCoordinator: true }),
    member({ name: 'Søster', kind: 'network', relation: 'søster' }),
  ],
  sectors: [
    {
      sector: 'social-adult',
      interventions: [
        {
          id: 'i1',
          detailsHidden: true,
          type: { category: 'social' },
          sector: 'social-adult',
          unit: { id: 'u2', name: 'Socialpsykiatri' },
          responsible: { id: 'p3', name: 'Emma', profession: 'socialrådgiver', phone: null, email: null },
          startDate: '2026-01-01',
          endDate: null,
          status: 'active',
        },
      ],
    },
    {
      sector: 'employment',
      interventions: [
        {
          id: 'i2',
          type: { id: 't', code: 'c', name: 'Mentor', category: 'job' },
          sector: 'employment',
          unit,
          responsible: { id: 'p1', name: 'Bo', profession: 'mentor', phone: null, email: null },
          status: 'active',
          pyramidLevel: 4,
        },
      ],
    },
  ],
} as unknown as PresentedPlan;

describe('organisationOf', () => {
  it('puts professionals under sector and unit, coordinator first, and adds responsible persons not on the team', () => {
    const organisation = organisationOf(plan);
    const employment = organisation.sectors.find((sector) => sector.sector === 'employment');
    expect(employment?.units[0]?.people.map((person) => person.name)).toEqual(['Ane', 'Bo']);
    const social = organisation.sectors.find((sector) => sector.sector === 'social-adult');
    expect(social?.units[0]?.people.map((person) => [person.name, person.member])).toEqual([['Emma', null]]);
    expect(organisation.network.map((person) => person.name)).toEqual(['Søster']);
  });
});

describe('pyramidCounts', () => {
  it('counts active interventions per level, leaving out those whose details are hidden', () => {
    expect(pyramidCounts(plan)).toEqual({ 1: 0, 2: 0, 3: 0, 4: 1, 5: 0 });
  });
});

describe('distinctParts', () => {
  it('says a role that repeats the profession once, whatever its case', () => {
    expect(distinctParts(['Jobkonsulent', 'jobkonsulent', null, ''])).toEqual(['Jobkonsulent']);
    expect(distinctParts(['Mentor', 'socialpædagog', 'ven'])).toEqual(['Mentor', 'socialpædagog', 'ven']);
  });
});
