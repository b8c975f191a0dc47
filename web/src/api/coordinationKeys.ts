/**
 * Query keys for coordination and access, apart from queryKeys.ts so the two features can grow
 * without touching each other's file. All start below 'citizens' or their own root, so logout
 * (which keeps only 'auth') forgets them.
 */
export const coordinationKeys = {
  citizenFlags: (citizenId: string) => ['citizens', citizenId, 'flags'] as const,
  flag: (flagId: string) => ['flags', flagId] as const,
  myDayFlags: ['workspace', 'my-day', 'flags'] as const,
  overview: ['coordination', 'overview'] as const,
  rules: ['coordination', 'rules'] as const,
  inbox: ['inbox', 'items'] as const,
  unread: ['inbox', 'unread'] as const,
  referrals: (direction: 'incoming' | 'outgoing') => ['referrals', direction] as const,
  citizenReferrals: (citizenId: string) => ['citizens', citizenId, 'referrals'] as const,
  accessLog: (citizenId: string) => ['citizens', citizenId, 'access-log'] as const,
  consents: (citizenId: string) => ['citizens', citizenId, 'consents'] as const,
  delegations: (citizenId: string) => ['citizens', citizenId, 'delegations'] as const,
  breakGlass: ['break-glass'] as const,
  audit: (filter: Record<string, string | undefined>) => ['audit', filter] as const,
};

/** A citizen's id as a path segment. */
export function citizenPath(citizenId: string): string {
  return `/api/citizens/${encodeURIComponent(citizenId)}`;
}
