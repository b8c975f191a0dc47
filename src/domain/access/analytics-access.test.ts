import { describe, expect, it } from 'vitest';
import type { ProfessionalRole } from '../organisation/sectors.js';
import { type Actor, decideAnalyticsAccess } from './policy.js';

const professional = (role: ProfessionalRole): Actor => ({
  kind: 'professional',
  municipalityId: 'm',
  id: 'p',
  role,
  unitId: 'u',
  name: 'x',
});
const citizen: Actor = { kind: 'citizen', municipalityId: 'm', id: 'c', name: 'x' };

describe('access to management figures', () => {
  it('lets team leaders and the administrator read and export, nobody else', () => {
    for (const action of ['read', 'export'] as const) {
      expect(decideAnalyticsAccess(professional('team_leader'), action).allowed).toBe(true);
      expect(decideAnalyticsAccess(professional('administrator'), action).allowed).toBe(true);
      expect(decideAnalyticsAccess(professional('caseworker'), action).allowed).toBe(false);
      expect(decideAnalyticsAccess(professional('specialist'), action).allowed).toBe(false);
      expect(decideAnalyticsAccess(citizen, action).allowed).toBe(false);
    }
  });

  it('lets only the administrator import cost files', () => {
    expect(decideAnalyticsAccess(professional('administrator'), 'import-costs').allowed).toBe(true);
    expect(decideAnalyticsAccess(professional('team_leader'), 'import-costs').allowed).toBe(false);
    expect(decideAnalyticsAccess(citizen, 'import-costs').allowed).toBe(false);
  });
});
