import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import { apiJson } from './client.js';
import { citizenPath, coordinationKeys } from './coordinationKeys.js';
import type { Flag, ItemList } from './coordination-types.js';

/** A citizen's coordination flags, open and closed, each with its history. */
export function useCitizenFlags(citizenId: string, enabled = true): UseQueryResult<Flag[]> {
  return useQuery({
    queryKey: coordinationKeys.citizenFlags(citizenId),
    queryFn: async ({ signal }) =>
      (await apiJson<ItemList<Flag>>(`${citizenPath(citizenId)}/flags?include=all`, { signal })).items,
    enabled,
  });
}
