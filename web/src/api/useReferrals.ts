import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import { apiJson } from './client.js';
import { coordinationKeys } from './coordinationKeys.js';
import type { ItemList, Referral } from './coordination-types.js';

/** My unit's referrals: incoming (to answer) or outgoing (sent), open and closed. */
export function useReferrals(direction: 'incoming' | 'outgoing'): UseQueryResult<Referral[]> {
  return useQuery({
    queryKey: coordinationKeys.referrals(direction),
    queryFn: async ({ signal }) =>
      (await apiJson<ItemList<Referral>>(`/api/referrals?direction=${direction}&status=all`, { signal }))
        .items,
  });
}
