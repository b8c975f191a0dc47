import {
  type UseMutationResult,
  type UseQueryResult,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type {
  DecisionCreate,
  DecisionView,
  HearingResponseCreate,
} from '../../../src/domain/decisions/decision.schemas.js';
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

type StepPath = 'informal-contact' | 'hearing' | 'final' | 'appeal' | 'reconsideration' | 'appeal-result';

/** One step of the decision's checklist (POST …/decisions/:id/<step>); the server answers the decision. */
export function useDecisionStep<Body>(
  citizenId: string,
  decisionId: string,
  step: StepPath,
): UseMutationResult<Decision, Error, Body> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body) =>
      apiJson<Decision>(`${citizenPath(citizenId)}/decisions/${decisionId}/${step}`, {
        method: 'POST',
        body,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: decisionsKey(citizenId) }),
  });
}

/** A new draft (sent to hearing at once when it has a last day). */
export function useCreateDecision(citizenId: string): UseMutationResult<Decision, Error, DecisionCreate> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body) => apiJson<Decision>(`${citizenPath(citizenId)}/decisions`, { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: decisionsKey(citizenId) }),
  });
}

/** Where a decision's letter (the hearing letter or the final decision) is fetched as PDF. */
export function letterUrl(
  citizenId: string,
  decisionId: string,
  letter: 'hearing' | 'final',
  lang: string,
): string {
  return `${citizenPath(citizenId)}/decisions/${encodeURIComponent(decisionId)}/letters/${letter}?lang=${lang}`;
}
