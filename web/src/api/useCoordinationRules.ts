import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import { apiJson } from './client.js';
import { coordinationKeys } from './coordinationKeys.js';
import type { CoordinationRule, ItemList } from './coordination-types.js';

/** The coordination rules and this municipality's settings for them. */
export function useCoordinationRules(): UseQueryResult<CoordinationRule[]> {
  return useQuery({
    queryKey: coordinationKeys.rules,
    queryFn: async ({ signal }) =>
      (await apiJson<ItemList<CoordinationRule>>('/api/coordination/rules', { signal })).items,
  });
}
