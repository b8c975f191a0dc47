import {
  type UseQueryResult,
  useQuery,
  type UseMutationResult,
  useMutation,
  useQueryClient,
} from '@tanstack/react-query';
import { apiJson, isApiError } from './client.js';
import { queryKeys } from './queryKeys.js';
import type { DelegationChoice, DemoPersona, Me } from '../../../src/domain/auth/auth.responses.js';
import { forgetSession } from './queryClient.js';

export type { UnitRef, Me, DemoPersona, DelegationChoice } from '../../../src/domain/auth/auth.responses.js';

/**
 * Fetches the logged-in user; `null` when nobody is logged in. Asks /api/auth/session, which
 * answers "nobody" with 200 and `user: null`: on the login page that is the normal answer, and
 * a 401 would be logged by the browser as a failed request at every visit.
 */
export async function fetchMe(): Promise<Me | null> {
  return (await apiJson<{ user: Me | null }>('/api/auth/session')).user;
}

/** The logged-in user, or `null` when nobody is logged in. */
export function useMe(): UseQueryResult<Me | null> {
  return useQuery({ queryKey: queryKeys.me, queryFn: fetchMe, staleTime: 5 * 60_000 });
}

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

/** The personas one can log in as in demo mode. */
export function useDemoPersonas(): UseQueryResult<DemoPersona[]> {
  return useQuery({
    queryKey: queryKeys.demoPersonas,
    queryFn: async () => (await apiJson<{ personas: DemoPersona[] }>('/api/auth/demo-personas')).personas,
    staleTime: 10 * 60_000,
  });
}

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

/** The relative's delegations in force; `null` when the session is gone (401). */
export function useDelegationChoices(): UseQueryResult<DelegationChoice[] | null> {
  return useQuery({
    queryKey: queryKeys.delegationChoices,
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
      queryClient.removeQueries({ queryKey: queryKeys.delegationChoices });
      queryClient.setQueryData(queryKeys.me, me);
    },
  });
}
