import {
  type UseMutationResult,
  type UseQueryResult,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type { DecisionView, HearingResponseCreate } from '../../../src/domain/decisions/decision.schemas.js';
import { apiJson } from './client.js';
import { citizenPath } from './queryKeys.js';

/** A preliminary decision and its hearing, as the API shows it (one schema, the server's). */
export type Decision = DecisionView;

const decisionsKey = (citizenId: string) => ['citizen', citizenId, 'decisions'] as const;

/** The citizen's decisions and hearings, oldest first (none for a passing basis). */
export function useDecisions(citizenId: string): UseQueryResult<Decision[]> {
  return useQuery({
    queryKey: decisionsKey(citizenId),
    queryFn: async ({ signal }) =>
      (await apiJson<{ items: Decision[] }>(`${citizenPath(citizenId)}/decisions`, { signal })).items,
  });
}

/** Her comment on a decision in hearing, or her correction of its facts. */
export function useAnswerHearing(
  citizenId: string,
  decisionId: string,
): UseMutationResult<Decision, Error, HearingResponseCreate> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (answer) =>
      apiJson<Decision>(`${citizenPath(citizenId)}/decisions/${decisionId}/responses`, {
        method: 'POST',
        body: answer,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: decisionsKey(citizenId) }),
  });
}
