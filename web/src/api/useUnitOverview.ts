import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import { apiJson } from './client.js';
import { queryKeys } from './queryKeys.js';
import type { UnitOverview } from './types.js';

/** A unit's caseloads and workload, for the unit's team leader. */
export function useUnitOverview(unitId: string | null): UseQueryResult<UnitOverview> {
  return useQuery({
    queryKey: queryKeys.unitOverview(unitId ?? ''),
    queryFn: ({ signal }) =>
      apiJson<UnitOverview>(`/api/units/${encodeURIComponent(unitId ?? '')}/overview`, { signal }),
    enabled: unitId !== null,
    staleTime: 60_000,
  });
}
