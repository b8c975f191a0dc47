import { type UseMutationResult, useMutation, useQueryClient } from '@tanstack/react-query';
import type { BreakGlassReason } from './access-types.js';
import { apiJson } from './client.js';
import { citizenPath } from './coordinationKeys.js';

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
