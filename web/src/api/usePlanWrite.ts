import type { PresentedPlan } from './types.js';
import { type UseMutationResult, useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest, isApiError } from './client.js';
import { queryKeys } from './queryKeys.js';
import type { VersionedPlan } from './usePlan.js';
import { measuresKey } from './measures.js';

/** One change to a plan: where it goes (below …/plan), what it carries, and the version it was made on. */
export interface PlanWrite {
  method: 'POST' | 'PUT' | 'PATCH';
  /** Below the plan, e.g. `/sub-goals` or `/interventions/{id}/end`. */
  path: string;
  body: unknown;
  /** The ETag of the plan version the person was looking at when they started editing. */
  etag: string | null;
}

export interface PlanWriteResult {
  id: string;
  plan: VersionedPlan;
}

/**
 * Someone else changed the plan after this person started editing (412). Carries the current
 * plan so the conflict view can show theirs next to mine and re-apply mine on the new version.
 */
export class StaleVersionError extends Error {
  readonly current: VersionedPlan;

  constructor(current: VersionedPlan) {
    super('stale plan version');
    this.name = 'StaleVersionError';
    this.current = current;
  }
}

async function fetchPlan(citizenId: string): Promise<VersionedPlan> {
  const { data, etag } = await apiRequest<PresentedPlan>(
    `/api/citizens/${encodeURIComponent(citizenId)}/plan`,
  );
  return { plan: data, etag };
}

/**
 * Writes a change to a citizen's plan with If-Match. The answer carries the new plan, which
 * replaces the cached one at once (no refetch needed for the page to move on); the history and
 * the lists that summarise plans are refetched. A stale version becomes a StaleVersionError.
 */
export function usePlanWrite(citizenId: string): UseMutationResult<PlanWriteResult, Error, PlanWrite> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (write) => {
      const base = `/api/citizens/${encodeURIComponent(citizenId)}/plan`;
      try {
        const { data, etag } = await apiRequest<{ id: string; plan?: PresentedPlan }>(
          `${base}${write.path}`,
          {
            method: write.method,
            body: write.body,
            headers: write.etag ? { 'If-Match': write.etag } : {},
          },
        );
        // A write that answers with its own shape (a GAS follow-up) is followed by a read of the plan.
        return { id: data.id, plan: data.plan ? { plan: data.plan, etag } : await fetchPlan(citizenId) };
      } catch (error) {
        if (isApiError(error, 412)) {
          const current = await fetchPlan(citizenId);
          queryClient.setQueryData(queryKeys.plan(citizenId), current);
          void queryClient.invalidateQueries({ queryKey: queryKeys.history(citizenId) });
          throw new StaleVersionError(current);
        }
        throw error;
      }
    },
    onSuccess: (result) => {
      queryClient.setQueryData(queryKeys.plan(citizenId), result.plan);
      void queryClient.invalidateQueries({ queryKey: queryKeys.history(citizenId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.proposals(citizenId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.nextSteps(citizenId) });
      // A sub-goal's GAS level or weight moves the measures' T-scores.
      void queryClient.invalidateQueries({ queryKey: measuresKey(citizenId) });
      void queryClient.invalidateQueries({ queryKey: ['workspace'] });
      void queryClient.invalidateQueries({ queryKey: ['citizens', 'caseload'] });
    },
  });
}
