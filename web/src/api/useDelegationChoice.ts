import {
  type UseMutationResult,
  type UseQueryResult,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { apiJson, isApiError } from './client.js';
import { queryKeys } from './queryKeys.js';
import type { Me } from './types.js';

/** A citizen whose plan a relative may act for under a delegation (fuldmagt). */
export interface DelegationChoice {
  delegationId: string;
  citizenId: string;
  citizenName: string;
  validUntil: string | null;
  current: boolean;
}

/** The relative's delegations in force; `null` when the session is gone (401). */
export function useDelegationChoices(): UseQueryResult<DelegationChoice[] | null> {
  return useQuery({
    queryKey: ['auth', 'delegations'],
    queryFn: async () => {
      try {
        return (await apiJson<{ items: DelegationChoice[] }>('/api/auth/delegations')).items;
      } catch (error) {
        if (isApiError(error, 401)) return null;
        throw error;
      }
    },
    staleTime: 0,
  });
}

/** Acts for the chosen citizen from now on (choose or switch); what was cached belonged to another. */
export function useChooseDelegation(): UseMutationResult<Me, Error, string> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (delegationId: string) =>
      (await apiJson<{ user: Me }>('/api/auth/delegation', { method: 'POST', body: { delegationId } })).user,
    onSuccess: (me) => {
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'auth' });
      queryClient.removeQueries({ queryKey: ['auth', 'delegations'] });
      queryClient.setQueryData(queryKeys.me, me);
    },
  });
}
