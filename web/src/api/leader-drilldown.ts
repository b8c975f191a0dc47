import { keepPreviousData, type UseQueryResult, useQuery } from '@tanstack/react-query';
import { apiJson } from './client.js';
import type { CoordinationTrend, LeaderFlagFilter, LeaderFlagList } from './coordination.js';
import type { UnitAttentionKind, UnitCitizens } from './workspace.js';

/** Rows per page of a list behind a figure. */
export const DRILLDOWN_PAGE = 50;

function query(values: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value !== undefined) params.set(key, String(value));
  return params.toString();
}

/** The flags behind a figure of the coordination overview, one page. */
export function useLeaderFlags(filter: LeaderFlagFilter, offset: number): UseQueryResult<LeaderFlagList> {
  return useQuery({
    queryKey: ['coordination', 'flags', filter, offset],
    queryFn: ({ signal }) =>
      apiJson<LeaderFlagList>(
        `/api/coordination/flags?${query({ ...filter, limit: DRILLDOWN_PAGE, offset })}`,
        { signal },
      ),
    placeholderData: keepPreviousData,
  });
}

/** Open and raised coordination signals per ISO week, the last twelve weeks. */
export function useCoordinationTrend(): UseQueryResult<CoordinationTrend> {
  return useQuery({
    queryKey: ['coordination', 'trends'],
    queryFn: ({ signal }) => apiJson<CoordinationTrend>('/api/coordination/trends', { signal }),
    staleTime: 60_000,
  });
}

/** The unit's citizens behind a figure of its overview: one kind of attention or one professional's. */
export function useUnitCitizens(
  unitId: string | null,
  filter: { attention?: UnitAttentionKind; professionalId?: string },
  offset: number,
): UseQueryResult<UnitCitizens> {
  return useQuery({
    queryKey: ['workspace', 'unit-citizens', unitId, filter, offset],
    queryFn: ({ signal }) =>
      apiJson<UnitCitizens>(
        `/api/units/${encodeURIComponent(unitId ?? '')}/citizens?${query({ ...filter, limit: DRILLDOWN_PAGE, offset })}`,
        { signal },
      ),
    enabled: unitId !== null,
    placeholderData: keepPreviousData,
  });
}
