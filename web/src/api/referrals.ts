import {
  type UseQueryResult,
  useQuery,
  type UseMutationResult,
  useMutation,
  useQueryClient,
} from '@tanstack/react-query';
import { apiJson, type ItemList } from './client.js';
import { queryKeys, citizenPath } from './queryKeys.js';
import type { Referral, ReferralAction } from '../../../src/domain/coordination/referrals.responses.js';

export type {
  ReferralStatus,
  Referral,
  ReferralAction,
} from '../../../src/domain/coordination/referrals.responses.js';

/** My unit's referrals: incoming (to answer) or outgoing (sent), open and closed. */
export function useReferrals(direction: 'incoming' | 'outgoing'): UseQueryResult<Referral[]> {
  return useQuery({
    queryKey: queryKeys.referrals(direction),
    queryFn: async ({ signal }) =>
      (await apiJson<ItemList<Referral>>(`/api/referrals?direction=${direction}&status=all`, { signal }))
        .items,
  });
}

/** A citizen's referrals, for the plan page. */
export function useCitizenReferrals(citizenId: string): UseQueryResult<Referral[]> {
  return useQuery({
    queryKey: queryKeys.citizenReferrals(citizenId),
    queryFn: async ({ signal }) =>
      (await apiJson<ItemList<Referral>>(`${citizenPath(citizenId)}/referrals`, { signal })).items,
  });
}

export interface NewReferral {
  toUnitId: string;
  subGoalId?: string;
  reason: string;
}

/** Refers the citizen to another unit for a sub-goal. */
export function useCreateReferral(citizenId: string): UseMutationResult<Referral, Error, NewReferral> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (referral) =>
      apiJson<Referral>(`${citizenPath(citizenId)}/referrals`, { method: 'POST', body: referral }),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.citizenReferrals(citizenId) }),
        queryClient.invalidateQueries({ queryKey: ['referrals'] }),
      ]);
    },
  });
}

export interface ReferralActionInput {
  referralId: string;
  action: ReferralAction;
  /** The reason (decline, withdraw) or an optional comment. */
  text: string;
}

/** Moves a referral along its loop: accept, decline, start, complete or withdraw. */
export function useReferralAction(): UseMutationResult<Referral, Error, ReferralActionInput> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ referralId, action, text }) => {
      const trimmed = text.trim();
      const needsReason = action === 'decline' || action === 'withdraw';
      const comment = trimmed === '' ? {} : { comment: trimmed };
      const body = needsReason ? { reason: trimmed } : comment;
      return apiJson<Referral>(`/api/referrals/${encodeURIComponent(referralId)}/${action}`, {
        method: 'POST',
        body,
      });
    },
    onSuccess: async (referral) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['referrals'] }),
        queryClient.invalidateQueries({ queryKey: ['citizens', referral.citizenId, 'referrals'] }),
      ]);
    },
  });
}

// As often as the inbox's count: a new referral shows within a minute.
const POLL_MS = 60_000;

/** How many referrals to my unit wait for an answer: the navigation's badge. */
export function useUnansweredReferrals(enabled: boolean): UseQueryResult<number> {
  return useQuery({
    queryKey: ['referrals', 'unanswered-count'],
    queryFn: async ({ signal }) =>
      (await apiJson<{ count: number }>('/api/referrals/unanswered-count', { signal })).count,
    enabled,
    refetchInterval: POLL_MS,
  });
}
