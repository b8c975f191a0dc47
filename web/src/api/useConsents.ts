import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import type { Consent } from './access-types.js';
import { apiJson } from './client.js';
import { citizenPath, coordinationKeys } from './coordinationKeys.js';
import type { ItemList } from './coordination-types.js';

/** The citizen's consents and recorded legal bases, with their history (newest first). */
export function useConsents(citizenId: string): UseQueryResult<Consent[]> {
  return useQuery({
    queryKey: coordinationKeys.consents(citizenId),
    queryFn: async ({ signal }) =>
      (await apiJson<ItemList<Consent>>(`${citizenPath(citizenId)}/consents`, { signal })).items,
  });
}
