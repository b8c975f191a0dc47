import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import { apiJson } from './client.js';

// As often as the inbox's count: a new referral shows within a minute.
const POLL_MS = 60_000;

/** How many referrals to my unit wait for an answer: the navigation's badge. */
export function useUnansweredReferrals(enabled: boolean): UseQueryResult<number> {
  return useQuery({
    queryKey: ['referrals', 'unanswered-count'],
    queryFn: async ({ signal }) =>
      (await apiJson<{ count: number }>('/api/referrals/unanswered-count', { signal })).count,
    enabled,
    refetchInterval: POLL_MS,
  });
}
