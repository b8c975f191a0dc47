import {
  type UseQueryResult,
  useQuery,
  type UseMutationResult,
  useMutation,
  useQueryClient,
} from '@tanstack/react-query';
import { apiRequest, isApiError, apiJson, apiDownload } from './client.js';
import { queryKeys, citizenPath } from './queryKeys.js';
import type { PresentedPlan, PlanHistory } from '../../../src/domain/plan/plan.responses.js';
import type { NextSteps } from '../domain.js';
import type { ProposalView } from '../../../src/domain/plan/proposal.responses.js';
import { measuresKey } from './measures.js';

export type {
  HistoryEntity,
  HistoryEntry,
  PlanHistory,
  RestrictedInterventionView,
  PresentedIntervention,
  PresentedPlan,
} from '../../../src/domain/plan/plan.responses.js';

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
      void queryClient.invalidateQueries({ queryKey: ['workspace'] });
      void queryClient.invalidateQueries({ queryKey: ['citizens', 'caseload'] });
      // A sub-goal's GAS level or weight moves the measures' T-scores.
      void queryClient.invalidateQueries({ queryKey: measuresKey(citizenId) });
    },
  });
}

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

export interface PlanExportRequest {
  /** Professionals allowed to reveal it only, with a reason (audited). */
  includeCpr: boolean;
  reason?: string;
}

/**
 * Exports a citizen's plan as a JSON file and hands it to the browser as a download. The file
 * lives in memory only until saved: never in the query cache or storage (it may hold a CPR number).
 */
export function usePlanExport(citizenId: string): UseMutationResult<string, Error, PlanExportRequest> {
  return useMutation({
    mutationFn: async (request) => {
      const { blob, filename } = await apiDownload(`${citizenPath(citizenId)}/export`, request);
      const url = URL.createObjectURL(blob);
      try {
        const link = document.createElement('a');
        link.href = url;
        link.download = filename;
        link.rel = 'noopener';
        document.body.append(link);
        link.click();
        link.remove();
      } finally {
        setTimeout(() => URL.revokeObjectURL(url), 1_000);
      }
      return filename;
    },
  });
}

/** A proposed change (forslag) to an intervention, answered by the unit that owns it. */
/** A proposed change to another unit's intervention, as the API shows it to this viewer. */
export type Proposal = ProposalView;

/** The citizen's proposals, pending first. */
export function useProposals(citizenId: string): UseQueryResult<Proposal[]> {
  return useQuery({
    queryKey: queryKeys.proposals(citizenId),
    queryFn: async ({ signal }) =>
      (
        await apiJson<{ items: Proposal[] }>(`/api/citizens/${encodeURIComponent(citizenId)}/proposals`, {
          signal,
        })
      ).items,
  });
}

/** "Næste skridt" of a plan: the same numbers My day shows for the citizen. */
export function useNextSteps(citizenId: string, enabled = true): UseQueryResult<NextSteps> {
  return useQuery({
    queryKey: queryKeys.nextSteps(citizenId),
    queryFn: ({ signal }) =>
      apiJson<NextSteps>(`/api/citizens/${encodeURIComponent(citizenId)}/next-steps`, { signal }),
    enabled,
  });
}
