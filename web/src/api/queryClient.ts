import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError, isApiError } from './client.js';
import { queryKeys } from './queryKeys.js';

/** Forgets the user and everything cached for them; the route guard then shows the login page. */
export function forgetSession(queryClient: QueryClient): void {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'auth' });
  queryClient.setQueryData(queryKeys.me, null);
}

/**
 * Whether a failed query is tried again: a hiccup (network, 5xx) up to twice; a client error
 * never. 401 (not logged in), 403 (no access) and 404 (not there) are answers, and asking again
 * only delays the page that says so.
 */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

/**
 * One query client for the app. A 401 anywhere means the session is gone. Client errors
 * (4xx) are answers, not hiccups, so they are never retried.
 */
export function createQueryClient(): QueryClient {
  const onError = (error: unknown): void => {
    if (isApiError(error, 401)) forgetSession(queryClient);
  };
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: shouldRetry,
      },
      mutations: { retry: false },
    },
  });
  return queryClient;
}
