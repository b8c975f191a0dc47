/**
 * Query keys in one place, so invalidation after login/logout and plan edits reaches every cached
 * read. All but 'auth' start below a root that logout forgets ('citizens', 'workspace', 'flags',
 * 'coordination', 'inbox', 'referrals', 'break-glass', 'audit', 'catalogue').
 */
export const queryKeys = {
  me: ['auth', 'me'] as const,
  demoPersonas: ['auth', 'demo-personas'] as const,
  delegationChoices: ['auth', 'delegations'] as const,
  caseload: (q: string, page: number, pageSize: number) =>
    ['citizens', 'caseload', { q, page, pageSize }] as const,
  myDay: ['workspace', 'my-day'] as const,
  myDayFlags: ['workspace', 'my-day', 'flags'] as const,
  unitOverview: (unitId: string) => ['workspace', 'unit', unitId] as const,
  plan: (citizenId: string) => ['citizens', citizenId, 'plan'] as const,
  history: (citizenId: string) => ['citizens', citizenId, 'history'] as const,
  proposals: (citizenId: string) => ['citizens', citizenId, 'proposals'] as const,
  nextSteps: (citizenId: string) => ['citizens', citizenId, 'next-steps'] as const,
  followUps: (citizenId: string) => ['citizens', citizenId, 'follow-ups'] as const,
  interventionTypes: ['catalogue', 'intervention-types'] as const,
  units: ['catalogue', 'units'] as const,
  professionals: (unitId: string) => ['catalogue', 'professionals', unitId] as const,
  pathwayTemplates: ['catalogue', 'pathway-templates'] as const,
  pathwayTemplateVersion: (id: string) => ['catalogue', 'pathway-templates', id] as const,
  citizenFlags: (citizenId: string) => ['citizens', citizenId, 'flags'] as const,
  flag: (flagId: string) => ['flags', flagId] as const,
  coordinationOverview: ['coordination', 'overview'] as const,
  coordinationRules: ['coordination', 'rules'] as const,
  inbox: ['inbox', 'items'] as const,
  unread: ['inbox', 'unread'] as const,
  referrals: (direction: 'incoming' | 'outgoing') => ['referrals', direction] as const,
  citizenReferrals: (citizenId: string) => ['citizens', citizenId, 'referrals'] as const,
  accessLog: (citizenId: string) => ['citizens', citizenId, 'access-log'] as const,
  consents: (citizenId: string) => ['citizens', citizenId, 'consents'] as const,
  delegations: (citizenId: string) => ['citizens', citizenId, 'delegations'] as const,
  retention: (citizenId: string) => ['citizens', citizenId, 'retention'] as const,
  breakGlass: ['break-glass'] as const,
  audit: (filter: Record<string, string | undefined>) => ['audit', filter] as const,
};

/** A citizen's id as a path segment. */
export function citizenPath(citizenId: string): string {
  return `/api/citizens/${encodeURIComponent(citizenId)}`;
}
