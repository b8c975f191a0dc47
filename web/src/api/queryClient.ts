import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError, isApiError } from './client.js';
import { queryKeys } from './queryKeys.js';

/** Forgets the user and everything cached for them; the route guard then shows the login page. */
export function forgetSession(queryClient: QueryClient): void {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'auth' });
  queryClient.setQueryData(queryKeys.me, null);
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
        retry: (failureCount, error) =>
          !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failureCount < 2,
      },
      mutations: { retry: false },
    },
  });
  return queryClient;
}
