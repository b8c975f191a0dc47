import { type UseMutationResult, useMutation, useQueryClient } from '@tanstack/react-query';
import { apiJson } from './client.js';
import { citizenPath, coordinationKeys } from './coordinationKeys.js';
import type { Referral } from './coordination-types.js';

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
        queryClient.invalidateQueries({ queryKey: coordinationKeys.citizenReferrals(citizenId) }),
        queryClient.invalidateQueries({ queryKey: ['referrals'] }),
      ]);
    },
  });
}
