import type { PresentedPlan } from './types.js';
import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import { apiRequest } from './client.js';
import { queryKeys } from './queryKeys.js';

/** A plan with the version tag the server gave it, needed later for If-Match on edits. */
export interface VersionedPlan {
  plan: PresentedPlan;
  etag: string | null;
}

/** The citizen's whole plan, as the plan overview endpoint serves it. */
export function usePlan(citizenId: string): UseQueryResult<VersionedPlan> {
  return useQuery({
    queryKey: queryKeys.plan(citizenId),
    queryFn: async ({ signal }) => {
      const { data, etag } = await apiRequest<PresentedPlan>(
        `/api/citizens/${encodeURIComponent(citizenId)}/plan`,
        { signal },
      );
      return { plan: data, etag };
    },
    staleTime: 30_000,
  });
}
