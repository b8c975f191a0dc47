import { describe, expect, it } from 'vitest';
import { PROFESSIONAL_ROLES, type ProfessionalRole } from '../organisation/sectors.js';
import { type Actor, decidePathwayTemplateAct } from './policy.js';

const professional = (role: ProfessionalRole): Actor => ({
  kind: 'professional',
  municipalityId: 'm',
  id: 'p',
  role,
  unitId: 'u',
  name: 'x',
});
const citizen: Actor = { kind: 'citizen', municipalityId: 'm', id: 'c', name: 'x' };

describe('access to pathway templates', () => {
  it('lets every professional read them, never a citizen', () => {
    for (const role of PROFESSIONAL_ROLES)
      expect(decidePathwayTemplateAct(professional(role), 'read').allowed).toBe(true);
    expect(decidePathwayTemplateAct(citizen, 'read')).toMatchObject({
      code: 'pathway-template.professionals',
    });
  });

  it('lets team leaders and the administrator copy, edit and publish, nobody else', () => {
    for (const role of PROFESSIONAL_ROLES) {
      const allowed = role === 'team_leader' || role === 'administrator';
      expect(decidePathwayTemplateAct(professional(role), 'change').allowed, role).toBe(allowed);
    }
    expect(decidePathwayTemplateAct(professional('caseworker'), 'change')).toMatchObject({
      code: 'pathway-template.supervisors',
    });
    expect(decidePathwayTemplateAct(citizen, 'change').allowed).toBe(false);
  });
});
