/** Query keys in one place, so invalidation after login/logout and plan edits reaches every cached read. */
export const queryKeys = {
  me: ['auth', 'me'] as const,
  demoPersonas: ['auth', 'demo-personas'] as const,
  caseload: (q: string, page: number, pageSize: number) =>
    ['citizens', 'caseload', { q, page, pageSize }] as const,
  myDay: ['workspace', 'my-day'] as const,
  unitOverview: (unitId: string) => ['workspace', 'unit', unitId] as const,
  plan: (citizenId: string) => ['citizens', citizenId, 'plan'] as const,
  history: (citizenId: string) => ['citizens', citizenId, 'history'] as const,
  proposals: (citizenId: string) => ['citizens', citizenId, 'proposals'] as const,
  nextSteps: (citizenId: string) => ['citizens', citizenId, 'next-steps'] as const,
  interventionTypes: ['catalogue', 'intervention-types'] as const,
  units: ['catalogue', 'units'] as const,
  professionals: (unitId: string) => ['catalogue', 'professionals', unitId] as const,
};
