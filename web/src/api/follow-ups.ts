import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import type { FollowUpList, FollowUpView } from '../../../src/domain/plan/follow-up.responses.js';
import { apiJson } from './client.js';
import { citizenPath, queryKeys } from './queryKeys.js';

export type { FollowUpView };

/** The citizen's held follow-ups the viewer may see, newest first. */
export function useFollowUps(citizenId: string, enabled = true): UseQueryResult<FollowUpView[]> {
  return useQuery({
    queryKey: queryKeys.followUps(citizenId),
    queryFn: async ({ signal }) =>
      (await apiJson<FollowUpList>(`${citizenPath(citizenId)}/plan/follow-ups`, { signal })).items,
    enabled,
    staleTime: 30_000,
  });
}
