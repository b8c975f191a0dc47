import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import { apiJson } from './client.js';
import { queryKeys } from './queryKeys.js';
import type {
  InterventionType,
  Professional,
  Unit,
} from '../../../src/domain/organisation/catalogue.responses.js';

export type {
  InterventionType,
  Unit,
  Professional,
} from '../../../src/domain/organisation/catalogue.responses.js';

// The organisation and catalogue change rarely; forms may reuse them for a long while.
const CATALOGUE_STALE_MS = 10 * 60_000;

/** The municipality's intervention catalogue. */
export function useInterventionTypes(): UseQueryResult<InterventionType[]> {
  return useQuery({
    queryKey: queryKeys.interventionTypes,
    queryFn: async ({ signal }) =>
      (await apiJson<{ items: InterventionType[] }>('/api/catalogue/intervention-types', { signal })).items,
    staleTime: CATALOGUE_STALE_MS,
  });
}

/** The municipality's units. */
export function useUnits(): UseQueryResult<Unit[]> {
  return useQuery({
    queryKey: queryKeys.units,
    queryFn: async ({ signal }) => (await apiJson<{ items: Unit[] }>('/api/units', { signal })).items,
    staleTime: CATALOGUE_STALE_MS,
  });
}

/** The active professionals of one unit; nothing is fetched until a unit is chosen. */
export function useProfessionals(unitId: string): UseQueryResult<Professional[]> {
  return useQuery({
    queryKey: queryKeys.professionals(unitId),
    queryFn: async ({ signal }) =>
      (
        await apiJson<{ items: Professional[] }>(`/api/professionals?unitId=${encodeURIComponent(unitId)}`, {
          signal,
        })
      ).items,
    enabled: unitId !== '',
    staleTime: CATALOGUE_STALE_MS,
  });
}
