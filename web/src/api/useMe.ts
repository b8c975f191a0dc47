import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import { apiJson, isApiError } from './client.js';
import { queryKeys } from './queryKeys.js';
import type { Me } from './types.js';

/** Fetches the logged-in user; `null` when nobody is logged in (401). */
export async function fetchMe(): Promise<Me | null> {
  try {
    return await apiJson<Me>('/api/auth/me');
  } catch (error) {
    if (isApiError(error, 401)) return null;
    throw error;
  }
}

/** The logged-in user, or `null` when nobody is logged in. */
export function useMe(): UseQueryResult<Me | null> {
  return useQuery({ queryKey: queryKeys.me, queryFn: fetchMe, staleTime: 5 * 60_000 });
}
