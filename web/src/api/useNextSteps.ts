import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import type { NextSteps } from '../domain.js';
import { apiJson } from './client.js';
import { queryKeys } from './queryKeys.js';

/** "Næste skridt" of a plan: the same numbers My day shows for the citizen. */
export function useNextSteps(citizenId: string, enabled = true): UseQueryResult<NextSteps> {
  return useQuery({
    queryKey: queryKeys.nextSteps(citizenId),
    queryFn: ({ signal }) =>
      apiJson<NextSteps>(`/api/citizens/${encodeURIComponent(citizenId)}/next-steps`, { signal }),
    enabled,
  });
}
