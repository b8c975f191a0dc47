import { type UseMutationResult, useMutation, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from './queryKeys.js';
import { apiJson } from './client.js';
import { coordinationKeys } from './coordinationKeys.js';
import type { Flag } from './coordination-types.js';

export type FlagAction = 'acknowledge' | 'resolve' | 'dismiss';

export interface FlagActionInput {
  flagId: string;
  action: FlagAction;
  /** A comment (acknowledge, resolve) or the reason (dismiss). */
  text: string;
  /** A dismissal's return date (YYYY-MM-DD): the flag opens again then if its cause remains. */
  returnDate?: string;
}

/** Acknowledges, resolves or dismisses a flag; refreshes the citizen's flags and My day's counts. */
export function useFlagAction(citizenId: string): UseMutationResult<Flag, Error, FlagActionInput> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ flagId, action, text, returnDate }) => {
      const trimmed = text.trim();
      const comment = trimmed === '' ? {} : { comment: trimmed };
      const body = action === 'dismiss' ? { reason: trimmed, returnDate } : comment;
      return apiJson<Flag>(`/api/flags/${encodeURIComponent(flagId)}/${action}`, { method: 'POST', body });
    },
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: coordinationKeys.citizenFlags(citizenId) }),
        queryClient.invalidateQueries({ queryKey: coordinationKeys.myDayFlags }),
        queryClient.invalidateQueries({ queryKey: queryKeys.nextSteps(citizenId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.myDay }),
      ]);
    },
  });
}
