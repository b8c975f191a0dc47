import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import { apiJson } from './client.js';
import { queryKeys } from './queryKeys.js';
import type { PlanHistory } from './types.js';

/** What changed in a citizen's plan, newest first, and when I looked before this visit. */
export function usePlanHistory(citizenId: string): UseQueryResult<PlanHistory> {
  return useQuery({
    queryKey: queryKeys.history(citizenId),
    queryFn: ({ signal }) =>
      apiJson<PlanHistory>(`/api/citizens/${encodeURIComponent(citizenId)}/plan/history?limit=200`, {
        signal,
      }),
    staleTime: 30_000,
  });
}
