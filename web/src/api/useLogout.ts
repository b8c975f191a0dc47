import { type UseMutationResult, useMutation, useQueryClient } from '@tanstack/react-query';
import { apiJson } from './client.js';
import { forgetSession } from './queryClient.js';

/** Ends the session and forgets every cached answer. */
export function useLogout(): UseMutationResult<void, Error, void> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiJson<void>('/api/auth/logout', { method: 'POST' }),
    onSettled: () => {
      forgetSession(queryClient);
    },
  });
}
