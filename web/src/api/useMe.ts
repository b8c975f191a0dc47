import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import { apiJson } from './client.js';
import { queryKeys } from './queryKeys.js';
import type { Me } from './types.js';

/**
 * Fetches the logged-in user; `null` when nobody is logged in. Asks /api/auth/session, which
 * answers "nobody" with 200 and `user: null`: on the login page that is the normal answer, and
 * a 401 would be logged by the browser as a failed request at every visit.
 */
export async function fetchMe(): Promise<Me | null> {
  return (await apiJson<{ user: Me | null }>('/api/auth/session')).user;
}

/** The logged-in user, or `null` when nobody is logged in. */
export function useMe(): UseQueryResult<Me | null> {
  return useQuery({ queryKey: queryKeys.me, queryFn: fetchMe, staleTime: 5 * 60_000 });
}
