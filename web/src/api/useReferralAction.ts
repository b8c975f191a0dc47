import { type UseMutationResult, useMutation, useQueryClient } from '@tanstack/react-query';
import { apiJson } from './client.js';
import type { Referral, ReferralAction } from './coordination-types.js';

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
