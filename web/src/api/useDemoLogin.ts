import { type UseMutationResult, useMutation, useQueryClient } from '@tanstack/react-query';
import { apiJson } from './client.js';
import { queryKeys } from './queryKeys.js';
import type { Me } from './types.js';

/**
 * Logs in as a demo persona; the server sets the session cookie. Null: a relative with several
 * powers of attorney, who chooses whose plan to see first.
 */
export function useDemoLogin(): UseMutationResult<Me | null, Error, string> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (persona: string) =>
      (await apiJson<{ user: Me | null }>('/api/auth/demo-login', { method: 'POST', body: { persona } }))
        .user,
    onSuccess: (me) => {
      // Whatever was cached belonged to someone else's session.
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'auth' });
      if (me) queryClient.setQueryData(queryKeys.me, me);
      else queryClient.removeQueries({ queryKey: queryKeys.me });
    },
  });
}
