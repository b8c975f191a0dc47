import {
  type UseMutationResult,
  type UseQueryResult,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type {
  InvitationCount,
  IssuedLinks,
  SurveyInvitation,
} from '../../../src/domain/measures/surveys.responses.js';
import { apiJson } from './client.js';

/**
 * Invitation links to a collaboration survey round: the team leader issues them (and sees
 * them once); a respondent answers through one without a login.
 */

/** The links' shapes are the server's own (src/domain/measures/surveys.responses.ts). */
export type {
  InvitationCount,
  IssuedLinks,
  SurveyInvitation,
} from '../../../src/domain/measures/surveys.responses.js';

/** A text in Danish and English, as a link's questions carry it. */
export type LocalText = SurveyInvitation['questions'][number]['label'];

const path = (token: string) => `/api/survey-invitations/${encodeURIComponent(token)}`;
const countsKey = (surveyId: string) => ['surveys', 'collaboration', surveyId, 'invitations'] as const;

/** What a link asks; a used or unknown link is a 404 (never retried). */
export function useSurveyInvitation(token: string): UseQueryResult<SurveyInvitation> {
  return useQuery({
    queryKey: ['survey-invitation', token],
    queryFn: ({ signal }) => apiJson<SurveyInvitation>(path(token), { signal }),
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useAnswerInvitation(
  token: string,
): UseMutationResult<void, Error, { answers: ({ group: string } & Record<string, number | string>)[] }> {
  return useMutation({
    mutationFn: (body) => apiJson<void>(`${path(token)}/answers`, { method: 'POST', body }),
  });
}

export function useInvitationCounts(surveyId: string): UseQueryResult<{ items: InvitationCount[] }> {
  return useQuery({
    queryKey: countsKey(surveyId),
    queryFn: ({ signal }) =>
      apiJson<{ items: InvitationCount[] }>(
        `/api/collaboration-surveys/${encodeURIComponent(surveyId)}/invitations`,
        { signal },
      ),
  });
}

export function useIssueInvitations(
  surveyId: string,
): UseMutationResult<IssuedLinks, Error, { round: string; group: string; count: number }> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ round, group, count }) =>
      apiJson<IssuedLinks>(
        `/api/collaboration-surveys/${encodeURIComponent(surveyId)}/rounds/${encodeURIComponent(round)}/invitations`,
        { method: 'POST', body: { group, count } },
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['surveys'] }),
  });
}
