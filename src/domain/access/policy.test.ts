import { describe, expect, it } from 'vitest';
import { type Actor, decideCitizenAccess, decidePlanChange } from './policy.js';

const relations = { citizenId: 'citizen-1', professionalIds: ['pro-1'], unitIds: ['unit-1'] };
const professional = (id: string, role: 'caseworker' | 'team_leader', unitId: string): Actor => ({
  kind: 'professional',
  municipalityId: 'm',
  id,
  role,
  unitId,
  name: 'x',
});

describe('access policy', () => {
  it('allows a related professional', () => {
    expect(decideCitizenAccess(professional('pro-1', 'caseworker', 'unit-9'), relations)).toEqual({
      allowed: true,
      basis: 'relationship',
    });
  });

  it('denies an unrelated professional, even of a related unit, unless they lead it', () => {
    expect(decideCitizenAccess(professional('pro-2', 'caseworker', 'unit-1'), relations).allowed).toBe(false);
    expect(decideCitizenAccess(professional('pro-3', 'team_leader', 'unit-1'), relations)).toEqual({
      allowed: true,
      basis: 'unit-leader',
    });
    expect(decideCitizenAccess(professional('pro-3', 'team_leader', 'unit-2'), relations).allowed).toBe(
      false,
    );
  });

  it('lets a citizen read only their own plan, and not change it directly', () => {
    const self: Actor = { kind: 'citizen', municipalityId: 'm', id: 'citizen-1', name: 'x' };
    const other: Actor = { kind: 'citizen', municipalityId: 'm', id: 'citizen-2', name: 'x' };
    expect(decideCitizenAccess(self, relations).allowed).toBe(true);
    expect(decideCitizenAccess(other, relations).allowed).toBe(false);
    expect(decidePlanChange(self, relations).allowed).toBe(false);
  });
});
