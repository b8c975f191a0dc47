import {
  type UseMutationResult,
  useMutation,
  useQueryClient,
  type UseQueryResult,
  useQuery,
} from '@tanstack/react-query';
import type {
  BreakGlassReason,
  BreakGlassDetail,
  BreakGlassAccess,
  BreakGlassOutcome,
} from '../../../src/domain/access/access.responses.js';
import { apiJson, type ItemList } from './client.js';
import { queryKeys, citizenPath } from './queryKeys.js';
import { useCallback, useRef, useState } from 'react';

export { BREAK_GLASS_OUTCOMES, BREAK_GLASS_REASONS } from '../../../src/domain/access/break-glass.js';
export type {
  BreakGlassAccess,
  BreakGlassReason,
  BreakGlassOutcome,
  BreakGlassDetail,
} from '../../../src/domain/access/access.responses.js';

export interface BreakGlassRequest {
  reasonCode: BreakGlassReason;
  reason: string;
}

/** Breaks the glass: a few hours of read access to a citizen without a relationship, with a reason. */
export function useBreakGlass(
  citizenId: string,
): UseMutationResult<{ id: string; expiresAt: string }, Error, BreakGlassRequest> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body) =>
      apiJson<{ id: string; expiresAt: string }>(`${citizenPath(citizenId)}/break-glass`, {
        method: 'POST',
        body,
      }),
    // The refused plan is now readable: drop the cached 403 so the page fetches it again.
    onSuccess: () => queryClient.resetQueries({ queryKey: ['citizens', citizenId] }),
  });
}

/** The professional's own emergency access to a citizen while it lasts (null when none). */
export function useActiveBreakGlass(
  citizenId: string,
  enabled: boolean,
): UseQueryResult<{ id: string; expiresAt: string } | null> {
  return useQuery({
    queryKey: ['citizens', citizenId, 'break-glass', 'active'],
    queryFn: async () =>
      (
        await apiJson<{ active: { id: string; expiresAt: string } | null }>(
          `${citizenPath(citizenId)}/break-glass/active`,
        )
      ).active,
    enabled,
  });
}

/** One break-the-glass access with what was read and done under it, for its reviewer. */
export function useBreakGlassDetail(breakGlassId: string | null): UseQueryResult<BreakGlassDetail> {
  return useQuery({
    queryKey: [...queryKeys.breakGlass, breakGlassId],
    queryFn: () => apiJson<BreakGlassDetail>(`/api/break-glass/${encodeURIComponent(breakGlassId ?? '')}`),
    enabled: breakGlassId !== null,
  });
}

/** Break-the-glass accesses for the leader to review (a team leader's unit, an administrator's all). */
export function useBreakGlassList(): UseQueryResult<BreakGlassAccess[]> {
  return useQuery({
    queryKey: queryKeys.breakGlass,
    queryFn: async ({ signal }) =>
      (await apiJson<ItemList<BreakGlassAccess>>('/api/break-glass?status=all&limit=200', { signal })).items,
  });
}

export interface BreakGlassReview {
  breakGlassId: string;
  outcome: BreakGlassOutcome;
  comment: string;
}

/** Reviews a break-the-glass access: justified or not, with a comment (by someone else). */
export function useReviewBreakGlass(): UseMutationResult<void, Error, BreakGlassReview> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ breakGlassId, outcome, comment }) =>
      apiJson<void>(`/api/break-glass/${encodeURIComponent(breakGlassId)}/review`, {
        method: 'POST',
        body: { outcome, comment },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.breakGlass }),
  });
}

export type CprRevealState =
  | { status: 'idle' }
  | { status: 'pending' }
  | { status: 'shown'; cpr: string }
  | { status: 'error'; error: unknown };

export interface CprReveal {
  state: CprRevealState;
  reveal: (reason: string) => void;
  /** Asks again with the last reason (after logging in again for step-up). */
  retry: () => void;
  hide: () => void;
}

/**
 * Reveals a citizen's full CPR number with a reason (audited). The number lives only in this
 * component state: not in the query cache, a URL or storage, and it is gone when the page is left.
 */
export function useCprReveal(citizenId: string): CprReveal {
  const [state, setState] = useState<CprRevealState>({ status: 'idle' });
  // The reason (not the number) is kept for a retry after a step-up login.
  const lastReason = useRef('');
  const reveal = useCallback(
    (reason: string) => {
      lastReason.current = reason;
      setState({ status: 'pending' });
      apiJson<{ cpr: string }>(`${citizenPath(citizenId)}/cpr/reveal`, { method: 'POST', body: { reason } })
        .then((result) => setState({ status: 'shown', cpr: result.cpr }))
        .catch((error: unknown) => setState({ status: 'error', error }));
    },
    [citizenId],
  );
  const hide = useCallback(() => setState({ status: 'idle' }), []);
  const retry = useCallback(() => reveal(lastReason.current), [reveal]);
  return { state, reveal, retry, hide };
}
