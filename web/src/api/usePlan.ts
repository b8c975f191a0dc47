import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import { apiRequest } from './client.js';
import { queryKeys } from './queryKeys.js';
import type { PresentedPlan } from './types.js';

/** A plan with the version tag the server gave it, needed later for If-Match on edits. */
export interface VersionedPlan {
  plan: PresentedPlan;
  etag: string | null;
}

/** The query for a citizen's plan; shared by the page and by the preload at start-up. */
export function planQuery(citizenId: string): {
  queryKey: ReturnType<typeof queryKeys.plan>;
  queryFn: (context: { signal: AbortSignal }) => Promise<VersionedPlan>;
  staleTime: number;
} {
  return {
    queryKey: queryKeys.plan(citizenId),
    queryFn: async ({ signal }) => {
      const { data, etag } = await apiRequest<PresentedPlan>(
        `/api/citizens/${encodeURIComponent(citizenId)}/plan`,
        {
          signal,
        },
      );
      return { plan: data, etag };
    },
    staleTime: 30_000,
  };
}

/** The citizen's whole plan, as the plan overview endpoint serves it for this viewer. */
export function usePlan(citizenId: string): UseQueryResult<VersionedPlan> {
  return useQuery(planQuery(citizenId));
}
