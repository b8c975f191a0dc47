import { type UseMutationResult, useMutation, useQueryClient } from '@tanstack/react-query';
import { apiJson } from './client.js';
import { citizenPath } from './coordinationKeys.js';

/** Breaks the glass: four hours of access to a citizen without a relationship, with a reason. */
export function useBreakGlass(
  citizenId: string,
): UseMutationResult<{ id: string; expiresAt: string }, Error, string> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (reason) =>
      apiJson<{ id: string; expiresAt: string }>(`${citizenPath(citizenId)}/break-glass`, {
        method: 'POST',
        body: { reason },
      }),
    // The refused plan is now readable: drop the cached 403 so the page fetches it again.
    onSuccess: () => queryClient.resetQueries({ queryKey: ['citizens', citizenId] }),
  });
}
