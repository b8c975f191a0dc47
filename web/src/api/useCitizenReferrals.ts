import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import { apiJson } from './client.js';
import { citizenPath, coordinationKeys } from './coordinationKeys.js';
import type { ItemList, Referral } from './coordination-types.js';

/** A citizen's referrals, for the plan page. */
export function useCitizenReferrals(citizenId: string): UseQueryResult<Referral[]> {
  return useQuery({
    queryKey: coordinationKeys.citizenReferrals(citizenId),
    queryFn: async ({ signal }) =>
      (await apiJson<ItemList<Referral>>(`${citizenPath(citizenId)}/referrals`, { signal })).items,
  });
}
