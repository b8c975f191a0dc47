import {
  type UseQueryResult,
  useQuery,
  useQueryClient,
  type UseMutationResult,
  useMutation,
} from '@tanstack/react-query';
import type { Delegation } from '../../../src/domain/consent/consent.responses.js';
import { apiJson, type ItemList } from './client.js';
import { queryKeys, citizenPath } from './queryKeys.js';
import { useCallback, useState } from 'react';

export type { Delegation } from '../../../src/domain/consent/consent.responses.js';

/** Relatives with delegated access (fuldmagt). */
export function useDelegations(citizenId: string): UseQueryResult<Delegation[]> {
  return useQuery({
    queryKey: queryKeys.delegations(citizenId),
    queryFn: async ({ signal }) =>
      (await apiJson<ItemList<Delegation>>(`${citizenPath(citizenId)}/delegations`, { signal })).items,
  });
}

export interface NewDelegation {
  granteeCpr: string;
  granteeName: string;
  validUntil?: string;
  /** Whether the relative may also give and withdraw consent (not by default). */
  includesConsent?: boolean;
}

export interface GrantDelegation {
  pending: boolean;
  error: unknown;
  grant: (delegation: NewDelegation) => Promise<boolean>;
}

/**
 * Grants a relative delegated access. Plain state rather than a TanStack mutation: a mutation
 * keeps its variables — here the relative's CPR number — in the mutation cache.
 */
export function useGrantDelegation(citizenId: string): GrantDelegation {
  const queryClient = useQueryClient();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const grant = useCallback(
    async (delegation: NewDelegation): Promise<boolean> => {
      setPending(true);
      setError(null);
      try {
        await apiJson<Delegation>(`${citizenPath(citizenId)}/delegations`, {
          method: 'POST',
          body: delegation,
        });
        await queryClient.invalidateQueries({ queryKey: queryKeys.delegations(citizenId) });
        return true;
      } catch (caught) {
        setError(caught);
        return false;
      } finally {
        setPending(false);
      }
    },
    [citizenId, queryClient],
  );
  return { pending, error, grant };
}

/** Revokes a relative's delegated access; their sessions end at once. */
export function useRevokeDelegation(citizenId: string): UseMutationResult<void, Error, string> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (delegationId) =>
      apiJson<void>(`${citizenPath(citizenId)}/delegations/${encodeURIComponent(delegationId)}/revoke`, {
        method: 'POST',
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.delegations(citizenId) }),
  });
}
