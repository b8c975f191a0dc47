import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import { apiJson } from './client.js';
import { queryKeys } from './queryKeys.js';
import type { MyDay } from './types.js';

/** The logged-in professional's citizens with what needs attention today. */
export function useMyDay(): UseQueryResult<MyDay> {
  return useQuery({
    queryKey: queryKeys.myDay,
    queryFn: ({ signal }) => apiJson<MyDay>('/api/my-day', { signal }),
    staleTime: 30_000,
  });
}
