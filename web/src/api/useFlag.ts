import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import { apiJson } from './client.js';
import { coordinationKeys } from './coordinationKeys.js';
import type { Flag } from './coordination-types.js';

/** One flag with its history (the citizen's list leaves the history out). */
export function useFlag(flagId: string): UseQueryResult<Flag> {
  return useQuery({
    queryKey: coordinationKeys.flag(flagId),
    queryFn: ({ signal }) => apiJson<Flag>(`/api/flags/${encodeURIComponent(flagId)}`, { signal }),
  });
}
