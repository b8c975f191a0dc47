/** Query keys in one place, so invalidation after login/logout reaches every cached read. */
export const queryKeys = {
  me: ['auth', 'me'] as const,
  demoPersonas: ['auth', 'demo-personas'] as const,
  caseload: (q: string, page: number, pageSize: number) =>
    ['citizens', 'caseload', { q, page, pageSize }] as const,
  plan: (citizenId: string) => ['citizens', citizenId, 'plan'] as const,
};
