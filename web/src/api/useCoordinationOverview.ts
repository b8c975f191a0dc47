import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import { apiJson } from './client.js';
import { coordinationKeys } from './coordinationKeys.js';
import type { CoordinationOverview } from './coordination-types.js';

/** The municipality-wide coordination overview for leaders. */
export function useCoordinationOverview(): UseQueryResult<CoordinationOverview> {
  return useQuery({
    queryKey: coordinationKeys.overview,
    queryFn: ({ signal }) => apiJson<CoordinationOverview>('/api/coordination/overview', { signal }),
  });
}
