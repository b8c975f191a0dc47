import { type UseMutationResult, useMutation, useQueryClient } from '@tanstack/react-query';
import { apiJson } from './client.js';
import { citizenPath, coordinationKeys } from './coordinationKeys.js';

/** Revokes a relative's delegated access; their sessions end at once. */
export function useRevokeDelegation(citizenId: string): UseMutationResult<void, Error, string> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (delegationId) =>
      apiJson<void>(`${citizenPath(citizenId)}/delegations/${encodeURIComponent(delegationId)}/revoke`, {
        method: 'POST',
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: coordinationKeys.delegations(citizenId) }),
  });
}
