import { type UseMutationResult, useMutation, useQueryClient } from '@tanstack/react-query';
import type { BreakGlassOutcome } from './access-types.js';
import { apiJson } from './client.js';
import { coordinationKeys } from './coordinationKeys.js';

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
    onSuccess: () => queryClient.invalidateQueries({ queryKey: coordinationKeys.breakGlass }),
  });
}
