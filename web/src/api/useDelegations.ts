import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import type { Delegation } from './access-types.js';
import { apiJson } from './client.js';
import { citizenPath, coordinationKeys } from './coordinationKeys.js';
import type { ItemList } from './coordination-types.js';

/** Relatives with delegated access (fuldmagt). */
export function useDelegations(citizenId: string): UseQueryResult<Delegation[]> {
  return useQuery({
    queryKey: coordinationKeys.delegations(citizenId),
    queryFn: async ({ signal }) =>
      (await apiJson<ItemList<Delegation>>(`${citizenPath(citizenId)}/delegations`, { signal })).items,
  });
}
