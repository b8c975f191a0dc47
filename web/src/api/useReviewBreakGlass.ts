import { type UseMutationResult, useMutation, useQueryClient } from '@tanstack/react-query';
import { apiJson } from './client.js';
import { coordinationKeys } from './coordinationKeys.js';

/** Marks a break-the-glass access as reviewed by the leader. */
export function useReviewBreakGlass(): UseMutationResult<void, Error, string> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (breakGlassId) =>
      apiJson<void>(`/api/break-glass/${encodeURIComponent(breakGlassId)}/review`, { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: coordinationKeys.breakGlass }),
  });
}
